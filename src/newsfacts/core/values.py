"""Read the value of a number expression (its text and Form); no searching.

Everything is computed with Decimal, so 16.4亿 is 1640000000 exactly.
A numeral that does not read as a number raises ValueError.
"""
from __future__ import annotations

from decimal import Context, Decimal
from typing import Final

from .numerals import (BIG_VALUES, DIGIT_VALUES, INNER, LONGEST_NUMBER, MULTIPLIER_VALUES, SMALL_VALUES, TENS_VALUES,
                       ZEROS, Form)

_BIG_UNITS: Final = tuple(BIG_VALUES.items())
# Numerals are read exactly, whatever their number of digits: the default
# context keeps 28 significant digits, and would round the 31 digits of
# 1234567890123456789012345678901亿. A numeral is at most LONGEST_NUMBER
# characters, so its digits and multipliers fit this precision many times
# over. Ratios (三分之一, 百分之…) are divided in the default context.
_EXACT: Final = Context(prec=4 * LONGEST_NUMBER)


def read(numeral: str, form: Form) -> Decimal:
    """The value of NUMERAL written in FORM; percentages in percent.

    >>> read("16.4亿", Form.NUMERAL), read("二成五", Form.SHARE), read("百分之百", Form.PER)
    (Decimal('1640000000.0'), Decimal('25'), Decimal('100'))
    """
    if form is _NUMERAL:
        return read_numeral(numeral)  # most numbers: called directly, not through the table's Python call
    return _READERS[form](numeral)


_NUMERAL: Final = Form.NUMERAL


_MYRIAD_MYRIAD: Final = "万万"
_HUNDRED_MILLION: Final = "亿"


def read_numeral(text: str) -> Decimal:
    """Arabic, Chinese or mixed numerals, with 万/亿 multipliers.

    >>> [int(read_numeral(s)) for s in ("三百五十万", "一万二千", "13万2", "7亿2", "3万4000", "廿五", "90余亿", "四万万")]
    [3500000, 12000, 132000, 720000000, 34000, 25, 9000000000, 400000000]
    """
    if len(text) > LONGEST_NUMBER:
        # 30,000 万 in a row, or a 5,000-digit number: not a figure of news.
        raise ValueError(f"a numeral of {len(text)} characters, more than {LONGEST_NUMBER}")
    if text.isdecimal() or _is_arabic(text):
        return Decimal(text)  # most numerals in news: 830, 2023, 4745.61
    if text[-1] in BIG_VALUES and _is_arabic(text[:-1]):
        return _EXACT.multiply(Decimal(text[:-1]), BIG_VALUES[text[-1]])  # 30万, 4.5亿: as _read_big reads them
    text = text.replace(",", "").replace("，", "").replace("点", ".")
    text = "".join(ch for ch in text if ch not in INNER)
    if not text:
        raise ValueError("empty numeral")
    if _MYRIAD_MYRIAD in text:
        text = text.replace(_MYRIAD_MYRIAD, _HUNDRED_MILLION)  # 四万万 is 4亿, as written before 亿 was common
    if text[-1] in "kK":  # 15k, as in 月薪15k
        return _EXACT.multiply(_read_big(text[:-1]), 1000)
    return _read_big(text)


def _read_big(text: str) -> Decimal:
    """A numeral read at its largest multiplier: 3万4000 is 3 × 万 + 4000.

    Each call reads the part after a multiplier only when no multiplier
    as large is in it (3万2万 does not read), so the calls nest at most
    once per kind of multiplier (兆, 亿, 万), however long the numeral:
    万万万… is refused at its first 万, not read one 万 per call.
    """
    for char, multiplier in _BIG_UNITS:
        at = text.find(char)
        if at < 0:
            continue
        left, right = text[:at], text[at + 1 :]
        if char in right:  # no larger one is in TEXT at all
            raise ValueError(f"{right!r} does not fit below {multiplier}")
        head = _read_big(left) if left else Decimal(1)
        return _EXACT.add(_EXACT.multiply(head, multiplier), _read_rest(right, multiplier))
    return _read_small(text)


def _read_rest(right: str, multiplier: int) -> Decimal:
    """What follows a multiplier: 13万2 means 132000, 3万4000 means 34000."""
    if not right:
        return Decimal(0)
    if len(right) == 1 and (right.isdigit() or right in DIGIT_VALUES) and right not in ZEROS:
        return _EXACT.multiply(_read_small(right), multiplier // 10)
    value = _read_big(right)
    if value >= multiplier:
        raise ValueError(f"{right!r} does not fit below {multiplier}")
    return value


def _read_small(text: str) -> Decimal:
    """A numeral below the first big multiplier: 4745.61, 三千五百, 三五.〇二一."""
    if _is_arabic(text):
        return Decimal(text)
    if "." in text:
        whole, fraction = text.split(".", 1)
        if not fraction or not all(ch.isdigit() or ch in DIGIT_VALUES for ch in fraction):
            raise ValueError(f"bad decimal {text!r}")
        digits = "".join(str(DIGIT_VALUES[ch]) if ch in DIGIT_VALUES else ch for ch in fraction)
        return _EXACT.add(_read_small(whole) if whole else Decimal(0), Decimal("0." + digits))
    if not any(ch in SMALL_VALUES or ch in TENS_VALUES for ch in text):
        return _read_digit_string(text)
    return _read_positional(text)


def _read_digit_string(text: str) -> Decimal:
    """Digits read one by one, as in 一三一 (131) or 二〇二三 (2023)."""
    digits = []
    for ch in text:
        if ch.isdigit():
            digits.append(ch)
        elif ch in DIGIT_VALUES:
            digits.append(str(DIGIT_VALUES[ch]))
        else:
            raise ValueError(f"not a digit: {ch!r}")
    return Decimal("".join(digits))


def _read_positional(text: str) -> Decimal:
    """十, 百, 千 with their digits: 三千五百 is 3500; 三百五 is 350."""
    total = 0
    pending: int | None = None
    last_unit = 0
    zero_since_unit = False
    index = 0
    while index < len(text):
        ch = text[index]
        if ch.isdigit():
            end = index
            while end < len(text) and text[end].isdigit():
                end += 1
            if pending is not None:
                raise ValueError(f"two numbers in a row in {text!r}")
            pending = int(text[index:end])
            index = end
            continue
        if ch in ZEROS:
            zero_since_unit = True
            pending = None
        elif ch in DIGIT_VALUES:
            if pending is not None:
                raise ValueError(f"two digits in a row in {text!r}")
            pending = DIGIT_VALUES[ch]
        elif ch in SMALL_VALUES:
            unit = SMALL_VALUES[ch]
            if last_unit and unit >= last_unit:
                raise ValueError(f"units out of order in {text!r}")
            total += (1 if pending is None else pending) * unit
            pending, last_unit, zero_since_unit = None, unit, False
        elif ch in TENS_VALUES:
            # 三千五百卅八: a whole ten stands where the tens would.
            if pending is not None or (last_unit and last_unit <= 10):
                raise ValueError(f"misplaced {ch!r} in {text!r}")
            total += TENS_VALUES[ch]
            last_unit = 10
        else:
            raise ValueError(f"not a numeral: {ch!r}")
        index += 1
    if pending is not None:
        # 三百五 is 350: a bare digit after 百 or 千 counts in the next order.
        shorthand = last_unit >= 100 and not zero_since_unit and pending < 10
        total += pending * (last_unit // 10) if shorthand else pending
    return Decimal(total)


def _is_arabic(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch == "." for ch in text) and text.count(".") <= 1 and text[0] != "."


def _read_fraction(text: str) -> Decimal:
    denominator, numerator = text.split("分之", 1)
    return _exact_ratio(read_numeral(numerator), read_numeral(denominator))


def _read_slash(text: str) -> Decimal:
    numerator, denominator = text.split("/", 1)
    return _exact_ratio(Decimal(numerator), Decimal(denominator))


def _exact_ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    if denominator == 0:
        raise ValueError("zero denominator")
    return numerator / denominator


def _read_per(text: str) -> Decimal:
    """百分之二十 is 20 (%), 千分之2.4 is 0.24, 万分之三 is 0.03."""
    denominator, numerator = text.split("分之", 1)
    per = 1
    for char in denominator:
        per *= MULTIPLIER_VALUES[char]
    return read_numeral(numerator) * 100 / per



def _read_share(text: str) -> Decimal:
    """三成 is 30 (%), 二成五 is 25, 三成半 is 35, 7.2成 is 72, 半成 is 5."""
    tens, _, rest = text.partition("成")
    value = Decimal(5) if tens == "半" else read_numeral(tens) * 10
    if rest == "半":
        return value + 5
    if rest:
        return value + read_numeral(rest)
    return value


def _read_discount(text: str) -> Decimal:
    """八折 is 80 (%), 75折 and 七五折 are 75, 八点五折 is 85, 对折 is 50."""
    digits = text[:-1]
    if digits in ("对", "半"):
        return Decimal(50)
    if len(digits) == 2 and "." not in digits and "点" not in digits:
        return _read_digit_string(digits)
    return read_numeral(digits) * 10


def read_pair(numeral: str) -> tuple[Decimal, Decimal]:
    """两三 is 2 to 3, 五六十 50 to 60, 三四万 30000 to 40000: each digit in
    the order of magnitude that follows the pair.

    >>> [tuple(map(int, read_pair(s))) for s in ("两三", "五六十", "一两百", "三四万")]
    [(2, 3), (50, 60), (100, 200), (30000, 40000)]
    """
    magnitude = numeral[2:]
    low, high = read_numeral(numeral[0] + magnitude), read_numeral(numeral[1] + magnitude)
    if not low < high:
        raise ValueError(f"{numeral!r} is not a rising pair")
    return low, high


_READERS: Final = {
    Form.NUMERAL: read_numeral,
    Form.PER: _read_per,
    Form.FRACTION: _read_fraction,
    Form.SLASH: _read_slash,
    Form.SHARE: _read_share,
    Form.DISCOUNT: _read_discount,
    Form.HALF: lambda _text: Decimal("0.5"),
    Form.HALF_UNIT: lambda _text: Decimal("0.5"),
    Form.PAIR: lambda text: read_pair(text)[0],
}
