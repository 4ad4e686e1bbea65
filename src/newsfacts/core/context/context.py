"""A claim's context: what is measured, the period it refers to, and the
place, organisation or person it is about (ANNOTATION.md `measure`,
`time`, `entity`).

Time and entity are looked for in the claim's sentence, then in the
earlier sentences of its paragraph, then in the headline. Spans are found
on the folded text and copied from the original by the caller's `written`.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Callable, Iterator

import re

import regex

from .. import lexicon, segment
from ...claim import Kind
from ..quantities import Quantity
from . import entities, times
from .entities import Span
from ..sentences import CLAUSE_MARKS, Sentence


_CLAUSE_MARKS = CLAUSE_MARKS
# A comparison's base is not the claim's period: 比2019年同期增长11.1%.
_COMPARED_WORDS = ("比", "较", "与", "和", "同", "于", "相比", "高于", "低于", "对比")
_COMPARED = re.compile(rf"(?:{'|'.join(_COMPARED_WORDS)})\Z")
_COMPARED_LAST = frozenset(word[-1] for word in _COMPARED_WORDS)
_NOUNISH = {"n", "nz", "vn", "an", "ng", "j", "b", "f", "l", "nt", "nr", "nrt", "g", "i", "h", "k", "a", "s", "zg"}
# Tags of words that may stand between the phrase and its number.
_TRAILING_SKIP = {"p", "d", "t", "c", "m", "q", "r", "u", "ul", "uj", "uz", "ud", "ug", "uv", "y", "e"}
_AFTER_SKIP = re.compile(r"(?:以上|以下|左右|上下|之多|多|余|不等)?(?:的)?[“「『]?")
_AFTER_SKIP_FIRST = frozenset("以左上之多余不的“「『")
_ROLES = entities.ROLES
_ANAPHOR_REACH = 20  # sentences back to look for what 该县 stands for


@cache
def _edge_words() -> tuple[frozenset[str], frozenset[str]]:
    tail = {w for w, end in lexicon.rows("measure_edges.tsv") if end == "tail"}
    # 降幅比去年同期扩大: 降幅 and 增幅 name what changed; keep them.
    tail |= {w for w, _ in lexicon.rows("change_verbs.tsv") if not w.endswith("幅")}
    tail |= {row[0] for row in lexicon.rows("qualifiers.tsv")}
    head = {w for w, end in lexicon.rows("measure_edges.tsv") if end == "head"}
    return frozenset(tail), frozenset(head)


@cache
def _nominal_verbs() -> frozenset[str]:
    return lexicon.words("nominal_verbs.txt")


@cache
def _level_words() -> frozenset[str]:
    return frozenset(w for w, end in lexicon.rows("measure_edges.tsv") if end == "level")


@cache
def _longest_tail() -> int:
    tail, _ = _edge_words()
    return max(map(len, tail))


class _TimeScan:
    """The time expressions of one sentence, found as far as REACH so far."""

    def __init__(self, matches: Iterator[re.Match[str]]) -> None:
        self.matches: Iterator[re.Match[str]] | None = matches  # None once the sentence is done
        self.spans: list[Span] = []
        self.reach = -1  # where the last expression looked at starts


class DocumentContext:
    """Context lookups over one document, each sentence analysed once."""

    def __init__(self, folded: str, sentence_list: list[Sentence], written: Callable[[int, int], str]) -> None:
        self.folded = folded
        self.sentences = sentence_list
        self.written = written
        self._times: dict[int, _TimeScan] = {}
        self._entities: dict[int, entities.Names] = {}
        self._starts = [sentence.start for sentence in sentence_list]
        self._sentence_texts: dict[int, str] = {}
        self.headline = 0 if sentence_list and _looks_like_headline(folded, sentence_list) else None

    def sentence_text(self, index: int) -> str:
        """Sentence INDEX as written, line breaks turned into spaces: one
        string shared by all its claims (and pickled once with them)."""
        if index not in self._sentence_texts:
            sentence = self.sentences[index]
            text = self.written(sentence.start, sentence.end)
            self._sentence_texts[index] = _LINE_BREAKS.sub(" ", text) if "\n" in text else text
        return self._sentence_texts[index]

    def time(self, index: int, position: int) -> str | None:
        own = [span for span in self._times_in(index, position) if span.end <= position]
        span = own[-1] if own else self._earlier(index, self._times_in, last=True)
        return self.written(span.start, span.end) if span else None

    def entity(self, index: int, position: int) -> str | None:
        """The nearest place named before the claim, else person, else organisation."""
        for role in _ROLES:
            span = self._nearest(index, position, lambda i: self._entities_in(i).of(role), last=True)
            if span:
                return self._resolved(span)
        return None

    def _resolved(self, span: Span) -> str:
        """该县, 全市: the place it stands for, with the same ending: the
        nearest one before it in its sentence, else the first one (the
        subject) of the nearest earlier sentence that names one."""
        text = self.folded[span.start : span.end]
        if text[:1] not in "该全本" or len(text) != 2:
            return self.written(span.start, span.end)
        own = bisect_right(self._starts, span.start) - 1
        for index in range(own, max(-1, own - _ANAPHOR_REACH), -1):
            places = [
                place for place in self._entities_in(index).of("place")
                if place.end <= span.start and self.folded[place.end - 1] == text[-1]
                and self.folded[place.start] not in "该全本"
            ]
            if places:
                chosen = places[-1] if index == own else places[0]
                return self.written(chosen.start, chosen.end)
        return self.written(span.start, span.end)

    def measure(self, q: Quantity, kind: Kind, index: int, floor: int) -> str | None:
        """What Q measures; the phrase before it starts no earlier than FLOOR
        (the end of the previous claim)."""
        sentence = self.sentences[index]
        if kind in _NOUN_FIRST:
            span = self._measure_after(q, kind, sentence) or self._measure_before(q, index, floor)
        else:
            span = self._measure_before(q, index, floor) or self._measure_after(q, kind, sentence)
        return self.written(span.start, span.end) if span else None

    def list_items(self, index: int, position: int) -> list[str] | None:
        """汽车、电气和电力累计增速分别为…: the measures of a list of figures
        that starts at POSITION, one per item, each with the list's head
        word (汽车增速, 电气增速, 电力累计增速); None without such a list."""
        sentence = self.sentences[index]
        start = position
        while start > sentence.start and self.folded[start - 1] not in _LIST_CLAUSE_MARKS:
            start -= 1
        end = _trim_tail(self.folded, start, position)
        cuts = [start - 1]
        for at in range(start, end):
            ch = self.folded[at]
            if ch == "、" or (ch in "和及与" and not _inside_word(self.folded, at)):
                cuts.append(at)
        cuts.append(end)
        # The first item may open with a verb (实现饮料类); the others are bare.
        spans = [_noun_tail(self.words(cuts[0] + 1, cuts[1]), cuts[0] + 1, cuts[1])]
        spans += [Span(a + 1, b) if b > a + 1 else None for a, b in zip(cuts[1:], cuts[2:])]
        present = [span for span in spans if span is not None]
        if len(present) < 2 or len(present) != len(spans):
            return None
        first, last = present[0], present[-1]
        # The head shared by the list is what the last item has beyond the
        # first one's length in words: 饮料类、烟酒类商品零售 -> 商品零售.
        last_words = self.words(last.start, last.end)
        skip = min(max(1, len(self.words(first.start, first.end))), len(last_words) - 1)
        head = self.written(last_words[skip].start, last.end) if skip > 0 else ""
        return [self.written(span.start, span.end) + head for span in present[:-1]] + [self.written(last.start, last.end)]

    def _nearest(self, index: int, position: int, finder, last: bool) -> Span | None:
        """In the claim's sentence (before POSITION), then earlier sentences
        of the paragraph, then the headline."""
        before = [s for s in finder(index) if s.end <= position]
        if before:
            return before[-1] if last else before[0]
        return self._earlier(index, finder, last)

    def _earlier(self, index: int, finder, last: bool) -> Span | None:
        """In the sentences before INDEX in its paragraph, then the headline."""
        paragraph = self.sentences[index].paragraph
        for earlier in range(index - 1, -1, -1):
            if self.sentences[earlier].paragraph != paragraph:
                break
            found = finder(earlier)
            if found:
                return found[-1] if last else found[0]
        if self.headline is not None and self.headline != index:
            found = finder(self.headline)
            if found:
                return found[-1] if last else found[0]
        return None

    def _times_in(self, index: int, until: int | None = None) -> list[Span]:
        """The time expressions of sentence INDEX in reading order: all of
        them, or at least all that start before UNTIL. A claim asks only
        about the text before it, so the rest of its sentence is scanned
        only when a later question needs it."""
        scan = self._times.get(index)
        if scan is None:
            sentence = self.sentences[index]
            scan = _TimeScan(times.pattern().finditer(self.folded, sentence.start, sentence.end))
            self._times[index] = scan
        if scan.matches is None or (until is not None and scan.reach >= until):
            return scan.spans
        start = self.sentences[index].start
        for match in scan.matches:
            scan.reach = match.start()
            compared = (self.folded[scan.reach - 1 : scan.reach] in _COMPARED_LAST and scan.reach > start
                        and _COMPARED.search(self.folded, max(start, scan.reach - 2), scan.reach))
            if not compared:
                scan.spans.append(Span(scan.reach, match.end()))
            if until is not None and scan.reach >= until:
                return scan.spans
        scan.matches = None
        return scan.spans

    def _entities_in(self, index: int) -> entities.Names:
        """The names in sentence INDEX, found role by role as asked for."""
        names = self._entities.get(index)
        if names is None:
            names = self._entities[index] = entities.Names(self.folded, self.sentences[index])
        return names

    def words(self, start: int, end: int) -> list[segment.Word]:
        """The words of START..END read back from END, at offsets in the text.
        Only such short windows are ever looked at, never whole sentences."""
        return segment.words_before(self.folded, start, end)

    def words_after(self, start: int, end: int) -> list[segment.Word]:
        return segment.words_after(self.folded, start, end)

    def _measure_after(self, q: Quantity, kind: Kind, sentence: Sentence) -> Span | None:
        return _measure_after(self.folded, q, kind, sentence, self.words_after)

    def _measure_before(self, q: Quantity, index: int, floor: int) -> Span | None:
        sentence = self.sentences[index]
        start = _clause_start(self.folded, max(sentence.start, floor), q.start)
        end = _trim_tail(self.folded, start, q.start)
        # Both words of comparison are rare: look for them before calling the pattern.
        has_comparison = self.folded.find("比", start, end) >= 0 or self.folded.find("较", start, end) >= 0
        compared = _COMPARISON.search(self.folded, start, end) if has_comparison else None
        if compared:
            end = _trim_tail(self.folded, start, compared.start())
        for span in self._times_in(index, end):
            if start <= span.start < end and span.end <= end:
                start = max(start, span.end)
        if start >= end:
            return None
        return _noun_tail(self.words(start, end), start, end)


def _inside_word(folded: str, at: int) -> bool:
    """Whether the character at AT belongs to a two-character word (普及率, 以及)."""
    return segment.is_word(folded[at - 1 : at + 1]) or segment.is_word(folded[at : at + 2])


_LINE_BREAKS = regex.compile(r"\s*\n\s*")
_LIST_CLAUSE_MARKS = _CLAUSE_MARKS.replace("、", "")


# 比2019年同期增长: what follows 比 is the base of a comparison.
_COMPARISON = re.compile(r"(?<![同环相对无])比|较(?![为大高低多少快慢好])")


def _trim_tail(folded: str, start: int, end: int) -> int:
    """END moved left past change verbs, qualifiers and fillers (同比增长, 达):
    to the furthest point from which the rest is a run of such words.

    Read from the right, a point counts when a word leads from it to a
    point that counts; a longest word's length of points in a row that do
    not count means none further left can.
    """
    tails, _ = _edge_words()
    longest = _longest_tail()
    reached = {end}
    trimmed = end
    position = end - 1
    while position >= start and trimmed - position <= longest:
        for length in range(1, min(longest, end - position) + 1):
            if position + length in reached and folded[position : position + length] in tails:
                reached.add(position)
                trimmed = position
                break
        position -= 1
    return trimmed


def _clause_start(folded: str, floor: int, position: int) -> int:
    start = position
    while start > floor and folded[start - 1] not in _CLAUSE_MARKS:
        start -= 1
    # 汽车、电气、电子和电力累计增速: the last item of a list heads the phrase.
    for joiner in ("和", "及", "与"):
        at = folded.rfind(joiner, start, position)
        if start < at < position - 2 and not _inside_word(folded, at):  # 普及率 and 以及 are not lists
            start = at + 1
    return start


def _noun_tail(words: list[segment.Word], start: int, end: int) -> Span | None:
    """The longest run of noun-like words that ends at END, or just before
    a verb or preposition there (新台币汇率昨日以三四.九九八元开盘).
    WORDS are those of START..END."""
    _, heads = _edge_words()
    for _ in range(2):
        if len(words) > 1 and (words[-1].tag in _TRAILING_SKIP or (words[-1].tag == "v" and words[-1].text not in _nominal_verbs())):
            end = words[-1].start
            words = words[:-1]
    first = len(words)
    # 餐饮收入, 电力累计增速: jieba tags the head as a verb; after a noun it is one.
    verbs = 0
    while verbs < 2 and first - verbs > 1 and words[first - verbs - 1].text in _nominal_verbs():
        verbs += 1
    first -= verbs
    while first > 0 and (_nounish(words[first - 1]) or _modifying_verb(words, first - 1)):
        first -= 1
    while first < len(words) and words[first].text in heads:
        first += 1
    if first >= len(words):
        return None
    return Span(words[first].start, end)


def _modifying_verb(words: list[segment.Word], at: int) -> bool:
    """人均可支配收入, 稳定务工岗位: a verb between nouns modifies the head."""
    word = words[at]
    return word.tag == "v" and len(word.text) > 1 and at > 0 and _nounish(words[at - 1]) and words[at - 1].tag != "ns"


def _nounish(word: segment.Word) -> bool:
    if word.tag == "ns":
        return False  # a place opens the phrase: 攸县卫生厕所普及率
    return word.tag in _NOUNISH


def _measure_after(folded: str, q: Quantity, kind: Kind, sentence: Sentence,
                   segmenter: Callable[[int, int], list[segment.Word]]) -> Span | None:
    """3000余家注册网店, 5万多斤鲢鱼, 200多万的游客: the noun right after."""
    if kind in _NO_NOUN_AFTER and not folded.startswith("的", q.end):
        return None  # 1.7%的两年平均增速 names its measure after 的
    skip = _AFTER_SKIP.match(folded, q.end, sentence.end) if folded[q.end : q.end + 1] in _AFTER_SKIP_FIRST else None
    start = skip.end() if skip else q.end
    end = start
    while end < sentence.end and end - start < 12 and folded[end] not in _CLAUSE_MARKS:
        end += 1
    if end == start:
        return None
    words = segmenter(start, end)
    taken = 0
    for number, word in enumerate(words):
        single = len(word.text) == 1 and "\u4e00" <= word.text <= "\u9fff" and word.tag not in _FUNCTION_TAGS
        if word.tag in _NOUN_AFTER or single:
            taken = number + 1
            continue
        if word.tag == "v" and len(word.text) > 1 and number + 1 < len(words) and words[number + 1].tag in _NOUN_AFTER:
            continue  # 注册网店, 求职信
        break
    if taken == 0 or words[taken - 1].end - start < 2:
        return None
    if words[0].text in _level_words():
        return None
    return Span(start, words[taken - 1].end)


_NO_NOUN_AFTER = {Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MULTIPLE, Kind.FRACTION, Kind.INDEX_POINT}
_NOUN_AFTER = {"n", "nz", "vn", "an", "ng", "j", "l", "nr", "nrt", "b", "a", "nt", "ns", "i"}
# Single characters that end a noun phrase: particles, adverbs, prepositions, verbs (正坐在, 就经由).
_FUNCTION_TAGS = {"p", "d", "c", "u", "ul", "uj", "uz", "ud", "ug", "uv", "r", "m", "q", "y", "e", "x", "t", "v", "f"}
# Counts and sizes name their noun after them (3000余家注册网店); money and
# rates name it before (旅游收入90余亿元), and take one after only failing that.
_NOUN_FIRST = {Kind.COUNT, Kind.WEIGHT, Kind.AREA, Kind.VOLUME, Kind.DURATION, Kind.AGE}


def _looks_like_headline(folded: str, sentence_list: list[Sentence]) -> bool:
    first = sentence_list[0]
    alone = len(sentence_list) == 1 or sentence_list[1].paragraph != first.paragraph
    return alone and first.end - first.start <= 60 and folded[first.end - 1] not in "。！？!?"
