"""Extract from many documents on several cores, in input order.

Documents go to worker processes in batches; results come back in the
order they went out, so `--jobs N` writes exactly what `--jobs 1` writes.
At most a few batches per worker are in flight, so memory stays bounded
however large the corpus. Each worker loads jieba once, on first use.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
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
    """(item, its claims) for each item in order; an InputError has none."""
    if workers(jobs) == 1:
        from ..core.pipeline import extract

        for item in items:
            yield _checked(item, [] if isinstance(item, InputError) else _extract(item, extract))
        return
    with ProcessPoolExecutor(max_workers=workers(jobs), mp_context=get_context("fork")) as pool:
        pending: deque[tuple[list[Document | InputError], Future]] = deque()
        for batch in _batches(items):
            pending.append((batch, pool.submit(_extract_batch, [d for d in batch if isinstance(d, Document)])))
            if len(pending) >= workers(jobs) * _BATCHES_PER_WORKER:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


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


def _collect(batch: list[Document | InputError], future: Future) -> Iterator[tuple[Document | InputError, list[Claim]]]:
    results = iter(future.result())
    for item in batch:
        yield _checked(item, [] if isinstance(item, InputError) else next(results))


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
        return extract(document.text, source=document.name, offset=document.offset, first_line=document.first_line)
    except Exception as error:  # noqa: BLE001 - never lose the other documents to one failure
        return InputError(document.name, f"internal error, please report it: {type(error).__name__}: {error}")
