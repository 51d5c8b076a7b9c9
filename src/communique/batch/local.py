"""Run the pipeline over inputs on this machine: one reader, N workers, one writer.

The reader streams articles in chunks; ids already in the store are dropped before any
parsing (so a re-run after a crash only does what is missing); chunks are parsed by the
pipeline, in this process (``workers=1``) or in worker processes that each load the model
once; the results are written by this process, one transaction per chunk.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from communique.config import Settings, load_settings
from communique.ingest.dedup import link_duplicates
from communique.ingest.readers import FieldMap, iter_articles
from communique.model import Article, Failure
from communique.store.duckdb import DuckDBStore

__all__ = ["RunReport", "process_paths", "process_items"]


@dataclass
class RunReport:
    """What a run did: counts, the failed inputs with their reasons, and the time taken."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles processed per second (stored plus failed)."""
        return (self.stored + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the ``--report`` file)."""
        return {
            "read": self.read,
            "stored": self.stored,
            "skipped": self.skipped,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 2),
            "counts": self.counts,
            "failures": [f.model_dump() for f in self.failures],
        }


ProgressCallback = Callable[[RunReport], None]

# Set in each worker process by _init_worker: the pipeline, built once per process.
_WORKER_PIPELINE: Any = None


def _exit_with_parent(parent: int) -> None:
    """End this worker once the process that started it is gone (e.g. killed with kill -9).

    A pool worker blocks on its task queue forever if the writer dies without closing it,
    keeping a loaded model in memory; a re-parented worker has a new parent pid.
    """
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(settings_json: str) -> None:
    global _WORKER_PIPELINE
    import threading

    from communique.config import Settings
    from communique.pipeline import Pipeline

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True, name="parent-watch").start()
    _WORKER_PIPELINE = Pipeline(Settings.model_validate_json(settings_json))


def _work(articles: list[Article]) -> list[Article | Failure]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return _WORKER_PIPELINE.run_batch(articles)


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def process_items(
    items: Iterable[Article | Failure],
    store: DuckDBStore,
    settings: Settings | None = None,
    workers: int = 1,
    on_progress: ProgressCallback | None = None,
    pipeline: Any = None,
) -> RunReport:
    """Process a stream of articles (and pass-through failures) into ``store``.

    Args:
        items: articles and failures, as :func:`~communique.ingest.iter_articles` yields them.
        store: where results go (one transaction per chunk).
        settings: settings (packaged defaults when omitted).
        workers: worker processes; 1 runs in this process.
        on_progress: called with the running report after each chunk is written.
        pipeline: an already built pipeline to use when ``workers == 1``.

    Returns:
        The :class:`RunReport` of the run.
    """
    settings = settings or load_settings()
    report = RunReport()
    started = time.perf_counter()
    chunk_size = settings.store.batch_size

    def prepared() -> Iterator[list[Article]]:
        for chunk in _chunks(items, chunk_size):
            articles = [i for i in chunk if isinstance(i, Article)]
            failures = [i for i in chunk if isinstance(i, Failure)]
            report.read += len(articles)
            if failures:
                _write(failures)
            existing = store.existing_ids(a.id for a in articles)
            fresh: list[Article] = []
            copies: list[Article] = []
            seen: set[str] = set()
            for article in articles:
                if article.id in existing or article.id in seen:
                    report.skipped += 1
                    copies.append(article)
                else:
                    seen.add(article.id)
                    fresh.append(article)
            store.record_copies(copies)
            if fresh:
                yield fresh
            elif failures and on_progress is not None:
                on_progress(report)

    def _write(results: list[Article | Failure]) -> None:
        # Linking happens here, in the one writer, in input order: the same result whatever
        # the number of workers.
        signatures = link_duplicates([r for r in results if isinstance(r, Article)], store)
        stats = store.put(results, signatures=signatures)
        report.stored += stats.stored
        report.skipped += stats.skipped
        report.failed += stats.failed
        report.failures.extend(r for r in results if isinstance(r, Failure))
        report.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(report)

    if workers <= 1:
        from communique.pipeline import Pipeline

        pipe = pipeline or Pipeline(settings)
        for fresh in prepared():
            _write(pipe.run_batch(fresh))
    else:
        _run_pool(prepared(), _write, settings, workers)
    report.seconds = time.perf_counter() - started
    report.counts = store.counts()
    return report


def _new_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings.model_dump_json(),))


def _run_pool(
    chunks: Iterator[list[Article]],
    write: Callable[[list[Article | Failure]], None],
    settings: Settings,
    workers: int,
) -> None:
    """Feed chunks to worker processes and write results in input order.

    Bounded look-ahead keeps memory flat: at most 2 chunks per worker in flight. If a worker
    process dies (a crash in native code, the OOM killer), the chunks in flight are retried one
    article per task in a fresh pool, so only the article that kills a worker again is
    reported (stage ``worker``) and the others are stored.
    """
    pool = _new_pool(settings, workers)
    pending: deque[tuple[list[Article], Future[list[Article | Failure]]]] = deque()
    try:
        for fresh in chunks:
            pending.append((fresh, pool.submit(_work, fresh)))
            while len(pending) >= workers * 2:
                pool = _drain_one(pending, pool, write, settings, workers)
        while pending:
            pool = _drain_one(pending, pool, write, settings, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _drain_one(
    pending: deque[tuple[list[Article], Future[list[Article | Failure]]]],
    pool: ProcessPoolExecutor,
    write: Callable[[list[Article | Failure]], None],
    settings: Settings,
    workers: int,
) -> ProcessPoolExecutor:
    articles, future = pending.popleft()
    try:
        write(future.result())
        return pool
    except BrokenProcessPool:
        pass
    # The pool is broken: every chunk still in flight failed with it. Retry them one article
    # per task, each in a fresh pool if it breaks again.
    retry = [articles, *(a for a, _ in pending)]
    pending.clear()
    pool.shutdown(wait=False, cancel_futures=True)
    pool = _new_pool(settings, workers)
    for chunk in retry:
        results: list[Article | Failure] = []
        for article in chunk:
            try:
                results.extend(pool.submit(_work, [article]).result())
            except BrokenProcessPool:
                results.append(
                    Failure(
                        path=article.source_path or "<memory>",
                        line=article.source_line,
                        reason=f"a worker process died while processing article {article.id}",
                        stage="worker",
                    )
                )
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(settings, workers)
        write(results)
    return pool


def process_paths(
    paths: Iterable[str | os.PathLike[str]],
    db: str | Path = "communique.duckdb",
    settings: Settings | None = None,
    workers: int = 1,
    fields: FieldMap | None = None,
    on_progress: ProgressCallback | None = None,
) -> RunReport:
    """Read ``paths`` (files, folders, ``.gz``), process them and store the results in ``db``.

    Example:
        >>> report = process_paths(["article.txt"], db="kb.duckdb")  # doctest: +SKIP
        >>> report.stored                                              # doctest: +SKIP
        1
    """
    settings = settings or load_settings()
    with DuckDBStore(db, memory_limit=settings.store.memory_limit) as store:
        return process_items(
            iter_articles(paths, fields=fields, limits=settings.limits),
            store,
            settings=settings,
            workers=workers,
            on_progress=on_progress,
        )
