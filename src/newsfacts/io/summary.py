"""newsfacts summary: how many claims of each kind, per input, and the
largest money and percent figures, for a quick look at a corpus; as a
table, CSV (one row per input), JSON, an HTML page or a workbook.

With --sum, also the normalised values (norm_value) added up per kind,
canonical unit and period, for the kinds whose figures add up (SUMMED:
not percentages, prices or temperatures); a range, having no norm_value,
is not counted, and a figure the text states twice is counted twice: a
sum is a check on a corpus, not a statistic. CSV then holds the sums.
"""
from __future__ import annotations

import csv
import os
from collections import Counter
from decimal import Decimal
from typing import IO, Iterable

import orjson

from ..claim import Claim, Kind, number_to_plain
from .writers import cell, plain

_TOP = 5
SUMMARY_FORMATS: tuple[str, ...] = ("table", "csv", "json", "html", "xlsx")
# The kinds --sum adds up: amounts of something, not rates, prices or levels.
SUMMED = frozenset({Kind.MONEY, Kind.COUNT, Kind.WEIGHT, Kind.AREA, Kind.LENGTH, Kind.VOLUME, Kind.ENERGY,
                    Kind.POWER, Kind.DURATION})
SUM_COLUMNS = ("kind", "unit", "period", "claims", "sum")


class Summary:
    """Counts gathered from a stream of claims, without keeping them all."""

    def __init__(self, folder: str = "", sums: bool = False) -> None:
        # The folder the inputs were found in, when the command was given
        # folders: the table names them by their path below it, which is
        # what tells them apart. "" names them as given.
        self.folder = folder
        self.by_kind: Counter[str] = Counter()
        self.by_source: dict[str, Counter[str]] = {}
        self.largest: dict[Kind, list[Claim]] = {Kind.MONEY: [], Kind.PERCENT: []}
        # (kind, norm_unit, period) -> [claims, sum of norm_value], with --sum only.
        self.sums: dict[tuple[str, str, str], list] | None = {} if sums else None

    def add(self, claim: Claim) -> None:
        if self.sums is not None:
            self._add_to_sum(claim)
        self.by_kind[claim.kind.value] += 1
        self.by_source.setdefault(claim.source, Counter())[claim.kind.value] += 1
        top = self.largest.get(claim.kind)
        if top is not None and _size(claim) is not None:
            top.append(claim)
            top.sort(key=_size, reverse=True)
            del top[_TOP:]

    def _add_to_sum(self, claim: Claim) -> None:
        if claim.kind not in SUMMED or claim.norm_value is None or claim.norm_unit is None:
            return
        assert self.sums is not None
        found = self.sums.setdefault((claim.kind.value, claim.norm_unit, claim.period or ""), [0, Decimal(0)])
        found[0] += 1
        found[1] += claim.norm_value

    def sum_rows(self) -> list[tuple[str, str, str, int, Decimal]]:
        """With --sum: (kind, unit, period, claims, sum) by kind, unit and period.

        >>> from newsfacts import extract
        >>> Summary(sums=True).add_all(extract("2023年播种5万亩，2023年又播种1公顷，增长5%。")).sum_rows()
        [('area', 'm²', '2023', 2, Decimal('33343333.33333333333333333333'))]
        """
        if not self.sums:
            return []
        return [(kind, unit, period, count, total) for (kind, unit, period), (count, total) in sorted(self.sums.items())]

    def add_all(self, claims: Iterable[Claim]) -> "Summary":
        for claim in claims:
            self.add(claim)
        return self

    def kinds(self) -> list[str]:
        """The kinds found, most frequent first."""
        return [kind for kind, _ in self.by_kind.most_common()]

    def write(self, fmt: str, out: IO) -> None:
        """Write the summary to OUT in FMT, one of SUMMARY_FORMATS (xlsx to
        a binary file, the others to a text file)."""
        if fmt == "table":
            self.print(out)
        elif fmt == "csv" and self.sums is not None:
            self.write_sums_csv(out)
        elif fmt == "csv":
            self.write_csv(out)
        elif fmt == "json":
            out.write(_json(self.to_dict()) + "\n")
        elif fmt == "html":
            from .html_report import render_summary

            out.write(render_summary(self))
        elif fmt == "xlsx":
            from .xlsx import write_summary_workbook

            write_summary_workbook(self, out)
        else:
            raise ValueError(f"unknown summary format: {fmt}")

    def rows(self) -> list[list[object]]:
        """One row per input, then all: input, claims, then a count per kind."""
        kinds = self.kinds()
        rows: list[list[object]] = [
            [source, sum(counts.values()), *(counts.get(kind, 0) for kind in kinds)]
            for source, counts in self.by_source.items()
        ]
        rows.append(["all", sum(self.by_kind.values()), *(self.by_kind[kind] for kind in kinds)])
        return rows

    def write_csv(self, out: IO[str]) -> None:
        """One row per input, and a last row for all of them (CRLF line ends):

        >>> import io
        >>> from newsfacts import extract
        >>> out = io.StringIO()
        >>> Summary().add_all(extract("收入3万元，增长5%，游客8人。", source="a.txt")).write_csv(out)
        >>> print(out.getvalue().replace("\\r", ""), end="")
        input,claims,money,percent,count
        a.txt,3,1,1,1
        all,3,1,1,1
        """
        writer = csv.writer(out, dialect="excel")
        writer.writerow(["input", "claims", *self.kinds()])
        writer.writerows(self.rows())

    def write_sums_csv(self, out: IO[str]) -> None:
        """With --sum: one row per kind, unit and period."""
        writer = csv.writer(out, dialect="excel")
        writer.writerow(SUM_COLUMNS)
        writer.writerows([kind, unit, period, count, cell(total)] for kind, unit, period, count, total in self.sum_rows())

    def to_dict(self) -> dict:
        data = {
            "claims": sum(self.by_kind.values()),
            "per_kind": dict(self.by_kind.most_common()),
            "per_input": [{"input": source, "claims": sum(counts.values()), "per_kind": dict(counts.most_common())}
                          for source, counts in self.by_source.items()],
            "largest": {kind.value: [claim.to_dict() for claim in top] for kind, top in self.largest.items()},
        }
        if self.sums is not None:
            data["sums"] = [{"kind": kind, "unit": unit, "period": period or None, "claims": count,
                             "sum": number_to_plain(total)} for kind, unit, period, count, total in self.sum_rows()]
        return data

    def print(self, out: IO[str]) -> None:
        from .writers import table_console

        console = table_console(out)
        named = _relative_to(self.folder)
        console.print(self._counts_table(named, console.width))
        for kind, top in self.largest.items():
            if top:
                console.print(_largest_table(kind, top, named))
        if self.sums is not None:
            from rich.table import Table

            sums = Table(title="sums of norm_value by kind, unit and period", title_justify="left")
            for header in SUM_COLUMNS:
                sums.add_column(header, justify="right" if header in ("claims", "sum") else "left")
            for kind, unit, period, count, total in self.sum_rows():
                sums.add_row(kind, plain(unit), period, str(count), cell(total))
            console.print(sums)
        if not self.by_kind:
            console.print("no claims found")

    def _counts_table(self, named, width: int):
        """Claims per input and kind, the kinds that fit WIDTH in order of
        frequency and the rest summed as "other"."""
        from rich.table import Table

        names = {source: named(source) for source in self.by_source}
        shown, other = _fitting_kinds(self.by_kind, width, min(_NAME_WIDTH, max(map(len, names.values()), default=5)))
        title = "claims per input and kind" + (f", inputs in {self.folder.rstrip(os.sep)}{os.sep}" if self.folder else "")
        table = Table(title=plain(title), title_justify="left")
        # A long name folds onto more lines, never cut to "corpus/cou…",
        # which made the files of a folder look alike.
        table.add_column("input", overflow="fold")
        table.add_column("claims", justify="right", no_wrap=True)
        # Only the names fold: the counts and their headers are never cut,
        # and the kinds that would not fit are summed as "other".
        for kind in shown:
            table.add_column(kind, justify="right", no_wrap=True)
        if other:
            table.add_column("other", justify="right", no_wrap=True)

        def cells(counts: Counter[str]) -> list[str]:
            rest = sum(counts.get(kind, 0) for kind in other)
            return [str(sum(counts.values())), *(str(counts.get(kind, "")) for kind in shown),
                    *([str(rest or "")] if other else [])]

        for source, counts in self.by_source.items():
            table.add_row(plain(names[source]), *cells(counts))
        if len(self.by_source) > 1:
            table.add_row("all", *cells(self.by_kind), style="bold")
        return table


# The width a name is folded to before kinds are left out of the table.
_NAME_WIDTH = 24


def _fitting_kinds(by_kind: Counter[str], width: int, name_width: int) -> tuple[list[str], list[str]]:
    """The kinds that fit a table of WIDTH columns, most frequent first,
    and those summed as "other" instead: a count is never cut to "…".

    >>> _fitting_kinds(Counter(money=9, percent=5, count=1), 80, 16)
    (['money', 'percent', 'count'], [])
    >>> _fitting_kinds(Counter(money=9, percent=5, count=1), 48, 16)
    (['money'], ['percent', 'count'])
    """
    kinds = [kind for kind, _ in by_kind.most_common()]

    def needed(kind: str) -> int:  # its header or its widest number, its padding and its border
        return max(len(kind), len(str(by_kind[kind]))) + 3

    used = 1 + (name_width + 3) + (len("claims") + 3)
    shown: list[str] = []
    for index, kind in enumerate(kinds):
        rest = len("other") + 3 if index < len(kinds) - 1 else 0
        if used + needed(kind) + rest > width:
            return shown, kinds[index:]
        shown.append(kind)
        used += needed(kind)
    return shown, []


def _largest_table(kind: Kind, top: list[Claim], named):
    from rich.table import Table

    table = Table(title=f"largest {kind.value} figures", title_justify="left")
    for header, folds in (("value", False), ("unit", False), ("claim", True), ("measure", True), ("input:line", True)):
        table.add_column(header, overflow="fold", no_wrap=not folds)
    for claim in top:
        table.add_row(cell(_size(claim)), plain(claim.unit or ""), plain(claim.text),
                      plain(claim.measure or ""), plain(f"{named(claim.source)}:{claim.line}"))
    return table


def _relative_to(folder: str):
    """A function giving a NAME found below FOLDER as its path from there:
    distinct paths stay distinct.

    >>> _relative_to("corpus")("corpus/county/a.txt"), _relative_to("")("corpus/county/a.txt")
    ('county/a.txt', 'corpus/county/a.txt')
    """
    if not folder:
        return lambda name: name
    return lambda name: os.path.relpath(name, folder)


def _size(claim: Claim):
    return claim.value if claim.value is not None else claim.high


def _json(data: dict) -> str:
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except orjson.JSONEncodeError:  # an integer past 64 bits
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)
