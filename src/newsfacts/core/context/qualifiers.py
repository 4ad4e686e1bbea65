"""近/约/余/多/以上/不到 around a number -> approx | over | under."""
from __future__ import annotations

from functools import cache
from typing import Final

import re

from .. import lexicon
from ...claim import Qualifier
from ..numerals import INNER_CLASSES

# Words that may stand between a qualifier and its number (约有500个,
# 至少在10%至20%之间), a currency named before the number among them
# (逾新台幣五億元, 约人民币300元).
_FILLERS: Final = (*lexicon.word_list("between_qualifier_and_number"), *lexicon.word_list("currency_names_before"))


@cache
def _by_position() -> dict[str, dict[str, Qualifier]]:
    table: dict[str, dict[str, Qualifier]] = {}
    for word, position, klass in lexicon.rows("qualifiers.tsv"):
        table.setdefault(position, {})[word] = Qualifier(klass)
    table["inner"] = {ch: Qualifier(klass) for ch, klass in INNER_CLASSES.items()}
    return table


@cache
def _before_pattern(position: str) -> re.Pattern[str]:
    words = lexicon.alternation(_by_position()[position])
    fillers = lexicon.alternation(_FILLERS)
    return re.compile(rf"(?P<word>{words})(?:{fillers})?\Z")


@cache
def _across_verb() -> re.Pattern[str]:
    """Bounds that qualify a number across a short verb (最多可申请30万元)."""
    words = lexicon.alternation(_by_position()["before_verb"])
    return re.compile(rf"({words})[^，,。；;：:、\d]{{1,5}}\Z")


# Characters that a match must end (or start) with: a window without them
# needs no call to the pattern, and most numbers have none.
@cache
def _last_characters(position: str) -> frozenset[str]:
    return frozenset(word[-1] for word in (*_by_position()[position], *_FILLERS))


@cache
def _first_characters(position: str) -> frozenset[str]:
    return frozenset(word[0] for word in _by_position()[position])


@cache
def _after_pattern() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(_by_position()["after"]))


def qualify(folded: str, start: int, end: int, inner: str, bare_multiplier: bool) -> Qualifier | None:
    """The qualifier of the quantity spanning START..END of FOLDED.

    INNER holds the qualifier characters inside the span (余, 多, 来);
    BARE_MULTIPLIER says the number opens with 百/千/万 (上百万元).

    >>> qualify("增收近3万元", 3, 6, "", False), qualify("10余位", 0, 4, "余", False)
    (<Qualifier.APPROX: 'approx'>, <Qualifier.OVER: 'over'>)
    """
    before = folded[max(0, start - 6) : start]
    last = before[-1:]
    match = _BEFORE.search(before) if last in _LAST_BEFORE else None
    if match:
        return _BY_POSITION["before"][match.group("word")]
    window = folded[max(0, start - 8) : start]
    match = _ACROSS_VERB.search(window) if any(ch in window for ch in _FIRST_BEFORE_VERB) else None
    if match:
        return _BY_POSITION["before_verb"][match.group(1)]  # 至少安排200万元: the bound spans the verb
    if bare_multiplier and last in _LAST_BEFORE_BARE:
        match = _BEFORE_BARE.search(before)
        if match:
            return _BY_POSITION["before_bare"][match.group("word")]
    for ch in inner:
        if ch in _BY_POSITION["inner"]:
            return _BY_POSITION["inner"][ch]
    match = _AFTER_PATTERN.match(folded, end) if folded[end : end + 1] in _FIRST_AFTER else None
    if match:
        return _BY_POSITION["after"][match.group()]
    return None


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_FIRST_BEFORE_VERB: Final = _first_characters("before_verb")
_FIRST_AFTER: Final = _first_characters("after")
_LAST_BEFORE: Final = _last_characters("before")
_LAST_BEFORE_BARE: Final = _last_characters("before_bare")
_BEFORE: Final = _before_pattern("before")
_BEFORE_BARE: Final = _before_pattern("before_bare")
_BY_POSITION: Final = _by_position()
_ACROSS_VERB: Final = _across_verb()
_AFTER_PATTERN: Final = _after_pattern()
