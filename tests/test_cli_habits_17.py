"""Issue 17 (a command line that fits people's habits), the items done so
far, each as a user meets it: through a real pipe or a terminal."""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

NEWSFACTS = str(Path(sys.executable).with_name("newsfacts"))
SAMPLES = sorted(str(path) for path in (Path(__file__).parent.parent / "samples").glob("*.txt"))


def _first_line_then_close(args: list[str]) -> int:
    """Run newsfacts with ARGS, read one line of its output and close the
    pipe, as `| head -1` does; its exit status."""
    process = subprocess.Popen([NEWSFACTS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    status = process.wait(timeout=120)
    assert b"Traceback" not in error
    return status


# Item 3, rows written for each writer: a closed pipe is no failure (exit 0, as rg does).
CLOSED_PIPE_ISSUE_17 = [
    ["extract", *SAMPLES, "-f", "csv"],
    ["extract", *SAMPLES, "-f", "jsonl"],
    ["extract", *SAMPLES, "-f", "table"],
    ["summary", *SAMPLES],
]


@pytest.mark.parametrize("args", CLOSED_PIPE_ISSUE_17, ids=lambda args: " ".join(args[:1] + args[-2:]))
def test_a_closed_pipe_ends_quietly_with_status_0(args: list[str]) -> None:
    assert _first_line_then_close(args) == 0


def test_standard_input_is_read_when_no_file_is_named() -> None:
    # Item 4: cat a.txt | newsfacts extract
    result = subprocess.run([NEWSFACTS, "extract", "-f", "csv"], input="去年全县接待游客830万人次。",
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "830万人次" in result.stdout


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """newsfacts ARGS with a terminal as standard input and output (a new
    pseudo-terminal; subprocess forks and execs in C, safe beside pytest's threads)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([NEWSFACTS, *args], stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True)
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=120), output.decode("utf-8", "replace")


def test_no_file_on_a_terminal_is_a_usage_hint_not_a_silent_wait() -> None:
    # Item 4: nothing piped in and no file named.
    status, output = _on_a_terminal(["extract"])
    assert status == 2
    # The terminal's copy has colours and a box around the message, folded to its width.
    plain = "".join(re.sub(r"\x1b\[[0-9;]*m", "", output).split()).replace("│", "")
    assert "noinput" in plain and "cata.txt|newsfactsextract" in plain


# Item 5, rows written by hand: the short options and newsfacts alone.
HELP_ISSUE_17 = [
    (["-h"], "Usage"),
    (["extract", "-h"], "Usage"),
    (["-V"], "newsfacts "),
    ([], "Usage"),
]


@pytest.mark.parametrize(("args", "shown"), HELP_ISSUE_17, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_help_and_version_have_short_options_and_exit_0(args: list[str], shown: str) -> None:
    result = subprocess.run([NEWSFACTS, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert shown in result.stdout


# Item 6, rows written by hand: usage errors are one line, as input errors are, exit 2.
USAGE_ERRORS_ISSUE_17 = [
    (["extract", "--kind", "salary", "a.txt"], "newsfacts: error: --kind: unknown kind 'salary' (known: "),
    (["extract", "--fromat", "csv", "a.txt"], "newsfacts: error: No such option: --fromat"),
    (["report"], "newsfacts: error: No such command 'report'."),
    (["extract", "-o", "", "a.txt"], "newsfacts: error: --output: an empty file name (an unset variable?)"),
]


@pytest.mark.parametrize(("args", "start"), USAGE_ERRORS_ISSUE_17, ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_usage_errors_are_one_line(args: list[str], start: str) -> None:
    result = subprocess.run([NEWSFACTS, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(start)
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def _texts(args: list[str]) -> list[str]:
    result = subprocess.run([NEWSFACTS, "extract", "-f", "jsonl", *args], capture_output=True, text=True, timeout=120,
                            input="去年全县接待游客830万人次，旅游收入9亿元，新增民宿36家，增长5%。")
    assert result.returncode == 0, result.stderr
    return [line.split('"text":"')[1].split('"')[0] for line in result.stdout.splitlines()]


# Item 7, rows written by hand: options as a user types them.
OPTIONS_ISSUE_17 = [
    (["--kind", "money", "--kind", "count"], ["830万人次", "9亿元", "36家"]),
    (["--kind", "money,count"], ["830万人次", "9亿元", "36家"]),
    (["--min-value", "1万"], ["830万人次", "9亿元"]),
    (["--min-value", "100,000"], ["830万人次", "9亿元"]),
    (["--min-value", "1.5亿"], ["9亿元"]),
    (["--min-value", "十亿"], []),
]


@pytest.mark.parametrize(("args", "texts"), OPTIONS_ISSUE_17, ids=lambda value: " ".join(value))
def test_options_read_as_typed(args: list[str], texts: list[str]) -> None:
    assert _texts(args) == texts


def test_excel_with_a_format_it_does_not_apply_to_warns() -> None:
    result = subprocess.run([NEWSFACTS, "extract", "-f", "json", "--excel"], capture_output=True, text=True,
                            timeout=120, input="增长5%")
    assert result.returncode == 0
    assert result.stderr == "newsfacts: --excel applies to csv and tsv only, not json: ignored\n"


def test_an_unknown_encoding_is_a_usage_error() -> None:
    result = subprocess.run([NEWSFACTS, "extract", "--encoding", "nonsense", "-"], capture_output=True, text=True,
                            timeout=120, input="增长5%")
    assert (result.returncode, result.stderr) == (2, "newsfacts: error: --encoding: unknown encoding 'nonsense'\n")


# Item 1, rows written by hand: -o's extension chooses the format; one it does not know is an error.
EXTENSIONS_ISSUE_17 = [
    (["-o", "facts.ndjson"], 0, "", '{"start":'),
    (["-o", "facts.json", "-f", "csv"], 0, "newsfacts: --format csv wins over the extension of facts.json\n", "start,end,"),
    (["-o", "facts.parquet"], 2, "newsfacts: error: --output facts.parquet: Parquet is written with --dask", None),
    (["-o", "facts.txt"], 2, "newsfacts: error: --output facts.txt: its extension names none of this command's formats", None),
]


@pytest.mark.parametrize(("args", "status", "error", "starts"), EXTENSIONS_ISSUE_17,
                         ids=lambda value: " ".join(value) if isinstance(value, list) else None)
def test_the_output_extension_chooses_the_format(tmp_path, args, status, error, starts) -> None:
    result = subprocess.run([NEWSFACTS, "extract", *args], input="增长5%", capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == status
    assert result.stderr.startswith(error) and (error or result.stderr == "")
    written = tmp_path / args[1]
    if starts is None:
        assert not written.exists()  # refused before any work
    else:
        assert written.read_text(encoding="utf-8").startswith(starts)


def test_help_shows_examples_and_shell_completion() -> None:
    # Item 5: examples under each command's help, and completion for the user's shell.
    extract = subprocess.run([NEWSFACTS, "extract", "-h"], capture_output=True, text=True, timeout=120).stdout
    assert "Examples:" in extract and "cat a.txt | newsfacts extract -f jsonl" in extract
    summary = subprocess.run([NEWSFACTS, "summary", "-h"], capture_output=True, text=True, timeout=120).stdout
    assert "newsfacts summary corpus/ -o summary.xlsx" in summary
    root = subprocess.run([NEWSFACTS, "-h"], capture_output=True, text=True, timeout=120).stdout
    assert "--install-completion" in root
