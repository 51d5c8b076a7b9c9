"""Throughput and memory benchmarks, as ratios measured in one invocation (machines are noisy).

Sections (pick with flags; the default runs the first):

* ``e2e``      end-to-end ``process`` (ingest, every configured stage, DuckDB storage) on one
               core vs bare ``nlp.pipe`` with the same model on the same texts.
* ``workers``  ``process --workers 2`` vs ``--workers 1`` (fresh databases, same input).
* ``dask``     a Dask ``LocalCluster`` with 2 worker processes vs ``--workers 2``.
* ``memory``   peak RSS of the largest single process (main or worker) for the corpus and for
               the corpus repeated ``--repeat`` times with altered ids: flat means equal.

Usage::

    python bench/throughput.py --n 500                      # e2e ratio
    python bench/throughput.py --n 400 --workers --dask     # parallel ratios
    python bench/throughput.py --memory --n 4540 --repeat 10
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORLD = Path(
    os.environ.get("COMMUNIQUE_WORLD", Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "world.jsonl")
)


def _slice(n: int, folder: Path, repeat: int = 1) -> tuple[Path, list[str]]:
    """The first ``n`` articles of world.jsonl (repeated with altered ids and texts) as a file."""
    lines = WORLD.read_text(encoding="utf-8").splitlines()[:n]
    path = folder / f"slice-{n}x{repeat}.jsonl"
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for line in lines:
                record = json.loads(line)
                if copy:
                    # A distinct article per copy: new id and a distinct first line, so the
                    # content hash differs and nothing is skipped as already stored.
                    record["id"] = f"{record['id']}-copy{copy}"
                    record["text"] = f"Copy {copy}.\n\n{record['text']}"
                texts.append(record["text"])
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, texts


def bench_e2e(n: int, folder: Path) -> None:
    from communique.batch.local import process_items
    from communique.ingest import iter_articles
    from communique.pipeline import Pipeline
    from communique.store import open_store

    path, texts = _slice(n, folder)
    pipe = Pipeline()
    nlp = pipe.nlp
    batch = pipe.settings.nlp.batch_size
    list(nlp.pipe(texts[:20], batch_size=batch))  # warm-up

    def bare() -> float:
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        return len(texts) / (time.perf_counter() - start)

    def e2e(run: int) -> float:
        with open_store(folder / f"e2e-{run}.duckdb") as store:
            start = time.perf_counter()
            report = process_items(iter_articles([path]), store, pipeline=pipe)
            seconds = time.perf_counter() - start
        if report.failed:
            print(f"warning: {report.failed} articles failed, e.g. {report.failures[0].reason[:200]}")
        return (report.stored + report.failed) / seconds

    # Interleaved, two rounds each, to spread the machine's noise over both sides.
    bare_rates = [bare(), bare()]
    e2e_rates = [e2e(0), e2e(1)]
    bare_rates.append(bare())
    bare_rate = sum(bare_rates) / len(bare_rates)
    e2e_rate = sum(e2e_rates) / len(e2e_rates)
    print(f"stages: {', '.join(pipe.stage_names)}")
    print(f"bare nlp.pipe        {bare_rate:8.1f} articles/s  (runs: {', '.join(f'{r:.1f}' for r in bare_rates)})")
    print(f"communique process   {e2e_rate:8.1f} articles/s  (runs: {', '.join(f'{r:.1f}' for r in e2e_rates)})")
    print(f"ratio e2e / bare     {e2e_rate / bare_rate:8.3f}   (n={len(texts)})")


def _run_process(args: list[str]) -> tuple[float, int]:
    """Run ``communique process`` in a subprocess; returns (seconds, peak RSS in MB of any process)."""
    code = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:]);"
        "s = time.perf_counter() - t;"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "print(json.dumps({'rc': r.returncode, 'seconds': s, 'peak_kb': peak}))"
    )
    cmd = [sys.executable, "-c", code, sys.executable, "-m", "communique", "process", "--quiet", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["rc"] not in (0, 1):
        raise RuntimeError(f"process failed: {out.stderr}")
    return result["seconds"], result["peak_kb"] // 1024


def bench_workers(n: int, folder: Path) -> float:
    path, texts = _slice(n, folder)
    one, _ = _run_process([str(path), "--db", str(folder / "w1.duckdb"), "--workers", "1"])
    two, _ = _run_process([str(path), "--db", str(folder / "w2.duckdb"), "--workers", "2"])
    print(f"--workers 1          {len(texts) / one:8.1f} articles/s  ({one:.1f} s, model load included)")
    print(f"--workers 2          {len(texts) / two:8.1f} articles/s  ({two:.1f} s)")
    print(f"speed-up 2 vs 1      {one / two:8.3f}")
    return two


def _children_cpu() -> float:
    """CPU seconds of every finished child process so far (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_dask(n: int, folder: Path, workers_two: float | None) -> None:
    path, texts = _slice(n, folder)
    # CPU seconds of each run (the wrapper's children: the CLI process and its workers), a
    # second figure that other load on the machine disturbs less than wall time.
    cpu = _children_cpu()
    cpu_two = None
    if workers_two is None:
        workers_two, _ = _run_process([str(path), "--db", str(folder / "w2.duckdb"), "--workers", "2"])
        cpu_two = _children_cpu() - cpu
    cpu = _children_cpu()
    dask_seconds, _ = _run_process(
        [
            str(path),
            "--db",
            str(folder / "dask.duckdb"),
            "--dask",
            "local",
            "--workers",
            "2",
            "--out",
            str(folder / "dask-out"),
        ]
    )
    cpu_dask = _children_cpu() - cpu
    print(f"dask LocalCluster(2) {len(texts) / dask_seconds:8.1f} articles/s  ({dask_seconds:.1f} s)")
    if cpu_two is not None:
        print(f"CPU seconds          --workers 2 {cpu_two:.1f}, dask {cpu_dask:.1f} (ratio {cpu_two / cpu_dask:.3f})")
    print(f"ratio dask / workers2 {workers_two / dask_seconds:7.3f}")


def _run_sampled(args: list[str]) -> tuple[float, int, int, int]:
    """Run ``communique process`` and sample the RSS of its process tree twice a second.

    Returns (seconds, kernel peak RSS in MB of any process, sampled peak of the main process,
    sampled peak of the largest worker). The kernel figure (``ru_maxrss``) is exact; the sampled
    ones may miss a short spike but tell the writer (main) apart from the workers.
    """
    import psutil

    cmd = [sys.executable, "-m", "communique", "process", "--quiet", *args]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    main_peak = worker_peak = 0
    while proc.poll() is None:
        try:
            main_peak = max(main_peak, proc.memory_info().rss)
            for child in proc.children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    worker_peak = max(worker_peak, child.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.5)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"process failed ({proc.returncode}): {stderr[-2000:]}")
    kernel_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return seconds, kernel_peak, main_peak // 2**20, worker_peak // 2**20


def bench_memory(n: int, repeat: int, folder: Path, workers: int) -> None:
    small, small_texts = _slice(n, folder, 1)
    big, big_texts = _slice(n, folder, repeat)
    rows = []
    for path, texts, db in ((small, small_texts, "m1"), (big, big_texts, "m2")):
        args = [str(path), "--db", str(folder / f"{db}.duckdb"), "--workers", str(workers)]
        seconds, kernel, main, worker = _run_sampled(args)
        # ru_maxrss of RUSAGE_CHILDREN is a running maximum over every child so far: the big run's
        # kernel figure includes the small run's, so the sampled peaks are the ones to compare.
        rows.append((texts, seconds, kernel, main, worker))
        print(
            f"{len(texts):>7,} articles: peak RSS main {main:6,} MB, largest worker {worker:6,} MB "
            f"(kernel max so far {kernel:,} MB; {seconds:.0f} s, {len(texts) / seconds:.1f} articles/s)",
            flush=True,
        )
    (_, _, _, m1, w1), (_, _, _, m2, w2) = rows
    print(f"peak RSS ratio big / small: main {m2 / m1:.3f}, worker {w2 / w1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="articles of world.jsonl to use")
    parser.add_argument("--workers", action="store_true", help="also compare --workers 2 with --workers 1")
    parser.add_argument("--dask", action="store_true", help="also compare a Dask LocalCluster with --workers 2")
    parser.add_argument("--memory", action="store_true", help="peak RSS for n and n x repeat articles")
    parser.add_argument("--repeat", type=int, default=10, help="corpus multiplier for --memory")
    parser.add_argument("--memory-workers", type=int, default=2, help="workers for --memory")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end vs nlp.pipe section")
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        folder = Path(tmp)
        two = None
        if not args.no_e2e and not args.memory:
            bench_e2e(args.n, folder)
        if args.workers:
            two = bench_workers(args.n, folder)
        if args.dask:
            bench_dask(args.n, folder, two)
        if args.memory:
            bench_memory(args.n, args.repeat, folder, args.memory_workers)
    print(f"(max RSS of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
