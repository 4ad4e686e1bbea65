"""The period of a claim: its time as written (`去年`, `1-4月`, `今年上半年`,
`昨（廿五）日`) as an ISO 8601 date or interval, resolved against the
document's date (dateline.py finds it in the text; `--date` gives it).

    >>> import datetime
    >>> resolve("2022年上半年", None), resolve("1-4月", datetime.date(2024, 5, 20))
    ('2022-01/2022-06', '2024-01/2024-04')

What comes out: a year `2023`, a month `2024-03`, a day `2024-03-09`, or
an interval `start/end` whose ends are written to the same precision:
`2024-01/2024-04` (January to April), `2021-05-01/2021-05-05`; where the
ends differ in precision (`7月20日以来`: a day to the document's day)
both are written as days, `2021-07-20/2021-08-09`. Nothing finer than a
day: a clock time or a part of the day is left out (`昨日上午` is 昨日).

Decisions, each for the reader of a series built from these periods:

- Never guessed. The whole time must be understood, or the period is
  None: `2022年毕业季` is not `2022`, for it is not the whole year. A time
  that needs the document's date (去年, 上半年 or 1-4月 without a year,
  昨日, 上周五, 7月20日以来) is None without one.
- A month or day written without a year (`3月5日`, `1-4月`, `廿五日`)
  takes the document's year (and month); if it then starts after the
  document's date it is None: `12月` in an article of March is this
  year's plan or last year's figure, and the text does not say which.
  Words that name a part of a year (`上半年`, `四季度`, `年底`, `全年`)
  are the document's year, past or coming: news writes 去年 when it
  means the year before.
- `截至6月底` is the point `2024-06-30`, not January to June: 截至 gives
  only the end; a figure "as of" a day is a balance or a total since a
  start the words do not give (since January, since the programme began).
  The same for 截止, 到 and 至 before one time, with or without 止
  (`到今年十一月止` is `2024-11`).
- `底`, `末` are the period's last day, `初` its first (`年底` is
  `2024-12-31`, `年初` `2024-01-01`, `二季度末` `2024-06-30`): the days a
  period's closing and opening figures are stated for (年末总人口,
  比年初增加). Narrative `年初` ("early this year") gets that day too.
- `N月以来`, `今年以来`, `2018年1月22日以来`: from that time to the
  document's date. `起` (`8月2日起`) and an opening 自/从 without an end
  are open-ended and None.
- `目前`, `如今`, `现在`, `至今` are None, not the document's date: a
  figure said to be true "now" was counted some days before publication,
  and the day is not written. Eras and vague periods (`近年来`, `历史上`,
  `清朝`) are None, as are festivals whose Gregorian day changes (春节)
  and reign years of the imperial calendar (光绪二十年), which are lunar.
- A festival on a fixed Gregorian day is that day (`“五一”` is
  `YYYY-05-01`, `元旦`, `国庆`); its holiday (`“五一”假期`, `黄金周`) is
  None: the State Council sets its days each year (2021: 5月1日至5日;
  2019: 5月1日至4日), and only a time that writes them
  (`5月1日至5日`) gives them.
- `民国`/`民國` N年 is 1911 + N; in a range the second year keeps the
  era of the first (`自民國八十六年九月到九十年六月止` is
  `1997-09/2001-06`). A two- or three-digit year with no era (`九十年`) is
  None. `昭和`, `平成`, `令和` years are Gregorian years too.
- `2023年度` is None: a 年度 may be a financial year (April to March in
  Hong Kong), and the text does not say which.
- `同期` needs the period it is compared with: `compared_with` is that
  time as written (`1-4月` for `1-4月……去年同期`). `同期` alone is that
  period (`同期房企购置土地`, the same months); `去年同期`, `上年同期` the
  same period a year earlier; `2020年同期` that period in 2020. Without
  `compared_with` it is None.

Numerals are read by values.read_numeral (`廿五`, `九十`, `二〇二三`);
the text is folded first (normalize.fold: `６月底`, `週`, `國`).
"""
from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable
from functools import cache
from typing import Final

import regex

from . import lexicon
from .normalize import fold
from .numerals import DIGITS, SMALL, TENS
from .values import read_numeral

# A point of time: year, month (0 when only the year is known), day (0
# when only the month is known).
Point = tuple[int, int, int]
Span = tuple[Point, Point]

_CN: Final = DIGITS + SMALL + TENS  # 〇零一二两三四五六七八九十百千廿卅卌
_NUMBER: Final = rf"(?:\d{{1,4}}|[{_CN}]{{1,4}})"
_SMALL_NUMBER: Final = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_NO_ERA: Final = -1
# A period needs a day given in brackets to be this close to the day its
# word names (昨（廿五）日 in an article of the 26th): farther, the date of
# the document and the text disagree.
_NEAREST_GIVEN_DAY: Final = 3


def resolve(time: str | None, document_date: datetime.date | None,
            compared_with: str | None = None) -> str | None:
    """TIME (a claim's time as written) as an ISO 8601 date or interval,
    resolved against DOCUMENT_DATE; None where it cannot be resolved.
    COMPARED_WITH is the time, as written, that a 同期 in TIME refers to.
    Never raises on any text.

    >>> import datetime
    >>> day = datetime.date(2024, 8, 26)
    >>> [resolve(t, day) for t in ("去年", "今年一季度", "截至6月底", "昨日", "近年来")]
    ['2023', '2024-01/2024-03', '2024-06-30', '2024-08-25', None]
    >>> resolve("去年同期", day, compared_with="1-2月")
    '2023-01/2023-02'
    """
    if not time:
        return None
    span = _resolve(_clean(time), document_date, compared_with)
    return None if span is None else iso(span)


def _clean(time: str) -> str:
    # ６月底 -> 6月底, 民國 -> 民国; spaces in 2021年 1-2月 part nothing.
    return "".join(fold(time).split())


def iso(span: Span) -> str:
    """SPAN written in ISO 8601: one date when both ends are the same (or
    January to December of one year, the year), else `start/end`, both at
    the precision of the finer end when they differ.

    >>> iso(((2024, 1, 0), (2024, 4, 0))), iso(((2024, 7, 20), (2024, 8, 0))), iso(((2023, 0, 0), (2023, 0, 0)))
    ('2024-01/2024-04', '2024-07-20/2024-08-31', '2023')
    """
    start, end = span
    if start[0] == end[0] and start[1:] == (1, 0) and end[1:] == (12, 0):
        return _point_text((start[0], 0, 0))  # 全年, 1-12月: the year, however it is written
    if _precision(start) != _precision(end):
        start, end = _first_day(start), _last_day(end)
    if start == end:
        return _point_text(start)
    return _point_text(start) + "/" + _point_text(end)


def _precision(point: Point) -> int:
    return 1 if point[1] == 0 else 2 if point[2] == 0 else 3


def _point_text(point: Point) -> str:
    year, month, day = point
    if month == 0:
        return f"{year:04d}"
    if day == 0:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _first_day(point: Point) -> Point:
    return (point[0], point[1] or 1, point[2] or 1)


def _last_day(point: Point) -> Point:
    month = point[1] or 12
    return (point[0], month, point[2] or _month_length(point[0], month))


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _as_date(point: Point) -> datetime.date:
    return datetime.date(point[0], point[1], point[2])


def _from_date(day: datetime.date) -> Point:
    return (day.year, day.month, day.day)


class Word:
    """A row of period_words.tsv: its kind and its value as written."""

    def __init__(self, kind: str, value: str) -> None:
        self.kind = kind
        self.value = value


@cache
def words() -> dict[str, dict[str, str]]:
    """The words of period_words.tsv by kind: {kind: {word: value}}."""
    out: dict[str, dict[str, str]] = {}
    for word, kind, value in lexicon.rows("period_words.tsv"):
        out.setdefault(kind, {})[word] = value
    return out


# The kinds matched as words inside a time; era, opening and bracket_day
# are matched by the patterns below, vague words not at all.
_WORD_KINDS: Final = ("year", "month", "day", "months", "days", "edge", "festival", "holiday", "during", "same_period",
               "part_of_day")


@cache
def _surface_words() -> dict[str, Word]:
    """Each word as it may be written, with its row: a festival also in
    quotes (“五一” as 五一), unless its row has them already (“十一”)."""
    table = words()
    out: dict[str, Word] = {}
    for kind in _WORD_KINDS:
        for word, value in table.get(kind, {}).items():
            out[word] = Word(kind, value)
            if kind == "festival" and not word.startswith("“"):
                out["“" + word + "”"] = Word(kind, value)
    return out


class Token:
    """One piece of a time: its kind and up to two numbers (a year, a month
    range, an offset and a day)."""

    def __init__(self, kind: str, first: int = 0, second: int = 0) -> None:
        self.kind = kind
        self.first = first
        self.second = second

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.first}, {self.second})"


def tokens(text: str) -> list[Token] | None:
    """The pieces of TEXT (folded), or None where a piece is not understood.

    >>> tokens("去年3月15日至24日")
    [Token('year', -1, 0), Token('month_number', 3, 0), Token('day_number', 15, 0), Token('sep', 0, 0), Token('day_number', 24, 0)]
    """
    pieces = _pieces()
    out: list[Token] = []
    at = 0
    while at < len(text):
        found: Token | None = None
        for pattern, reader in pieces:
            match = pattern.match(text, at)
            if match is None or match.end() == at:
                continue
            found = reader(match)
            if found is None:
                return None  # 13月, 前0个月: the piece is there, but no date
            at = match.end()
            break
        if found is None:
            return None
        out.append(found)
    return out


def _number(text: str) -> int | None:
    """TEXT read by the project's numeral reader, or None: 廿五 is 25."""
    try:
        value = read_numeral(text)
    except (ValueError, ArithmeticError):
        return None
    if value != value.to_integral_value() or value < 0 or value > 9999:
        return None
    return int(value)


# Token kinds made by the patterns (the word kinds are the file's own).
_GIVEN_DAY: Final = "given_day"
_YEAR: Final = "absolute_year"  # first: the Gregorian year; second: its era's year 0, or _NO_ERA
_BARE_YEAR: Final = "bare_year"
_PLAN: Final = "plan"
_FIRST_YEARS: Final = "first_years"
_WEEK: Final = "week"
_MONTH: Final = "month_number"
_DAY: Final = "day_number"
_IGNORED: Final = "ignored"
_NUMBER_TOKEN: Final = "number"
_SEP: Final = "sep"
_SINCE: Final = "since"
_UNTIL: Final = "until"
_WEEKDAYS: Final = "一二三四五六日"
_WEEK_OFFSETS: Final = {"上": -1, "本": 0, "这": 0, "下": 1}
# What a time without a year may open with: 3月, 上半年, “五一”, 廿五日, 上月, 同期.
_OPEN_WITHOUT_YEAR: Final = (_MONTH, "months", "festival", _DAY, "month", "same_period")


def _group_text(match: regex.Match[str], name: str) -> str:
    found: str | None = match.group(name)
    return found or ""


def _given_day(match: regex.Match[str]) -> Token | None:
    day = _number(_group_text(match, "day"))
    offset = int(words()["bracket_day"][_group_text(match, "word")])
    return None if day is None else Token(_GIVEN_DAY, offset, day)


def _era_year(match: regex.Match[str]) -> Token | None:
    era = int(words()["era"][_group_text(match, "era")])
    written = _group_text(match, "year")
    year = 1 if written == "元" else _number(written)  # 民国元年 is 1912
    return None if year is None else Token(_YEAR, era + year, era)


def _plan_token(match: regex.Match[str]) -> Token | None:
    digit = _group_text(match, "plan")
    ordinal = 10 + (_number(digit) or 0) if digit else 10
    # The first two plans ran 1953-1962, then came three years of
    # adjustment: the Nth from the third (1966) on starts in 1951 + 5N.
    return Token(_PLAN, 1951 + 5 * ordinal)


def _year(match: regex.Match[str]) -> Token | None:
    year = _number(_group_text(match, "year"))
    return None if year is None else Token(_YEAR, year, _NO_ERA)


def _first(match: regex.Match[str]) -> Token | None:
    count = _number(_group_text(match, "first"))
    unit = _group_text(match, "unit")
    if count is None or count < 1:
        return None
    if unit == "年":
        return Token(_FIRST_YEARS, count)
    last = count if unit.startswith("月") else 3 * count  # 前三季度: January to September
    return Token("months", 1, last) if last <= 12 else None


def _week(match: regex.Match[str]) -> Token | None:
    weekday = _group_text(match, "weekday")
    day = _WEEKDAYS.index("日" if weekday == "天" else weekday) if weekday else -1
    return Token(_WEEK, _WEEK_OFFSETS[_group_text(match, "week")], day)


def _bare_year(match: regex.Match[str]) -> Token | None:
    year = _number(_group_text(match, "bare"))
    return None if year is None else Token(_BARE_YEAR, year)


def _word(match: regex.Match[str]) -> Token | None:
    return _word_token(_surface_words()[match.group()])


def _month(match: regex.Match[str]) -> Token | None:
    month = _number(_group_text(match, "month"))
    return Token(_MONTH, month) if month is not None and 1 <= month <= 12 else None


def _day(match: regex.Match[str]) -> Token | None:
    day = _number(_group_text(match, "day"))
    return Token(_DAY, day) if day is not None and 1 <= day <= 31 else None


def _bare_number(match: regex.Match[str]) -> Token | None:
    number = _number(match.group())
    return None if number is None else Token(_NUMBER_TOKEN, number)


def _ignored(match: regex.Match[str]) -> Token | None:
    return Token(_IGNORED)


def _separator(match: regex.Match[str]) -> Token | None:
    return Token(_SEP)


def _since_word(match: regex.Match[str]) -> Token | None:
    return Token(_SINCE)


def _until_word(match: regex.Match[str]) -> Token | None:
    return Token(_UNTIL)


Reader = Callable[[regex.Match[str]], Token | None]


@cache
def _pieces() -> tuple[tuple[regex.Pattern[str], Reader], ...]:
    """The patterns tried at each position of a time, in this order, each
    with the function that reads its match."""
    table = words()
    brackets = lexicon.alternation(table["bracket_day"])
    eras = lexicon.alternation(table["era"])
    return (
        # 昨（廿五）日, 今天（23日）: the day in brackets wins.
        (regex.compile(rf"(?P<word>{brackets})[（(](?P<day>{_SMALL_NUMBER})日?[）)]日?"), _given_day),
        # 民国八十六年, 中华民国90年, 民国元年: a year of an era.
        (regex.compile(rf"(?P<era>{eras})(?P<year>{_NUMBER}|元)年(?!代)"), _era_year),
        # “十四五”: the fourteenth five-year plan, 2021-2025.
        (regex.compile(r"“十(?P<plan>[一二三四五六七八九])?五”(?:规划|计划)?"), _plan_token),
        # 2023年, 二〇二三年, 2021 (数说2021 in a headline), １９８９; not 1990年代.
        (regex.compile(r"(?P<year>\d{4}|[〇零一二三四五六七八九]{4})(?!\d)(?:年(?!代))?"), _year),
        # 前5个月, 前11月, 前三季度, 头两个月; 前4年 (of a plan: “十四五”前4年).
        (regex.compile(rf"[前首头](?P<first>{_SMALL_NUMBER})个?(?P<unit>月份?|季度|季|年)"), _first),
        # 上周五, 本周, 下星期一.
        (regex.compile(r"(?P<week>上|本|这|下)个?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])?"), _week),
        # 九十年 (in 自民国八十六年九月到九十年六月): a year that needs its era.
        (regex.compile(rf"(?P<bare>\d{{2,3}}|[{_CN}]{{2,3}})年(?!代)"), _bare_year),
        (regex.compile(lexicon.alternation(_surface_words())), _word),
        # 1月, 十一月, 1-3月份 (its second half), 4月当月: a month.
        (regex.compile(rf"(?P<month>{_SMALL_NUMBER})月(?:份)?(?:当月)?"), _month),
        # 15日, 廿五日, 8号.
        (regex.compile(rf"(?P<day>{_SMALL_NUMBER})[日号]"), _day),
        # 7时, 3点半, 零时, 10:00: a clock time, left out.
        (regex.compile(rf"(?:{_SMALL_NUMBER}[点时](?:{_SMALL_NUMBER}分|半|整)?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?:许|左右)?"),
         _ignored),
        # The 1 of 1-4月: a number that takes its unit from the other end.
        (regex.compile(_NUMBER), _bare_number),
        # 1-4月, 1—4月, 1~4月, 1至4月, 7月23日到24日.
        (regex.compile(r"[-—–―~〜至到]"), _separator),
        (regex.compile(r"以来"), _since_word),
        (regex.compile(r"为止|止"), _until_word),
    )


def _word_token(word: Word) -> Token:
    kind, value = word.kind, word.value
    if kind in ("year", "month", "day"):
        return Token(kind, int(value))
    if kind in ("months", "days"):
        first, _, last = value.partition("-")
        return Token(kind, int(first), int(last))
    if kind == "festival":
        month, _, day = value.partition("-")
        return Token(kind, int(month), int(day))
    if kind == "edge":
        return Token(kind, 1 if value == "end" else 0)
    if kind == "holiday":
        return Token(kind, 1 if value == "span" else 0)
    if kind == "part_of_day":
        return Token(_IGNORED)
    return Token(kind)  # during, same_period


def _resolve(text: str, today: datetime.date | None, compared_with: str | None) -> Span | None:
    """The span of TEXT (cleaned), or None."""
    opening = ""
    for word in words()["opening"]:
        # 截至 before 至: the longest opening that TEXT starts with.
        if text.startswith(word) and len(text) > len(word) and len(word) >= len(opening):
            opening = word
    how = words()["opening"].get(opening, "")
    found = tokens(text[len(opening):])
    if not found:
        return None
    closing = found[-1].kind if found[-1].kind in (_SINCE, _UNTIL) else ""
    if closing:
        found = found[:-1]
    groups = _split(found)
    if groups is None or any(token.kind in (_SINCE, _UNTIL) for token in found):
        return None
    if closing == _UNTIL and not how:
        return None  # 6月止: 止 closes what an opening began
    if len(groups) == 2:
        if how == "until" or closing == _SINCE:
            return None
        return _range(groups[0], groups[1], today, compared_with)
    span = _group(groups[0], today, compared_with, 0, 0, _NO_ERA)
    if span is None:
        return None
    if closing == _SINCE:
        return _since(span, today)
    if how == "until":
        return (span[1], span[1])
    if how == "from":
        return None  # 自2020年: from then to a time not written
    return span


def _split(found: list[Token]) -> list[list[Token]] | None:
    """FOUND as one or two groups around a separator; a bare number before
    the separator takes the unit after it (1-4月: 1 is a month)."""
    at = [index for index, token in enumerate(found) if token.kind == _SEP]
    if not at:
        groups = [found]
    elif len(at) == 1 and 0 < at[0] < len(found) - 1:
        groups = [found[: at[0]], found[at[0] + 1 :]]
        left, right = groups
        if left[-1].kind == _NUMBER_TOKEN:
            unit = right[0].kind
            number = left[-1].first
            if not (unit == _MONTH and 1 <= number <= 12 or unit == _DAY and 1 <= number <= 31 or unit == _BARE_YEAR):
                return None
            left[-1] = Token(unit, number)
    else:
        return None
    if any(token.kind == _NUMBER_TOKEN for group in groups for token in group):
        return None
    return groups


def _range(left: list[Token], right: list[Token], today: datetime.date | None,
           compared_with: str | None) -> Span | None:
    """From the start of LEFT to the end of RIGHT, which takes the year, the
    month and the era LEFT leaves it (去年3月15日至24日)."""
    if any(token.kind == "same_period" for token in left + right):
        return None  # 2013-2018年同期: one period in each of six years
    first = _group(left, today, compared_with, 0, 0, _NO_ERA)
    if first is None:
        return None
    era = next((token.second for token in left if token.kind == _YEAR), _NO_ERA)
    end_of_first = first[1]
    second = _group(right, today, compared_with, end_of_first[0], end_of_first[1], era)
    if second is None or _first_day(second[1]) < _first_day(first[0]):
        return None
    return (first[0], second[1])


def _since(span: Span, today: datetime.date | None) -> Span | None:
    """7月20日以来: from the start of SPAN to the document's date."""
    if today is None or _as_date(_first_day(span[0])) > today:
        return None
    return (span[0], _from_date(today))


def _group(group: list[Token], today: datetime.date | None, compared_with: str | None,
           year: int, month: int, era: int) -> Span | None:
    """The span of one time without a separator. YEAR, MONTH and ERA are
    what the start of a range leaves its end (0, 0, _NO_ERA for none)."""
    found = [token for token in group if token.kind != _IGNORED]
    if not found:
        return None  # 早上7点: a clock time of no day written
    first = found[0]
    if first.kind in ("day", _GIVEN_DAY, _WEEK):
        if len(found) > 1 or today is None:
            return None
        return _day_word(first, today)
    if first.kind == _PLAN:
        return _plan_years(first, found[1:])
    at = 1
    has_year = True
    if first.kind == _YEAR:
        year = first.first
    elif first.kind == _BARE_YEAR:
        if era == _NO_ERA:
            return None  # 九十年: 1990, or 民国90年 (2001)?
        year = era + first.first
    elif first.kind == "year":
        if today is None:
            return None
        year = today.year + first.first
    else:
        at, has_year = 0, False
    rest = found[at:]
    if not has_year and rest[0].kind not in _OPEN_WITHOUT_YEAR:
        return None  # 期间, 底: a period of nothing named
    if rest and rest[0].kind == "same_period":
        if len(rest) > 1:
            return None
        return _same_period(first if has_year else None, today, compared_with)
    if rest and rest[0].kind == "month":
        if has_year or today is None:
            return None  # 去年上月 names no month
        shifted = today.year * 12 + today.month - 1 + rest[0].first
        year, has_year = shifted // 12, True
        rest = [Token(_MONTH, shifted % 12 + 1), *rest[1:]]
    inferred = not has_year and year == 0
    if inferred:
        if today is None:
            return None
        year = today.year
    if not 1 <= year <= 9999:
        return None
    if rest and rest[0].kind == _DAY and month == 0:
        if not inferred or today is None:
            return None  # 2021年5日: a day of no month
        month = today.month
    span = _within_year(rest, year, month if rest and rest[0].kind == _DAY else 0)
    if span is None:
        return None
    # 12月 in an article of March: this year's plan, or last year's figure.
    numbered = any(token.kind in (_MONTH, _DAY) for token in rest)
    if inferred and numbered and today is not None and _as_date(_first_day(span[0])) > today:
        return None
    return span


def _within_year(rest: list[Token], year: int, month: int) -> Span | None:
    """The span of what follows a time's year: a month and its day, months,
    a festival, or nothing (the whole year), then an edge; MONTH is the
    month of a day written without one (廿五日)."""
    at = 0
    span: Span = ((year, 0, 0), (year, 0, 0))
    head = rest[0] if rest else None
    if head is not None and head.kind == _MONTH:
        month = head.first
        span = ((year, month, 0), (year, month, 0))
        at = 1
    elif head is not None and head.kind == "months":
        span = ((year, head.first, 0), (year, head.second, 0))
        at = 1
    elif head is not None and head.kind == "festival":
        if len(rest) > 1 and rest[1].kind in ("holiday", "during") and (rest[1].first or rest[1].kind == "during"):
            return None  # “五一”假期: the State Council's days, not written here
        if not _valid_day(year, head.first, head.second):
            return None
        point = (year, head.first, head.second)
        at = 2 if len(rest) > 1 and rest[1].kind == "holiday" else 1
        return (point, point) if at == len(rest) else None
    if month and at < len(rest) and rest[at].kind in (_DAY, "days"):
        token = rest[at]
        last = min(token.second, _month_length(year, month)) if token.kind == "days" else token.first
        if not _valid_day(year, month, token.first) or not _valid_day(year, month, last):
            return None
        span = ((year, month, token.first), (year, month, last))
        at += 1
    if at < len(rest) and rest[at].kind == "edge":
        if span[0][2]:
            return None  # 15日底
        span = (_last_day(span[1]), _last_day(span[1])) if rest[at].first else (_first_day(span[0]), _first_day(span[0]))
        at += 1
    if at < len(rest) and rest[at].kind == "during":
        at += 1  # 2022年1月至2025年12月期间, 年内
    return span if at == len(rest) else None


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _month_length(year, month)


def _day_word(token: Token, today: datetime.date) -> Span | None:
    """昨日, 昨（廿五）日, 上周五, 本周: days counted from TODAY."""
    try:
        return _counted_days(token, today)
    except OverflowError:
        return None  # 明日 of 9999-12-31


def _counted_days(token: Token, today: datetime.date) -> Span | None:
    if token.kind == "day":
        day = _from_date(today + datetime.timedelta(days=token.first))
        return (day, day)
    if token.kind == _GIVEN_DAY:
        found = _nearest_day(today + datetime.timedelta(days=token.first), token.second)
        return None if found is None else (_from_date(found), _from_date(found))
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=token.first)
    if token.second < 0:
        return (_from_date(monday), _from_date(monday + datetime.timedelta(days=6)))
    day = _from_date(monday + datetime.timedelta(days=token.second))
    return (day, day)


def _nearest_day(near: datetime.date, day: int) -> datetime.date | None:
    """The date nearest NEAR whose day of the month is DAY, if it is close:
    昨（卅一）日 in an article of 1 April is 31 March."""
    best: datetime.date | None = None
    for shift in (-1, 0, 1):
        months = near.year * 12 + near.month - 1 + shift
        year, month = months // 12, months % 12 + 1
        if 1 <= year <= 9999 and _valid_day(year, month, day):
            candidate = datetime.date(year, month, day)
            if best is None or abs((candidate - near).days) < abs((best - near).days):
                best = candidate
    if best is None or abs((best - near).days) > _NEAREST_GIVEN_DAY:
        return None
    return best


def _plan_years(token: Token, rest: list[Token]) -> Span | None:
    """“十四五” (2021-2025), “十四五”前4年 (2021-2024), “十四五”期间."""
    last = token.first + 4
    if rest and rest[0].kind == _FIRST_YEARS:
        if not 1 <= rest[0].first <= 5:
            return None
        last = token.first + rest[0].first - 1
        rest = rest[1:]
    if rest and rest[0].kind == "during":
        rest = rest[1:]
    return None if rest else ((token.first, 0, 0), (last, 0, 0))


def _same_period(year: Token | None, today: datetime.date | None, compared_with: str | None) -> Span | None:
    """同期: the period COMPARED_WITH names; 去年同期 a year before it,
    2020年同期 the same months of 2020."""
    if compared_with is None:
        return None
    base = _resolve(_clean(compared_with), today, None)
    if base is None or year is None:
        return base
    if year.kind == "year":
        if today is None:
            return None
        shift = year.first
    elif year.kind == _YEAR and base[0][0] == base[1][0]:
        shift = year.first - base[0][0]
    else:
        return None
    return _shifted(base, shift)


def _shifted(span: Span, years: int) -> Span | None:
    """SPAN moved by YEARS whole years (2024-02-29 has no day a year before)."""
    out: list[Point] = []
    for year, month, day in span:
        year += years
        if not 1 <= year <= 9999 or day and not _valid_day(year, month, day):
            return None
        out.append((year, month, day))
    return (out[0], out[1])
