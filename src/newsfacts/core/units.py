"""The unit or measure word right after a number, longest match first,
and the unit as a claim reports it. Its kind is decided in kinds.py."""
from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Final

import re

import regex

from . import lexicon, segment, values
from ..claim import Kind
from .numerals import NONZERO_DIGITS, digit_value, is_han


# Read once: looked up after every number.
_INSIDE_GE: Final = frozenset(lexicon.characters("inside_ge"))
_YUAN: Final = frozenset(lexicon.word_list("yuan"))


class Unit:
    def __init__(self, start: int, end: int, surface: str, kind: Kind, canonical: str | None, inner: str,
                 denominator: Unit | None = None) -> None:
        self.start = start
        self.end = end
        self.surface = surface  # folded spelling, as in units.tsv (个小时 for 两个多小时)
        self.kind = kind  # the kind units.tsv gives it (of the numerator, for 元/平方米)
        self.canonical = canonical  # report this instead of the text as written
        self.inner = inner  # 多/余/半 found inside the unit (个多小时), or ""
        self.denominator = denominator  # 平方米 of 元/平方米, or None


@cache
def _table() -> dict[str, tuple[Kind, str | None]]:
    table = {}
    for row in lexicon.rows("units.tsv"):
        canonical = row[2] if len(row) > 2 and row[2] else None
        table[row[0].lower()] = (Kind(row[1]), canonical)
    return table


@cache
def _letter_symbols() -> frozenset[str]:
    """Symbols of one Latin letter (m, x), matched only in the case units.tsv
    writes them: 250m is metres, but the M of 3M or 5M is not."""
    return frozenset(row[0] for row in lexicon.rows("units.tsv") if len(row[0]) == 1 and row[0].isascii())


@cache
def _pattern() -> re.Pattern[str]:
    # Matched after every number: the standard library's re does it in half
    # the time regex takes (tests/test_shortcuts.py checks they agree).
    return re.compile(lexicon.alternation(_table()), re.IGNORECASE)


@cache
def _first_characters() -> frozenset[str]:
    """The first characters of the units (only Chinese ones count: they have no case)."""
    return frozenset(surface[0] for surface in _table())


@cache
def _blocked_after() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.rows("unit_blockers.tsv")}


# Enum members read once: compiled code would look each up on its class every time.
_COUNT: Final = Kind.COUNT
_MONEY: Final = Kind.MONEY


def unit_at(folded: str, pos: int) -> Unit | None:
    """The unit starting at POS, if any.

    >>> unit_at("4.77亿立方米", 5).surface, unit_at("两个多小时", 1).surface, unit_at("打井34眼、", 4).surface
    ('立方米', '个小时', '眼')
    """
    unit = _plain_unit_at(folded, pos)
    # Qualifiers that may stand inside a unit written with 个: 两个多小时, 一个半月.
    if folded[pos : pos + 1] == "个" and pos + 1 < len(folded) and folded[pos + 1] in _INSIDE_GE:
        inner = _plain_unit_at(folded, pos + 2)
        if inner and ("个" + inner.surface) in _table():
            kind, canonical = _table()["个" + inner.surface]
            return Unit(pos, inner.end, "个" + inner.surface, kind, canonical, folded[pos + 1])
    if unit is None and folded[pos : pos + 1] == " ":
        unit = _plain_unit_at(folded, pos + 1)  # 5 kg, 25.76 GWh: a symbol after a space
        if unit is not None and not unit.surface.isascii():
            return None
        if unit is not None:
            unit = Unit(pos, unit.end, unit.surface, unit.kind, unit.canonical, "")
    if unit is None:
        unit = _measure_word_at(folded, pos)
        if unit is None:
            return None
    if unit.kind is _COUNT and len(unit.surface) == 1 and folded[unit.end : unit.end + 1] == "次" and unit.surface != "次":
        # 47.2万艘次, 4000余架次: a count of events, one a ship or a flight.
        return Unit(pos, unit.end + 1, unit.surface + "次", _COUNT, None, "")
    if unit.surface == "个":
        # 20个比特币: the currency is the unit, 个 only counts it.
        money = _plain_unit_at(folded, unit.end)
        if money is not None and money.kind is _MONEY:
            return money
    return _with_denominator(folded, unit)


def _plain_unit_at(folded: str, pos: int) -> Unit | None:
    ch = folded[pos : pos + 1]
    if is_han(ch) and ch not in _FIRST_CHARACTERS:
        return None  # a Chinese character no unit starts with: no call to the pattern
    match = _PATTERN.match(folded, pos)
    if not match:
        return None
    surface = match.group().lower()
    blocked = _BLOCKED_AFTER.get(surface)
    if blocked and match.end() < len(folded) and folded[match.end()] in blocked:
        return None
    if len(surface) == 1 and surface in _LETTER_SYMBOLS and match.group() != surface:
        return None
    after = folded[match.end() : match.end() + 1]
    if after.isascii() and after.isalnum() and surface[-1:].isascii() and surface[-1:].isalpha():
        return None  # 5GB, but not the 5G of 5Gx or the x of 3x3: a symbol never runs into a letter or digit
    kind, canonical = _TABLE[surface]
    return Unit(pos, match.end(), surface, kind, canonical, "")


@cache
def _measure_words() -> frozenset[str]:
    """CC-CEDICT's one-character measure words, less those that after a
    number name an ordinal, a date or a level (三期工程, 8号, 九届)."""
    excluded = set(lexicon.word_list("measure_words_not_counts"))
    return frozenset(row[0] for row in lexicon.rows("measure_words.tsv") if row[0] not in excluded)


@cache
def _counted_nouns() -> tuple[str, ...]:
    return tuple(sorted(lexicon.word_list("counted_nouns"), key=len, reverse=True))


@cache
def _counted_noun_starts() -> frozenset[str]:
    return frozenset(noun[0] for noun in _counted_nouns())


# Read once: consulted after every number.
_TABLE: Final = _table()
_PATTERN: Final = _pattern()
_FIRST_CHARACTERS: Final = _first_characters()
_BLOCKED_AFTER: Final = _blocked_after()
_LETTER_SYMBOLS: Final = _letter_symbols()
_MEASURE_WORDS: Final = _measure_words()
_COUNTED_NOUNS: Final = _counted_nouns()
_COUNTED_NOUN_STARTS: Final = _counted_noun_starts()


def _measure_word_at(folded: str, pos: int) -> Unit | None:
    """A measure word outside units.tsv that counts what follows (两副「厉家菜」,
    打井34眼, 5局), or a noun that counts like one (六十多国, 11省市). One
    that jieba's dictionary reads as the start of a longer word (三局长,
    106国道) is neither there."""
    ch = folded[pos : pos + 1]
    if ch in _MEASURE_WORDS:
        word: str | None = ch
    elif ch in _COUNTED_NOUN_STARTS:
        word = next((noun for noun in _COUNTED_NOUNS if folded.startswith(noun, pos)), None)
    else:
        return None  # most numbers without a unit: no look-up in jieba's dictionary
    if word is None:
        return None
    longest = segment.longest_word_at(folded, pos, min(len(folded), pos + 5))
    if longest is not None and len(longest) > len(word):
        return None
    return Unit(pos, pos + len(word), word, Kind.COUNT, None, "")


def _with_denominator(folded: str, unit: Unit) -> Unit:
    """元/平方米, 公里/小时: a unit per another (kinds.py makes them a price, a speed)."""
    if folded[unit.end : unit.end + 1] != "/" or unit.kind not in (Kind.MONEY, Kind.LENGTH, Kind.WEIGHT):
        return unit
    denominator = _plain_unit_at(folded, unit.end + 1)
    if denominator is None and folded[unit.end + 1 : unit.end + 2] == "时":
        denominator = Unit(unit.end + 1, unit.end + 2, "时", Kind.DURATION, None, "")
    if denominator is None:
        return unit
    return Unit(unit.start, denominator.end, f"{unit.surface}/{denominator.surface}", unit.kind, None, "", denominator)


# 五元三毛, 50元6角三分, 两美元又三美分: smaller coins after the main unit.
_YUAN_TAIL: Final = regex.compile(
    rf"(?:又|零)?(?:(?P<jiao>[{NONZERO_DIGITS}\d])[角毛])?(?:(?P<fen>[{NONZERO_DIGITS}\d])分)?"
)
_DOLLAR_TAIL: Final = regex.compile(rf"又?(?P<cents>\d{{1,2}}|[{NONZERO_DIGITS}十]{{1,3}})美分")


def coins_after(folded: str, unit: Unit) -> tuple[int, Decimal]:
    """(end, amount in the main unit) of the coins written after UNIT."""
    if unit.surface in _YUAN:
        match = _YUAN_TAIL.match(folded, unit.end)
        if match and match.end() > unit.end and (match.group("jiao") or match.group("fen")):
            jiao, fen = match.group("jiao"), match.group("fen")
            amount = Decimal(_coin(jiao)) / 10 + Decimal(_coin(fen)) / 100
            return match.end(), amount
    elif unit.surface == "美元":
        match = _DOLLAR_TAIL.match(folded, unit.end)
        if match:
            return match.end(), values.read_numeral(match.group("cents")) / 100
    return unit.end, Decimal(0)


def _coin(digit: str | None) -> int:
    return digit_value(digit) if digit else 0


def reported(unit: Unit | None, written: str, folded: str, number_start: int) -> str | None:
    """The unit a claim reports: its canonical form (% for 个百分比), else
    WRITTEN, the unit as the original text spells it, without spaces or an
    inner qualifier (个多小时 -> 个小时).

    >>> reported(unit_at("98.6度", 4), "度", "华氏温度98.6度", 4)
    '华氏度'
    """
    if unit is None:
        return None
    if unit.canonical:
        return unit.canonical
    if unit.surface == "度" and "华氏" in folded[max(0, number_start - 4) : number_start]:
        return "华氏度"  # 华氏温度98.6度 is Fahrenheit
    if any(ch.isspace() for ch in written):
        written = "".join(written.split())
    if unit.inner:
        written = written[0] + written[2:]  # 个多小时 -> 个小时
    return written
