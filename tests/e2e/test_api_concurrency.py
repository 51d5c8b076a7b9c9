"""`communique serve` answers while `communique process` writes the same file, and never shows half a batch.

The writer runs as a real subprocess with small batches (one transaction each); a reader
polls `/stats` the whole time. Afterwards the final database tells which articles each
transaction wrote (rows of one transaction share ``processed_at``, DuckDB's transaction start
time), so the legal states are the prefixes of that sequence of batches: every observed
(articles, mentions) pair must be one of them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from itertools import accumulate
from pathlib import Path

import httpx
import pytest

from communique.model import article_id_for
from tests.e2e.api_served import WORLD, start_server, stop_server

pytestmark = pytest.mark.slow

BATCH = 5
ARTICLES = 60


def _distinct_articles(out: Path, n: int) -> None:
    seen: set[str] = set()
    lines: list[str] = []
    with WORLD.open(encoding="utf-8") as src:
        for line in src:
            text = json.loads(line).get("text") or ""
            key = article_id_for(text)
            if len(text) > 200 and key not in seen:
                seen.add(key)
                lines.append(line if line.endswith("\n") else line + "\n")
            if len(lines) == n:
                break
    out.write_text("".join(lines), encoding="utf-8")


def test_api_concurrency_reader_sees_only_whole_batches_while_process_writes(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    _distinct_articles(source, ARTICLES)
    config = tmp_path / "small-batches.toml"
    config.write_text(f"[store]\nbatch_size = {BATCH}\n", encoding="utf-8")
    db = tmp_path / "live.duckdb"

    served = start_server(db, "--refresh", "0.05")
    observed: list[tuple[int, int]] = []
    statuses: set[int] = set()
    try:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "communique",
                "process",
                str(source),
                "--db",
                str(db),
                "--config",
                str(config),
                "-q",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        with httpx.Client(base_url=served.url, timeout=30) as client:
            deadline = time.monotonic() + 600
            while writer.poll() is None and time.monotonic() < deadline:
                response = client.get("/stats")
                statuses.add(response.status_code)
                counts = response.json()["counts"]
                observed.append((counts["articles"], counts["mentions"]))
                statuses.add(client.get("/articles", params={"q": "minister", "limit": 5}).status_code)
                time.sleep(0.02)
            out, err = writer.communicate(timeout=60)
            assert writer.returncode in (0, 1), err  # 1: some inputs failed, the rest stored
            from communique.store import open_store

            with open_store(db, read_only=True) as final:
                final_articles = final.count("articles")
            # The server catches up with the finished file (on a busy machine a snapshot
            # refresh can take a few seconds): wait for the final count, bounded in time.
            catch_up = time.monotonic() + 60
            while time.monotonic() < catch_up:
                counts = client.get("/stats").json()["counts"]
                observed.append((counts["articles"], counts["mentions"]))
                if counts["articles"] == final_articles:
                    break
                time.sleep(0.05)
    finally:
        stop_server(served)

    from communique.store import open_store

    with open_store(db, read_only=True) as store:
        batches = store.rows(
            "SELECT a.processed_at, count(DISTINCT a.id) AS articles, "
            "(SELECT count(*) FROM mentions m JOIN articles b ON b.id = m.article_id "
            " WHERE b.processed_at = a.processed_at) AS mentions "
            "FROM articles a GROUP BY a.processed_at ORDER BY a.processed_at"
        )
    legal = {(0, 0)} | set(
        zip(
            accumulate(int(b["articles"]) for b in batches),
            accumulate(int(b["mentions"]) for b in batches),
            strict=True,
        )
    )
    print(
        f"\nconcurrency: {len(observed)} reads during the run, {len(set(observed))} distinct states, "
        f"{len(batches)} batches committed, none partial"
    )
    assert statuses == {200}
    assert len(batches) >= ARTICLES // BATCH - 2, "the writer committed in small batches"
    bad = sorted(set(observed) - legal)
    assert not bad, f"half batches seen: {bad[:5]}; legal states: {sorted(legal)[:8]}..."
    assert observed == sorted(observed), "counts never go backwards"
    intermediate = {o for o in observed if o != (0, 0) and o != max(legal)}
    assert intermediate, "the server showed progress while the writer ran"
    assert observed[-1] == max(legal), "the server caught up with the finished run"
