"""Span: START..END of a phrase in the folded text (a name, a time, a measure)."""
from __future__ import annotations


class Span:
    # A plain class, not a NamedTuple: compiled (mypyc), it is built and
    # read without a Python call or a tuple lookup.
    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start == other.start and self.end == other.end

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"
