"""extract(text): the stages in the order data flows through them."""
from __future__ import annotations

from bisect import bisect_right
import dataclasses
import logging

import regex

from . import filters, normalize, numbers, quantities, sentences, units
from .context import change, context, qualifiers
from ..claim import Change, Claim, Kind
from .normalize import Compacted
from .quantities import Quantity, is_cn_headed
from .sentences import Sentence

_LOG = logging.getLogger(__name__)
_LIST_JOINERS = ("、", "和", "及", "与")
_SPACES = regex.compile(r"\s+")
# A duration or age (两年平均增长) does not lend its measure to the next number.
_OWN_MEASURE = {Kind.DURATION, Kind.AGE}
_BORROWERS = {Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.MULTIPLE}
_FORM_KINDS = {"fraction": Kind.FRACTION, "slash": Kind.FRACTION, "half": Kind.FRACTION}


def extract(text: str, source: str = "-", *, offset: int = 0, first_line: int = 1) -> list[Claim]:
    """Every quantitative claim in TEXT, in reading order.

    TEXT may be a piece of a larger document that starts OFFSET characters
    and FIRST_LINE lines into it; claims then point into the whole.

    >>> [(c.text, c.value, c.unit) for c in extract("攸县卫生厕所普及率达93.59%。")]
    [('93.59%', Decimal('93.59'), '%')]
    """
    compacted = normalize.compact(normalize.fold(text))
    folded = compacted.text
    sentence_list = sentences.split(folded)
    sentence_starts = [s.start for s in sentence_list]
    line_starts = [0] + [m.end() for m in regex.finditer("\n", text)]
    claims: list[Claim] = []
    if compacted.jumps:
        def written(start: int, end: int) -> str:
            return text[compacted.original(start) : compacted.original_end(end)]
    else:
        def written(start: int, end: int) -> str:
            return text[start:end]
    document = context.DocumentContext(folded, sentence_list, written)
    taken = 0
    in_sentence: list[tuple[Claim, int, int]] = []  # claims of the current sentence, with their folded span
    current = -1
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
        if index != current:
            _share_out_lists(claims, in_sentence, folded, document, current)
            in_sentence, current = [], index
        claim = _claim(text, compacted, quantity, sentence, in_sentence, source, line_starts, document, index,
                       offset, first_line)
        claims.append(claim)
        in_sentence.append((claim, quantity.start, quantity.end))
    _share_out_lists(claims, in_sentence, folded, document, current)
    return claims


def _sentence_index(starts: list[int], position: int) -> int:
    # Every number lies in a sentence: sentences cover all non-space text.
    return max(0, bisect_right(starts, position) - 1)


def _claim(text: str, compacted: Compacted, q: Quantity, sentence: Sentence, earlier: list[tuple[Claim, int, int]],
           source: str, line_starts: list[int], document: context.DocumentContext, index: int,
           offset: int, first_line: int) -> Claim:
    """The claim of Q; EARLIER holds the claims before it in its sentence.
    OFFSET and FIRST_LINE place a piece of a document within the whole."""
    folded = compacted.text
    start, end = compacted.original(q.start), compacted.original_end(q.end)
    bare_multiplier = is_cn_headed(q) and q.numeral[0] in "百千万亿"
    kind = _kind(q, folded, sentence)
    return Claim(
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        value=q.value,
        low=q.low,
        high=q.high,
        unit=_unit_as_written(text, compacted, q),
        kind=kind,
        qualifier=qualifiers.qualify(folded, q.start, q.end, q.inner, bare_multiplier),
        change=_change(folded, q, sentence, earlier),
        # 增加值4745.61亿元，同比增长44.6%: a bare change shares the sentence's measure.
        measure=document.measure(q, kind, index, earlier[-1][2] if earlier else 0) or _lent_measure(earlier, kind),
        time=document.time(index, q.start),
        entity=document.entity(index, q.start),
        source=source,
        line=bisect_right(line_starts, start) + first_line - 1,
        sentence=document.sentence_text(index),
    )


def _unit_as_written(text: str, compacted: Compacted, q: Quantity) -> str | None:
    unit = q.unit
    if unit is None:
        return None
    if unit.canonical:
        return unit.canonical
    if unit.surface == "度" and "华氏" in compacted.text[max(0, q.start - 4) : q.start]:
        return "华氏度"  # 华氏温度98.6度 is Fahrenheit
    written = text[compacted.original(unit.start) : compacted.original_end(unit.end)]
    if any(ch.isspace() for ch in written):  # rare: spare the call to the pattern
        written = _SPACES.sub("", written)
    if unit.inner:
        written = written[0] + written[2:]  # 个多小时 -> 个小时
    return written


def _kind(q: Quantity, folded: str, sentence: Sentence) -> Kind:
    if q.unit is not None:
        return units.kind_in_context(q.unit, folded, sentence.start, sentence.end)
    return _FORM_KINDS.get(q.form.value, Kind.NUMBER)


def _change(folded: str, q: Quantity, sentence: Sentence, earlier: list[tuple[Claim, int, int]]) -> Change | None:
    # 分别增长191.6%、349.6%和229.9%: later items of a list share the verb.
    if earlier:
        previous, _, previous_end = earlier[-1]
        if folded[previous_end : q.start] in _LIST_JOINERS:
            return previous.change
    return change.direction(folded, q.start, q.end, sentence.start)


def _share_out_lists(claims: list[Claim], in_sentence: list[tuple[Claim, int, int]], folded: str,
                     document: context.DocumentContext, index: int) -> None:
    """Give each figure of a list its own item as measure: in 饮料类、烟酒类商品零售
    分别增长68.6%和46.3%, 68.6% measures 饮料类零售. A later list of the same
    length in the sentence (两年分别平均增长33.9%和9.5%) shares the items."""
    if len(in_sentence) < 2:
        return
    groups: list[list[int]] = [[0]]
    for number in range(1, len(in_sentence)):
        if folded[in_sentence[number - 1][2] : in_sentence[number][1]] in _LIST_JOINERS:
            groups[-1].append(number)
        else:
            groups.append([number])
    items: list[str] | None = None
    offset = len(claims) - len(in_sentence)
    for group in groups:
        if len(group) < 2:
            continue
        own = document.list_items(index, in_sentence[group[0]][1])
        if own is not None and len(own) == len(group):
            items = own
        if items is None or len(items) != len(group):
            continue
        for number, item in zip(group, items):
            claims[offset + number] = dataclasses.replace(claims[offset + number], measure=item)


def _lent_measure(earlier: list[tuple[Claim, int, int]], kind: Kind) -> str | None:
    """增加值4745.61亿元，同比增长44.6%: a bare rate or change shares the
    measure of the sentence's last figure (a duration such as 两年 lends
    none); other figures borrow only from one of their own kind."""
    for claim, _, _ in reversed(earlier):
        if claim.kind not in _OWN_MEASURE and (kind in _BORROWERS or claim.kind is kind):
            return claim.measure
    return None
