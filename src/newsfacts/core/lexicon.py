"""Load the data files in lexicons/ once (tab-separated, `#` comments, a
header that defines the columns), and turn word lists into patterns."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Final


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicons/NAME, split on tabs, without comments or blank lines."""
    text = (resources.files(__package__) / "lexicons" / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(line.split("\t")))
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """The first column of lexicons/NAME as a set."""
    return frozenset(row[0] for row in rows(name))


@cache
def _word_lists() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for name, word in rows("word_lists.tsv"):
        lists.setdefault(name, []).append(word)
    return {name: tuple(found) for name, found in lists.items()}


def word_list(name: str) -> tuple[str, ...]:
    """The words of list NAME in word_lists.tsv, in file order (KeyError
    for a list the file does not have)."""
    return _word_lists()[name]


@cache
def ending_here(name: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """A pattern that finds a word of list NAME ending where a search ends
    (比 before 2019年同期, US$ before 5), and the characters such a word
    ends with: a position after none of them needs no search."""
    found = word_list(name)
    return re.compile(rf"{alternation(found)}\Z"), frozenset(word[-1] for word in found)


@cache
def _character_classes() -> dict[str, str]:
    return {name: _unescape(characters) for name, characters in rows("char_classes.tsv")}


_ESCAPE: Final = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([nts\\]))")
_ESCAPED: Final = {"n": "\n", "t": "\t", "s": " ", "\\": "\\"}


def _unescape(characters: str) -> str:
    r"""\n, \t, \s (a space), \\ and \uXXXX as the characters they name.

    >>> _unescape(r"，\n\s\u3000")
    '，\n \u3000'
    """
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESCAPED[m.group(2)], characters)


def characters(name: str) -> str:
    """The characters of class NAME in char_classes.tsv (KeyError for a
    class the file does not have)."""
    return _character_classes()[name]


def scanner(pattern: str, first: str, digits: bool = False, flags: int = 0,
            second: str | None = None, alone: str = "") -> re.Pattern[str]:
    """PATTERN compiled by the standard library's re, behind a lookahead for
    FIRST, the characters a match can start with (and any digit if DIGITS),
    and if given for SECOND, those that can follow the first, except after
    a character of ALONE (a match of one character, or followed by anything).

    For the patterns run over every character of the text (numbers, time
    expressions), re with such a lookahead fails fast wherever no match can
    start, while the regex module tries the whole pattern at every
    character: two to three times faster. (A plain alternation of words
    needs no lookahead: re gathers the first characters itself.) Only
    patterns that need nothing beyond re go here (no \\p{...}, no
    lookbehind of varying width); tests/test_shortcuts.py checks that each
    finds what regex finds.
    """
    guard = _character_class(first, digits)
    if second is not None:
        follows = _character_class(second, digits)
        guard += f"(?:{follows}|(?<={_character_class(alone, False)}))" if alone else follows
    return re.compile(f"(?={guard})(?:{pattern})", flags)


def _character_class(characters: str, digits: bool) -> str:
    escaped = "".join(sorted({"\\" + ch if ch in "\\]^-[" else ch for ch in characters}))
    return f"[{escaped}{_ANY_DIGIT if digits else ''}]"


_ANY_DIGIT: Final = r"\d"


def alternation(words_: Iterable[str]) -> str:
    """A regex alternation of WORDS that prefers the longest, so 平方米 beats 米.

    The words are folded into a tree by their first characters
    (去年|去年同期|今年 -> 去年(?:同期)?|今年): the regex engine then
    rules out a position after one character, not after trying every
    word in turn. Longer words still come first wherever they can match.

    >>> alternation(["米", "平方米", "平方公里", "今年"])
    '(?:今年|平方(?:公里|米)|米)'
    >>> alternation(["近年", "近年来"])
    '(?:近年(?:来)?)'
    """
    tree: dict[str, dict] = {}
    for word in set(words_):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + "|".join(_branches(tree)) + ")"


def _branches(node: dict[str, dict]) -> list[str]:
    """The pattern of each word continuing from NODE, one per next character."""
    import regex

    out = []
    for ch in sorted(key for key in node if key):
        child = node[ch]
        rest = _branches(child)
        if not rest:
            out.append(regex.escape(ch))
            continue
        body = rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"
        # A longer word is tried before the one ending here.
        out.append(regex.escape(ch) + (f"(?:{body})?" if "" in child else body))
    return out
