"""The newsfacts command: arguments, output and exit codes; no rules here.

Exit codes: 0 when every input was read, 1 when some could not be (the
rest is still written), 2 for a usage error.
"""
from __future__ import annotations

import functools
import gc
import os
import signal
import sys
from datetime import date as date_type
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import IO, ContextManager, Iterator, NamedTuple, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from . import __version__
from .claim import FIELDS, Kind
from .io.summary import SUMMARY_FORMATS
from .io.writers import EXTENSIONS, FIELD_FORMATS, FORMATS, HEADER_FORMATS, format_of

class _Argument(TyperArgument):
    """An argument shown as its metavar alone (FILE...), where typer would
    add its Python type (<list[str]>) and a second ... to the usage line."""

    def display_type_rich(self, ctx):
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        if self.metavar and self.metavar.endswith("..."):
            return f"[{self.metavar}]"
        return super()._usage_display_name()


class _ReadableHelp:
    """Help that shows what a person types (FILE..., PATH, N), never the
    Python type names typer shows by default (<bool>, <str>, <list[str]>,
    <int range>): a flag has no metavar, an argument its own."""

    def get_params(self, ctx):
        # Here, not in __init__: typer adds --install-completion and the
        # help option after the command is made.
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
                param.metavar = ""
            elif type(param) is TyperArgument:
                param.__class__ = _Argument
        return params


class _Command(_ReadableHelp, TyperCommand):
    pass


class _Group(_ReadableHelp, TyperGroup):
    pass


app = typer.Typer(
    cls=_Group,
    add_completion=True,  # --install-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find the quantitative claims in Chinese news text: amounts, percentages, counts, measures.",
)

# A progress bar appears (on a terminal) past this many inputs or bytes,
# and always for standard input, whose size is not known.
_PROGRESS_FILES = 3
_PROGRESS_BYTES = 5_000_000
# More worker processes than this is a typing mistake, not a machine.
MOST_JOBS = 1024


class _PipeClosed(BaseException):
    """A BrokenPipeError carried past click, which would exit 1 on it."""


def _pipe_closed_past_click(command):
    """COMMAND, raising _PipeClosed where it met a closed pipe."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            raise _PipeClosed from None

    return run


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


@app.callback(invoke_without_command=True)
def _root(
    context: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Find the quantitative claims in Chinese news text."""
    if context.invoked_subcommand is None:
        # newsfacts alone: what it can do, and no error.
        typer.echo(context.get_help())
        raise typer.Exit()


_FILES = typer.Argument(
    None, metavar="FILE...",
    help="Text files or folders (every *.txt below them); - or none reads standard input.",
    show_default=False,
)
_ENCODING = typer.Option(None, "--encoding", metavar="NAME",
                         help="Read the inputs in this encoding (gb18030, big5, utf-16...) instead of detecting it.")
_JSONL_FIELD = typer.Option(
    None, "--jsonl-field", metavar="FIELD", help="Read the inputs as JSON Lines corpora; FIELD holds each record's text."
)
_ID_FIELD = typer.Option(
    None, "--id-field", metavar="FIELD", help="With --jsonl-field: copy this field into each claim's source."
)
_QUIET = typer.Option(False, "--quiet", "-q", help="No progress bar.")
# No min/max here: typer would show them as <int range> [0<=x<=1024];
# _capped checks the range and says it in words.
_JOBS = typer.Option(1, "--jobs", "-j", metavar="N", show_default=False,
                     help=f"Worker processes, 0 to {MOST_JOBS}: 0 means one per core, and never more than that "
                     "(default 1). Output is the same for any N.")
_OUTPUT = typer.Option(None, "--output", "-o", metavar="PATH",
                       help="Write here (atomically) instead of standard output; its extension names the format.")


def _listed(names, conjunction: str = "or") -> str:
    """table, csv or json: choices as words, which help wraps between them
    (typer's <table|csv|json> breaks inside a name)."""
    names = list(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1] if len(names) > 1 else names[0]


_DATE = typer.Option(
    None, "--date", metavar="YYYY-MM-DD",
    help="The inputs' date, that 去年, 1-4月 and 昨日 are resolved against (period); "
    "else each text's own dateline or date line, if it has one.",
)
_DATE_FIELD = typer.Option(
    None, "--date-field", metavar="FIELD",
    help="With --jsonl-field: each record's date is in this field (2024-03-09); records without one get --date.",
)
_CURRENCY = typer.Option(
    None, "--currency", metavar="CODE",
    help="A bare 元 is this currency (an ISO 4217 code such as HKD), whatever the region the text shows.",
)


_EXTRACT_EXAMPLES = """Examples:

    newsfacts extract article.txt

    newsfacts extract corpus/ -o facts.csv --kind money,percent

    cat a.txt | newsfacts extract -f jsonl
"""

_SUMMARY_EXAMPLES = """Examples:

    newsfacts summary corpus/

    newsfacts summary corpus/ -o summary.xlsx
"""


@app.command(cls=_Command, epilog=_EXTRACT_EXAMPLES)
@_pipe_closed_past_click
def extract(
    files: Optional[list[str]] = _FILES,
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help=f"Output format: {_listed(FORMATS)}. Default: what -o's extension names "
        "(.csv .tsv .json .jsonl .html .xlsx), else table on a terminal and csv otherwise.",
    ),
    output: Optional[str] = _OUTPUT,
    excel: bool = typer.Option(False, "--excel", help="Start CSV/TSV output with a byte-order mark, for Excel on Windows."),
    fields: Optional[list[str]] = typer.Option(
        None, "--fields", metavar="FIELD[,FIELD...]",
        help="Only these fields, in this order; repeat or separate with commas: " + ", ".join(FIELDS) + ".",
    ),
    no_header: bool = typer.Option(False, "--no-header", help="CSV/TSV without the header row."),
    kind: Optional[list[str]] = typer.Option(
        None, "--kind", metavar="KIND[,KIND...]",
        help="Only these kinds; repeat or separate with commas: " + ", ".join(kind.value for kind in Kind) + ".",
    ),
    min_value: Optional[str] = typer.Option(
        None, "--min-value", metavar="NUMBER",
        help="Only claims at least this large (a range: its high end); 1000000, 100万 and 1,000,000 alike.",
    ),
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
    overwrite: bool = typer.Option(False, "--overwrite", help="With --dask: replace the dataset -o names if it exists."),
    date: Optional[str] = _DATE,
    date_field: Optional[str] = _DATE_FIELD,
    currency: Optional[str] = _CURRENCY,
    in_currency: Optional[list[str]] = typer.Option(
        None, "--in-currency", metavar="CODE[,CODE...]",
        help="Only claims in these currencies (their currency field); repeat or separate with commas.",
    ),
    period_from: Optional[str] = typer.Option(
        None, "--period-from", metavar="PERIOD",
        help="Only claims whose period reaches this one (YYYY, YYYY-MM or YYYY-MM-DD) or later; "
        "claims without a period are left out.",
    ),
    period_to: Optional[str] = typer.Option(
        None, "--period-to", metavar="PERIOD", help="Only claims whose period starts by the end of this one.",
    ),
    normalised: bool = typer.Option(
        False, "--normalised", "-n", help="Table: show the normalised value and unit, currency and period too.",
    ),
) -> None:
    """Print every quantitative claim in FILES."""
    from .io import select, writers

    files = _check_files(files)
    _check_corpus_options(jsonl_field, id_field)
    selection = select.Selection(_kinds(kind), _decimal(min_value), not no_small_counts)
    chosen_fields = _fields(fields)
    selection = _with_figures(selection, in_currency, period_from, period_to)
    given = _given(date, date_field, currency, jsonl_field)
    _check_encoding(encoding)
    if dask is not None:
        _check_dask_options(fmt, excel, jobs, chosen_fields is not None, no_header)
        _run_on_dask(files, _output_path(output, dask=True), dask, encoding, jsonl_field, id_field, selection, overwrite,
                     given)
        return
    if overwrite:
        _usage("--overwrite applies with --dask only (-o replaces its file anyway)")
    output = _output_path(output)
    jobs = _capped(jobs)
    chosen = _chosen(fmt, output, "table" if output is None and sys.stdout.isatty() else "csv")
    failed = False
    read_any = False
    pattern = "*.txt" if jsonl_field is None else "*.jsonl"

    # Claims shown on the terminal as they come are the progress; a bar on
    # the same screen would be drawn through them.
    on_screen = output in (None, "-") and chosen != "html" and sys.stdout.isatty()

    def documents() -> Iterator:
        nonlocal failed, read_any
        for item, found in _documents(files, encoding, jsonl_field, id_field, quiet or on_screen, jobs, given):
            failed |= item is None
            read_any |= item is not None
            yield item, select.select(found, selection)

    def claims() -> Iterator:
        for _, batch in documents():
            yield from batch

    def nothing_read() -> None:
        if output is not None and not read_any:
            # Every input missing or unreadable: the previous -o file
            # stays, since nothing was read to replace it with.
            raise _NothingRead

    opened = _opened(output, files, pattern, binary=chosen == "xlsx")  # refuses a bad -o before any work
    _note_ignored(chosen, excel=excel, no_header=no_header, fields=chosen_fields is not None)
    try:
        if chosen == "html":
            from .io.html_report import Report

            report = Report()  # one page: every document is held until the end
            for document, found in documents():
                if document not in (None, _EMPTY):
                    report.add(document.name, document.text, found, document.offset)
            with opened as out:
                nothing_read()
                report.write(out)
        elif chosen == "xlsx":
            from .io import xlsx

            with opened as out:
                xlsx.write(claims(), out)
                nothing_read()
        else:
            with opened as out:
                if excel and chosen in HEADER_FORMATS:
                    out.write("\ufeff")
                if normalised and chosen != "table":
                    print(f"newsfacts: --normalised applies to the table only ({chosen} has every field): ignored",
                          file=sys.stderr)
                writers.write(claims(), chosen, out, fields=chosen_fields, header=not no_header, normalised=normalised)
                nothing_read()
    except _NothingRead:
        raise typer.Exit(1) from None
    except OSError as error:
        if output is None or isinstance(error, BrokenPipeError):
            raise
        print(f"newsfacts: {output}: {error.strerror or error}", file=sys.stderr)  # a full disk
        raise typer.Exit(1) from None
    if failed:
        raise typer.Exit(1)


# The formats of newsfacts summary, as the choices of its --format.
SummaryFormat = Enum("SummaryFormat", [(name, name) for name in SUMMARY_FORMATS], type=str)  # type: ignore[misc]


class _NothingRead(Exception):
    pass


@app.command(cls=_Command, epilog=_SUMMARY_EXAMPLES)
@_pipe_closed_past_click
def summary(
    files: Optional[list[str]] = _FILES,
    fmt: Optional[SummaryFormat] = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help=f"Output format: {_listed(SUMMARY_FORMATS)}. Default: what -o's extension names, else a table.",
    ),
    output: Optional[str] = _OUTPUT,
    encoding: Optional[str] = _ENCODING,
    jsonl_field: Optional[str] = _JSONL_FIELD,
    id_field: Optional[str] = _ID_FIELD,
    quiet: bool = _QUIET,
    jobs: int = _JOBS,
    date: Optional[str] = _DATE,
    date_field: Optional[str] = _DATE_FIELD,
    currency: Optional[str] = _CURRENCY,
    sums: bool = typer.Option(
        False, "--sum", help="Also sum the normalised values (norm_value) by kind, unit and period, "
        "for the kinds whose figures add up (money, count, weight, area, …).",
    ),
) -> None:
    """Count the claims in FILES per kind and per input, and show the largest figures."""
    from .io.summary import Summary

    files = _check_files(files)
    _check_corpus_options(jsonl_field, id_field)
    given = _given(date, date_field, currency, jsonl_field)
    output = _output_path(output)
    jobs = _capped(jobs)
    chosen = _chosen(fmt, output, "table", SUMMARY_FORMATS)
    opened = _opened(output, files, "*.txt" if jsonl_field is None else "*.jsonl", binary=chosen == "xlsx")
    result = Summary(folder=_folder_of(files) if jsonl_field is None else "", sums=sums)
    failed = False
    for item, batch in _documents(files, encoding, jsonl_field, id_field, quiet, jobs, given):
        failed |= item is None
        result.add_all(batch)
    with opened as out:
        result.write(chosen, out)
    if failed:
        raise typer.Exit(1)


def _folder_of(files: list[str]) -> str:
    """The folder FILES share when every one is a folder (newsfacts summary
    corpus/), as they were written (relative or absolute); "" when one is
    a file or standard input, which the table then names as given."""
    if not all(name != "-" and os.path.isdir(name) for name in files):
        return ""
    shared = os.path.commonpath([os.path.abspath(name) for name in files])
    return shared if any(os.path.isabs(name) for name in files) else os.path.relpath(shared)


def _chosen(fmt: Enum | None, output: str | None, default: str, choices: tuple[str, ...] = FORMATS) -> str:
    """The output format: --format (saying so when -o's extension names
    another), else the one -o's extension names, else DEFAULT; an -o whose
    extension names no format these CHOICES hold, without --format, is a
    usage error rather than a CSV file named facts.parquet."""
    if output is None or str(output) == "-":
        return str(fmt.value) if fmt is not None else default
    named = format_of(output)
    if fmt is not None:
        if named is not None and named != fmt.value:
            print(f"newsfacts: --format {fmt.value} wins over the extension of {output}", file=sys.stderr)
        return str(fmt.value)
    if named in choices:
        return str(named)
    if str(output).lower().endswith(".parquet"):
        _usage(f"--output {output}: Parquet is written with --dask (pip install 'newsfacts[dask]')")
    known = " ".join(extension for extension, name in EXTENSIONS.items() if name in choices)
    _usage(f"--output {output}: its extension names none of this command's formats ({known}); give --format")


def _documents(files: list[str], encoding: str | None, jsonl_field: str | None, id_field: str | None,
               quiet: bool, jobs: int = 1, given: _Given | None = None) -> Iterator[tuple[object, list]]:
    """(document, its claims) per document; an unreadable one is reported
    on standard error as one line and yields (None, []), an empty one
    (_EMPTY, []): it is read, and has nothing in it."""
    from .io import parallel, sources
    from .io.writers import printable

    given = given or _Given()
    corpus = sources.Corpus(jsonl_field, id_field, given.date_field) if jsonl_field else None
    with _Progress(files, corpus is not None, quiet) as progress:
        documents = _loading_jieba_first(sources.documents(files, encoding, corpus, date=given.date,
                                                           currency=given.currency))
        for item, found in parallel.extract_all(documents, jobs):
            if isinstance(item, sources.InputError):
                progress.say(f"newsfacts: {printable(str(item))}")
                yield (None if item.fails else _EMPTY), []
            else:
                if item.note:  # newsfacts: a.txt: read as big5, a guess for so short a text; ...
                    progress.say(f"newsfacts: {printable(item.name)}: {item.note}")
                if item.warning:
                    progress.say(f"newsfacts: {printable(item.warning)}")
                progress.advance(item.size)
                yield item, found


# What _documents yields in place of an empty input's document.
_EMPTY = object()


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
    """Progress on standard error, in bytes of input done, only on a
    terminal: a bar for more than a few files or a large one (a file read in
    pieces moves it piece by piece), the bytes read so far for standard input."""

    def __init__(self, files: list[str], corpus: bool, quiet: bool) -> None:
        self.bar = None
        if quiet or not sys.stderr.isatty():
            return
        from .io import sources

        names = list(sources.expand(files, "*.jsonl" if corpus else "*.txt"))
        sizes = [_regular_size(name) for name in names]
        total = None if None in sizes else sum(size or 0 for size in sizes)
        if total is not None and not corpus and len(names) <= _PROGRESS_FILES and total <= _PROGRESS_BYTES:
            return
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn, TaskProgressColumn
        from rich.progress import TextColumn, TimeElapsedColumn, TimeRemainingColumn

        if total is None:  # standard input (or a pipe, a device): how much so far
            columns = [SpinnerColumn(), TextColumn("reading"), _bytes_read_column(), TimeElapsedColumn()]
        else:
            columns = [TextColumn("reading"), BarColumn(), DownloadColumn(), TaskProgressColumn(),
                       TimeRemainingColumn()]
        self.bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("reading", total=total)

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, size: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, size)

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr)


def _regular_size(name: str) -> int | None:
    """The size of the file NAME; None for standard input, a pipe or a
    device (no size known ahead), 0 for what cannot be read (it is reported)."""
    import stat

    if name == "-":
        return None
    try:
        status = os.stat(name)
    except OSError:
        return 0
    if stat.S_ISDIR(status.st_mode):
        return 0  # a folder with no *.txt in it: reported as such
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _bytes_read_column():
    """A progress column: the bytes read so far, as 5.6 kB read."""
    from rich.filesize import decimal
    from rich.progress import ProgressColumn
    from rich.text import Text

    class BytesRead(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{decimal(int(task.completed))} read", style="progress.download")

    return BytesRead()


def _run_on_dask(files, output, scheduler, encoding, jsonl_field, id_field, selection, overwrite=False,
                 given=None) -> None:
    from .io import sources
    from .io.writers import printable

    if output is None:
        _usage("--dask needs -o: a NAME.parquet dataset or a folder of JSON Lines shards")
    try:
        from .io import dask as on_dask

        given = given or _Given()
        corpus = sources.Corpus(jsonl_field, id_field, given.date_field) if jsonl_field else None
        lines, failed = on_dask.run(files, str(output), scheduler, encoding=encoding, corpus=corpus,
                                    selection=selection, overwrite=overwrite, date=given.date, currency=given.currency)
    except ImportError as error:
        print(f"newsfacts: --dask needs the dask extra (pip install 'newsfacts[dask]'): {error}", file=sys.stderr)
        raise typer.Exit(2) from None
    except (OSError, ValueError) as error:  # FileExistsError and TimeoutError are OSErrors
        print(f"newsfacts: {printable(str(error))}", file=sys.stderr)
        raise typer.Exit(1) from None
    for line in lines:
        print(f"newsfacts: {printable(line)}", file=sys.stderr)
    if failed:
        raise typer.Exit(1)


def _check_files(files: list[str] | None) -> list[str]:
    """FILES as given, or standard input when none is given and it is not a
    terminal (cat a.txt | newsfacts extract, as jq and rg read it)."""
    if not files:
        if sys.stdin is None or sys.stdin.isatty():
            _usage("no input: name FILE..., or pipe text in (cat a.txt | newsfacts extract)")
        return ["-"]
    # f=; newsfacts extract "$f" would otherwise read the current folder and
    # every *.txt below it.
    if any(not name for name in files):
        _usage("FILES: an empty file name (an unset variable?)")
    return files


def _output_path(output: str | None, dask: bool = False) -> str | None:
    """-o as given, refused before any work when it cannot be written: empty,
    or a folder (except for --dask, which writes shards into one)."""
    if output is None or output == "-":
        return output
    if not output:
        _usage("--output: an empty file name (an unset variable?)")
    if not dask and (output.endswith(os.sep) or os.path.isdir(output)):
        _usage(f"--output {output}: is a folder; name a file")
    return output


def _capped(jobs: int) -> int:
    """--jobs JOBS, at most one process per core (saying so when it cuts)."""
    if not 0 <= jobs <= MOST_JOBS:
        _usage(f"--jobs: {jobs} is out of range: give 0 (one per core) to {MOST_JOBS}")
    cores = os.cpu_count() or 1
    if jobs > cores:
        print(f"newsfacts: --jobs {jobs}: using {cores}, one per core", file=sys.stderr)
        return cores
    return jobs


def _note_ignored(chosen: str, **given: bool) -> None:
    """One line for each option given that the CHOSEN format has no use for (--excel
    with json): said, not silently dropped."""
    applies = {"excel": HEADER_FORMATS, "no_header": HEADER_FORMATS, "fields": FIELD_FORMATS}
    for option, formats in applies.items():
        if given.get(option) and chosen not in formats:
            name = "--" + option.replace("_", "-")
            print(f"newsfacts: {name} applies to {_listed(formats, 'and')} only, not {chosen}: ignored", file=sys.stderr)


def _check_dask_options(fmt, excel: bool, jobs: int, fields: bool = False, no_header: bool = False) -> None:
    """Options the Dask path has no use for are refused, not ignored."""
    for given, name in ((fmt is not None, "--format"), (excel, "--excel"), (jobs != 1, "--jobs"), (fields, "--fields"),
                        (no_header, "--no-header")):
        if given:
            _usage(f"{name} does not apply with --dask (it writes Parquet or JSON Lines shards, on the cluster's workers)")


def _check_encoding(encoding: str | None) -> None:
    """--encoding nonsense is a usage error, not an error for every file."""
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            _usage(f"--encoding: unknown encoding {encoding!r}")


def _check_corpus_options(jsonl_field: str | None, id_field: str | None) -> None:
    if id_field and not jsonl_field:
        _usage("--id-field needs --jsonl-field")


def _kinds(given: list[str] | None):
    """--kind money --kind count and --kind money,count alike."""
    if given is None:
        return None
    from .io.select import parse_kinds

    try:
        kinds = parse_kinds(",".join(given))
    except ValueError as error:
        _usage(f"--kind: {error}")
    if not kinds:
        _usage("--kind: no kind named (e.g. --kind money,percent)")
    return kinds


def _fields(given: list[str] | None) -> tuple[str, ...] | None:
    """--fields text,value --fields unit, as csvcut -c reads its columns:
    in the order given (a field named twice, once)."""
    if given is None:
        return None
    names = [name.strip() for name in ",".join(given).split(",") if name.strip()]
    for name in names:
        if name not in FIELDS:
            _usage(f"--fields: unknown field {name!r} (known: {', '.join(FIELDS)})")
    if not names:
        _usage("--fields: no field named (e.g. --fields text,value,unit)")
    return tuple(dict.fromkeys(names))


class _Given(NamedTuple):
    """What the user says of the inputs: their date, the field of a record's, the currency of a bare 元."""

    date: Optional[date_type] = None
    date_field: Optional[str] = None
    currency: Optional[str] = None


def _given(date: str | None, date_field: str | None, currency: str | None, jsonl_field: str | None) -> _Given:
    """--date, --date-field and --currency, checked."""
    if date_field is not None and not jsonl_field:
        _usage("--date-field needs --jsonl-field")
    day = None
    if date is not None:
        from .core.dateline import date_from_user

        try:
            day = date_from_user(date)
        except ValueError as error:
            _usage(f"--date: {error}")
    code = None
    if currency is not None:
        from .io.select import parse_currencies

        try:
            codes = parse_currencies(currency)
        except ValueError as error:
            _usage(f"--currency: {error}")
        if len(codes) != 1 or "," in currency:
            _usage(f"--currency: give one code, such as HKD, not {currency!r}")
        (code,) = codes
    return _Given(day, date_field, code)


def _with_figures(selection, in_currency: list[str] | None, period_from: str | None, period_to: str | None):
    """SELECTION with --in-currency, --period-from and --period-to."""
    from .io.select import parse_currencies, period_days

    currencies = None
    if in_currency is not None:
        try:
            currencies = parse_currencies(",".join(in_currency))
        except ValueError as error:
            _usage(f"--in-currency: {error}")
        if not currencies:
            _usage("--in-currency: no currency named (e.g. --in-currency HKD,USD)")
    first = last = None
    for name, given in (("--period-from", period_from), ("--period-to", period_to)):
        if given is None:
            continue
        if "/" in given:
            _usage(f"{name}: give one period, such as 2024-03, not an interval {given!r}")
        try:
            days = period_days(given)
        except ValueError as error:
            _usage(f"{name}: {error}")
        if name == "--period-from":
            first = days[0]
        else:
            last = days[1]
    if first is not None and last is not None and first > last:
        _usage(f"--period-from {period_from} is after --period-to {period_to}")
    return selection._replace(currencies=currencies, period_from=first, period_to=last)


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    from .io.select import read_number

    try:
        value = read_number(text)
    except ValueError:
        _usage(f"--min-value: not a number: {text!r}")
    if not value.is_finite():
        _usage(f"--min-value: not a finite number: {text!r}")
    return value


class _UsageError(typer.BadParameter):
    """A usage error whose message already names the option (--kind: ...)."""

    def format_message(self) -> str:
        return self.message


def _usage(message: str):
    raise _UsageError(message)


class _opened:
    """Standard output, or a file that appears only once it is complete."""

    def __init__(self, name: str | None, inputs: list[str], pattern: str, binary: bool = False) -> None:
        from .io.sources import expand

        path = None if name is None else Path(name)
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

        if self.binary:
            self.file = replacing(self.path, "wb")
        else:
            # A lone surrogate (from a file name that is not UTF-8) is written
            # as its escape, never a UnicodeEncodeError.
            self.file = replacing(self.path, "w", encoding="utf-8", errors="backslashreplace", newline="")
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
    _exit_cleanly_on(signal.SIGTERM, signal.SIGHUP)
    _escape_lone_surrogates(sys.stdout)
    try:
        # Not standalone: click would print usage errors in a box folded to
        # 80 columns (even into a file) and exit 1 on a closed pipe.
        status = app(standalone_mode=False)
    except typer.Abort:  # Ctrl-C, as click reports it
        print("newsfacts: interrupted", file=sys.stderr)
        sys.exit(130)
    except Terminated as stop:
        # The -o temporary file is gone and the workers stopped by now:
        # the exception went through every with block on its way here.
        print(f"newsfacts: {signal.Signals(stop.signal).name}: stopped", file=sys.stderr)
        sys.exit(128 + stop.signal)
    except (BrokenPipeError, _PipeClosed):
        # The reader went away (… | head -1): it has what it wanted. Exit 0,
        # as rg does, so that set -o pipefail scripts do not fail.
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        sys.exit(130)
    except OSError as error:  # a full disk, an unwritable -o folder
        print(f"newsfacts: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        sys.exit(1)
    except Exception as error:
        if not hasattr(error, "format_message"):
            raise
        # Typer's (click's) usage errors, on one line like input errors:
        # newsfacts: error: No such option: --fromat
        code = getattr(error, "exit_code", 2)
        print(f"newsfacts: {'error: ' if code == 2 else ''}{error.format_message()}", file=sys.stderr)
        sys.exit(code)
    sys.exit(status if isinstance(status, int) else 0)


class Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the process was, so that every
    with block on the way out cleans up (the temporary -o file, the worker
    processes). A BaseException, like KeyboardInterrupt, so that no
    `except Exception` on the way takes it for a failed document."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.signal = number


def _exit_cleanly_on(*numbers: int) -> None:
    def stop(number: int, _frame) -> None:
        for each in numbers:
            signal.signal(each, signal.SIG_IGN)  # once is enough: let the clean-up run
        raise Terminated(number)

    for number in numbers:
        signal.signal(number, stop)


def _escape_lone_surrogates(stream) -> None:
    """A file name that is not UTF-8 reaches the output as a lone surrogate;
    write its escape (\udcff) rather than fail on it."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so a closed
    # pipe does not raise a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
