"""bench/dev_dates.tsv, the dev texts' dates read by eye (issue 14's figure of
periods with `--date` given), agrees with the texts and with the reader:

- one row per dev text (../shared/data/dev/texts, development data only);
- each part of a row's evidence (between ……, before a note in brackets)
  is in its text, so a date is read from the text's own words;
- a `carried` row's date is the one dateline.document_date finds, and the
  reader finds none in the other texts (else the row should say carried);
- a date is given exactly where `how` says one is.
"""
from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

import pytest

from newsfacts.core.dateline import date_from_user, document_date

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "bench" / "dev_dates.tsv"
DEV_TEXTS = ROOT.parent / "shared" / "data" / "dev" / "texts"
WITH_DATE = {"carried", "dateline", "latest"}
WITHOUT_DATE = {"year", "none"}


def _rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()
needs_dev_texts = pytest.mark.skipif(not DEV_TEXTS.is_dir(), reason="the dev texts are not here")


def test_columns_and_kinds() -> None:
    assert list(ROWS[0]) == ["text", "date", "how", "evidence"]
    for row in ROWS:
        assert row["how"] in WITH_DATE | WITHOUT_DATE, row
        assert bool(row["date"]) == (row["how"] in WITH_DATE), row
        if row["date"]:
            assert date_from_user(row["date"]).isoformat() == row["date"]


@needs_dev_texts
def test_one_row_per_dev_text() -> None:
    assert sorted(row["text"] for row in ROWS) == sorted(path.name for path in DEV_TEXTS.glob("*.txt"))


def _evidence_parts(evidence: str) -> list[str]:
    words = re.sub(r"\s*\([^()]*\)\s*$", "", evidence)  # a note of ours after the words
    return [part for part in words.split("……") if part]


def test_evidence_parts() -> None:
    assert _evidence_parts("近日发布的《报告》 (no day)") == ["近日发布的《报告》"]
    assert _evidence_parts("9日，记者……今年1-7月") == ["9日，记者", "今年1-7月"]


@needs_dev_texts
@pytest.mark.parametrize("row", ROWS, ids=[row["text"] for row in ROWS])
def test_row_agrees_with_its_text(row: dict[str, str]) -> None:
    text = (DEV_TEXTS / row["text"]).read_text(encoding="utf-8")
    for part in _evidence_parts(row["evidence"]):
        assert part in text, part
    found = document_date(text)
    if row["how"] == "carried":
        assert found == datetime.date.fromisoformat(row["date"])
    else:
        assert found is None
