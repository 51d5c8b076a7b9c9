"""HTTP API load bench: filtered /events and dyad timelines on a store of 1,000,000 events.

Builds a synthetic DuckDB store (synthetic rows are fine here: the bench measures the
queries and the server, not extraction), starts a real ``communique serve`` on a free
loopback port, and runs a closed loop of concurrent clients against it. Prints latency
percentiles per endpoint and the overall throughput.

Usage:
    python bench/api.py                       # 1,000,000 events, 8 clients, 150 requests each
    python bench/api.py --events 200000 --clients 4 --requests 50 --keep bench.duckdb

The target (issue 8): p95 <= 200 ms for both endpoints under 8 concurrent clients.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from communique.store import open_store

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COUNTRIES = (
    "AZE", "BLR", "RUS", "USA", "CHN", "FRA", "DEU", "GBR", "UKR", "TUR", "IRN", "ISR", "IND", "PAK", "JPN",
    "KOR", "PRK", "BRA", "MEX", "ZAF", "NGA", "EGY", "SAU", "SYR", "IRQ", "AFG", "KAZ", "MNG", "GEO", "ARM",
)  # fmt: skip


def build(path: Path, n_events: int, n_articles: int) -> None:
    """Write the synthetic store: articles, country actors and ``n_events`` events (by date)."""
    countries = list(COUNTRIES)
    types = list(PLOVER)
    with open_store(path) as store:
        store.execute(
            "INSERT INTO articles (id, date, publisher, title, text, n_sentences) "
            "SELECT 'a' || lpad(i::VARCHAR, 8, '0'), DATE '2000-01-01' + (i % 9000)::INTEGER, 'Bench', "
            "'Synthetic article ' || i, 'Synthetic text number ' || i || ' about relations.', 1 FROM range(?) t(i)",
            [n_articles],
        )
        store.execute(
            "INSERT INTO actors (id, name, kind, country, code) "
            "SELECT c, c, 'country', c, c FROM unnest(?::VARCHAR[]) t(c)",
            [countries],
        )
        # Deterministic pseudo-random columns from hashes of the row number and a column
        # name (hash(i, k) for small k correlates modulo small numbers: whole country-type
        # pairs went missing). Rows are written in random order, as `process` over a corpus
        # in no particular order writes them; the server sorts its copy by date.
        store.execute(
            f"""
            INSERT INTO events
            SELECT 'e' || lpad(i::VARCHAR, 9, '0') AS id,
                   'a' || lpad((hash(i::VARCHAR || 'art') % {n_articles})::VARCHAR, 8, '0') AS article_id,
                   $types[1 + (hash(i::VARCHAR || 'type') % {len(types)})::INTEGER] AS type,
                   NULL, [], '040', ((hash(i::VARCHAR || 'gold') % 200)::DOUBLE / 10.0) - 10.0, NULL,
                   s, s, s, 'GOV', NULL,
                   true, t, t, t, 'GOV', NULL,
                   DATE '2000-01-01' + (i * 9000 // {n_events})::INTEGER AS date,
                   NULL, NULL, NULL, NULL, 0, 20, 0, 5, 'meet',
                   (hash(i::VARCHAR || 'conf') % 100)::DOUBLE / 100.0
            FROM (
                SELECT i, $countries[1 + (hash(i::VARCHAR || 'src') % {len(countries)})::INTEGER] AS s,
                       $countries[1 + (hash(i::VARCHAR || 'tgt') % {len(countries)})::INTEGER] AS t
                FROM range({n_events}) r(i)
            )
            ORDER BY hash(id)
            """,
            {"types": types, "countries": countries},
        )
        store.execute("CHECKPOINT")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def requests_for(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    """One request: a filtered event list or a dyad timeline (half each)."""
    a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2000, 2023)
    if rng.random() < 0.5:
        variant, params = rng.choice(
            [
                ("dyad", {"dyad": f"{a},{b}"}),
                ("type+year", {"type": rng.choice(PLOVER), "from": f"{year}-01-01", "to": f"{year}-12-31"}),
                ("src+tgt+conf", {"source": a, "target": b, "min_confidence": "0.5"}),
                (
                    "country+types",
                    {"country": a, "type": f"{rng.choice(PLOVER)},{rng.choice(PLOVER)}", "from": f"{year}-01-01"},
                ),
                (
                    "dyad+dates",
                    {"dyad": f"{a},{b}", "from": f"{year}-01-01", "to": f"{year + 1}-12-31", "limit": "100"},
                ),
            ]
        )
        return f"events {variant}", "/events", params
    return "timeline", f"/dyads/{a}/{b}/timeline", {"by": rng.choice(["month", "week", "month", "day"])}


def run(url: str, clients: int, per_client: int, seed: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(seed + k)
        with httpx.Client(base_url=url, timeout=60) as http:
            for _ in range(per_client):
                kind, path, params = requests_for(rng)
                started = time.perf_counter()
                response = http.get(path, params=params)
                elapsed = time.perf_counter() - started
                with lock:
                    timings.setdefault(kind, []).append(elapsed)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path} {params}")

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    return timings


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process (Linux /proc), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        import os

        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=150, help="requests per client")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    import os

    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    tmp = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    db = args.keep or tmp / "bench.duckdb"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.events, args.articles)
        print(f"built {args.events:,} events, {args.articles:,} articles in {time.perf_counter() - started:.1f} s "
              f"({db.stat().st_size / 1e6:.0f} MB)")  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        started = time.perf_counter()
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 300:
                raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.2)
        print(f"server up in {time.perf_counter() - started:.1f} s (snapshot copy + indexes)")
        run(url, 2, 10, args.seed + 1000)  # warm-up: first touches of the file's pages
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        timings = run(url, args.clients, args.requests, args.seed)
        wall = time.perf_counter() - started
        server_cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(v) for v in timings.values())
    print(f"{args.clients} clients × {args.requests} requests on {args.events:,} events: "
          f"{total} requests in {wall:.1f} s ({total / wall:.0f} req/s)")  # fmt: skip
    print(f"server CPU: {server_cpu * 1000 / total:.1f} ms per request "
          f"({server_cpu / wall:.2f} cores busy); load average before the run: {load_before}")  # fmt: skip
    groups = {"events": [v for k, vs in timings.items() if k.startswith("events") for v in vs]}
    groups["timeline"] = timings.get("timeline", [])
    groups.update({f"  {k}": v for k, v in sorted(timings.items()) if k.startswith("events ")})
    print(f"{'endpoint':<22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    worst = 0.0
    for kind, values in groups.items():
        p95 = pct(values, 0.95)
        if not kind.startswith(" "):
            worst = max(worst, p95)
        print(f"{kind:<22} {len(values):>5} {pct(values, 0.5):>8.1f} {p95:>8.1f} {pct(values, 0.99):>8.1f} "
              f"{statistics.mean(values) * 1000:>8.1f}")  # fmt: skip
    print(f"target p95 <= 200 ms: {'met' if worst <= 200 else 'NOT met'} (worst p95 {worst:.1f} ms)")


if __name__ == "__main__":
    main()
