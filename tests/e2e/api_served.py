"""Session fixtures for the HTTP API, dashboard and schemathesis tests.

One database per session, built by the real ``communique process`` from the example article
and the first 40 lines of ``world.jsonl``; one real ``communique serve`` (uvicorn) on a free
loopback port, with ingest enabled and a known token. Test modules import the fixtures
through ``tests/e2e/conftest.py``, so the whole session shares them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "trend-2018-11-14-belarus-azerbaijan.txt"
WORLD = SHARED / "data" / "news" / "world.jsonl"
TOKEN = "test-token-0123456789abcdef"


@dataclass
class Served:
    """A running server: its base URL, database file, ingest token and process."""

    url: str
    db: Path
    token: str
    proc: subprocess.Popen[bytes]

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def communique(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "communique", *args], capture_output=True, text=True, **kwargs
    )


def start_server(db: Path, *extra: str, env: dict[str, str] | None = None) -> Served:
    """Start ``communique serve`` on a free port and wait until ``/health`` answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COMMUNIQUE_INGEST_TOKEN": TOKEN, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            raise RuntimeError(f"communique serve exited with {proc.returncode}: {out}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return Served(url, db, TOKEN, proc)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("communique serve did not answer within 60 s")


def stop_server(served: Served) -> None:
    served.proc.terminate()
    try:
        served.proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        served.proc.kill()
        served.proc.wait()


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real database: the example article plus 40 world.jsonl articles, by `communique process`."""
    assert EXAMPLE.exists() and WORLD.exists(), "the API tests need ../shared next to the repo"
    folder = tmp_path_factory.mktemp("api")
    world = folder / "world40.jsonl"
    with WORLD.open(encoding="utf-8") as src:
        world.write_text("".join(next(src) for _ in range(40)), encoding="utf-8")
    db = folder / "kb.duckdb"
    done = communique("process", str(EXAMPLE), str(world), "--db", str(db), "--quiet")
    assert done.returncode in (0, 1), done.stderr  # 1: some inputs failed, the rest stored
    return db


@pytest.fixture(scope="session")
def served(api_db: Path) -> Iterator[Served]:
    """`communique serve --allow-ingest` over :func:`api_db` (fast snapshot refresh)."""
    server = start_server(api_db, "--allow-ingest", "--refresh", "0.2")
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def example_id(served: Served) -> str:
    """The id of the example article, found through the search endpoint."""
    with served.client() as client:
        items = client.get("/articles", params={"q": "Guminsky"}).json()["items"]
    assert items, "the example article is not searchable"
    return str(items[0]["id"])
