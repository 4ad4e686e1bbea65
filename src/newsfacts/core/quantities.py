"""Put a number together with what belongs to its span: sign, currency
sign, inner qualifier (余/多/来), unit or measure word, a trailing half
(一吨半) and, for a range, the far end (50万元到500万元)."""
from __future__ import annotations

from decimal import Decimal
from typing import Final

import re

from . import numbers, units, values
from ..claim import Kind
from .numbers import CN_DIGITS, Form, Found
from .units import Unit

_PERCENT = Unit(0, 0, "%", Kind.PERCENT, "%", "")
# Enum members read once: compiled code would look each up on its class every time.
_NUMERAL: Final = Form.NUMERAL
_MONEY: Final = Kind.MONEY
_PERCENT_FORMS: Final = frozenset({Form.SHARE, Form.DISCOUNT, Form.PER})
_UNITLESS_FORMS: Final = frozenset({Form.FRACTION, Form.SLASH, Form.HALF})
_TRIMMABLE_FORMS: Final = frozenset({Form.NUMERAL, Form.PER})  # may give back characters that do not read
_INNER = "余多来"
_RANGE_JOINERS = "到至-~—–"
# A minus sign, not a hyphen: it follows one of these (or the start of text).
_BEFORE_SIGN = set(" \t\n（(：:，,、；;为是到至达从由约比")
_CURRENCY_PREFIX = re.compile(r"(?:US\$|HK\$|NT\$|[$¥€£])\Z")
_SIGNS = set("$¥€£")
_BIG_MULTIPLIERS = {"万": 10**4, "亿": 10**8}
_ROUND = {"", "十", "百", "千", "万", "十万", "百万", "千万", "亿"}
_ADJACENT_DIGITS = {"一两", "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九"}


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
        self.inner = inner  # qualifier characters inside the span (余, 多, 来)
        self.prefix_unit = prefix_unit  # the unit is a currency sign before the number ($20)


def assemble(folded: str, found: Found) -> Quantity | None:
    """The quantity around FOUND, or None when its numeral does not read."""
    given_back = _give_back_unit(folded, found)
    if given_back is None:
        return None
    found = given_back
    if found.form is _NUMERAL and found.numeral[:2] in _ADJACENT_DIGITS and found.numeral[2:] in _ROUND:
        return _adjacent_range(folded, found)
    found, value = _readable(found)
    if value is None:
        return None
    inner = "".join(ch for ch in found.numeral if ch in _INNER)
    end, unit, unit_inner = _unit_after(folded, found)
    inner += unit_inner
    if unit is not None and unit.kind is _MONEY:
        end, coins = units.coins_after(folded, unit)
        value += coins
    if unit is not None and unit.inner == "半":
        value += Decimal("0.5")
    elif unit is not None and folded.startswith("半", end) and unit.kind in _HALF_KINDS:
        value += Decimal("0.5")  # 一吨半, 一年半
        end += 1
    start, value, prefix = _sign_and_currency(folded, found.start, value)
    if prefix is not None:
        unit = prefix
    far = _range_end(folded, end, unit)
    if far is not None:
        return _finish_range(folded, found, far[0], far[1], value, start)
    end, inner = _trailing_qualifier(folded, end, unit, inner)
    return Quantity(start, end, value, None, None, unit, found.form, found.numeral, found.start, inner, prefix is not None)


def _readable(found: Found) -> tuple[Found, Decimal | None]:
    """FOUND with its value; a numeral that runs into the next word
    (百分之七十百分位) gives back up to two characters until it reads."""
    for cut in range(3 if found.form in _TRIMMABLE_FORMS else 1):
        if cut >= len(found.numeral):
            break
        numeral = found.numeral[: len(found.numeral) - cut]
        try:
            value = values.read(numeral, found.form)
        except (ValueError, ArithmeticError):
            continue
        return Found(found.start, found.end - cut, found.form, numeral), value
    return found, None


_HALF_KINDS = {Kind.WEIGHT, Kind.DURATION, Kind.AGE, Kind.LENGTH, Kind.AREA, Kind.VOLUME}


def _give_back_unit(folded: str, found: Found) -> Found | None:
    """39.07亿千瓦: the 千 starts the unit 千瓦. 两万两, 三十两: a 两 after
    other numerals is the weight, since 32 is written 三十二, never 三十两."""
    if found.form is not _NUMERAL or len(found.numeral) < 2:
        return found
    last = found.numeral[-1]
    gives_back = (last in "千百十兆" and units.starts_unit(folded, found.end - 1)) or (
        last == "两" and found.numeral not in _ADJACENT_DIGITS
    )
    if not gives_back:
        return found
    return Found(found.start, found.end - 1, found.form, found.numeral[:-1])


def _unit_after(folded: str, found: Found) -> tuple[int, Unit | None, str]:
    """(end of span, unit, inner qualifier between number and unit)."""
    end = found.end
    if found.form in _PERCENT_FORMS:
        return end, _PERCENT, ""
    if found.form in _UNITLESS_FORMS:
        return end, None, ""
    unit = units.unit_at(folded, end)
    if unit is not None:
        return unit.end, unit, unit.inner if unit.inner in _INNER else ""
    if end < len(folded) and folded[end] in _INNER:
        unit = units.unit_at(folded, end + 1)
        if unit is not None:
            return unit.end, unit, folded[end]
    return end, None, ""


def _sign_and_currency(folded: str, start: int, value: Decimal) -> tuple[int, Decimal, Unit | None]:
    prefix = None
    # Every currency sign ends in one of these: most numbers need no search.
    currency = _CURRENCY_PREFIX.search(folded, max(0, start - 3), start) if folded[start - 1 : start] in _SIGNS else None
    if currency:
        prefix = Unit(currency.start(), start, currency.group(), Kind.MONEY, None, "")
        start = currency.start()
    if start >= 1 and folded[start - 1] == "-" and (start == 1 or folded[start - 2] in _BEFORE_SIGN):
        return start - 1, -value, prefix
    if start >= 1 and folded[start - 1] == "负" and (start == 1 or not _is_han(folded[start - 2]) or folded[start - 2] in _BEFORE_SIGN):
        return start - 1, -value, prefix
    if folded.startswith("零下", max(0, start - 2)) and start >= 2:
        return start - 2, -value, prefix
    return start, value, prefix


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _range_end(folded: str, end: int, unit: Unit | None) -> tuple[Found, Unit | None] | None:
    """The far end of a range that starts with a number ending at END."""
    if end >= len(folded) or folded[end] not in _RANGE_JOINERS:
        return None
    if unit is _PERCENT and folded.startswith("百分之", end + 1):
        far = numbers.match_numeral(folded, end + 4)  # 百分之十五到百分之二十
        if far is not None:
            return far, Unit(far.start, far.end, "%", Kind.PERCENT, "%", "")
        return None
    far = numbers.match_numeral(folded, end + 1)
    if far is None:
        return None
    far = _give_back_unit(folded, far)
    if far is None:
        return None
    far_end, far_unit, _ = _unit_after(folded, far)
    if unit is not None and (far_unit is None or far_unit.surface != unit.surface):
        return None
    if unit is _PERCENT and far_unit is not None:
        return None  # 三成到五成 is not read as a range of the digits alone
    return far, far_unit


def _finish_range(folded: str, first: Found, far: Found, far_unit: Unit | None, low: Decimal | None, start: int | None = None) -> Quantity | None:
    try:
        high = values.read_numeral(far.numeral)
        if low is None:
            low = values.read_numeral(first.numeral)
    except (ValueError, ArithmeticError):
        return None
    if not any(ch in _BIG_MULTIPLIERS for ch in first.numeral):
        # 3至5万元, 3至5万亿元: the multiplier ending the far end applies to both.
        # 一至一百万: when sharing 百万 would pass the far end, share the 万 alone.
        for multiplier in (_trailing_multiplier(far.numeral), _big_multiplier(far.numeral)):
            if multiplier > 1 and low * multiplier < high:
                low *= multiplier
                break
    if not low < high:
        return None
    end = far_unit.end if far_unit is not None else far.end
    inner = "".join(ch for ch in first.numeral + far.numeral if ch in _INNER)
    end, inner = _trailing_qualifier(folded, end, far_unit, inner)
    return Quantity(first.start if start is None else start, end, None, low, high, far_unit, first.form,
                    first.numeral, first.start, inner, False)


def _trailing_multiplier(numeral: str) -> int:
    """What the near end of a range shares with the far end NUMERAL: all of
    千万 in 5千万 (3-5千万元 is 30 to 50 million), only the 万 in 一千七百九十万
    or 五十万 (一至五十万 starts at 一万); 1 when no multiplier ends it."""
    head = numeral.rstrip("十百千万亿")
    tail = numeral[len(head) :]
    if len(head.replace(".", "")) > 1 or not head:
        tail = tail.lstrip("十百千")
    elif not head.isascii():
        tail = tail.lstrip("十")  # 一至五十万: 五十 is fifty, the 万 is shared
    multiplier = 1
    for char in tail:
        multiplier *= _MULTIPLIER_VALUES[char]
    return multiplier


def _big_multiplier(numeral: str) -> int:
    """The 万 and 亿 that end NUMERAL, multiplied out (1 when none do)."""
    multiplier = 1
    for char in reversed(numeral):
        if char not in "万亿":
            break
        multiplier *= _MULTIPLIER_VALUES[char]
    return multiplier


_MULTIPLIER_VALUES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}


def _adjacent_range(folded: str, found: Found) -> Quantity | None:
    """两三天, 五六十人: two neighbouring digits are a vague range from one to
    the other, in the order of magnitude that follows them."""
    round_ = found.numeral[2:]
    first = Found(found.start, found.start + 1, Form.NUMERAL, found.numeral[0] + round_)
    far = Found(found.start + 1, found.end, Form.NUMERAL, found.numeral[1:])
    _, far_unit, _ = _unit_after(folded, far)
    return _finish_range(folded, first, far, far_unit, None)


def _trailing_qualifier(folded: str, end: int, unit: Unit | None, inner: str) -> tuple[int, str]:
    """九成多, 一年多: 多/余 right after the unit belongs to the span."""
    if unit is None or end >= len(folded) or folded[end] not in "多余":
        return end, inner
    following = folded[end + 1] if end + 1 < len(folded) else ""
    if following and _is_han(following) and following not in "的了来":
        return end, inner
    return end + 1, inner + folded[end]


def is_cn_headed(quantity: Quantity) -> bool:
    """Whether the number is written in Chinese numerals (三百, 九成), not digits."""
    return bool(quantity.numeral) and not quantity.numeral[0].isdigit()


def digit_string(numeral: str) -> bool:
    """一三一, 二〇二三: Chinese digits read one by one, no 十/百/千."""
    return len(numeral) >= 2 and all(ch in CN_DIGITS or ch == "." for ch in numeral)
