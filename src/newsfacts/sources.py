"""Read the inputs named on the command line: files, or - for standard input."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, NamedTuple

from .decode import DecodeError, decode


class InputError(Exception):
    """One input could not be read; the message names it and says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class Document(NamedTuple):
    name: str  # the file name as given, or - for standard input
    text: str


def read(name: str, encoding: str | None = None) -> Document:
    """The decoded text of NAME; raises InputError with a one-line reason."""
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a folder, not a file") from None
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as error:
            raise InputError(name, error.strerror or str(error)) from None
    try:
        return Document(name, decode(data, encoding))
    except DecodeError as error:
        raise InputError(name, str(error)) from None


def read_all(names: list[str], encoding: str | None, errors: list[InputError]) -> Iterator[Document]:
    """Each readable input in turn; unreadable ones are appended to ERRORS."""
    for name in names:
        try:
            yield read(name, encoding)
        except InputError as error:
            errors.append(error)
            print(f"newsfacts: {error}", file=sys.stderr)
