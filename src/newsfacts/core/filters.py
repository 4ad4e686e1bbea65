"""Reject numbers that are not claims: dates, times, phone numbers, codes,
ordinals, numerals inside names and set phrases, 一 as an article.

Each rule returns the reason as a short string (kept for debugging), or
None when it has nothing against the quantity.
"""
from __future__ import annotations

from functools import cache
from typing import Final

import re

import regex

from . import lexicon, segment
from ..claim import Kind
from .numerals import DIGITS, TENS, Form, digit_string, in_words, opens_with_bare_multiplier
from .quantities import Quantity

_DAY_DIGITS: Final = DIGITS + "十"
_TIME_OF_DAY: Final = re.compile(rf"{lexicon.alternation(lexicon.word_list('times_of_day'))}\Z")
_CLOCK_AFTER: Final = re.compile(
    rf"(?:{lexicon.alternation(lexicon.word_list('after_clock_hour'))}|[\d{_DAY_DIGITS}]+分)")
_ID_CONTEXT: Final = re.compile(rf"{lexicon.alternation(lexicon.word_list('identifier_words'))}[^，。；\n]{{0,6}}\Z")
_RANK_UNITS: Final = frozenset(lexicon.word_list("rank_units"))
_CN_YEAR: Final = re.compile(r"(?:一九|二〇)[〇一二三四五六七八九]{2}\Z")
# Enum members read once: compiled code would look each up on its class every time.
_NUMERAL: Final = Form.NUMERAL
_COUNTED: Final = frozenset({Kind.COUNT, Kind.INDEX_POINT})
_MONEY: Final = frozenset({Kind.MONEY, Kind.PRICE})
# 近百名, 逾千人, 上万元: a bare multiplier after these is an amount.
_QUALIFIED_BARE: Final = re.compile(rf"{lexicon.alternation(lexicon.word_list('before_bare_amount'))}\Z")


@cache
def _numeral_words() -> frozenset[str]:
    return lexicon.words("numeral_words.txt")


def reject(folded: str, quantity: Quantity, sentence: tuple[int, int]) -> str | None:
    """Why QUANTITY is not a claim, or None if it may be one."""
    # The rules one by one, cheapest and most often decisive first (half of
    # all candidates are bare numbers). Called by name, not from a tuple of
    # them: compiled, a call by name is a C call, one through a function
    # object goes through Python's calling convention, eleven times for
    # every number of the text.
    reason = (_bare(folded, quantity) or _article(folded, quantity) or _date(folded, quantity)
              or _ordinal(folded, quantity) or _code(folded, quantity) or _url(folded, quantity)
              or _identifier(folded, quantity) or _bare_multiplier(folded, quantity)
              or _numeral_word(folded, quantity) or _title(folded, quantity) or _quoted_phrase(folded, quantity))
    if reason:
        return reason
    if in_words(quantity.numeral) and not ("." in quantity.numeral and digit_string(quantity.numeral)):
        # 一二九.九 is read digit by digit: no word of jieba's runs through it.
        return _inside_word(folded, quantity, sentence)
    return None


def _ordinal(folded: str, q: Quantity) -> str | None:
    before = folded[max(0, q.start - 2) : q.start]
    if before.endswith("第") or before.endswith("第 "):
        return "ordinal"
    if folded[q.start - 1 : q.start] in _LISTING and _SECOND_ORDINAL.search(folded, max(0, q.start - 8), q.start):
        return "ordinal"  # 第二、三局: the 第 before the first counts for the second
    if before.endswith("前") and q.unit is not None and q.unit.surface in _RANK_UNITS:  # 前三名
        return "rank"
    if q.unit is not None and q.unit.surface in ("次", "中") and _SESSION.search(folded, max(0, q.start - 12), q.start):
        return "session"  # 九届全国人大三次会议, 十九届五中全会: the n-th sitting of the n-th session
    return None


_LISTING: Final = frozenset("、至到和")
_SECOND_ORDINAL: Final = re.compile(rf"第[\d{DIGITS}十百]+[、至到和]\Z")
_SESSION: Final = re.compile(rf"[\d{DIGITS}十]+届[^，。；、\d{DIGITS}]{{0,8}}\Z")


def _quoted_phrase(folded: str, q: Quantity) -> str | None:
    """“三个代表”, “四项指标”: a number that opens a short quoted phrase names it."""
    if folded[q.start - 1 : q.start] not in _OPENING_QUOTES or not q.start:
        return None
    close = folded.find(_CLOSING_QUOTES[folded[q.start - 1]], q.end, q.end + 8)
    return "quoted phrase" if close >= 0 and q.unit is not None and q.kind in _COUNTED else None


_CLOSING_QUOTES: Final = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_OPENING_QUOTES: Final = frozenset(_CLOSING_QUOTES)


def _code(folded: str, q: Quantity) -> str | None:
    """S14, A320, COVID-19, 3D, 5G, version numbers and dotted dates."""
    before = folded[max(0, q.start - 2) : q.start]
    if _is_latin(before[-1:]) and not q.prefix_unit:
        return "code"
    if before[-1:] in ("-", "/", "#") and before[:1] and (_is_latin(before[0]) or before[0].isdigit()):
        return "code"
    after = folded[q.end : q.end + 2]
    if q.unit is None and _is_latin(after[:1]):
        return "code"
    if (after[:1] == "." and after[1:2].isdigit()) or (before[-1:] == "." and before[:1].isdigit()):
        return "code"
    if len(q.numeral) > 1 and q.numeral[0] == "0" and q.numeral[1].isdigit():
        return "code"  # 007, or the 000 of 8，000 written with a Chinese comma
    return None


def _is_latin(ch: str) -> bool:
    """Whether CH is one letter A-Z or a-z."""
    return ch.isascii() and ch.isalpha()


def _is_ascii_mark(ch: str) -> bool:
    """Whether CH is one printable ASCII character other than a space."""
    return "!" <= ch <= "~" and len(ch) == 1


def _url(folded: str, q: Quantity) -> str | None:
    """Numbers inside web addresses (…?q=30%25) and e-mail addresses."""
    before = folded[q.start - 1 : q.start] if q.start else ""
    after = folded[q.end : q.end + 1]
    if not (_is_ascii_mark(before) or _is_ascii_mark(after)):
        return None  # set in Chinese text, not in an address
    # The run of ASCII marks around the number, however long (a web address
    # may run on for hundreds of characters before its %28).
    left = q.start
    while left > 0 and _is_ascii_mark(folded[left - 1]):
        left -= 1
    right = _ASCII_RUN_RIGHT.match(folded, q.end)
    run = folded[left : q.start] + (right.group() if right else "")
    if "://" in run or "www." in run or "@" in run:
        return "web address"
    return None


_ASCII_RUN_RIGHT: Final = regex.compile(r"[!-~]+")


def _identifier(folded: str, q: Quantity) -> str | None:
    """Phone, QQ and account numbers, e-mail addresses."""
    numeral = q.numeral
    if numeral.isdigit() and len(numeral) >= 7 and not q.prefix_unit and q.kind not in _MONEY:
        if len(numeral) >= 11 or numeral[0] == "0" or q.unit is None:
            return "phone"
    if folded[q.end : q.end + 1] == "@":
        return "e-mail"
    if numeral[:1].isdigit() and _ID_CONTEXT.search(folded, max(0, q.start - 16), q.start) and not _measured(q):
        return "identifier"  # 手机尾号1234, 编号003; not 该手机搭载6.7英寸屏幕
    return None


def _measured(q: Quantity) -> bool:
    """Whether Q has a unit of measurement (英寸, 元, 小时): no identifier has."""
    return q.unit is not None and q.kind not in _COUNTED


def _date(folded: str, q: Quantity) -> str | None:
    """2023年, 二〇二三年, 2013-2018年, 民国八十六年九月, 公元前841年, 早上7点, 9点30分."""
    unit = q.unit.surface if q.unit else None
    if unit == "年" and not q.inner:  # 1200多年 is a span of years
        ends = [q.numeral]
        if q.low is not None:
            ends.append(folded[q.numeral_start : q.end])
        if any(_year_like(end) for end in ends):
            return "year"
        if _ERA.search(folded, max(0, q.start - 3), q.start):
            return "year"  # 民国八十六年, 公元前841年: a year of an era
        if _MONTH_AFTER.match(folded, q.end):
            return "year"  # 九十年六月: a year with its month is a date
    if unit == "点" and q.value is not None and q.value <= 24:
        if _TIME_OF_DAY.search(folded, max(0, q.start - 3), q.start) or _CLOCK_AFTER.match(folded, q.end):
            return "clock time"
    if unit == "分" and folded[q.start - 1 : q.start] in ("点", "时"):
        return "clock time"
    if unit == "分" and _SECONDS_AFTER.match(folded, q.end):
        return "minutes and seconds"  # 四分四十五秒: a mixed duration (optional in ANNOTATION.md)
    if unit in ("秒", "秒钟") and _MINUTES_BEFORE.search(folded, max(0, q.start - 6), q.start):
        return "minutes and seconds"
    return None


_ERA: Final = re.compile(rf"{lexicon.alternation(lexicon.word_list('year_eras'))}\Z")
_MONTH_AFTER: Final = re.compile(rf"(?:\d{{1,2}}|[{DIGITS}十]{{1,3}})月")
_SECONDS_AFTER: Final = re.compile(rf"(?:\d{{1,2}}|[{DIGITS}十]{{1,3}})秒")
_MINUTES_BEFORE: Final = re.compile(rf"(?:\d{{1,2}}|[{DIGITS}十]{{1,3}})分\Z")


def _year_like(numeral: str) -> bool:
    numeral = numeral.split("-")[-1].split("至")[-1].split("到")[-1].rstrip("年")
    if numeral.isdigit():
        return len(numeral) == 4 and 1000 <= int(numeral) <= 2999
    return digit_string(numeral)


def _bare(folded: str, q: Quantity) -> str | None:
    """A number with no unit is a claim only with a multiplier (产值30万,
    月薪一万二), a decimal point, or a qualifier before a bare 百/千 (逾百教师)."""
    if q.unit is not None or q.form is not _NUMERAL:
        return None
    numeral = q.numeral
    if numeral in _ZEROS and _ZERO_LEVEL.search(folded, max(0, q.start - 3), q.start) \
            and folded[q.end : q.end + 1] in _AFTER_A_ZERO:
        return None  # 新增本土确诊病例为零, 库存降至0: the level is zero
    if opens_with_bare_multiplier(numeral):
        if _QUALIFIED_BARE.search(folded, max(0, q.start - 2), q.start):
            return None
        return "bare numeral"
    if in_words(numeral):
        if "." in numeral or (digit_string(numeral) and "〇" in numeral and len(numeral) >= 3
                              and not _CN_YEAR.match(numeral)):
            return None  # 一二九.九, 一三〇 in exchange-rate copy; 二〇二三 is a year
        if any(ch in "百千万亿" for ch in numeral) and any(ch in DIGITS for ch in numeral):
            return None  # 三万五, 一千二
        if any(ch in "万亿" for ch in numeral) and any(ch in _TENS_WORDS for ch in numeral):
            return None  # 十万, 十多万观众, 廿万: tens of a multiplier with no digit before them
        return "bare numeral"
    if any(ch in "万亿兆" for ch in numeral) or (any(ch in "千百" for ch in numeral) and q.low is None):
        return None
    # A bare decimal is a version or an era as often as an amount (工业4.0,
    # 2.0版); it counts only with a qualifier (约3.5).
    if "." in numeral and _QUALIFIED_BARE.search(folded, max(0, q.start - 2), q.start):
        return None
    return "bare number"


_TENS_WORDS: Final = frozenset("十" + TENS)
_ZEROS: Final = frozenset({"零", "0", "〇"})
# A zero stated as a level: after 是 or a word of the level a change reaches
# (change_verbs.tsv: 为, 降至, 减少到), and ending its clause.
_ZERO_LEVEL: Final = re.compile(lexicon.alternation(
    {row[0] for row in lexicon.rows("change_verbs.tsv") if row[1] == "level"} | {"是"}) + r"\Z")
_AFTER_A_ZERO: Final = frozenset("，,。；;！!？?、）)") | {""}


def _article(folded: str, q: Quantity) -> str | None:
    """一栋厂房, 一项任务: 一 with a measure word is an article, not a count;
    so is 这一年, 最后一年. 二期, 信义二馆: two things are counted with 两;
    二 before a measure word is a name or an ordinal."""
    if q.unit is None or q.inner or q.low is not None:
        return None  # 一到五个: the low end of a range counts
    if q.numeral == "一" and _REFERRING_ONE.search(folded, max(0, q.start - 3), q.start):
        return "article"  # 这一年, 同一家, 每一个: which one, not how many
    if q.kind not in _COUNTED:
        return None
    if q.numeral == "一":
        # 订了一桌、: with nothing after it to introduce, 一桌 counts; 八分钟一班 is a rate.
        ends_phrase = folded[q.end : q.end + 1] in _ENDS_A_PHRASE
        after_time = folded[q.start - 1 : q.start] in _TIME_UNIT_ENDS and _NUMBER_BEFORE.search(
            folded, max(0, q.start - 4), q.start - 1) is not None
        return None if ends_phrase and not after_time else "article"
    if q.numeral == "二":
        return "ordinal"
    return None


_REFERRING_ONE: Final = re.compile(rf"{lexicon.alternation(lexicon.word_list('before_one_as_article'))}\Z")
_ENDS_A_PHRASE: Final = frozenset("、，,；;。！？!?") | {""}
_TIME_UNIT_ENDS: Final = frozenset("钟分秒时天周月年")
_NUMBER_BEFORE: Final = re.compile(rf"[\d{DIGITS}十百千万][个分小]?\Z")  # 八分钟, 三个月, 两小时


def _title(folded: str, q: Quantity) -> str | None:
    """《这一年》, 《三体》: numbers inside a title name nothing."""
    opened = folded.rfind("《", max(0, q.start - 30), q.start)
    if opened >= 0 and folded.find("》", opened, q.start) < 0 and folded.find("》", q.end, q.end + 30) >= 0:
        return "title"
    return None


def _bare_multiplier(folded: str, q: Quantity) -> str | None:
    """万亩荷塘, 千年瓷都, 百家争鸣: a bare 百/千/万 counts only when qualified
    (上百万元, 近百名), given a share (百多名) or naming money (百元)."""
    if q.form is not _NUMERAL or not opens_with_bare_multiplier(q.numeral) or q.unit is None:
        return None
    if q.inner or q.kind in _MONEY:
        return None
    if _QUALIFIED_BARE.search(folded, max(0, q.start - 2), q.start):
        return None
    return "bare multiplier"


def _numeral_word(folded: str, q: Quantity) -> str | None:
    if folded[q.numeral_start : q.end] in _NUMERAL_WORDS or folded[q.start : q.end] in _NUMERAL_WORDS:
        return "numeral word"
    return None


def _inside_word(folded: str, q: Quantity, sentence: tuple[int, int]) -> str | None:
    """千方百计, 三门峡, 接二连三, 之一: jieba reads the numeral as part of a word.

    The numeral's first character must start a word (or follow a qualifier
    glued to it, as in 上百), and no word may run on past the span.
    """
    # Words that matter here are short: a few characters either side will do.
    lo = max(sentence[0], q.numeral_start - 4)
    hi = min(sentence[1], q.end + 4)
    if not (_word_across(folded, lo, q.numeral_start, hi) or _word_across(folded, q.numeral_start, q.end, hi)):
        return None  # jieba's words (no HMM) are dictionary words: none can cross here
    window = folded[lo:hi]
    first, last = q.numeral_start - lo, q.end - lo
    for start, end in segment.word_spans(window):
        if start < first < end and not _QUALIFIED_BARE.search(window[start:first]):
            return "inside a word"
        if first <= start < last < end:
            return "inside a word"
    return None


def _word_across(folded: str, lo: int, boundary: int, hi: int) -> bool:
    """Whether some dictionary word starting in LO..BOUNDARY runs past BOUNDARY."""
    for start in range(max(lo, boundary - 4), boundary):
        # The longest word starting here is the one most likely to run past.
        word = segment.longest_word_at(folded, start, min(hi, start + 5))
        if word is not None and start + len(word) > boundary:
            return True
    return False


# The tables above, made once, at import: compiled code reaches a Final
# constant directly, where each call through functools.cache costs hundreds
# of instructions (once.py).
_NUMERAL_WORDS: Final = _numeral_words()
