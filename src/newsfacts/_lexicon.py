"""Load the data files in lexicons/ once: tab-separated, `#` comments."""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicons/NAME, split on tabs, without comments or blank lines."""
    text = resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(line.split("\t")))
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """The first column of lexicons/NAME as a set."""
    return frozenset(row[0] for row in rows(name))


def alternation(words_: Iterable[str]) -> str:
    """A regex alternation of WORDS, longest first, so 平方米 beats 米."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words_), key=lambda w: (-len(w), w)))
