"""Whether a number is the size of a change: 同比增长28.5% -> increase."""
from __future__ import annotations

from functools import cache
from typing import Final

import re

from .. import lexicon
from ...claim import Change

# Words that may stand between the verb and the number: 增长了5%,
# 增收近3万元, 涨幅高达5.79%, 分别增长 ... 均超三成.
_BETWEEN: Final = lexicon.word_list("between_change_and_number")
_LIST_JOINERS: Final = frozenset("、" + lexicon.characters("list_joiners"))


@cache
def _verbs() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.rows("change_verbs.tsv")}


@cache
def _after() -> re.Pattern[str]:
    """38.6%的增长, 4.03%涨幅: the change named after the number."""
    words = [row[0] for row in lexicon.rows("change_verbs.tsv") if row[2] == "yes"]
    return re.compile(rf"的?({lexicon.alternation(words)})")


@cache
def _after_first() -> frozenset[str]:
    """What _after() can start with: most numbers need no match."""
    return frozenset("的" + "".join(row[0][0] for row in lexicon.rows("change_verbs.tsv") if row[2] == "yes"))


@cache
def _changing() -> str:
    """The words that change (增长, 增, 下降), as one alternation."""
    return lexicon.alternation(w for w, d in _verbs().items() if d != "level")


@cache
def _levels() -> str:
    """The words of the level a change reaches (到, 至, 为, 成), as one alternation."""
    return lexicon.alternation(w for w, d in _verbs().items() if d == "level")


@cache
def _pattern() -> re.Pattern[str]:
    between = lexicon.alternation(_BETWEEN)
    return re.compile(rf"(?P<verb>{_changing()})(?P<level>{_levels()})?(?:{between}){{0,2}}\Z")


@cache
def _last_characters() -> frozenset[str]:
    """What the phrase before a change ends with (the last character of a
    verb, level word or filler): most numbers need no search."""
    return frozenset(word[-1] for word in (*_verbs(), *_BETWEEN))


@cache
def _openers() -> tuple[str, ...]:
    words = {w for w, d in _verbs().items() if d != "level"} | {"比", "较", *lexicon.word_list("period_comparisons")}
    return tuple(sorted(words, key=len, reverse=True))


def change_word_at(folded: str, start: int, end: int) -> bool:
    """Whether a word of change_verbs.tsv that changes (增长, 增, 下降; not
    the 为 or 成 of a level) starts at START and ends by END."""
    return _ANY_CHANGE_WORD.match(folded, start, end) is not None


def reaching_end(folded: str, start: int, end: int) -> int:
    """Where a change verb and the word of the level it reaches end, when
    they open FOLDED[START:END] (增至, 提高到, 下降为); START if they do not."""
    found = _REACHING.match(folded, start, end)
    return found.end() if found else start


@cache
def _any_change_word() -> re.Pattern[str]:
    return re.compile(_changing())


@cache
def _reaching() -> re.Pattern[str]:
    return re.compile(f"(?:{_changing()})了?(?:{_levels()})")


def opens_with_change(folded: str, start: int) -> bool:
    """Whether the clause at START says how something changed and not what
    (比2019年1-3月份增长41.9%, 同比增长6.2%, 增长88.5%)."""
    return folded.startswith(_openers(), start)


def direction(folded: str, start: int, end: int, sentence_start: int) -> Change | None:
    """INCREASE or DECREASE when the quantity at START..END measures a change.

    >>> direction("同比增长44.6%", 4, 9, 0), direction("增长到500亿元", 3, 9, 0)
    (<Change.INCREASE: 'increase'>, None)
    """
    before = folded[max(sentence_start, start - 12) : start]
    match = _PATTERN.search(before) if before[-1:] in _LAST_CHARACTERS else None
    if match:
        if match.group("level"):
            return None
        return _as_change(_VERBS[match.group("verb")])
    after = _after().match(folded, end) if folded[end : end + 1] in _AFTER_FIRST else None
    if after:
        return _as_change(_VERBS.get(after.group(1)))
    return None


def shares_previous(folded: str, previous_end: int, start: int) -> bool:
    """分别增长191.6%、349.6%和229.9%: a figure joined to the one before it
    by a list joiner (、和及与) shares its change."""
    between = folded[previous_end:start]
    return len(between) == 1 and between in _LIST_JOINERS


# The directions of change_verbs.tsv that are a claim's change ("level" and
# "none" are not), as the Change each names: a dictionary, not Change(word),
# which goes through the enum's interpreted __call__ for every claim.
_CHANGES: Final = {change.value: change for change in Change}


def _as_change(direction_word: str | None) -> Change | None:
    return _CHANGES.get(direction_word) if direction_word is not None else None


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_LAST_CHARACTERS: Final = _last_characters()
_REACHING: Final = _reaching()
_AFTER_FIRST: Final = _after_first()
_ANY_CHANGE_WORD: Final = _any_change_word()
_PATTERN: Final = _pattern()
_VERBS: Final = _verbs()
