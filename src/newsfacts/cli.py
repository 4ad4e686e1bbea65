"""The newsfacts command: arguments, output and exit codes; no rules here.

Exit codes: 0 when every input was read, 1 when some could not be (the
rest is still written), 2 for a usage error.
"""
from __future__ import annotations

import gc
import os
import sys
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import IO, ContextManager, Iterator, Optional

import typer

from . import __version__
from .io.summary import SUMMARY_FORMATS
from .io.writers import FORMATS, format_of

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Find the quantitative claims in Chinese news text: amounts, percentages, counts, measures.",
)

# A progress bar appears (on a terminal) past this many inputs or bytes.
_PROGRESS_FILES = 3
_PROGRESS_BYTES = 5_000_000


# The writers' formats, as the choices of --format.
Format = Enum("Format", [(name, name) for name in FORMATS], type=str)  # type: ignore[misc]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__} ({_build()})")
        raise typer.Exit()


def _build() -> str:
    """How the extraction stages were installed: compiled, or pure Python and why."""
    from importlib import metadata

    import newsfacts.core.pipeline as pipeline

    compiled = not pipeline.__file__.endswith(".py")
    try:
        recorded = (metadata.distribution("newsfacts").read_text("extra_metadata/newsfacts-build.txt") or "").strip()
    except metadata.PackageNotFoundError:
        recorded = ""
    if recorded.startswith("pure Python") and not compiled:
        return recorded
    return "compiled with mypyc" if compiled else "pure Python"


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Find the quantitative claims in Chinese news text."""


_FILES = typer.Argument(
    ..., metavar="FILES...", help="Text files or folders (every *.txt below them); - reads standard input."
)
_ENCODING = typer.Option(None, "--encoding", help="Read the inputs in this encoding instead of detecting it.")
_JSONL_FIELD = typer.Option(
    None, "--jsonl-field", metavar="FIELD", help="Read the inputs as JSON Lines corpora; FIELD holds each record's text."
)
_ID_FIELD = typer.Option(
    None, "--id-field", metavar="FIELD", help="With --jsonl-field: copy this field into each claim's source."
)
_QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")
_JOBS = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes; 0 means one per core. Output is the same for any N.")


@app.command()
def extract(
    files: list[str] = _FILES,
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f",
        help="Output format. Default: what -o's extension names (.csv .tsv .json .jsonl .html .xlsx), "
        "else table on a terminal and csv otherwise.",
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    excel: bool = typer.Option(False, "--excel", help="Start CSV/TSV output with a byte-order mark, for Excel on Windows."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only these kinds, comma-separated: money,percent,count,..."),
    min_value: Optional[str] = typer.Option(None, "--min-value", help="Only claims at least this large (a range: its high end)."),
    no_small_counts: bool = typer.Option(
        False, "--no-small-counts", help="Leave out counts under ten written in words (三个中心, 两人)."
    ),
    encoding: Optional[str] = _ENCODING,
    jsonl_field: Optional[str] = _JSONL_FIELD,
    id_field: Optional[str] = _ID_FIELD,
    quiet: bool = _QUIET,
    jobs: int = _JOBS,
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="SCHEDULER",
        help="Run on a Dask cluster (tcp://host:8786, or threads/processes) and write -o as Parquet "
        "(NAME.parquet) or JSON Lines shards (a folder). Needs the dask extra.",
    ),
) -> None:
    """Print every quantitative claim in FILES."""
    from .io import select, writers

    _check_corpus_options(jsonl_field, id_field)
    selection = select.Selection(_kinds(kind), _decimal(min_value), not no_small_counts)
    if dask is not None:
        _run_on_dask(files, output, dask, encoding, jsonl_field, id_field, selection)
        return
    chosen = _chosen(fmt, output, "table" if output is None and sys.stdout.isatty() else "csv")
    failed = False
    pattern = "*.txt" if jsonl_field is None else "*.jsonl"

    def documents() -> Iterator:
        nonlocal failed
        for item, found in _documents(files, encoding, jsonl_field, id_field, quiet, jobs):
            failed |= item is None
            yield item, select.select(found, selection)

    def claims() -> Iterator:
        for _, batch in documents():
            yield from batch

    opened = _opened(output, files, pattern, binary=chosen == "xlsx")  # refuses a bad -o before any work
    if chosen == "html":
        from .io.html_report import Report

        report = Report()  # one page: every document is held until the end
        for document, found in documents():
            if document is not None:
                report.add(document.name, document.text, found, document.offset)
        with opened as out:
            report.write(out)
    elif chosen == "xlsx":
        from .io import xlsx

        with opened as out:
            xlsx.write(claims(), out)
    else:
        with opened as out:
            if excel and chosen in ("csv", "tsv"):
                out.write("\ufeff")
            writers.write(claims(), chosen, out)
    if failed:
        raise typer.Exit(1)


# The formats of newsfacts summary, as the choices of its --format.
SummaryFormat = Enum("SummaryFormat", [(name, name) for name in SUMMARY_FORMATS], type=str)  # type: ignore[misc]


@app.command()
def summary(
    files: list[str] = _FILES,
    fmt: Optional[SummaryFormat] = typer.Option(
        None, "--format", "-f", help="Output format. Default: a table, or what -o's extension names."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    encoding: Optional[str] = _ENCODING,
    jsonl_field: Optional[str] = _JSONL_FIELD,
    id_field: Optional[str] = _ID_FIELD,
    quiet: bool = _QUIET,
    jobs: int = _JOBS,
) -> None:
    """Count the claims in FILES per kind and per input, and show the largest figures."""
    from .io.summary import Summary

    _check_corpus_options(jsonl_field, id_field)
    chosen = _chosen(fmt, output, "table", SUMMARY_FORMATS)
    opened = _opened(output, files, "*.txt" if jsonl_field is None else "*.jsonl", binary=chosen == "xlsx")
    result = Summary()
    failed = False
    for item, batch in _documents(files, encoding, jsonl_field, id_field, quiet, jobs):
        failed |= item is None
        result.add_all(batch)
    with opened as out:
        result.write(chosen, out)
    if failed:
        raise typer.Exit(1)


def _chosen(fmt: Enum | None, output: Path | None, default: str, choices: tuple[str, ...] = FORMATS) -> str:
    """The output format: --format, else the one -o's extension names, else DEFAULT."""
    if fmt is not None:
        return str(fmt.value)
    named = format_of(output) if output is not None and str(output) != "-" else None
    return named if named in choices else default


def _documents(files: list[str], encoding: str | None, jsonl_field: str | None, id_field: str | None,
               quiet: bool, jobs: int = 1) -> Iterator[tuple[object, list]]:
    """(document, its claims) per document; an unreadable one is reported
    on standard error as one line and yields (None, [])."""
    from .io import parallel, sources

    corpus = sources.Corpus(jsonl_field, id_field) if jsonl_field else None
    with _Progress(files, corpus is not None, quiet) as progress:
        documents = _loading_jieba_first(sources.documents(files, encoding, corpus))
        for item, found in parallel.extract_all(documents, jobs):
            if isinstance(item, sources.InputError):
                progress.say(f"newsfacts: {item}")
                yield None, []
            else:
                yield item, found
            progress.advance()


def _loading_jieba_first(items: Iterator) -> Iterator:
    """ITEMS, with jieba's dictionary loaded before the first document.

    Its half a million entries live as long as the process; frozen out of
    the garbage collector's sight, its full collections do not walk them
    again and again (about 5% of a large run), and worker processes forked
    after it share them. The command has the process to itself; the library
    leaves the collector alone."""
    from .core import segment
    from .io.sources import Document

    loaded = False
    for item in items:
        if not loaded and isinstance(item, Document):
            segment.load()
            gc.freeze()
            loaded = True
        yield item


class _Progress:
    """A rich progress bar on standard error, only on a terminal and only
    for more than a few files or a large input."""

    def __init__(self, files: list[str], corpus: bool, quiet: bool) -> None:
        self.bar = None
        if quiet or not sys.stderr.isatty() or "-" in files:
            return
        from .io import sources

        names = list(sources.expand(files, "*.jsonl" if corpus else "*.txt"))
        size = sum(os.path.getsize(n) for n in names if os.path.isfile(n))
        if corpus or len(names) > _PROGRESS_FILES or size > _PROGRESS_BYTES:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("records" if corpus else "files", total=None if corpus else len(names))

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr)


def _run_on_dask(files, output, scheduler, encoding, jsonl_field, id_field, selection) -> None:
    from .io import sources

    if output is None:
        _usage("--dask needs -o: a NAME.parquet dataset or a folder of JSON Lines shards")
    try:
        from .io import dask as on_dask

        corpus = sources.Corpus(jsonl_field, id_field) if jsonl_field else None
        on_dask.run(files, str(output), scheduler, encoding=encoding, corpus=corpus, selection=selection)
    except ImportError as error:
        print(f"newsfacts: --dask needs the dask extra (pip install 'newsfacts[dask]'): {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    except (OSError, ValueError) as error:
        print(f"newsfacts: {error}", file=sys.stderr)
        raise typer.Exit(1) from None


def _check_corpus_options(jsonl_field: str | None, id_field: str | None) -> None:
    if id_field and not jsonl_field:
        _usage("--id-field needs --jsonl-field")


def _kinds(text: str | None):
    if text is None:
        return None
    from .io.select import parse_kinds

    try:
        return parse_kinds(text)
    except ValueError as error:
        _usage(f"--kind: {error}")


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        _usage(f"--min-value: not a number: {text!r}")
    if not value.is_finite():
        _usage(f"--min-value: not a finite number: {text!r}")
    return value


def _usage(message: str):
    raise typer.BadParameter(message)


class _opened:
    """Standard output, or a file that appears only once it is complete."""

    def __init__(self, path: Path | None, inputs: list[str], pattern: str, binary: bool = False) -> None:
        from .io.sources import expand

        self.path = path
        self.binary = binary
        self.file: ContextManager[IO] | None = None
        if binary and (path is None or str(path) == "-") and sys.stdout.isatty():
            _usage("a workbook is a binary file: give -o NAME.xlsx, or redirect standard output")
        if path is not None and path.exists() and any(
            name != "-" and os.path.exists(name) and os.path.samefile(name, path) for name in expand(inputs, pattern)
        ):
            _usage(f"--output {path} is one of the inputs; refusing to overwrite it")

    def __enter__(self) -> IO:
        if self.path is None or str(self.path) == "-":
            return sys.stdout.buffer if self.binary else sys.stdout
        from .atomic import replacing

        self.file = replacing(self.path, "wb") if self.binary else replacing(self.path, "w", encoding="utf-8", newline="")
        try:
            return self.file.__enter__()
        except OSError as error:
            _usage(f"--output {self.path}: {error.strerror or error}")

    def __exit__(self, kind, error, trace) -> bool | None:
        if self.file is None:
            sys.stdout.flush()
            return None
        return self.file.__exit__(kind, error, trace)


def main() -> None:
    """Console entry point: quiet on a closed pipe, exit 130 on Ctrl-C."""
    # The command has the process to itself, and extraction makes short-lived
    # objects by the million that reference counting frees and that form no
    # cycles (peak memory is the same with the collector off): collecting
    # every 200,000 allocations, not every 700, saves a few percent of a
    # large run and still bounds what a cycle could hold on to.
    gc.set_threshold(200_000, 10, 10)
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        sys.exit(130)
    except OSError as error:  # a full disk, an unwritable -o folder
        print(f"newsfacts: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        sys.exit(1)


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so a closed
    # pipe does not raise a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
