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
        "text, value, unit, kind, low, high, qualifier, change, measure, time, entity, source, line, start, end, "
        "sentence.",
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
    (["-f", "csv", "--no-header"], "5%,5,%,percent,,,,increase,,,,-,1,2,4,增长5%\r\n"),
    (["-f", "tsv", "--fields", "text,kind", "--no-header"], "5%\tpercent\r\n"),
    (["-f", "jsonl", "--fields", "kind,text,kind"], '{"kind":"percent","text":"5%"}\n'),
    (["-f", "json", "--fields", "text"], '[\n {"text":"5%"}\n]\n'),
    (["-f", "csv"], "text,value,unit,kind,low,high,qualifier,change,measure,time,entity,source,line,start,end,"
                    "sentence\r\n5%,5,%,percent,,,,increase,,,,-,1,2,4,增长5%\r\n"),
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
     "measure, time, entity, source, line, start, end, sentence)\n"),
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
    monkeypatch.setattr(writers, "_write_table", lambda claims, out, **options: given.append(options) or 0)
    writers.write([], "table", io.StringIO(), fields=("text", "value"))
    assert given == [{"fields": ("text", "value")}]


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
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
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
    result = subprocess.run(["make", "-n", target, f"VENV={tmp_path}/venv"], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).parent.parent)
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
    assert plan[-1] == f"{tmp_path}/venv/bin/python -m pytest"
