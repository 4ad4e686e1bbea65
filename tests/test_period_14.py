"""The period of a claim (core/period.py, issue 14): its time as written,
as an ISO 8601 date or interval resolved against the document's date.

Each row is `(time, document date, expected period)`; the expected
periods follow the decisions in period.py's docstring, not its output.
Tables are named by where their rows came from:
- PERIODS_DEV: every distinct time of the dev gold files
  (../shared/data/dev/gold/*.jsonl), one list per file, development data
  only. The document dates of 015 and 021 are their own (the dateline,
  the source line: tests/test_dateline_14.py); the other texts carry
  none, and each row gives the day a `--date` would, chosen from what the
  text says (022: 据江苏省卫健委8月9日通报; 009: 昨（廿五）日 and 聖誕節) or
  a day its figures fit: the rows test the resolving, not the date.
- PERIODS_WRITTEN: the forms issue 14 lists, written for this file.
- NO_PERIOD: times that stay None by decision, with a date given.
- SAME_PERIOD: 同期 with the time it is compared with.
A new form goes into PERIODS_WRITTEN; a bug found in review into
PERIODS_BUGS_CAUGHT, where each row failed before its fix.
"""
from __future__ import annotations

import calendar
import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.core import lexicon, period
from newsfacts.core.period import resolve

D = datetime.date

Row = tuple[str, D | None, str | None]

PERIODS_DEV: dict[str, list[Row]] = {
    "001_yangtze-port-throughput": [
        ("1-7月", D(2023, 8, 9), "2023-01/2023-07"),
        ("今年1-7月", D(2023, 8, 9), "2023-01/2023-07"),
        ("今年以来", D(2023, 8, 9), "2023-01-01/2023-08-09"),
    ],
    "002_guangdong-jan-feb-economy": [
        ("1-2月", D(2021, 3, 22), "2021-01/2021-02"),
        ("1-2月份", D(2021, 3, 22), "2021-01/2021-02"),
        ("2019年", D(2021, 3, 22), "2019"),
        # 同期 without the time it is compared with: SAME_PERIOD has them with it.
        ("上年同期", D(2021, 3, 22), None),
        ("2020年同期", D(2021, 3, 22), None),
        # 2013-2018年同期: the same months of each of six years, no one period.
        ("2013-2018年同期", D(2021, 3, 22), None),
    ],
    "003_eastmoney-securities-h1-earnings": [
        ("上半年", D(2022, 8, 10), "2022-01/2022-06"),
        ("今年上半年", D(2022, 8, 10), "2022-01/2022-06"),
        ("2022年上半年", D(2022, 8, 10), "2022-01/2022-06"),
        ("2019年一季度", D(2022, 8, 10), "2019-01/2019-03"),
        ("今年以来", D(2022, 8, 10), "2022-01-01/2022-08-10"),
        ("目前", D(2022, 8, 10), None),
    ],
    "004_fake-doctor-romance-fraud": [
        ("2021年12月6日下午", D(2022, 1, 20), "2021-12-06"),
        ("2021年下半年起", D(2022, 1, 20), None),  # from then on: no end
    ],
    "005_hk-typhoon-mindulle-taiwan-losses": [
        ("昨日", D(2004, 7, 3), "2004-07-02"),
        ("昨日上午", D(2004, 7, 3), "2004-07-02"),
        ("至今", D(2004, 7, 3), None),
        ("目前", D(2004, 7, 3), None),
    ],
    "006_hk-fake-longjing-tea-guizhou": [
        ("今年3月1日", D(2004, 4, 5), "2004-03-01"),
        ("今年3月", D(2004, 4, 5), "2004-03"),
        ("3月5日", D(2004, 4, 5), "2004-03-05"),
        ("3月25日", D(2004, 4, 5), "2004-03-25"),
    ],
    "007_hk-sars-report-accountability": [
        ("去年3月27日", D(2004, 7, 5), "2003-03-27"),
        ("去年3月15日至24日", D(2004, 7, 5), "2003-03-15/2003-03-24"),
        ("去年3月10日", D(2004, 7, 5), "2003-03-10"),
        ("3月8日", D(2004, 7, 5), "2004-03-08"),
        ("疫症期間", D(2004, 7, 5), None),
        ("爆發首3天", D(2004, 7, 5), None),
    ],
    "008_tw-aids-male-patients-survey": [
        ("自民國八十六年九月到九十年六月止", D(2001, 12, 1), "1997-09/2001-06"),
        ("自民國八十六年九月到九十年六月止", None, "1997-09/2001-06"),
        ("到今年十一月止", D(2001, 12, 1), "2001-11"),
    ],
    "009_tw-ntd-fx-and-stock-rally": [
        ("昨（廿五）日", D(2001, 12, 26), "2001-12-25"),
        ("昨日", D(2001, 12, 26), "2001-12-25"),
        ("廿五日", D(2001, 12, 26), "2001-12-25"),
        ("上週五", D(2001, 12, 26), "2001-12-21"),
        ("明年", D(2001, 12, 26), "2002"),
        ("年底前", D(2001, 12, 26), None),  # before the year's end: when, not said
        ("盤中", D(2001, 12, 26), None),
    ],
    "010_tw-freeway-toll-stations": [
        # 明（二十）日凌晨零時起 in an article of the 19th: a bare 二十日 after
        # the document's day is this month's coming day or last month's.
        ("二十日凌晨零時", D(2004, 2, 19), None),
        ("二十日凌晨零時", D(2004, 2, 21), "2004-02-20"),
        ("過年期間", D(2004, 2, 19), None),
        ("春節", D(2004, 2, 19), None),
        ("大年初二起", D(2004, 2, 19), None),
        ("日前", D(2004, 2, 19), None),
        ("平日", D(2004, 2, 19), None),
        ("平日與例假日上午六時至晚上十時", D(2004, 2, 19), None),
        ("平常日與假日全日", D(2004, 2, 19), None),
        ("平常日尖峰", D(2004, 2, 19), None),
        ("假日全日", D(2004, 2, 19), None),
        ("離峰", D(2004, 2, 19), None),
    ],
    "011_tw-asian-games-basketball-table-tennis-fullwidth": [
        ("昨日", D(2002, 10, 3), "2002-10-02"),
    ],
    "012_tw-department-store-anniversary-sales-fullwidth": [
        ("今年", D(2002, 11, 4), "2002"),
        ("周年慶", D(2002, 11, 4), None),
        ("開戰當天", D(2002, 11, 4), None),
        ("開戰日", D(2002, 11, 4), None),
    ],
    "013_tw-tennis-srichaphan-prize-fullwidth": [
        ("６月底", D(2002, 8, 20), "2002-06-30"),
        ("３月", D(2002, 8, 20), "2002-03"),
        ("１９８９", D(2002, 8, 20), "1989"),
        ("昨天", D(2002, 8, 20), "2002-08-19"),
        ("今年", D(2002, 8, 20), "2002"),
    ],
    "014_may-day-holiday-tourism": [
        ("今年“五一”", D(2021, 5, 6), "2021-05-01"),
        ("今年", D(2021, 5, 6), "2021"),
        # The holiday's days (2021: 5月1日至5日) are the State Council's, not written here.
        ("“五一”假期", D(2021, 5, 6), None),
        ("五一假期", D(2021, 5, 6), None),
        ("“五一”节期间", D(2021, 5, 6), None),
        ("今年“五一”期间", D(2021, 5, 6), None),
        ("“五一”黄金周", D(2021, 5, 6), None),
        ("“五一”节前", D(2021, 5, 6), None),
    ],
    "015_peoples-daily-2000-top-ten-domestic-news": [
        ("11月9日", D(2000, 12, 31), "2000-11-09"),
        ("11月8日", D(2000, 12, 31), "2000-11-08"),
        ("12月17日", D(2000, 12, 31), "2000-12-17"),
        ("9月15日至10月1日", D(2000, 12, 31), "2000-09-15/2000-10-01"),
        ("今年", D(2000, 12, 31), "2000"),
        ("今冬明春", D(2000, 12, 31), None),
    ],
    "016_peoples-daily-2000-beijing-income-tax-harbin-ice": [
        ("截至12月30日", D(2000, 12, 31), "2000-12-30"),
        ("2000年", None, "2000"),
        ("目前", D(2000, 12, 31), None),
    ],
    "017_xian-industrial-energy-consumption": [
        ("1-4月", D(2021, 5, 20), "2021-01/2021-04"),
        ("4月当月", D(2021, 5, 20), "2021-04"),
        ("去年同期", D(2021, 5, 20), None),  # see SAME_PERIOD
    ],
    "018_a-share-3500-fund-returns": [
        ("2018年1月22日以来", D(2021, 8, 16), "2018-01-22/2021-08-16"),
        ("2015年12月16日以来", D(2021, 8, 16), "2015-12-16/2021-08-16"),
        ("2018年1月22日以来", None, None),  # up to the document's day, not known
        ("2018年1月22日", None, "2018-01-22"),
        ("2015年12月16日", None, "2015-12-16"),
        ("2018年1月22日至2021年8月13日", None, "2018-01-22/2021-08-13"),
        ("2018年底", None, "2018-12-31"),
        ("2018年一月份", None, "2018-01"),
        ("2018年1月", None, "2018-01"),
        ("2021年1月份", None, "2021-01"),
        ("2017年3月10日", None, "2017-03-10"),
        ("2015年6月12日", None, "2015-06-12"),
        ("8月13日", D(2021, 8, 16), "2021-08-13"),
        ("二季度末", D(2021, 8, 16), "2021-06-30"),
        ("2月份", D(2021, 8, 16), "2021-02"),
        ("近6年", D(2021, 8, 16), None),
        ("历史上", D(2021, 8, 16), None),
    ],
    "019_graduates-2022-job-survey": [
        ("2022年毕业季", D(2022, 6, 10), None),  # part of 2022, not all of it
    ],
    "020_xinghua-fish-industry-rural": [
        ("全年", D(2023, 8, 1), "2023"),
        ("截至目前", D(2023, 8, 1), None),
        ("现在", D(2023, 8, 1), None),
        ("早上7点", D(2023, 8, 1), None),
        ("一早", D(2023, 8, 1), None),
    ],
    "021_peoples-daily-2025-new-development-philosophy": [
        ("今天", D(2025, 10, 21), "2025-10-21"),
        ("去年", D(2025, 10, 21), "2024"),
        ("今年前三季度", D(2025, 10, 21), "2025-01/2025-09"),
        ("“十四五”前4年", None, "2021/2024"),
        ("2025年", None, "2025"),
        ("2024年11月", None, "2024-11"),
        ("前4年", D(2025, 10, 21), None),  # the first four years of what is not said here
        ("如今", D(2025, 10, 21), None),
        ("目前", D(2025, 10, 21), None),
        ("新时代以来", D(2025, 10, 21), None),
        ("“百千万工程”实施以来", D(2025, 10, 21), None),
    ],
    "022_nanjing-covid-zero-new-cases": [
        ("7月20日以来", D(2021, 8, 9), "2021-07-20/2021-08-09"),
        ("8月8日", D(2021, 8, 9), "2021-08-08"),
        ("7月27日", D(2021, 8, 9), "2021-07-27"),
        ("7月20日", D(2021, 8, 9), "2021-07-20"),
        ("8月2日起", D(2021, 8, 9), None),
    ],
    "023_q1-2021-property-sales-land-prices": [
        ("1-3月", D(2021, 4, 16), "2021-01/2021-03"),
        ("1-3月份", D(2021, 4, 16), "2021-01/2021-03"),
        ("2020年1-3月", None, "2020-01/2020-03"),
        ("今年", D(2021, 4, 16), "2021"),
    ],
    "024_catl-zeng-yuqun-wealth-battery": [
        ("今年上半年", D(2021, 7, 10), "2021-01/2021-06"),
        ("7月9日", D(2021, 7, 10), "2021-07-09"),
        ("7月8日", D(2021, 7, 10), "2021-07-08"),
        ("6月25日", D(2021, 7, 10), "2021-06-25"),
        ("截至当日下午4时", D(2021, 7, 10), None),  # 当日 refers to a day named before
    ],
    "025_hk-surplus-teachers-hunger-strike": [
        ("昨午3時", D(2004, 7, 6), "2004-07-05"),
        ("昨午", D(2004, 7, 6), "2004-07-05"),
        ("昨", D(2004, 7, 6), "2004-07-05"),
        ("過去一年", D(2004, 7, 6), None),
        ("現時", D(2004, 7, 6), None),
        ("自成為超額教師後", D(2004, 7, 6), None),
    ],
    "027_tw-imperial-banquet-prices-chinese-numerals": [
        ("一九八四年", None, "1984"),
        ("一九八五年", None, "1985"),
        # 十一日登場的盛宴, 屆時: a coming day, after the document's.
        ("十一日", D(2002, 12, 9), None),
        ("清朝", D(2002, 12, 9), None),
        ("當時", D(2002, 12, 9), None),
        ("現年", D(2002, 12, 9), None),
    ],
    "028_sanyuanpu-township-profile-local-gov": [
        ("2020年", None, "2020"),
        ("开航以来", D(2021, 6, 1), None),
        ("目前", D(2021, 6, 1), None),
    ],
    "029_cctv-2021-sixteen-economic-figures-headlines": [
        ("2021", None, "2021"),
        ("2021年", None, "2021"),
        ("1-11月", D(2021, 12, 28), "2021-01/2021-11"),
        ("前11月", D(2021, 12, 28), "2021-01/2021-11"),
    ],
    "030_typhoon-in-fa-storm-surge-warning": [
        ("7月23日中午到24日中午", D(2021, 7, 23), "2021-07-23/2021-07-24"),
        ("7月23日上午至24日中午", D(2021, 7, 23), "2021-07-23/2021-07-24"),
        ("今天7时", D(2021, 7, 23), "2021-07-23"),
    ],
    "zhuzhou-daily-2024-01": [
        ("去年", D(2024, 1, 31), "2023"),
        ("2023年", None, "2023"),
        ("去年9月", D(2024, 1, 31), "2023-09"),
        ("去年10月", D(2024, 1, 31), "2023-10"),
        ("今年", D(2024, 1, 31), "2024"),
        ("1月30日清晨", D(2024, 1, 31), "2024-01-30"),
        ("1月24日", D(2024, 1, 31), "2024-01-24"),
        ("近年来", D(2024, 1, 31), None),
        ("曾经", D(2024, 1, 31), None),
        ("如今", D(2024, 1, 31), None),
        ("到目前", D(2024, 1, 31), None),
    ],
}

DAY = D(2024, 8, 26)  # a Monday

PERIODS_WRITTEN: list[Row] = [
    ("2023年", None, "2023"),
    ("二〇二三年", None, "2023"),
    ("２０２３年", None, "2023"),
    ("二○二三年", None, "2023"),  # ○, the circle, folded to the digit 〇
    ("2024年1-4月", None, "2024-01/2024-04"),
    ("1-4月", DAY, "2024-01/2024-04"),
    ("1—4月", DAY, "2024-01/2024-04"),
    ("1–4月", DAY, "2024-01/2024-04"),
    ("1至4月", DAY, "2024-01/2024-04"),
    ("1~4月", DAY, "2024-01/2024-04"),
    ("1～4月", DAY, "2024-01/2024-04"),
    ("１－４月", DAY, "2024-01/2024-04"),
    ("1月至4月", DAY, "2024-01/2024-04"),
    ("1-4月份", DAY, "2024-01/2024-04"),
    ("一至四月", DAY, "2024-01/2024-04"),
    ("2024年1月至2025年3月", None, "2024-01/2025-03"),
    ("2022年上半年", None, "2022-01/2022-06"),
    ("2022年下半年", None, "2022-07/2022-12"),
    ("2024年一季度", None, "2024-01/2024-03"),
    ("2024年第二季度", None, "2024-04/2024-06"),
    ("2024年3季度", None, "2024-07/2024-09"),
    ("2024年四季度", None, "2024-10/2024-12"),
    ("首季", DAY, "2024-01/2024-03"),
    ("前三季度", DAY, "2024-01/2024-09"),
    ("前5个月", DAY, "2024-01/2024-05"),
    ("前两个月", DAY, "2024-01/2024-02"),
    ("头两个月", DAY, "2024-01/2024-02"),
    ("2024年3月9日", None, "2024-03-09"),
    ("2024年3月9号", None, "2024-03-09"),
    ("二〇二四年三月九日", None, "2024-03-09"),
    ("2021年5月1日至5日", None, "2021-05-01/2021-05-05"),
    ("截至6月底", DAY, "2024-06-30"),
    ("截止6月底", DAY, "2024-06-30"),
    ("截至6月", DAY, "2024-06"),
    ("截至2023年末", None, "2023-12-31"),
    ("到2025年", None, "2025"),
    ("到2025年底", None, "2025-12-31"),
    ("截至今年6月底", DAY, "2024-06-30"),
    ("1-12月", DAY, "2024"),
    ("截至2月底", D(2023, 3, 1), "2023-02-28"),
    ("去年", DAY, "2023"),
    ("上年", DAY, "2023"),
    ("前年", DAY, "2022"),
    ("今年", DAY, "2024"),
    ("明年", DAY, "2025"),
    ("上月", DAY, "2024-07"),
    ("上月", D(2024, 1, 15), "2023-12"),
    ("本月", DAY, "2024-08"),
    ("上半年", DAY, "2024-01/2024-06"),
    ("下半年", DAY, "2024-07/2024-12"),
    ("四季度", DAY, "2024-10/2024-12"),
    ("年底", DAY, "2024-12-31"),
    ("年末", DAY, "2024-12-31"),
    ("去年底", DAY, "2023-12-31"),
    ("年初", DAY, "2024-01-01"),
    ("月底", DAY, "2024-08-31"),
    ("6月下旬", DAY, "2024-06-21/2024-06-30"),
    ("2月下旬", DAY, "2024-02-21/2024-02-29"),
    ("全年", DAY, "2024"),
    ("年内", DAY, "2024"),
    ("昨日", DAY, "2024-08-25"),
    ("昨天", DAY, "2024-08-25"),
    ("今天", DAY, "2024-08-26"),
    ("今日", DAY, "2024-08-26"),
    ("前天", DAY, "2024-08-24"),
    ("明日", DAY, "2024-08-27"),
    ("昨晚", DAY, "2024-08-25"),
    ("昨（廿五）日", DAY, "2024-08-25"),
    ("昨（卅一）日", D(2024, 4, 1), "2024-03-31"),
    ("今天（23日）", D(2021, 7, 23), "2021-07-23"),
    ("明（二十）日", D(2004, 2, 19), "2004-02-20"),
    ("上周五", DAY, "2024-08-23"),
    ("本周", DAY, "2024-08-26/2024-09-01"),
    ("下星期一", DAY, "2024-09-02"),
    ("民國九十年", None, "2001"),
    ("民国元年", None, "1912"),
    ("中華民國90年6月20日", None, "2001-06-20"),
    ("民國八十六年九月", None, "1997-09"),
    ("平成元年", None, "1989"),
    ("公元618年", None, "0618"),
    ("十一月", DAY, None),  # after August, with no year: see NO_PERIOD
    ("今年十一月", DAY, "2024-11"),
    ("廿五日", DAY, "2024-08-25"),
    ("5月以来", DAY, "2024-05-01/2024-08-26"),
    ("去年以来", DAY, "2023-01-01/2024-08-26"),
    ("自2020年9月到今年6月止", DAY, "2020-09/2024-06"),
    ("从2020年到2021年6月", None, "2020-01-01/2021-06-30"),
    ("2013-2018年", None, "2013/2018"),
    ("元旦", DAY, "2024-01-01"),
    ("“五一”", DAY, "2024-05-01"),
    ("五一节", DAY, "2024-05-01"),
    ("“十一”", DAY, "2024-10-01"),
    ("国庆节", DAY, "2024-10-01"),
    ("2021年“五一”", None, "2021-05-01"),
    ("“十四五”", None, "2021/2025"),
    ("“十四五”期间", None, "2021/2025"),
    ("“十五”", None, "2001/2005"),
    ("2022年1月至2025年12月期间", None, "2022-01/2025-12"),
    ("2024年2月29日", None, "2024-02-29"),
]

NO_PERIOD: list[tuple[str, D | None]] = [
    ("近年来", DAY), ("历史上", DAY), ("清朝", DAY), ("近日", DAY), ("近期", DAY),
    # 目前, 如今, 现在, 至今: "now" is some days before the document's date.
    ("目前", DAY), ("如今", DAY), ("现在", DAY), ("至今", DAY), ("截至目前", DAY),
    ("春节", DAY), ("中秋", DAY),  # lunar
    ("“五一”假期", DAY), ("国庆黄金周", DAY),
    ("2023年度", DAY),  # a financial year in Hong Kong runs April to March
    ("九十年", DAY), ("九十年六月", DAY),  # no era: 1990, or 民国90年?
    ("光绪二十年", DAY),  # lunar years
    ("公元前221年", DAY), ("1990年代", DAY), ("90年代", DAY),
    ("8月2日起", DAY), ("自2020年", DAY), ("年底前", DAY), ("“五一”节前", DAY),
    ("12月", D(2024, 3, 10)),  # this year's plan or last year's figure
    ("12月17日", D(2024, 3, 10)), ("9月15日至10月1日", D(2024, 3, 10)),
    ("截至6月底", D(2024, 3, 10)),
    ("2月30日", DAY), ("13月", DAY), ("2023年2月29日", None), ("32日", DAY),
    ("昨（八）日", DAY),  # the 8th is not near the day before the 26th
    ("同期", DAY), ("当月", DAY), ("当时", DAY), ("同年", DAY),
    ("2022年毕业季", DAY), ("旺季", DAY), ("周五", DAY), ("上午", DAY), ("期间", DAY), ("底", DAY),
    ("6月止", DAY), ("截至2020年1月至3月", DAY), ("前13个月", DAY), ("前0个月", DAY),
    ("4-1月", DAY), ("2021年到2020年", None),
    ("", DAY), ("   ", DAY), ("年", None), ("Q1", DAY), ("2024-05-08", DAY),
]

# (time, compared with, document date, expected)
SAME_PERIOD: list[tuple[str, str | None, D | None, str | None]] = [
    ("去年同期", "1-4月", D(2021, 5, 20), "2020-01/2020-04"),  # 017
    ("上年同期", "1-2月", D(2021, 3, 22), "2020-01/2020-02"),  # 002
    ("2020年同期", "1-2月", D(2021, 3, 22), "2020-01/2020-02"),  # 002
    ("同期", "1-3月", D(2021, 4, 16), "2021-01/2021-03"),  # 023: 同期房企购置土地, the same months
    ("前年同期", "今年上半年", D(2024, 8, 26), "2022-01/2022-06"),
    ("去年同期", "2024年2月29日", D(2024, 3, 1), None),  # no 29 February in 2023
    ("去年同期", "1-4月", None, None),
    ("同期", None, DAY, None),
    ("去年同期", "目前", DAY, None),
    ("2020年同期", "2023年12月至2024年2月", DAY, None),  # a winter across two years
    ("2013-2018年同期", "1-2月", DAY, None),
]

PERIODS_BUGS_CAUGHT: list[Row] = [
    # A lone 期间 or 底 once took the document's whole year.
    ("期间", DAY, None),
    ("初", DAY, None),
    # 公元0年 once read as "no year written" and took the document's.
    ("公元0年", DAY, None),
]


def _dev_rows() -> list[object]:
    return [pytest.param(time, day, expected, id=f"{source}: {time} @ {day}")
            for source, rows in PERIODS_DEV.items() for time, day, expected in rows]


@pytest.mark.parametrize("time, day, expected", _dev_rows())
def test_dev_times(time: str, day: D | None, expected: str | None) -> None:
    assert resolve(time, day) == expected


@pytest.mark.parametrize("time, day, expected", PERIODS_WRITTEN + PERIODS_BUGS_CAUGHT,
                         ids=[f"{time} @ {day}" for time, day, _ in PERIODS_WRITTEN + PERIODS_BUGS_CAUGHT])
def test_written_forms(time: str, day: D | None, expected: str | None) -> None:
    assert resolve(time, day) == expected


@pytest.mark.parametrize("time, day", NO_PERIOD, ids=[f"{time} @ {day}" for time, day in NO_PERIOD])
def test_no_period(time: str, day: D | None) -> None:
    assert resolve(time, day) is None


@pytest.mark.parametrize("time, compared, day, expected", SAME_PERIOD,
                         ids=[f"{time} ~ {compared} @ {day}" for time, compared, day, _ in SAME_PERIOD])
def test_same_period(time: str, compared: str | None, day: D | None, expected: str | None) -> None:
    assert resolve(time, day, compared_with=compared) == expected


def test_none_is_none() -> None:
    assert resolve(None, DAY) is None


# The data file (lexicons/period_words.tsv) itself.
KINDS_VALUES = {
    "year": r"-?\d", "month": r"-?\d", "day": r"-?\d", "bracket_day": r"-?\d",
    "months": r"\d{1,2}-\d{1,2}", "days": r"\d{1,2}-\d{1,2}", "edge": r"start|end", "festival": r"\d\d-\d\d",
    "holiday": r"day|span", "during": "-", "era": r"\d{1,4}", "opening": r"until|from", "same_period": "-",
    "part_of_day": "-", "vague": "-",
}


def test_every_row_has_a_known_kind_and_a_value_of_its_form() -> None:
    for row in lexicon.rows("period_words.tsv"):
        assert len(row) == 3, row
        _word, kind, value = row
        assert kind in KINDS_VALUES, row
        assert re.fullmatch(KINDS_VALUES[kind], value), row


def test_ranges_and_festival_days_are_dates() -> None:
    for word, kind, value in lexicon.rows("period_words.tsv"):
        if kind in ("months", "days"):
            first, last = map(int, value.split("-"))
            assert 1 <= first <= last <= (12 if kind == "months" else 31), word
        if kind == "festival":
            month, day = map(int, value.split("-"))
            assert 1 <= day <= calendar.monthrange(2023, month)[1], word  # on its day every year


def test_a_word_means_one_thing() -> None:
    # bracket_day words are matched only before a bracket (昨（廿五）日), apart from the others.
    seen: dict[str, str] = {}
    for word, kind, _value in lexicon.rows("period_words.tsv"):
        if kind != "bracket_day":
            assert seen.setdefault(word, kind) == kind, (word, kind, seen[word])


def test_every_time_opening_has_a_meaning() -> None:
    # An opening that times.py starts a time with (word_lists.tsv) must say here how it runs.
    openings = set(period.words()["opening"])
    assert set(lexicon.word_list("time_openings")) == openings


@pytest.mark.parametrize("word", sorted(period.words()["vague"]))
def test_vague_words_have_no_period(word: str) -> None:
    assert resolve(word, DAY) is None
    assert resolve("今年" + word, DAY) is None


def test_the_examples_of_issue_14() -> None:
    assert resolve("2023年", None) == "2023"
    assert resolve("2024年1-4月", None) == "2024-01/2024-04"
    assert resolve("2022年上半年", None) == "2022-01/2022-06"
    assert resolve("2021年5月1日至5日", None) == "2021-05-01/2021-05-05"
    assert resolve("2024年一季度", None) == "2024-01/2024-03"


# Properties.
RELATIVE_YEARS = ["去年", "今年", "上年", "本年", "前年", "明年", "后年"]
# Forms that take their year from the document's when none is written.
WITHOUT_YEAR = ["", "上半年", "下半年", "一季度", "第三季度", "前三季度", "前5个月", "1-4月", "1至4月", "1月至4月",
                "3月", "十一月", "3月15日", "3月15日至24日", "年底", "年初", "6月底", "二季度末", "全年", "“五一”",
                "元旦", "下旬", "3月下旬", "4月当月"]
DAY_WORDS = ["昨日", "昨天", "今天", "今日", "前天", "明日", "昨", "昨晚", "昨（廿五）日", "今天（23日）", "上周五", "本周",
             "上月", "本月", "月底", "廿五日", "15日", "二十日凌晨零時"]
SUFFIXES = ["", "以来", "上午", "期间"]
OPENINGS = [("", ""), ("截至", ""), ("到", "止"), ("自", "以来")]


@st.composite
def relative_times(draw: st.DrawFn) -> str:
    opening, closing = draw(st.sampled_from(OPENINGS))
    body = draw(st.one_of(
        st.builds(lambda year, form: year + form, st.sampled_from(RELATIVE_YEARS), st.sampled_from(WITHOUT_YEAR + ["同期"])),
        st.sampled_from(WITHOUT_YEAR[1:] + DAY_WORDS),
        # a range whose other end is relative: 2020年9月到今年6月, 1-3月至今天
        st.builds(lambda year, form: f"2020年9月到{year}{form}", st.sampled_from(RELATIVE_YEARS),
                  st.sampled_from(WITHOUT_YEAR)),
    ))
    return opening + body + draw(st.sampled_from(SUFFIXES)) + closing


@settings(max_examples=1000, deadline=None)
@given(relative_times(), st.sampled_from([None, "1-4月", "2020年1-3月", "今年上半年"]))
def test_a_relative_time_without_a_document_date_has_no_period(time: str, compared: str | None) -> None:
    assert resolve(time, None, compared_with=compared) is None


_ISO_POINT = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _ends(text: str) -> tuple[D, D]:
    """The first and the last day PERIOD covers; fails unless it is ISO 8601."""
    parts = text.split("/")
    assert 1 <= len(parts) <= 2, text
    firsts, lasts = [], []
    for part in parts:
        match = _ISO_POINT.fullmatch(part)
        assert match, text
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if day is not None:
            assert month is not None
            first = last = D.fromisoformat(part)
        elif month is not None:
            assert 1 <= month <= 12, text
            first, last = D(year, month, 1), D(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = D(year, 1, 1), D(year, 12, 31)
        firsts.append(first)
        lasts.append(last)
    if len(parts) == 2:
        assert len(parts[0]) == len(parts[1]), f"{text}: ends of different precision"
    return firsts[0], lasts[-1]


ANY_FORM = relative_times() | st.sampled_from(
    [time for rows in PERIODS_DEV.values() for time, _, _ in rows] + [time for time, _, _ in PERIODS_WRITTEN]
    + [time for time, _ in NO_PERIOD])
TIME_ALPHABET = "0123456789０１２３４５６７８９〇一二三四五六七八九十廿卅年月日号份季度上下半前后今去明昨本底初末旬至到-—~（）“”五一民国以来止截自从同期周"


@settings(max_examples=2000, deadline=None)
@given(ANY_FORM | st.text(alphabet=TIME_ALPHABET, max_size=14),
       st.dates(min_value=D(1901, 1, 1), max_value=D(2100, 12, 31)) | st.none(),
       st.sampled_from([None, "1-4月", "2020年1-3月"]))
def test_a_period_is_iso_8601_and_starts_before_it_ends(time: str, day: D | None, compared: str | None) -> None:
    found = resolve(time, day, compared_with=compared)
    if found is not None:
        first, last = _ends(found)
        assert first <= last, (time, day, found)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.dates() | st.none(), st.text(max_size=10) | st.none())
def test_any_text_and_any_date_never_raise(time: str, day: D | None, compared: str | None) -> None:
    found = resolve(time, day, compared_with=compared)
    if found is not None:
        _ends(found)


def _chinese(n: int) -> str:
    """1..31 in Chinese numerals, written independently of the reader: 十一, 二十五, 三十一."""
    digits = "一二三四五六七八九"
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else digits[tens - 1] + "十"
    return head + (digits[ones - 1] if ones else "")


def _chinese_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(ch)] for ch in f"{year:04d}")


@settings(max_examples=1000, deadline=None)
@given(st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)), st.dates() | st.none(), st.booleans())
def test_a_written_date_is_its_day_whatever_the_document_date(written: D, day: D | None, chinese: bool) -> None:
    if chinese:
        time = f"{_chinese_year(written.year)}年{_chinese(written.month)}月{_chinese(written.day)}日"
    else:
        time = f"{written.year}年{written.month}月{written.day}日"
    assert resolve(time, day) == written.isoformat()


@settings(max_examples=1000, deadline=None)
@given(st.integers(1912, 2100), st.integers(1, 12), st.integers(1, 12))
def test_roc_years_and_month_ranges(year: int, first: int, last: int) -> None:
    roc = year - 1911
    if (first, last) == (1, 12):
        expected: str | None = str(year)  # January to December is the year
    elif first < last:
        expected = f"{year}-{first:02d}/{year}-{last:02d}"
    else:
        expected = f"{year}-{first:02d}" if first == last else None
    assert resolve(f"民国{_chinese(roc) if roc <= 99 else roc}年{first}-{last}月", None) == expected
