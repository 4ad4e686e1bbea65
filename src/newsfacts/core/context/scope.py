"""Where a claim's time and entity may come from (ANNOTATION.md `time`,
`entity`): its own sentence before the number, else the nearest earlier
sentence of its paragraph that names one, else the headline of its
article; and what an anaphor (该县, 全市) stands for. One Scope per
article: nothing crosses from one article to the next.

Each sentence's times and names are found once, when first asked for, and
the answer "from the earlier sentences of the paragraph" is remembered per
sentence, so a paragraph of thousands of sentences is walked once, not
once per claim.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Final

from ...claim import Kind
from .. import lexicon, sentences
from ..sentences import CLAUSE_MARK, Article
from ..spans import Span
from . import change, measure
from .entities import Names, is_authority
from .times import SentenceTimes

_ANAPHOR_REACH: Final = 20  # sentences back to look for what 该县 stands for
# 该县, 全市, 本镇: a word of reference and a place's ending.
_REFERRING: Final = lexicon.characters("referring")
_REFERRING_TIMES: Final = frozenset(lexicon.word_list("referring_times"))
_UNKNOWN: Final = Span(-1, -1)  # in a memo of answers that may be None: not worked out yet
_JOINING_STOPS: Final = frozenset("；;")  # a semicolon ends a sentence of the same statement
_COMPARED_NAME, _COMPARED_LAST = lexicon.ending_here("names_compared_after")
_SAME_PERIOD: Final = "同期"
_LOOKED_THROUGH: Final = 3
_OF: Final = "的"
_VERB_ENDINGS: Final = frozenset("到至")  # 提高到, 增至: a verb's, not the period's
_DIRECTIONS: Final = tuple(lexicon.word_list("place_directions"))
# 1-2月……两年平均增长4.4%: the 两年 is the window of the average, not a
# figure of 1-2月; 10多年来, 20多年来 count up to now.
_WINDOW_WORDS: Final = tuple(lexicon.word_list("duration_windows"))
_DURATION: Final = Kind.DURATION


class Scope:
    def __init__(self, folded: str, article: Article, spaces: tuple[int, ...] = ()) -> None:
        self.folded = folded
        self.spaces = spaces  # where spaces between words were taken out
        self.sentences = article.sentences
        self.headline = article.headline
        self.headline_length = article.headline_length
        self._subheads = sentences.subheads(folded, article)
        self._starts = [sentence.start for sentence in article.sentences]
        # Per sentence, lists indexed by the sentence's number, not dicts: a
        # list takes the index as a machine integer, a dict boxes and hashes it.
        count = len(article.sentences)
        self._times: list[SentenceTimes | None] = [None] * count
        self._names: list[Names | None] = [None] * count
        # Per sentence: the last time (or name of a role) of the nearest
        # earlier sentence of its paragraph that has one, or None.
        self._earlier: dict[str, list[Span | None]] = {}
        # Per sentence: the last time that is not 同期 or 当时 in it or before it.
        self._periods: list[Span | None] = [_UNKNOWN] * count
        # Per sentence described: the measure its last figures lend on (measure.last_lender).
        self._measures: list[str | None] = [None] * count

    def measured(self, index: int, measures: list[tuple[str | None, Kind]]) -> None:
        """Keep what the figures of sentence INDEX measure, for the next sentence."""
        lender = measure.last_lender([kind for _, kind in measures])
        self._measures[index] = measures[lender][0] if lender is not None else None

    def carried_measure(self, index: int, kind: Kind) -> str | None:
        """The measure a figure of sentence INDEX with none of its own takes
        from the sentence before, when a semicolon joins them into one
        statement: 商品房销售额38378亿元，增长88.5%；比2019年1-3月份增长41.9%."""
        if index == 0 or not measure.borrows(kind):
            return None
        before = self.sentences[index - 1]
        if self.folded[before.end - 1 : before.end] not in _JOINING_STOPS:
            return None
        if not change.opens_with_change(self.folded, self.sentences[index].start):
            return None
        return self._measures[index - 1]

    def times(self, index: int) -> SentenceTimes:
        found = self._times[index]
        if found is None:
            sentence = self.sentences[index]
            found = self._times[index] = SentenceTimes(self.folded, sentence.start, sentence.end)
        return found

    def names(self, index: int) -> Names:
        found = self._names[index]
        if found is None:
            found = self._names[index] = Names(self.folded, self.sentences[index], self.spaces)
        return found

    def names_a_window(self, kind: Kind, end: int) -> bool:
        """Whether a claim of KIND ending at END is the window of an average
        or of a count up to now (两年平均增长, 10多年来), which takes no time."""
        return kind is _DURATION and self.folded.startswith(_WINDOW_WORDS, end)

    def time(self, index: int, position: int) -> Span | None:
        """The time of a claim at POSITION in sentence INDEX."""
        times = self.times(index)
        attached = self._attached(times, position)
        if attached is not None:
            return self._time_referred_to(attached)
        # Its own sentence names it, before the number or, failing that, after it
        # (逾100名教师昨在雨中绝食); then the paragraph, then the headline.
        span = times.last_before(position) or times.first_after(position) or self._inherited("time", index)
        return self._time_referred_to(span) if span is not None else None

    def _attached(self, times: SentenceTimes, position: int) -> Span | None:
        """The time joined by 的 to the number at POSITION, the number's own
        even where it is the base of a comparison: 由2015年的45%提高到2023年的62%
        gives 45% 2015年 and 62% 2023年 (the 到 is the verb's)."""
        folded = self.folded
        if folded[position - 1 : position] != _OF:
            return None
        for span in times.every_span(position):
            if span.end == position - 1:
                start = span.start
                if folded[start] in _VERB_ENDINGS and span.end - start > 1:
                    start += 1
                return Span(start, span.end)
        return None

    def _time_referred_to(self, span: Span) -> Span:
        """同期, 当时, 届时: the period it refers to, the nearest one named
        before it in the article (1-3月 ... 同期房企购置土地), else itself."""
        if self.folded[span.start : span.end] not in _REFERRING_TIMES:
            return span
        return self._period_before(span) or span

    def compared_with(self, span: Span) -> Span | None:
        """The period that the 同期 of a claim's time SPAN is the same part
        of, found as a bare 同期's is: in 1-4月……去年同期为80亿元, 去年同期 is
        1-4月 a year before. One that is itself a 同期 is looked through,
        a few times at most (上年同期……去年同期)."""
        found = self._period_before(span)
        for _ in range(_LOOKED_THROUGH):
            if found is None or _SAME_PERIOD not in self.folded[found.start : found.end]:
                break
            found = self._period_before(found)
        return found

    def _period_before(self, span: Span) -> Span | None:
        """The nearest time before SPAN in its article that is no reference itself."""
        own = bisect_right(self._starts, span.start) - 1
        for earlier in reversed(self.times(own).until(span.start)):
            if earlier.end <= span.start and self.folded[earlier.start : earlier.end] not in _REFERRING_TIMES:
                return earlier
        return self._last_period(own - 1)

    def _last_period(self, index: int) -> Span | None:
        """The last time named in sentences 0..INDEX that is not itself a
        reference (同期), remembered for every sentence walked over, so a
        paragraph of thousands of 同期 is walked once, not once per claim."""
        memo = self._periods
        walked = []
        answer: Span | None = None
        at = index
        while at >= 0:
            if memo[at] is not _UNKNOWN:
                answer = memo[at]
                break
            walked.append(at)
            for earlier in reversed(self.times(at).until()):
                if self.folded[earlier.start : earlier.end] not in _REFERRING_TIMES:
                    answer = earlier
                    break
            if answer is not None:
                break
            at -= 1
        for sentence in walked:
            memo[sentence] = answer
        return answer

    def entity(self, index: int, position: int) -> Span | None:
        """What a claim at POSITION in sentence INDEX is about, looked for
        in this order: the place, market, person or currency (of an
        exchange rate) of its own sentence nearest before the number (an
        organisation that holds the place whole); a name jieba's tagger reads in its clause; the subject
        place of the paragraph's earlier sentence or of the headline; an
        organisation of its own sentence, before the number or else after
        it; the earlier sentence's or headline's person or organisation.
        An anaphor (该县, 全市) is given as the place it stands for. Names
        of a clause that says who speaks (李国章说，…) are left out."""
        names = self.names(index)
        floor = names.speaker_end(position)
        nearest = self._nearest_before(names, position, floor)
        if nearest and self.folded.endswith(_DIRECTIONS, floor, nearest.start):
            # 茶商杨德余今年3月从贵州采购1500公斤: where the goods come from or
            # go to is not who the figure is about, when a name stands before it.
            earlier = self._nearest_before(names, nearest.start, floor)
            if earlier is not None and not CLAUSE_MARK.search(self.folded, earlier.end, nearest.start):
                nearest = earlier
        if nearest:
            return self._resolved(self._widest_around(names, nearest, position))
        span = names.tagged_before(position)
        if span is not None and not self._compared(span):
            return span
        span = (self._inherited("place", index) or self._inherited("market", index)
                or self._last_before(names.of("org"), position, floor) or self._first_after(names, position)
                or self._inherited("person", index) or self._inherited("org", index))
        return self._resolved(span) if span else None

    def _nearest_before(self, names: Names, position: int, floor: int) -> Span | None:
        """The place, market, person or currency that ends nearest before
        POSITION, from FLOOR on."""
        nearest = None
        for role in ("place", "market", "person", "currency"):
            span = self._last_before(names.of(role), position, floor)
            if span and (nearest is None or span.end > nearest.end):
                nearest = span
        return nearest

    def _first_after(self, names: Names, position: int) -> Span | None:
        """The first place, market, person or organisation named after the
        number in its own sentence (逾100名教师昨午在皇后像广场)."""
        after = [span for role in ("place", "market", "person", "org") for span in names.of(role) if span.start >= position]
        return min(after, key=lambda span: span.start) if after else None

    def _widest_around(self, names: Names, span: Span, position: int) -> Span:
        """An organisation whose name holds the place (茶陵县酷创集服装厂 holds
        茶陵县): the claim is about the organisation."""
        for org in names.of("org"):
            if org.start <= span.start and span.end <= org.end <= position and org != span:
                return span if is_authority(self.folded[org.start : org.end]) else org
        return span

    def _last_before(self, names: list[Span], position: int, floor: int) -> Span | None:
        """The last of NAMES that ends by POSITION, starts at FLOOR or after
        (not the speaker's), and is not compared with."""
        for at in range(len(names) - 1, -1, -1):
            span = names[at]
            if span.start < floor:
                return None
            if span.end <= position and not self._compared(span):
                return span
        return None

    def _compared(self, span: Span) -> bool:
        """Whether the name is the other side of a comparison (比全国指标高出1个百分点)."""
        if self.folded[span.start - 1 : span.start] not in _COMPARED_LAST:
            return False  # most names follow no word of comparison: no search
        return _COMPARED_NAME.search(self.folded, max(0, span.start - 2), span.start) is not None

    def _spans(self, what: str, index: int) -> list[Span]:
        """The times (WHAT is "time") or the names of role WHAT in sentence INDEX."""
        return self.times(index).until() if what == "time" else self.names(index).of(what)

    def _inherited(self, what: str, index: int) -> Span | None:
        """WHAT from the earlier sentences of INDEX's paragraph, else (a time)
        from the subhead of its section, else from the headline."""
        found = self._from_paragraph(what, index)
        if found is None and what == "time":
            found = self._from_subhead(what, index)
        if found is None and self.headline is not None:
            return self._from_headline(what, index)
        return found

    def _from_headline(self, what: str, index: int) -> Span | None:
        """WHAT in the headline but not in sentence INDEX (a claim's own
        sentence is read before). A time from any of its sentences, the
        last first: of 100万亿元、1000亿件！16个财经数据，数说2021, 2021 is
        the time of every figure under it, and of 100万亿元 too. A name
        from its first sentence only: the names of a later one are as
        often a second statement's (and on the dev set's odd half, taking
        them lowered entity from 0.748 to 0.730)."""
        order = range(self.headline_length - 1, -1, -1) if what == "time" else range(1)
        for at in order:
            if at != index:
                spans = self._spans(what, at)
                if spans:
                    return _nearest_to_what_follows(what, spans)
        return None

    def _from_subhead(self, what: str, index: int) -> Span | None:
        """WHAT in the nearest subhead before sentence INDEX, the headline of
        its section (“券茅”上半年净利大增37% … 债权投资也同比增长41.3%).
        Asked for times only: a subhead's names are as often a section's
        first example as what the section is about (基金经理冯明远 …)."""
        at = bisect_right(self._subheads, index - 1) - 1
        if at < 0:
            return None
        spans = self._spans(what, self._subheads[at])
        return _nearest_to_what_follows(what, spans) if spans else None

    def _from_paragraph(self, what: str, index: int) -> Span | None:
        """WHAT in the nearest earlier sentence of INDEX's paragraph. The
        guideline stops there: a figure in a later paragraph takes no time
        from an earlier one (ANNOTATION.md `time`)."""
        memo = self._earlier.get(what)
        if memo is None:
            memo = self._earlier[what] = [_UNKNOWN] * len(self.sentences)
        paragraph = self.sentences[index].paragraph
        # Walk back to a sentence with an answer, then remember it for every
        # sentence walked over.
        walked = []
        at = index
        answer: Span | None = None
        while True:
            if memo[at] is not _UNKNOWN:
                answer = memo[at]
                break
            walked.append(at)
            before = at - 1
            if before < 0 or self.sentences[before].paragraph != paragraph:
                break
            spans = self._spans(what, before)
            if spans:
                answer = _nearest_to_what_follows(what, spans)
                break
            at = before
        for sentence in walked:
            memo[sentence] = answer
        return answer

    def _resolved(self, span: Span) -> Span:
        """该县, 全市: the place it stands for, with the same ending: the
        nearest one before it in its sentence, else the first one (the
        subject) of the nearest earlier sentence of the article that
        names one. A place inside a longer name counts (该镇 is 虎踞镇 of
        虎踞镇银湖村)."""
        folded = self.folded
        text = folded[span.start : span.end]
        if text[:1] not in _REFERRING or len(text) != 2:
            return span
        own = bisect_right(self._starts, span.start) - 1
        for index in range(own, max(-1, own - _ANAPHOR_REACH), -1):
            places = []
            for place in self.names(index).of("place"):
                if place.end > span.start or folded[place.start] in _REFERRING:
                    continue
                ending = folded.rfind(text[-1], place.start + 1, place.end)
                if ending > 0:
                    places.append(Span(place.start, ending + 1))
            if places:
                return places[-1] if index == own else places[0]
        return span


def _nearest_to_what_follows(what: str, spans: list[Span]) -> Span:
    """Of an earlier sentence's times, the last (nearest the claims after
    it); of its names, the first, its subject (三源浦朝鲜镇位于柳河县…距通化市…)."""
    return spans[-1] if what == "time" else spans[0]
