"""Write claims as a rich table, CSV, TSV, JSON or JSON Lines; the HTML
report (html_report.py) and Excel workbooks (xlsx.py) have modules of
their own, loaded only when asked for.

Every format takes its fields from claim.FIELDS, in that order.
"""
from __future__ import annotations

import csv
import json
import math
import os
import unicodedata

import orjson
from decimal import Decimal
from typing import IO, Callable, Iterable

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


def write(claims: Iterable[Claim], fmt: str, out: IO[str], normalised: bool = False) -> int:
    """Write CLAIMS to OUT in format FMT; return how many were written.
    NORMALISED: the table shows the normalised figures too (the other
    formats have every field)."""
    if normalised and fmt == "table":
        return _write_table(claims, out, normalised=True)
    return _WRITERS[fmt](claims, out)


def _write_delimited(claims: Iterable[Claim], out: IO[str], dialect: str) -> int:
    writer = csv.writer(out, dialect=dialect)
    writer.writerow(FIELDS)
    count = 0
    for claim in claims:
        writer.writerow([cell(getattr(claim, name)) for name in FIELDS])
        count += 1
    return count


def _write_jsonl(claims: Iterable[Claim], out: IO[str]) -> int:
    count = 0
    for claim in claims:
        out.write(_json_text(claim) + "\n")
        count += 1
    return count


def _write_json(claims: Iterable[Claim], out: IO[str]) -> int:
    count = 0
    out.write("[")
    for claim in claims:
        out.write(",\n " if count else "\n ")
        out.write(_json_text(claim))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _json_text(claim: Claim) -> str:
    """CLAIM as one line of compact JSON.

    orjson writes it about four times faster than the standard library's
    json, which otherwise takes 5% of a large run.
    """
    record = claim.to_dict()
    try:
        return orjson.dumps(record).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits (一万亿亿), a lone surrogate (\ud83d)
        for name in ("value", "low", "high", "norm_value", "norm_low", "norm_high"):
            number = record[name]
            if isinstance(number, float) and not math.isfinite(number):
                record[name] = None  # as orjson writes inf: JSON has no infinity
        return _COMPACT_JSON.encode(record)


def table_console(out: IO[str]):
    """A rich console that prints tables to OUT: 160 columns off a terminal
    (a file, a pipe, a test), where rich would fold to 80; and a closed pipe
    raised as BrokenPipeError, where rich would exit 1 itself (… | head -1
    is no failure: the command decides)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return _Console(file=out, width=None if out.isatty() else 160)


def _write_table(claims: Iterable[Claim], out: IO[str], normalised: bool = False) -> int:
    """One rich table per input, titled with its name; NORMALISED, with
    the normalised figures (normalised_cells) after the others."""
    console = table_console(out)
    count = 0
    table, source = None, None
    for claim in claims:
        if table is None or claim.source != source:
            if table is not None:
                console.print(table)
            table, source = _new_table(claim.source, normalised), claim.source
        value = cell(claim.value) if claim.value is not None else f"{cell(claim.low)}–{cell(claim.high)}"
        table.add_row(*(plain(text) for text in (
            str(claim.line), claim.text, value, claim.unit or "", str(claim.kind), cell(claim.qualifier),
            cell(claim.change), claim.measure or "", claim.time or "", claim.entity or "",
            *(normalised_cells(claim) if normalised else ()))))
        count += 1
    if table is not None:
        console.print(table)
    return count


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


def _new_table(source: str, normalised: bool = False):
    from rich.table import Table

    table = Table(title=plain(source), title_justify="left", header_style="bold")
    for header in ("line", "claim", "value", "unit", "kind", "qualifier", "change"):
        table.add_column(header, no_wrap=True)
    for header in ("measure", "time", "entity"):
        table.add_column(header, overflow="fold")
    for header in NORMALISED_COLUMNS if normalised else ():
        table.add_column(header, overflow="fold")
    return table


# The table's columns with --normalised: the value in its canonical unit, currency, period.
NORMALISED_COLUMNS = ("normalised", "currency", "period")


def normalised_cells(claim: Claim) -> tuple[str, str, str]:
    """The normalised figures of CLAIM as table cells: its value (or range)
    and canonical unit in one, its currency, its period.

    >>> from newsfacts import extract
    >>> normalised_cells(extract("播种5亩")[0])
    ('3333.3333333333335 m²', '', '')
    """
    if claim.norm_value is not None:
        value = cell(claim.norm_value)
    elif claim.norm_low is not None:
        value = f"{cell(claim.norm_low)}–{cell(claim.norm_high)}"
    else:
        value = ""
    shown = f"{value} {claim.norm_unit}" if value and claim.norm_unit else value
    return shown, claim.currency or "", claim.period or ""


_WRITERS: dict[str, Callable[[Iterable[Claim], IO[str]], int]] = {
    "table": _write_table,
    "csv": lambda claims, out: _write_delimited(claims, out, "excel"),
    "tsv": lambda claims, out: _write_delimited(claims, out, "excel-tab"),
    "json": _write_json,
    "jsonl": _write_jsonl,
}
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
