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
from terminal import read_all

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
    output = read_all(controller)
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
    (["-o", "facts.ndjson"], 0, "", '{"text":'),
    (["-o", "facts.json", "-f", "csv"], 0, "newsfacts: --format csv wins over the extension of facts.json\n", "text,value,"),
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


# Item 5, the rest: help shows what a person types, never typer's Python
# type names, at the widths of a terminal; every kind, format and field is
# listed whole, and the examples are there.
TYPE_NAMES = ["<bool>", "<str>", "<list", "<int range>", "<int>", "[0<=x<=1024]"]


def _help(args: list[str], columns: int) -> str:
    result = subprocess.run([NEWSFACTS, *args, "-h"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _words(help_text: str) -> str:
    """The help's text as one line: the box drawing and line breaks gone, so
    a row's help reads on across its wrapped lines (and a word cut in two
    by a wrap would show as two)."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", help_text).split())


def _listed(names) -> str:
    names = list(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


HELP_SHOWN_ISSUE_17 = [
    (["extract"], [
        "Usage: newsfacts extract [OPTIONS] [FILE...]",
        "FILE... Text files or folders",
        "--format -f FORMAT Output format: " + _listed(["table", "csv", "tsv", "json", "jsonl", "html", "xlsx"]) + ".",
        "--output -o PATH Write here",
        "--excel Start CSV/TSV output",
        "--kind KIND[,KIND...] Only these kinds; repeat or separate with commas: "
        "percent, percentage_point, money, count, weight, area, length, volume, energy, power, speed, temperature, "
        "duration, age, multiple, fraction, index_point, price, number.",
        "--fields FIELD[,FIELD...] Only these fields, in this order; repeat or separate with commas: "
        "text, value, unit, kind, low, high, qualifier, change, measure, time, entity, norm_value, norm_low, "
        "norm_high, norm_unit, currency, period, source, line, start, end, sentence.",
        "--no-header CSV/TSV without the header row.",
        "--min-value NUMBER Only claims at least this large",
        "--encoding NAME Read the inputs in this encoding",
        "--quiet -q No progress bar.",
        "--jobs -j N Worker processes, 0 to 1024: 0 means one per core",
        "--help -h Show this message and exit.",
        "Examples: newsfacts extract article.txt newsfacts extract corpus/ -o facts.csv --kind money,percent "
        "cat a.txt | newsfacts extract -f jsonl",
    ]),
    (["summary"], [
        "Usage: newsfacts summary [OPTIONS] [FILE...]",
        "--format -f FORMAT Output format: table, csv, json, html or xlsx.",
        "--output -o PATH Write here",
        "--jobs -j N Worker processes, 0 to 1024",
        "Examples: newsfacts summary corpus/ newsfacts summary corpus/ -o summary.xlsx",
    ]),
    ([], [
        "--version -V Show the version and exit.",
        "--install-completion Install completion for the current shell.",
        "--help -h Show this message and exit.",
    ]),
]


@pytest.mark.parametrize("columns", [100, 80])
@pytest.mark.parametrize(("args", "shown"), HELP_SHOWN_ISSUE_17,
                         ids=[" ".join(row[0]) or "newsfacts" for row in HELP_SHOWN_ISSUE_17])
def test_help_shows_readable_metavars_and_every_choice_whole(args: list[str], shown: list[str], columns: int) -> None:
    help_text = _help(args, columns)
    assert [name for name in TYPE_NAMES if name in help_text] == []
    words = _words(help_text)
    assert [line for line in shown if line not in words] == []
    assert max(map(len, help_text.splitlines())) <= columns


def test_jobs_out_of_range_is_a_usage_error_in_words() -> None:
    result = subprocess.run([NEWSFACTS, "extract", "--jobs", "2000", "-"], input="增长5%", capture_output=True,
                            text=True, timeout=120)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "newsfacts: error: --jobs: 2000 is out of range: give 0 (one per core) to 1024\n"


# Item 8, rows written by hand: --fields picks and orders the fields,
# --no-header drops CSV's and TSV's header row. Exact bytes (CSV ends its
# lines in CR LF).
FIELDS_ISSUE_17 = [
    (["-f", "csv", "--fields", "start,text,value", "--fields", "unit"], "start,text,value,unit\r\n2,5%,5,%\r\n"),
    (["-f", "csv", "--no-header"], "5%,5,%,percent,,,,increase,,,,5,,,%,,,-,1,2,4,增长5%\r\n"),
    (["-f", "tsv", "--fields", "text,kind", "--no-header"], "5%\tpercent\r\n"),
    (["-f", "jsonl", "--fields", "kind,text,kind"], '{"kind":"percent","text":"5%"}\n'),
    (["-f", "json", "--fields", "text"], '[\n {"text":"5%"}\n]\n'),
    (["-f", "csv"], "text,value,unit,kind,low,high,qualifier,change,measure,time,entity,norm_value,norm_low,norm_high,"
                    "norm_unit,currency,period,source,line,start,end,sentence\r\n"
                    "5%,5,%,percent,,,,increase,,,,5,,,%,,,-,1,2,4,增长5%\r\n"),
]


@pytest.mark.parametrize(("args", "written"), FIELDS_ISSUE_17, ids=[" ".join(row[0]) for row in FIELDS_ISSUE_17])
def test_fields_and_no_header(args: list[str], written: str) -> None:
    result = subprocess.run([NEWSFACTS, "extract", *args], input="增长5%".encode(), capture_output=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("utf-8") == written


def test_the_default_order_is_one_order_for_every_format() -> None:
    # What the claim says first, then where it is; JSON's keys in the same order.
    from dataclasses import fields

    from newsfacts import extract
    from newsfacts.claim import FIELDS, Claim

    assert FIELDS[:4] == ("text", "value", "unit", "kind") and FIELDS[-1] == "sentence"
    assert sorted(FIELDS) == sorted(field.name for field in fields(Claim))
    assert tuple(extract("增长5%")[0].to_dict()) == FIELDS


OPTION_NOTES_ISSUE_17 = [
    (["-f", "csv", "--fields", "txt"], 2,
     "newsfacts: error: --fields: unknown field 'txt' (known: text, value, unit, kind, low, high, qualifier, change, "
     "measure, time, entity, norm_value, norm_low, norm_high, norm_unit, currency, period, source, line, start, end, "
     "sentence)\n"),
    (["-f", "csv", "--fields", ","], 2, "newsfacts: error: --fields: no field named (e.g. --fields text,value,unit)\n"),
    (["-f", "json", "--no-header"], 0, "newsfacts: --no-header applies to csv and tsv only, not json: ignored\n"),
    (["-f", "html", "--fields", "text"], 0,
     "newsfacts: --fields applies to table, csv, tsv, json and jsonl only, not html: ignored\n"),
    (["--dask", "threads", "--fields", "text", "-o", "facts.parquet"], 2,
     "newsfacts: error: --fields does not apply with --dask (it writes Parquet or JSON Lines shards, on the cluster's "
     "workers)\n"),
]


@pytest.mark.parametrize(("args", "status", "error"), OPTION_NOTES_ISSUE_17,
                         ids=[" ".join(row[0]) for row in OPTION_NOTES_ISSUE_17])
def test_fields_and_no_header_errors_and_notes(tmp_path, args: list[str], status: int, error: str) -> None:
    result = subprocess.run([NEWSFACTS, "extract", *args, "-"], input="增长5%", capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (status, error)


def test_the_table_writer_is_given_the_fields(monkeypatch) -> None:
    # The table draws its own columns; write() hands it the selection.
    import io

    from newsfacts.io import writers

    given = []
    monkeypatch.setattr(writers, "_write_table", lambda claims, out, fields, normalised: given.append(
        {"fields": fields, "normalised": normalised}) or 0)
    writers.write([], "table", io.StringIO(), fields=("text", "value"))
    assert given == [{"fields": ("text", "value"), "normalised": False}]


# Item 12: summary's table names each input by its path below the folder
# the inputs share, folded onto more lines when long, never cut to "co…".
def _on_a_terminal_of(columns: int, args: list[str], cwd: Path) -> str:
    """What newsfacts ARGS shows on a terminal COLUMNS wide (set on the
    pseudo-terminal itself, as a terminal window sets it)."""
    import fcntl
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environment = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    process = subprocess.Popen([NEWSFACTS, *args], stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True,
                               cwd=cwd, env=environment)
    os.close(terminal)
    output = read_all(controller)
    assert process.wait(timeout=120) == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output.decode("utf-8", "replace")).replace("\r", "")


def _first_column(table: str) -> list[str]:
    """The first column's cells of the first table, each put back together
    from the lines it was folded onto (a folded line has no count)."""
    cells: list[str] = []
    for line in table.split("┡")[1].split("└")[0].splitlines():
        columns = line.split("│")
        if len(columns) < 3:
            continue
        if columns[2].strip():
            cells.append(columns[1].strip())
        else:
            cells[-1] += columns[1].strip()
    return cells


LONG_NAME = "a-much-longer-file-name-for-the-stock-rally-story.txt"


@pytest.mark.parametrize("columns", [100, 80, 60])
def test_summary_names_stay_whole_and_distinct(tmp_path, columns: int) -> None:
    for name, text in (("city/report.txt", "收入3万元。"), ("county/a/report.txt", "增长5%，收入9亿元。"),
                       (f"county/a/{LONG_NAME}", "游客830万人次。")):
        (tmp_path / "corpus" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    shown = _on_a_terminal_of(columns, ["summary", "corpus"], tmp_path)
    assert shown.splitlines()[0].rstrip() == "claims per input and kind, inputs in corpus/"
    assert "…" not in shown
    assert _first_column(shown) == ["city/report.txt", f"county/a/{LONG_NAME}", "county/a/report.txt", "all"]
    assert max(map(len, shown.splitlines())) <= columns


def test_summary_names_files_of_two_folders_apart(tmp_path) -> None:
    # Both hold x.txt: named from the folder they share, never both "x.txt".
    for folder in ("a", "b"):
        (tmp_path / "corpus" / folder).mkdir(parents=True)
        (tmp_path / "corpus" / folder / "x.txt").write_text("收入3万元。", encoding="utf-8")
    result = subprocess.run([NEWSFACTS, "summary", "corpus/a", "corpus/b"], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert " ".join(result.stdout.split()).startswith("claims per input and kind, inputs in corpus/ ┏")  # the title wraps to the table
    assert _first_column(result.stdout) == ["a/x.txt", "b/x.txt", "all"]


def test_summary_csv_keeps_the_names_as_given(tmp_path) -> None:
    # For joining with extract's source column: the path as given.
    (tmp_path / "corpus" / "city").mkdir(parents=True)
    (tmp_path / "corpus" / "city" / "report.txt").write_text("收入3万元。", encoding="utf-8")
    result = subprocess.run([NEWSFACTS, "summary", "corpus", "-f", "csv"], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.stdout.splitlines() == ["input,claims,money", "corpus/city/report.txt,1,1", "all,1,1"]


# Item 16: an empty file is reported on one line and skipped; it does not
# fail the run (cat, jq and rg take it as nothing to do). An input that
# cannot be read still does.
EMPTY_ISSUE_17 = [
    (["corpus"], 0, "newsfacts: corpus/blank.txt: empty, skipped\nnewsfacts: corpus/empty.txt: empty, skipped\n",
     ["5%"]),
    (["corpus/empty.txt"], 0, "newsfacts: corpus/empty.txt: empty, skipped\n", []),
    (["corpus", "missing.txt"], 1, "newsfacts: corpus/blank.txt: empty, skipped\n"
     "newsfacts: corpus/empty.txt: empty, skipped\nnewsfacts: missing.txt: no such file\n", ["5%"]),
    (["corpus", "--jobs", "2"], 0, "newsfacts: corpus/blank.txt: empty, skipped\n"
     "newsfacts: corpus/empty.txt: empty, skipped\n", ["5%"]),
]


@pytest.fixture
def corpus_with_empty_files(tmp_path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    (tmp_path / "corpus" / "blank.txt").write_bytes(b"  \n\n\t \n")
    (tmp_path / "corpus" / "good.txt").write_text("增长5%", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "status", "error", "texts"), EMPTY_ISSUE_17,
                         ids=[" ".join(row[0]) for row in EMPTY_ISSUE_17])
def test_an_empty_file_is_skipped_and_does_not_fail_the_run(corpus_with_empty_files, args, status, error, texts):
    result = subprocess.run([NEWSFACTS, "extract", "-f", "jsonl", *args], capture_output=True, text=True,
                            timeout=120, cwd=corpus_with_empty_files)
    assert (result.returncode, result.stderr) == (status, error)
    assert [line.split('"text":"')[1].split('"')[0] for line in result.stdout.splitlines()] == texts


def test_empty_standard_input_is_skipped_too() -> None:
    result = subprocess.run([NEWSFACTS, "extract", "-f", "jsonl"], input="", capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "newsfacts: -: empty, skipped\n")


def test_an_empty_file_alone_still_writes_the_output_file(corpus_with_empty_files) -> None:
    # It was read, and has nothing in it: facts.csv is the header alone (a
    # run that read nothing at all leaves -o as it was).
    result = subprocess.run([NEWSFACTS, "extract", "corpus/empty.txt", "-o", "facts.csv"], capture_output=True,
                            text=True, timeout=120, cwd=corpus_with_empty_files)
    assert (result.returncode, result.stderr) == (0, "newsfacts: corpus/empty.txt: empty, skipped\n")
    assert (corpus_with_empty_files / "facts.csv").read_text(encoding="utf-8").startswith("text,value,unit,kind,")


def test_summary_skips_an_empty_file_without_failing(corpus_with_empty_files) -> None:
    result = subprocess.run([NEWSFACTS, "summary", "corpus", "-f", "csv"], capture_output=True, text=True,
                            timeout=120, cwd=corpus_with_empty_files)
    assert (result.returncode, result.stderr) == (0, "newsfacts: corpus/blank.txt: empty, skipped\n"
                                                     "newsfacts: corpus/empty.txt: empty, skipped\n")
    assert result.stdout.splitlines() == ["input,claims,percent", "corpus/good.txt,1,1", "all,1,1"]


# Item 15: make run installs what extraction needs and says so first; make
# test adds the extras the suite needs (its Dask tests need dask and pyarrow).
def _make_plan(target: str, tmp_path: Path) -> str:
    # Run from `make test` itself, make would print "make[1]: Entering
    # directory" around the plan and pass its flags down: neither is the plan.
    env = {name: value for name, value in os.environ.items() if name not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    result = subprocess.run(["make", "--no-print-directory", "-n", target, f"VENV={tmp_path}/venv"],
                            capture_output=True, text=True, timeout=60, cwd=Path(__file__).parent.parent, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_installs_only_what_extraction_needs(tmp_path) -> None:
    plan = _make_plan("run", tmp_path).splitlines()
    assert plan[0] == f'echo "make run: installing newsfacts into {tmp_path}/venv (first run only)…"'
    assert f"{tmp_path}/venv/bin/pip install --quiet -e ." in plan
    assert not [line for line in plan if "[test" in line or "dask" in line]


def test_make_test_installs_the_test_and_dask_extras(tmp_path) -> None:
    plan = _make_plan("test", tmp_path).splitlines()
    assert f"{tmp_path}/venv/bin/pip install --quiet -e '.[test,dask]'" in plan
    assert plan[-1] == f"{tmp_path}/venv/bin/python -m pytest -n auto"  # a worker per core


def _csv_header() -> bytes:
    from newsfacts.claim import FIELDS

    return ",".join(FIELDS).encode() + b"\r\n"


CSV_HEADER = _csv_header()


def _stderr_on_a_terminal(args: list[str], tmp_path: Path, stdin: bytes | None = None,
                          env: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """newsfacts ARGS with a 100-column terminal as standard error only;
    standard output goes to a file (a pipe could fill while the terminal is
    read), standard input is STDIN from a file, or nothing. Its status, what
    the terminal showed, and standard output."""
    import fcntl
    import struct
    import termios

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    given = tmp_path / "stdin"
    given.write_bytes(stdin or b"")
    written = tmp_path / "stdout"
    environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
    environment.pop("COLUMNS", None)
    with given.open("rb") as source, written.open("wb") as sink:
        process = subprocess.Popen([NEWSFACTS, *args], stdin=source, stdout=sink, stderr=terminal, close_fds=True,
                                   env=environment)
        os.close(terminal)
        shown = read_all(controller)
        status = process.wait(timeout=120)
    return status, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace")), written.read_bytes()


# Item 11: progress in bytes of input done, on standard error, only on a terminal.

def test_progress_on_a_terminal_counts_the_bytes_of_the_files(tmp_path) -> None:
    # More than three files: a bar, which ends at every byte of them (the
    # old bar counted files, and a single large file was 100% at once).
    status, shown, output = _stderr_on_a_terminal(["extract", "-f", "csv", *SAMPLES], tmp_path)
    total = sum(os.path.getsize(name) for name in SAMPLES) / 1000
    assert status == 0 and output.startswith(CSV_HEADER)
    assert f"{total:.1f}/{total:.1f} kB 100%" in shown


def test_progress_on_a_terminal_counts_the_bytes_read_from_standard_input(tmp_path) -> None:
    # Standard input has no size ahead: a spinner and the bytes so far (there was nothing).
    text = Path(SAMPLES[0]).read_bytes()
    status, shown, output = _stderr_on_a_terminal(["extract", "-f", "csv"], tmp_path, stdin=text)
    assert status == 0 and output.startswith(CSV_HEADER)
    assert f"reading {len(text) / 1000:.1f} kB read" in shown


@pytest.mark.parametrize("args", [["extract", "-f", "csv", "-q", *SAMPLES], ["extract", "-f", "csv", "-q"]],
                         ids=["files", "stdin"])
def test_quiet_shows_no_progress(tmp_path, args) -> None:
    status, shown, _ = _stderr_on_a_terminal(args, tmp_path, stdin=Path(SAMPLES[0]).read_bytes())
    assert (status, shown) == (0, "")


def test_no_progress_when_standard_error_is_not_a_terminal() -> None:
    for stdin in (None, Path(SAMPLES[0]).read_bytes()):
        result = subprocess.run([NEWSFACTS, "extract", "-f", "csv", *([] if stdin else SAMPLES)], input=stdin,
                                capture_output=True, timeout=120)
        assert result.returncode == 0 and result.stdout.startswith(CSV_HEADER)
        assert result.stderr == b""


def test_no_progress_bar_through_claims_printed_on_the_terminal() -> None:
    # The rows on the screen are the progress; a bar would be drawn through them.
    status, output = _on_a_terminal(["extract", "-f", "csv", *SAMPLES])
    assert status == 0 and "830万人次" in output
    assert "━" not in output and " kB" not in output and "reading" not in output  # no bar, of files or of bytes


def test_a_large_file_moves_the_progress_piece_by_piece(tmp_path, monkeypatch) -> None:
    # Shrunk: a file past _WHOLE_FILE_BYTES is read in pieces; each counts its
    # share of the bytes, and together they count every byte of the file.
    from newsfacts.io import sources

    monkeypatch.setattr(sources, "_WHOLE_FILE_BYTES", 0)
    monkeypatch.setattr(sources, "_READ_BYTES", 4096)
    monkeypatch.setattr(sources, "_PIECE_CHARS", 2000)
    monkeypatch.setattr(sources, "_STUCK_CHARS", 8000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"".join(Path(name).read_bytes() for name in SAMPLES))
    pieces = list(sources.pieces(str(path)))
    assert len(pieces) >= 4
    assert sum(piece.size for piece in pieces) == path.stat().st_size
    assert all(0 < piece.size < path.stat().st_size / 3 for piece in pieces)


# Item 13: the library in a notebook.

def test_dir_shows_the_api_a_notebook_completes() -> None:
    import newsfacts

    assert {"extract", "extract_file", "Claim", "Kind", "to_dataframe"} <= set(dir(newsfacts))
    assert "to_dataframe" in newsfacts.__all__


NOTEBOOK_TEXT = "去年全县接待游客830万人次，旅游收入9亿元，新增民宿36家，建成三个中心，增长5%，工期3至5年。"


# Rows written by hand: the command line's options and the same filters as keywords.
FILTERS_ISSUE_17 = [
    (["--kind", "money,count"], {"kinds": "money,count"}),
    (["--kind", "money", "--kind", "percent"], {"kinds": ["money", "percent"]}),
    (["--min-value", "1万"], {"min_value": "1万"}),
    (["--min-value", "100,000"], {"min_value": 100_000}),
    (["--no-small-counts"], {"small_counts": False}),
    (["--kind", "count", "--min-value", "10", "--no-small-counts"],
     {"kinds": "count", "min_value": 10, "small_counts": False}),
]


@pytest.mark.parametrize(("args", "keywords"), FILTERS_ISSUE_17,
                         ids=lambda value: " ".join(value) if isinstance(value, list) else None)
def test_the_api_filters_as_the_command_line_does(args, keywords) -> None:
    import newsfacts

    result = subprocess.run([NEWSFACTS, "extract", "-f", "jsonl", *args], capture_output=True, text=True,
                            timeout=120, input=NOTEBOOK_TEXT)
    assert result.returncode == 0, result.stderr
    by_command = [line.split('"text":"')[1].split('"')[0] for line in result.stdout.splitlines()]
    by_api = [claim.text for claim in newsfacts.extract(NOTEBOOK_TEXT, **keywords)]
    assert by_api == by_command and by_api != [c.text for c in newsfacts.extract(NOTEBOOK_TEXT)]


def test_extract_file_filters_too(tmp_path) -> None:
    import newsfacts

    path = tmp_path / "a.txt"
    path.write_text(NOTEBOOK_TEXT, encoding="gb18030")
    assert [c.text for c in newsfacts.extract_file(path, kinds="money", min_value="1亿")] == ["9亿元"]


@pytest.mark.parametrize(("keywords", "message"), [
    ({"kinds": "salary"}, "unknown kind 'salary' (known: percent, percentage_point, money, "),
    ({"kinds": ""}, "no kind named (e.g. kinds='money,percent')"),
    ({"min_value": "lots"}, "not a number: 'lots'"),
    ({"min_value": "inf"}, "not a finite number: Infinity"),
], ids=str)
def test_a_bad_filter_is_a_value_error_saying_what(keywords, message) -> None:
    import newsfacts

    with pytest.raises(ValueError) as raised:
        newsfacts.extract(NOTEBOOK_TEXT, **keywords)
    assert str(raised.value).startswith(message)


def test_to_dataframe_has_numeric_and_category_columns() -> None:
    pytest.importorskip("pandas")
    import math

    import newsfacts
    from newsfacts.claim import FIELDS

    frame = newsfacts.to_dataframe(newsfacts.extract(NOTEBOOK_TEXT))
    assert list(frame.columns) == list(FIELDS)
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes == {
        "start": "int64", "end": "int64", "text": "string", "value": "float64", "low": "float64", "high": "float64",
        "unit": "string", "kind": "category", "qualifier": "category", "change": "category", "measure": "string",
        "time": "string", "entity": "string", "source": "string", "line": "int64", "sentence": "string",
        "norm_value": "float64", "norm_low": "float64", "norm_high": "float64", "norm_unit": "string",
        "currency": "string", "period": "string",
    }
    assert frame["text"].tolist() == ["830万人次", "9亿元", "36家", "三个", "5%", "3至5年"]
    assert frame["value"].tolist()[:5] == [8300000.0, 900000000.0, 36.0, 3.0, 5.0]
    assert math.isnan(frame["value"].iloc[5]) and (frame["low"].iloc[5], frame["high"].iloc[5]) == (3.0, 5.0)
    assert frame["kind"].cat.categories.tolist() == [kind.value for kind in newsfacts.Kind]
    assert frame["value"].sum() == 900_000_000 + 8_300_000 + 36 + 3 + 5


def test_to_dataframe_of_no_claims_and_of_a_value_past_a_float() -> None:
    pytest.importorskip("pandas")
    from decimal import Decimal

    import newsfacts
    from newsfacts.claim import FIELDS, Claim, Kind

    empty = newsfacts.to_dataframe([])
    assert list(empty.columns) == list(FIELDS) and len(empty) == 0 and str(empty["value"].dtype) == "float64"
    huge = Claim(0, 1, "1", Decimal(10) ** 5000, None, None, None, Kind.NUMBER)
    assert newsfacts.to_dataframe([huge])["value"].tolist() == [float("inf")]


def test_to_dataframe_without_pandas_says_how_to_get_it(monkeypatch) -> None:
    import newsfacts

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError) as raised:
        newsfacts.to_dataframe([])
    assert str(raised.value) == "newsfacts.to_dataframe needs pandas: pip install 'newsfacts[pandas]'"


# Item 14: short texts in a legacy encoding, read by their characters.
# Rows are phrases from samples/ (and the issue's 增长5%), each in the
# encodings it can be written in; the detector alone misread most of them.
SHORT_TEXTS_ISSUE_17 = [
    ("增长5%", "gb18030"),  # the issue's: read as Big5 崝酗5%
    ("增长5%", "utf-8"),
    ("同比增长28.5%", "gb18030"),
    ("接待游客830万人次", "gb18030"),
    ("旅游收入90余亿元", "gb18030"),
    ("普及率达93.59%", "gb18030"),
    ("目前", "gb18030"),  # also valid UTF-8, as Ŀǰ
    ("攸县", "gb18030"),
    ("新台幣兌美元匯率", "big5"),
    ("新台幣兌美元匯率", "gb18030"),
    ("貶值五．一分", "big5"),
    ("百貨周年慶", "big5"),
    ("大盤價量齊揚", "big5"),
    ("超額教師", "big5"),
    ("超額教師", "utf-8"),
    ("café", "utf-8"),  # not Chinese, and UTF-8 as it says
]


@pytest.mark.parametrize(("text", "encoding"), SHORT_TEXTS_ISSUE_17, ids=lambda value: value)
def test_a_short_text_is_read_in_the_encoding_whose_characters_are_common(text, encoding) -> None:
    from newsfacts.io.decode import reading

    found = reading(text.encode(encoding))
    assert (found.text, found.guessed) == (text, False)


def test_the_issue_s_short_gb18030_file_is_read_right(tmp_path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("增长5%".encode("gb18030"))
    result = subprocess.run([NEWSFACTS, "extract", "-f", "jsonl", str(path)], capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert '"text":"5%"' in result.stdout and '"change":"increase"' in result.stdout
    assert '"sentence":"增长5%"' in result.stdout


# Rows: short texts that read about as well in two encodings (700亩 of
# samples/zhuzhou-daily is also Big5 700薇): read, and said to be a guess.
GUESSED_ISSUE_17 = [
    ("700亩", "gb18030", "gb18030"),
    ("醴陵", "big5", "gb18030"),  # wrong (目钞), and said so
]


@pytest.mark.parametrize(("text", "encoding", "read_as"), GUESSED_ISSUE_17, ids=lambda value: value)
def test_a_close_call_is_one_line_naming_the_file_and_the_encoding(tmp_path, text, encoding, read_as) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    result = subprocess.run([NEWSFACTS, "extract", "-f", "csv", str(path)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0
    assert result.stderr == (f"newsfacts: {path}: read as {read_as}, a guess for so short a text; "
                             "give --encoding if it reads wrong\n")
    given = subprocess.run([NEWSFACTS, "extract", "-f", "csv", "--encoding", encoding, str(path)],
                           capture_output=True, text=True, timeout=120)
    assert (given.returncode, given.stderr) == (0, "")


@pytest.mark.parametrize("name", [Path(name).name for name in SAMPLES])
@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8"])
def test_long_texts_are_read_as_the_detector_reads_them(name, encoding) -> None:
    from newsfacts.io.decode import SHORT_BYTES, encoding_of, reading

    text = (Path(__file__).parent.parent / "samples" / name).read_text(encoding="utf-8")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{name} has characters {encoding} lacks")
    found = reading(data)
    if len(data) <= SHORT_BYTES:  # 012's 851 bytes of Big5: read by its characters, and right
        assert (found.text, found.guessed) == (text, False)
    else:
        assert (found.text, found.encoding, found.guessed) == (text, encoding_of(data), False)


def test_the_character_frequencies_are_what_jieba_gives() -> None:
    # character_frequencies.tsv is generated: regenerating it gives the file as committed.
    script = Path(__file__).resolve().parent.parent / "scripts" / "character_frequencies_from_jieba.py"
    assert subprocess.run([sys.executable, str(script), "--check"]).returncode == 0
