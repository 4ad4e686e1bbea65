"""Inputs and outputs, end to end through the command line (typer's
CliRunner) and the Python API.

Covers: every output format read back and compared with
`newsfacts.extract_file` (json, jsonl, csv, tsv, CSV quoting), --excel's
byte-order mark, encodings (UTF-8 with and without BOM, GB18030, Big5,
UTF-16, --encoding, binary files), the kinds of input (several files, a
folder, standard input, JSON Lines corpora and their bad records), the
filters (--kind, --min-value, --no-small-counts), the summary command,
-o, and the API's plain numbers (`Claim.to_dict`, `extract_file`).

The expected claims always come from the Python API; the command line must
write exactly those. A row the program gets wrong stays, marked with
`_bug("what goes wrong")` (a strict xfail).
"""
from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import random
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfacts
from newsfacts import extract, extract_file
from newsfacts.claim import FIELDS, Claim, Kind
from newsfacts.cli import app

ZHUZHOU = "samples/zhuzhou-daily-2024-01.txt"
GUANGDONG = "samples/002_guangdong-jan-feb-economy.txt"
HONG_KONG = "samples/025_hk-surplus-teachers-hunger-strike.txt"  # traditional characters
SAMPLES = [ZHUZHOU, GUANGDONG]

NUMERIC_FIELDS = ("start", "end", "value", "low", "high", "line")
DIALECTS = {"csv": "excel", "tsv": "excel-tab"}
BOM = b"\xef\xbb\xbf"

# Short articles whose claims are easy to tell apart (by source).
ARTICLE = "去年，醴陵市接待游客830万人次，实现旅游收入90余亿元，技工贸总收入同比增长28.5%。"
OTHER_ARTICLE = "今年一季度，全省规模以上工业增加值4745.61亿元，同比增长44.6%。"
THIRD_ARTICLE = "全县新建农村公路126公里，投入资金3.2亿元。"


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def invoke(args, **kwargs):
    return CliRunner().invoke(app, [str(arg) for arg in args], **kwargs)


def stdout_text(result) -> str:
    # result.stdout folds \r\n to \n; CSV needs the bytes as written.
    return result.stdout_bytes.decode("utf-8")


def jsonl_rows(result) -> list[dict]:
    return [json.loads(line) for line in stdout_text(result).splitlines()]


def dicts(claims) -> list[dict]:
    return [claim.to_dict() for claim in claims]


def delimited_rows(data: str, dialect: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data, newline=""), dialect=dialect))


def stderr_lines(result) -> list[str]:
    return result.stderr.splitlines()


def without_source(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "source"} for row in rows]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def assert_cell(cell: str, expected: object, field: str) -> None:
    """One CSV/TSV cell against the to_dict() value of its field."""
    if expected is None:
        assert cell == "", field
    elif isinstance(expected, bool):  # not expected in a claim, but never via int
        assert cell == str(expected), field
    elif isinstance(expected, int):
        assert cell == str(expected), field
    elif isinstance(expected, float):
        assert Decimal(cell) == Decimal(str(expected)), field
    else:
        assert cell == expected, field


# --------------------------------------------------------------------------
# 1. Round trips: every format reads back as the API's claims.


@pytest.mark.parametrize("sample", SAMPLES)
def test_json_reads_back_as_the_api_claims(in_root, sample):
    expected = dicts(extract_file(sample))
    assert expected, "the sample should have claims"
    result = invoke(["extract", "--format", "json", sample])
    assert result.exit_code == 0, result.stderr
    assert json.loads(stdout_text(result)) == expected


@pytest.mark.parametrize("sample", SAMPLES)
def test_jsonl_reads_back_as_the_api_claims(in_root, sample):
    expected = dicts(extract_file(sample))
    result = invoke(["extract", "--format", "jsonl", sample])
    assert result.exit_code == 0, result.stderr
    lines = stdout_text(result).splitlines()
    assert len(lines) == len(expected)
    assert [json.loads(line) for line in lines] == expected


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_writes_integers_past_64_bits(fmt):
    # orjson refuses such integers; the line is then written by the json module.
    from newsfacts.io import writers

    big = 10**24
    claim = dataclasses.replace(extract("产值30万元。")[0], value=Decimal(big))
    out = io.StringIO()
    writers.write([claim, claim], fmt, out)
    records = json.loads(out.getvalue()) if fmt == "json" else [json.loads(line) for line in out.getvalue().splitlines()]
    assert [record["value"] for record in records] == [big, big]
    assert records[0] == {**claim.to_dict(), "value": big}


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_delimited_reads_back_as_the_api_claims(in_root, sample, fmt):
    dialect = DIALECTS[fmt]
    expected = dicts(extract_file(sample))
    result = invoke(["extract", "--format", fmt, sample])
    assert result.exit_code == 0, result.stderr
    data = stdout_text(result)

    raw = delimited_rows(data, dialect)
    assert tuple(raw[0]) == FIELDS
    assert sum(1 for row in raw if tuple(row) == FIELDS) == 1, "exactly one header row"
    assert len(raw) == 1 + len(expected)

    rows = list(csv.DictReader(io.StringIO(data, newline=""), dialect=dialect))
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected):
        assert list(row) == list(FIELDS)
        for field in FIELDS:
            assert_cell(row[field], want[field], field)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_delimited_numbers_are_written_in_full(in_root, fmt):
    # 90余亿元 is 9000000000: a Decimal like 9E+9 inside.
    result = invoke(["extract", "--format", fmt, ZHUZHOU, GUANGDONG])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(stdout_text(result), newline=""), dialect=DIALECTS[fmt]))
    assert "9000000000" in [row["value"] for row in rows]
    for row in rows:
        for field in NUMERIC_FIELDS:
            assert "e" not in row[field].lower(), (field, row[field])


QUOTED_TEXT = '他说, "今年增长5%", \n全年计划投资3亿元。'


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_comma_and_quote_in_a_sentence_survive_quoting(tmp_path, fmt):
    path = write(tmp_path / "quoted.txt", QUOTED_TEXT)
    expected = dicts(extract_file(path))
    assert expected and all("," in c["sentence"] and '"' in c["sentence"] for c in expected)
    result = invoke(["extract", "--format", fmt, path])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(stdout_text(result), newline=""), dialect=DIALECTS[fmt]))
    assert [row["sentence"] for row in rows] == [c["sentence"] for c in expected]
    assert [row["text"] for row in rows] == [c["text"] for c in expected]


NASTY_SENTENCES = [
    '他说，"增长5%", 全年\n投资3亿元。',
    'a,b\r\n"c"\td',
    '"',
    "\n",
]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("sentence", NASTY_SENTENCES)
def test_writer_quotes_comma_quote_and_newline(fmt, sentence):
    # The pipeline folds line breaks in a sentence; the writer must still
    # round-trip any sentence it is given.
    from newsfacts.io import writers

    claim = Claim(start=0, end=2, text="5%", value=Decimal(5), low=None, high=None, unit="%",
                  kind=Kind.PERCENT, source="x.txt", line=1, sentence=sentence)
    out = io.StringIO(newline="")
    assert writers.write([claim, claim], fmt, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline=""), dialect=DIALECTS[fmt]))
    assert [row["sentence"] for row in rows] == [sentence, sentence]
    assert rows[0]["value"] == "5"


# --------------------------------------------------------------------------
# 2. --excel


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_excel_puts_a_bom_first_and_changes_nothing_else(in_root, fmt):
    plain = invoke(["extract", "--format", fmt, ZHUZHOU])
    excel = invoke(["extract", "--format", fmt, "--excel", ZHUZHOU])
    assert plain.exit_code == excel.exit_code == 0
    assert not plain.stdout_bytes.startswith(BOM)
    assert excel.stdout_bytes == BOM + plain.stdout_bytes


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_excel_leaves_json_alone(in_root, fmt):
    plain = invoke(["extract", "--format", fmt, ZHUZHOU])
    excel = invoke(["extract", "--format", fmt, "--excel", ZHUZHOU])
    assert excel.exit_code == 0
    assert excel.stdout_bytes == plain.stdout_bytes


def test_excel_bom_goes_into_the_output_file(tmp_path, in_root):
    target = tmp_path / "out.csv"
    plain = invoke(["extract", "--format", "csv", ZHUZHOU])
    result = invoke(["extract", "--format", "csv", "--excel", "-o", target, ZHUZHOU])
    assert result.exit_code == 0
    assert target.read_bytes() == BOM + plain.stdout_bytes


# --------------------------------------------------------------------------
# 3. Encodings


ENCODED = [
    (ZHUZHOU, "utf-8"),
    (ZHUZHOU, "utf-8-sig"),
    (ZHUZHOU, "gb18030"),
    (ZHUZHOU, "utf-16"),
    (HONG_KONG, "utf-8"),
    (HONG_KONG, "utf-8-sig"),
    (HONG_KONG, "gb18030"),
    (HONG_KONG, "big5"),
    (HONG_KONG, "utf-16"),
]


@pytest.mark.parametrize("sample, encoding", ENCODED)
def test_every_encoding_gives_the_same_claims(tmp_path, in_root, sample, encoding):
    text = Path(sample).read_text(encoding="utf-8")
    reference = write(tmp_path / "utf8" / "article.txt", text)
    encoded = write(tmp_path / encoding / "article.txt", text, encoding)
    if encoding == "utf-16":
        assert encoded.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    want = invoke(["extract", "--format", "jsonl", reference])
    got = invoke(["extract", "--format", "jsonl", encoded])
    assert want.exit_code == 0 and jsonl_rows(want)
    assert got.exit_code == 0, got.stderr
    assert got.stderr == ""
    assert without_source(jsonl_rows(got)) == without_source(jsonl_rows(want))


@pytest.mark.parametrize("text", [
    Path(__file__).resolve().parent.parent.joinpath(ZHUZHOU).read_text(encoding="utf-8"),
    "增长5%",  # too short to tell GB18030 from Big5 by itself
])
def test_encoding_option_reads_gb18030(tmp_path, text):
    path = write(tmp_path / "gb.txt", text, "gb18030")
    result = invoke(["extract", "--format", "jsonl", "--encoding", "gb18030", path])
    assert result.exit_code == 0, result.stderr
    assert jsonl_rows(result) == dicts(extract(text, source=str(path)))


def test_wrong_encoding_is_one_error_line_naming_the_file(tmp_path):
    path = write(tmp_path / "gb.txt", ARTICLE, "gb18030")
    result = invoke(["extract", "--format", "jsonl", "--encoding", "ascii", path])
    assert result.exit_code == 1
    assert len(stderr_lines(result)) == 1
    assert stderr_lines(result)[0].startswith(f"newsfacts: {path}: ")
    assert stdout_text(result) == ""


BINARIES = [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, id="png"),
    pytest.param(gzip.compress(ARTICLE.encode("utf-8") * 20), id="gzip"),
    pytest.param(random.Random(0).randbytes(4096), id="random-bytes"),
]


@pytest.mark.parametrize("data", BINARIES)
def test_binary_input_is_one_error_line_and_the_rest_is_written(tmp_path, data):
    good = write(tmp_path / "good.txt", ARTICLE)
    other = write(tmp_path / "other.txt", OTHER_ARTICLE)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    result = invoke(["extract", "--format", "jsonl", good, bad, other])
    assert result.exit_code == 1
    assert len(stderr_lines(result)) == 1, result.stderr
    assert stderr_lines(result)[0].startswith(f"newsfacts: {bad}: ")
    assert jsonl_rows(result) == dicts(extract_file(good)) + dicts(extract_file(other))


# --------------------------------------------------------------------------
# 4. Inputs


@pytest.mark.parametrize("order", [SAMPLES, SAMPLES[::-1]])
def test_several_files_in_the_order_given(in_root, order):
    result = invoke(["extract", "--format", "jsonl", *order])
    assert result.exit_code == 0
    assert jsonl_rows(result) == [row for name in order for row in dicts(extract_file(name))]


def test_a_folder_is_every_txt_below_it_sorted(tmp_path):
    folder = tmp_path / "corpus"
    # Written out of order; the .md and .json files are not read.
    write(folder / "c" / "d" / "e.txt", THIRD_ARTICLE)
    write(folder / "b.txt", OTHER_ARTICLE)
    write(folder / "a" / "z.txt", ARTICLE)
    write(folder / "c" / "notes.md", "总投资999亿元。")
    write(folder / "a" / "meta.json", '{"text": "总投资888亿元。"}')
    write(folder / "readme", "总投资777亿元。")
    expected_files = [folder / "a" / "z.txt", folder / "b.txt", folder / "c" / "d" / "e.txt"]

    result = invoke(["extract", "--format", "jsonl", folder])
    assert result.exit_code == 0, result.stderr
    rows = jsonl_rows(result)
    assert rows == [row for path in expected_files for row in dicts(extract_file(str(path)))]
    assert not any(text in row["text"] for row in rows for text in ("999", "888", "777"))


def test_a_folder_and_files_together(tmp_path):
    folder = tmp_path / "corpus"
    write(folder / "a.txt", ARTICLE)
    single = write(tmp_path / "single.txt", THIRD_ARTICLE)
    result = invoke(["extract", "--format", "jsonl", single, folder])
    assert result.exit_code == 0
    assert jsonl_rows(result) == dicts(extract_file(single)) + dicts(extract_file(str(folder / "a.txt")))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_standard_input_is_a_dash(in_root, encoding):
    text = Path(ZHUZHOU).read_text(encoding="utf-8")
    result = invoke(["extract", "--format", "jsonl", "-"], input=text.encode(encoding))
    assert result.exit_code == 0, result.stderr
    assert jsonl_rows(result) == dicts(extract(text, source="-"))


def test_standard_input_between_files(tmp_path):
    first = write(tmp_path / "first.txt", ARTICLE)
    last = write(tmp_path / "last.txt", THIRD_ARTICLE)
    result = invoke(["extract", "--format", "jsonl", first, "-", last], input=OTHER_ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    assert jsonl_rows(result) == (dicts(extract_file(first)) + dicts(extract(OTHER_ARTICLE, source="-"))
                                  + dicts(extract_file(last)))


def corpus_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


RECORDS = [
    {"id": "a1", "content": ARTICLE, "title": "醴陵"},
    {"id": "b2", "content": OTHER_ARTICLE},
    {"id": "c3", "content": THIRD_ARTICLE},
]


def test_jsonl_corpus_source_is_file_and_line(tmp_path):
    path = corpus_file(tmp_path, [json.dumps(r, ensure_ascii=False) for r in RECORDS])
    result = invoke(["extract", "--format", "jsonl", "--jsonl-field", "content", path])
    assert result.exit_code == 0, result.stderr
    expected = [row for number, record in enumerate(RECORDS, 1)
                for row in dicts(extract(record["content"], source=f"{path}:{number}"))]
    assert jsonl_rows(result) == expected


def test_jsonl_corpus_with_id_field(tmp_path):
    path = corpus_file(tmp_path, [json.dumps(r, ensure_ascii=False) for r in RECORDS])
    result = invoke(["extract", "--format", "jsonl", "--jsonl-field", "content", "--id-field", "id", path])
    assert result.exit_code == 0, result.stderr
    expected = [row for record in RECORDS for row in dicts(extract(record["content"], source=record["id"]))]
    assert jsonl_rows(result) == expected


BAD_RECORDS = [
    pytest.param('{"id": "x", "content": "增长5%', id="broken-json"),
    pytest.param('{"id": "x", "body": "增长5%"}', id="missing-field"),
    pytest.param('{"id": "x", "content": 42}', id="number-field"),
    pytest.param('{"id": "x", "content": ["增长5%"]}', id="list-field"),
    pytest.param('{"id": "x", "content": null}', id="null-field"),
    pytest.param('["增长5%"]', id="not-an-object"),
]


@pytest.mark.parametrize("bad", BAD_RECORDS)
def test_a_bad_record_is_one_error_line_and_the_rest_is_written(tmp_path, bad):
    good = [json.dumps(r, ensure_ascii=False) for r in RECORDS[:2]]
    path = corpus_file(tmp_path, [good[0], bad, good[1]])
    result = invoke(["extract", "--format", "jsonl", "--jsonl-field", "content", path])
    assert result.exit_code == 1
    assert len(stderr_lines(result)) == 1, result.stderr
    assert stderr_lines(result)[0].startswith(f"newsfacts: {path}:2: ")
    assert jsonl_rows(result) == (dicts(extract(RECORDS[0]["content"], source=f"{path}:1"))
                                  + dicts(extract(RECORDS[1]["content"], source=f"{path}:3")))


def test_every_bad_record_is_reported_by_its_line(tmp_path):
    lines = [json.dumps(RECORDS[0], ensure_ascii=False), '{"content": "增长5%',
             '{"body": "增长5%"}', '{"content": 42}', json.dumps(RECORDS[2], ensure_ascii=False)]
    path = corpus_file(tmp_path, lines)
    result = invoke(["extract", "--format", "jsonl", "--jsonl-field", "content", "--id-field", "id", path])
    assert result.exit_code == 1
    errors = stderr_lines(result)
    assert len(errors) == 3
    for line, number in zip(errors, (2, 3, 4)):
        assert line.startswith(f"newsfacts: {path}:{number}: ")
    assert {row["source"] for row in jsonl_rows(result)} == {"a1", "c3"}


@pytest.mark.parametrize("command", ["extract", "summary"])
def test_id_field_without_jsonl_field_is_a_usage_error(tmp_path, command):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = invoke([command, "--id-field", "id", path])
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_id_field_usage_error_writes_no_output(tmp_path, fmt):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = invoke(["extract", "--format", fmt, "--id-field", "id", path])
    assert result.exit_code == 2
    assert result.stdout == ""


# --------------------------------------------------------------------------
# 5. Filters


def _size(claim):
    return claim.value if claim.value is not None else claim.high


def test_kind_keeps_only_those_kinds(in_root):
    claims = extract_file(ZHUZHOU) + extract_file(GUANGDONG)
    kept = [c for c in claims if c.kind in (Kind.MONEY, Kind.PERCENT)]
    assert {c.kind for c in kept} == {Kind.MONEY, Kind.PERCENT}
    assert len(kept) < len(claims), "the samples have other kinds too"
    result = invoke(["extract", "--format", "jsonl", "--kind", "money,percent", ZHUZHOU, GUANGDONG])
    assert result.exit_code == 0
    assert jsonl_rows(result) == dicts(kept)


@pytest.mark.parametrize("args", [
    ["--kind", "nonsense"],
    ["--kind", "money,nonsense"],
    ["--min-value", "abc"],
    ["--min-value", "nan"],
])
def test_bad_filter_is_a_usage_error(tmp_path, args):
    path = write(tmp_path / "a.txt", ARTICLE)
    result = invoke(["extract", "--format", "jsonl", *args, path])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_min_value_keeps_values_at_least_that(in_root):
    claims = extract_file(ZHUZHOU) + extract_file(GUANGDONG)
    kept = [c for c in claims if _size(c) is not None and _size(c) >= 1000000]
    assert 0 < len(kept) < len(claims)
    result = invoke(["extract", "--format", "jsonl", "--min-value", "1000000", ZHUZHOU, GUANGDONG])
    assert result.exit_code == 0
    assert jsonl_rows(result) == dicts(kept)
    assert all((r["value"] if r["value"] is not None else r["high"]) >= 1000000 for r in jsonl_rows(result))


@pytest.mark.parametrize("min_value, kept_texts", [
    ("10000000", ["800万至1200万元"]),  # only the high end of the range is that large
    ("12000000", ["800万至1200万元"]),  # at least: the boundary is kept
    ("12000001", []),
    ("1e6", ["800万至1200万元"]),
])
def test_min_value_on_a_range_uses_its_high_end(tmp_path, min_value, kept_texts):
    path = write(tmp_path / "range.txt", "项目计划投资800万至1200万元，新增岗位50个。")
    ranges = [c for c in extract_file(path) if c.value is None]
    assert [c.text for c in ranges] == ["800万至1200万元"]
    result = invoke(["extract", "--format", "jsonl", "--min-value", min_value, path])
    assert result.exit_code == 0
    assert [r["text"] for r in jsonl_rows(result)] == kept_texts


SMALL_COUNTS = "全镇引进三个项目，新增3家企业，带动两人就业，吸纳12名工人，招聘十二名技工。"


def test_no_small_counts_drops_small_counts_in_words(tmp_path):
    path = write(tmp_path / "counts.txt", SMALL_COUNTS)
    everything = [c.text for c in extract_file(path)]
    assert {"三个", "两人", "3家", "12名", "十二名"} <= set(everything)
    result = invoke(["extract", "--format", "jsonl", "--no-small-counts", path])
    assert result.exit_code == 0
    texts = [r["text"] for r in jsonl_rows(result)]
    assert "三个" not in texts and "两人" not in texts
    assert texts == [t for t in everything if t not in ("三个", "两人")]


# --------------------------------------------------------------------------
# 6. summary


def _largest_money(claims) -> Claim:
    return max((c for c in claims if c.kind is Kind.MONEY), key=_size)


def test_summary_names_inputs_kinds_and_largest_money(in_root):
    result = invoke(["summary", ZHUZHOU, GUANGDONG])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    claims = extract_file(ZHUZHOU) + extract_file(GUANGDONG)
    for name in (ZHUZHOU, GUANGDONG):
        assert name in out
    for kind in {c.kind.value for c in claims}:
        assert kind in out, kind
    assert _largest_money(claims).text in out


def test_summary_of_zhuzhou_shows_its_largest_money_figure(in_root):
    result = invoke(["summary", ZHUZHOU])
    assert result.exit_code == 0
    assert _largest_money(extract_file(ZHUZHOU)).text == "90余亿元"
    assert "90余亿元" in result.stdout
    assert ZHUZHOU in result.stdout


def test_summary_with_a_missing_file_still_prints(in_root):
    result = invoke(["summary", ZHUZHOU, "missing.txt"])
    assert result.exit_code == 1
    assert result.stderr == "newsfacts: missing.txt: no such file\n"
    assert ZHUZHOU in result.stdout
    assert "90余亿元" in result.stdout


# --------------------------------------------------------------------------
# 7. -o


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_output_file_gets_what_stdout_would(tmp_path, in_root, fmt):
    target = tmp_path / f"out.{fmt}"
    plain = invoke(["extract", "--format", fmt, ZHUZHOU])
    result = invoke(["extract", "--format", fmt, "-o", target, ZHUZHOU])
    assert result.exit_code == 0
    assert result.stdout_bytes == b""
    assert target.read_bytes() == plain.stdout_bytes


def test_output_file_with_an_unknown_extension_takes_the_format_given(tmp_path, in_root):
    target = tmp_path / "out.txt"
    assert invoke(["extract", "-o", target, ZHUZHOU]).exit_code == 2  # no format named: a usage error
    assert not target.exists()
    result = invoke(["extract", "-o", target, "-f", "csv", ZHUZHOU])
    assert result.exit_code == 0
    assert result.stdout_bytes == b""
    assert delimited_rows(target.read_text(encoding="utf-8"), "excel")[0] == list(FIELDS)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_output_file_gets_the_users_umask(tmp_path, in_root, umask):
    # A file made by -o is made as any other program makes one, not 0600.
    import os

    old = os.umask(umask)
    try:
        target = tmp_path / "out.csv"
        assert invoke(["extract", "-o", target, ZHUZHOU]).exit_code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # nothing left beside it


def _same_path(tmp_path, path):
    return [path], path


def _relative_and_absolute(tmp_path, path):
    return [path.name], path  # the test runs in tmp_path


def _dotted(tmp_path, path):
    return [path], Path(".") / path.name


def _symlink(tmp_path, path):
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    return [path], link


def _inside_an_input_folder(tmp_path, path):
    return [tmp_path], path


@pytest.mark.parametrize("spell", [
    _same_path,
    _relative_and_absolute,
    _dotted,
    _symlink,
    _inside_an_input_folder,
], ids=lambda f: f.__name__.strip("_"))
def test_output_onto_an_input_is_refused(tmp_path, monkeypatch, spell):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "article.txt", ARTICLE)
    before = path.read_bytes()
    inputs, target = spell(tmp_path, path)
    result = invoke(["extract", "--format", "jsonl", "-o", target, *inputs])
    assert result.exit_code == 2
    assert path.read_bytes() == before
    assert result.stdout == ""


def test_output_onto_a_jsonl_corpus_is_refused(tmp_path):
    path = corpus_file(tmp_path, [json.dumps(RECORDS[0], ensure_ascii=False)])
    before = path.read_bytes()
    result = invoke(["extract", "--format", "jsonl", "--jsonl-field", "content", "-o", path, path])
    assert result.exit_code == 2
    assert path.read_bytes() == before


# --------------------------------------------------------------------------
# 8. The Python API


PLAIN_NUMBERS = [
    # (text, claim text, field, expected, type)
    ("投资30万元。", "30万元", "value", 300000, int),
    ("收入16.4亿元。", "16.4亿元", "value", 1640000000, int),
    ("总额93.59亿元。", "93.59亿元", "value", 9359000000, int),
    ("旅游收入90余亿元。", "90余亿元", "value", 9000000000, int),
    ("同比增长28.5%。", "28.5%", "value", 28.5, float),
    ("普及率达93.59%。", "93.59%", "value", 93.59, float),
    ("项目计划投资800万至1200万元。", "800万至1200万元", "low", 8000000, int),
    ("项目计划投资800万至1200万元。", "800万至1200万元", "high", 12000000, int),
    ("项目计划投资800万至1200万元。", "800万至1200万元", "value", None, type(None)),
]


@pytest.mark.parametrize("text, claim_text, field, expected, kind", PLAIN_NUMBERS)
def test_to_dict_has_plain_numbers(text, claim_text, field, expected, kind):
    found = {c.text: c for c in extract(text)}
    assert claim_text in found, list(found)
    plain = found[claim_text].to_dict()
    assert type(plain[field]) is kind
    assert plain[field] == expected
    assert list(plain) == list(FIELDS)
    assert json.loads(json.dumps(plain)) == plain
    if kind is int:
        assert f'"{field}": {expected},' in json.dumps(plain)


@pytest.mark.parametrize("as_path", [str, Path])
@pytest.mark.parametrize("sample", [ZHUZHOU, GUANGDONG, HONG_KONG])
def test_extract_file_equals_extract_with_source(in_root, sample, as_path):
    path = as_path(sample)
    text = Path(sample).read_text(encoding="utf-8")
    claims = extract_file(path)
    assert claims
    assert claims == extract(text, source=str(path))
    assert all(c.source == str(path) for c in claims)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_extract_file_detects_and_takes_an_encoding(tmp_path, in_root, encoding):
    text = Path(ZHUZHOU).read_text(encoding="utf-8")
    path = write(tmp_path / "article.txt", text, encoding)
    assert extract_file(path) == extract(text, source=str(path))
    assert extract_file(path, encoding=encoding) == extract(text, source=str(path))


def test_extract_file_of_a_binary_raises_decode_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(newsfacts.DecodeError):
        extract_file(path)
