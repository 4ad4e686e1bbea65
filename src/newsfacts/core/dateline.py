"""The document's own date, from the dateline or a date line the text
carries: the day that 昨日, 今年 and 1-4月 are counted from
(period.resolve). Only the first lines are read (and the last three, for
a source line); a date named in the body is an event's, not the text's.

    >>> document_date("北京个人所得税增二成五\\n本报北京2000年12月31日讯记者吴坤胜报道：")
    datetime.date(2000, 12, 31)

The forms read, on the folded text (so ３月９日, 電 and 民國 are read too):

- A dateline opening one of the first ten lines: the name of a paper,
  agency or site (本报, …社, …网, …台, …报, …新闻) with a place, then a
  day and 电 or 讯: `本报北京３月９日电`, `新华社北京2021年3月9日电`,
  `中新网3月9日电`, `【新华社华盛顿3月9日电】`.
- A dateline in brackets anywhere in those lines, naming an agency (…社):
  `（中央社記者林克倫台北二十日電）`, `（法新社巴黎3月9日电）`.
- A date line among the first six lines: a line that is a full date,
  alone or with a weekday, a clock time, a label, an edition or the name
  of its paper: `2021年8月8日`, `2021年3月10日 星期三`, `人民日报 2021-03-10`,
  `发布时间：2024-05-08 10:00`, `2024/05/08`, `中華民國90年6月20日`,
  `二〇二一年八月八日 农历辛丑年六月三十`. The last three lines are read
  for the same: `《 人民日报 》（ 2025年10月21日 01 版）`, the source line
  of a page copied from 人民日报's site. A line whose weekday disagrees
  with its date is not read.

The dateline's day wins over the page's (今天 under 本报北京3月9日电 is
the 9th, though the page is dated the 10th). A dateline without its
year (or month) takes it from the date line: the latest such day on or
before the page's date, and at most a month before it. Without a date
line it is None: the year is never guessed from one named in the text,
and a two-digit year (`90年6月20日`) is read only after 民国.
"""
from __future__ import annotations

import calendar
import datetime
from typing import Final

import regex

from .normalize import fold
from .numerals import DIGITS, SMALL, TENS
from .values import read_numeral

_CN: Final = DIGITS + SMALL + TENS
_SMALL_NUMBER: Final = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_DATELINE_LINES: Final = 10
_DATE_LINES: Final = 6
_SOURCE_LINES: Final = 3
# Enough characters of the top and the foot to hold those lines, so that a
# long text is not split into lines to read ten of them.
_HEAD_CHARACTERS: Final = 3000
_FOOT_CHARACTERS: Final = 600
# A dateline's day at most this long before the page's: 本报北京12月31日电
# on a page of 1 January is the day before; one of a year before is not it.
_LONGEST_DATELINE_GAP: Final = 31

# 本报北京3月9日电, 新华社北京2021年3月9日电: who (a paper, agency or site,
# with a place), the day, 电 or 讯.
_search_dateline: Final = regex.compile(
    rf"""^[\s\u3000]*[【\[（(]?
    (?:\p{{Han}}{{0,12}}?(?:本报|社|网|台|报|新闻)\p{{Han}}{{0,6}}?)
    (?:(?P<year>\d{{4}})年)?
    (?P<month>{_SMALL_NUMBER})月(?P<day>{_SMALL_NUMBER})日(?:电|讯)""",
    regex.VERBOSE).search
# （中央社记者林克伦台北二十日电）: an agency's dateline in brackets, often
# with the day alone.
_search_bracketed_dateline: Final = regex.compile(
    rf"""[（(][^（）()\n]{{0,30}}?社[^（）()\n]{{0,30}}?
    (?:(?P<month>{_SMALL_NUMBER})月)?(?P<day>{_SMALL_NUMBER})日电""",
    regex.VERBOSE).search
# 2021年3月10日, 中华民国90年6月20日, 二〇二一年八月八日, 2024-05-08, 2024/5/8.
_search_date: Final = regex.compile(
    rf"""(?:(?P<era>中华民国|民国)(?P<era_year>\d{{1,3}}|[{_CN}]{{1,4}}|元)
        |(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}}))
      \s*年\s*(?P<month>{_SMALL_NUMBER})\s*月\s*(?P<day>{_SMALL_NUMBER})\s*[日号]
    |(?<!\d)(?P<iso_year>\d{{4}})(?P<separator>[-/.])(?P<iso_month>\d{{1,2}})(?P=separator)(?P<iso_day>\d{{1,2}})(?!\d)""",
    regex.VERBOSE).search
# What a date line may hold besides its date: a weekday (checked against
# the date), a clock time, a label, an edition, the lunar date, brackets.
_WEEKDAY: Final = regex.compile(r"(?:星期|礼拜|周)(?P<weekday>[一二三四五六日天])")
_FILLER: Final = regex.compile(
    r"""\d{1,2}:\d{2}(?::\d{2})?                         # 10:00, 10:00:00
    |(?:发布|更新|出版|发表|刊发)?(?:时间|日期)[:：]?     # 发布时间：
    |来源[:：]?
    |第?\s*[\d一二三四五六七八九十]{1,3}\s*版            # 01 版, 第5版
    |农历\p{Han}{2,12}                                 # 农历辛丑年六月三十
    |[《》（）()\[\]【】|｜:：/·\-\s\u3000]""",
    regex.VERBOSE)
# The name of the paper or site a date line may carry: 人民日报, 新华网.
_PUBLISHER: Final = regex.compile(r"(?:[\p{Han}A-Za-z]{1,10}?(?:报|网|社|台|刊|客户端|新闻|频道|在线)){0,2}")
_search_sentence_mark: Final = regex.compile("[，。！？；,!?;]").search
# What a dateline ends with, as written (電, 訊) or folded.
_search_dateline_end: Final = regex.compile("[电電讯訊]").search
_WEEKDAYS: Final = "一二三四五六日"


def document_date(text: str, page_date: datetime.date | None = None) -> datetime.date | None:
    """The date TEXT carries in its dateline or date line, or None.
    PAGE_DATE stands for a date line TEXT lacks: the date of the page an
    article was on, which a dateline without its year takes its year from.

    >>> document_date("本报北京3月9日电 昨日…", page_date=datetime.date(2021, 3, 10))
    datetime.date(2021, 3, 9)
    """
    head = _lines(text[:_HEAD_CHARACTERS], _DATELINE_LINES)
    dateline = _dateline(head[:_DATELINE_LINES])
    page = _page_date(head[:_DATE_LINES])
    if page is None and len(text) > 0:
        page = _page_date(_lines(text[-_FOOT_CHARACTERS:], _SOURCE_LINES, from_end=True))
    page = page or page_date
    if dateline is None:
        return page
    year, month, day = dateline
    if year:
        return _date(year, month, day)
    if page is None:
        return None  # 本报北京12月31日讯, and no page date to take the year from
    return _latest_before(page, month, day)


def page_date(text: str) -> datetime.date | None:
    """The date of a date line among the first lines of TEXT; a dateline
    (本报北京3月9日电) is left out, for it dates its own article only.

    >>> page_date("2021年3月10日\\n\\n标题\\n\\n新华社北京2022年1月5日电 …")
    datetime.date(2021, 3, 10)
    """
    return _page_date(_lines(text[:_HEAD_CHARACTERS], _DATE_LINES))


def date_from_user(value: str) -> datetime.date:
    """The value of a `--date` option, written YYYY-MM-DD, as a date.

    >>> date_from_user("2024-03-09"), date_from_user("２０２４－０３－０９")
    (datetime.date(2024, 3, 9), datetime.date(2024, 3, 9))
    >>> date_from_user("2024-02-30")
    Traceback (most recent call last):
    ...
    ValueError: 2024-02-30 is no day of the calendar: February 2024 has 29 days
    """
    written = value.strip()
    match = _USER_DATE.fullmatch(fold(written))
    if match is None:
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD, such as 2024-03-09")
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not 1 <= month <= 12:
        raise ValueError(f"{written} is no day of the calendar: a year has months 01 to 12")
    if year < 1:
        raise ValueError(f"{written} is no day of the calendar: years start at 0001")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        length = calendar.monthrange(year, month)[1]
        raise ValueError(f"{written} is no day of the calendar: {calendar.month_name[month]} {year} has {length} days")
    return datetime.date(year, month, day)


_USER_DATE: Final = regex.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_in_field(value: object) -> datetime.date | None:
    """The date a JSON Lines record's date field (--date-field) holds:
    YYYY-MM-DD, with a time after it or not, or a date as a date line
    writes it; None for anything else, never a guess.

    >>> date_in_field("2024-03-09T10:00:00+08:00"), date_in_field("2024年3月9日"), date_in_field("2024/3/9")
    (datetime.date(2024, 3, 9), datetime.date(2024, 3, 9), datetime.date(2024, 3, 9))
    >>> date_in_field("昨天"), date_in_field(20240309), date_in_field("2024-02-30")
    (None, None, None)
    """
    if not isinstance(value, str):
        return None
    written = fold(value).strip()
    stamp = _FIELD_STAMP.fullmatch(written)
    if stamp is not None:
        return _date(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
    match = _search_date(written)
    if match is None or match.start() != 0 or match.end() != len(written):
        return None
    return _matched_date(match)


# 2024-03-09T10:00:00+08:00, 2024-03-09 10:00: a date and the time of day.
_FIELD_STAMP: Final = regex.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def _lines(text: str, count: int, from_end: bool = False) -> list[str]:
    """The first COUNT lines of TEXT that hold anything (the last, FROM_END),
    stripped, in reading order; not folded yet (fold keeps white space
    white and marks marks): this runs for every article, and a line is
    folded only once it may hold a date."""
    raw = text.splitlines()
    found: list[str] = []
    for line in reversed(raw) if from_end else raw:
        line = line.strip()
        if line:
            found.append(line)
            if len(found) == count:
                break
    return found[::-1] if from_end else found


def _dateline(lines: list[str]) -> tuple[int, int, int] | None:
    """The first dateline's year, month and day (0 for one not written)."""
    for line in lines:
        if _search_dateline_end(line) is None:
            continue  # no 电 or 讯: no dateline
        line = fold(line)
        match = _search_dateline(line)
        if match is None:
            match = _search_bracketed_dateline(line)
        if match is None:
            continue
        groups: dict[str, str | None] = match.groupdict()
        year = _number(groups.get("year") or "0")
        month = _number(groups.get("month") or "0")
        day = _number(groups.get("day") or "")
        if year is None or month is None or day is None:
            return None
        return (year, month, day)
    return None


def _page_date(lines: list[str]) -> datetime.date | None:
    """The date of the first date line of LINES."""
    for line in lines:
        if _search_sentence_mark(line):
            continue  # 2021年12月6日下午，潇潇来到……: a sentence, not a date line
        line = fold(line)
        match = _search_date(line)
        if match is None:
            continue
        found = _matched_date(match)
        rest = line[: match.start()] + " " + line[match.end() :]
        weekday = _WEEKDAY.search(rest)
        if weekday is not None:
            rest = rest[: weekday.start()] + rest[weekday.end() :]
        rest = _FILLER.sub("", rest)
        if found is None or not _PUBLISHER.fullmatch(rest):
            continue  # 2024年3月9日全国两会开幕: a headline with a date in it
        if weekday is not None and _WEEKDAYS.index(_weekday(weekday.group("weekday"))) != found.weekday():
            continue
        return found
    return None


def _weekday(written: str) -> str:
    return "日" if written == "天" else written


def _matched_date(match: regex.Match[str]) -> datetime.date | None:
    groups: dict[str, str | None] = match.groupdict()
    if groups["iso_year"]:
        return _date(int(groups["iso_year"] or "0"), int(groups["iso_month"] or "0"), int(groups["iso_day"] or "0"))
    if groups["era"]:
        era_year = groups["era_year"] or ""
        year = 1 if era_year == "元" else _number(era_year)
        year = None if year is None else 1911 + year  # 民国90年 is 2001
    else:
        year = _number(groups["year"] or "")
    month = _number(groups["month"] or "")
    day = _number(groups["day"] or "")
    if year is None or month is None or day is None:
        return None
    return _date(year, month, day)


def _number(text: str) -> int | None:
    """TEXT read by the project's numeral reader: 二十 is 20, 二〇二一 2021."""
    try:
        value = read_numeral(text)
    except (ValueError, ArithmeticError):
        return None
    if value != value.to_integral_value() or not 0 <= value <= 9999:
        return None
    return int(value)


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None  # 2月30日


def _latest_before(page: datetime.date, month: int, day: int) -> datetime.date | None:
    """The latest date on or before PAGE with DAY (and MONTH, if not 0),
    if it is at most a month before PAGE."""
    candidates: list[datetime.date | None] = []
    if month:
        candidates = [_date(page.year, month, day), _date(page.year - 1, month, day)]
    else:
        previous = (page.year, page.month - 1) if page.month > 1 else (page.year - 1, 12)
        candidates = [_date(page.year, page.month, day), _date(previous[0], previous[1], day)]
    for found in candidates:
        if found is not None and found <= page:
            return found if (page - found).days <= _LONGEST_DATELINE_GAP else None
    return None
