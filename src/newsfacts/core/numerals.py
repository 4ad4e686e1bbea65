"""What Chinese numerals are made of, from lexicons/numerals.tsv: digits,
multipliers, whole tens, inner qualifiers and banker's forms, and the
forms a number expression takes. Every stage that asks "is this a
numeral?" asks here.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Final

from . import lexicon


class Form(StrEnum):
    """How a number expression is written; values.py reads each form."""

    NUMERAL = "numeral"  # 4745.61亿, 三百五十万, 1.57万
    PER = "per"  # 百分之二十, 千分之2.4, 万分之三: read as a percentage
    FRACTION = "fraction"  # 三分之一
    SLASH = "slash"  # 1/3
    SHARE = "share"  # 三成, 二成五, 3成2
    DISCOUNT = "discount"  # 八折, 75折
    HALF = "half"  # 一半, 半数
    HALF_UNIT = "half_unit"  # 半年, 半个月
    PAIR = "pair"  # 两三天, 五六十人: two neighbouring digits, a vague range


# The longest number expression read as a value, in characters: news
# writes 1,234,567,890,123.45 (18) or 三千五百六十七万八千九百零一 (14); a
# longer run (30,000 万 in a row, a number of 5,000 digits) is no figure of
# news and no claim.
LONGEST_NUMBER: Final = 40


def _role(role: str) -> dict[str, str]:
    return {row[0]: row[2] for row in lexicon.rows("numerals.tsv") if row[1] == role}


DIGIT_VALUES: Final[dict[str, int]] = {ch: int(value) for ch, value in _role("digit").items()}
SMALL_VALUES: Final[dict[str, int]] = {ch: int(value) for ch, value in _role("small").items()}
# Largest first: 3万亿 is read at its 亿 (3万 of them).
BIG_VALUES: Final[dict[str, int]] = dict(
    sorted(((ch, int(v)) for ch, v in _role("big").items()), key=lambda item: -item[1]))
TENS_VALUES: Final[dict[str, int]] = {ch: int(value) for ch, value in _role("tens").items()}
INNER_CLASSES: Final[dict[str, str]] = _role("inner")
BANKERS: Final[dict[str, str]] = _role("banker")

DIGITS: Final = "".join(DIGIT_VALUES)  # 〇零一二两三四五六七八九
NONZERO_DIGITS: Final = "".join(ch for ch, value in DIGIT_VALUES.items() if value)
ZEROS: Final = "".join(ch for ch, value in DIGIT_VALUES.items() if not value)
SMALL: Final = "".join(SMALL_VALUES)  # 十百千
BIG: Final = "".join(BIG_VALUES)  # 兆亿万
TENS: Final = "".join(TENS_VALUES)  # 廿卅卌
MULTIPLIERS: Final = SMALL + BIG + TENS
NUMERALS: Final = DIGITS + MULTIPLIERS
INNER: Final = "".join(INNER_CLASSES)  # 余多来几
MULTIPLIER_VALUES: Final[dict[str, int]] = {**SMALL_VALUES, **BIG_VALUES}
# What a bare multiplier opens with (万亩荷塘, 上百万元): 十 is a number of its own.
BARE_MULTIPLIERS: Final = "百千" + BIG


def is_han(ch: str) -> bool:
    """Whether CH is one CJK unified ideograph (the basic block)."""
    return "\u4e00" <= ch <= "\u9fff"


def in_words(numeral: str) -> bool:
    """Whether NUMERAL opens with a Chinese numeral (三百, 九成), not a digit."""
    return bool(numeral) and not numeral[0].isdigit()


def opens_with_bare_multiplier(numeral: str) -> bool:
    """百万, 千年, 万亩: a numeral that opens with a multiplier, no digit before it.

    >>> opens_with_bare_multiplier("百万"), opens_with_bare_multiplier("三百"), opens_with_bare_multiplier("十五")
    (True, False, False)
    """
    return numeral[:1] in BARE_MULTIPLIERS and numeral[:1] != ""


def digit_string(numeral: str) -> bool:
    """一三一, 二〇二三: Chinese digits read one by one, no 十/百/千.

    >>> digit_string("二〇二三"), digit_string("二十三")
    (True, False)
    """
    return len(numeral) >= 2 and all(ch in DIGIT_VALUES or ch == "." for ch in numeral)


def digit_value(ch: str) -> int:
    """The value of one digit, Arabic or Chinese (KeyError for anything else)."""
    return int(ch) if ch.isdigit() else DIGIT_VALUES[ch]
