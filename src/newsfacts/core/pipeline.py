"""extract(text): the stages in the order data flows through them."""
from __future__ import annotations

from bisect import bisect_right
import dataclasses
import datetime
import logging
from typing import Final, Iterator

import re

from . import filters, kinds, normalised, normalize, quantities, sentences, units
from .context import describe
from .context.describe import Facts
from .context.scope import Scope
from .normalised import Provenance
from .normalize import Compacted
from .quantities import Quantity
from .sentences import Article, Sentence
from ..claim import Claim

_LOG: Final = logging.getLogger(__name__)
_LINE_BREAKS: Final = re.compile(r"\s*\n\s*")
# The longest `sentence` field, in characters. A longer sentence (a line of
# thousands of clauses, no full stop) is given as this many characters
# around the claim, with … where it is cut: every claim carrying all of a
# 500,000-character sentence would make gigabytes of output from one line.
LONGEST_SENTENCE: Final = 500
_CUT: Final = "…"


def extract(text: str, source: str = "-", *, offset: int = 0, first_line: int = 1,
            document_date: datetime.date | None = None, currency: str | None = None,
            provenance: Provenance | None = None) -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    TEXT may be a piece of a larger document that starts OFFSET characters
    and FIRST_LINE lines into it (at an article's start); claims then point
    into the whole, and PROVENANCE is the whole document's (else read from
    TEXT). DOCUMENT_DATE, when given, is the date periods are resolved
    against; CURRENCY (an ISO code) what a bare 元 is.

    >>> [(c.text, c.value, c.unit) for c in extract("攸县卫生厕所普及率达93.59%。")]
    [('93.59%', Decimal('93.59'), '%')]
    """
    folded_text, compacted = normalize.folded_and_compacted(text)
    folded = compacted.text
    written = normalize.Written(text, compacted)
    place = _Place(text, source, offset, first_line, compacted)
    found_articles = sentences.articles(folded)
    known = provenance or _provenance(text, found_articles, compacted, folded_text)
    claims: list[Claim] = []
    for article in found_articles:
        scope = Scope(folded, article, compacted.jumps)
        dating = normalised.dating(written.span(article.start, article.end), known, document_date, currency)
        for index, found in _claims_by_sentence(folded, article):
            facts = describe.sentence(folded, scope, index, found, written)
            claims += place.claims(found, facts, article.sentences[index], dating)
    return claims


def _provenance(text: str, articles: list[Article], compacted: Compacted, folded_text: str) -> Provenance:
    """The date and region of TEXT, a whole document, as sources.py reads
    them from the start of a large file: from its first article."""
    first_end = compacted.original(articles[0].end) if len(articles) > 1 else len(text)
    # fold(text) cut short may differ from fold of the text cut short at the cut (伍 beside a digit).
    whole = len(text) <= normalised.REGION_CHARACTERS
    return normalised.provenance(text, first_end, folded_text if whole else None)


def _claims_by_sentence(folded: str, article: Article) -> Iterator[tuple[int, list[Quantity]]]:
    """The quantities of ARTICLE that are claims, with their kind, grouped
    by sentence: (index of the sentence, its claims in reading order)."""
    starts = [sentence.start for sentence in article.sentences]
    current = -1
    index = 0
    in_sentence: list[Quantity] = []
    for q in quantities.assemble_all(folded, article.start, article.end):
        # Every number lies in a sentence: sentences cover all non-space text.
        # The quantities come left to right (assemble_all), so the sentence
        # is found by stepping on from the last one's, most often no step.
        while index + 1 < len(starts) and starts[index + 1] <= q.start:
            index += 1
        sentence = article.sentences[index]
        q.kind = kinds.decide(folded, q, sentence.start, sentence.end)
        reason = filters.reject(folded, q, (sentence.start, sentence.end))
        if reason:
            _LOG.debug("not a claim (%s): %r", reason, folded[q.start : q.end])
            continue
        if index != current and in_sentence:
            yield current, in_sentence
            in_sentence = []
        current = index
        in_sentence.append(q)
    if in_sentence:
        yield current, in_sentence


class _Place:
    """Where claims sit: offsets and lines in the whole document, the
    source, and each sentence as written (one string shared by all its
    claims, and pickled once with them)."""

    def __init__(self, text: str, source: str, offset: int, first_line: int, compacted: Compacted) -> None:
        self.text = text
        self.source = source
        self.offset = offset
        self.first_line = first_line
        self.compacted = compacted
        self.line_starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.line_starts.append(position + 1)
            position = text.find("\n", position + 1)

    def claims(self, found: list[Quantity], facts: list[Facts], sentence: Sentence,
               dating: normalised.Dating) -> list[Claim]:
        compacted = self.compacted
        opens = compacted.original(sentence.start)
        written = self.text[opens : compacted.original_end(sentence.end)]
        sentence_text = _one_line(written)
        out = []
        for q, fact in zip(found, facts):
            start, end = compacted.original(q.start), compacted.original_end(q.end)
            if len(written) > LONGEST_SENTENCE:
                sentence_text = _one_line(_window(written, start - opens, end - opens))
            unit = q.unit
            unit_text = None if unit is None else self.text[compacted.original(unit.start) : compacted.original_end(unit.end)]
            reported = units.reported(unit, unit_text or "", compacted.text, q.start)
            comparable = normalised.figures(dating, q.value, q.low, q.high, reported, q.kind, fact.change is not None,
                                            fact.time, fact.compared_with, compacted.text, q.start, q.end,
                                            unit_text)
            out.append(_new_claim((
                start + self.offset, end + self.offset, self.text[start:end], q.value, q.low, q.high, reported,
                q.kind, fact.qualifier, fact.change, fact.measure, fact.time, fact.entity,
                comparable.norm_value, comparable.norm_low, comparable.norm_high, comparable.norm_unit,
                comparable.currency, comparable.period, self.source,
                bisect_right(self.line_starts, start) + self.first_line - 1, sentence_text,
            )))
        return out


# Every figure becomes a Claim. The frozen dataclass's __init__ sets its 22
# fields by one interpreted object.__setattr__ call each (5 µs a claim, 3%
# of extracting the benchmark's text); set from here, compiled, through
# the descriptors of its slots, the same object takes a fraction of that.
_CLAIM_FIELDS: Final = tuple(field.name for field in dataclasses.fields(Claim))
_FIELD_SETTERS: Final = tuple(getattr(Claim, name).__set__ for name in _CLAIM_FIELDS)


def _new_claim(values: tuple) -> Claim:
    """Claim(*VALUES): VALUES in the order of the dataclass's fields."""
    claim = object.__new__(Claim)
    for setter, value in zip(_FIELD_SETTERS, values):
        setter(claim, value)
    return claim


def _one_line(written: str) -> str:
    return _LINE_BREAKS.sub(" ", written) if "\n" in written else written


def _window(written: str, start: int, end: int) -> str:
    """LONGEST_SENTENCE characters of the sentence WRITTEN around the claim
    at START..END in it (all of the claim, however long), … marking each
    end that is cut.

    >>> cut = _window("甲" * 600 + "3万元" + "乙" * 600, 600, 603)
    >>> len(cut), cut[:2], cut[247:254], cut[-2:]
    (502, '…甲', '甲甲3万元乙乙', '乙…')
    """
    room = max(0, LONGEST_SENTENCE - (end - start))
    left = max(0, start - room // 2)
    right = min(len(written), end + room - (start - left))
    left = max(0, min(left, right - max(LONGEST_SENTENCE, end - start)))
    return (_CUT if left else "") + written[left:right] + (_CUT if right < len(written) else "")
