"""The figures of a claim made comparable across texts: its value in the
canonical unit of its kind (convert.py: 5亩 -> 3333.3… m²), the ISO 4217
code of its currency (currency.py: 港幣3.14元 -> HKD) and its time as an
ISO 8601 period (period.py: 去年 in a text of 2024 -> 2023).

What they are resolved against is read once per document, not per claim:

- Its region (currency.region_of), which decides what a bare 元 is: from
  the document's first REGION_CHARACTERS characters (all of nearly every
  file; a file of a day's pages is one paper's, and its first pages show
  where it is from), so that a large file read in pieces gets the region
  it gets read whole.
- Its date, for 去年, 1-4月, 昨日: the one the user gives (--date, or a
  record's --date-field) is every article's date. Else an article's own
  dateline or date line (本报北京3月9日电 opening the article, its source
  line at the foot), else the document's: the date of its first article,
  else of a date line among its first lines (a file of a day's pages is
  dated once, at the top, and 标题 / 2021年8月8日 / 正文 between blank
  lines are three articles). A dateline without its year takes it from
  the document's date. A dateline of a later article, even within the
  file's first lines, dates that article alone. Without any date, a
  relative time gets no period: none is guessed.

A claim's currency: the one its unit names (美元, US$, 元/平方米 a price in
元), else the one named right before its number (港币3.14元, RMB 300元) or
right after its 元 (120元人民幣, 3亿元港币), else, for a bare 元, the user's
--currency or the region's own.
"""
from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Final, NamedTuple

from . import convert, currency, dateline, period

# How much of a document its region is read from.
REGION_CHARACTERS = 200_000
_MONEY: Final = ("money", "price")

# The same few times (1-4月, 去年同期, 今年) come back claim after claim:
# resolving one costs about 150 µs, looking it up well under one.
_period: Final = lru_cache(maxsize=4096)(period.resolve)
_currency_of: Final = lru_cache(maxsize=1024)(currency.currency_of)
_is_bare: Final = lru_cache(maxsize=1024)(currency.is_bare)


class Provenance(NamedTuple):
    """Where and when a document was written, as its text shows: read once
    from the whole document (provenance()), and given to each piece of a
    large file read in pieces."""

    date: datetime.date | None  # the date its first lines carry
    region: str | None  # HK, TW, MO, or None (the mainland, or not known)


def provenance(text: str, first_article_end: int, folded: str | None = None) -> Provenance:
    """The date of TEXT, a whole document whose first article ends at
    FIRST_ARTICLE_END, and its region; FOLDED is fold(TEXT), or as much of
    it as holds its first REGION_CHARACTERS, where the caller has it.

    >>> provenance("本报北京2000年12月31日讯 本港失业率3.1%，港府称…", 20)
    Provenance(date=datetime.date(2000, 12, 31), region=None)
    """
    date = dateline.document_date(text[:first_article_end]) or dateline.page_date(text)
    head = text[:REGION_CHARACTERS]
    return Provenance(date, currency.region_of(head, None if folded is None else folded[:REGION_CHARACTERS]))


class Figures:
    """The comparable figures of one claim, its fields of the same names."""

    # A plain class, not a NamedTuple: one is made for every claim, and
    # compiled (mypyc) it is built without the tuple's interpreted __new__.
    def __init__(self, norm_value: Decimal | None, norm_low: Decimal | None, norm_high: Decimal | None,
                 norm_unit: str | None, currency: str | None, period: str | None) -> None:
        self.norm_value = norm_value
        self.norm_low = norm_low
        self.norm_high = norm_high
        self.norm_unit = norm_unit
        self.currency = currency
        self.period = period


class Dating:
    """How the claims of one article are made comparable: its date, its
    document's region, the user's --currency for a bare 元."""

    def __init__(self, date: datetime.date | None, region: str | None, override: str | None) -> None:
        self.date = date
        self.region = region
        self.override = override


def dating(text: str, known: Provenance, given_date: datetime.date | None, override: str | None) -> Dating:
    """The dating of an article whose text (as written) is TEXT, in a
    document of KNOWN provenance; GIVEN_DATE is the user's, which wins."""
    date = given_date or dateline.document_date(text, known.date) or known.date
    return Dating(date, known.region, override)


def figures(dating: Dating, value: Decimal | None, low: Decimal | None, high: Decimal | None,
            unit: str | None, kind: str, changes: bool, time: str | None, compared_with: str | None,
            folded: str, start: int, end: int, written_unit: str | None = None) -> Figures:
    """The comparable figures of one claim: its numbers and UNIT (as
    reported; WRITTEN_UNIT as written, 元人民幣 for 元) of KIND; CHANGES
    when the number is the size of a change (a fall of 9 °F is one of
    5 °C); its TIME as written and the time a 同期 in it refers to;
    START..END, where it is in FOLDED, for a currency named before it
    (港币3.14元) or after its 元 (3亿元港币)."""
    code = dating.override
    money = kind in _MONEY
    if money and _is_bare(unit):
        code = ((None if _is_bare(written_unit) else _currency_of(written_unit, dating.region, None))
                or currency.currency_before(folded, start, dating.region)
                or currency.currency_after(folded, end, dating.region) or code)
    found = convert.normalise(value, low, high, unit, kind, dating.region, code, changes)
    return Figures(
        None if found is None else found.value,
        None if found is None else found.low,
        None if found is None else found.high,
        None if found is None else found.unit,
        _currency_of(unit, dating.region, code) if money else None,
        _period(time, dating.date, compared_with) if time else None,
    )
