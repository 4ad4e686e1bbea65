"""Claims as a table for people to read, printed row by row as they come.

A rich Table measures every row before it prints the first, so 20 MB of
news took minutes and gigabytes before anything showed. Here the columns
are laid out once, from the width of the terminal, and each row is
printed at once: time and memory stay those of the CSV writer.

The columns that fit are shown, the most useful first (the claim's text,
its value, unit and kind); the least useful (qualifier, line, change) are
left out first on a narrow terminal. A header is never broken: a column is
at least as wide as its name, and a long value folds onto more lines
within its column. Each input gets its title; a long one repeats the
header every HEADER_EVERY rows.
"""
from __future__ import annotations

import os
import sys
from typing import IO, Callable, Iterable, NamedTuple

from rich.cells import cell_len, get_character_cell_size

from ..claim import Claim
from .writers import cell, printable

# The claims past which a table is the slow way to look at them (a
# terminal scrolls them by in minutes): said once, on standard error.
MANY_CLAIMS = 10_000
HEADER_EVERY = 200
# Off a terminal (a file, a pipe, a test).
FILE_WIDTH = 160
_GAP = "  "
# A value longer than this many lines of its column ends with …: the
# table is for reading; --format csv has every digit of 10**5000.
_MOST_LINES = 4


class Column(NamedTuple):
    field: str  # the Claim field shown, by its name (the header)
    least: int  # the narrowest it is shown at: never under its header
    wanted: int  # what its values mostly need
    most: int  # the widest worth giving it
    right: bool = False  # numbers, aligned on their last digit


COLUMNS: dict[str, Column] = {column.field: column for column in (
    Column("start", 5, 7, 10, right=True),
    Column("end", 5, 7, 10, right=True),
    Column("text", 8, 14, 20),  # 90余亿元, 1.26万亿元, 三成以上
    Column("value", 10, 14, 16, right=True),  # 9000000000 fits at 10; a range is low–high
    Column("low", 6, 12, 16, right=True),
    Column("high", 6, 12, 16, right=True),
    Column("unit", 4, 6, 8),
    Column("kind", 7, 8, 16),  # percent, duration; index_point, percentage_point fold on a narrow terminal
    Column("qualifier", 9, 9, 9),
    Column("change", 8, 8, 8),
    Column("measure", 10, 20, 40),
    Column("time", 6, 12, 20),  # 1月30日清晨
    Column("entity", 8, 16, 24),  # 银湖村稻虾种养基地
    Column("source", 8, 20, 40),
    Column("line", 4, 6, 8, right=True),
    Column("sentence", 10, 40, 100),
    Column("norm_value", 10, 14, 24, right=True),  # 3333.333333333333333333333333 m² folds
    Column("norm_low", 8, 12, 24, right=True),
    Column("norm_high", 9, 12, 24, right=True),
    Column("norm_unit", 9, 9, 12),
    Column("currency", 8, 8, 8),
    Column("period", 6, 15, 21),  # 2024-01/2024-04
)}
# The default columns, in the order shown ...
SHOWN = ("line", "text", "value", "unit", "kind", "qualifier", "change", "measure", "time", "entity")
# ... and in the order kept when not all of them fit: the qualifier (近,
# 约, 余) and the change (增长, 下降) are in the text and the sentence's words,
# the line number is for finding the claim again.
KEPT = ("text", "value", "unit", "kind", "measure", "entity", "time", "change", "line", "qualifier")
# With --normalised: the figures in their canonical units, shown after the
# others.
NORMALISED = ("norm_value", "norm_unit", "currency", "period")


def write_table(claims: Iterable[Claim], out: IO[str], fields: tuple[str, ...] | None = None, header: bool = True,
                *, warn: Callable[[str], None] | None = None, normalised: bool = False) -> int:
    """Write CLAIMS to OUT as a table; return how many were written.

    FIELDS: the Claim fields to show, in this order, all of them however
    narrow the terminal (the default columns otherwise: those that fit).
    HEADER=False prints the rows alone. WARN gets the one line that says a
    table is slow for this many claims (standard error by default).
    NORMALISED: the default columns end with NORMALISED.
    """
    if fields is None:
        # Asked for, the normalised figures are kept before all but the claim itself.
        kept = (*KEPT[:4], *NORMALISED, *KEPT[4:]) if normalised else KEPT
        columns = fit([COLUMNS[name] for name in kept], width_of(out), (*SHOWN, *NORMALISED) if normalised else SHOWN)
    else:
        columns = fit([COLUMNS[name] for name in fields], width_of(out), fields, keep_all=True)
    bold = _styled(out)
    count = shown = 0
    source = None
    for claim in claims:
        if claim.source != source or (header and shown == HEADER_EVERY):
            if claim.source != source:
                if source is not None:
                    out.write("\n")
                out.write(bold(printable(claim.source)) + "\n")
                source = claim.source
            if header:
                out.write(_header(columns, bold))
            shown = 0
        out.write(_row(claim, columns))
        count += 1
        shown += 1
        if count == MANY_CLAIMS:
            (warn or _to_stderr)(f"newsfacts: {count:,} claims so far; --format csv is faster for this much")
    return count


def width_of(out: IO[str]) -> int:
    """The width to lay a table out in: on a terminal, COLUMNS when set
    (as shutil and rich read it), else the terminal's own, even with
    TERM=dumb (where rich says 80); off a terminal (a file, a pipe),
    FILE_WIDTH. COLUMNS does not reach a file: GNU readline exports it to
    every process that an interactive Python starts (pytest's too), so it
    says nothing about where the output goes."""
    try:
        if not out.isatty():
            return FILE_WIDTH
        terminal = os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):  # a StringIO, a closed file, a stand-in without fileno
        terminal = 0
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return terminal or 80


def fit(columns: list[Column], width: int, order: Iterable[str], keep_all: bool = False) -> list[tuple[Column, int]]:
    """(column, width) for the COLUMNS that fit in WIDTH, given most useful
    first, in the ORDER they are shown (by field name).

    A column is kept while it fits at its least width with the columns
    before it at their wanted widths; the first that does not is dropped
    with all after it (KEEP_ALL: none is). The room left goes to each column
    in turn, up to its wanted width, then up to its most.

    >>> chosen = fit([COLUMNS["text"], COLUMNS["value"], COLUMNS["line"]], 30, ["line", "text", "value"])
    >>> [(column.field, width) for column, width in chosen]
    [('text', 14), ('value', 14)]
    >>> [column.field for column, _ in fit([COLUMNS[name] for name in KEPT], 60, SHOWN)]
    ['text', 'value', 'unit', 'kind', 'measure']
    >>> [column.field for column, _ in fit([COLUMNS[name] for name in KEPT], 100, SHOWN)]
    ['text', 'value', 'unit', 'kind', 'measure', 'time', 'entity']
    """
    kept: list[Column] = []
    for column in columns:
        need = sum(before.wanted + len(_GAP) for before in kept) + column.least
        if need > width and not keep_all:
            break
        kept.append(column)
    widths = {column.field: max(column.least, len(column.field)) for column in kept}
    used = sum(widths.values()) + len(_GAP) * (len(kept) - 1)
    for limit in ("wanted", "most"):
        for column in kept:
            extra = min(getattr(column, limit) - widths[column.field], width - used)
            if extra > 0:
                widths[column.field] += extra
                used += extra
    chosen = {column.field: column for column in kept}
    return [(chosen[name], widths[name]) for name in order if name in chosen]


def _header(columns: list[tuple[Column, int]], bold: Callable[[str], str]) -> str:
    names = _GAP.join(bold(_padded(column.field, width, column.right)) for column, width in columns)
    rule = _GAP.join("─" * width for _, width in columns)
    return names.rstrip() + "\n" + rule + "\n"


def _row(claim: Claim, columns: list[tuple[Column, int]]) -> str:
    cells = [_folded(printable(_text(claim, column.field)), width) for column, width in columns]
    if all(len(lines) == 1 for lines in cells):  # nearly every row
        line = _GAP.join(_padded(lines[0], width, column.right) for lines, (column, width) in zip(cells, columns))
        return line.rstrip() + "\n"
    rows = []
    for at in range(max(len(lines) for lines in cells)):
        parts = (_padded(lines[at] if at < len(lines) else "", width, column.right)
                 for lines, (column, width) in zip(cells, columns))
        rows.append(_GAP.join(parts).rstrip() + "\n")
    return "".join(rows)


def _text(claim: Claim, field: str) -> str:
    if field == "value" and claim.value is None and claim.low is not None:
        return f"{cell(claim.low)}–{cell(claim.high)}"  # a range, 3至5年: 3–5
    if field == "norm_value" and claim.norm_value is None and claim.norm_low is not None:
        return f"{cell(claim.norm_low)}–{cell(claim.norm_high)}"
    if field in ("line", "start", "end"):
        return str(getattr(claim, field))
    return cell(getattr(claim, field))


def _padded(text: str, width: int, right: bool) -> str:
    room = width - _cells(text)
    if room <= 0:
        return text
    return " " * room + text if right else text + " " * room


def _folded(text: str, width: int) -> list[str]:
    """TEXT in lines of at most WIDTH terminal cells (a Chinese character
    takes two), broken after a space or _ where one is near the end; at
    most _MOST_LINES of them, the last ending with … when cut.

    >>> _folded("percentage_point", 10), _folded("广东省统计局", 6), _folded("1" * 30, 4)
    (['percentage', '_point'], ['广东省', '统计局'], ['1111', '1111', '1111', '111…'])
    """
    if _cells(text) <= width:
        return [text]
    lines: list[str] = []
    start = used = 0
    at = 0
    while at < len(text):
        size = get_character_cell_size(text[at])
        if used + size > width and at > start:
            cut = max(text.rfind(" ", start, at), text.rfind("_", start, at)) + 1
            cut = cut if cut > start + (at - start) // 2 else at
            lines.append(text[start:cut].rstrip(" ") if cut < at else text[start:cut])
            if len(lines) == _MOST_LINES:
                last = lines[-1]
                while last and _cells(last) + 1 > width:
                    last = last[:-1]
                lines[-1] = last + "…"
                return lines
            start, at, used = cut, cut, 0
            continue
        used += size
        at += 1
    lines.append(text[start:])
    return lines


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _styled(out: IO[str]) -> Callable[[str], str]:
    """Bold on a terminal that shows it; the text as it is anywhere else."""
    try:
        terminal = out.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb":
        return lambda text: f"\x1b[1m{text}\x1b[0m"
    return lambda text: text


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)
