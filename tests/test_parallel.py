"""--jobs N spreads documents over worker processes and writes exactly
what --jobs 1 writes, in the same order."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app


def _run(args):
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_two_jobs_write_what_one_job_writes(in_root, fmt):
    one = _run(["extract", "--format", fmt, "--jobs", "1", "samples"])
    two = _run(["extract", "--format", fmt, "--jobs", "2", "samples"])
    assert one.stdout_bytes == two.stdout_bytes
    assert one.stdout_bytes.count(b"\n") > 200


def test_jobs_keep_errors_in_place(in_root, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"r{n}", "content": f"第{n}篇：全县接待游客{n}万人次。"} for n in range(1, 40)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[7] = "{broken"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["extract", "--format", "jsonl", "--jsonl-field", "content", "--id-field", "id", str(corpus)]
    one = _run(args + ["--jobs", "1"])
    two = _run(args + ["--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr == f"newsfacts: {corpus}:8: not JSON: Expecting property name enclosed in double quotes\n"


def test_zero_jobs_means_every_core(in_root):
    assert _run(["extract", "--format", "jsonl", "--jobs", "0", "samples/004_fake-doctor-romance-fraud.txt"]).stdout
