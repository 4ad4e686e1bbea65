"""Time expressions as news writes them: 2021年1-2月, 去年同期, 昨（廿五）日,
截至目前, 早上7点 (ANNOTATION.md `time`)."""
from __future__ import annotations

from functools import cache
from typing import Final, Iterator

import re

from .. import lexicon, segment
from ..numerals import DIGITS, TENS
from ..sentences import CLAUSE_MARKS
from ..spans import Span

_CN: Final = DIGITS + "十" + TENS
# 1-10月, 1—10月份, 3～4月, 1至9月: the marks and words of a range (range_joiners).
_RANGE_MARKS: Final = lexicon.characters("range_joiners")
_RANGE: Final = "[" + re.escape(_RANGE_MARKS) + "]"
_OPENINGS: Final = lexicon.word_list("time_openings")
_WEEK: Final = "上本下周星礼"


@cache
def opening_characters() -> frozenset[str]:
    """The characters other than digits that can start a time expression:
    a position starting with none of them needs no call to the pattern."""
    words = lexicon.words("time_words.txt")
    eras = lexicon.word_list("year_eras")
    return frozenset(_CN + "昨" + _WEEK + "前首近“" + "".join(word[0] for word in words) + "".join(era[0] for era in eras)
                     + "".join(opening[0] for opening in _OPENINGS))


@cache
def second_characters() -> frozenset[str]:
    """The characters other than digits that can come second in a time
    expression (昨 aside, which can stand alone): checking two characters
    before trying the pattern lets through one place in fifteen, not one
    in six."""
    words = lexicon.words("time_words.txt")
    return frozenset(
        "".join(word[1] for word in words if len(word) > 1)
        + _CN + "年月日号点时" + _RANGE_MARKS  # 2021年, 12月, 3-4月, 十五日, 8点
        + _WEEK + "期拜" + "一二三四五六日天"  # 上周, 星期, 礼拜, 周一
        + "".join(opening[1:2] for opening in _OPENINGS)  # 截至
        + "".join(era[1:2] for era in lexicon.word_list("year_eras"))  # 民国八十六年
        + "".join(opening_characters())  # 到2023年: an opening word, then any expression
    )


@cache
def pattern() -> re.Pattern[str]:
    """Time expressions, compiled for scanning (lexicon.scanner)."""
    return lexicon.scanner(pattern_text(), "".join(opening_characters()), digits=True,
                            second="".join(second_characters()), alone="昨")


def pattern_text() -> str:
    """The time pattern as text (regex syntax that re also reads)."""
    words = lexicon.alternation(lexicon.words("time_words.txt"))
    # 2023年, 二〇二三年; 民国八十六年, 公元前221年: a year of an era; 九十年六月: a year with its month.
    era = lexicon.alternation(lexicon.word_list("year_eras"))
    year = (rf"(?:\d{{4}}(?:{_RANGE}\d{{4}})?|[〇零一二三四五六七八九]{{4}}"
            rf"|{era}(?:\d{{1,4}}|[{_CN}]{{1,4}})"
            rf"|(?:\d{{2,3}}|[{_CN}]{{2,3}})(?=年(?:\d{{1,2}}|[{_CN}]{{1,3}})月))年(?:度)?")
    # No digit before a month, a day or an hour: the 00点 of 3500点 is no time.
    month = rf"(?:(?<![\d.])\d{{1,2}}(?:{_RANGE}\d{{1,2}})?|[{_CN}]{{1,3}}(?:{_RANGE}[{_CN}]{{1,3}})?)月(?:份)?"
    cn_day = r"(?:[一二三]?十[一二三四五六七八九]?|[廿卅][一二三四五六七八九]?|[一二三四五六七八九])"
    day = rf"(?:(?<![\d.])\d{{1,2}}|{cn_day})(?:日(?![{lexicon.characters('not_day_after_ri')}])|号)"  # not 一三一日圆, 日本
    paren_day = r"昨(?:（[^）]{1,4}）|\([^)]{1,4}\))日"
    clock = rf"(?:(?<![\d.])\d{{1,2}}|{cn_day})[点时](?:\d{{1,2}}分|半)?"
    weekday = r"(?:上|本|下)?(?:周|星期|礼拜)[一二三四五六日天]"
    # 前5个月, 前三季度, 首3天: the first months (quarters, days) of a period.
    first = rf"[前首近](?:\d{{1,2}}|[{_CN}]{{1,3}})个?(?:月|季度|季|年|周|天)"  # 前5个月, 首3天, 近6年
    plan = r"“十[一二三四五六七八九]五”"  # “十四五”: a five-year plan, 2021-2025
    # 数说2021→, 2023，我们一起走过: a year of this century or the last
    # written without 年, standing alone (not 2021台, 2021.5, 20210, 2,021,000).
    bare_year = r"(?<![\d.])(?:19|20)\d\d(?![\w.%‰]|[,，]\d)"
    atom = rf"(?:{paren_day}|{year}|{month}|{day}|{weekday}|{first}|{plan}|{words}|{clock}|{bare_year}|昨午)"
    part = lexicon.alternation(lexicon.word_list("time_parts"))
    # 2021年1月至9月: a span of time reads as one expression.
    return rf"{lexicon.alternation(_OPENINGS)}?{atom}(?:{atom}|{part}|{_RANGE}{atom})*"


# A comparison's base is not the claim's period: 比2019年同期增长11.1%.
_COMPARED, _COMPARED_LAST = lexicon.ending_here("comparison_bases")


# What a record or trend is counted over is not the claim's period either:
# 增长0.8%，扭转了2020年以来的下降态势; 贬值五.一分，为今年七月十九日以来的新低.
# Only a time ending in 以来 is read so: 创下2021年的新高 is the year's own.
_RECORD_VERB, _RECORD_VERB_LAST = lexicon.ending_here("record_verbs")
_RECORD_WORD: Final = re.compile(rf"的?{lexicon.alternation(lexicon.word_list('record_words'))}")
_SINCE_END: Final = "以来"


def _counted_over(folded: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the time FOLDED[START:END] is what a record or a trend is
    counted over (创2019年以来新高), not a claim's period."""
    if folded[end - 2 : end] != _SINCE_END:
        return False
    if _RECORD_WORD.match(folded, end) is not None:
        return True
    return (start > sentence_start and folded[start - 1] in _RECORD_VERB_LAST
            and _RECORD_VERB.search(folded, max(sentence_start, start - 3), start) is not None)


# 曾经 opens a clause as a time (曾经，银湖村有4个组低洼田); inside one it is
# an adverb (此前刘丽娟、陈立都曾经管理过该基金): no period.
_CLAUSE_OPENING_TIMES: Final = frozenset(lexicon.word_list("clause_opening_times"))
# What a clause opens after: a clause mark (sentences.CLAUSE_MARKS), or the
# white space of a line's start.
_CLAUSE_STARTS: Final = frozenset(CLAUSE_MARKS + "\" \u3000")


def _adverb(folded: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether FOLDED[START:END] is a clause-opening time word inside a clause."""
    return (start > sentence_start and folded[start:end] in _CLAUSE_OPENING_TIMES
            and folded[start - 1] not in _CLAUSE_STARTS)


# 一号, 十二号 in numerals and with no month: a label (扮演一號的, 台南十二號
# is a peanut variety, 一号文件), not a day; news writes a day in numerals
# with 日 (廿五日) or after its month (五月一号).
_fullmatch_numeral_day: Final = re.compile(rf"[{_CN}]{{1,3}}号").fullmatch


def _label(folded: str, start: int, end: int) -> bool:
    """Whether FOLDED[START:END] is a number in numerals with 号 alone: a label."""
    return folded[end - 1] == "号" and _fullmatch_numeral_day(folded, start, end) is not None


def _compared() -> re.Pattern[str]:
    return _COMPARED


def _compared_last() -> frozenset[str]:
    return _COMPARED_LAST


class SentenceTimes:
    """The time expressions of one sentence, in reading order, found only
    as far as they are asked for: a claim asks about the text before it,
    so the rest of its sentence is scanned only when a later question
    needs it. Comparison bases (比2019年同期) and what a record is counted
    over (创2019年以来新高) are left out."""

    def __init__(self, folded: str, start: int, end: int) -> None:
        self.folded = folded
        self.start = start
        self._matches: Iterator[re.Match[str]] | None = PATTERN.finditer(folded, start, end)
        self.spans: list[Span] = []
        self.bases: list[Span] = []  # 比2019年同期, 创2019年以来新高: times, but not the claim's
        self._reach = -1  # where the last expression looked at starts
        if _EVENT_WORDS.search(folded, start, end):
            self.until()
            self.spans = _with_events(folded, start, end, self.spans, self.bases)

    def until(self, position: int | None = None) -> list[Span]:
        """All the expressions, or at least all that start before POSITION."""
        if self._matches is None or (position is not None and self._reach >= position):
            return self.spans
        folded, start = self.folded, self.start
        compared, compared_last = _COMPARED, _COMPARED_LAST
        for match in self._matches:
            self._reach = match.start()
            base = ((folded[self._reach - 1 : self._reach] in compared_last and self._reach > start
                     and compared.search(folded, max(start, self._reach - 2), self._reach) is not None)
                    or _counted_over(folded, self._reach, match.end(), start))
            if base:
                self.bases.append(Span(self._reach, match.end()))
            elif not (folded[self._reach - 1 : self._reach] == "第"  # 第二点 is the second point, not 2 o'clock
                      or _adverb(folded, self._reach, match.end(), start)
                      or _label(folded, self._reach, match.end())):
                opens = _past_opening(folded, self._reach, match.end())
                if _inside_a_word(folded, opens, start):
                    # 直到2018年底: the opening is the end of a word, the period follows it;
                    # 接近年多: no 近年 in it.
                    opens = opens + 1 if folded[opens] in _ONE_CHARACTER_OPENINGS and opens + 1 < match.end() else -1
                if opens >= 0:
                    self.spans.append(Span(opens, match.end()))
            if position is not None and self._reach >= position:
                return self.spans
        self._matches = None
        return self.spans

    def every_span(self, position: int) -> list[Span]:
        """Every time expression that starts before POSITION, comparison bases
        included: none of them is part of what a figure measures."""
        spans = self.until(position)
        return spans + self.bases if self.bases else spans

    def first_after(self, position: int) -> Span | None:
        """The first expression after POSITION (逾100名教师昨在雨中绝食),
        scanning only as far as it takes to find one."""
        spans = self.until(position)
        at = 0
        while True:
            while at < len(spans):
                if spans[at].start >= position:
                    return spans[at]
                at += 1
            if self._matches is None:
                return None
            spans = self.until(self._reach + 1)

    def last_before(self, position: int) -> Span | None:
        """The last expression that ends by POSITION."""
        found = None
        for span in self.until(position):
            if span.end <= position:
                found = span
        return found


# 开航以来, “百千万工程”实施以来, 疫症期间, 自成为超额教师后: a period named
# by an event, from the clause's start (or 自) to the word that closes it.
_EVENT_WORDS: Final = re.compile("以来|期间|以后|之后|当天|当日|当晚|前夕|之际|自")
_EVENT_END: Final = re.compile("以来|期间|以后|之后|当天|当日|当晚|前夕|之际")
_SINCE: Final = re.compile("自[^，,。；;：:！？!?]{1,10}?(?:以来|以后|之后|后)")
_LONGEST_EVENT: Final = 12
_LONGEST_DAY_EVENT: Final = 4
_DAY_OF_EVENT: Final = frozenset({"当天", "当日", "当晚"})
_EVENT_STOPS: Final = frozenset("，,。；;：:！？!?、（）()《》\n")


def _with_events(folded: str, start: int, end: int, spans: list[Span], bases: list[Span]) -> list[Span]:
    """SPANS, and the periods named by an event in FOLDED[START:END] that
    no span of them or of BASES covers, in reading order (扭转了2020年以来
    is no event: its 2020年以来 is what a trend is counted over)."""
    found: list[Span] = []
    for match in _SINCE.finditer(folded, start, end):
        found.append(Span(match.start(), match.end()))
    for match in _EVENT_END.finditer(folded, start, end):
        left = match.start()
        # 开战当天, 开幕当日: the day of an event is named by a short one.
        longest = _LONGEST_DAY_EVENT if match.group() in _DAY_OF_EVENT else _LONGEST_EVENT
        while left > start and match.start() - left < longest and folded[left - 1] not in _EVENT_STOPS:
            left -= 1
        if folded[left - 1 : left] not in _EVENT_STOPS and left > start:
            continue  # it runs on further back: no event of its own
        left = _after_openers(folded, left, match.start())
        if left < match.start():
            found.append(Span(left, match.end()))
    # 开战当天 names more than the 当天 inside it: the event takes that word's place.
    spans = [span for span in spans
             if not (folded[span.start : span.end] in _DAY_OF_EVENT
                     and any(event.start < span.start and span.end == event.end for event in found))]
    events = [event for event in found
              if not any(span.start < event.end and event.start < span.end for span in spans)
              and not any(base.start < event.end and event.start < base.end for base in bases)
              and not any(other is not event and other.start <= event.start and event.end <= other.end
                          and (other.start, other.end) != (event.start, event.end) for other in found)]
    unique = {(event.start, event.end): event for event in events}
    return sorted([*spans, *unique.values()], key=lambda span: (span.start, span.end))


def _after_openers(folded: str, left: int, stop: int) -> int:
    return past_words(folded, left, stop, _openers())


def past_words(folded: str, left: int, stop: int, openers: tuple[str, ...]) -> int:
    """LEFT moved past the OPENERS (longest first) that open a clause there,
    one after another (但, 同时, 在), stopping short of STOP."""
    moved = True
    while moved and left < stop:
        moved = False
        if not folded.startswith(openers, left):
            break  # at most places none opens: one call looks at all of them, in C
        for word in openers:
            if folded.startswith(word, left) and left + len(word) < stop:
                left += len(word)
                moved = True
                break
    return left


@cache
def _openers() -> tuple[str, ...]:
    words = [word for word in lexicon.word_list("subject_openers") if word not in ("自", "从")]
    return tuple(sorted(words, key=len, reverse=True))


def _past_opening(folded: str, start: int, end: int) -> int:
    """Where the period itself starts: after a 从 that opens the expression
    (从今冬明春开始 -> 今冬明春), but not after 截至, 到 or 自, which say how
    the period runs (截至6月底, 到目前, 自2020年9月到今年6月止)."""
    if folded[start : start + 1] == "从" and end - start > 1:
        return start + 1
    return start


_ONE_CHARACTER_OPENINGS: Final = frozenset(word for word in lexicon.word_list("time_openings") if len(word) == 1)


def _inside_a_word(folded: str, start: int, floor: int) -> bool:
    """Whether the expression at START opens inside a word, as jieba reads
    the text around it (接近 / 年多: no 近年 in 接近年多时间里)."""
    if start <= floor or not segment.word_across(folded, start, max(floor, start - 4), min(len(folded), start + 4)):
        return False
    return start not in segment.best_path_cuts(folded, max(floor, start - 4), min(len(folded), start + 4))


# Made at import: compiled code reaches a Final constant directly, where a
# call through functools.cache costs hundreds of instructions (once.py).
PATTERN: Final = pattern()
