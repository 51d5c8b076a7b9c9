"""Storage failures: a full disk or a read-only database gives a clear error, data intact.

Both cases run the real ``communique process`` command. The full disk is a small tmpfs
filled to the brim (needs root, as in CI; skipped with the reason otherwise); the read-only
database is a read-only bind mount of the file when running as root (root ignores file
modes) or a ``chmod 444`` file otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.store import open_store
from tests.e2e.test_resume_kill import freeze_code, table_counts

pytestmark = pytest.mark.slow

BATCH_SIZE = 2


ENV: dict[str, str] = dict(os.environ)


@pytest.fixture(scope="module", autouse=True)
def frozen_code(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every command of this module runs the same copy of the code (see ``freeze_code``)."""
    ENV.update(freeze_code(tmp_path_factory.mktemp("code")))


def run_process(source: Path, db: Path, config: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique",
            "process",
            str(source),
            "--db",
            str(db),
            "--quiet",
            "--config",
            str(config),
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def contents(db: Path) -> tuple[list[str], dict[str, int]]:
    """Article ids and row counts; the database must open read-only after any failure."""
    with open_store(db, read_only=True) as store:
        return [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY id")], table_counts(store)


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def corpus(tmp_path: Path, world_path: Path) -> dict[str, Path]:
    lines = world_path.read_text(encoding="utf-8").splitlines()
    seed = tmp_path / "seed.jsonl"
    seed.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    more = tmp_path / "more.jsonl"
    more.write_text("\n".join(lines[3:15]) + "\n", encoding="utf-8")
    config = tmp_path / "small-batches.toml"
    config.write_text(f"[store]\nbatch_size = {BATCH_SIZE}\n", encoding="utf-8")
    return {"seed": seed, "more": more, "config": config}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 8 MiB tmpfs (DuckDB allocates 256 KiB blocks: room for the seed database only)."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root to mount")
    mountpoint = tmp_path / "small-disk"
    mountpoint.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mountpoint)):
        pytest.skip("mounting a tmpfs is not permitted here (container without CAP_SYS_ADMIN?)")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


def test_crash_full_disk_clear_error_and_resume(small_disk: Path, corpus: dict[str, Path], tmp_path: Path) -> None:
    db = small_disk / "kb.duckdb"
    seeded = run_process(corpus["seed"], db, corpus["config"])
    seed_ids, _ = contents(db)
    assert seed_ids, seeded.stderr
    # Fill the disk, leaving 64 KiB: the next batch cannot be logged.
    stats = os.statvfs(small_disk)
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (stats.f_bavail * stats.f_frsize - 64 * 1024))

    failed = run_process(corpus["more"], db, corpus["config"])
    assert failed.returncode == 1
    assert "error:" in failed.stderr and "No space left on device" in failed.stderr.replace("\n", " "), failed.stderr
    ids_after, _ = contents(db)
    assert set(seed_ids) <= set(ids_after), "data stored before the disk filled up was lost"

    # With space again, the same command completes the database exactly.
    filler.unlink()
    run_process(corpus["more"], db, corpus["config"])
    reference = tmp_path / "reference.duckdb"
    run_process(corpus["seed"], reference, corpus["config"])
    run_process(corpus["more"], reference, corpus["config"])
    assert contents(db) == contents(reference)


@pytest.fixture
def read_only_db(tmp_path: Path, corpus: dict[str, Path]) -> Iterator[Path]:
    """A database with data in it that cannot be written (bind mount as root, else chmod)."""
    db = tmp_path / "ro" / "kb.duckdb"
    run_process(corpus["seed"], db, corpus["config"])
    if os.geteuid() == 0:
        if not (_mount("--bind", str(db), str(db)) and _mount("-o", "remount,ro,bind", str(db))):
            subprocess.run(["umount", str(db)], capture_output=True)
            pytest.skip("root ignores file modes and a read-only bind mount is not permitted here")
        try:
            yield db
        finally:
            subprocess.run(["umount", str(db)], capture_output=True)
    else:
        db.chmod(0o444)
        yield db


def test_crash_read_only_database_clear_error(read_only_db: Path, corpus: dict[str, Path]) -> None:
    before = hashlib.sha256(read_only_db.read_bytes()).hexdigest()
    ids, counts = contents(read_only_db)
    done = run_process(corpus["more"], read_only_db, corpus["config"])
    assert done.returncode == 1
    message = done.stderr.replace("\n", " ")
    assert "error: cannot open database" in message and ("Read-only" in message or "Permission denied" in message), (
        message
    )
    assert hashlib.sha256(read_only_db.read_bytes()).hexdigest() == before
    assert contents(read_only_db) == (ids, counts)


def test_crash_report_file_lists_every_failed_input(tmp_path: Path, corpus: dict[str, Path]) -> None:
    """``--report FILE`` names each failed input with its path, line and reason."""
    source = tmp_path / "mixed.jsonl"
    good = corpus["seed"].read_text(encoding="utf-8").splitlines()[0]
    source.write_text(
        "\n".join([good, "{broken", json.dumps({"text": ""}), json.dumps({"text": 5})]) + "\n", encoding="utf-8"
    )
    report = tmp_path / "run.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique",
            "process",
            str(source),
            "--db",
            str(tmp_path / "kb.duckdb"),
            "--report",
            str(report),
            "--workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
    )
    assert done.returncode == 1, done.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    ingest = [(f["path"], f["line"]) for f in data["failures"] if f["stage"] == "ingest"]
    assert ingest == [(str(source), 2), (str(source), 3), (str(source), 4)]
    assert all(f["reason"] for f in data["failures"])
    assert data["failed"] == len(data["failures"])
    for line in ("2", "3", "4"):
        assert f"{source}:{line}" in done.stdout.replace("\n", "")


@pytest.mark.parametrize("name", ["missing[/x].jsonl", "[bold]missing.jsonl"])
def test_crash_markup_in_path_is_printed_not_interpreted(tmp_path: Path, name: str) -> None:
    """Paths and reasons are user data: Rich markup in them must not crash the CLI."""
    done = subprocess.run(
        [sys.executable, "-m", "communique", "process", str(tmp_path / name), "--db", str(tmp_path / "kb.duckdb")],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert name in done.stderr.replace("\n", "")
