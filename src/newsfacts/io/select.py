"""Keep only the claims a user asked for: by kind, by size, without the
small counts written in words (三个中心, 两人) that news uses rhetorically."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Iterator, NamedTuple

from ..claim import Claim, Kind

_SMALL_COUNT = 10


class Selection(NamedTuple):
    kinds: frozenset[Kind] | None = None  # None: every kind
    min_value: Decimal | None = None
    small_counts: bool = True

    def keeps(self, claim: Claim) -> bool:
        if self.kinds is not None and claim.kind not in self.kinds:
            return False
        size = claim.value if claim.value is not None else claim.high
        if self.min_value is not None and (size is None or size < self.min_value):
            return False
        if not self.small_counts and _small_count_in_words(claim):
            return False
        return True


def select(claims: Iterable[Claim], selection: Selection) -> Iterator[Claim]:
    return (claim for claim in claims if selection.keeps(claim))


def parse_kinds(text: str) -> frozenset[Kind]:
    """money,percent -> {Kind.MONEY, Kind.PERCENT}; ValueError names a bad kind."""
    kinds = set()
    for word in text.split(","):
        word = word.strip()
        if not word:
            continue
        try:
            kinds.add(Kind(word))
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            raise ValueError(f"unknown kind {word!r} (known: {known})") from None
    return frozenset(kinds)


def _small_count_in_words(claim: Claim) -> bool:
    return (
        claim.kind is Kind.COUNT
        and claim.value is not None
        and claim.value < _SMALL_COUNT
        and not any(ch.isdigit() for ch in claim.text)
    )
