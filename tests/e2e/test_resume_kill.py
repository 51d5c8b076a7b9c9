"""Crash safety: ``communique process`` killed with SIGKILL at random points, then resumed.

Each trial starts a real ``communique process`` subprocess on a small JSON Lines slice of
``world.jsonl`` (plus a malformed line, an empty article and a duplicate, so the errors table
and the duplicate skip take part), kills it with ``kill -9`` after a random delay or just
after a random batch commit, checks that the database opens and holds only whole batches
(a prefix of the input, each stored article with all its rows), runs the same command again
to completion and compares the result with one uninterrupted reference run: the same article
ids, the same rows per article, the same row count in every table, the same errors.

Budget: under 4 minutes on 2 cores (12 articles, 2 per transaction, 20 trials); each trial
costs about one model load plus one uninterrupted run.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from communique.store import open_store

pytestmark = pytest.mark.slow

N_ARTICLES = 12
BATCH_SIZE = 2  # articles per transaction: 6+ commits per run, so kills land between and inside them
TRIALS = 20
SEED = int(os.environ.get("COMMUNIQUE_KILL_SEED", "20261129"))
# Tables whose rows belong to one article (counted per article to prove no half article).
PER_ARTICLE = ("mentions", "quotes", "events")


@dataclass
class Snapshot:
    """What a database holds, in the terms the crash checks compare."""

    ids: list[str]
    counts: dict[str, int]
    per_article: dict[str, Counter[str]] = field(default_factory=dict)
    errors: set[tuple[Any, ...]] = field(default_factory=set)


def table_counts(store: Any) -> dict[str, int]:
    """Rows in every table of the database, including tables added after this test was written."""
    names = [
        r["table_name"]
        for r in store.rows(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_name"
        )
    ]
    return {name: store.rows(f'SELECT count(*) AS n FROM "{name}"')[0]["n"] for name in names}


def snapshot(db: Path) -> Snapshot:
    """Open ``db`` read-only (it must open after any crash) and describe its content."""
    with open_store(db, read_only=True) as store:
        ids = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY id")]
        assert len(ids) == len(set(ids)), "duplicate article ids"
        per_article = {
            table: Counter(
                {
                    r["article_id"]: r["n"]
                    for r in store.rows(f"SELECT article_id, count(*) AS n FROM {table} GROUP BY 1")
                }
            )
            for table in PER_ARTICLE
        }
        errors = {(e["path"], e["line"], e["reason"], e["stage"]) for e in store.errors()}
        return Snapshot(ids=ids, counts=table_counts(store), per_article=per_article, errors=errors)


def make_input(world: Path, folder: Path) -> Path:
    """The first ``N_ARTICLES`` of world.jsonl, a bad line, an empty article and a duplicate."""
    lines = world.read_text(encoding="utf-8").splitlines()[:N_ARTICLES]
    lines.insert(3, "{this is not json")
    lines.insert(8, json.dumps({"id": "empty", "text": "   "}))
    lines.append(lines[0])  # a wire copy of the first story: skipped, never stored twice
    path = folder / "slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def freeze_code(folder: Path) -> dict[str, str]:
    """Copy the communique package once, so every run of the test uses the same code.

    (In a shared working tree other people's edits must not change the pipeline between
    the reference run and a resumed run; in CI this changes nothing.)
    """
    import communique

    target = folder / "code"
    shutil.copytree(
        Path(communique.__file__).parent, target / "communique", ignore=shutil.ignore_patterns("__pycache__")
    )
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    }


ENV: dict[str, str] = dict(os.environ)


def command(source: Path, db: Path, config: Path, workers: int = 1) -> list[str]:
    return [
        sys.executable, "-m", "communique", "process", str(source), "--db", str(db),
        "--quiet", "--config", str(config), "--workers", str(workers),
    ]  # fmt: skip


def run_to_end(source: Path, db: Path, config: Path, report: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--report", str(report)] if report is not None else []
    done = subprocess.run(command(source, db, config) + extra, capture_output=True, text=True, timeout=300, env=ENV)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, world_path: Path) -> dict[str, Any]:
    """One uninterrupted run: its snapshot, exit code, wall time and the input order."""
    folder = tmp_path_factory.mktemp("kill")
    ENV.update(freeze_code(folder))
    source = make_input(world_path, folder)
    config = folder / "small-batches.toml"
    config.write_text(f"[store]\nbatch_size = {BATCH_SIZE}\n", encoding="utf-8")
    db = folder / "reference.duckdb"
    started = time.monotonic()
    proc = subprocess.Popen(command(source, db, config), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    # The largest write-ahead log seen: kills aimed "at a commit" pick a size below it.
    wal, max_wal = Path(str(db) + ".wal"), 0
    while proc.poll() is None:
        with contextlib.suppress(FileNotFoundError):
            max_wal = max(max_wal, wal.stat().st_size)
        time.sleep(0.005)
    seconds = time.monotonic() - started
    out, err = proc.communicate()
    assert b"Traceback" not in out + err, err.decode(errors="replace")
    snap = snapshot(db)
    with open_store(db, read_only=True) as store:
        order = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY source_line")]
    return {
        "folder": folder, "source": source, "config": config, "snapshot": snap, "rc": proc.returncode,
        "seconds": seconds, "order": order, "max_wal": max_wal,
    }  # fmt: skip


def _wait_for_wal(db: Path, proc: subprocess.Popen[bytes], limit: float, size: int) -> None:
    """Return once the write-ahead log holds ``size`` bytes: some batches are committed."""
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if wal.stat().st_size >= size:
                return
        except FileNotFoundError:
            pass
        time.sleep(0.002)


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # fields: state, ppid, pgrp, ...; zombies (Z) are already dead.
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _group_gone(pgid: int, seconds: float) -> bool:
    """Wait until no live process is left in the group (orphaned workers exit on their own)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _group_members(pgid):
            return True
        time.sleep(0.1)
    return not _group_members(pgid)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def check_whole_batches(crashed: Snapshot, ref: Snapshot, order: list[str]) -> None:
    """Only whole batches: a prefix of the input, every stored article complete."""
    stored = set(crashed.ids)
    assert stored <= set(ref.ids), "an article the reference run does not have"
    assert stored == set(order[: len(stored)]), "stored articles are not a prefix of the input"
    for table in PER_ARTICLE:
        for article_id in stored:
            assert crashed.per_article[table][article_id] == ref.per_article[table][article_id], (table, article_id)
    assert crashed.errors <= ref.errors


def test_resume_kill9_random_points_end_equal(reference: dict[str, Any]) -> None:
    rng = random.Random(SEED)
    ref: Snapshot = reference["snapshot"]
    assert ref.ids, "the reference run stored nothing"
    outcomes: list[dict[str, Any]] = []
    for trial in range(TRIALS):
        db = reference["folder"] / f"trial-{trial}.duckdb"
        # Every fourth run uses two worker processes: killing the writer must not leave
        # them behind, and the resumed result must not depend on the worker count.
        workers = 2 if trial % 4 == 3 else 1
        log = reference["folder"] / f"trial-{trial}.stderr"
        with log.open("wb") as stderr:
            proc = subprocess.Popen(
                command(reference["source"], db, reference["config"], workers),
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env=ENV,
                start_new_session=True,  # its own process group, to find any orphaned worker
            )
        try:
            if trial % 2 == 0:
                delay = rng.uniform(0.2, reference["seconds"] * (1.3 if workers > 1 else 0.9))
                how = f"after {delay:.2f}s"
                time.sleep(delay)
            else:
                fraction = rng.uniform(0.05, 0.95)
                pause = rng.uniform(0.0, 0.05)
                how = f"log at {fraction:.0%} +{pause:.2f}s"
                _wait_for_wal(db, proc, reference["seconds"] * 3, int(fraction * reference["max_wal"]))
                time.sleep(pause)
            killed = proc.poll() is None
            if killed:
                os.kill(proc.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
            proc.wait(timeout=60)
            orphans_gone = _group_gone(proc.pid, seconds=5.0)
        finally:
            _kill_group(proc.pid)
        assert orphans_gone, "worker processes outlived the killed writer"
        assert b"Traceback" not in log.read_bytes(), log.read_text(errors="replace")
        at_kill = 0
        if db.exists():
            crashed = snapshot(db)
            check_whole_batches(crashed, ref, reference["order"])
            at_kill = len(crashed.ids)
        report = reference["folder"] / f"trial-{trial}.json"
        done = run_to_end(reference["source"], db, reference["config"], report)
        assert done.returncode == reference["rc"], done.stderr
        # The resumed run parsed and stored only what was missing.
        assert json.loads(report.read_text(encoding="utf-8"))["stored"] == len(ref.ids) - at_kill
        final = snapshot(db)
        assert final.ids == ref.ids
        assert final.counts == ref.counts
        assert final.per_article == ref.per_article
        assert final.errors == ref.errors
        outcomes.append(
            {
                "trial": trial,
                "workers": workers,
                "kill": how,
                "killed": killed,
                "articles_at_kill": at_kill,
                "final": "equal",
            }
        )
    kills = sum(o["killed"] for o in outcomes)
    mid_run = sum(o["killed"] and 0 < o["articles_at_kill"] < len(ref.ids) for o in outcomes)
    print(f"\nkill -9 trials (seed {SEED}, reference {reference['seconds']:.1f}s, {len(ref.ids)} articles):")
    for o in outcomes:
        print(f"  {o}")
    print(
        f"  {kills} killed, {mid_run} with part of the input stored; all {len(outcomes)} resumed equal to the reference"
    )
    assert kills >= TRIALS // 2, "too few runs were actually killed; the delays need retuning"
