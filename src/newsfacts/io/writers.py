"""Write claims as a table, CSV, TSV, JSON or JSON Lines; the table
(table.py), the HTML report (html_report.py) and Excel workbooks (xlsx.py)
have modules of their own, loaded only when asked for.

Every format takes its fields from claim.FIELDS, in that order, or the
ones --fields names, in the order it names them.
"""
from __future__ import annotations

import csv
import json
import math
import os
import unicodedata

import orjson
from decimal import Decimal
from typing import IO, Callable, Iterable, Sequence

from ..claim import FIELDS, Claim, number_to_plain

# orjson's output, for the rare claim orjson cannot write (an integer past 64 bits).
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def cell(value: object) -> str:
    """A claim field as spreadsheet text: numbers in full, never 9e+09.

    >>> cell(Decimal("9E+9")), cell(Decimal("0.5")), cell(None)
    ('9000000000', '0.5', '')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        number = number_to_plain(value)
        if isinstance(number, int):
            return str(number)
        if math.isfinite(number):
            return format(Decimal(repr(number)), "f")
        return format(value, "f")  # past a float's range: in full, as written
    return str(value)


def write(claims: Iterable[Claim], fmt: str, out: IO[str], fields: Sequence[str] | None = None,
          header: bool = True, normalised: bool = False) -> int:
    """Write CLAIMS to OUT in format FMT; return how many were written.

    FIELDS: the fields to write, in this order (None: all of claim.FIELDS).
    HEADER: whether CSV and TSV start with a row of the field names.
    NORMALISED: the table's default columns end with the normalised
    figures (the other formats have every field).
    """
    if fmt == "table":
        return _write_table(claims, out, fields, normalised)
    return _WRITERS[fmt](claims, out, fields, header)


def _write_delimited(claims: Iterable[Claim], out: IO[str], dialect: str, fields: Sequence[str] = FIELDS,
                     header: bool = True) -> int:
    writer = csv.writer(out, dialect=dialect)
    if header:
        writer.writerow(fields)
    count = 0
    for claim in claims:
        writer.writerow([cell(getattr(claim, name)) for name in fields])
        count += 1
    return count


def _write_jsonl(claims: Iterable[Claim], out: IO[str], fields: Sequence[str] | None = None) -> int:
    count = 0
    for claim in claims:
        out.write(_json_text(claim, fields) + "\n")
        count += 1
    return count


def _write_json(claims: Iterable[Claim], out: IO[str], fields: Sequence[str] | None = None) -> int:
    count = 0
    out.write("[")
    for claim in claims:
        out.write(",\n " if count else "\n ")
        out.write(_json_text(claim, fields))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _json_text(claim: Claim, fields: Sequence[str] | None = None) -> str:
    """CLAIM as one line of compact JSON, with FIELDS only (None: all).

    orjson writes it about four times faster than the standard library's
    json, which otherwise takes 5% of a large run.
    """
    record = claim.to_dict()
    if fields is not None:
        record = {name: record[name] for name in fields}
    try:
        return orjson.dumps(record).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits (一万亿亿), a lone surrogate (\ud83d)
        for name in ("value", "low", "high", "norm_value", "norm_low", "norm_high"):
            number = record.get(name)
            if isinstance(number, float) and not math.isfinite(number):
                record[name] = None  # as orjson writes inf: JSON has no infinity
        return _COMPACT_JSON.encode(record)


def table_console(out: IO[str]):
    """A rich console that prints tables to OUT: as wide as the terminal
    even with TERM=dumb (where rich says 80), 160 columns off a terminal (a
    file, a pipe, a test), where rich would fold to 80; and a closed pipe
    raised as BrokenPipeError, where rich would exit 1 itself (… | head -1
    is no failure: the command decides)."""
    from rich.console import Console

    from .table import width_of

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(file=out, width=width_of(out))


def _write_table(claims: Iterable[Claim], out: IO[str], fields: Sequence[str] | None = None,
                 normalised: bool = False) -> int:
    """A table for people to read, row by row, of FIELDS or the columns
    that fit (table.py); NORMALISED, the normalised figures last."""
    from .table import write_table

    return write_table(claims, out, None if fields is None else tuple(fields), normalised=normalised)


def plain(text: str):
    """TEXT as a table cell or title shown as it is: rich would read
    x[/]y as markup (and fail on it), and a terminal would act on the
    control characters of a file name (\x1b[2J clears the screen)."""
    from rich.text import Text

    return Text(printable(text))


def printable(text: str) -> str:
    r"""TEXT with its control characters (C0, DEL, C1) and lone surrogates
    written as Python escapes; everything else as it is.

    >>> print(printable("a\x1b[2Jb\tc　d"))
    a\x1b[2Jb\tc　d
    """
    if text.isprintable():
        return text
    return "".join(_escaped(ch) if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def _escaped(ch: str) -> str:
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")


_WRITERS: dict[str, Callable[[Iterable[Claim], IO[str], Sequence[str] | None, bool], int]] = {
    "table": lambda claims, out, fields, header: _write_table(claims, out, fields=fields),
    "csv": lambda claims, out, fields, header: _write_delimited(claims, out, "excel", fields or FIELDS, header),
    "tsv": lambda claims, out, fields, header: _write_delimited(claims, out, "excel-tab", fields or FIELDS, header),
    "json": lambda claims, out, fields, header: _write_json(claims, out, fields),
    "jsonl": lambda claims, out, fields, header: _write_jsonl(claims, out, fields),
}
# The formats that --fields and --no-header apply to.
FIELD_FORMATS: tuple[str, ...] = tuple(_WRITERS)
HEADER_FORMATS: tuple[str, ...] = ("csv", "tsv")
# Formats written from the whole run rather than claim by claim: the HTML
# report needs each document's text, and a workbook is a binary file.
REPORTS: tuple[str, ...] = ("html", "xlsx")
FORMATS: tuple[str, ...] = (*_WRITERS, *REPORTS)  # the choices of --format, in this order
# The format an -o file's name asks for when --format is not given.
EXTENSIONS: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
    ".xlsx": "xlsx",
}


def format_of(path: object) -> str | None:
    """The format an output file's name ends in, or None.

    >>> format_of("report.HTML"), format_of("facts.xlsx"), format_of("facts.txt"), format_of(None)
    ('html', 'xlsx', None, None)
    """
    if path is None:
        return None
    return EXTENSIONS.get(os.path.splitext(str(path))[1].lower())
