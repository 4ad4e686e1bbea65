"""Keep only the claims a user asked for: by kind, by size, without the
small counts written in words (三个中心, 两人) that news uses rhetorically."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
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


def selection(kinds: str | Iterable[Kind | str] | None = None, min_value: Decimal | int | float | str | None = None,
              small_counts: bool = True) -> Selection | None:
    """The Selection that the library's keyword arguments ask for (the
    command line's --kind, --min-value and --no-small-counts), None for
    every claim. KINDS: "money,percent" or [Kind.MONEY, "percent"];
    MIN_VALUE: a number, or text read as the text's own numbers are (1万,
    100,000). ValueError says what is wrong.

    >>> selection("money", "1万")
    Selection(kinds=frozenset({<Kind.MONEY: 'money'>}), min_value=Decimal('10000'), small_counts=True)
    """
    if kinds is None and min_value is None and small_counts:
        return None
    chosen = None
    if kinds is not None:
        chosen = parse_kinds(kinds if isinstance(kinds, str) else ",".join(str(kind) for kind in kinds))
        if not chosen:
            raise ValueError("no kind named (e.g. kinds='money,percent')")
    if min_value is not None and not isinstance(min_value, Decimal):
        min_value = read_number(str(min_value))
    if min_value is not None and not min_value.is_finite():
        raise ValueError(f"not a finite number: {min_value}")
    return Selection(chosen, min_value, small_counts)


def read_number(text: str) -> Decimal:
    """TEXT as a number, read as the text's own numbers are; ValueError
    when it is none.

    >>> [read_number(text) for text in ("100,000", "1.5亿", "三千", "2e3")]
    [Decimal('100000'), Decimal('150000000.0'), Decimal('3000'), Decimal('2E+3')]
    """
    import regex

    from ..core.normalize import fold
    from ..core.values import read_numeral

    # 100,000 and 100，000: a thousands separator, which Decimal refuses.
    written = regex.sub(r"(?<=\d)[,，](?=\d{3})", "", fold(text.strip()))
    try:
        return Decimal(written)
    except InvalidOperation:
        pass
    try:
        return read_numeral(written)
    except (ValueError, KeyError, IndexError, ArithmeticError):
        raise ValueError(f"not a number: {text!r}") from None


def _small_count_in_words(claim: Claim) -> bool:
    return (
        claim.kind is Kind.COUNT
        and claim.value is not None
        and claim.value < _SMALL_COUNT
        and not any(ch.isdigit() for ch in claim.text)
    )
