"""The inputs named on the command line, as decoded documents: files,
folders (every *.txt below them, sorted), - for standard input, and JSON
Lines corpora whose records carry the text in one field.

Problems with one input (or one record) are reported as InputError and
never stop the others.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterator, NamedTuple

from .decode import DecodeError, decode


class InputError(Exception):
    """One input could not be read; the message names it and says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class Document(NamedTuple):
    name: str  # the file as given, - for standard input, or a record's id
    text: str


class Corpus(NamedTuple):
    """How to read JSON Lines inputs: the field with the text, and the one
    with the record's id (None: the id is FILE:LINE)."""

    text_field: str
    id_field: str | None = None


def expand(names: list[str], pattern: str = "*.txt") -> Iterator[str]:
    """NAMES with each folder replaced by the files below it that match
    PATTERN, sorted."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob(pattern) if p.is_file())
            if not found:
                yield name  # reported as an empty folder when read
            yield from found
        else:
            yield name


def documents(names: list[str], encoding: str | None = None, corpus: Corpus | None = None) -> Iterator[Document | InputError]:
    """Each document of NAMES in order, or an InputError in its place."""
    for name in expand(names, "*.txt" if corpus is None else "*.jsonl"):
        if corpus is None:
            try:
                yield read(name, encoding)
            except InputError as error:
                yield error
        else:
            yield from _records(name, encoding, corpus)


def read(name: str, encoding: str | None = None) -> Document:
    """The decoded text of NAME; raises InputError with a one-line reason."""
    data = _read_bytes(name)
    try:
        return Document(name, decode(data, encoding))
    except DecodeError as error:
        raise InputError(name, str(error)) from None


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise InputError(name, "is a folder with no files to read in it")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None


def _records(name: str, encoding: str | None, corpus: Corpus) -> Iterator[Document | InputError]:
    """The records of a JSON Lines file, one line at a time (never the whole file)."""
    try:
        handle = _open_lines(name)
    except InputError as error:
        yield error
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            where = f"{name}:{number}"
            if not raw.strip():
                continue
            codec = encoding or ("utf-8-sig" if number == 1 else "utf-8")
            try:
                record = json.loads(raw.decode(codec))
            except (UnicodeDecodeError, LookupError) as error:
                yield InputError(where, f"not {encoding or 'UTF-8'} text ({error.__class__.__name__})")
                continue
            except json.JSONDecodeError as error:
                yield InputError(where, f"not JSON: {error.msg}")
                continue
            yield _record_document(where, record, corpus)


def _record_document(where: str, record: object, corpus: Corpus) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(where, "not a JSON object")
    text = record.get(corpus.text_field)
    if text is None:
        return InputError(where, f"no field {corpus.text_field!r}")
    if not isinstance(text, str):
        return InputError(where, f"field {corpus.text_field!r} is not a string")
    source = where
    if corpus.id_field is not None:
        ident = record.get(corpus.id_field)
        if ident is None:
            return InputError(where, f"no field {corpus.id_field!r}")
        source = str(ident)
    return Document(source, text)


def _open_lines(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdin.buffer
    path = Path(name)
    if path.is_dir():
        raise InputError(name, "is a folder with no .jsonl files in it")
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as error:
        raise InputError(name, error.strerror or str(error)) from None
