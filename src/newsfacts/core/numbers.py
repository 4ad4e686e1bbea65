"""Find number expressions in folded text with character-level rules.

jieba splits numbers apart (4745.61 / 亿元), so it never drives the search:
one compiled pattern scans the raw text and tags each match with its form.
Values are read in values.py, units attached in units.py.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Iterator, cast

import re

from . import lexicon

CN_DIGITS = "〇零一二两三四五六七八九"
CN_MULTIPLIERS = "十百千万亿兆廿卅"
CN_NUMERALS = CN_DIGITS + CN_MULTIPLIERS

# One numeral: Arabic (with thousands separators and decimals), Chinese, or
# mixed (1.57万, 3万4000, 七亿2, 三五.〇二一). Inner qualifiers 余/多/来/几
# may stand before a multiplier (90余亿, 二百三十余万).
_TAIL = rf"""
    (?: \d+(?:\.\d+)?
      | [{CN_NUMERALS}]
      | (?<=[{CN_DIGITS}十])[.点](?=[{CN_DIGITS}])    # 三五.〇二一, 二点五, 二十点五
      | [余多来几](?=[十百千万亿])                      # 90余亿
    )*
"""
RUN = rf"""
    (?: (?:\d{{1,3}}(?:,\d{{3}})+(?!\d) | \d+) (?:\.\d+)? (?:[kK](?![A-Za-z]))?  # 601,293.11, 15k
      | [{CN_NUMERALS}]
    )
    {_TAIL}
"""
_SIMPLE = rf"(?:\d+|[{CN_DIGITS}十百千]+)"
_ONE_DIGIT = "一二两三四五六七八九"
# One digit, or one digit with a decimal: the tens of a share (七成, 7.2成, 八点五成).
_TENTHS = rf"(?:[{_ONE_DIGIT}]|(?<![\d.])\d)(?:[.点](?:[{_ONE_DIGIT}]|\d))?"


class Form(StrEnum):
    NUMERAL = "numeral"  # 4745.61亿, 三百五十万, 1.57万
    PER = "per"  # 百分之二十, 千分之2.4, 万分之三: read as a percentage
    FRACTION = "fraction"  # 三分之一
    SLASH = "slash"  # 1/3
    SHARE = "share"  # 三成, 二成五, 3成2
    DISCOUNT = "discount"  # 八折, 75折
    HALF = "half"  # 一半, 半数
    HALF_UNIT = "half_unit"  # 半年, 半个月


FORMS_PATTERN = rf"""
      (?P<per>(?:[百千万]+)分之{RUN})
    | (?P<fraction>{_SIMPLE}分之{_SIMPLE})
    | (?P<slash>(?<![\d/.])\d{{1,3}}/\d{{1,3}}(?![\d/.]))
    | (?P<share>(?:{_TENTHS}|十|(?<![\d.])10|半)成(?:[{_ONE_DIGIT}]|\d(?![\d.])|半)?)
    | (?P<discount>(?:{_TENTHS}|[{_ONE_DIGIT}]{{2}}|(?<![\d.])\d{{2}}|对|半)折(?![合算旧叠返扣射腾中]))
    | (?P<half>一半|半数)
    | (?P<half_unit>(?<![大多一两三四五六七八九十])半(?=个?(?:年|月|天|小时|周|星期|钟头)))
    | (?P<numeral>{RUN})
"""
FORMS_START = CN_NUMERALS + "半对"  # and digits: what every form starts with
# Scanned with re (see lexicon.scanner).
_PATTERN = lexicon.scanner(FORMS_PATTERN, FORMS_START, digits=True, flags=re.VERBOSE)


class Found:
    def __init__(self, start: int, end: int, form: Form, numeral: str) -> None:
        self.start = start
        self.end = end
        self.form = form
        self.numeral = numeral  # the text the value is read from


_FORMS = {form.value: form for form in Form}
_FORM_OF_GROUP = {index: _FORMS[name] for name, index in _PATTERN.groupindex.items()}


def find(folded: str, pos: int = 0) -> Iterator[Found]:
    """Every number expression in FOLDED at or after POS, left to right.

    >>> [(f.numeral, f.form.value) for f in find("增长46.9%，三分之一，九成多")]
    [('46.9', 'numeral'), ('三分之一', 'fraction'), ('九成', 'share')]
    """
    for match in _PATTERN.finditer(folded, pos):
        group = cast(int, match.lastindex)  # each alternative is one group, named after its form
        yield Found(match.start(), match.end(), _FORM_OF_GROUP[group], match.group(group))


def match_numeral(folded: str, pos: int) -> Found | None:
    """A plain numeral starting exactly at POS (the far end of a range)."""
    match = _NUMERAL_AT.match(folded, pos)
    if not match:
        return None
    return Found(match.start(), match.end(), Form.NUMERAL, match.group())


_NUMERAL_AT = re.compile(RUN, re.VERBOSE)
