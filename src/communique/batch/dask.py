"""Run the pipeline on a Dask distributed cluster; results land as partitioned Parquet.

Each input partition (a file, or a line range of a big JSONL file; see
:mod:`communique.ingest.partition`) becomes one Dask task. A worker process builds the
pipeline once (the model is loaded once per worker) and reuses it for every task it runs.
A task processes its partition into a throwaway in-memory DuckDB store (the same ``put``
code as a local run) and copies each table out as Parquet under ``OUT/<table>/month=YYYY-MM/``
(articles and what was extracted from them, by the article's month; ``unknown`` when
undated). A marker ``OUT/_done/<partition>.json`` is written last, so a re-run skips the
partitions that finished and redoes only the rest.

:func:`load_parquet` merges such a dataset into a DuckDB file, partition by partition in
input order, linking wire copies exactly as a local run does; given a store,
:func:`process_dask` does the same merge while the cluster runs. DuckDB can also query the
dataset in place: ``SELECT * FROM read_parquet('OUT/events/*/*.parquet', hive_partitioning=true)``.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.batch.local import RunReport
from communique.config import Settings, load_settings
from communique.errors import ConfigError, StoreError
from communique.ingest.dedup import Signature, link_duplicates
from communique.ingest.partition import Partition, plan_partitions, read_partition
from communique.ingest.readers import FieldMap
from communique.model import Article, Failure

__all__ = ["PartitionResult", "load_parquet", "process_dask"]

# Tables copied to Parquet, and how each finds its article's date for the month partition.
_PARQUET_TABLES = {
    "articles": ("id", "articles"),
    "mentions": ("article_id", "mentions"),
    "actors": (None, "actors"),
    "quotes": ("article_id", "quotes"),
    "events": ("article_id", "events"),
    "errors": (None, "errors"),
    "article_copies": ("article_id", "article_copies"),
}

# The pipeline of this worker process, keyed by its settings (built on first use).
_PIPELINES: dict[str, Any] = {}


@dataclass
class PartitionResult:
    """What one task did (returned to the client; small)."""

    partition: str
    stored: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    cached: bool = False


# glibc's mallopt parameter numbers (malloc.h: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536 (to hand memory back to the OS
# early), which also freezes glibc's mmap threshold at 128 KiB: every larger array spaCy
# allocates and frees per document then costs an mmap/munmap and fresh page faults. A plain
# process with that setting parsed 15% slower here (120 articles: 7.9 s vs 6.8 s); with the
# mmap threshold raised to 32 MiB as well it ran at full speed (6.9 s). Big buffers above
# 32 MiB are still mapped and returned to the OS when freed.
_TRIM_THRESHOLD_BYTES = 64 << 20
_MMAP_THRESHOLD_BYTES = 32 << 20


def _tune_allocator() -> None:
    """Raise glibc's malloc trim and mmap thresholds in this worker (no-op elsewhere)."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        libc = ctypes.CDLL(name)
        libc.mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD_BYTES)
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_BYTES)
    except (OSError, AttributeError):
        return


def _pipeline(settings_json: str) -> Any:
    pipe = _PIPELINES.get(settings_json)
    if pipe is None:
        from communique.pipeline import Pipeline

        _tune_allocator()
        pipe = Pipeline(Settings.model_validate_json(settings_json))
        _PIPELINES[settings_json] = pipe
    return pipe


def _run_partition(partition: Partition, out: str, settings_json: str, fields: FieldMap) -> PartitionResult:
    """One Dask task: process a partition and write its Parquet files (idempotent)."""
    from communique.batch.local import process_items
    from communique.store.duckdb import DuckDBStore

    started = time.perf_counter()
    done = Path(out) / "_done" / f"{partition.name}.json"
    if done.exists():
        cached = PartitionResult(**json.loads(done.read_text(encoding="utf-8")))
        cached.cached = True
        return cached
    settings = Settings.model_validate_json(settings_json)
    pipe = _pipeline(settings_json)
    with DuckDBStore(":memory:") as store:
        report = process_items(
            read_partition(partition, fields, settings.limits), store, settings=settings, pipeline=pipe
        )
        for table, (key, _) in _PARQUET_TABLES.items():
            _copy_out(store, table, key, Path(out), partition.name)
    result = PartitionResult(
        partition=partition.name,
        stored=report.stored,
        failed=report.failed,
        skipped=report.skipped,
        failures=[f.model_dump() for f in report.failures],
        seconds=time.perf_counter() - started,
    )
    done.parent.mkdir(parents=True, exist_ok=True)
    tmp = done.with_suffix(".tmp")
    tmp.write_text(json.dumps(result.__dict__), encoding="utf-8")
    os.replace(tmp, done)
    return result


def _copy_out(store: Any, table: str, key: str | None, out: Path, name: str) -> None:
    target = out / table
    if store.rows(f'SELECT count(*) AS n FROM "{table}"')[0]["n"] == 0:
        return
    if key is None:
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"part-{name}.parquet"
        store.execute(f"COPY (SELECT * FROM \"{table}\") TO '{_lit(path)}' (FORMAT PARQUET)")
        return
    if table == "articles":
        query = "SELECT t.*, coalesce(strftime(t.date, '%Y-%m'), 'unknown') AS month FROM articles t"
    else:
        query = (
            f"SELECT t.*, coalesce(strftime(a.date, '%Y-%m'), 'unknown') AS month FROM \"{table}\" t "
            f"LEFT JOIN articles a ON a.id = t.{key}"
        )
    # Remove this partition's files from an earlier, interrupted attempt before writing.
    for stale in target.glob(f"month=*/part-{name}*.parquet"):
        stale.unlink()
    store.execute(
        f"COPY ({query}) TO '{_lit(target)}' (FORMAT PARQUET, PARTITION_BY (month), "
        f"FILENAME_PATTERN 'part-{name}-{{i}}', OVERWRITE_OR_IGNORE)"
    )


def _lit(path: Path) -> str:
    return str(path).replace("'", "''")


# Housekeeping of Dask's worker processes that competes with parsing for the CPU. The CPU
# time of parsing 200 articles inside the tasks (8 tasks of 25 per worker, 2 workers, same
# articles, interleaved runs, 4 rounds): a ProcessPoolExecutor 13.1-13.7 s, Dask workers with the
# default config 13.6-14.6 s (up to 7% more), with these three settings 13.5-14.1 s. The profiler
# walks the task thread's stack every 10 ms, holding the GIL; the event-loop health tick runs
# every 20 ms and the system monitor samples psutil every 500 ms. A LocalCluster needs none of
# them (no dashboard); workers started by hand keep their own config (see the README).
_QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def _client(scheduler: str, workers: int) -> tuple[Any, Any]:
    import dask
    from distributed import Client, LocalCluster

    if scheduler == "local":
        # The nannies hand this config to the worker processes they start.
        with dask.config.set(_QUIET_WORKERS):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    if not scheduler.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise ConfigError(f"--dask takes 'local' or a scheduler address such as tcp://host:8786, not {scheduler!r}")
    return Client(scheduler), None


def process_dask(
    paths: Iterable[str | os.PathLike[str]],
    out: str | Path,
    scheduler: str = "local",
    workers: int = 2,
    settings: Settings | None = None,
    fields: FieldMap | None = None,
    lines_per_partition: int = 500,
    split_above: int = 4 << 20,
    store: Any = None,
) -> RunReport:
    """Process ``paths`` on a Dask cluster into a Parquet dataset under ``out``.

    With ``store``, each partition is merged into it as soon as it and every earlier
    partition are done (input order, as :func:`load_parquet` does), so the merge runs while
    the cluster parses the rest instead of after it; the store ends as after
    ``load_parquet(out, store)``.

    Args:
        paths: input files and folders.
        out: dataset folder (created); re-running skips partitions already done.
        scheduler: ``"local"`` for a ``LocalCluster`` of ``workers`` processes, or an address.
        workers: worker processes of the local cluster.
        settings: settings (packaged defaults when omitted).
        fields: field names of JSONL/CSV inputs.
        lines_per_partition: JSONL lines per task for big files.
        split_above: JSONL files larger than this many bytes are split into line ranges.
        store: a :class:`~communique.store.duckdb.DuckDBStore` to merge into (None: Parquet only).

    Returns:
        A :class:`RunReport` summed over the partitions (with the store's counts when merged).
    """
    from distributed import as_completed

    settings = settings or load_settings()
    fields = fields or FieldMap()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = RunReport()
    started = time.perf_counter()
    client, cluster = _client(scheduler, workers)
    closer: threading.Thread | None = None
    try:
        n_workers = len(client.scheduler_info().get("workers", {})) or workers
        partitions = _plan(out, [str(p) for p in paths], lines_per_partition, split_above, n_workers)
        futures = client.map(
            _run_partition,
            partitions,
            out=str(out.resolve()),
            settings_json=settings.model_dump_json(),
            fields=fields,
            pure=False,
        )
        position = {future.key: i for i, future in enumerate(futures)}
        finished: list[PartitionResult | None] = [None] * len(futures)
        merged = 0
        for count, future in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            result = future.result()
            future.release()
            finished[position[future.key]] = result
            report.stored += result.stored
            report.failed += result.failed
            report.skipped += result.skipped
            report.read += result.stored + result.skipped
            report.failures.extend(Failure(**f) for f in result.failures)
            if count == len(futures):
                # Every task is done: shut the cluster down (about a second of waiting for
                # the worker processes to exit) while the last partitions are merged.
                closer = threading.Thread(target=_close, args=(client, cluster), name="dask-close")
                closer.start()
            while store is not None and merged < len(finished) and finished[merged] is not None:
                _merge_partition(store, _partition_files(out, partitions[merged].name))
                merged += 1
    finally:
        if closer is None:
            _close(client, cluster)
        else:
            closer.join()
    if store is not None:
        report.counts = store.counts()
    report.seconds = time.perf_counter() - started
    return report


def _close(client: Any, cluster: Any) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def _plan(out: Path, paths: list[str], lines_per_partition: int, split_above: int, n_workers: int) -> list[Partition]:
    """The partitions of this dataset: planned once, then read back, so a re-run (even on a
    cluster of another size) redoes exactly the partitions that have no ``_done`` marker."""
    plan_file = out / "_plan.json"
    if plan_file.exists():
        saved = json.loads(plan_file.read_text(encoding="utf-8"))
        if saved["paths"] != paths:
            raise ConfigError(
                f"{out} holds the output of a run over other inputs ({', '.join(saved['paths'])}); "
                "choose a new --out folder"
            )
        return [Partition(**p) for p in saved["partitions"]]
    # Eight tasks per worker at least, so a single big file keeps the whole cluster busy and
    # the last tasks (long articles cluster in some files) do not leave workers idle.
    partitions = plan_partitions(
        paths, lines_per_partition=lines_per_partition, split_above=split_above, min_partitions=8 * n_workers
    )
    tmp = plan_file.with_suffix(".tmp")
    tmp.write_text(json.dumps({"paths": paths, "partitions": [p.__dict__ for p in partitions]}), encoding="utf-8")
    os.replace(tmp, plan_file)
    return partitions


def load_parquet(out: str | Path, store: Any) -> RunReport:
    """Merge a dataset written by :func:`process_dask` into ``store``, partition by partition.

    Articles already in the store are skipped (idempotent); ``duplicate_of`` is computed here
    against the whole store, in input order, so the result equals a local run's.
    """
    out = Path(out)
    if not (out / "_done").is_dir():
        raise StoreError(f"{out} is not a communique Parquet dataset (no _done/ folder)")
    report = RunReport()
    started = time.perf_counter()
    for marker in sorted((out / "_done").glob("*.json")):
        report.stored += _merge_partition(store, _partition_files(out, marker.stem))
        result = json.loads(marker.read_text(encoding="utf-8"))
        report.failed += result["failed"]
        report.failures.extend(Failure(**f) for f in result["failures"])
    report.seconds = time.perf_counter() - started
    report.counts = store.counts()
    return report


def _partition_files(out: Path, name: str) -> dict[str, list[str]]:
    """The Parquet files of one partition, per table."""
    return {table: sorted(str(p) for p in (out / table).glob(f"**/part-{name}*.parquet")) for table in _PARQUET_TABLES}


def _merge_partition(store: Any, files: dict[str, list[str]]) -> int:
    """Insert one partition's rows (new articles only) in one transaction; returns articles added."""
    if not files["articles"] and not files["errors"]:
        return 0
    new: list[Article] = []
    if files["articles"]:
        rows = store.rows(
            "SELECT id, text FROM read_parquet(?, hive_partitioning=true) "
            "WHERE id NOT IN (SELECT id FROM articles) ORDER BY source_path, source_line NULLS FIRST",
            [files["articles"]],
        )
        new = [Article(id=r["id"], text=r["text"]) for r in rows]
    signatures: dict[str, Signature] = link_duplicates(new, store) if new else {}
    return store.merge_parquet(files, {a.id: a.duplicate_of for a in new}, signatures)
