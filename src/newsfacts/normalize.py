"""Fold the text one character to one character, so offsets still hold.

Full-width digits become ASCII, traditional characters of the lexicons
become simplified, ○ becomes 〇: every later stage matches one spelling.
"""
from __future__ import annotations

from functools import cache

from . import _lexicon


@cache
def _table() -> dict[int, str]:
    return {ord(src): dst for src, dst in _lexicon.rows("char_map.tsv")}


def fold(text: str) -> str:
    """The text with every character of char_map.tsv replaced; same length.

    >>> fold("７億２，九成")
    '7亿2，九成'
    """
    return text.translate(_table())
