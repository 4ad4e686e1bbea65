"""Fold the text one character to one character, so offsets still hold.

Traditional characters become simplified (OpenCC's character table),
full-width digits become ASCII, ○ becomes 〇: every later stage, and
jieba's simplified dictionary, see one spelling.
"""
from __future__ import annotations

from functools import cache
from typing import Final

import re

import regex

from . import lexicon
from .numerals import BANKERS, DIGITS


@cache
def _table() -> tuple[int | str, ...]:
    """The folding table for str.translate, indexed by code point.

    A sequence, not a dict: translate then finds every character in it,
    where a dict raises (and translate swallows) a KeyError for each
    character it lacks, which is nearly all of them; folding takes half the
    time. A tuple, not a list: the garbage collector stops looking into a
    tuple of strings and numbers, and would walk the 180,000 entries of a
    list at every full collection. Characters past its end have no entry
    and stay as they are.
    """
    mapping = _opencc_characters()
    mapping.update({ord(src): dst for src, dst in lexicon.rows("char_map.tsv")})
    table: list[int | str] = list(range(max(mapping) + 1))
    for code, replacement in mapping.items():
        table[code] = replacement
    return tuple(table)


def _opencc_characters() -> dict[int, str]:
    """OpenCC's traditional-to-simplified table, one character to one
    (the first simplified reading where it lists several)."""
    from importlib import resources

    text = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        traditional, _, simplified = line.partition("\t")
        simplified = simplified.split(" ")[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[ord(traditional)] = simplified
    return table


def fold(text: str) -> str:
    """The text with every character of char_map.tsv replaced; same length.

    >>> fold("７億２，九成，陆点五折，大陆")
    '7亿2，九成，六点五折，大陆'
    """
    folded = text.translate(_table())
    if _BANKERS_ANYWHERE.search(folded):
        # 伍拾万: each pass turns the ones beside a numeral into digits.
        for _ in range(4):
            changed = _BANKERS_BY_NUMERALS.sub(lambda m: BANKERS[m.group()], folded)
            if changed == folded:
                break
            folded = changed
    return folded


# Banker's numerals that are also common words (大陆, 收拾, 队伍, 参加, 肆意)
# count as digits only beside other numerals: 陆点五折, 拾万零五十六, 万分之肆.
_NEAR: Final = DIGITS + "十百千万亿点.0-9"
_BANKER_CLASS: Final = "[" + "".join(BANKERS) + "]"
_BANKERS_ANYWHERE: Final = regex.compile(_BANKER_CLASS)
# 陆 点 五 折: spaces between the numerals (compacted later) do not part them.
# The banker's numeral comes first and what stands before it is looked
# back at from after it: a pattern that opens with a character class lets
# re skip in C to the next such character, where one that opens with a
# lookbehind is tried at every character of the text (half of fold()).
_BANKERS_BY_NUMERALS: Final = re.compile(
    rf"{_BANKER_CLASS}(?:(?<=[{_NEAR}]{_BANKER_CLASS})|(?<=[{_NEAR}][ \u3000]{_BANKER_CLASS})|(?<=分之{_BANKER_CLASS})"
    rf"|(?=[ \u3000]?[{_NEAR}{''.join(BANKERS)}]))")


# Spaces inside a number or between it and its unit, as in OCR'd or
# justified text (七成 六, 一百五十 个百分点); two Arabic numbers in a
# row keep their space (2023 100).
_INNER_SPACE: Final = regex.compile(r"(?<=[\p{Han}\d%‰])[ \t\u3000\u00a0]+(?=[\p{Han}\d%‰])"
# ... and invisible characters, taken out everywhere: a soft hyphen, zero-
# width space or joiner, word joiner, byte-order mark or direction mark
# (format characters) would split 83\u00ad0万人次 into 83 and 0万人次; a
# combining mark after a digit or a Chinese character (8\u03013) too.
                             r"|\p{Cf}+|(?<=[\p{Han}\d])\p{M}+")


class Compacted:
    """Text with inner spaces removed, and the way back to original offsets."""

    # A plain class, not a NamedTuple: compiled, its methods are called
    # directly, several times for every claim.
    def __init__(self, text: str, jumps: tuple[int, ...], shifts: tuple[int, ...]) -> None:
        self.text = text
        self.jumps = jumps  # positions in TEXT where removed spaces were
        self.shifts = shifts  # characters removed before each jump, in total

    def original(self, position: int) -> int:
        """The offset in the uncompacted text of POSITION in TEXT."""
        jumps = self.jumps
        if not jumps or position < jumps[0]:
            return position
        # The last jump at or before POSITION, by halving. bisect would do
        # it comparing boxed integers through the object protocol; compiled,
        # this loop compares machine integers, and every claim's offsets
        # come through here (6% of all work on text with such spaces).
        low, high = 0, len(jumps)
        while low < high:
            middle = (low + high) // 2
            if jumps[middle] <= position:
                low = middle + 1
            else:
                high = middle
        return position + self.shifts[low - 1]

    def original_end(self, end: int) -> int:
        """The uncompacted offset of an exclusive END (the spaces after it stay out)."""
        return self.original(end - 1) + 1 if end > 0 else 0

    def head(self, length: int) -> Compacted:
        """This compacted text's first LENGTH characters before compacting,
        compacted, where LENGTH ends with a character kept (a line break):
        the removed runs that come before it, and the text up to it."""
        jumps, shifts = self.jumps, self.shifts
        kept = 0
        # Each jump's removed run ends where the character at JUMP + SHIFT stands.
        while kept < len(jumps) and jumps[kept] + shifts[kept] < length:
            kept += 1
        removed = shifts[kept - 1] if kept else 0
        return Compacted(self.text[: length - removed], jumps[:kept], shifts[:kept])


class Written:
    """Spans of the compacted text as the ORIGINAL text writes them (the
    spaces between words kept): what a claim's fields report. A class, not
    a closure: compiled, its method is called directly, several times for
    every claim, where a closure is called as a Python object."""

    def __init__(self, original: str, compacted: Compacted) -> None:
        self.original = original
        self.compacted = compacted

    def span(self, start: int, end: int) -> str:
        """START..END of the compacted text, as written."""
        compacted = self.compacted
        if not compacted.jumps:
            return self.original[start:end]
        return self.original[compacted.original(start) : compacted.original_end(end)]


class _Folded:
    """The last text sources.py folded to find where a large file's piece
    ends, with what fold() and compact() made of it."""

    def __init__(self) -> None:
        self.last: tuple[str, str, Compacted] | None = None


_FOLDED: Final = _Folded()


def folded_and_compacted(text: str, remember: bool = False) -> tuple[str, Compacted]:
    """fold(TEXT), and compact() of that.

    A large file is read in pieces, each cut where an article starts, and
    the cut is found in the folded text of the next 240,000 characters
    (sources._article_cut, which asks to REMEMBER them). The piece is the
    head of that text, ending with a line break, so it is sliced from what
    was found there instead of being folded again (3% of a large run): no
    match of fold's or compact's patterns reaches across a line break
    (伍 counts as a digit only beside a numeral or a space, and spaces go
    only between two characters of text), so the head folds as it does
    inside the longer text."""
    last = _FOLDED.last
    if last is not None and text.endswith("\n") and last[0].startswith(text):
        return last[1][: len(text)], last[2].head(len(text))
    folded = fold(text)
    compacted = compact(folded)
    if remember:
        _FOLDED.last = (text, folded, compacted)
    return folded, compacted


def compact(folded: str) -> Compacted:
    """FOLDED without spaces between two Chinese characters or a digit and a
    Chinese character, and without invisible characters.

    >>> c = compact("七成 六，2023 100")
    >>> c.text, c.original(2), c.original_end(3)
    ('七成六，2023 100', 3, 4)
    """
    jumps: list[int] = []
    shifts: list[int] = []
    pieces: list[str] = []
    removed = 0
    last = 0
    for match in _INNER_SPACE.finditer(folded):
        if match.start() and folded[match.start() - 1].isdigit() and folded[match.end() : match.end() + 1].isdigit() \
                and folded[match.start()].isspace():
            continue
        pieces.append(folded[last : match.start()])
        removed += match.end() - match.start()
        jumps.append(match.start() - removed + (match.end() - match.start()))
        shifts.append(removed)
        last = match.end()
    if not jumps:
        return Compacted(folded, (), ())
    pieces.append(folded[last:])
    return Compacted("".join(pieces), tuple(jumps), tuple(shifts))
