"""Article, paragraph and sentence spans over the (folded) text.

A file may hold several articles, each opening with its headline: a short
line alone between blank lines. Nothing of one article (its headline, its
paragraphs, what 该县 refers to) reaches into the next, so each is read on
its own.

News text arrives with stray line breaks: page breaks inside a sentence,
and wire copy that puts every clause on its own line, each ending in a
comma. A line break ends a sentence and a paragraph unless the line ends
in a mark that cannot end a sentence (，、：and the like).
"""
from __future__ import annotations

import re
from typing import Final

import regex

from . import lexicon

# Marks after which a sentence ends; closing quotes and brackets that follow
# them stay with the sentence (他说：“……。”).
_END_MARKS: Final = lexicon.characters("sentence_ends")
_CLOSERS: Final = lexicon.characters("closers")
# Marks that end a clause inside a sentence, or a quotation within it.
CLAUSE_MARKS: Final = lexicon.characters("clause_marks")
CLAUSE_MARK: Final = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")  # any one of them
# A line that ends in one of these continues on the next line.
_CONTINUES: Final = lexicon.characters("line_continues")

# End marks with the closers after them (end of sentence), or a line break
# (decided in split()). Written to open with one character class, which re
# skips to in C.
_BOUNDARY: Final = re.compile(
    rf"[{re.escape(_END_MARKS)}\n](?:(?<=[{re.escape(_END_MARKS)}])[{re.escape(_END_MARKS)}]*[{re.escape(_CLOSERS)}]*)?"
)


class Sentence:
    # Plain classes rather than NamedTuples for the records made by the
    # thousand: compiled (mypyc), they are built and read without a Python
    # call or a tuple lookup.
    def __init__(self, start: int, end: int, paragraph: int) -> None:
        self.start = start
        self.end = end
        self.paragraph = paragraph


def split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of TEXT[START:END] as spans without surrounding white space.

    >>> text = "甲，\\n乙。丙\\n\\n丁"
    >>> [text[s.start:s.end] for s in split(text)]
    ['甲，\\n乙。', '丙', '丁']
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph = 0
    wire = _is_wire_copy(text[start : min(end, start + 20000)])
    # Where the first line with text ends (found once: a line of 150,000
    # characters is not searched again at every line break after it).
    first = start
    while first < end and text[first].isspace():
        first += 1
    first_newline = text.find("\n", first, end)
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group() == "\n":
            before = text[start:match.start()].rstrip()
            if before and (before[-1] in _CONTINUES or (
                    _cut_mid_sentence(text, match.start())
                    and not (match.start() == first_newline and _headline_line(text, first, first_newline)))):
                continue
            _add(sentences, text, start, match.start(), paragraph)
            if not wire or _blank_line_at(text, match.start()):
                paragraph += 1
        else:
            _add(sentences, text, start, match.end(), paragraph)
            if wire and _blank_line_at(text, match.end()):
                paragraph += 1
        start = match.end()
    _add(sentences, text, start, end, paragraph)
    return sentences


def _is_wire_copy(text: str) -> bool:
    """Whether most lines end mid-sentence (a clause per line): then only a
    blank line ends a paragraph."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    continued = sum(1 for line in lines if line[-1] in _CONTINUES)
    return continued * 2 > len(lines)


def _cut_mid_sentence(text: str, newline: int) -> bool:
    """A long line that stops without ending its sentence was cut by a page
    or column break (…评选等活动,“捡瓷器” / “玩烟花”成为现象级活动): the
    sentence goes on after the break. Short lines like that are headlines."""
    end = newline
    while end > 0 and text[end - 1].isspace():
        end -= 1  # the last line with text on it, across blank lines
    line = text[text.rfind("\n", 0, end) + 1 : end].strip()
    if len(line) <= _HEADLINE:
        return False
    last = line.rstrip(_CLOSERS)
    return bool(last) and last[-1] not in _END_MARKS


_HEADLINE: Final = 40  # characters: longer lines are body text
_LONGEST_HEADLINE: Final = 60  # characters: a first line this short, alone, may be the headline


def _headline_line(text: str, first: int, newline: int) -> bool:
    """Whether the first line, FIRST..NEWLINE, is no longer than a headline
    and followed by a blank line: the headline, not a line cut by a page
    break (原标题：“五一”假期国内游火爆！“舍得花”成亲子游标签，4口之家4天
    花费约2万，“这个花销不高”)."""
    return len(text[first:newline].rstrip()) <= _LONGEST_HEADLINE and _blank_line_at(text, newline)


def _blank_line_at(text: str, position: int) -> bool:
    """Whether the white space starting at POSITION holds a blank line."""
    match = _WHITE_RUN.match(text, position)
    return match is not None and match.group().count("\n") >= 2


_WHITE_RUN: Final = regex.compile(r"\s+")


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))


class Article:
    """One article of a text: START..END (from its first line to the next
    article's), its sentences, the index of its headline among them (None
    when it opens with no headline) and how many sentences the headline
    holds (0 without one)."""

    def __init__(self, start: int, end: int, sentences: list[Sentence], headline_length: int) -> None:
        self.start = start
        self.end = end
        self.sentences = sentences
        self.headline: int | None = 0 if headline_length else None
        self.headline_length = headline_length


def articles(text: str) -> list[Article]:
    """The articles of TEXT, each with its sentences.

    >>> [(a.start, a.headline, len(a.sentences)) for a in articles("标题一\\n\\n正文。\\n\\n标题二\\n\\n正文。")]
    [(0, 0, 2), (10, 0, 2)]
    """
    starts = article_starts(text)
    found = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        sentences = split(text, start, end)
        if sentences:
            found.append(Article(start, end, sentences, _headline_length(text, sentences)))
    return found


# An article longer than this is read as several, cut where a sentence ends
# at a line break: what one article lends its sentences then stays this
# close, and a large file read in pieces gives what it gives read whole.
LONGEST_ARTICLE: Final = 100_000


def article_starts(text: str, final: bool = True) -> list[int]:
    """Where the articles of TEXT start: at 0, and at each headline after
    it, a line of at most _HEADLINE characters with no end mark, alone
    between blank lines after a line that ends its sentence; an article
    longer than LONGEST_ARTICLE goes on as a new one at the first line
    after that length that starts a sentence.

    With FINAL false, TEXT is the head of a longer text, and a start is
    given only where what follows cannot change it.
    """
    starts = [0]
    lines = _lines(text)
    for number in range(1, len(lines)):
        start, end, gap = lines[number]
        too_long = start - starts[-1] > LONGEST_ARTICLE
        if gap < 2 and not too_long:
            continue  # most lines follow their neighbour directly: no headline there
        following = lines[number + 1][2] if number + 1 < len(lines) else None
        if following is None and not final:
            break  # the next line, or the end of the text, is not in sight yet
        previous = text[lines[number - 1][0] : lines[number - 1][1]]
        if not _ends_sentence(previous):
            continue
        headline = gap >= 2 and (following is None or following >= 2) and _is_headline_line(text[start:end])
        if headline or too_long:
            starts.append(start)
    return starts


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, line breaks before it) of each line with text on it,
    white space stripped."""
    found = []
    breaks = 0
    position = 0
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        stop = length if newline < 0 else newline
        start, end = position, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            found.append((start, end, breaks))
            breaks = 0
        if newline < 0:
            break
        breaks += 1
        position = newline + 1
    return found


def _ends_sentence(line: str) -> bool:
    """Whether the line break after LINE ends its sentence (as split() decides)."""
    if line[-1] in _CONTINUES:
        return False
    last = line.rstrip(_CLOSERS)
    return len(line) <= _HEADLINE or (bool(last) and last[-1] in _END_MARKS)


def _is_headline_line(line: str) -> bool:
    return len(line) <= _HEADLINE and line[-1] not in _CONTINUES and not any(ch in _END_MARKS for ch in line)


def subheads(text: str, article: Article) -> list[int]:
    """The indexes of ARTICLE's subheads: after its first sentence, a short
    sentence alone in its paragraph with no end mark (“券茅”上半年净利大增37%
    between two paragraphs), the headline of the paragraphs after it.

    >>> text = "标题\\n正文。\\n上半年净利大增\\n正文。\\n（二）前三季度增长6%"
    >>> [text[a.sentences[i].start : a.sentences[i].end] for a in articles(text) for i in subheads(text, a)]
    ['上半年净利大增']
    """
    sentences = article.sentences
    found = []
    for index in range(1, len(sentences)):
        sentence = sentences[index]
        alone = (sentences[index - 1].paragraph != sentence.paragraph
                 and (index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph))
        if (alone and sentence.end - sentence.start <= _HEADLINE and text[sentence.end - 1] not in _SUBHEAD_ENDS
                and not _ENUMERATED.match(text, sentence.start)):
            found.append(index)
    return found


_SUBHEAD_ENDS: Final = _END_MARKS + _CLOSERS + "；;，,：:"
# （三）前11月我国进出口总值…, 二、, 3.: an item of a list, not the headline of what follows it.
_ENUMERATED: Final = re.compile(r"[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.]|\d+[、.]")


def _headline_length(text: str, sentences: list[Sentence]) -> int:
    """How many sentences of SENTENCES are its headline: its first
    paragraph, when that is short and does not end with an end mark (it may
    hold more than one sentence: 重磅！全年GDP首破百万亿元); 0 when it is none.

    >>> article = articles("重磅！数说2024\\n\\n全省粮食产量650亿斤。")[0]
    >>> article.headline, article.headline_length
    (0, 2)
    """
    first = sentences[0]
    count = 0
    while count < len(sentences) and sentences[count].paragraph == first.paragraph:
        if sentences[count].end - first.start > _LONGEST_HEADLINE:
            return 0  # too long for a headline: a paragraph of thousands of sentences is not walked to its end
        count += 1
    return 0 if text[sentences[count - 1].end - 1] in "。！？!?" else count
