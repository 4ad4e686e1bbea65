"""jieba, loaded on first use: words, their dictionary tags, segmentation.

Nothing imports jieba until a claim needs it. Tags come from jieba's
dictionary (the tags jieba.posseg would give a dictionary word) without
running its much slower tagger.
"""
from __future__ import annotations

import array
import hashlib
import logging
import marshal
import os
import tempfile
from functools import cache, lru_cache
from math import log
from typing import Final

from ..atomic import replacing
from .once import Once


class Word:
    def __init__(self, start: int, end: int, text: str, tag: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.tag = tag  # jieba's part of speech ("n", "v", "ns" ...), "x" for punctuation, "" if unknown


def _jieba():
    """The jieba module, imported without pkg_resources.

    jieba's _compat imports pkg_resources, if it can, only to open its own
    dict.txt (where a plain open() serves a package on disk as well), and
    that import takes 78 ms of every start (python -X importtime), a tenth
    of the command's cold start. Marked missing in sys.modules for that
    one import (the import system's documented way to make an import
    fail), jieba opens the file itself; the mark is taken away at once, so
    anything that imports pkg_resources later gets it."""
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def _tokenizer():
    """jieba's tokenizer with its dictionary loaded."""
    return load()[0]


class _Tables:
    """The dictionary's tables once loaded, where the look-ups below reach
    them without a call: is_word, tag_of and their kin run dozens of times
    for every claim, and a call through functools.cache's wrapper cost
    more than the look-up it guarded."""

    def __init__(self) -> None:
        self.counts: dict[str, int] | None = None
        self.tags: dict[str, str] | None = None


_TABLES: Final = _Tables()


def _tags() -> dict[str, str]:
    """Each dictionary word's part of speech (what jieba.posseg gives it)."""
    tags = _TABLES.tags
    if tags is None:
        tags = _TABLES.tags = load()[1]
    return tags


@cache
def _words_by_tag() -> dict[str, str]:
    """The dictionary's words of each tag, one per line, as the cache keeps
    them (tables are made only for the few tags asked for); grouped here,
    in one pass, only when the dictionary was read from jieba's own files.

    Kept as strings, not lists: the garbage collector walks every element
    of a list at each full collection, and lists of the 350,000 words cost
    a few percent of a large run; a string it never looks into."""
    grouped = load()[2]
    return grouped if grouped is not None else _grouped_by_tag(_tags())


def _grouped_by_tag(tags: dict[str, str]) -> dict[str, str]:
    grouped: dict[str, list[str]] = {}
    for word, tag in tags.items():
        grouped.setdefault(tag, []).append(word)
    return {tag: "\n".join(words) for tag, words in grouped.items()}


@cache
def load():
    """jieba's tokenizer, the dictionary's tags, and its words by tag (None
    when the dictionary was read from jieba's own files), from a cache of our own.

    jieba keeps its word counts in a marshal file of one big dict, and
    reading the tags out of dict.txt takes longer still: together over a
    second, paid at every start. Both tables are kept here instead as a few
    long strings (and arrays of counts and of tag numbers, one of each
    per word) that load in a tenth of that,
    then handed to jieba's tokenizer as the dictionary it would have
    built. The cache is named after dict.txt's path, size and time, so a
    changed dictionary is never read from a stale one.
    """
    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    cache_file = _cache_path(tokenizer.get_dict_file())
    loaded = _read_cache(cache_file) if cache_file else None
    if loaded is not None:
        tokenizer.FREQ, tokenizer.total, tags, grouped = loaded
        tokenizer.initialized = True
        return tokenizer, tags, grouped
    tokenizer.initialize()
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer(tokenizer)
    tagger.load_word_tag(tokenizer.get_dict_file())
    if cache_file:
        _write_cache(cache_file, tokenizer.FREQ, tokenizer.total, tagger.word_tag_tab)
    return tokenizer, tagger.word_tag_tab, None


@cache
def _tagger():
    """jieba.posseg's tagger over our tokenizer and the tags already loaded
    (its constructor would read dict.txt again)."""
    jieba = _jieba()

    # Importing jieba.posseg makes a tagger for jieba's global tokenizer,
    # which reads the 350,000 lines of dict.txt for their tags (0.9 s);
    # pointed at an empty file for that moment, it reads none: the tags
    # are ours.
    dictionary = jieba.dt.dictionary
    jieba.dt.dictionary = os.devnull
    try:
        import jieba.posseg
    finally:
        jieba.dt.dictionary = dictionary

    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = _tokenizer()
    tagger.word_tag_tab = _tags()
    return tagger


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba.posseg's words and tags for TEXT, its HMM included, which
    tags names it has never seen (蒋澎龙 nr, 房企 j). Much slower than a
    dictionary look-up: for a few characters around a candidate only, and
    remembered, since an article names the same people again and again.

    >>> tagged("蒋澎龙改变战术")[0]
    ('蒋澎龙', 'nr')
    """
    return tuple((word, tag) for word, tag in _tagger().cut(text))


def _read_cache(path: str) -> tuple[dict[str, int], int, dict[str, str], dict[str, str]] | None:
    """The counts, their total, each word's tag and the words of each tag."""
    try:
        with open(path, "rb") as handle:
            words, counts, total, by_tag, tag_names, tag_numbers, others = marshal.load(handle)
        numbers = array.array("q")
        numbers.frombytes(counts)
        word_list = words.split("\n")
        freq = dict(zip(word_list, numbers))
        # Each word's tag by its number, in the order of the words: the tags
        # table then holds the very strings the counts do (hashed once, kept
        # once), not a second copy of 350,000 words.
        numbered = array.array("H")
        numbered.frombytes(tag_numbers)
        tags = {word: tag_names[number] for word, number in zip(word_list, numbered) if number != _UNTAGGED}
        tags.update(others)
        return freq, total, tags, by_tag
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


_UNTAGGED: Final = 0xFFFF  # the tag number of a word (or a word's prefix) with no tag


def _write_cache(path: str, freq: dict[str, int], total: int, tags: dict[str, str]) -> None:
    tag_names = sorted(set(tags.values()))
    number_of = {tag: number for number, tag in enumerate(tag_names)}
    data = marshal.dumps((
        "\n".join(freq),
        array.array("q", freq.values()).tobytes(),
        total,
        _grouped_by_tag(tags),
        tag_names,
        array.array("H", [number_of[tags[word]] if word in tags else _UNTAGGED for word in freq]).tobytes(),
        {word: tag for word, tag in tags.items() if word not in freq},  # none, from jieba's own files
    ))
    try:
        with replacing(path, "wb") as out:
            out.write(data)
    except OSError:
        pass  # no cache then; the next start builds it again


def _cache_path(dictionary) -> str | None:
    try:
        name = dictionary.name
        stat = os.stat(name)
    except (AttributeError, OSError):
        return None
    finally:
        close = getattr(dictionary, "close", None)
        if close:
            close()
    key = hashlib.sha1(f"{name}|{stat.st_size}|{stat.st_mtime_ns}|2".encode()).hexdigest()[:16]
    return os.path.join(tempfile.gettempdir(), f"newsfacts-jieba-{key}.marshal")


def words_before(text: str, start: int, end: int) -> list[Word]:
    """The words of TEXT[START:END] read backwards from END, each the longest
    dictionary word that ends where the previous one starts (offsets into
    TEXT). Context only ever needs the few words next to a number, and
    these look-ups cost a fraction of a full segmentation.

    >>> [w.text for w in words_before("去年攸县卫生厕所普及率达", 2, 11)]
    ['攸县', '卫生', '厕所', '普及率']
    """
    freq, tags = _counts(), _tags()
    out = []
    position = end
    while position > start:
        length = _ascii_run_before(text, start, position)
        if not length:
            length = 1
            for candidate in range(min(_LONGEST, position - start), 1, -1):
                if freq.get(text[position - candidate : position]):
                    length = candidate
                    break
        word = text[position - length : position]
        out.append(Word(position - length, position, word, tags.get(word, "" if word.isalnum() else "x")))
        position -= length
    out.reverse()
    return out


def best_path_cuts(text: str, start: int, end: int) -> list[int]:
    """Where jieba would cut TEXT[START:END] into words: the most probable
    path through its dictionary (jieba.cut without its HMM), as the
    positions between words, START and END included.

    >>> t = "1-3月全国商品房成交"
    >>> [t[a:b] for a, b in zip(best_path_cuts(t, 4, 11), best_path_cuts(t, 4, 11)[1:])]
    ['全国', '商品房', '成交']
    """
    freq = _counts()
    log_total = _LOG_TOTAL.get()
    size = end - start
    best = [0.0] * (size + 1)  # the best score of the rest, from each position
    step = [1] * (size + 1)  # the length of the first word on that path
    for offset in range(size - 1, -1, -1):
        position = start + offset
        # log of a float, not of an int: compiled, log(float) is a call
        # into C's log, where log(int) goes through math.log as a Python
        # object, ten times slower (half of this function's time). The
        # counts convert exactly, so the scores are the same.
        top = log(float(freq.get(text[position]) or 1)) - log_total + best[offset + 1]
        length = 1
        stop = position + 2
        while stop <= end:
            count = freq.get(text[position:stop])
            if count is None:
                break  # the table holds every prefix of every word: no longer word starts so
            if count:
                score = log(float(count)) - log_total + best[stop - start]
                if score >= top:
                    top, length = score, stop - position
            stop += 1
        best[offset] = top
        step[offset] = length
    cuts = [start]
    offset = 0
    while offset < size:
        offset += step[offset]
        cuts.append(start + offset)
    return cuts


def word_across(text: str, at: int, start: int, end: int) -> bool:
    """Whether a dictionary word inside TEXT[START:END] holds the characters
    on both sides of AT (通过 across 通|过量); where none does, every path
    through the dictionary cuts there, and best_path_cuts need not run.

    >>> word_across("三峡枢纽通过量", 5, 0, 7), word_across("三峡枢纽通过量", 4, 0, 7)
    (True, False)
    """
    freq = _counts()
    for first in range(max(start, at - _LONGEST + 1), at):
        for stop in range(at + 1, min(end, first + _LONGEST) + 1):
            count = freq.get(text[first:stop])
            if count is None:
                break  # no longer word starts at FIRST
            if count:
                return True
    return False


def _log_total() -> float:
    return log(_tokenizer().total)


_LOG_TOTAL: Final = Once(_log_total)  # a call through functools.cache costs more (once.py)


def words_after(text: str, start: int, end: int) -> list[Word]:
    """The words of TEXT[START:END] read forwards, longest dictionary word first.

    >>> [w.text for w in words_after("注册网店、96个", 0, 5)]
    ['注册', '网店', '、']
    """
    freq, tags = _counts(), _tags()
    out = []
    position = start
    while position < end:
        length = _ascii_run_after(text, position, end)
        if not length:
            length = _longest_at(freq, text, position, min(end, position + _LONGEST)) or 1
        word = text[position : position + length]
        out.append(Word(position, position + length, word, tags.get(word, "" if word.isalnum() else "x")))
        position += length
    return out


_LONGEST: Final = 5  # characters: nearly every word of jieba's dictionary is this short


def longest_word_at(text: str, start: int, end: int) -> str | None:
    """The longest dictionary word of two or more characters that starts
    at START and ends by END.

    >>> longest_word_at("普及率达93.59%", 0, 4)
    '普及率'
    """
    length = _longest_at(_counts(), text, start, end)
    return text[start : start + length] if length else None


def _longest_at(freq: dict[str, int], text: str, start: int, end: int) -> int:
    """The length of the longest word (two or more characters) at START, 0 if none.

    jieba's table holds every prefix of every word (with count 0), so the
    first piece missing from it ends the search: no longer word starts so.
    """
    longest = 0
    for stop in range(start + 2, end + 1):
        count = freq.get(text[start:stop])
        if count is None:
            break
        if count:
            longest = stop - start
    return longest


def _ascii_run_before(text: str, start: int, end: int) -> int:
    position = end
    while position > start and text[position - 1].isascii() and text[position - 1].isalnum():
        position -= 1
    return end - position


def _ascii_run_after(text: str, start: int, end: int) -> int:
    position = start
    while position < end and text[position].isascii() and text[position].isalnum():
        position += 1
    return position - start


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of TEXT, from the dictionary only.

    >>> [("一二三产业"[s:e]) for s, e in word_spans("一二三产业")]
    ['一二三', '产业']
    """
    spans = []
    position = 0
    for piece in _tokenizer().cut(text, HMM=False):
        spans.append((position, position + len(piece)))
        position += len(piece)
    return spans


def is_word(text: str) -> bool:
    """Whether TEXT is a word of jieba's dictionary."""
    return bool(_counts().get(text))


def _counts() -> dict[str, int]:
    """Each dictionary word's count, 0 for the prefixes of longer words
    (jieba's own table, which its tokenizer uses too)."""
    counts = _TABLES.counts
    if counts is None:
        counts = _TABLES.counts = _tokenizer().FREQ
    return counts


def tag_of(text: str) -> str:
    """The dictionary tag of TEXT, or "" when it is not a dictionary word."""
    return _tags().get(text, "")


@cache
def words_tagged(tag: str) -> dict[str, None]:
    """Every dictionary word with part of speech TAG (ask `word in` it): a
    table small enough to stay in the processor's cache, where the whole
    dictionary does not. A dict of None, not a frozenset: the garbage
    collector never walks a dict that holds only strings, and walks a
    set's every element at each full collection."""
    words = _words_by_tag().get(tag)
    return dict.fromkeys(words.split("\n")) if words else {}


def frequency(text: str) -> int:
    """How often jieba's dictionary saw TEXT as a word (0 if never)."""
    return _counts().get(text) or 0
