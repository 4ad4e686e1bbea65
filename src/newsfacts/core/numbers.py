"""Find number expressions in folded text, each with its final span, form
and value.

jieba splits numbers apart (4745.61 / 亿元), so it never drives the search:
one compiled pattern scans the text and tags each match with its Form
(numerals.py); the numeral is then read (values.py) and given back the
characters that belong to what follows it, so later stages take the span
as it is. Units are attached in quantities.py.
"""
from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Final, Iterator, cast

import re

from . import lexicon, values
from .numerals import DIGITS, INNER, LONGEST_NUMBER, MULTIPLIERS, NONZERO_DIGITS, NUMERALS, Form

# One numeral: Arabic (with thousands separators and decimals), Chinese, or
# mixed (1.57万, 3万4000, 七亿2, 三五.〇二一). Inner qualifiers 余/多/来/几
# may stand before a multiplier (90余亿, 二百三十余万).
_TAIL: Final = rf"""
    (?: \d+(?:\.\d+)?
      | [{NUMERALS}]
      | (?<=[{DIGITS}十])[.点](?=[{DIGITS}])    # 三五.〇二一, 二点五, 二十点五
      | [{INNER}](?=[{MULTIPLIERS}])              # 90余亿
    )*
"""
# A full-width comma between groups of three digits is a thousands separator
# (百分之９，９９９), but not after a currency sign, where it lists amounts
# ($20，300美圆).
RUN: Final = rf"""
    (?: (?:\d{{1,3}}(?:,\d{{3}})+(?!\d) | (?<![$¥€£])\d{{1,3}}(?:，\d{{3}})+(?![\d，]) | \d+)  # 601,293, 9，999
        (?:\.\d+)? (?:[kK](?![A-Za-z]))?  # 601,293.11, 15k
      | [{NUMERALS}]
    )
    {_TAIL}
"""
_SIMPLE: Final = rf"(?:\d+|[{DIGITS}十百千]+)"
# 四、五万辆次, 六、七个: neighbouring digits listed with 、, a vague range like 四五万.
_LISTED_PAIR: Final = "(?:" + "|".join(sorted(f"{a}、{b}" for a, b in (
    "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九"))) + ")(?:十万|百万|千万|[十百千万亿])?"
# One digit, or one digit with a decimal: the tens of a share (七成, 7.2成, 八点五成).
_TENTHS: Final = rf"(?:[{NONZERO_DIGITS}]|(?<![\d.])\d)(?:[.点](?:[{NONZERO_DIGITS}]|\d))?"


@cache
def _forms_pattern() -> str:
    discount_blockers = lexicon.characters("discount_blockers")
    half_units = lexicon.alternation(lexicon.word_list("half_units"))
    return rf"""
      (?P<per>(?:[百千万]+)分之{RUN})
    | (?P<fraction>{_SIMPLE}分之{_SIMPLE})
    | (?P<slash>(?<![\d/.])\d{{1,3}}/\d{{1,3}}(?![\d/.]))
    | (?P<share>(?:{_TENTHS}|十|(?<![\d.])10|半)成(?:[{NONZERO_DIGITS}]|\d(?![\d.])|半)?)
    | (?P<discount>(?:{_TENTHS}|[{NONZERO_DIGITS}]{{2}}|(?<![\d.])\d{{2}}|对|半)折(?![{discount_blockers}]))
    | (?P<half>一半|半数)
    | (?P<half_unit>(?<![大多上下{NONZERO_DIGITS}十])半(?=个?{half_units}))  # not 上半年, a period
    | (?P<listed_pair>{_LISTED_PAIR})
    | (?P<numeral>{RUN})
"""


FORMS_START: Final = NUMERALS + "半对"  # and digits: what every form starts with


@cache
def _pattern() -> re.Pattern[str]:
    # Scanned with re (see lexicon.scanner).
    return lexicon.scanner(_forms_pattern(), FORMS_START, digits=True, flags=re.VERBOSE)


class Found:
    def __init__(self, start: int, end: int, form: Form, numeral: str, value: Decimal,
                 high: Decimal | None = None) -> None:
        self.start = start
        self.end = end
        self.form = form
        self.numeral = numeral  # the text the value is read from
        self.value = value  # the low end for a PAIR
        self.high = high  # the high end of a PAIR, else None


_FORMS = {form.value: form for form in Form}
_FORMS["listed_pair"] = Form.PAIR  # read as a pair once its 、 is gone
_NUMERAL: Final = Form.NUMERAL
# Forms whose last characters may belong to the next word (百分之七十百分位).
_TRIMMABLE: Final = frozenset({Form.NUMERAL, Form.PER})
# 两三天, 一两个: two neighbouring digits, a vague range (quantities.py);
# a 两 after them is part of the pair, not the weight.
ADJACENT_DIGITS: Final = frozenset({"一两", "一二", "两三", "二三", "三四", "四五", "五六", "六七", "七八", "八九"})
_PAIR_MAGNITUDES: Final = frozenset({"", "十", "百", "千", "万", "十万", "百万", "千万", "亿"})
_PAIR: Final = Form.PAIR


@cache
def _form_of_group() -> dict[int, Form]:
    return {index: _FORMS[name] for name, index in _pattern().groupindex.items()}


def find(folded: str, pos: int = 0, endpos: int | None = None) -> Iterator[Found]:
    """Every number expression in FOLDED[POS:ENDPOS], left to right, with
    its value; an expression that does not read as a number is skipped.

    >>> [(f.numeral, f.form.value, f.value) for f in find("增长46.9%，三分之一，九成多")]
    [('46.9', 'numeral', Decimal('46.9')), ('三分之一', 'fraction', Decimal('0.3333333333333333333333333333')), ('九成', 'share', Decimal('90'))]
    """
    form_of_group = _FORM_OF_GROUP
    for match in _PATTERN.finditer(folded, pos, len(folded) if endpos is None else endpos):
        group = cast(int, match.lastindex)  # each alternative is one group, named after its form
        form = form_of_group[group]
        start, end, numeral = match.start(), match.end(), match.group(group)
        if end - start > LONGEST_NUMBER or _inside_a_longer_one(folded, start):
            continue
        if form is _PAIR:
            numeral = numeral.replace("、", "")  # the pattern gives a pair only as 四、五万
        if form is _NUMERAL and not numeral.isdigit():  # 830, 2023: nothing to give back, no pair
            if len(numeral) > 1 and _gives_back_last(folded, end, numeral):
                end -= 1
                numeral = numeral[:-1]
            if numeral[:2] in ADJACENT_DIGITS and numeral[2:] in _PAIR_MAGNITUDES:
                form = _PAIR
        found = _readable(start, end, form, numeral)
        if found is not None:
            yield found


def _inside_a_longer_one(folded: str, start: int) -> bool:
    """Whether the expression at START is the tail of a numeral it cannot
    be read apart from: in 90余余亿元 the 亿元 is part of 90余余亿 (which
    does not read), not 100,000,000 元 of its own."""
    return start >= 2 and folded[start - 1] in INNER and (folded[start - 2] in NUMERALS or folded[start - 2].isdigit()
                                                          or folded[start - 2] in INNER)


def _gives_back_last(folded: str, end: int, numeral: str) -> bool:
    """39.07亿千瓦: the 千 starts the unit 千瓦. 两万两, 三十两: a 两 after
    other numerals is the weight, since 32 is written 三十二, never 三十两."""
    last = numeral[-1]
    if last == "两":
        return numeral not in ADJACENT_DIGITS
    units = _MULTIPLIER_UNITS.get(last)
    return units is not None and folded.startswith(units, end - 1)


@cache
def _multiplier_units() -> dict[str, tuple[str, ...]]:
    """The units of two or more characters that open with a multiplier (千瓦, 兆赫)."""
    table: dict[str, list[str]] = {}
    for row in lexicon.rows("units.tsv"):
        if len(row[0]) > 1 and row[0][0] in MULTIPLIERS:
            table.setdefault(row[0][0], []).append(row[0])
    return {first: tuple(units) for first, units in table.items()}


_PATTERN: Final = _pattern()
_FORM_OF_GROUP: Final = _form_of_group()
_MULTIPLIER_UNITS: Final = _multiplier_units()


def _readable(start: int, end: int, form: Form, numeral: str) -> Found | None:
    """The expression with its value; a numeral that runs into the next
    word (百分之七十百分位) gives back up to two characters until it reads."""
    for cut in range(3 if form in _TRIMMABLE else 1):
        if cut >= len(numeral):
            break
        text = numeral[: len(numeral) - cut]
        try:
            if form is _PAIR:
                low, high = values.read_pair(text)
                return Found(start, end, form, text, low, high)
            value = values.read(text, form)
        except (ValueError, ArithmeticError):
            continue
        return Found(start, end - cut, form, text, value)
    return None
