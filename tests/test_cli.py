"""The command line, through typer's CliRunner: every format, standard
input, -o, and the error line and exit code for a bad input."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from newsfacts.claim import FIELDS
from newsfacts.cli import app

TEXT = "去年，醴陵市接待游客830万人次，实现旅游收入90余亿元，技工贸总收入同比增长28.5%。"
EXPECTED_TEXTS = ["830万人次", "90余亿元", "28.5%"]


def invoke(args, **kwargs):
    return CliRunner().invoke(app, args, **kwargs)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_jsonl_has_every_field_and_plain_numbers(article):
    result = invoke(["extract", "--format", "jsonl", str(article)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == EXPECTED_TEXTS
    assert all(list(r) == list(FIELDS) for r in rows)
    assert rows[1]["value"] == 9000000000 and isinstance(rows[1]["value"], int)
    assert rows[1]["qualifier"] == "over"
    assert rows[2]["change"] == "increase"
    assert rows[0]["source"] == str(article) and rows[0]["line"] == 1


def test_json_is_one_array(article):
    result = invoke(["extract", "--format", "json", str(article)])
    assert result.exit_code == 0
    assert [r["text"] for r in json.loads(result.stdout)] == EXPECTED_TEXTS


def test_json_of_nothing_is_an_empty_array(tmp_path):
    empty = tmp_path / "none.txt"
    empty.write_text("今天天气很好。", encoding="utf-8")
    result = invoke(["extract", "--format", "json", str(empty)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("fmt, dialect", [("csv", "excel"), ("tsv", "excel-tab")])
def test_delimited_formats_read_back(article, fmt, dialect):
    result = invoke(["extract", "--format", fmt, str(article)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline=""), dialect=dialect))
    assert list(rows[0]) == list(FIELDS)
    assert [r["text"] for r in rows] == EXPECTED_TEXTS
    assert rows[1]["value"] == "9000000000"


def test_default_format_off_a_terminal_is_csv(article):
    result = invoke(["extract", str(article)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == ",".join(FIELDS)


def test_table_shows_the_claims(article):
    result = invoke(["extract", "--format", "table", str(article)])
    assert result.exit_code == 0
    for text in EXPECTED_TEXTS:
        assert text in result.stdout


def test_standard_input_is_read_with_a_dash():
    result = invoke(["extract", "--format", "jsonl", "-"], input=TEXT.encode("utf-8"))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == EXPECTED_TEXTS
    assert rows[0]["source"] == "-"


def test_output_file(article, tmp_path):
    target = tmp_path / "out.jsonl"
    result = invoke(["extract", "--format", "jsonl", "-o", str(target), str(article)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [json.loads(line)["text"] for line in target.read_text(encoding="utf-8").splitlines()] == EXPECTED_TEXTS


def test_missing_file_is_one_error_line_and_the_rest_is_written(article):
    result = invoke(["extract", "--format", "jsonl", "missing.txt", str(article)])
    assert result.exit_code == 1
    assert result.stderr == "newsfacts: missing.txt: no such file\n"
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == EXPECTED_TEXTS


def test_unknown_format_is_a_usage_error(article):
    result = invoke(["extract", "--format", "xml", str(article)])
    assert result.exit_code == 2


def test_version():
    result = invoke(["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("newsfacts ")
