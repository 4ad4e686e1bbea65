"""Sentence and paragraph spans over the (folded) text.

News text arrives with stray line breaks: page breaks inside a sentence,
and wire copy that puts every clause on its own line, each ending in a
comma. A line break ends a sentence and a paragraph unless the line ends
in a mark that cannot end a sentence (，、：and the like).
"""
from __future__ import annotations


import re

import regex

# Marks after which a sentence ends; closing quotes and brackets that follow
# them stay with the sentence (他说：“……。”).
_END_MARKS = "。！？!?；;…"
_CLOSERS = "”’」』）)】》\"'"
# Marks that end a clause inside a sentence, or a quotation within it.
CLAUSE_MARKS = "，,；;：:。！？!?、“”‘’（）()「」『』《》【】\n"
# A line that ends in one of these continues on the next line.
_CONTINUES = "，,、：:（(“‘「『《【-—"

# End marks with the closers after them (end of sentence), or a line break
# (decided in split()). Written to open with one character class, which re
# skips to in C.
_BOUNDARY = re.compile(
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


def split(text: str) -> list[Sentence]:
    """Sentences of TEXT as spans without surrounding white space.

    >>> text = "甲，\\n乙。丙\\n\\n丁"
    >>> [text[s.start:s.end] for s in split(text)]
    ['甲，\\n乙。', '丙', '丁']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    wire = _is_wire_copy(text)
    for match in _BOUNDARY.finditer(text):
        if match.group() == "\n":
            before = text[start:match.start()].rstrip()
            if before and (before[-1] in _CONTINUES or _cut_mid_sentence(text, match.start())):
                continue
            _add(sentences, text, start, match.start(), paragraph)
            if not wire or _blank_line_at(text, match.start()):
                paragraph += 1
        else:
            _add(sentences, text, start, match.end(), paragraph)
            if wire and _blank_line_at(text, match.end()):
                paragraph += 1
        start = match.end()
    _add(sentences, text, start, len(text), paragraph)
    return sentences


def _is_wire_copy(text: str) -> bool:
    """Whether most lines end mid-sentence (a clause per line): then only a
    blank line ends a paragraph."""
    lines = [line.rstrip() for line in text[:20000].split("\n") if line.strip()]
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


_HEADLINE = 40  # characters: longer lines are body text


def _blank_line_at(text: str, position: int) -> bool:
    """Whether the white space starting at POSITION holds a blank line."""
    match = _WHITE_RUN.match(text, position)
    return match is not None and match.group().count("\n") >= 2


_WHITE_RUN = regex.compile(r"\s+")


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))
