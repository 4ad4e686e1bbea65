"""Broken inputs never crash the command and never lose the good output.

Each row of BAD_INPUTS writes one bad file next to a good one and asserts
the exact error line on standard error, exit code 1, no traceback, and the
good file's claims still on standard output. New kinds of bad input go in
BAD_INPUTS; the JSON Lines cases are in test_io.py.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts import cli
from newsfacts.cli import app

GOOD = "去年，醴陵市接待游客830万人次，实现旅游收入90余亿元。"
GOOD_TEXTS = ["830万人次", "90余亿元"]
NO_HINT = "; give its encoding with --encoding"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# An empty file is no bad input: it is skipped with a line that does not
# fail the run (test_cli_habits_17.py, item 16).
BAD_INPUTS = [
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not text: this is a PNG image"),
    ("archive.txt.gz", gzip.compress(GOOD.encode()), "not text: this is gzip-compressed"),
    ("latin.txt", b"\x80\x81\xfe\xfd" * 50, "not text in any encoding I can tell" + NO_HINT),
    ("nul.txt", "增长5%\x00\x00三成".encode(), "binary data (NUL bytes)" + NO_HINT),
    ("digits.txt", b"1234567890\n0987654321\n", "no words in it, only digits and punctuation"),
    ("numbers.txt", " ".join(str(n) for n in range(100_000)).encode(), "no words in it, only digits and punctuation"),
    ("one-line.txt", ("数字：" + "、".join(str(n) for n in range(100_000))).encode(),
     "line 1 is longer than 200,000 characters: not news text"),
]


def invoke(args, **kwargs):
    return CliRunner().invoke(app, args, **kwargs)


def _good_texts(stdout: str) -> list[str]:
    return [json.loads(line)["text"] for line in stdout.splitlines()]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_bad_file_is_one_line_and_the_rest_is_written(tmp_path, name, data, reason):
    bad = _write(tmp_path / name, data)
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = invoke(["extract", "--format", "jsonl", str(bad), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {bad}: {reason}\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS


def test_missing_file(tmp_path):
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = invoke(["extract", "--format", "jsonl", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {tmp_path / 'nope.txt'}: no such file\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS


def test_folder_with_nothing_to_read(tmp_path):
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = invoke(["extract", "--format", "jsonl", str(empty), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {empty}: is a folder with no files to read in it\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS


def test_unreadable_file(tmp_path, monkeypatch):
    # Root reads any file whatever its mode, so refuse the open itself.
    locked = _write(tmp_path / "locked.txt", GOOD.encode())
    good = _write(tmp_path / "good.txt", GOOD.encode())
    real_open = Path.open

    def refusing_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    result = invoke(["extract", "--format", "jsonl", str(locked), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {locked}: permission denied\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS


def test_fifty_megabytes_without_a_line_break(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("w", encoding="utf-8") as handle:
        chunk = "增长5%，收入3万元，" * 1000
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = invoke(["extract", "--format", "jsonl", str(huge), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {huge}: line 1 is longer than 200,000 characters: not news text\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS


def test_a_large_file_is_read_in_pieces_with_offsets_into_the_whole(tmp_path, monkeypatch):
    # Shrink "large" so the test stays fast: pieces of 10,000 characters.
    monkeypatch.setattr("newsfacts.io.sources._WHOLE_FILE_BYTES", 50_000)
    monkeypatch.setattr("newsfacts.io.sources._PIECE_CHARS", 10_000)
    monkeypatch.setattr("newsfacts.io.sources._READ_BYTES", 4096)
    paragraph = "去年，醴陵市接待游客830万人次，实现旅游收入90余亿元。\n\n"
    big = tmp_path / "big.txt"
    big.write_text(paragraph * 3_000, encoding="utf-8")  # about 240 KB: two dozen pieces
    result = invoke(["extract", "--format", "jsonl", str(big)])
    assert result.exit_code == 0
    content = big.read_text(encoding="utf-8")
    lines = result.stdout.splitlines()
    assert len(lines) == 6_000
    for line in lines[::97] + lines[-3:]:
        claim = json.loads(line)
        assert content[claim["start"] : claim["end"]] == claim["text"]
        assert content.count("\n", 0, claim["start"]) + 1 == claim["line"]


def test_failed_run_leaves_the_previous_output_in_place(tmp_path, monkeypatch):
    target = _write(tmp_path / "facts.jsonl", b"previous good output\n")
    good = _write(tmp_path / "good.txt", GOOD.encode())

    def broken_writer(claims, fmt, out):
        out.write("half a line")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr("newsfacts.io.writers.write", broken_writer)
    result = invoke(["extract", "--format", "jsonl", "-o", str(target), str(good)])
    assert result.exit_code != 0
    assert target.read_bytes() == b"previous good output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".facts")] == []


def test_interrupt_exits_130_without_a_traceback(monkeypatch, capsys):
    def interrupted(**_options):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "newsfacts: interrupted\n"


def test_closed_pipe_ends_quietly(tmp_path):
    text = tmp_path / "many.txt"
    text.write_text("醴陵市接待游客830万人次，实现旅游收入90余亿元。\n" * 20_000, encoding="utf-8")
    newsfacts = Path(sys.executable).with_name("newsfacts")
    command = f"'{newsfacts}' extract --format jsonl '{text}' | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stderr == ""


def test_a_failure_on_one_document_is_that_documents_error(tmp_path, monkeypatch):
    import newsfacts.core.pipeline

    real_extract = newsfacts.core.pipeline.extract

    def failing_on_poison(text, **kwargs):
        if "poison" in text:
            raise RuntimeError("boom")
        return real_extract(text, **kwargs)

    monkeypatch.setattr(newsfacts.core.pipeline, "extract", failing_on_poison)
    poison = _write(tmp_path / "poison.txt", "poison 3个".encode())
    good = _write(tmp_path / "good.txt", GOOD.encode())
    result = invoke(["extract", "--format", "jsonl", str(poison), str(good)])
    assert result.exit_code == 1
    assert result.stderr == f"newsfacts: {poison}: internal error, please report it: RuntimeError: boom\n"
    assert _good_texts(result.stdout) == GOOD_TEXTS
