"""The inputs named on the command line, as decoded documents: files,
folders (every *.txt below them, sorted), - for standard input, and JSON
Lines corpora whose records carry the text in one field.

Problems with one input (or one record) are reported as InputError and
never stop the others.
"""
from __future__ import annotations

import json
import re
import stat
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterator, NamedTuple

from .decode import DecodeError, encoding_of, reading

if TYPE_CHECKING:
    import datetime

    from ..core.normalised import Provenance


class InputError(Exception):
    """One input could not be read; the message names it and says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    # Whether it fails the run (exit 1); an empty input does not.
    fails = True

    def __reduce__(self):
        # Worker processes send these back to the parent: pickle by fields.
        return (InputError, (self.name, self.reason))


class EmptyInput(InputError):
    """An input with no text in it, reported and skipped: a corpus with one
    empty file is not a broken corpus (cat, jq and rg take an empty file
    as nothing to do, not as an error)."""

    fails = False

    def __init__(self, name: str, reason: str = "empty, skipped") -> None:
        super().__init__(name, reason)

    def __reduce__(self):
        return (EmptyInput, (self.name, self.reason))


class Document(NamedTuple):
    name: str  # the file as given, - for standard input, or a record's id
    text: str
    offset: int = 0  # a piece of a large file starts this many characters in
    first_line: int = 1  # ... and on this line
    size: int = 0  # the bytes of input it was read from, for the progress bar
    note: str = ""  # a warning for the user that does not stop the run (a guessed encoding)
    # A piece's: the date and region of the whole file (None: extract reads them from TEXT).
    provenance: Provenance | None = None
    date: datetime.date | None = None  # the date given for it: --date, or its record's --date-field
    currency: str | None = None  # --currency: what a bare 元 is
    warning: str | None = None  # a line to tell the user (a record's date field unreadable), not an error


# A file larger than this is read and handled in pieces of about
# _PIECE_CHARS characters, cut where an article starts (core.sentences), so
# memory stays bounded and the claims are those of the file read whole.
_WHOLE_FILE_BYTES = 2_000_000
_PIECE_CHARS = 120_000
_READ_BYTES = 1 << 20
# News has no line this long; such input is a dump of something else.
LONGEST_LINE = 200_000
# Nor a JSON Lines record this long (in bytes, as read): longer records
# are refused, unread, so that one cannot take the memory of the run.
LONGEST_RECORD = 4_000_000
# Old Mac files end lines with a CR alone; read as a line break (one
# character for one, so offsets hold), a CR LF stays as it is.
_LONE_CR = re.compile(r"\r(?!\n)")


class Corpus(NamedTuple):
    """How to read JSON Lines inputs: the field with the text, and the one
    with the record's id (None: the id is FILE:LINE)."""

    text_field: str
    id_field: str | None = None
    date_field: str | None = None  # the field with each record's date (--date-field)


def expand(names: list[str], pattern: str = "*.txt") -> Iterator[str]:
    """NAMES with each folder replaced by the files below it that match
    PATTERN, sorted. An empty name is no input (the command refuses it;
    Path("") would be the current folder and everything below it)."""
    for name in names:
        if not name:
            continue
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob(pattern) if p.is_file())
            if not found:
                yield name  # reported as an empty folder when read
            yield from found
        else:
            yield name


def documents(names: list[str], encoding: str | None = None, corpus: Corpus | None = None, *,
              date: datetime.date | None = None, currency: str | None = None) -> Iterator[Document | InputError]:
    """Each document of NAMES in order, or an InputError in its place.
    DATE (--date) is the date of each document that has none of its own
    (a record's --date-field), CURRENCY (--currency) what a bare 元 is."""
    for name in expand(names, "*.txt" if corpus is None else "*.jsonl"):
        if corpus is None:
            found: Iterator[Document | InputError] = _read_pieces(name, encoding)
        else:
            found = _records(name, encoding, corpus, date is not None)
        if date is None and currency is None:
            yield from found
        else:
            yield from _given(found, date, currency)


def _read_pieces(name: str, encoding: str | None) -> Iterator[Document | InputError]:
    try:
        yield from pieces(name, encoding)
    except InputError as error:
        yield error


def _given(found: Iterator[Document | InputError], date: datetime.date | None,
           currency: str | None) -> Iterator[Document | InputError]:
    for item in found:
        if isinstance(item, Document):
            item = item._replace(date=item.date or date, currency=currency)
        yield item


def read(name: str, encoding: str | None = None) -> Document:
    """The whole decoded text of NAME; raises InputError with a one-line reason."""
    return _whole(name, _read_bytes(name), encoding)


def _whole(name: str, data: bytes, encoding: str | None) -> Document:
    try:
        found = reading(data, encoding)
    except DecodeError as error:
        raise InputError(name, str(error)) from None
    text = _line_ends(found.text)
    _check_text(name, text)
    note = ""
    if found.guessed:  # newsfacts: a.txt: read as big5, a guess for so short a text; ...
        note = f"read as {found.encoding}, a guess for so short a text; give --encoding if it reads wrong"
    return Document(name, text, size=len(data), note=note)


def _line_ends(text: str) -> str:
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def pieces(name: str, encoding: str | None = None) -> Iterator[Document]:
    """NAME as one document, or a large file as pieces of whole paragraphs.
    Standard input, devices and pipes are read in pieces too, a piece at
    a time (cat /dev/zero never fills the memory).

    Raises InputError (possibly after some pieces) with a one-line reason.
    """
    if name != "-" and _size(name) <= _WHOLE_FILE_BYTES:
        yield read(name, encoding)
        return
    yield from _large_file(name, encoding)


def _size(name: str) -> float:
    """The size of a regular file; infinite for what may never end (a
    device, a pipe), so it is read in pieces."""
    try:
        status = Path(name).stat()
    except OSError:
        return 0  # reading it will say what is wrong
    return status.st_size if stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode) else float("inf")


def _large_file(name: str, encoding: str | None) -> Iterator[Document]:
    import codecs

    with _open_binary(name) as handle:
        head = handle.read(_READ_BYTES)
        if len(head) < _READ_BYTES:  # all of it (standard input, mostly): as a small file is read
            yield _whole(name, head, encoding)
            return
        given = encoding
        try:
            encoding = encoding or encoding_of(head, sample=True)
            decoder = codecs.getincrementaldecoder(encoding)()
        except (DecodeError, LookupError) as error:
            raise InputError(name, str(error)) from None
        buffer, offset, line, checked, carry = "", 0, 1, False, ""
        known: Provenance | None = None
        data = head
        # Bytes read and characters decoded so far: each piece is counted as
        # its share of the bytes (for the progress bar), the last as what is left.
        read, decoded_chars, counted = 0, 0, 0
        while True:
            final = not data
            read += len(data)
            try:
                decoded = carry + decoder.decode(data, final=final)
            except UnicodeDecodeError as error:
                raise InputError(name, f"not valid {encoding} after character {offset + len(buffer)}: {error.reason}") from None
            if given is None and "\x00" in decoded:
                raise InputError(name, "binary data (NUL bytes); give its encoding with --encoding")
            carry = ""
            if not final and decoded.endswith("\r"):  # its LF may come with the next read
                decoded, carry = decoded[:-1], "\r"
            buffer += _line_ends(decoded)
            decoded_chars = offset + len(buffer)
            if not checked and (buffer.strip() or final):
                _check_text(name, buffer[:_PIECE_CHARS], whole=False)
                checked = True
            while len(buffer) >= _PIECE_CHARS or (final and buffer):
                if known is None:
                    known = _provenance(buffer, final)
                    if known is None:
                        break  # read on, to see as much of the file as extract() sees of it whole
                # At the end too, where the start of the file was held back for its provenance.
                cut = _article_cut(buffer) if len(buffer) >= _PIECE_CHARS else 0
                if cut == 0 and not final:
                    break  # no article starts in sight yet: read on
                cut = cut or len(buffer)
                piece, buffer = buffer[:cut], buffer[cut:]
                _check_lines(name, piece, line)
                share = len(piece) * read // decoded_chars
                size = read - counted if final and not buffer else min(read - counted, share)
                counted += size
                yield Document(name, piece, offset, line, size, provenance=known)
                offset += len(piece)
                line += piece.count("\n")
            if final:
                return
            data = handle.read(_READ_BYTES)


def _provenance(head: str, final: bool) -> Provenance | None:
    """The date and region of a file read in pieces, from HEAD, its start
    (all of it when FINAL), read as extract() reads them from the whole
    file: from its first normalised.REGION_CHARACTERS characters, and its
    first article; None until HEAD holds as many, or all of the file."""
    from ..core import normalised, normalize, sentences

    if len(head) < normalised.REGION_CHARACTERS and not final:
        return None
    whole = final and len(head) <= normalised.REGION_CHARACTERS
    folded = normalize.fold(head[: normalised.REGION_CHARACTERS])
    window = normalize.compact(folded)
    starts = sentences.article_starts(window.text, final=whole)
    first_end = window.original(starts[1]) if len(starts) > 1 else len(head)
    return normalised.provenance(head, first_end, folded)


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

    _, window = normalize.folded_and_compacted(buffer[: _PIECE_CHARS * 2], remember=True)
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
        raise EmptyInput(name)
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
    with _open_binary(name) as handle:
        return handle.read()


def _open_binary(name: str):
    """NAME opened for reading bytes (a context manager); standard input is
    left open when done with."""
    if name == "-":
        return nullcontext(sys.stdin.buffer)
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


def _records(name: str, encoding: str | None, corpus: Corpus,
             dated: bool = False) -> Iterator[Document | InputError]:
    """The records of a JSON Lines file, one line at a time (never the whole
    file). DATED: a --date is given for records without a date of their own."""
    try:
        handle = _open_lines(name)
    except InputError as error:
        yield error
        return
    warned = False
    with handle as lines:
        for number, raw in enumerate(_record_lines(lines), 1):
            where = f"{name}:{number}"
            if raw is None:
                yield InputError(where, f"a record longer than {LONGEST_RECORD:,} bytes: not news text")
                continue
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
            document = _record_document(where, record, corpus, len(raw))
            if isinstance(document, Document) and corpus.date_field is not None:
                document = _record_date(document, record, corpus.date_field, where, dated, warned)
                warned |= document.warning is not None
            yield document


def _record_lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """Each line of HANDLE, or None for one longer than LONGEST_RECORD,
    which is skipped a piece at a time, never held whole."""
    while True:
        raw = handle.readline(LONGEST_RECORD + 1)
        if not raw:
            return
        if len(raw) <= LONGEST_RECORD or raw.endswith(b"\n"):
            yield raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(_READ_BYTES)
        yield None


def _record_document(where: str, record: object, corpus: Corpus, size: int = 0) -> Document | InputError:
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
    checked = [(corpus.text_field, text)] + ([(corpus.id_field, source)] if corpus.id_field is not None else [])
    for field, value in checked:
        surrogate = _lone_surrogate(value)
        if surrogate is not None:
            return InputError(where, f"field {field!r} holds a lone surrogate ({value[surrogate]!r} at character "
                                     f"{surrogate}), which is not text")
    try:
        _check_lines(where, text, 1)
    except InputError as error:
        return error
    return Document(source, _line_ends(text), size=size)


def _record_date(document: Document, record: dict, field: str, where: str, dated: bool, warned: bool) -> Document:
    """DOCUMENT, the record at WHERE (FILE:LINE), dated by its FIELD; the
    first record of a file whose field holds no date says so (WARNED: one
    did already)."""
    from ..core.dateline import date_in_field

    value = record.get(field)
    date = date_in_field(value)
    if date is not None or warned:
        return document._replace(date=date)
    why = "missing" if value is None else f"{_shown(value)} is not a date such as 2024-03-09"
    then = "dated by --date instead" if dated else "only a dateline in its text can date it"
    name = where.rpartition(":")[0]
    return document._replace(warning=f"{where}: field {field!r} holds no date ({why}): {then}; "
                                     f"not said again for {name}")


def _shown(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _lone_surrogate(text: str) -> int | None:
    """Where TEXT holds a lone surrogate (JSON's "\\ud83d" without its
    pair), which no output can encode; None for none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _open_lines(name: str):
    return _open_binary(name)
