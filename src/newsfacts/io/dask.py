"""Claims from Dask bags, for corpora too large for one machine.

    import dask.bag as db
    from newsfacts import dask as nfdask

    records = db.read_text("corpus/*.jsonl").map(json.loads)
    claims = nfdask.extract_bag(records, text_field="content", id_field="id")
    nfdask.write(claims, "facts.parquet")

Dask, distributed and pyarrow come with the extra (pip install
'newsfacts[dask]'); nothing here imports them until called, so `import
newsfacts` never needs them. Every worker needs newsfacts installed, the
same version: tasks name its functions rather than carry them.

Work goes a partition at a time. jieba's dictionary is loaded by a worker
process's first task (under a lock, so once even on a worker with several
threads) and kept, in segment's cache, for every later task it runs.

Claims come as Claim.to_dict() dicts; a claim's source is the file name as
given (FILE:LINE for a JSON Lines record without an id field, as on the
command line), the record's id field, or else "record-P-I": the I-th record
(from 0) of partition P of the input bag, which is deterministic for a given
bag but changes if the bag is partitioned differently.
"""
from __future__ import annotations

import json
import threading
import warnings
from typing import TYPE_CHECKING, Any, Iterable

from ..core import segment
from . import sources
from ..claim import FIELDS
from ..core.pipeline import extract
from .select import Selection

if TYPE_CHECKING:
    import datetime

    import dask.bag
    import dask.dataframe

# value/low/high as float64: to_dict gives int or float, Parquet and pandas
# want one type, and float64 is exact for integers up to 2**53 (9千万亿).
# The claim's own `text` keeps the figure as written.
_FLOATS = ("value", "low", "high", "norm_value", "norm_low", "norm_high")
_INTS = ("start", "end", "line")
_LOCAL_SCHEDULERS = ("threads", "processes", "synchronous", "sync", "single-threaded")
_JIEBA = threading.Lock()


class UnreadableInput(Exception):
    """An input or record that could not be read, raised on a worker and
    re-raised on the client: one exception of this module's own for every
    reason (sources.InputError names the input and the reason)."""


def extract_bag(bag: dask.bag.Bag, text_field: str | None = None, id_field: str | None = None, *,
                selection: Selection | None = None, errors: str = "raise") -> dask.bag.Bag:
    """A bag of claim dicts from a bag of texts (str) or of records (dict,
    the text in TEXT_FIELD, the source from ID_FIELD if given).

    ERRORS: "raise" stops the computation at a record that has no text
    (UnreadableInput); "skip" leaves it out with a warning in the worker's log;
    "report" puts {"error": "NAME: reason"} in its place (see is_error). An
    empty file is skipped whatever ERRORS says, with a warning, or reported
    as {"error": "NAME: empty, skipped", "skipped": true}.
    """
    import dask.bag as db

    _check_errors(errors)
    if bag.npartitions == 0:
        return bag
    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    corpus = sources.Corpus(text_field, id_field) if text_field is not None else None
    return bag.map_partitions(_records_partition, numbers, corpus, selection, errors)


def extract_files(paths: Iterable[str], *, encoding: str | None = None, corpus: sources.Corpus | None = None,
                  selection: Selection | None = None, errors: str = "raise",
                  npartitions: int | None = None, date: datetime.date | None = None,
                  currency: str | None = None) -> dask.bag.Bag:
    """A bag of the claim dicts of text files (or, with CORPUS, JSON Lines
    corpora), read as the command line reads them: folders expanded to
    their *.txt (*.jsonl) files, each file read by one task.

    The workers must see the files at the same paths. NPARTITIONS defaults
    to one per file, up to 1000. ERRORS as for extract_bag. DATE and
    CURRENCY as --date and --currency give them.
    """
    import dask.bag as db

    _check_errors(errors)
    names = list(sources.expand(list(paths), "*.txt" if corpus is None else "*.jsonl"))
    if not names:
        raise ValueError("no inputs")
    if "-" in names:
        raise ValueError("standard input (-) cannot be read by Dask workers")
    bag = db.from_sequence(names, npartitions=npartitions or min(len(names), 1000))
    return bag.map_partitions(_files_partition, encoding, corpus, selection, errors, date, currency)


def meta():
    """An empty pandas DataFrame with the claim columns (claim.FIELDS) and their dtypes."""
    import pandas as pd

    def dtype(name: str):
        if name in _FLOATS:
            return "float64"
        if name in _INTS:
            return "int64"
        return pd.StringDtype()  # missing values are <NA>, in pandas 2 and 3 alike

    return pd.DataFrame({name: pd.Series(dtype=dtype(name)) for name in FIELDS})


def to_dataframe(claims: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A bag of claim dicts as a Dask DataFrame with the columns of meta()."""
    return claims.to_dataframe(meta=meta())


def extract_dataframe(bag: dask.bag.Bag, text_field: str | None = None, id_field: str | None = None,
                      **options: Any) -> dask.dataframe.DataFrame:
    """extract_bag as a Dask DataFrame (see meta() for the columns)."""
    return to_dataframe(extract_bag(bag, text_field, id_field, **options))


def write(claims: dask.bag.Bag | dask.dataframe.DataFrame, output: str, *, overwrite: bool = False,
          compute: bool = True) -> Any:
    """Compute CLAIMS (a bag of claim dicts or a DataFrame of them) and write them.

    OUTPUT ending in .parquet: a Parquet dataset, a folder of part files that
    pandas, pyarrow and DuckDB read as one table. Otherwise JSON Lines shards,
    one per partition: OUTPUT is a pattern with * (out/*.jsonl, out/*.jsonl.gz)
    or a folder, which gets OUTPUT/*.jsonl. Any URL fsspec knows will do.

    Part files of an earlier run would mix with the new ones, so an existing
    dataset is refused (FileExistsError) unless OVERWRITE, which deletes it
    (the .parquet folder, or the files that match the shard pattern) first.
    COMPUTE=False writes nothing yet and gives what to compute (run() computes
    it together with the inputs' errors).
    """
    import dask.dataframe as dd

    output = str(output)
    parquet, pattern = _target(output)
    fs, old = _existing(output)
    if old and not overwrite:
        raise FileExistsError(f"{output} already holds claims; pass overwrite=True to replace them")
    if old:
        fs.rm(old)
    if parquet:
        frame = claims if isinstance(claims, dd.DataFrame) else to_dataframe(claims)
        return frame.to_parquet(output, write_index=False, compute=compute)
    if isinstance(claims, dd.DataFrame):
        return claims.to_json(pattern, orient="records", lines=True, force_ascii=False, compute=compute)
    return claims.map(json.dumps, ensure_ascii=False).to_textfiles(pattern, last_endline=True, compute=compute)


def run(paths: Iterable[str], output: str, scheduler: str | None = None, *, overwrite: bool = False,
        idle_seconds: float = 60, **options: Any) -> tuple[list[str], bool]:
    """The command line's Dask path: extract_files(PATHS, **OPTIONS) written
    to OUTPUT (see write, with OVERWRITE), on SCHEDULER: a distributed scheduler's address
    (tcp://host:8786), a local scheduler's name (threads, processes,
    synchronous), or None for Dask's default (a distributed Client already
    made in this process, else processes).

    Returns the inputs that could not be read or were skipped (empty), as
    the command's lines ("NAME: reason"), and whether any could not be read;
    the others are written. A local OUTPUT is written
    into a temporary folder beside it and renamed onto it at the end, so a
    failed run leaves no half dataset behind. On a distributed cluster that
    has had no worker for IDLE_SECONDS, TimeoutError.
    """
    import dask

    paths = list(paths)
    claims = extract_files(paths, errors="report", **options)
    _refuse_inputs(output, paths, options.get("corpus"))
    _, old = _existing(output)
    if old and not overwrite:
        raise FileExistsError(f"{output} already holds claims; add --overwrite (overwrite=True) to replace them")
    good, bad = claims.filter(_is_claim), claims.filter(is_error)
    with _staged(output) as staged, warnings.catch_warnings():
        # The claims as a DataFrame and the errors as a bag, computed in one
        # pass over the inputs; Dask warns that it has to mix the two kinds.
        warnings.filterwarnings("ignore", message="Computing mixed collections")
        writing = write(good, staged, overwrite=overwrite, compute=False)
        if scheduler is None:
            _, errors = dask.compute(writing, bad)
        elif scheduler in _LOCAL_SCHEDULERS:
            _, errors = dask.compute(writing, bad, scheduler=scheduler)
        else:
            from distributed import Client

            with Client(scheduler, timeout=idle_seconds) as client:
                errors = _compute_watching(client, writing, bad, idle_seconds)
    return [item["error"] for item in errors], any(not item.get("skipped") for item in errors)


def is_error(item: dict) -> bool:
    """Whether ITEM of a bag made with errors="report" is an input's error."""
    return "error" in item and "start" not in item


def _is_claim(item: dict) -> bool:
    return not is_error(item)


def _compute_watching(client, writing, bad, idle_seconds: float) -> list[str]:
    """Compute WRITING and BAD on CLIENT's cluster; TimeoutError when it has
    had no worker for IDLE_SECONDS (a cluster that lost its workers would
    otherwise wait for ever, saying nothing)."""
    import time

    from distributed import wait

    futures = client.compute([writing, bad])
    idle_since = None
    while True:
        try:
            wait(futures, timeout=min(5.0, idle_seconds))
            break
        except TimeoutError:
            if client.scheduler_info().get("workers"):
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= idle_seconds:
                client.cancel(futures)
                raise TimeoutError(f"the cluster has had no worker for {idle_seconds:g} s; nothing written") from None
    return list(futures[1].result())


class _staged:
    """The path to write OUTPUT's dataset to: for a local folder, a
    temporary one beside it, renamed onto OUTPUT when the block ends without
    an error and removed when it raises; anything else (a URL, a shard
    pattern with *) is written in place."""

    def __init__(self, output: str) -> None:
        import os

        self.output = output
        local = "://" not in output and "*" not in output
        self.path = None
        if local:
            target = output.rstrip("/")
            self.path = os.path.join(os.path.dirname(os.path.abspath(target)),
                                     f".partial-{os.getpid()}.{os.path.basename(target)}")  # keeps .parquet

    def __enter__(self) -> str:
        if self.path is None:
            return self.output
        import shutil

        shutil.rmtree(self.path, ignore_errors=True)
        return self.path + ("/" if self.output.endswith("/") else "")

    def __exit__(self, kind, error, trace) -> None:
        if self.path is None:
            return
        import os
        import shutil

        if kind is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            return
        target = self.output.rstrip("/")
        if not os.path.exists(self.path):
            os.makedirs(self.path)  # nothing to write: an empty dataset
        if not os.path.lexists(target):
            os.rename(self.path, target)
        elif self.output.endswith(".parquet"):
            # The dataset folder is ours (run() refused it unless overwrite).
            aside = self.path + "-old"
            os.rename(target, aside)
            os.rename(self.path, target)
            shutil.rmtree(aside, ignore_errors=True) if os.path.isdir(aside) else os.unlink(aside)
        else:
            # A folder of shards may hold other files: only the old shards go.
            _, old = _existing(self.output)
            for name in old:
                os.unlink(name)
            for name in sorted(os.listdir(self.path)):
                os.replace(os.path.join(self.path, name), os.path.join(target, name))
            os.rmdir(self.path)


def _target(output: str) -> tuple[bool, str]:
    """Whether OUTPUT is a Parquet dataset, and the path (or shard pattern) to write."""
    if output.endswith(".parquet"):
        return True, output
    return False, output if "*" in output else output.rstrip("/") + "/*.jsonl"


def _existing(output: str):
    """The filesystem of OUTPUT and the files of an earlier run there."""
    from fsspec.core import url_to_fs

    parquet, pattern = _target(output)
    fs, path = url_to_fs(pattern)
    if not parquet:
        return fs, fs.glob(path)
    if not fs.exists(path):
        return fs, []
    return fs, fs.find(path) if fs.isdir(path) else [path]


def _refuse_inputs(output: str, paths: list[str], corpus: sources.Corpus | None) -> None:
    """Overwriting OUTPUT must never delete an input (out/*.jsonl as both)."""
    import os

    _, old = _existing(output)
    inputs = {os.path.realpath(n) for n in sources.expand(paths, "*.txt" if corpus is None else "*.jsonl")}
    if any(os.path.realpath(name) in inputs for name in old):
        raise ValueError(f"{output} holds some of the inputs; refusing to overwrite them")


def _load_jieba() -> None:
    """Load jieba's dictionary once per worker process, also when the worker
    runs tasks in several threads: segment's cache alone lets every thread
    that comes before the first load ends load a copy of its own."""
    with _JIEBA:
        segment.tag_of("")  # loads the dictionary and its tags


def _records_partition(records, numbers, corpus, selection, errors) -> list[dict]:
    _load_jieba()
    (partition,) = numbers
    out: list[dict] = []
    for index, record in enumerate(records):
        where = f"record-{partition}-{index}"
        if isinstance(record, str):
            item = sources.Document(where, record)
        elif corpus is None:
            item = sources.InputError(where, f"a {type(record).__name__} record; give text_field for dict records")
        else:
            item = sources._record_document(where, record, corpus)
        out.extend(_claims(item, selection, errors))
    return out


def _files_partition(names, encoding, corpus, selection, errors, date=None, currency=None) -> list[dict]:
    _load_jieba()
    out: list[dict] = []
    for name in names:
        for item in sources.documents([name], encoding, corpus, date=date, currency=currency):
            out.extend(_claims(item, selection, errors))
    return out


def _claims(item: sources.Document | sources.InputError, selection: Selection | None, errors: str) -> list[dict]:
    if isinstance(item, sources.InputError):
        if errors == "report":
            return [{"error": str(item), **({} if item.fails else {"skipped": True})}]
        if errors == "raise" and item.fails:
            raise UnreadableInput(str(item))
        import logging

        logging.getLogger(__name__).warning("newsfacts: %s", item)
        return []
    claims = extract(item.text, source=item.name, offset=item.offset, first_line=item.first_line,
                     document_date=item.date, currency=item.currency, provenance=item.provenance)
    return [claim.to_dict() for claim in claims if selection is None or selection.keeps(claim)]


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip", "report"):
        raise ValueError(f"errors must be 'raise', 'skip' or 'report', not {errors!r}")
