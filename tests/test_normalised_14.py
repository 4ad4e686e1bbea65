"""Issue 14 through extract and the command line: the normalised value and
unit, the currency and the period of claims in real sentences, the date
and region read once per document (and alike for a file read in pieces),
and the new options with their exact messages.

The pure modules have tests of their own (test_convert_14, test_currency_14,
test_period_14, test_dateline_14). Rows here were written by hand from
sentences of the kind the dev texts hold (none is copied from the test
set); a new row goes in the list of its concern. The figures reported for
the dev set were measured on ../shared/data/dev, not here.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsfacts import extract
from newsfacts.cli import app
from newsfacts.core import normalised, period
from newsfacts.io import sources

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MAY_20 = datetime.date(2024, 5, 20)
AUGUST_26 = datetime.date(2024, 8, 26)

# (text, document date, claim, (norm_value, norm_unit, currency, period)), the
# value written out by hand, not computed from the conversion table.
FIELDS_ON_REAL_SENTENCES = [
    ("2021年1-2月，广东规模以上工业增加值4745.61亿元，同比增长44.6%。", None, "4745.61亿元",
     ("474561000000", "CNY", "CNY", "2021-01/2021-02")),
    ("2021年1-2月，广东规模以上工业增加值4745.61亿元，同比增长44.6%。", None, "44.6%",
     ("44.6", "%", None, "2021-01/2021-02")),
    ("全县今年种植水稻5万亩，比上年增加1.2公顷。", MAY_20, "5万亩",
     ("33333333.33333333333333333333", "m²", None, "2024")),
    ("全县今年种植水稻5万亩，比上年增加1.2公顷。", MAY_20, "1.2公顷", ("12000", "m²", None, "2024")),
    ("今年一季度，全省粮食产量30万吨。", MAY_20, "30万吨", ("300000000", "kg", None, "2024-01/2024-03")),
    ("上半年，全市完成投资300亿元。", AUGUST_26, "300亿元", ("30000000000", "CNY", "CNY", "2024-01/2024-06")),
    ("截至6月底，全市存款余额2000亿元。", AUGUST_26, "2000亿元", ("200000000000", "CNY", "CNY", "2024-06-30")),
    # 6月底 is after a document of 20 May: last year's, or a plan? Not guessed.
    ("截至6月底，全市存款余额2000亿元。", MAY_20, "2000亿元", ("200000000000", "CNY", "CNY", None)),
    ("全年用电量30亿千瓦时。", MAY_20, "30亿千瓦时", ("3000000000", "kWh", None, "2024")),
    ("当日最高气温98.6华氏度。", None, "98.6华氏度", ("37", "°C", None, None)),
    # A change converts without the offset: a fall of 9 °F is one of 5 °C.
    ("受冷空气影响，当地气温下降9华氏度。", None, "9华氏度", ("5", "°C", None, None)),
    ("该路段限速80公里/小时。", None, "80公里/小时", ("80", "km/h", None, None)),
    ("新房均价3516元/平方米。", None, "3516元/平方米", ("3516", "CNY/m²", "CNY", None)),
    ("3天内共接待游客12万人次。", None, "3天", ("3", "day", None, None)),
    ("3天内共接待游客12万人次。", None, "12万人次", ("120000", "count", None, None)),
    ("民國九十年，該校有學生1200人。", None, "1200人", ("1200", "count", None, "2001")),
    ("2022年上半年，全国快递业务量达500亿件。", None, "500亿件", ("50000000000", "count", None, "2022-01/2022-06")),
    ("近年来，全县新建住房5000套。", MAY_20, "5000套", ("5000", "count", None, None)),
    # A currency named before the number: 港幣, US$, ￥.
    ("昨日该股收报港幣3.14元。", MAY_20, "3.14元", ("3.14", "HKD", "HKD", "2024-05-19")),
    ("一杯咖啡售价US$5。", None, "US$5", ("5", "USD", "USD", None)),
    ("门票价格为￥120。", None, "￥120", ("120", "CNY", "CNY", None)),
    ("约合人民币3亿元。", None, "3亿元", ("300000000", "CNY", "CNY", None)),
    # ... or after its 元, in a Hong Kong article where a bare 元 is HKD.
    ("本港報章報道，貴州茶每公斤百來元人民幣，立法會議員表示關注。", None, "百來元人民幣", ("100", "CNY", "CNY", None)),
    ("该公司在港投资3亿元港币。", None, "3亿元", ("300000000", "HKD", "HKD", None)),
    # 去年同期: the period named before it, a year earlier.
    ("今年1-4月，全市社会消费品零售总额100亿元，同比增长5%；去年同期为95亿元。", MAY_20, "95亿元",
     ("9500000000", "CNY", "CNY", "2023-01/2023-04")),
    ("今年1-4月，全市社会消费品零售总额100亿元，同比增长5%；去年同期为95亿元。", None, "95亿元",
     ("9500000000", "CNY", "CNY", None)),
    # A Taiwan article: a bare 元 is the New Taiwan dollar.
    ("台北市政府昨天宣布，市民每月可領取三千元補助，行政院表示支持，在台外籍人士亦適用。", None, "三千元",
     ("3000", "TWD", "TWD", None)),
]


def _one(text: str, date: datetime.date | None, claim: str, **options):
    found = [c for c in extract(text, document_date=date, **options) if c.text == claim]
    assert len(found) == 1, [c.text for c in extract(text, document_date=date, **options)]
    return found[0]


@pytest.mark.parametrize(("text", "date", "claim", "expected"), FIELDS_ON_REAL_SENTENCES,
                         ids=[f"{row[2]} {row[1]}" for row in FIELDS_ON_REAL_SENTENCES])
def test_the_new_fields_on_real_sentences(text, date, claim, expected) -> None:
    found = _one(text, date, claim)
    value, unit, currency, when = expected
    assert (found.norm_value, found.norm_unit, found.currency, found.period) == (Decimal(value), unit, currency, when)


def test_a_range_is_normalised_at_both_ends() -> None:
    found = _one("项目总投资50万元到500万元。", None, "50万元到500万元")
    assert (found.norm_value, found.norm_low, found.norm_high, found.norm_unit) == (
        None, Decimal(500000), Decimal(5000000), "CNY")


HONG_KONG = "本港失業率3.1%，港府稱今年將撥款5.5億元，另購入美元2億元，立法會議員表示…"


@pytest.mark.parametrize(("override", "expected"), [(None, ["HKD", "USD"]), ("CNY", ["CNY", "USD"])])
def test_a_bare_yuan_is_the_regions_currency_unless_told(override, expected) -> None:
    money = [c for c in extract(HONG_KONG, currency=override) if c.kind == "money"]
    assert [c.currency for c in money] == expected
    assert [c.norm_unit for c in money] == expected


def test_a_currency_that_is_no_code_is_refused() -> None:
    with pytest.raises(ValueError, match="'hkd' is no currency code"):
        extract(HONG_KONG, currency="hkd")


# --- where the date comes from ---------------------------------------------

PAGES = """2021年3月10日

全市旅游收入增长

去年全市旅游收入90亿元，昨日接待游客3万人次。

外贸进出口再创新高

新华社北京2022年1月5日电 去年全国外贸进出口总额39万亿元。

粮食生产稳中有升

今年全省粮食产量300万吨。
"""


def test_each_article_has_its_own_date_else_the_first_articles() -> None:
    periods = {c.text: c.period for c in extract(PAGES)}
    # The file's date line is an article of its own; the dateline of the
    # third article, within the file's first ten lines, is that article's only.
    assert periods == {"90亿元": "2020", "3万人次": "2021-03-09", "39万亿元": "2021", "300万吨": "2021"}


def test_the_date_given_is_every_articles() -> None:
    periods = {c.text: c.period for c in extract(PAGES, document_date=datetime.date(2023, 6, 1))}
    assert periods == {"90亿元": "2022", "3万人次": "2023-05-31", "39万亿元": "2022", "300万吨": "2023"}


def test_a_date_line_between_a_headline_and_its_text_dates_it() -> None:
    text = "全市旅游收入增长\n\n2021年8月8日\n\n去年全市旅游收入90亿元。"
    assert [(c.text, c.period) for c in extract(text)] == [("90亿元", "2020")]


def test_a_later_articles_dateline_takes_its_year_from_the_documents_date() -> None:
    text = PAGES.replace("新华社北京2022年1月5日电", "新华社北京3月9日电")
    assert {c.text: c.period for c in extract(text)}["39万亿元"] == "2020"


def test_a_dateline_takes_its_year_from_the_date_line_and_gives_its_day() -> None:
    text = "2021年3月10日\n本报北京3月9日电 昨日，北京市新增就业岗位2万个，今年以来累计新增30万个。"
    assert [(c.text, c.period) for c in extract(text)] == [("2万个", "2021-03-08"),
                                                            ("30万个", "2021-01-01/2021-03-09")]


def test_a_text_without_a_date_gets_only_periods_written_in_full() -> None:
    text = "去年全县接待游客830万人次；2022年上半年旅游收入9亿元。"
    assert [(c.time, c.period) for c in extract(text)] == [("去年", None), ("2022年上半年", "2022-01/2022-06")]


# --- a claim without a document date never gets a relative period ---------

# Times as news writes them, relative and absolute (period_words.tsv has more).
TIMES = ["去年", "今年", "上月", "本月", "昨日", "昨（廿五）日", "上周五", "1-4月", "3月5日", "一季度", "前三季度",
         "上半年", "年底", "截至6月底", "7月20日以来", "今年以来", "同期", "去年同期", "上年同期",
         "2023年", "2022年上半年", "2021年5月1日至5日", "民國九十年", "2024年一季度", "近年来", "历史上", "目前"]
FIGURES = ["830万人次", "9亿元", "5.5%", "300万吨", "2862亩", "3个百分点"]


@st.composite
def news(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        time = draw(st.sampled_from(TIMES))
        figure = draw(st.sampled_from(FIGURES))
        filler = draw(st.sampled_from(["全市", "该县", "全省工业", "", "，其中"]))
        sentences.append(f"{time}{filler}完成{figure}" + draw(st.sampled_from(["。", "，", "；"])))
    return "".join(sentences)


@settings(max_examples=150, deadline=None)
@given(text=news())
def test_without_a_date_no_period_depends_on_one(text: str) -> None:
    undated = extract(text)
    early = extract(text, document_date=datetime.date(1999, 6, 15))
    late = extract(text, document_date=datetime.date(2031, 2, 3))
    assert len(undated) == len(early) == len(late)
    for claim, first, second in zip(undated, early, late):
        if claim.period is not None:
            # Found without a date, so written in full: the same whatever the date.
            assert claim.period == first.period == second.period, (claim.time, claim.period)
        if claim.time and period.resolve(claim.time, None) is None and "同期" not in claim.time:
            assert claim.period is None, claim.time


# --- the same in pieces ----------------------------------------------------


def _hong_kong_pages(characters: int) -> str:
    """The Hong Kong sample again and again under a date line, and an
    article in the middle dated by a dateline of its own."""
    sample = (SAMPLES / "025_hk-surplus-teachers-hunger-strike.txt").read_text(encoding="utf-8").strip()
    sample = sample.replace("\n", "\n\n", 1)  # its headline alone: each copy an article
    parts = ["2004年5月8日"]
    while sum(len(part) + 2 for part in parts) < characters:
        parts.append(sample)
        if len(parts) == 8:
            parts.append("超額教師再請願\n\n本報2005年1月3日訊 去年共有逾百名超額教師，政府撥款5億元。")
    return "\n\n".join(parts)[:characters]


def _records(claims) -> list[dict]:
    return [claim.to_dict() for claim in claims]


def _in_pieces(path: Path) -> list[dict]:
    claims = []
    for piece in sources.pieces(str(path)):
        claims += extract(piece.text, source="pages.txt", offset=piece.offset, first_line=piece.first_line,
                          provenance=piece.provenance)
    return _records(claims)


def test_a_large_file_read_in_pieces_has_the_dates_and_currency_of_the_whole(tmp_path, monkeypatch) -> None:
    text = _hong_kong_pages(450_000)  # past REGION_CHARACTERS: the pieces reader must read ahead for the region
    path = tmp_path / "pages.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sources, "_WHOLE_FILE_BYTES", 0)
    whole = _records(extract(text, source="pages.txt"))
    pieces = list(sources.pieces(str(path)))
    assert len(pieces) >= 3
    assert _in_pieces(path) == whole
    assert {c["currency"] for c in whole if c["kind"] == "money"} == {"HKD"}
    assert {c["period"] for c in whole if c["time"] == "去年"} == {"2003", "2004"}  # the file's date, and the article's own


@settings(max_examples=10, deadline=None)
@given(piece=st.integers(2_000, 30_000), read=st.integers(512, 20_000), region=st.integers(1_000, 80_000))
def test_the_same_dates_and_currencies_wherever_the_pieces_are_cut(tmp_path_factory, piece, read, region) -> None:
    text = _hong_kong_pages(60_000)
    path = tmp_path_factory.mktemp("pieces") / "pages.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(normalised, "REGION_CHARACTERS", region)
        patch.setattr(sources, "_WHOLE_FILE_BYTES", 0)
        patch.setattr(sources, "_PIECE_CHARS", piece)
        patch.setattr(sources, "_READ_BYTES", read)
        assert len(list(sources.pieces(str(path)))) >= 2
        assert _in_pieces(path) == _records(extract(text, source="pages.txt"))


# --- the command line ------------------------------------------------------

TEXT = "2023年收入港币3亿元，2024年1-4月收入5亿元，去年同期为4亿元，另有美元2亿元。"


def invoke(args, **kwargs):
    return CliRunner().invoke(app, args, **kwargs)


def usage_line(args: list[str]) -> str:
    """The line the command prints for a usage error in ARGS, as main() prints it."""
    result = CliRunner().invoke(app, args, input="增长5%", standalone_mode=False)
    error = result.exception
    assert error is not None and getattr(error, "exit_code", None) == 2, result.output
    return f"newsfacts: error: {error.format_message()}"


USAGE_ERRORS_ISSUE_14 = [
    (["--date", "2024-02-30"], "newsfacts: error: --date: 2024-02-30 is no day of the calendar: February 2024 has 29 days"),
    (["--date", "2024/03/09"], "newsfacts: error: --date: '2024/03/09' is not a date written YYYY-MM-DD, such as 2024-03-09"),
    (["--date-field", "date"], "newsfacts: error: --date-field needs --jsonl-field"),
    (["--currency", "HDK"],
     "newsfacts: error: --currency: 'HDK' is no currency code newsfacts knows (such as CNY, HKD, TWD, USD)"),
    (["--currency", "HKD,USD"], "newsfacts: error: --currency: give one code, such as HKD, not 'HKD,USD'"),
    (["--in-currency", "港币"],
     "newsfacts: error: --in-currency: '港币' is no currency code newsfacts knows (such as CNY, HKD, TWD, USD)"),
    (["--in-currency", ","], "newsfacts: error: --in-currency: no currency named (e.g. --in-currency HKD,USD)"),
    (["--period-from", "2024-13"], "newsfacts: error: --period-from: '2024-13' is no month of the calendar"),
    (["--period-to", "last year"],
     "newsfacts: error: --period-to: 'last year' is not a period written YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-03"),
    (["--period-to", "2024-01/2024-03"],
     "newsfacts: error: --period-to: give one period, such as 2024-03, not an interval '2024-01/2024-03'"),
    (["--period-from", "2024-05", "--period-to", "2024-03"],
     "newsfacts: error: --period-from 2024-05 is after --period-to 2024-03"),
]


@pytest.mark.parametrize(("args", "line"), USAGE_ERRORS_ISSUE_14, ids=[" ".join(row[0]) for row in USAGE_ERRORS_ISSUE_14])
def test_bad_values_are_usage_errors_naming_the_option(args, line) -> None:
    assert usage_line(["extract", *args, "-"]) == line


def test_the_command_prints_a_usage_error_as_one_line_and_exits_2() -> None:
    result = subprocess.run([sys.executable, "-m", "newsfacts", "extract", "--date", "2024-02-30", "-"],
                            capture_output=True, text=True, input="增长5%", timeout=120)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == USAGE_ERRORS_ISSUE_14[0][1] + "\n"


def _rows(args: list[str]) -> list[dict]:
    result = invoke(["extract", "-f", "jsonl", *args, "-"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


FILTERS_ISSUE_14 = [
    ([], ["3亿元", "5亿元", "4亿元", "2亿元"]),
    (["--in-currency", "HKD"], ["3亿元"]),
    (["--in-currency", "hkd,usd"], ["3亿元", "2亿元"]),
    (["--in-currency", "HKD", "--in-currency", "USD"], ["3亿元", "2亿元"]),
    (["--period-from", "2024"], ["5亿元"]),
    (["--period-to", "2023-12"], ["3亿元", "4亿元", "2亿元"]),
    # Overlapping is enough: 2023 reaches into 2023-06..2024-02, 2024-01/2024-04 starts in it.
    (["--period-from", "2023-06", "--period-to", "2024-02"], ["3亿元", "5亿元"]),
    (["--period-from", "2023-05-01", "--period-to", "2023-05-31"], ["3亿元"]),
    (["--kind", "money", "--in-currency", "CNY", "--period-from", "2023"], ["5亿元", "4亿元"]),
]


@pytest.mark.parametrize(("args", "texts"), FILTERS_ISSUE_14, ids=[" ".join(row[0]) or "none" for row in FILTERS_ISSUE_14])
def test_the_currency_and_period_filters(args, texts) -> None:
    assert [row["text"] for row in _rows(["--date", "2024-05-20", *args])] == texts


def test_without_a_date_the_period_filters_drop_the_relative_times() -> None:
    assert [row["text"] for row in _rows(["--period-from", "2000"])] == ["3亿元", "5亿元"]


def test_currency_overrides_a_bare_yuan_only() -> None:
    rows = _rows(["--currency", "USD"])
    assert [(row["text"], row["currency"]) for row in rows] == [
        ("3亿元", "HKD"), ("5亿元", "USD"), ("4亿元", "USD"), ("2亿元", "USD")]


def test_csv_and_json_headers_have_the_new_fields_after_entity() -> None:
    expected = ["text", "value", "unit", "kind", "low", "high", "qualifier", "change", "measure", "time",
                "entity", "norm_value", "norm_low", "norm_high", "norm_unit", "currency", "period", "source", "line",
                "start", "end", "sentence"]
    result = invoke(["extract", "-f", "csv", "--date", "2024-05-20", "-"], input=TEXT.encode("utf-8"))
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == expected
    assert rows[2][expected.index("norm_value"):expected.index("source")] == ["500000000", "", "", "CNY", "CNY",
                                                                            "2024-01/2024-04"]
    assert list(_rows([])[0]) == expected


def test_the_table_shows_the_normalised_columns_only_when_asked() -> None:
    plain = invoke(["extract", "-f", "table", "--date", "2024-05-20", "-"], input=TEXT.encode("utf-8"))
    shown = invoke(["extract", "-f", "table", "--date", "2024-05-20", "-n", "-"], input=TEXT.encode("utf-8"))
    assert plain.exit_code == shown.exit_code == 0
    assert "period" not in plain.stdout and "2024-01/2024-04" not in plain.stdout
    for text in ("norm_value", "norm_unit", "currency", "period", "300000000", "HKD", "2024-01/2024-04"):
        assert text in shown.stdout


def test_normalised_with_another_format_says_it_is_ignored() -> None:
    result = invoke(["extract", "-f", "jsonl", "-n", "-"], input="增长5%".encode("utf-8"))
    assert result.exit_code == 0
    assert result.stderr == "newsfacts: --normalised applies to the table only (jsonl has every field): ignored\n"


CORPUS = [
    {"text": "去年全县旅游收入9亿元。", "date": "2024-03-09T10:00:00+08:00"},
    {"text": "去年旅游收入8亿元。"},
    {"text": "今年1-4月旅游收入7亿元。", "date": "yesterday"},
    {"text": "上月收入港币3亿元。", "date": "2023年2月1日"},
]


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in CORPUS), encoding="utf-8")
    return path


def _corpus_run(corpus: Path, *args: str):
    result = invoke(["extract", "--jsonl-field", "text", "--date-field", "date", "-f", "jsonl", *args, str(corpus)])
    assert result.exit_code == 0, result.output
    return [(row["text"], row["period"], row["currency"]) for row in map(json.loads, result.stdout.splitlines())], result.stderr


def test_each_record_is_dated_by_its_field_with_one_warning_per_file(corpus) -> None:
    rows, warnings = _corpus_run(corpus)
    assert rows == [("9亿元", "2023", "CNY"), ("8亿元", None, "CNY"), ("7亿元", None, "CNY"), ("3亿元", "2023-01", "HKD")]
    assert warnings == (f"newsfacts: {corpus}:2: field 'date' holds no date (missing): only a dateline in its text "
                        f"can date it; not said again for {corpus}\n")


def test_records_without_a_date_get_the_date_option(corpus) -> None:
    rows, warnings = _corpus_run(corpus, "--date", "2020-06-01")
    assert rows == [("9亿元", "2023", "CNY"), ("8亿元", "2019", "CNY"), ("7亿元", "2020-01/2020-04", "CNY"),
                    ("3亿元", "2023-01", "HKD")]
    assert warnings == (f"newsfacts: {corpus}:2: field 'date' holds no date (missing): dated by --date instead; "
                        f"not said again for {corpus}\n")


def test_summary_sums_the_normalised_values_by_kind_unit_and_period() -> None:
    text = "2023年播种5万亩，2023年又播种1公顷，收入3亿元，增长5%；2024年收入港币2亿元，支出港币4亿元。"
    result = invoke(["summary", "--sum", "-f", "csv", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.replace("\r", "").splitlines() == [
        "kind,unit,period,claims,sum",
        "area,m²,2023,2,33343333.333333332",
        "money,CNY,2023,1,300000000",
        "money,HKD,2024,2,600000000",
    ]
    data = json.loads(invoke(["summary", "--sum", "-f", "json", "-"], input=text.encode("utf-8")).stdout)
    assert data["sums"][-1] == {"kind": "money", "unit": "HKD", "period": "2024", "claims": 2, "sum": 600000000}
