"""Currencies (core/currency.py, lexicons/currencies.tsv) and the region a
document was written in (lexicons/region_signals.tsv).

CODES holds every row of currencies.tsv with the code and factor written
here again, so a typo in the file fails, and so does a row the table lacks
(a new row of the file needs its row here). DEV_REGIONS is the region of
each dev text (data/dev/texts), as read by hand from what the text says,
with the reason; the file names' hk_/tw_ were not used, and where the
text itself does not say, the expected region is None even if the name
does. The synthetic cases are written here, for the rules' edges.
"""
from __future__ import annotations

import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

from newsfacts.core import lexicon
from newsfacts.core.currency import (currency_and_factor, currency_of, currency_of_prefix, is_traditional,
                                     local_currency, region_of)
from newsfacts.core.normalize import fold

F = Fraction
LOCAL, DOLLAR, NONE = "local", "dollar", "-"

CODES: dict[str, tuple[str, Fraction]] = {
    # The document's own currency and its coins.
    "元": (LOCAL, F(1)), "圆": (LOCAL, F(1)), "块": (LOCAL, F(1)), "块钱": (LOCAL, F(1)), "蚊": (LOCAL, F(1)),
    "角": (LOCAL, F(1, 10)), "毛": (LOCAL, F(1, 10)), "毛钱": (LOCAL, F(1, 10)), "毫": (LOCAL, F(1, 10)),
    "分": (LOCAL, F(1, 100)), "仙": (LOCAL, F(1, 100)),
    "人民币": ("CNY", F(1)), "元人民币": ("CNY", F(1)), "人民币元": ("CNY", F(1)), "RMB": ("CNY", F(1)),
    "¥": ("CNY", F(1)),
    "$": (DOLLAR, F(1)),
    "美元": ("USD", F(1)), "美金": ("USD", F(1)), "美圆": ("USD", F(1)), "美分": ("USD", F(1, 100)),
    "US$": ("USD", F(1)),
    "港元": ("HKD", F(1)), "港币": ("HKD", F(1)), "港圆": ("HKD", F(1)), "港纸": ("HKD", F(1)),
    "港仙": ("HKD", F(1, 100)), "HK$": ("HKD", F(1)),
    "新台币": ("TWD", F(1)), "台币": ("TWD", F(1)), "新台币元": ("TWD", F(1)), "NT$": ("TWD", F(1)),
    "澳门元": ("MOP", F(1)), "澳门币": ("MOP", F(1)), "澳门圆": ("MOP", F(1)), "葡币": ("MOP", F(1)),
    "MOP$": ("MOP", F(1)),
    "澳元": ("AUD", F(1)), "澳币": ("AUD", F(1)), "澳大利亚元": ("AUD", F(1)), "A$": ("AUD", F(1)),
    "加元": ("CAD", F(1)), "加币": ("CAD", F(1)), "加拿大元": ("CAD", F(1)), "C$": ("CAD", F(1)),
    "新西兰元": ("NZD", F(1)), "纽元": ("NZD", F(1)), "纽币": ("NZD", F(1)), "NZ$": ("NZD", F(1)),
    "新加坡元": ("SGD", F(1)), "新元": ("SGD", F(1)), "新币": ("SGD", F(1)), "S$": ("SGD", F(1)),
    "欧元": ("EUR", F(1)), "欧分": ("EUR", F(1, 100)), "€": ("EUR", F(1)),
    "英镑": ("GBP", F(1)), "英磅": ("GBP", F(1)), "便士": ("GBP", F(1, 100)), "£": ("GBP", F(1)),
    "瑞郎": ("CHF", F(1)), "瑞士法郎": ("CHF", F(1)),
    "卢布": ("RUB", F(1)), "俄罗斯卢布": ("RUB", F(1)), "戈比": ("RUB", F(1, 100)), "₽": ("RUB", F(1)),
    "瑞典克朗": ("SEK", F(1)), "挪威克朗": ("NOK", F(1)), "丹麦克朗": ("DKK", F(1)), "捷克克朗": ("CZK", F(1)),
    "兹罗提": ("PLN", F(1)), "福林": ("HUF", F(1)), "格里夫纳": ("UAH", F(1)), "土耳其里拉": ("TRY", F(1)),
    "日元": ("JPY", F(1)), "日圆": ("JPY", F(1)), "日币": ("JPY", F(1)), "円": ("JPY", F(1)),
    "韩元": ("KRW", F(1)), "韩圜": ("KRW", F(1)), "韩币": ("KRW", F(1)), "韩圆": ("KRW", F(1)), "₩": ("KRW", F(1)),
    "朝鲜元": ("KPW", F(1)),
    "泰铢": ("THB", F(1)), "฿": ("THB", F(1)),
    "林吉特": ("MYR", F(1)), "令吉": ("MYR", F(1)), "马币": ("MYR", F(1)), "RM": ("MYR", F(1)),
    "印尼盾": ("IDR", F(1)), "印度尼西亚盾": ("IDR", F(1)),
    "越南盾": ("VND", F(1)), "₫": ("VND", F(1)),
    "菲律宾比索": ("PHP", F(1)), "₱": ("PHP", F(1)),
    "卢比": ("INR", F(1)), "印度卢比": ("INR", F(1)), "₹": ("INR", F(1)),
    "巴基斯坦卢比": ("PKR", F(1)), "斯里兰卡卢比": ("LKR", F(1)), "尼泊尔卢比": ("NPR", F(1)),
    "坚戈": ("KZT", F(1)), "图格里克": ("MNT", F(1)), "沙特里亚尔": ("SAR", F(1)), "阿联酋迪拉姆": ("AED", F(1)),
    "新谢克尔": ("ILS", F(1)), "谢克尔": ("ILS", F(1)),
    "墨西哥比索": ("MXN", F(1)), "阿根廷比索": ("ARS", F(1)), "智利比索": ("CLP", F(1)),
    "哥伦比亚比索": ("COP", F(1)), "雷亚尔": ("BRL", F(1)), "巴西雷亚尔": ("BRL", F(1)), "R$": ("BRL", F(1)),
    "兰特": ("ZAR", F(1)), "南非兰特": ("ZAR", F(1)), "埃及镑": ("EGP", F(1)), "奈拉": ("NGN", F(1)),
    "肯尼亚先令": ("KES", F(1)),
    "比索": (NONE, F(1)), "法郎": (NONE, F(1)), "克朗": (NONE, F(1)), "里拉": (NONE, F(1)),
    "里亚尔": (NONE, F(1)), "迪拉姆": (NONE, F(1)), "比特币": (NONE, F(1)),
}

ROWS = lexicon.rows("currencies.tsv")


def test_every_row_of_the_file_is_checked_here() -> None:
    assert {row[0] for row in ROWS} == set(CODES)
    assert len(ROWS) == len(CODES)  # no name twice


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row[0])
def test_code_and_factor_are_the_ones_written_here(row: tuple[str, ...]) -> None:
    name, code, factor, note = row
    assert (code, Fraction(factor)) == CODES[name]
    assert note


def test_names_are_written_as_the_folded_text_has_them() -> None:
    # A name the folded unit never equals (港幣 for 港币, ＄ for $) could never be found.
    assert [row[0] for row in ROWS if unicodedata.normalize("NFKC", fold(row[0])) != row[0]] == []


def test_enough_currencies() -> None:
    codes = {code for code, _ in CODES.values() if len(code) == 3}
    assert len(codes) >= 25
    assert all(code.isupper() and code.isalpha() for code in codes)


@pytest.mark.parametrize("name", sorted(CODES), ids=str)
def test_each_name_reads_as_its_code(name: str) -> None:
    code, factor = CODES[name]
    expected = {LOCAL: "CNY", DOLLAR: "USD", NONE: None}.get(code, code)
    assert currency_of(name) == expected
    if expected is not None:
        assert currency_and_factor(name) == (expected, factor)


AS_WRITTEN = [
    # Traditional and variant spellings the extractor reports as written (dev gold: 新台幣, 日圓, 港元, 美金, 块钱).
    ("港幣", "HKD"), ("港圓", "HKD"), ("港元", "HKD"), ("澳門幣", "MOP"), ("澳門元", "MOP"), ("葡幣", "MOP"),
    ("新台幣", "TWD"), ("台幣", "TWD"), ("臺幣", "TWD"), ("日圓", "JPY"), ("韓圜", "KRW"), ("韓元", "KRW"),
    ("英鎊", "GBP"), ("歐元", "EUR"), ("盧布", "RUB"), ("泰銖", "THB"), ("瑞士法郎", "CHF"), ("美金", "USD"),
    ("美圓", "USD"), ("塊錢", "CNY"), ("人民幣", "CNY"), ("紐元", "NZD"), ("越南盾", "VND"), ("林吉特", "MYR"),
    ("ＵＳ＄", "USD"), ("us$", "USD"), ("rmb", "CNY"), ("USD", "USD"), ("cny", "CNY"), (" 美元 ", "USD"),
]


@pytest.mark.parametrize("written, code", AS_WRITTEN, ids=[w for w, _ in AS_WRITTEN])
def test_spellings_as_written(written: str, code: str) -> None:
    assert currency_of(written) == code


NOT_CURRENCIES = ["公斤", "个", "", "XYZ", "美", "%"]


@pytest.mark.parametrize("unit", NOT_CURRENCIES, ids=repr)
def test_not_currencies(unit: str) -> None:
    assert currency_of(unit) is None


def test_none_is_no_currency() -> None:
    assert currency_of(None) is None


REGIONAL = [
    # (unit, region, override) -> code
    ("元", None, None, "CNY"), ("元", "HK", None, "HKD"), ("元", "TW", None, "TWD"), ("元", "MO", None, "MOP"),
    ("圆", "HK", None, "HKD"), ("块", "TW", None, "TWD"), ("角", "HK", None, "HKD"), ("分", "TW", None, "TWD"),
    ("元", None, "USD", "USD"), ("元", "HK", "EUR", "EUR"), ("分", "TW", "USD", "USD"),
    # The override is for a bare 元 only: a named currency stays itself.
    ("美元", "HK", "EUR", "USD"), ("人民币", "TW", "USD", "CNY"), ("港元", None, "TWD", "HKD"),
    # $ is the document's own dollar, USD where none is known.
    ("$", None, None, "USD"), ("$", "HK", None, "HKD"), ("$", "TW", None, "TWD"), ("$", "MO", None, "MOP"),
    ("$", "HK", "EUR", "HKD"),
    ("¥", "HK", None, "CNY"), ("US$", "TW", None, "USD"),
    # A price's currency is its numerator's: 3516元/平方米, 545.88元/股, 70美元/桶.
    ("元/平方米", None, None, "CNY"), ("元/股", "HK", None, "HKD"), ("美元/桶", "TW", None, "USD"),
    ("元/吨", "TW", "USD", "USD"), ("公里/小时", None, None, None),
]


@pytest.mark.parametrize("unit, region, override, code", REGIONAL,
                         ids=[f"{u}@{r}+{o}" for u, r, o, _ in REGIONAL])
def test_the_region_decides_a_bare_yuan(unit: str, region: str | None, override: str | None,
                                        code: str | None) -> None:
    assert currency_of(unit, region, override) == code


@pytest.mark.parametrize("override", ["usd", "US", "US$", "美元", "USDX"])
def test_an_override_is_an_iso_code(override: str) -> None:
    with pytest.raises(ValueError, match="three capital letters"):
        currency_of("元", None, override)


def test_local_currency() -> None:
    assert [local_currency(r) for r in ("HK", "TW", "MO", None, "CN", "GB")] == ["HKD", "TWD", "MOP", "CNY", "CNY", "CNY"]


PREFIXES = [
    # (sign or name written before the number, region) -> code
    ("US$", None, "USD"), ("HK$", None, "HKD"), ("NT$", None, "TWD"), ("MOP$", None, "MOP"), ("S$", None, "SGD"),
    ("￥", None, "CNY"), ("¥", None, "CNY"), ("$", None, "USD"), ("$", "HK", "HKD"), ("$", "TW", "TWD"),
    ("€", None, "EUR"), ("£", None, "GBP"), ("₩", None, "KRW"), ("₹", None, "INR"), ("RM", None, "MYR"),
    ("港幣", None, "HKD"), ("港币", None, "HKD"), ("人民幣", None, "CNY"), ("新台幣", None, "TWD"),
    ("US$ ", None, "USD"), (" HK$", None, "HKD"), ("USD", None, "USD"), ("RMB", None, "CNY"),
    ("元", "HK", "HKD"), ("rm", None, None), ("@", None, None),
]


@pytest.mark.parametrize("prefix, region, code", PREFIXES, ids=[f"{p}@{r}" for p, _, r in PREFIXES])
def test_prefixes(prefix: str, region: str | None, code: str | None) -> None:
    assert currency_of_prefix(prefix, region) == code


# --- region ---------------------------------------------------------------

DEV_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev" / "texts"
DEV_REGIONS = [
    # (file, region, why: what in the text says so)
    ("001_yangtze-port-throughput.txt", None, "simplified; 交通运输部长江航务管理局, no HK/TW/MO word"),
    ("002_guangdong-jan-feb-economy.txt", None, "simplified; 广东省统计局"),
    ("003_eastmoney-securities-h1-earnings.txt", None, "simplified; 东方财富, A-share broker"),
    ("004_fake-doctor-romance-fraud.txt", None, "simplified; 澎湃新闻, 上海市公安局"),
    ("005_hk-typhoon-mindulle-taiwan-losses.txt", "HK",
     "traditional; all about Taiwan, but converts its losses into 港元 for the reader: （約2.3億港元）"),
    ("006_hk-fake-longjing-tea-guizhou.txt", "HK", "traditional; calls the mainland 內地 (內地假冒偽劣產品猖獗)"),
    ("007_hk-sars-report-accountability.txt", "HK", "traditional; 立法會, 醫管局, 九龍西聯網, 新界"),
    ("008_tw-aids-male-patients-survey.txt", "TW", "traditional; 台灣地區, 台北市, 民國八十六年"),
    ("009_tw-ntd-fx-and-stock-rally.txt", "TW", "traditional; 新台幣兌美元, 台北外匯, 日圓"),
    ("010_tw-freeway-toll-stations.txt", "TW", "traditional; 台北捷運, 新北投"),
    ("011_tw-asian-games-basketball-table-tennis-fullwidth.txt", "TW",
     "traditional; 中華隊 (Chinese Taipei's own name for its team), 北韓, 南韓"),
    ("012_tw-department-store-anniversary-sales-fullwidth.txt", None,
     "traditional, but names only shops (新光三越, 遠百, 京華城): no place, dateline or currency says Taiwan"),
    ("013_tw-tennis-srichaphan-prize-fullwidth.txt", None,
     "traditional; 華府 says only 'not the mainland': nothing says Taiwan rather than Hong Kong"),
    ("014_may-day-holiday-tourism.txt", None, "simplified; 文化和旅游部"),
    ("015_peoples-daily-2000-top-ten-domestic-news.txt", None, "dateline 本报北京2000年12月31日讯"),
    ("016_peoples-daily-2000-beijing-income-tax-harbin-ice.txt", None, "dateline 本报北京12月31日讯"),
    ("017_xian-industrial-energy-consumption.txt", None, "simplified; 西安市统计局"),
    ("018_a-share-3500-fund-returns.txt", None, "simplified; 中国基金报, 上证指数"),
    ("019_graduates-2022-job-survey.txt", None, "simplified; 北京日报客户端"),
    ("020_xinghua-fish-industry-rural.txt", None, "simplified; 兴化市"),
    ("021_peoples-daily-2025-new-development-philosophy.txt", None, "simplified; 十四五"),
    ("022_nanjing-covid-zero-new-cases.txt", None, "simplified; 江苏省卫健委"),
    ("023_q1-2021-property-sales-land-prices.txt", None, "simplified; 国家统计局"),
    ("024_catl-zeng-yuqun-wealth-battery.txt", None, "simplified; names 香港 once (香港中华煤气)"),
    ("025_hk-surplus-teachers-hunger-strike.txt", "HK", "traditional; 特首董建華, 教統局, 皇后像廣場"),
    ("026_tw-peanut-root-resveratrol.txt", "TW", "traditional; 嘉義大學, 台南十二號, 雲林, 台灣"),
    ("027_tw-imperial-banquet-prices-chinese-numerals.txt", "TW",
     "traditional; 在台又掀起, 大陸, 兩岸; names 香港 once, as somewhere else"),
    ("028_sanyuanpu-township-profile-local-gov.txt", None, "simplified; 柳河县"),
    ("029_cctv-2021-sixteen-economic-figures-headlines.txt", None, "simplified; 我国GDP"),
    ("030_typhoon-in-fa-storm-surge-warning.txt", None, "simplified; 自然资源部; names 台湾以东洋面 once"),
    ("zhuzhou-daily-2024-01.txt", None, "simplified; 株洲日报, 茶陵县"),
]

needs_dev_texts = pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="the dev texts are not here")


@needs_dev_texts
def test_every_dev_text_has_its_row() -> None:
    assert {path.name for path in DEV_TEXTS.iterdir() if path.suffix == ".txt"} == {name for name, _, _ in DEV_REGIONS}


@needs_dev_texts
@pytest.mark.parametrize("name, region, why", DEV_REGIONS, ids=[name for name, _, _ in DEV_REGIONS])
def test_region_of_dev_texts(name: str, region: str | None, why: str) -> None:
    assert region_of((DEV_TEXTS / name).read_text(encoding="utf-8")) == region, why


MAINLAND = [name for name, region, why in DEV_REGIONS if region is None and not why.startswith("traditional")]


@needs_dev_texts
@pytest.mark.parametrize("name", MAINLAND)
def test_a_mainland_text_in_traditional_script_stays_mainland(name: str) -> None:
    # The same mainland article, converted to traditional script (OpenCC's s2t): script alone says nothing.
    opencc = pytest.importorskip("opencc")
    converted = opencc.OpenCC("s2t").convert((DEV_TEXTS / name).read_text(encoding="utf-8"))
    assert is_traditional(converted)
    assert region_of(converted) is None


SYNTHETIC = [
    # (text, region, why)
    ("香港特区政府今天公布，今年GDP增长3%。全县工业增加值达2亿元。", None, "simplified, 香港 named once"),
    ("香港的游客达2万人次，香港与深圳合作，香港企业投资3亿元。", None, "simplified, 香港 named three times: one place"),
    ("香港立法会通过预算案，港府在九龙和新界各建一所医院，沙田、屯门也将受惠，共投入50亿元。", "HK",
     "simplified, six Hong Kong places and institutions"),
    ("本港失業率升至3.1%，港府表示會推出措施。", "HK", "traditional, 本港 and 港府"),
    ("（中央社記者王小明台北二十五日電）行政院今天通過預算，總額二兆元。", "TW", "Taiwan's news agency's dateline"),
    ("（中央社記者王小明台北25日電）總額2兆元。", "TW", "the dateline with Arabic digits"),
    ("據台灣中央社報道，北京市今年投資增長5%。", None, "中央社 quoted as a source, in simplified"),
    ("新華社北京3月9日電 台灣地區今年的稻米產量為150萬噸，台北、高雄兩市……", None,
     "a mainland agency's dateline, whatever places the story names"),
    ("蘋果公司季度利潤達100億美元（約合人民幣700億元）。", None, "converted into renminbi for a mainland reader"),
    ("損失達3億新台幣（約7000萬港元）。", "HK", "converted into 港元 for a Hong Kong reader"),
    ("澳門特區政府公布，本澳上月旅客達300萬人次，氹仔酒店入住率九成。", "MO", "澳門, 本澳, 氹仔"),
    ("今年營業額成長六成，業者表示將持續擴大營運。", None, "traditional, but no place, dateline or currency"),
    ("國立台灣大學研究團隊發現，花生根含量最高。", None, "traditional, one place: not enough"),
    ("台灣大學研究團隊在嘉義發現，花生根含量最高。", "TW", "traditional, two places of Taiwan"),
    ("他在台上表示，颱風過後將重建。", None, "在台上 is on a stage, not in Taiwan"),
    ("政府今日宣佈，民國九十年起實施新制。", "TW", "the ROC calendar"),
    ("", None, "nothing"),
    ("GDP grew 5% in 2023.", None, "no Chinese"),
]


@pytest.mark.parametrize("text, region, why", SYNTHETIC, ids=[why for _, _, why in SYNTHETIC])
def test_region_of_synthetic(text: str, region: str | None, why: str) -> None:
    assert region_of(text) == region


SCRIPTS = [
    ("颱風「蒲公英」已離開台灣", True), ("台风“烟花”已离开台湾", False), ("台中", False), ("", False),
    # A simplified text quoting one traditional name stays simplified.
    ("据《明報》报道，香港今年经济增长3%", False),
]


@pytest.mark.parametrize("text, traditional", SCRIPTS, ids=[t for t, _ in SCRIPTS])
def test_is_traditional(text: str, traditional: bool) -> None:
    assert is_traditional(text) is traditional


SIGNALS = lexicon.rows("region_signals.tsv")


def test_signal_words_are_folded_and_regions_known() -> None:
    assert [row[0] for row in SIGNALS if fold(row[0]) != row[0]] == []
    assert {row[1] for row in SIGNALS} == {"HK", "TW", "MO", "outside"}
    assert {row[2] for row in SIGNALS} == {"place", "viewpoint"}
    assert len({(row[0], row[1]) for row in SIGNALS}) == len(SIGNALS)
