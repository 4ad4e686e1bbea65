"""The newsfacts command: arguments, output and exit codes; no rules here."""
from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import IO, Iterator, Optional

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Find the quantitative claims in Chinese news text: amounts, percentages, counts, measures.",
)


class Format(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfacts {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Find the quantitative claims in Chinese news text."""


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Text files to read; - reads standard input."),
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", help="Output format. Default: table on a terminal, csv otherwise."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Read the inputs in this encoding."),
) -> None:
    """Print every quantitative claim in FILES."""
    from . import sources, writers
    from .pipeline import extract as extract_text

    errors: list[sources.InputError] = []
    chosen = fmt.value if fmt else ("table" if output is None and sys.stdout.isatty() else "csv")

    def claims() -> Iterator:
        for document in sources.read_all(files, encoding, errors):
            yield from extract_text(document.text, source=document.name)

    with _opened(output) as out:
        writers.write(claims(), chosen, out)
    if errors:
        raise typer.Exit(1)


class _opened:
    """Standard output, or a file that appears only once it is complete."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.temp: str | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None or str(self.path) == "-":
            return sys.stdout
        directory = self.path.resolve().parent
        handle, self.temp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=directory)
        self.file = os.fdopen(handle, "w", encoding="utf-8", newline="")
        return self.file

    def __exit__(self, kind, error, trace) -> None:
        if self.temp is None:
            sys.stdout.flush()
            return
        self.file.close()
        if kind is None:
            os.replace(self.temp, self.path)
        else:
            os.unlink(self.temp)


def main() -> None:
    """Console entry point: quiet on a closed pipe, exit 130 on Ctrl-C."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        print("newsfacts: interrupted", file=sys.stderr)
        sys.exit(130)


def _silence_stdout() -> None:
    # Python flushes stdout again at exit; point it at /dev/null so a closed
    # pipe does not raise a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
