"""A table made on first use and kept, for the tables that cannot be made
when their module is imported: those read from jieba's dictionary, which
nothing loads until a claim needs it (segment.py).

Tables that need no dictionary are module constants (Final), made at
import. Both are reached in a few machine instructions from compiled
code, where a call through functools.cache's wrapper costs several
hundred (the wrapper is a Python object: each call builds a tuple of its
arguments and looks it up in a dictionary), and the context stages read
their tables dozens of times for every claim.
"""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """MAKE() on the first get(), the same object on every later one.

    >>> calls = []
    >>> table = Once(lambda: calls.append(1) or {"县": None})
    >>> table.get() is table.get(), len(calls)
    (True, 1)
    """

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._value: T | None = None

    def get(self) -> T:
        value = self._value
        if value is None:
            value = self._value = self._make()
        return value
