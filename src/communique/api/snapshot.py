"""Read a database another process is writing: private snapshot copies, refreshed on change.

DuckDB allows one writer process *or* several read-only processes per file: while
``communique process`` holds the file, a read-only ``connect`` from the server fails, and a
server holding a read-only connection would stop ``process`` from starting. So the server
never opens the live file. It copies the database file (and its ``.wal``) with plain reads
(DuckDB's lock is advisory and does not block reading), opens the private copy, and answers
every request from it. A background check compares the size and modification time of the
live files; when they change, a new copy is made and swapped in atomically; requests in
flight finish on the old copy, which is then closed and deleted.

Why a copy is never half a batch: ``process`` writes one transaction per batch; a committed
transaction is in the WAL (appended and fsynced at commit) and a checkpoint rewrites the
main file. A copy is accepted only if neither file changed during the copy *and* both had
been quiet for ``QUIET_SECONDS`` before it started (file timestamps are coarse — a kernel
tick, 1 to 10 ms — so the quiet period guarantees that any write during the copy shows up
as a new mtime). Such a copy is byte-identical to the files at a moment between two
commits. DuckDB's WAL replay also ignores an unfinished transaction at the tail.

The copy is opened read-write (it is ours): that replays the WAL into it and lets the
server reshape it for its queries (``ReadQueries.prepare_for_reads``: events sorted by date
with the dyad side keys as columns, plus indexes) without touching the live file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.errors import StoreError
from communique.store.duckdb import DuckDBStore

__all__ = ["QUIET_SECONDS", "Snapshot", "SnapshotReader"]

log = logging.getLogger("communique.api")

# Both files must be untouched this long before a copy starts (see the module docstring);
# 100 ms is ten times the coarsest kernel timestamp tick and shorter than any real batch.
QUIET_SECONDS = 0.1
# Copies attempted per refresh before giving up until the next check (the old copy stays).
_MAX_TRIES = 20

# After a copy that took T seconds to prepare, the next one waits at least this many times T,
# so a server following a busy writer spends at most about a fifth of a core on copies.
_PACE = 4.0


def _signature(path: Path) -> tuple[tuple[int, int], ...]:
    """(mtime_ns, size) of the database file and its WAL; (0, 0) for a missing file."""
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append((0, 0))
    return tuple(out)


@dataclass
class Snapshot:
    """One open private copy and the number of requests using it."""

    store: DuckDBStore
    signature: tuple[tuple[int, int], ...]
    folder: Path | None
    users: int = 0
    retired: bool = False
    taken_at: float = 0.0

    def close(self) -> None:
        self.store.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


class SnapshotReader:
    """Serve reads of ``path`` from private snapshot copies refreshed when the file changes.

    Args:
        path: the live database file (may not exist yet: an empty store is served).
        refresh_seconds: how often to look for changes (a ``stat`` of two files).
        workdir: where copies go (a private temporary folder by default).

    Example:
        >>> reader = SnapshotReader("kb.duckdb")          # doctest: +SKIP
        >>> with reader.store() as store:                 # doctest: +SKIP
        ...     store.stats()["counts"]["articles"]
    """

    def __init__(self, path: str | Path, refresh_seconds: float = 2.0, workdir: str | Path | None = None) -> None:
        self.path = Path(path).resolve()
        self.refresh_seconds = refresh_seconds
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="communique-serve-"))
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._current: Snapshot | None = None
        self._checked = 0.0
        self._seq = 0
        self._prepare_seconds = 0.0
        self.refreshes = 0
        self._install(self._take())

    # -- public ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def store(self) -> Iterator[DuckDBStore]:
        """The current snapshot's store, kept open for the duration of the ``with`` block."""
        self._maybe_refresh()
        with self._lock:
            snap = self._current
            assert snap is not None
            snap.users += 1
        try:
            yield snap.store
        finally:
            with self._lock:
                snap.users -= 1
                done = snap.retired and snap.users == 0
            if done:
                snap.close()

    def refresh(self, wait: bool = True) -> bool:
        """Take a new copy now if the live file changed; True when a new copy was installed."""
        if not self._refreshing.acquire(blocking=wait):
            return False
        try:
            self._checked = time.monotonic()
            current = self._current
            if current is not None and _signature(self.path) == current.signature:
                return False
            snap = self._take()
            if snap is None:
                return False
            self._install(snap)
            return True
        finally:
            self._refreshing.release()

    def close(self) -> None:
        """Close the current copy and delete the private folder."""
        with self._lock:
            snap, self._current = self._current, None
        if snap is not None:
            snap.close()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # -- internals -----------------------------------------------------------------------------
    def _maybe_refresh(self) -> None:
        wait = max(self.refresh_seconds, _PACE * self._prepare_seconds)
        if time.monotonic() - self._checked < wait:
            return
        self._checked = time.monotonic()
        # The check is a stat of two files; a copy, when needed, runs in the background so
        # requests keep being answered from the previous snapshot.
        current = self._current
        if current is not None and _signature(self.path) == current.signature:
            return
        threading.Thread(target=self.refresh, kwargs={"wait": False}, daemon=True, name="snapshot").start()

    def _install(self, snap: Snapshot | None) -> None:
        if snap is None:
            raise StoreError(f"cannot take a consistent copy of {self.path}: it keeps changing; try again")
        with self._lock:
            old, self._current = self._current, snap
            self.refreshes += 1
            if old is not None:
                old.retired = True
                done = old.users == 0
            else:
                done = False
        if old is not None and done:
            old.close()

    def _take(self) -> Snapshot | None:
        """Copy the live files while they are quiet; None when they never were."""
        for attempt in range(_MAX_TRIES):
            before = _signature(self.path)
            if before[0] == (0, 0):
                return Snapshot(DuckDBStore(":memory:"), before, None, taken_at=time.time())
            newest = max(mtime for mtime, _ in before) / 1e9
            wait = newest + QUIET_SECONDS - time.time()
            if wait > 0:
                time.sleep(min(wait, 1.0))
                continue
            self._seq += 1
            folder = self.workdir / f"snap-{os.getpid()}-{self._seq}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / "kb.duckdb"
            try:
                shutil.copyfile(self.path, target)
                wal = self.path.with_name(self.path.name + ".wal")
                if before[1] != (0, 0):
                    shutil.copyfile(wal, target.with_name(target.name + ".wal"))
            except FileNotFoundError:
                shutil.rmtree(folder, ignore_errors=True)
                continue
            if _signature(self.path) != before:
                shutil.rmtree(folder, ignore_errors=True)
                time.sleep(min(0.05 * (attempt + 1), 0.5))
                continue
            try:
                prepare_started = time.monotonic()
                store = DuckDBStore(target)
                store.prepare_for_reads()
                self._prepare_seconds = time.monotonic() - prepare_started
            except StoreError as exc:
                log.warning("snapshot of %s could not be opened (%s); retrying", self.path, exc)
                shutil.rmtree(folder, ignore_errors=True)
                time.sleep(0.1)
                continue
            return Snapshot(store, before, folder, taken_at=time.time())
        return None
