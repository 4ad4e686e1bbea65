"""Conversion to canonical units (core/convert.py, lexicons/conversions.tsv).

FACTORS holds every row of conversions.tsv with its factor derived here
from the definitions the test writes out itself (the yard, the pound, the
US gallon as 231 cubic inches, 亩 as 60 square 丈), not copied from the
file: a typo in the data file fails, and so does a row the table lacks.
A new row of conversions.tsv needs its row here. EXAMPLES are the units
of the dev gold files (data/dev/gold), as the extractor writes them
(traditional forms included), with the value a reader would expect.
"""
from __future__ import annotations

from decimal import MAX_PREC, Context, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsfacts.claim import Kind
from newsfacts.core import lexicon
from newsfacts.core.convert import PRECISION, Normalised, normalise, to_decimal
from newsfacts.core.normalize import fold

F = Fraction

# Definitions, each from its own statute or standard.
YARD = F("0.9144")  # international yard, 1959
FOOT = YARD / 3
INCH = FOOT / 12
MILE = 1760 * YARD
POUND = F("0.45359237")  # international pound, 1959
OUNCE = POUND / 16
TROY_OUNCE = POUND * 12 / 175
US_GALLON = 231 * INCH**3
IMPERIAL_GALLON = F("4.54609") / 1000  # 4.54609 litres
SHI_CHI = F(1, 3)  # 市尺, in metres
ZHANG = 10 * SHI_CHI
MU = 60 * ZHANG**2  # 1亩 = 60 平方丈
TW_CHI = F(10, 33)  # 台尺, the Japanese shaku
PING = (6 * TW_CHI) ** 2  # 1坪 = 6 台尺 square
HK_CATTY = F("0.60478982")
HK_CHEK = F("0.371475")
LIGHT_YEAR = 299_792_458 * 86_400 * F("365.25")  # c × a Julian year
JOULE_IN_KWH = F(1, 3_600_000)
CALORIE_IT = F("4.1868")  # joules
STANDARD_GRAVITY = F("9.80665")
DAY = 1
HOUR = F(DAY, 24)
MINUTE = HOUR / 60
SECOND = MINUTE / 60

WEIGHT = {
    "公斤": 1, "千克": 1, "kg": 1, "克": F(1, 1000), "公克": F(1, 1000), "g": F(1, 1000), "毫克": F(1, 10**6),
    "mg": F(1, 10**6), "微克": F(1, 10**9), "吨": 1000, "公吨": 1000, "t": 1000, "载重吨": 1000, "公担": 100,
    "克拉": F(1, 5000), "磅": POUND, "盎司": OUNCE, "金衡盎司": TROY_OUNCE, "英吨": 2240 * POUND,
    "短吨": 2000 * POUND, "市斤": F(1, 2), "斤": F(1, 2), "台斤": F(6, 10), "市两": F(1, 20), "两": F(1, 20),
    "台两": F(6, 10) / 16, "市担": 50, "担": 50,
}
LENGTH = {
    "米": 1, "公尺": 1, "m": 1, "延长米": 1, "分米": F(1, 10), "厘米": F(1, 100), "公分": F(1, 100), "cm": F(1, 100),
    "毫米": F(1, 1000), "mm": F(1, 1000), "微米": F(1, 10**6), "纳米": F(1, 10**9), "公里": 1000, "千米": 1000,
    "km": 1000, "英里": MILE, "哩": MILE, "海里": 1852, "浬": 1852, "码": YARD, "英尺": FOOT, "呎": FOOT,
    "英寸": INCH, "吋": INCH, "光年": LIGHT_YEAR, "市尺": SHI_CHI, "尺": SHI_CHI, "台尺": TW_CHI,
    "市寸": SHI_CHI / 10, "寸": SHI_CHI / 10, "丈": ZHANG, "里": 1500 * SHI_CHI,
}
AREA = {
    "平方米": 1, "平米": 1, "平方公尺": 1, "m²": 1, "㎡": 1, "平方厘米": F(1, 10**4), "平方公里": 10**6,
    "平方千米": 10**6, "km²": 10**6, "公顷": 10**4, "公亩": 100, "亩": MU, "市亩": MU, "平方英尺": FOOT**2,
    "平方呎": FOOT**2, "平方英寸": INCH**2, "平方码": YARD**2, "英亩": 4840 * YARD**2, "平方英里": MILE**2, "坪": PING,
}
VOLUME = {
    "立方米": 1, "立方公尺": 1, "方": 1, "m³": 1, "立方厘米": F(1, 10**6), "立方公里": 10**9, "升": F(1, 1000),
    "公升": F(1, 1000), "L": F(1, 1000), "毫升": F(1, 10**6), "ml": F(1, 10**6), "立方英尺": FOOT**3,
    "加仑": US_GALLON, "美加仑": US_GALLON, "英加仑": IMPERIAL_GALLON, "桶": 42 * US_GALLON,
}
ENERGY = {
    "千瓦时": 1, "千瓦小时": 1, "kWh": 1, "度": 1, "度电": 1, "瓦时": F(1, 1000), "Wh": F(1, 1000), "兆瓦时": 1000,
    "MWh": 1000, "吉瓦时": 10**6, "GWh": 10**6, "太瓦时": 10**9, "TWh": 10**9, "焦耳": JOULE_IN_KWH,
    "焦": JOULE_IN_KWH, "J": JOULE_IN_KWH, "千焦": 1000 * JOULE_IN_KWH, "kJ": 1000 * JOULE_IN_KWH,
    "兆焦": 10**6 * JOULE_IN_KWH, "MJ": 10**6 * JOULE_IN_KWH, "吉焦": 10**9 * JOULE_IN_KWH,
    "GJ": 10**9 * JOULE_IN_KWH, "千卡": 1000 * CALORIE_IT * JOULE_IN_KWH, "大卡": 1000 * CALORIE_IT * JOULE_IN_KWH,
    "kcal": 1000 * CALORIE_IT * JOULE_IN_KWH, "卡": CALORIE_IT * JOULE_IN_KWH,
}
POWER = {
    "瓦": F(1, 1000), "瓦特": F(1, 1000), "W": F(1, 1000), "千瓦": 1, "瓩": 1, "kW": 1, "兆瓦": 1000, "MW": 1000,
    "吉瓦": 10**6, "GW": 10**6, "太瓦": 10**9, "TW": 10**9, "马力": 75 * STANDARD_GRAVITY / 1000,
}
DURATION_DAYS = {
    "毫秒": SECOND / 1000, "秒": SECOND, "秒钟": SECOND, "分钟": MINUTE, "小时": HOUR, "个小时": HOUR, "钟头": HOUR,
    "个钟头": HOUR, "时": HOUR, "天": DAY, "日": DAY, "昼夜": DAY, "工作日": DAY, "个工作日": DAY, "周": 7 * DAY,
    "星期": 7 * DAY, "个星期": 7 * DAY, "礼拜": 7 * DAY, "个礼拜": 7 * DAY,
}
DURATION_MONTHS = {"月": 1, "个月": 1, "季度": 3, "个季度": 3, "年": 12, "个年头": 12, "周年": 12}
BYTES = {
    "字节": 1, "B": 1, "千字节": 1000, "KB": 1000, "兆字节": 1000**2, "MB": 1000**2, "吉字节": 1000**3,
    "GB": 1000**3, "TB": 1000**4, "PB": 1000**5, "EB": 1000**6, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30,
    "TiB": 2**40, "比特": F(1, 8), "千比特": F(1000, 8),
}

# (unit, kind, region) -> (canonical unit, factor, offset)
FACTORS: dict[tuple[str, str, str], tuple[str, Fraction, Fraction]] = {
    **{(unit, "weight", "-"): ("kg", F(f), F(0)) for unit, f in WEIGHT.items()},
    ("斤", "weight", "HK"): ("kg", HK_CATTY, F(0)),
    ("斤", "weight", "TW"): ("kg", F(6, 10), F(0)),
    ("两", "weight", "HK"): ("kg", HK_CATTY / 16, F(0)),
    ("两", "weight", "TW"): ("kg", F(6, 10) / 16, F(0)),
    **{(unit, "length", "-"): ("m", F(f), F(0)) for unit, f in LENGTH.items()},
    ("尺", "length", "HK"): ("m", HK_CHEK, F(0)),
    ("尺", "length", "TW"): ("m", TW_CHI, F(0)),
    ("寸", "length", "HK"): ("m", HK_CHEK / 10, F(0)),
    ("寸", "length", "TW"): ("m", TW_CHI / 10, F(0)),
    **{(unit, "area", "-"): ("m²", F(f), F(0)) for unit, f in AREA.items()},
    **{(unit, "volume", "-"): ("m³", F(f), F(0)) for unit, f in VOLUME.items()},
    ("加仑", "volume", "HK"): ("m³", IMPERIAL_GALLON, F(0)),
    ("加仑", "volume", "GB"): ("m³", IMPERIAL_GALLON, F(0)),
    **{(unit, "energy", "-"): ("kWh", F(f), F(0)) for unit, f in ENERGY.items()},
    ("吨标准煤", "energy", "-"): ("tce", F(1), F(0)),
    ("吨标煤", "energy", "-"): ("tce", F(1), F(0)),
    ("千克标准煤", "energy", "-"): ("tce", F(1, 1000), F(0)),
    ("公斤标准煤", "energy", "-"): ("tce", F(1, 1000), F(0)),
    ("吨油当量", "energy", "-"): ("toe", F(1), F(0)),
    **{(unit, "power", "-"): ("kW", F(f), F(0)) for unit, f in POWER.items()},
    ("km/h", "speed", "-"): ("km/h", F(1), F(0)),
    ("m/s", "speed", "-"): ("km/h", F(3600, 1000), F(0)),
    ("节", "speed", "-"): ("km/h", F(1852, 1000), F(0)),
    # 时速350公里: a distance an hour, kind speed by its sentence (unit_contexts.tsv)
    ("公里", "speed", "-"): ("km/h", F(1), F(0)),
    ("千米", "speed", "-"): ("km/h", F(1), F(0)),
    # 电力消费39.07亿千瓦: 千瓦 written for 千瓦时, kind energy by its sentence
    ("千瓦", "energy", "-"): ("kWh", F(1), F(0)),
    **{(unit, "temperature", "-"): ("°C", F(1), F(0)) for unit in ("摄氏度", "℃", "°C", "度")},
    **{(unit, "temperature", "-"): ("°C", F(5, 9), F(-32)) for unit in ("华氏度", "℉", "°F")},
    ("开尔文", "temperature", "-"): ("°C", F(1), F("-273.15")),
    **{(unit, "duration", "-"): ("day", F(f), F(0)) for unit, f in DURATION_DAYS.items()},
    **{(unit, "duration", "-"): ("month", F(f), F(0)) for unit, f in DURATION_MONTHS.items()},
    ("岁", "age", "-"): ("year", F(1), F(0)),
    ("周岁", "age", "-"): ("year", F(1), F(0)),
    **{(unit, "number", "-"): ("B", F(f), F(0)) for unit, f in BYTES.items()},
    **{(unit, "number", "-"): ("bit/s", F(f), F(0))
       for unit, f in {"bps": 1, "kbps": 10**3, "Mbps": 10**6, "Gbps": 10**9}.items()},
    **{(unit, "number", "-"): ("Hz", F(f), F(0))
       for unit, f in {"赫兹": 1, "Hz": 1, "千赫": 10**3, "kHz": 10**3, "兆赫": 10**6, "MHz": 10**6,
                       "GHz": 10**9}.items()},
    **{(unit, "number", "-"): ("V", F(f), F(0)) for unit, f in {"伏": 1, "千伏": 1000, "kV": 1000}.items()},
    ("*", "count", "-"): ("count", F(1), F(0)),
    ("%", "percent", "-"): ("%", F(1), F(0)),
    ("‰", "percent", "-"): ("%", F(1, 10), F(0)),
    ("‱", "percent", "-"): ("%", F(1, 100), F(0)),
    ("个百分点", "percentage_point", "-"): ("pp", F(1), F(0)),
    ("百分点", "percentage_point", "-"): ("pp", F(1), F(0)),
    ("倍", "multiple", "-"): ("x", F(1), F(0)),
    ("x", "multiple", "-"): ("x", F(1), F(0)),
    ("点", "index_point", "-"): ("pt", F(1), F(0)),
    **{(unit, "per", "-"): (name, F(1), F(0))
       for unit, name in {"股": "share", "人": "person", "位": "person", "户": "household", "桌": "table"}.items()},
    ("盎司", "per", "-"): ("kg", TROY_OUNCE, F(0)),
}

ROWS = lexicon.rows("conversions.tsv")


def _key(row: tuple[str, ...]) -> tuple[str, str, str]:
    return row[0], row[1], row[5]


def test_every_row_of_the_file_is_checked_here() -> None:
    assert {_key(row) for row in ROWS} == set(FACTORS)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: "/".join(_key(row)))
def test_factor_is_the_one_derived_here(row: tuple[str, ...]) -> None:
    unit, kind, canonical, factor, offset, region, source = row
    assert (canonical, Fraction(factor), Fraction(offset)) == FACTORS[(unit, kind, region)]
    assert source


@pytest.mark.parametrize("row", ROWS, ids=lambda row: "/".join(_key(row)))
def test_one_of_each_unit_converts_to_its_factor(row: tuple[str, ...]) -> None:
    unit, kind, _canonical, _factor, _offset, region, _source = row
    canonical, factor, offset = FACTORS[(unit, kind, region)]
    if kind == "per":
        # Under a slash: 545.88元/股, 1800美元/盎司.
        found = normalise(Decimal(1), None, None, f"元/{unit}", "price", region if region != "-" else None)
        assert found == Normalised(to_decimal(1 / factor), None, None, f"CNY/{canonical}")
        return
    found = normalise(Decimal(1), None, None, "个" if unit == "*" else unit, kind, None if region == "-" else region)
    assert found == Normalised(to_decimal((1 + offset) * factor), None, None, canonical)


def test_units_are_written_as_the_folded_text_has_them() -> None:
    # A row the folded unit never equals (噸 for 吨) could never be found.
    assert [row[0] for row in ROWS if fold(row[0]) != row[0]] == []


def test_kinds_are_claim_kinds() -> None:
    assert {row[1] for row in ROWS} <= {kind.value for kind in Kind} | {"per"}


def test_factors_are_positive_and_exact_as_written() -> None:
    for row in ROWS:
        assert Fraction(row[3]) > 0, row
        assert "…" not in row[3] and "e" not in row[3].lower(), row


EXAMPLES = [
    # (value, low, high, unit as written, kind, region) -> (value, low, high, unit); from the dev gold units.
    ((Decimal(2020000000), None, None, "吨", "weight", None), (Decimal(2020000000000), None, None, "kg")),
    ((Decimal(1800), None, None, "噸", "weight", None), (Decimal(1800000), None, None, "kg")),
    ((Decimal(90000), None, None, "公噸", "weight", None), (Decimal(90000000), None, None, "kg")),
    ((Decimal("0.91"), None, None, "公克", "weight", None), (Decimal("0.00091"), None, None, "kg")),
    ((Decimal(30000), None, None, "斤", "weight", None), (Decimal(15000), None, None, "kg")),
    ((Decimal(1), None, None, "斤", "weight", "TW"), (Decimal("0.6"), None, None, "kg")),
    ((Decimal(2862), None, None, "亩", "area", None), (Decimal(1908000), None, None, "m²")),
    ((Decimal(7586), None, None, "公顷", "area", None), (Decimal(75860000), None, None, "m²")),
    ((Decimal(388), None, None, "平方公里", "area", None), (Decimal(388000000), None, None, "m²")),
    ((Decimal(185), None, None, "公分", "length", None), (Decimal("1.85"), None, None, "m")),
    ((Decimal(1000), None, None, "毫米", "length", None), (Decimal(1), None, None, "m")),
    ((Decimal(40000), None, None, "公里", "length", None), (Decimal(40000000), None, None, "m")),
    ((Decimal(477000000), None, None, "立方米", "volume", None), (Decimal(477000000), None, None, "m³")),
    ((Decimal(2), None, None, "加侖", "volume", "HK"), (Decimal("0.00909218"), None, None, "m³")),
    ((Decimal("25.76"), None, None, "GWh", "energy", None), (Decimal(25760000), None, None, "kWh")),
    ((Decimal(3907000000), None, None, "度", "energy", None), (Decimal(3907000000), None, None, "kWh")),
    ((Decimal("4.5"), None, None, "吨标准煤", "energy", None), (Decimal("4.5"), None, None, "tce")),
    ((Decimal(3), None, None, "千瓦", "power", None), (Decimal(3), None, None, "kW")),
    ((Decimal(3), None, None, "MW", "power", None), (Decimal(3000), None, None, "kW")),
    ((Decimal(30), None, None, "度", "temperature", None), (Decimal(30), None, None, "°C")),
    ((Decimal("98.6"), None, None, "华氏度", "temperature", None), (Decimal(37), None, None, "°C")),
    ((Decimal(-40), None, None, "°F", "temperature", None), (Decimal(-40), None, None, "°C")),
    ((Decimal(3), None, None, "个月", "duration", None), (Decimal(3), None, None, "month")),
    ((Decimal(3), None, None, "個月", "duration", None), (Decimal(3), None, None, "month")),
    ((Decimal("0.5"), None, None, "年", "duration", None), (Decimal(6), None, None, "month")),
    ((Decimal(2), None, None, "周", "duration", None), (Decimal(14), None, None, "day")),
    ((Decimal(36), None, None, "小時", "duration", None), (Decimal("1.5"), None, None, "day")),
    ((Decimal(6), None, None, "分鐘", "duration", None), (Decimal("0.004166666666666666666666666667"), None, None, "day")),
    ((Decimal(30), None, None, "歲", "age", None), (Decimal(30), None, None, "year")),
    ((Decimal(5), None, None, "GB", "number", None), (Decimal(5000000000), None, None, "B")),
    ((Decimal(1), None, None, "GiB", "number", None), (Decimal(1073741824), None, None, "B")),
    ((Decimal("93.59"), None, None, "%", "percent", None), (Decimal("93.59"), None, None, "%")),
    ((Decimal(5), None, None, "个百分点", "percentage_point", None), (Decimal(5), None, None, "pp")),
    ((Decimal(2), None, None, "倍", "multiple", None), (Decimal(2), None, None, "x")),
    ((Decimal(3500), None, None, "點", "index_point", None), (Decimal(3500), None, None, "pt")),
    ((Decimal(1367), None, None, "标箱", "count", None), (Decimal(1367), None, None, "count")),
    ((Decimal(5), None, None, "輛次", "count", None), (Decimal(5), None, None, "count")),
    ((Decimal("4745.61E8"), None, None, "元", "money", None), (Decimal(474561000000), None, None, "CNY")),
    ((Decimal(40), None, None, "元", "money", "TW"), (Decimal(40), None, None, "TWD")),
    ((Decimal(40), None, None, "元", "money", "HK"), (Decimal(40), None, None, "HKD")),
    ((Decimal("5.1"), None, None, "分", "money", "TW"), (Decimal("0.051"), None, None, "TWD")),
    ((Decimal("9.87E8"), None, None, "新台幣", "money", None), (Decimal(987000000), None, None, "TWD")),
    ((Decimal(131), None, None, "日圓", "money", "TW"), (Decimal(131), None, None, "JPY")),
    ((Decimal(5), None, None, "块钱", "money", None), (Decimal(5), None, None, "CNY")),
    ((Decimal(20), None, None, "US$", "money", None), (Decimal(20), None, None, "USD")),
    ((None, Decimal(500000), Decimal(5000000), "元", "money", None), (None, Decimal(500000), Decimal(5000000), "CNY")),
    ((Decimal(3516), None, None, "元/平方米", "price", None), (Decimal(3516), None, None, "CNY/m²")),
    ((Decimal("545.88"), None, None, "元/股", "price", None), (Decimal("545.88"), None, None, "CNY/share")),
    ((Decimal(2400), None, None, "元/吨", "price", None), (Decimal("2.4"), None, None, "CNY/kg")),
    ((Decimal(1500), None, None, "元/亩", "price", None), (Decimal("2.25"), None, None, "CNY/m²")),
    ((Decimal(9), None, None, "元/斤", "price", "TW"), (Decimal(15), None, None, "TWD/kg")),
    ((Decimal("0.6"), None, None, "元/度", "price", None), (Decimal("0.6"), None, None, "CNY/kWh")),
    ((Decimal(70), None, None, "美元/桶", "price", None),
     (Decimal("440.2867539302473589664998693"), None, None, "USD/m³")),
    ((Decimal(120), None, None, "公里/小时", "speed", None), (Decimal(120), None, None, "km/h")),
    ((Decimal(10), None, None, "米/秒", "speed", None), (Decimal(36), None, None, "km/h")),
    ((Decimal(30), None, None, "m/s", "speed", None), (Decimal(108), None, None, "km/h")),
    ((Decimal(20), None, None, "节", "speed", None), (Decimal("37.04"), None, None, "km/h")),
    ((Decimal(500), None, None, "公斤/亩", "weight", None), (Decimal("0.75"), None, None, "kg/m²")),
]


def _example_id(given_: tuple) -> str:
    value, low, high, unit, _kind, region = given_
    number = f"{low}-{high}" if value is None else str(value)
    return f"{number}{unit}" + (f"@{region}" if region else "")


@pytest.mark.parametrize("given_, expected", EXAMPLES, ids=[_example_id(given_) for given_, _ in EXAMPLES])
def test_examples(given_: tuple, expected: tuple) -> None:
    value, low, high, unit, kind, region = given_
    assert normalise(value, low, high, unit, kind, region) == Normalised(*expected)


NO_CONVERSION = [
    # (value, unit, kind): nothing known, both norm fields null.
    (Decimal(3), None, "number"),  # a bare number
    (Decimal("0.3333"), None, "fraction"),  # 三分之一: a share of no stated whole
    (Decimal(10), "比索", "money"),  # whose peso?
    (Decimal(20), "比特币", "money"),  # no ISO 4217 currency
    (Decimal(5), "光秒", "length"),  # no row
    (Decimal(5), "kV", "power"),  # a row of another kind
    (Decimal(100), "元/客", "price"),  # per what?
    (Decimal(5), "华氏度/小时", "temperature"),  # a scale with an offset, per hour
    (Decimal(5), "公里/月", "speed"),  # a month is no number of hours
    (Decimal("NaN"), "吨", "weight"),
]


@pytest.mark.parametrize("value, unit, kind", NO_CONVERSION, ids=[f"{v}{u or ''}:{k}" for v, u, k in NO_CONVERSION])
def test_no_conversion(value: Decimal, unit: str | None, kind: str) -> None:
    assert normalise(value, None, None, unit, kind) is None


def test_no_number_no_conversion() -> None:
    assert normalise(None, None, None, "吨", "weight") is None
    assert normalise(None, Decimal(1), None, "吨", "weight") is None


def test_a_gold_price_is_per_troy_ounce() -> None:
    # 国际金价1800美元/盎司; but 16盎司 of flour is a pound.
    assert normalise(Decimal(1800), None, None, "美元/盎司", "price").value == to_decimal(1800 / TROY_OUNCE)
    assert normalise(Decimal(16), None, None, "盎司", "weight").value == Decimal("0.45359237")


def test_kind_may_be_the_claims_enum() -> None:
    assert normalise(Decimal(2), None, None, "吨", Kind.WEIGHT) == normalise(Decimal(2), None, None, "吨", "weight")
    assert normalise(Decimal(2), None, None, "元", Kind.MONEY, "HK").unit == "HKD"


def test_the_kind_of_a_unit_decides_its_row() -> None:
    # 39.07亿度 of electricity and 气温30度 are one word of two kinds.
    assert normalise(Decimal(30), None, None, "度", "energy").unit == "kWh"
    assert normalise(Decimal(30), None, None, "度", "temperature").unit == "°C"


def test_region_changes_only_its_own_units() -> None:
    assert normalise(Decimal(1), None, None, "加仑", "volume").value == Decimal("0.003785411784")
    assert normalise(Decimal(1), None, None, "加仑", "volume", "GB").value == Decimal("0.00454609")
    assert normalise(Decimal(1), None, None, "加仑", "volume", "TW").value == Decimal("0.003785411784")
    assert normalise(Decimal(1), None, None, "公斤", "weight", "HK").value == Decimal(1)
    # 市斤 says mainland measure even in a Hong Kong article.
    assert normalise(Decimal(1), None, None, "市斤", "weight", "HK").value == Decimal("0.5")


def test_currency_override_replaces_only_a_bare_yuan() -> None:
    assert normalise(Decimal(5), None, None, "元", "money", "HK", "USD").unit == "USD"
    assert normalise(Decimal(5), None, None, "元/平方米", "price", None, "HKD").unit == "HKD/m²"
    assert normalise(Decimal(5), None, None, "美元", "money", None, "HKD").unit == "USD"


def test_a_change_of_temperature_has_no_offset() -> None:
    # 气温下降9华氏度: a fall of 5 °C, not a temperature of -12.8 °C.
    assert normalise(Decimal(9), None, None, "华氏度", "temperature", difference=True).value == Decimal(5)
    assert normalise(Decimal(9), None, None, "华氏度", "temperature").value == Decimal("-12.77777777777777777777777778")


def test_latin_symbols_as_people_type_them() -> None:
    assert normalise(Decimal(2), None, None, "gwh", "energy").value == Decimal(2000000)
    assert normalise(Decimal(2), None, None, "ＧＷｈ", "energy").value == Decimal(2000000)
    assert normalise(Decimal(2), None, None, "KWH", "energy").value == Decimal(2)


def test_to_decimal_is_exact_where_the_decimal_ends() -> None:
    assert to_decimal(Fraction(10**40 + 1, 10**40)) == Decimal("1." + "0" * 39 + "1")
    assert to_decimal(Fraction(-9, 4)) == Decimal("-2.25")
    assert to_decimal(Fraction(0)) == Decimal(0)
    assert len(to_decimal(Fraction(1, 3)).as_tuple().digits) == PRECISION


# --- properties -----------------------------------------------------------

PHYSICAL = [row for row in ROWS if row[1] not in ("per", "count") and row[0] != "*"]
OFFSET_FREE = [row for row in PHYSICAL if Fraction(row[4]) == 0]
_numbers = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False,
                       places=4)


def _region(row: tuple[str, ...]) -> str | None:
    return None if row[5] == "-" else row[5]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PHYSICAL), _numbers, _numbers, st.floats(min_value=0, max_value=1))
def test_a_number_in_a_range_converts_into_the_converted_range(row: tuple[str, ...], one: Decimal, other: Decimal,
                                                              share: float) -> None:
    low, high = min(one, other), max(one, other)
    inside = low + (high - low) * Decimal(share).quantize(Decimal("0.001"))
    assume(low <= inside <= high)
    ranged = normalise(None, low, high, row[0], row[1], _region(row))
    single = normalise(inside, None, None, row[0], row[1], _region(row))
    assert ranged is not None and single is not None and ranged.value is None
    assert ranged.low is not None and ranged.high is not None and single.value is not None
    assert ranged.low <= single.value <= ranged.high
    assert ranged.unit == single.unit


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(OFFSET_FREE), _numbers)
def test_conversions_compose_with_the_multiplier(row: tuple[str, ...], value: Decimal) -> None:
    # 2.5万吨 is read as 25000 吨: converting it equals converting 2.5 吨 and taking 10,000 of it.
    whole = normalise(value * 10000, None, None, row[0], row[1], _region(row))
    one = normalise(value, None, None, row[0], row[1], _region(row))
    assert whole is not None and one is not None and whole.value is not None and one.value is not None
    # Taken 10,000 of exactly: the default context's 28 digits would round a long value.
    ten_thousand_of_one = Context(prec=MAX_PREC).multiply(one.value, 10000)
    if _terminates(Fraction(row[3])):
        assert whole.value == ten_thousand_of_one
    else:
        assert abs(whole.value - ten_thousand_of_one) <= abs(whole.value) * Decimal(10) ** (2 - PRECISION)


def _terminates(fraction: Fraction) -> bool:
    rest = fraction.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    return rest == 1


@settings(max_examples=300, deadline=None)
@given(_numbers)
def test_tonnes_compose_with_kilograms(value: Decimal) -> None:
    # 万吨 -> kg equals 吨 -> kg × 10,000, and 元/吨 is 元/公斤 ÷ 1000.
    assert normalise(value * 10000, None, None, "吨", "weight").value == \
        normalise(value, None, None, "吨", "weight").value * 10000 == value * 10000000
    assert normalise(value * 1000, None, None, "元/吨", "price").value == \
        normalise(value, None, None, "元/公斤", "price").value


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=Decimal(-500), max_value=Decimal("1e6"), allow_nan=False, allow_infinity=False,
                   places=3))
def test_temperature_round_trip(fahrenheit: Decimal) -> None:
    celsius = normalise(fahrenheit, None, None, "华氏度", "temperature")
    assert celsius is not None and celsius.value is not None
    back = celsius.value * 9 / 5 + 32
    assert abs(back - fahrenheit) <= Decimal(10) ** (9 - PRECISION)
    assert normalise(celsius.value, None, None, "摄氏度", "temperature").value == celsius.value
    kelvin = normalise(celsius.value + Decimal("273.15"), None, None, "开尔文", "temperature")
    assert kelvin is not None and kelvin.value is not None
    assert abs(kelvin.value - celsius.value) <= Decimal(10) ** (9 - PRECISION)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PHYSICAL), st.sampled_from(["HK", "TW", "MO", "GB", None]), _numbers)
def test_a_region_without_rows_of_its_own_changes_nothing(row: tuple[str, ...], region: str | None,
                                                          value: Decimal) -> None:
    own = {(r[0], r[1]) for r in ROWS if r[5] == region}
    assume(row[5] == "-" and (row[0], row[1]) not in own)
    assert normalise(value, None, None, row[0], row[1], region) == normalise(value, None, None, row[0], row[1])
