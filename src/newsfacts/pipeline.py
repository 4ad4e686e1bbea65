"""extract(text): the stages in the order data flows through them."""
from __future__ import annotations

import bisect
import logging

import regex

from . import change, context, filters, normalize, numbers, qualifiers, quantities, sentences, units
from .claim import Change, Claim, Kind
from .normalize import Compacted
from .quantities import Quantity, is_cn_headed
from .sentences import Sentence

_LOG = logging.getLogger(__name__)
_LIST_JOINERS = ("、", "和", "及", "与")
_LINE_BREAKS = regex.compile(r"\s*\n\s*")
_SPACES = regex.compile(r"\s+")
_FORM_KINDS = {"fraction": Kind.FRACTION, "slash": Kind.FRACTION, "half": Kind.FRACTION}


def extract(text: str, source: str = "-") -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    >>> [(c.text, c.value, c.unit) for c in extract("攸县卫生厕所普及率达93.59%。")]
    [('93.59%', Decimal('93.59'), '%')]
    """
    compacted = normalize.compact(normalize.fold(text))
    folded = compacted.text
    sentence_list = sentences.split(folded)
    sentence_starts = [s.start for s in sentence_list]
    line_starts = [0] + [m.end() for m in regex.finditer("\n", text)]
    claims: list[Claim] = []
    document = context.DocumentContext(
        folded, sentence_list,
        lambda start, end: text[compacted.original(start) : compacted.original_end(end)],
    )
    taken = 0
    previous_index = -1
    for found in numbers.find(folded):
        if found.start < taken:
            continue
        quantity = quantities.assemble(folded, found)
        if quantity is None:
            continue
        taken = quantity.end
        index = _sentence_index(sentence_starts, quantity.start)
        sentence = sentence_list[index]
        reason = filters.reject(folded, quantity, (sentence.start, sentence.end))
        if reason:
            _LOG.debug("not a claim (%s): %r", reason, folded[quantity.start : quantity.end])
            continue
        previous = claims[-1] if claims and previous_index == index else None
        previous_index = index
        claims.append(_claim(text, compacted, quantity, sentence, previous, source, line_starts, document, index))
    return claims


def _sentence_index(starts: list[int], position: int) -> int:
    # Every number lies in a sentence: sentences cover all non-space text.
    return max(0, bisect.bisect_right(starts, position) - 1)


def _claim(text: str, compacted: Compacted, q: Quantity, sentence: Sentence, previous: Claim | None,
           source: str, line_starts: list[int], document: context.DocumentContext, index: int) -> Claim:
    folded = compacted.text
    start, end = compacted.original(q.start), compacted.original_end(q.end)
    sentence_text = folded[sentence.start : sentence.end]
    bare_multiplier = is_cn_headed(q) and q.numeral[0] in "百千万亿"
    written = text[compacted.original(sentence.start) : compacted.original_end(sentence.end)]
    kind = _kind(q, sentence_text)
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        value=q.value,
        low=q.low,
        high=q.high,
        unit=_unit_as_written(text, compacted, q),
        kind=kind,
        qualifier=qualifiers.qualify(folded, q.start, q.end, q.inner, bare_multiplier),
        change=_change(folded, q, sentence, previous, compacted),
        # 增加值4745.61亿元，同比增长44.6%: a bare change shares the sentence's measure.
        measure=document.measure(q, kind, index, _compact_position(compacted, previous.end) if previous else 0)
        or (previous.measure if previous else None),
        time=document.time(index, q.start),
        entity=document.entity(index, q.start),
        source=source,
        line=bisect.bisect_right(line_starts, start),
        sentence=_LINE_BREAKS.sub(" ", written),
    )


def _unit_as_written(text: str, compacted: Compacted, q: Quantity) -> str | None:
    unit = q.unit
    if unit is None:
        return None
    if unit.canonical:
        return unit.canonical
    if unit.surface == "度" and "华氏" in compacted.text[max(0, q.start - 4) : q.start]:
        return "华氏度"  # 华氏温度98.6度 is Fahrenheit
    written = _SPACES.sub("", text[compacted.original(unit.start) : compacted.original_end(unit.end)])
    if unit.inner:
        written = written[0] + written[2:]  # 个多小时 -> 个小时
    return written


def _kind(q: Quantity, sentence_text: str) -> Kind:
    if q.unit is not None:
        return units.kind_in_context(q.unit, sentence_text)
    return _FORM_KINDS.get(q.form.value, Kind.NUMBER)


def _change(folded: str, q: Quantity, sentence: Sentence, previous: Claim | None, compacted: Compacted) -> Change | None:
    # 分别增长191.6%、349.6%和229.9%: later items of a list share the verb.
    if previous is not None:
        between = folded[_compact_position(compacted, previous.end) : q.start]
        if between in _LIST_JOINERS:
            return previous.change
    return change.direction(folded, q.start, q.end, sentence.start)


def _compact_position(compacted: Compacted, original: int) -> int:
    """The inverse of Compacted.original for a position that was kept."""
    if not compacted.jumps:
        return original
    low, high = 0, len(compacted.text)
    while low < high:
        middle = (low + high) // 2
        if compacted.original(middle) < original:
            low = middle + 1
        else:
            high = middle
    return low
