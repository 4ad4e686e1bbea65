"""Extract from many documents on several cores, in input order.

Documents go to worker processes in batches; results come back in the
order they went out, so `--jobs N` writes exactly what `--jobs 1` writes.
At most a few batches per worker are in flight, so memory stays bounded
however large the corpus. Each worker loads jieba once, on first use.
"""
from __future__ import annotations

import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Iterable, Iterator

from ..claim import Claim
from .sources import Document, InputError

# A batch holds documents until it has this many characters (JSON Lines
# records are small; one pickling round trip per record would dominate).
_BATCH_CHARS = 200_000
_BATCHES_PER_WORKER = 3


def workers(jobs: int) -> int:
    """The number of processes for --jobs JOBS (0: one per core)."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def extract_all(items: Iterable[Document | InputError], jobs: int) -> Iterator[tuple[Document | InputError, list[Claim]]]:
    """(item, its claims) for each item in order; an InputError has none.

    A worker process that dies (killed, out of memory, a crash in C) takes
    the batches it was given with it: the pool is made anew, the batches
    sent again, and the document it died on reported as that document's
    error. When this generator is left early (an error, SIGTERM, a closed
    pipe), the workers are stopped, not left behind.
    """
    if workers(jobs) == 1:
        from ..core.pipeline import extract

        for item in items:
            yield _checked(item, [] if isinstance(item, InputError) else _extract(item, extract))
        return
    pool = _Pool(workers(jobs))
    try:
        pending: deque[tuple[list[Document | InputError], Future]] = deque()
        for batch in _batches(items):
            pending.append((batch, pool.submit(batch)))
            if len(pending) >= workers(jobs) * _BATCHES_PER_WORKER:
                yield from _collect(*pending.popleft(), pool, pending)
        while pending:
            yield from _collect(*pending.popleft(), pool, pending)
    finally:
        pool.stop()


class _Pool:
    """A ProcessPoolExecutor that can be made again when a worker dies."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.size, mp_context=get_context("fork"), initializer=_worker_started)

    def submit(self, batch: list[Document | InputError]) -> Future:
        return self.executor.submit(_extract_batch, [d for d in batch if isinstance(d, Document)])

    def renew(self) -> None:
        self.stop()
        self.executor = self._new()

    def stop(self) -> None:
        """Stop the workers now, whatever they are doing (they hold no
        output: it comes back to this process)."""
        processes = list((self.executor._processes or {}).values())  # the executor has no public way
        manager = self.executor._executor_manager_thread
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(5)
        # Let the executor's own thread finish closing its pipe: left running,
        # it races the interpreter's exit, which then prints "Exception ignored
        # ... Bad file descriptor" (Python 3.11's concurrent.futures).
        if manager is not None:
            manager.join(5)


def _worker_started() -> None:
    """In each worker: die with the parent, and die on SIGTERM and SIGHUP
    (the parent's handlers, inherited by fork, would turn them into an
    exception that the pool sends back as a document's result)."""
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """Linux: SIGTERM to this process when its parent dies (even by SIGKILL),
    so no worker lives on under PID 1 holding the caller's pipes open."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the parent's clean-up alone stops the workers
    if os.getppid() == 1:
        os._exit(1)  # the parent died before prctl


_PR_SET_PDEATHSIG = 1


def _batches(items: Iterable[Document | InputError]) -> Iterator[list[Document | InputError]]:
    batch: list[Document | InputError] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if size >= _BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _collect(batch: list[Document | InputError], future: Future, pool: _Pool,
             pending: deque[tuple[list[Document | InputError], Future]]
             ) -> Iterator[tuple[Document | InputError, list[Claim]]]:
    try:
        found = future.result()
    except BrokenProcessPool:
        found = _one_at_a_time(batch, pool)
        # The batches still out went down with the pool: send them again.
        for at, (waiting, _) in enumerate(pending):
            pending[at] = (waiting, pool.submit(waiting))
    results = iter(found)
    for item in batch:
        yield _checked(item, [] if isinstance(item, InputError) else next(results))


def _one_at_a_time(batch: list[Document | InputError], pool: _Pool) -> list[list[Claim] | InputError]:
    """The results of BATCH's documents, each sent alone to a new pool; the
    one a worker dies on is reported as its error."""
    found: list[list[Claim] | InputError] = []
    for document in batch:
        if not isinstance(document, Document):
            continue
        pool.renew()
        try:
            found += pool.submit([document]).result()
        except BrokenProcessPool:
            found.append(InputError(document.name, _DIED))
    pool.renew()
    return found


_DIED = "the worker process reading it died (killed, out of memory, or a crash); the other inputs are read"


def _checked(item: Document | InputError, found: list[Claim] | InputError) -> tuple[Document | InputError, list[Claim]]:
    if isinstance(found, InputError):
        return found, []
    return item, found


def _extract_batch(documents: list[Document]) -> list[list[Claim] | InputError]:
    from ..core.pipeline import extract

    return [_extract(document, extract) for document in documents]


def _extract(document: Document, extract) -> list[Claim] | InputError:
    """The claims of DOCUMENT; a bug of ours on one document is reported as
    that document's error, and the others still go through."""
    try:
        return extract(document.text, source=document.name, offset=document.offset, first_line=document.first_line,
                       document_date=document.date, currency=document.currency, provenance=document.provenance)
    except Exception as error:  # noqa: BLE001 - never lose the other documents to one failure
        return InputError(document.name, f"internal error, please report it: {type(error).__name__}: {error}")
