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

from .decode import DecodeError, decode, encoding_of


class InputError(Exception):
    """One input could not be read; the message names it and says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):
        # Worker processes send these back to the parent: pickle by fields.
        return (InputError, (self.name, self.reason))


class Document(NamedTuple):
    name: str  # the file as given, - for standard input, or a record's id
    text: str
    offset: int = 0  # a piece of a large file starts this many characters in
    first_line: int = 1  # ... and on this line


# A file larger than this is read and handled in pieces of about
# _PIECE_CHARS characters, cut where an article starts (core.sentences), so
# memory stays bounded and the claims are those of the file read whole.
_WHOLE_FILE_BYTES = 2_000_000
_PIECE_CHARS = 120_000
_READ_BYTES = 1 << 20
# News has no line this long; such input is a dump of something else.
LONGEST_LINE = 200_000


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
                yield from pieces(name, encoding)
            except InputError as error:
                yield error
        else:
            yield from _records(name, encoding, corpus)


def read(name: str, encoding: str | None = None) -> Document:
    """The whole decoded text of NAME; raises InputError with a one-line reason."""
    data = _read_bytes(name)
    try:
        text = decode(data, encoding)
    except DecodeError as error:
        raise InputError(name, str(error)) from None
    _check_text(name, text)
    return Document(name, text)


def pieces(name: str, encoding: str | None = None) -> Iterator[Document]:
    """NAME as one document, or a large file as pieces of whole paragraphs.

    Raises InputError (possibly after some pieces) with a one-line reason.
    """
    if name == "-" or _size(name) <= _WHOLE_FILE_BYTES:
        yield read(name, encoding)
        return
    yield from _large_file(name, encoding)


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _large_file(name: str, encoding: str | None) -> Iterator[Document]:
    import codecs

    with _open_binary(name) as handle:
        head = handle.read(_READ_BYTES)
        try:
            encoding = encoding or encoding_of(head, sample=True)
            decoder = codecs.getincrementaldecoder(encoding)()
        except (DecodeError, LookupError) as error:
            raise InputError(name, str(error)) from None
        buffer, offset, line, checked = "", 0, 1, False
        data = head
        while True:
            final = not data
            try:
                buffer += decoder.decode(data, final=final)
            except UnicodeDecodeError as error:
                raise InputError(name, f"not valid {encoding} after character {offset + len(buffer)}: {error.reason}") from None
            if not checked and (buffer.strip() or final):
                _check_text(name, buffer[:_PIECE_CHARS], whole=False)
                checked = True
            while len(buffer) >= _PIECE_CHARS or (final and buffer):
                cut = len(buffer) if final else _article_cut(buffer)
                if cut == 0:
                    break  # no article starts in sight yet: read on
                piece, buffer = buffer[:cut], buffer[cut:]
                _check_lines(name, piece, line)
                yield Document(name, piece, offset, line)
                offset += len(piece)
                line += piece.count("\n")
            if final:
                return
            data = handle.read(_READ_BYTES)


def _article_cut(buffer: str) -> int:
    """Where to end a piece of BUFFER, the text from the last cut on: at
    the last article start within twice _PIECE_CHARS, found as extract()
    finds it (articles never reach across a cut, so a file read in pieces
    gives the claims it gives read whole); 0 when none is in sight yet.

    An article is at most core.sentences.LONGEST_ARTICLE characters, so one
    always comes, unless a run of lines never ends a sentence: past
    _STUCK_CHARS the piece is cut at a line break, and only there may the
    claims differ from those of the file read whole.
    """
    from ..core import normalize, sentences

    window = normalize.compact(normalize.fold(buffer[: _PIECE_CHARS * 2]))
    starts = sentences.article_starts(window.text, final=False)
    if len(starts) > 1:
        return window.original(starts[-1])
    if len(buffer) < _STUCK_CHARS:
        return 0
    at = buffer.rfind("\n", 0, _PIECE_CHARS * 2)
    return at + 1 if at > 0 else min(len(buffer), _PIECE_CHARS * 2)  # no line break: _check_lines refuses it


_STUCK_CHARS = _PIECE_CHARS * 8


def _check_text(name: str, text: str, whole: bool = True) -> None:
    """Refuse what is not news text: nothing at all, no words, a huge line."""
    if not text.strip():
        raise InputError(name, "empty: no text in it")
    if not any(ch.isalpha() for ch in text[:100_000]):
        raise InputError(name, "no words in it, only digits and punctuation")
    if whole:
        _check_lines(name, text, 1)


def _check_lines(name: str, text: str, first_line: int) -> None:
    start = 0
    number = first_line
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if end - start > LONGEST_LINE:
            raise InputError(name, f"line {number} is longer than {LONGEST_LINE:,} characters: not news text")
        start = end + 1
        number += 1


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with _open_binary(name) as handle:
        return handle.read()


def _open_binary(name: str) -> IO[bytes]:
    path = Path(name)
    if path.is_dir():
        raise InputError(name, "is a folder with no files to read in it")
    try:
        return path.open("rb")
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
    return sys.stdin.buffer if name == "-" else _open_binary(name)
