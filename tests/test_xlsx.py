"""--format xlsx: workbooks written by XlsxWriter and read back by openpyxl
(and by LibreOffice, where it is installed): numeric cells, exact
integers, numbers Excel cannot hold as text with a note, empty nulls, the
header, the filter, and text that looks like a formula kept as text.

New records go in RECORDS, with what their cells must be in CELLS."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.claim import FIELDS
from newsfacts.cli import app
from newsfacts.io.xlsx import TOO_PRECISE

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [ROOT / "samples" / "zhuzhou-daily-2024-01.txt", ROOT / "samples" / "009_tw-ntd-fx-and-stock-rally.txt"]

# (id, content): ids and texts that a spreadsheet would take for formulas,
# and numbers past what a double or Excel's 15 digits hold.
RECORDS = [
    ("=1+1", "=SUM(A1:A9)收入3万元。"),
    ("+cmd", "+1利润为-5%。"),
    ("-2", "@SUM(1)游客830万人次。"),
    ("@x", "收入1234567890123456789元，收入12345678901234567万元，增长12.3456789012345678%。"),
    ("plain", "项目投资50万元到500万元。"),
]

# claim text -> {column: (openpyxl's type, value)}; None: an empty cell.
CELLS = {
    "3万元": {"value": (int, 30000), "low": None, "high": None, "source": (str, "=1+1"),
             "sentence": (str, "=SUM(A1:A9)收入3万元。")},
    "-5%": {"text": (str, "-5%"), "value": (int, -5), "source": (str, "+cmd")},
    "830万人次": {"value": (int, 8300000), "source": (str, "-2"), "start": (int, 9), "line": (int, 1)},
    "1234567890123456789元": {"value": (str, "1234567890123456789")},
    "12345678901234567万元": {"value": (str, "123456789012345670000")},
    "12.3456789012345678%": {"value": (str, "12.3456789012345678")},
    "50万元到500万元": {"value": None, "low": (int, 500000), "high": (int, 5000000)},
}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xlsx")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "content": c}, ensure_ascii=False) + "\n" for i, c in RECORDS),
                      encoding="utf-8")
    target = folder / "facts.xlsx"
    result = CliRunner().invoke(app, ["extract", "--jsonl-field", "content", "--id-field", "id", str(corpus),
                                      "-o", str(target)])
    assert result.exit_code == 0, result.output
    rows = CliRunner().invoke(app, ["extract", "--jsonl-field", "content", "--id-field", "id", str(corpus),
                                    "-f", "jsonl"]).stdout
    return target, [json.loads(line) for line in rows.splitlines()]


def _claims_sheet(path):
    book = openpyxl.load_workbook(path)
    return book, book["claims"]


@pytest.mark.parametrize("text", list(CELLS), ids=list(CELLS))
def test_cells(workbook, text):
    path, claims = workbook
    _, sheet = _claims_sheet(path)
    header = [c.value for c in sheet[1]]
    rows = {row[FIELDS.index("text")].value: row for row in sheet.iter_rows(min_row=2)}
    row = rows[text]
    for column, expected in CELLS[text].items():
        cell = row[header.index(column)]
        if expected is None:
            assert cell.value is None and cell.data_type == "n", column
            continue
        kind, value = expected
        assert type(cell.value) is kind and cell.value == value, column
        if kind is str:
            assert cell.data_type == "s", column
        if column in ("value", "low", "high") and kind is str:
            assert cell.comment is not None and cell.comment.text.startswith(TOO_PRECISE[:20])
        if kind is str and value[:1] in "=+-@":
            assert cell.quotePrefix, column


def test_every_claim_and_field_is_there(workbook):
    path, claims = workbook
    _, sheet = _claims_sheet(path)
    assert [c.value for c in sheet[1]] == list(FIELDS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims):
        for column, (name, cell) in enumerate(zip(FIELDS, row)):
            expected = claim[name]
            if expected is None:
                assert cell is None
            elif isinstance(cell, str) and name in ("value", "low", "high", "norm_value", "norm_low", "norm_high"):
                assert _same_number(cell, expected), name
            else:
                assert cell == expected, (name, column)


def _same_number(text: str, expected: int | float) -> bool:
    """TEXT, a number in full, is EXPECTED (JSON's float when not whole)."""
    exact = Decimal(text)
    return exact == expected if isinstance(expected, int) else float(exact) == expected


def test_header_frozen_bold_filtered_and_sentence_wrapped(workbook):
    path, claims = workbook
    _, sheet = _claims_sheet(path)
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    last = openpyxl.utils.get_column_letter(len(FIELDS))
    assert sheet.auto_filter.ref == f"A1:{last}{len(claims) + 1}"
    sentence = openpyxl.utils.get_column_letter(FIELDS.index("sentence") + 1)
    assert sheet[f"{sentence}2"].alignment.wrap_text
    measure = openpyxl.utils.get_column_letter(FIELDS.index("measure") + 1)
    assert sheet.column_dimensions[measure].width >= 8


def test_no_formula_anywhere(workbook):
    path, _ = workbook
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_summary_sheet(workbook):
    path, claims = workbook
    book, _ = _claims_sheet(path)
    rows = list(book["summary"].iter_rows(values_only=True))
    per_kind = {row[0]: row[1] for row in rows[1:] if row[0] and row[0] != "all" and isinstance(row[1], int)
                and row[0] not in {c["source"] for c in claims}}
    kinds = {}
    for claim in claims:
        kinds[claim["kind"]] = kinds.get(claim["kind"], 0) + 1
    assert per_kind == kinds
    per_input = {row[0]: row[1] for row in rows if row[0] in {c["source"] for c in claims}}
    assert per_input == {source: sum(c["source"] == source for c in claims) for source in per_input}
    assert len(per_input) == len(RECORDS)


def test_samples_workbook_and_summary_workbook(tmp_path):
    target = tmp_path / "facts.xlsx"
    result = CliRunner().invoke(app, ["extract", *map(str, SAMPLES), "--format", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    _, sheet = _claims_sheet(target)
    assert sheet.max_row - 1 == len(CliRunner().invoke(app, ["extract", *map(str, SAMPLES), "-f", "jsonl"]).stdout.splitlines())
    summary = tmp_path / "summary.xlsx"
    assert CliRunner().invoke(app, ["summary", *map(str, SAMPLES), "-o", str(summary)]).exit_code == 0
    assert openpyxl.load_workbook(summary).sheetnames == ["summary", "largest"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui)")
def test_libreoffice_reads_the_same_values(workbook, tmp_path):
    path, claims = workbook
    # UTF-8 (76), cell values as stored, not as shown (the ninth token).
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", options, "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    rows = list(csv.reader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8"))))
    assert rows[0] == list(FIELDS)
    assert len(rows) - 1 == len(claims)
    for row, claim in zip(rows[1:], claims):
        for name, cell in zip(FIELDS, row):
            expected = claim[name]
            if expected is None:
                assert cell == "", name
            elif name in ("value", "low", "high", "norm_value", "norm_low", "norm_high", "start", "end", "line"):
                assert _same_number(cell, expected), name
            else:
                assert cell == str(expected), name
