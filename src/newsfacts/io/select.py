"""Keep only the claims a user asked for: by kind, by size, without the
small counts written in words (三个中心, 两人) that news uses rhetorically,
by currency, and by period: a claim is kept when its period overlaps the
range asked for (2023-12/2024-02 overlaps --period-from 2024), and a claim
without a period is left out when a range is asked for."""
from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from ..claim import Claim, Kind

_SMALL_COUNT = 10


class Selection(NamedTuple):
    kinds: frozenset[Kind] | None = None  # None: every kind
    min_value: Decimal | None = None
    small_counts: bool = True
    currencies: frozenset[str] | None = None  # None: any currency, or none
    period_from: datetime.date | None = None  # the first day of --period-from
    period_to: datetime.date | None = None  # the last day of --period-to

    def keeps(self, claim: Claim) -> bool:
        if self.kinds is not None and claim.kind not in self.kinds:
            return False
        size = claim.value if claim.value is not None else claim.high
        if self.min_value is not None and (size is None or size < self.min_value):
            return False
        if not self.small_counts and _small_count_in_words(claim):
            return False
        if self.currencies is not None and claim.currency not in self.currencies:
            return False
        if self.period_from is not None or self.period_to is not None:
            return self._in_period(claim.period)
        return True

    def _in_period(self, period: str | None) -> bool:
        if period is None:
            return False
        first, last = period_days(period)
        return ((self.period_to is None or first <= self.period_to)
                and (self.period_from is None or last >= self.period_from))


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

    >>> selection("money", "1万")[:3]
    (frozenset({<Kind.MONEY: 'money'>}), Decimal('10000'), True)
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


_PERIOD_END = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=4096)
def period_days(period: str) -> tuple[datetime.date, datetime.date]:
    """The first and the last day of PERIOD, an ISO 8601 year, month, day
    or interval of them as claims' periods are written; ValueError for
    anything else.

    >>> period_days("2024-01/2024-04")
    (datetime.date(2024, 1, 1), datetime.date(2024, 4, 30))
    >>> period_days("2023"), period_days("2024-02-29")[1]
    ((datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)), datetime.date(2024, 2, 29))
    """
    start, _, end = period.partition("/")
    return _day(start, first=True), _day(end or start, first=False)


def _day(written: str, first: bool) -> datetime.date:
    match = _PERIOD_END.fullmatch(written.strip())
    if match is None:
        raise ValueError(f"{written!r} is not a period written YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-03")
    year = int(match.group(1))
    month = int(match.group(2) or (1 if first else 12))
    if not 1 <= month <= 12 or year < 1:
        raise ValueError(f"{written!r} is no month of the calendar")
    length = calendar.monthrange(year, month)[1]
    day = int(match.group(3) or (1 if first else length))
    if not 1 <= day <= length:
        raise ValueError(f"{written!r} is no day of the calendar")
    return datetime.date(year, month, day)


def parse_currencies(text: str) -> frozenset[str]:
    """hkd,USD -> {HKD, USD}; ValueError names a code newsfacts does not know."""
    from ..core.currency import is_code

    codes = set()
    for word in text.split(","):
        code = word.strip().upper()
        if not code:
            continue
        if not is_code(code):
            raise ValueError(f"{word.strip()!r} is no currency code newsfacts knows (such as CNY, HKD, TWD, USD)")
        codes.add(code)
    return frozenset(codes)
