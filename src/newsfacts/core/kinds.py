"""The kind of each quantity (ANNOTATION.md `kind`), decided once, before
the filters: by the form of the number (三成 is a percent, 三分之一 a
fraction), by its unit (units.tsv), by a unit per another (元/平方米 is a
price, 公里/小时 a speed), and for the units whose kind depends on the
sentence (unit_contexts.tsv) by the trigger word nearest the number:
他得分90分，奖金500元 scores 90分, 白菜每斤卖一块 is money.
"""
from __future__ import annotations

from functools import cache
import re
from typing import Final

from . import lexicon
from ..claim import Kind
from .numerals import Form
from .quantities import Quantity

_FORM_KINDS: Final = {Form.FRACTION: Kind.FRACTION, Form.SLASH: Kind.FRACTION, Form.HALF: Kind.FRACTION}
_NUMBER: Final = Kind.NUMBER
_MONEY: Final = Kind.MONEY


def decide(folded: str, q: Quantity, sentence_start: int, sentence_end: int) -> Kind:
    """The kind of Q, whose sentence is FOLDED[SENTENCE_START:SENTENCE_END]."""
    unit = q.unit
    if unit is None:
        kind = _FORM_KINDS.get(q.form, _NUMBER)
        return _MONEY if kind is _NUMBER and _after_a_money_measure(folded, q.start, sentence_start) else kind
    if unit.denominator is not None:
        if unit.kind is _MONEY:
            return Kind.PRICE
        if unit.kind is Kind.LENGTH and unit.denominator.kind is Kind.DURATION:
            return Kind.SPEED
        return unit.kind
    triggers = _CONTEXTS.get(unit.surface)
    if triggers is None:
        return unit.kind
    found = _nearest_trigger(folded, q, sentence_start, sentence_end, triggers)
    if found is None and unit.surface in _POINTS and q.value is not None and _INDEX_LEVEL <= q.value:
        return Kind.INDEX_POINT  # 在2015年6月12日创出5178点: thousands of 点 are an index's level
    return found or unit.kind


def _nearest_trigger(folded: str, q: Quantity, start: int, end: int,
                     triggers: tuple[tuple[str, Kind], ...]) -> Kind | None:
    """The kind whose trigger word stands nearest to Q in its sentence."""
    best: Kind | None = None
    best_distance = end - start + 1
    for word, kind in triggers:
        before = folded.rfind(word, start, q.start)
        if before >= 0 and q.start - (before + len(word)) < best_distance:
            best, best_distance = kind, q.start - (before + len(word))
        after = folded.find(word, q.end, end)
        if after >= 0 and after - q.end < best_distance:
            best, best_distance = kind, after - q.end
    return best


_POINTS: Final = frozenset({"点", "點"})
# An index stands in the thousands (上证 3500点, 恒指 17500點); a count of 点
# (两点建议, 紅利２點) is small.
_INDEX_LEVEL: Final = 1000


def _after_a_money_measure(folded: str, start: int, floor: int) -> bool:
    """Whether the number at START follows a word that measures money, with
    at most a few linking words between (产值30万, 全镇经济总产值4.2亿,
    花费约2万, A股成交额超过256万亿): an amount of money with its unit
    left out."""
    if start <= floor:
        return False
    return _MONEY_MEASURE.search(folded, max(floor, start - _MONEY_REACH), start) is not None


_MONEY_MEASURE: Final = re.compile(rf"(?:{lexicon.alternation(lexicon.word_list('money_measures'))})"
                            rf"(?:{lexicon.alternation(lexicon.word_list('links_to_a_bare_amount'))}){{0,2}}\Z")
_MONEY_REACH: Final = 12  # characters: the longest measure with two links


@cache
def _contexts() -> dict[str, tuple[tuple[str, Kind], ...]]:
    """Unit -> (trigger word, kind) for every row of unit_contexts.tsv."""
    table: dict[str, list[tuple[str, Kind]]] = {}
    for unit, kind, words in lexicon.rows("unit_contexts.tsv"):
        table.setdefault(unit, []).extend((word, Kind(kind)) for word in words.split(","))
    return {unit: tuple(pairs) for unit, pairs in table.items()}


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_CONTEXTS: Final = _contexts()
