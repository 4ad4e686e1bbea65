"""Golden files: the CLI's JSON Lines for every text in samples/.

tests/golden/NAME.jsonl holds the reviewed output for samples/NAME.txt.
After a deliberate change, rewrite them with `make golden` (or
`python tests/test_golden.py --regenerate`) and review the diff.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"


def run_cli(sample: Path) -> str:
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", f"samples/{sample.name}"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_sample_matches_golden(sample: Path, in_root) -> None:
    expected = (GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8")
    assert run_cli(sample) == expected


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_spans_point_into_the_text(sample: Path, in_root) -> None:
    content = sample.read_text(encoding="utf-8")
    for line in (GOLDEN / f"{sample.stem}.jsonl").read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        assert content[claim["start"] : claim["end"]] == claim["text"]


def test_every_sample_has_a_golden_file() -> None:
    assert SAMPLES
    assert {s.stem for s in SAMPLES} == {g.stem for g in GOLDEN.glob("*.jsonl")}


if __name__ == "__main__" and "--regenerate" in sys.argv:
    os.chdir(ROOT)
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.glob("*.jsonl"):
        stale.unlink()
    for sample in SAMPLES:
        (GOLDEN / f"{sample.stem}.jsonl").write_text(run_cli(sample), encoding="utf-8")
        print(f"wrote tests/golden/{sample.stem}.jsonl")
