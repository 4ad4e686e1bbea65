"""The document's own date (core/dateline.py, issue 14) and the `--date`
value (date_from_user).

DATES_DEV has one row per dev text (../shared/data/dev/texts, development
data only) with the date read from the text by eye: most carry none (the
comment says what they do carry). DATES_WRITTEN rows are the forms
dateline.py accepts, and lines it must not take for a date, written for
this file. A new form goes into DATES_WRITTEN.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.core.dateline import date_from_user, document_date

D = datetime.date
DEV_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev" / "texts"

DATES_DEV: list[tuple[str, D | None]] = [
    ("001_yangtze-port-throughput.txt", None),  # 9日，记者从……获悉: a day, no month or year
    ("002_guangdong-jan-feb-economy.txt", None),  # 3月22日，广东省统计局发布: in the body, no year
    ("003_eastmoney-securities-h1-earnings.txt", None),  # 2022年半年度 is the period reported
    ("004_fake-doctor-romance-fraud.txt", None),  # 2021年12月6日下午 opens a sentence: an event's day
    ("005_hk-typhoon-mindulle-taiwan-losses.txt", None),  # 昨晚, 昨日 only
    ("006_hk-fake-longjing-tea-guizhou.txt", None),  # 今年3月1日: an event's day
    ("007_hk-sars-report-accountability.txt", None),  # 明日公佈 only
    ("008_tw-aids-male-patients-survey.txt", None),  # 民國八十六年九月到九十年六月 is the survey's period
    ("009_tw-ntd-fx-and-stock-rally.txt", None),  # 昨（廿五）日: a day, no month or year
    ("010_tw-freeway-toll-stations.txt", None),  # 明（二十）日
    ("011_tw-asian-games-basketball-table-tennis-fullwidth.txt", None),  # 昨日, 今日下午２時３０分
    ("012_tw-department-store-anniversary-sales-fullwidth.txt", None),  # 昨天, 十一月１６日
    ("013_tw-tennis-srichaphan-prize-fullwidth.txt", None),  # （１９８９）, 今年
    ("014_may-day-holiday-tourism.txt", None),  # 5日联合发布
    ("015_peoples-daily-2000-top-ten-domestic-news.txt", D(2000, 12, 31)),  # 本报北京2000年12月31日讯
    ("016_peoples-daily-2000-beijing-income-tax-harbin-ice.txt", None),  # 本报北京12月31日讯: no year, no page date
    ("017_xian-industrial-energy-consumption.txt", None),  # 来源：华商报, no date
    ("018_a-share-3500-fund-returns.txt", None),  # 8月13日: in the body, no year
    ("019_graduates-2022-job-survey.txt", None),  # 《2022年毕业季调研分析报告》
    ("020_xinghua-fish-industry-rural.txt", None),  # 凌晨2点
    ("021_peoples-daily-2025-new-development-philosophy.txt", D(2025, 10, 21)),  # 《 人民日报 》（ 2025年10月21日 01 版）
    ("022_nanjing-covid-zero-new-cases.txt", None),  # 据江苏省卫健委8月9日通报: in the body, no year
    ("023_q1-2021-property-sales-land-prices.txt", None),  # 4月16日，国家统计局公布: no year
    ("024_catl-zeng-yuqun-wealth-battery.txt", None),  # 7月9日宁德时代报收: no year
    ("025_hk-surplus-teachers-hunger-strike.txt", None),  # 昨午3時
    ("026_tw-peanut-root-resveratrol.txt", None),  # 昨（八）日
    ("027_tw-imperial-banquet-prices-chinese-numerals.txt", None),  # 十一日登場
    ("028_sanyuanpu-township-profile-local-gov.txt", None),  # a profile: 2020年, 2011年6月19日 in the body
    ("029_cctv-2021-sixteen-economic-figures-headlines.txt", None),  # 2021年即将进入倒计时
    ("030_typhoon-in-fa-storm-surge-warning.txt", None),  # 7月22日, 今天（23日）: no year
    ("zhuzhou-daily-2024-01.txt", None),  # 株洲日报 bylines, 1月30日: no year
]


def test_every_dev_text_has_a_row() -> None:
    if not DEV_TEXTS.is_dir():
        pytest.skip(f"no dev texts at {DEV_TEXTS}")
    assert sorted(path.name for path in DEV_TEXTS.iterdir()) == [name for name, _ in DATES_DEV]


@pytest.mark.parametrize("name, expected", DATES_DEV, ids=[name for name, _ in DATES_DEV])
def test_dev_texts(name: str, expected: D | None) -> None:
    path = DEV_TEXTS / name
    if not path.is_file():
        pytest.skip(f"no dev text {path}")
    assert document_date(path.read_text(encoding="utf-8")) == expected


DATES_WRITTEN: list[tuple[str, D | None]] = [
    # A dateline with its year.
    ("本报北京2021年3月9日电 记者张三报道：", D(2021, 3, 9)),
    ("标题\n新华社北京2021年3月9日电（记者 李四）国务院", D(2021, 3, 9)),
    # A dateline without it, the year (and month) from the page's date line; the dateline's day wins.
    ("人民日报 2021-03-10\n标题\n本报北京３月９日电 记者", D(2021, 3, 9)),
    ("2021年3月10日 星期三\n标题\n　　本报北京3月9日电（记者 王五）", D(2021, 3, 9)),
    ("2001年1月1日\n本报北京12月31日电", D(2000, 12, 31)),
    ("2021年6月21日\n（中央社記者林克倫台北二十日電）今天", D(2021, 6, 20)),
    ("2021年7月1日\n（中央社記者林克倫台北三十日電）", D(2021, 6, 30)),
    ("【新华社华盛顿3月9日电】", None),  # no year anywhere
    ("（中央社記者林克倫台北二十日電）", None),
    ("本报北京12月31日讯", None),
    ("2021年3月10日\n本报北京1月5日电", None),  # two months before the page: not its dateline
    # A date line alone.
    ("2021年8月8日\n标题\n正文", D(2021, 8, 8)),
    ("二〇二一年八月八日 农历辛丑年六月三十\n标题", D(2021, 8, 8)),
    ("发布时间：2024-05-08 10:00\n正文", D(2024, 5, 8)),
    ("来源：新华网 2024-05-08 10:00:00\n正文", D(2024, 5, 8)),
    ("2024/05/08\n正文", D(2024, 5, 8)),
    ("2024.5.8\n正文", D(2024, 5, 8)),
    ("中華民國90年6月20日\n正文", D(2001, 6, 20)),
    ("民國九十年六月二十日 星期三\n正文", D(2001, 6, 20)),
    ("标题\n正文第一段。\n正文第二段。\n《 人民日报 》（ 2025年10月21日 01 版）", D(2025, 10, 21)),
    # Not a date line.
    ("2021年3月10日 星期四\n正文", None),  # 10 March 2021 was a Wednesday
    ("2024年3月9日全国两会开幕\n正文", None),  # a headline with a date in it
    ("2021年12月6日下午，潇潇来到派出所报案。", None),  # a sentence
    ("90年6月20日\n正文", None),  # a two-digit year without 民国
    ("2021年2月30日\n正文", None),
    ("标题\n一\n二\n三\n四\n五\n六\n2021年8月8日\n七\n八\n九\n十", None),  # below the first lines
    ("", None),
]


@pytest.mark.parametrize("text, expected", DATES_WRITTEN, ids=[text.replace("\n", "⏎")[:40] for text, _ in DATES_WRITTEN])
def test_written_forms(text: str, expected: D | None) -> None:
    assert document_date(text) == expected


USER_DATES = [("2024-03-09", D(2024, 3, 9)), (" 2024-03-09\n", D(2024, 3, 9)), ("2024-3-9", D(2024, 3, 9)),
              ("２０２４－０３－０９", D(2024, 3, 9)), ("2024-02-29", D(2024, 2, 29))]


@pytest.mark.parametrize("value, expected", USER_DATES, ids=[value for value, _ in USER_DATES])
def test_a_date_from_the_user(value: str, expected: D) -> None:
    assert date_from_user(value) == expected


BAD_USER_DATES = [
    ("2024/03/09", "'2024/03/09' is not a date written YYYY-MM-DD, such as 2024-03-09"),
    ("2024年3月9日", "'2024年3月9日' is not a date written YYYY-MM-DD, such as 2024-03-09"),
    ("yesterday", "'yesterday' is not a date written YYYY-MM-DD, such as 2024-03-09"),
    ("", "'' is not a date written YYYY-MM-DD, such as 2024-03-09"),
    ("2023-02-29", "2023-02-29 is no day of the calendar: February 2023 has 28 days"),
    ("2024-04-31", "2024-04-31 is no day of the calendar: April 2024 has 30 days"),
    ("2024-13-01", "2024-13-01 is no day of the calendar: a year has months 01 to 12"),
    ("0000-01-01", "0000-01-01 is no day of the calendar: years start at 0001"),
]


@pytest.mark.parametrize("value, message", BAD_USER_DATES, ids=[value for value, _ in BAD_USER_DATES])
def test_a_bad_date_from_the_user_says_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        date_from_user(value)
    assert str(error.value) == message


def _chinese(n: int) -> str:
    digits = "一二三四五六七八九"
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else digits[tens - 1] + "十"
    return head + (digits[ones - 1] if ones else "")


@settings(max_examples=500, deadline=None)
@given(st.dates(min_value=D(1000, 1, 1)), st.sampled_from(["{y}年{m}月{d}日", "{y}-{mm}-{dd}", "{y}/{m}/{d}",
                                                            "{cy}年{cm}月{cd}日", "{y}年{m}月{d}日 星期{w}"]))
def test_a_date_line_reads_back_to_its_date(day: D, form: str) -> None:
    line = form.format(y=day.year, m=day.month, d=day.day, mm=f"{day.month:02d}", dd=f"{day.day:02d}",
                       cy="".join("〇一二三四五六七八九"[int(ch)] for ch in str(day.year)),
                       cm=_chinese(day.month), cd=_chinese(day.day), w="一二三四五六日"[day.weekday()])
    assert document_date(line + "\n标题\n正文。") == day


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_raises(text: str) -> None:
    found = document_date(text)
    assert found is None or isinstance(found, D)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20))
def test_a_user_date_is_a_date_or_a_value_error(value: str) -> None:
    try:
        assert isinstance(date_from_user(value), D)
    except ValueError as error:
        assert value.strip() in str(error) or repr(value) in str(error)
