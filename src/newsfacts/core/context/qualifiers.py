"""近/约/余/多/以上/不到 around a number -> approx | over | under."""
from __future__ import annotations

from functools import cache

import re

from .. import lexicon
from ...claim import Qualifier
from ..numerals import INNER_CLASSES

# Words that may stand between a qualifier and its number (约有500个,
# 至少在10%至20%之间), a currency named before the number among them
# (逾新台幣五億元, 约人民币300元).
_FILLERS = (*lexicon.word_list("between_qualifier_and_number"), *lexicon.word_list("currency_names_before"))


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
    match = _before_pattern("before").search(before) if last in _last_characters("before") else None
    if match:
        return _by_position()["before"][match.group("word")]
    window = folded[max(0, start - 8) : start]
    match = _across_verb().search(window) if any(ch in window for ch in _first_characters("before_verb")) else None
    if match:
        return _by_position()["before_verb"][match.group(1)]  # 至少安排200万元: the bound spans the verb
    if bare_multiplier and last in _last_characters("before_bare"):
        match = _before_pattern("before_bare").search(before)
        if match:
            return _by_position()["before_bare"][match.group("word")]
    for ch in inner:
        if ch in _by_position()["inner"]:
            return _by_position()["inner"][ch]
    match = _after_pattern().match(folded, end) if folded[end : end + 1] in _first_characters("after") else None
    if match:
        return _by_position()["after"][match.group()]
    return None
