"""newsfacts summary: how many claims of each kind, per input, and the
largest money and percent figures, for a quick look at a corpus."""
from __future__ import annotations

from collections import Counter
from typing import IO, Iterable

from ..claim import Claim, Kind
from .writers import cell, plain

_TOP = 5


class Summary:
    """Counts gathered from a stream of claims, without keeping them all."""

    def __init__(self) -> None:
        self.by_kind: Counter[str] = Counter()
        self.by_source: dict[str, Counter[str]] = {}
        self.largest: dict[Kind, list[Claim]] = {Kind.MONEY: [], Kind.PERCENT: []}

    def add(self, claim: Claim) -> None:
        self.by_kind[claim.kind.value] += 1
        self.by_source.setdefault(claim.source, Counter())[claim.kind.value] += 1
        top = self.largest.get(claim.kind)
        if top is not None and _size(claim) is not None:
            top.append(claim)
            top.sort(key=_size, reverse=True)
            del top[_TOP:]

    def add_all(self, claims: Iterable[Claim]) -> "Summary":
        for claim in claims:
            self.add(claim)
        return self

    def print(self, out: IO[str]) -> None:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=out, width=None if out.isatty() else 160)
        kinds = [kind for kind, _ in self.by_kind.most_common()]
        table = Table(title="claims per input and kind", title_justify="left")
        table.add_column("input")
        table.add_column("claims", justify="right")
        for kind in kinds:
            table.add_column(kind, justify="right")
        for source, counts in self.by_source.items():
            table.add_row(plain(source), str(sum(counts.values())), *(str(counts.get(kind, "")) for kind in kinds))
        if len(self.by_source) > 1:
            table.add_row("all", str(sum(self.by_kind.values())), *(str(self.by_kind[kind]) for kind in kinds),
                          style="bold")
        console.print(table)
        for kind, top in self.largest.items():
            if not top:
                continue
            largest = Table(title=f"largest {kind.value} figures", title_justify="left")
            for header in ("value", "unit", "claim", "measure", "input:line"):
                largest.add_column(header)
            for claim in top:
                largest.add_row(cell(_size(claim)), plain(claim.unit or ""), plain(claim.text),
                                plain(claim.measure or ""), plain(f"{claim.source}:{claim.line}"))
            console.print(largest)
        if not self.by_kind:
            console.print("no claims found")


def _size(claim: Claim):
    return claim.value if claim.value is not None else claim.high
