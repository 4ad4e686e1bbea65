"""The one context step: describe the claims of one sentence, each field
by the module of its field (change, measure, qualifiers, scope for time
and entity), then what the figures of the sentence share: a list's
change verb (分别增长191.6%、349.6%), a measure lent to a bare rate
(增加值4745.61亿元，同比增长44.6%) and a list's items shared out one per
figure (饮料类、烟酒类商品零售分别增长68.6%和46.3%).
"""
from __future__ import annotations

from typing import Final

from ...claim import Change, Kind, Qualifier
from ..normalize import Written
from ..numerals import in_words, opens_with_bare_multiplier
from ..quantities import Quantity
from ..spans import Span
from . import change, measure, qualifiers
from .entities import opens_with_anaphor
from .scope import Scope


_LONGEST_PART: Final = 6  # characters of the name of a part in a breakdown: 雨花台区


class Facts:
    """What one claim is about, as written in the original text."""

    def __init__(self, measure: str | None, change: Change | None, qualifier: Qualifier | None,
                 time: str | None, entity: str | None, compared_with: str | None = None) -> None:
        self.measure = measure
        self.change = change
        self.qualifier = qualifier
        self.time = time
        self.entity = entity
        self.compared_with = compared_with  # the time a 同期 in TIME refers to: 1-4月 for 去年同期


def sentence(folded: str, scope: Scope, index: int, quantities: list[Quantity],
             written: Written) -> list[Facts]:
    """The facts of QUANTITIES, the claims of sentence INDEX of SCOPE's
    article in reading order. WRITTEN copies a span of FOLDED from the
    original text."""
    sentence_ = scope.sentences[index]
    times = scope.times(index)
    described: list[Facts] = []
    kinds: list[Kind] = []
    parents = _broken_down(folded, quantities)
    for number, q in enumerate(quantities):
        previous_end = quantities[number - 1].end if number else 0
        if number and change.shares_previous(folded, previous_end, q.start):
            direction = described[-1].change
        else:
            direction = change.direction(folded, q.start, q.end, sentence_.start)
        phrase = measure.of(folded, q, sentence_, previous_end, times, scope.names(index).of("market"))
        named = scope.entity(index, q.start)
        if phrase is not None and named is not None:
            phrase = measure.with_name_before(folded, phrase, named)
        if phrase is not None:
            what = _text(written, phrase)
            parent = parents[number]
            if parent is not None and what is not None and phrase.end - phrase.start <= _LONGEST_PART:
                what = _part_of(what, described[parent])
        else:
            lender = measure.lender(kinds, q.kind)
            what = described[lender].measure if lender is not None else scope.carried_measure(index, q.kind)
        bare = in_words(q.numeral) and opens_with_bare_multiplier(q.numeral)
        when = None if scope.names_a_window(q.kind, q.end) else scope.time(index, q.start)
        described.append(Facts(
            measure=what,
            change=direction,
            qualifier=qualifiers.qualify(folded, q.start, q.end, q.inner, bare),
            time=_text(written, when),
            entity=_text(written, named),
            compared_with=_compared_with(folded, scope, when, written),
        ))
        kinds.append(q.kind)
    _share_out_lists(folded, scope, index, quantities, described, written)
    scope.measured(index, [(facts.measure, kind) for facts, kind in zip(described, kinds)])
    return described


def _broken_down(folded: str, quantities: list[Quantity]) -> list[int | None]:
    """For each of a sentence's QUANTITIES, the earlier one it is a part
    of: the one a bracket opens right after, while the bracket is open
    (累计报告本土确诊病例231例（江宁区199例、溧水区12例）). One pass over the
    gaps between them, however many figures the sentence holds."""
    parents: list[int | None] = [None] * len(quantities)
    parent: int | None = None
    for number in range(1, len(quantities)):
        gap = folded[quantities[number - 1].end : quantities[number].start]
        opening = max(gap.rfind("（"), gap.rfind("("))
        closing = max(gap.rfind("）"), gap.rfind(")"))
        if opening > closing:
            parent = number - 1 if gap[:opening].strip() == "" else None
        elif closing >= 0:
            parent = None
        parents[number] = parent
    return parents


def _part_of(what: str, whole: Facts) -> str:
    """WHAT, the name of a part, with the measure of the WHOLE it is a part
    of, less the whole's own name or a word that refers to it: 江宁区 of
    南京市累计报告本土确诊病例 -> 江宁区累计报告本土确诊病例; of 全市…病例, 东城区…病例."""
    measured, name = whole.measure, whole.entity
    if not measured:
        return what
    if name and measured.startswith(name) and len(measured) > len(name):
        measured = measured[len(name):]
    return what if what in measured else what + measured[opens_with_anaphor(measured):]


def _share_out_lists(folded: str, scope: Scope, index: int, quantities: list[Quantity], described: list[Facts],
                     written: Written) -> None:
    """Give each figure of a list its own item as measure: in 饮料类、烟酒类商品零售
    分别增长68.6%和46.3%, 68.6% measures 饮料类零售. A later list of the same
    length in the sentence (两年分别平均增长33.9%和9.5%) shares the items."""
    if len(quantities) < 2:
        return
    groups: list[list[int]] = [[0]]
    for number in range(1, len(quantities)):
        if change.shares_previous(folded, quantities[number - 1].end, quantities[number].start):
            groups[-1].append(number)
        else:
            groups.append([number])
    items: list[str] | None = None
    for group in groups:
        if len(group) < 2:
            continue
        own = measure.list_items(folded, scope.sentences[index], quantities[group[0]].start)
        if own is not None and len(own) == len(group):
            items = [written.span(item.start, item.end) + (written.span(head.start, head.end) if head else "")
                     for item, head in own]
        if items is None or len(items) != len(group):
            continue
        for number, item in zip(group, items):
            described[number].measure = item


def _compared_with(folded: str, scope: Scope, when: Span | None, written: Written) -> str | None:
    """去年同期, 上年同期: the time, as written, whose same period it is."""
    if when is None or "同期" not in folded[when.start : when.end]:
        return None
    return _text(written, scope.compared_with(when))


def _text(written: Written, span: Span | None) -> str | None:
    return written.span(span.start, span.end) if span is not None else None
