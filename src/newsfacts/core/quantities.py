"""Put each number found by numbers.py together with what belongs to its
span: sign, currency sign, inner qualifier (余/多/几), unit or measure word,
smaller coins (五元三角), a trailing half (一吨半) and, for a range, the far
end (50万元到500万元), which is the next number of the same stream."""
from __future__ import annotations

from decimal import Decimal
from typing import Final, Iterator

import re

from . import lexicon, numbers, units
from ..claim import Kind
from .numerals import BIG, INNER, MULTIPLIER_VALUES, NONZERO_DIGITS, SMALL, Form, is_han
from .numbers import Found
from .units import Unit

_PERCENT: Final = Unit(0, 0, "%", Kind.PERCENT, "%", "")
# Enum members read once: compiled code would look each up on its class every time.
_NUMERAL: Final = Form.NUMERAL
_PER: Final = Form.PER
_SHARE: Final = Form.SHARE
_ONE_DIGIT: Final = re.compile(rf"[{NONZERO_DIGITS}1-9]")  # the tens of a share: 二 of 二至三成
_TEN: Final = Decimal(10)
_PAIR: Final = Form.PAIR
_MONEY: Final = Kind.MONEY
_NUMBER: Final = Kind.NUMBER
_PERCENT_FORMS: Final = frozenset({Form.SHARE, Form.DISCOUNT, Form.PER})
_UNITLESS_FORMS: Final = frozenset({Form.FRACTION, Form.SLASH, Form.HALF})
# 一吨半, 一年半: the kinds a trailing 半 adds half a unit to.
_HALF_KINDS: Final = frozenset({Kind.WEIGHT, Kind.DURATION, Kind.AGE, Kind.LENGTH, Kind.AREA, Kind.VOLUME})
_HALF: Final = Decimal("0.5")
# Read once: looked up for every number.
_BEFORE_SIGN: Final = frozenset(lexicon.characters("before_minus_sign"))  # after these, - is a minus sign
_RANGE_JOINERS: Final = frozenset(lexicon.characters("range_joiners"))
# After a verb of change, X至Y whose Y is this many times X or more is the
# size of the change and the level it reaches (下调0.25%至3.45%), not a range
# of the change's size (增长2%至3%).
_LEVEL_RATIO: Final = 5
_CHANGE_BEFORE: Final = re.compile(
    "(?:" + lexicon.alternation(row[0] for row in lexicon.rows("change_verbs.tsv") if row[1] in ("increase", "decrease"))
    + ")(?:" + lexicon.alternation(lexicon.word_list("between_change_and_number")) + r")*\Z")
_AFTER_TRAILING_QUALIFIER: Final = frozenset(lexicon.characters("after_trailing_qualifier"))
# Currency signs before the number ($20, US$5), and what each ends with: most numbers need no search.
_CURRENCY_PREFIX, _CURRENCY_SIGNS = lexicon.ending_here("currency_prefixes")


class Quantity:
    def __init__(self, start: int, end: int, value: Decimal | None, low: Decimal | None, high: Decimal | None,
                 unit: Unit | None, form: Form, numeral: str, numeral_start: int, inner: str,
                 prefix_unit: bool) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.form = form
        self.numeral = numeral  # folded numeral of the (first) number, without sign
        self.numeral_start = numeral_start
        self.inner = inner  # qualifier characters inside the span (余, 多, 来, 几)
        self.prefix_unit = prefix_unit  # the unit is a currency sign before the number ($20)
        self.kind = _NUMBER  # decided by kinds.py, before the filters


class _Stream:
    """The numbers of a stretch of text, taken one at a time from a given
    position (a quantity's span hides the numbers inside it)."""

    def __init__(self, folded: str, start: int, end: int) -> None:
        self.folded = folded
        self.end = end
        self._found = numbers.find(folded, start, end)
        self._held: Found | None = None

    def take(self, at_least: int) -> Found | None:
        """The next number that starts at or after AT_LEAST."""
        while True:
            found = self._held if self._held is not None else next(self._found, None)
            self._held = None
            if found is None or found.start >= at_least:
                return found
            if found.end > at_least:
                # It runs on past AT_LEAST (三千万分之一 inside a unit): look again from there.
                self._found = numbers.find(self.folded, at_least, self.end)

    def hold(self, found: Found | None) -> None:
        """Give FOUND back: the next take() returns it."""
        self._held = found


def assemble_all(folded: str, start: int = 0, end: int | None = None) -> Iterator[Quantity]:
    """The quantities of FOLDED[START:END], left to right, none inside another.

    >>> [(q.numeral, q.unit.surface, q.low, q.high) for q in assemble_all("奖励50万元到500万元不等")]
    [('50万', '元', Decimal('500000'), Decimal('5000000'))]
    """
    stream = _Stream(folded, start, len(folded) if end is None else end)
    taken = start
    while True:
        found = stream.take(taken)
        if found is None:
            return
        quantity = _pair(folded, found) if found.form is _PAIR else _assemble(folded, found, stream)
        if quantity is not None:
            taken = quantity.end
            yield quantity


def _assemble(folded: str, found: Found, stream: _Stream) -> Quantity | None:
    value = found.value
    inner = _inner_of(found.numeral)
    end, unit, unit_inner = _unit_after(folded, found)
    inner += unit_inner
    if unit is not None and unit.kind is _MONEY:
        end, coins = units.coins_after(folded, unit)
        if coins:  # adding 0 would round a long value to 28 digits
            value += coins
    if unit is not None and unit.inner == "半":
        value += _HALF  # 一个半月
    elif unit is not None and folded[end : end + 1] == "半" and unit.kind in _HALF_KINDS:
        value += _HALF  # 一吨半, 一年半
        end += 1
    start, value, prefix = _sign_and_currency(folded, found.start, value)
    if prefix is not None:
        unit = prefix
    if end < len(folded) and folded[end] in _RANGE_JOINERS:
        far = stream.take(end + 1)
        quantity = _range(folded, found, unit, value, start, end, far)
        if quantity is not None:
            return quantity
        stream.hold(far)
    end, inner = _trailing_qualifier(folded, end, unit, inner)
    return Quantity(start, end, value, None, None, unit, found.form, found.numeral, found.start, inner, prefix is not None)


def _inner_of(numeral: str) -> str:
    """The inner qualifiers written in NUMERAL (90余亿: 余); most numerals have none."""
    if numeral.isdigit():
        return ""
    return "".join(ch for ch in numeral if ch in INNER)


def _unit_after(folded: str, found: Found) -> tuple[int, Unit | None, str]:
    """(end of span, unit, inner qualifier between number and unit)."""
    end = found.end
    if found.form in _PERCENT_FORMS:
        return end, _PERCENT, ""
    if found.form in _UNITLESS_FORMS:
        return end, None, ""
    unit = units.unit_at(folded, end)
    if unit is not None:
        return unit.end, unit, unit.inner if unit.inner in INNER else ""
    if end < len(folded) and folded[end] in INNER:
        unit = units.unit_at(folded, end + 1)  # 二十几个人, 5万多斤
        if unit is not None:
            return unit.end, unit, folded[end]
    return end, None, ""


def _sign_and_currency(folded: str, start: int, value: Decimal) -> tuple[int, Decimal, Unit | None]:
    prefix = None
    before = folded[start - 1 : start]
    currency = _CURRENCY_PREFIX.search(folded, max(0, start - 3), start) if before and before in _CURRENCY_SIGNS else None
    if currency:
        prefix = Unit(currency.start(), start, currency.group(), Kind.MONEY, None, "")
        start = currency.start()
    if start >= 1 and folded[start - 1] == "-" and (start == 1 or folded[start - 2] in _BEFORE_SIGN):
        return start - 1, -value, prefix
    if start >= 1 and folded[start - 1] == "负" and (start == 1 or not is_han(folded[start - 2]) or folded[start - 2] in _BEFORE_SIGN):
        return start - 1, -value, prefix
    if folded.startswith("零下", max(0, start - 2)) and start >= 2:
        return start - 2, -value, prefix
    return start, value, prefix


def _range(folded: str, first: Found, unit: Unit | None, low: Decimal, start: int, end: int,
           far: Found | None) -> Quantity | None:
    """The range from FIRST (its unit UNIT, value LOW, span START..END) to
    FAR, the number right after the joiner at END, or None."""
    if far is None or far.start != end + 1:
        return None
    if unit is _PERCENT:
        if far.form is not _PER or not far.numeral.startswith("百分之"):
            return None  # 三成到五成 is not read as a range of the digits alone
        return _finish_range(folded, first, far, _PERCENT, far.end, low, start)  # 百分之十五到百分之二十
    if far.form is _SHARE and unit is None and first.form is _NUMERAL and _ONE_DIGIT.fullmatch(first.numeral):
        # 二至三成, 1到2成: the 成 after the far end is the near end's too.
        return _finish_range(folded, first, far, _PERCENT, far.end, low * _TEN, start)
    if far.form is not _NUMERAL:
        return None
    far_end, far_unit, _ = _unit_after(folded, far)
    if unit is not None and (far_unit is None or far_unit.surface != unit.surface):
        return None
    return _finish_range(folded, first, far, far_unit, far_end, low, start)


def _finish_range(folded: str, first: Found, far: Found, unit: Unit | None, end: int,
                  low: Decimal, start: int) -> Quantity | None:
    high = far.value
    if unit is not _PERCENT and not any(ch in BIG for ch in first.numeral):
        # 3至5万元, 3至5万亿元: the multiplier ending the far end applies to both.
        # 一至一百万: when sharing 百万 would pass the far end, share the 万 alone.
        for multiplier in (_trailing_multiplier(far.numeral), _big_multiplier(far.numeral)):
            if multiplier > 1 and low * multiplier < high:
                low *= multiplier
                break
    if not low < high:
        return None
    if high >= _LEVEL_RATIO * low and _CHANGE_BEFORE.search(folded, max(0, start - 8), start):
        return None  # 增加约8000人至372万人: a rise of 8000 to a level of 372万, no range
    inner = "".join(ch for ch in first.numeral + far.numeral if ch in INNER)
    end, inner = _trailing_qualifier(folded, end, unit, inner)
    return Quantity(start, end, None, low, high, unit, first.form, first.numeral, first.start, inner, False)


def _trailing_multiplier(numeral: str) -> int:
    """What the near end of a range shares with the far end NUMERAL: all of
    千万 in 5千万 (3-5千万元 is 30 to 50 million), only the 万 in 一千七百九十万
    or 五十万 (一至五十万 starts at 一万); 1 when no multiplier ends it."""
    head = numeral.rstrip(SMALL + "万亿")
    tail = numeral[len(head) :]
    if len(head.replace(".", "")) > 1 or not head:
        tail = tail.lstrip(SMALL)
    elif not head.isascii():
        tail = tail.lstrip("十")  # 一至五十万: 五十 is fifty, the 万 is shared
    multiplier = 1
    for char in tail:
        multiplier *= MULTIPLIER_VALUES[char]
    return multiplier


def _big_multiplier(numeral: str) -> int:
    """The 万 and 亿 that end NUMERAL, multiplied out (1 when none do)."""
    multiplier = 1
    for char in reversed(numeral):
        if char not in "万亿":
            break
        multiplier *= MULTIPLIER_VALUES[char]
    return multiplier


def _pair(folded: str, found: Found) -> Quantity | None:
    """两三天, 五六十人: two neighbouring digits are a vague range from one to
    the other, in the order of magnitude that follows them."""
    assert found.high is not None
    end, unit, _ = _unit_after(folded, found)
    inner = "".join(ch for ch in found.numeral if ch in INNER)
    end, inner = _trailing_qualifier(folded, end, unit, inner)
    numeral = found.numeral[0] + found.numeral[2:]  # the low end as written: 五十 of 五六十
    return Quantity(found.start, end, None, found.value, found.high, unit, _NUMERAL, numeral, found.start, inner, False)


def _trailing_qualifier(folded: str, end: int, unit: Unit | None, inner: str) -> tuple[int, str]:
    """九成多, 一年多的时间: 多/余 right after the unit belongs to the span,
    unless a word goes on from it (一年多数)."""
    if unit is None or end >= len(folded) or folded[end] not in "多余":
        return end, inner
    following = folded[end + 1] if end + 1 < len(folded) else ""
    if following and is_han(following) and following not in _AFTER_TRAILING_QUALIFIER:
        return end, inner
    return end + 1, inner + folded[end]
