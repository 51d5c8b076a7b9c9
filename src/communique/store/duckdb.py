"""The default store: one embedded DuckDB file; all SQL goes through :class:`DuckDBStore`.

Writes happen in one transaction per batch (``put``), so a crash leaves only whole batches.
Articles are keyed by their content-hash id and a batch skips ids already stored, so
processing the same input again changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from communique.errors import QueryError, StoreError
from communique.model import Actor, Article, EventRecord, Failure, Mention, Quote
from communique.store.dyads import DyadQueries
from communique.store.reads import ReadQueries
from communique.store.schema import EXPORT_VIEWS, SCHEMA_SQL, SCHEMA_VERSION, TABLES

__all__ = ["DuckDBStore", "ExportFormat", "PutStats"]

ExportFormat = Literal["jsonl", "csv", "parquet", "icews"]


@dataclass
class PutStats:
    """What one ``put`` did."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0


def _error_id(failure: Failure) -> str:
    key = f"{failure.path}\x1f{failure.line}\x1f{failure.reason}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _safe(text: str | None) -> str | None:
    """DuckDB refuses strings with lone surrogates; replace them (reasons quote raw input)."""
    if text is None:
        return None
    return text.encode("utf-8", "replace").decode("utf-8")


class DuckDBStore(ReadQueries, DyadQueries):
    """A DuckDB database file holding articles and everything extracted from them.

    Args:
        path: the database file (created if missing); ``":memory:"`` for a throwaway store.
        read_only: open without write access (several readers may share the file).
        memory_limit: DuckDB's memory limit for this connection (``store.memory_limit``).

    Example:
        >>> with DuckDBStore(":memory:") as store:
        ...     store.count("articles")
        0
    """

    def __init__(
        self, path: str | Path = "communique.duckdb", read_only: bool = False, memory_limit: str = "1GB"
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        try:
            if not read_only and self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                raise StoreError(f"database {self.path} does not exist; run 'communique process' first")
            self.con = duckdb.connect(self.path, read_only=read_only, config={"memory_limit": memory_limit})
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        if not read_only:
            self._migrate()

    # -- lifecycle -----------------------------------------------------------------------
    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with contextlib.suppress(duckdb.Error):
            self.con.close()

    def _migrate(self) -> None:
        # One transaction: a process killed while creating a new database leaves either the
        # whole schema or none of it.
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(SCHEMA_SQL)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING", [str(SCHEMA_VERSION)]
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise StoreError(f"cannot initialise database {self.path}: {exc}") from None

    # -- SQL entry point -------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        """Run one parameterised statement on a cursor of this store's connection."""
        with self._lock:
            cursor = self.con.cursor()
        try:
            return cursor.execute(sql, params) if params is not None else cursor.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from None

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def count(self, table: str) -> int:
        """Number of rows in one of the tables."""
        if table not in TABLES:
            raise QueryError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        row = self.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        """Row counts of every table."""
        return {table: self.count(table) for table in TABLES}

    # -- writing -----------------------------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored as articles."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        cursor = self.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
        return {row[0] for row in cursor.fetchall()}

    def put(self, items: Sequence[Article | Failure], signatures: Mapping[str, Any] | None = None) -> PutStats:
        """Store a batch of articles and failures in one transaction.

        Articles whose id is already stored (or repeated within the batch) are skipped, so
        putting the same batch twice changes nothing; their provenance is kept in
        ``article_copies``.

        Args:
            items: articles and failures.
            signatures: MinHash signatures by article id (``ingest.dedup``), indexed with the batch.
        """
        if self.read_only:
            raise StoreError(f"database {self.path} is open read-only")
        stats = PutStats()
        articles: list[Article] = []
        seen: set[str] = set()
        failures: list[Failure] = []
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
            elif item.id not in seen:
                seen.add(item.id)
                articles.append(item)
            else:
                stats.skipped += 1
        existing = self.existing_ids(a.id for a in articles)
        stats.skipped += len(existing)
        copies = [a for a in articles if a.id in existing]
        articles = [a for a in articles if a.id not in existing]
        stats.stored = len(articles)
        stats.failed = len(failures)
        tables = _flatten(articles, failures)
        tables["article_copies"] = [_copy_row(a) for a in copies]
        if signatures:
            for a in articles:
                sig = signatures.get(a.id)
                if sig is not None:
                    tables["article_signatures"].append({"article_id": a.id, "sig": list(sig.values)})
                    tables["article_bands"].extend(
                        {"band": band, "key": key, "article_id": a.id} for band, key in enumerate(sig.keys)
                    )
        with self._lock:
            try:
                self.con.execute("BEGIN TRANSACTION")
                for table, rows in tables.items():
                    if rows:
                        self._insert(table, rows)
                self.con.execute("COMMIT")
            except (duckdb.Error, OSError, ValueError) as exc:  # ValueError: pyarrow/encoding of a bad row
                with contextlib.suppress(duckdb.Error):
                    self.con.execute("ROLLBACK")
                raise StoreError(f"cannot write to database {self.path}: {exc}") from None
        return stats

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        batch = pa.Table.from_pylist(rows)
        columns = ", ".join(f'"{c}"' for c in batch.column_names)
        self.con.register("_incoming", batch)
        try:
            if table == "article_copies":
                # A re-run after a crash meets the stored article itself again: not a copy.
                self.con.execute(
                    f"INSERT INTO article_copies ({columns}) SELECT {columns} FROM _incoming i "
                    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = i.article_id "
                    "AND a.source_path IS NOT DISTINCT FROM i.source_path "
                    "AND coalesce(a.source_line, 0) = i.source_line) ON CONFLICT DO NOTHING"
                )
            elif table in ("actors", "article_signatures"):
                conflict = "(id)" if table == "actors" else "(article_id)"
                self.con.execute(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming ON CONFLICT {conflict} DO NOTHING"
                )
            elif table == "errors":
                self.con.execute(
                    f"INSERT INTO errors ({columns}) SELECT {columns} FROM _incoming "
                    # now(): DuckDB 2.0 binds a bare current_timestamp in DO UPDATE SET as a column name.
                    "ON CONFLICT (id) DO UPDATE SET last_seen = now()"
                )
            elif table in ("quotes", "events"):
                self.con.execute(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming ON CONFLICT (id) DO NOTHING"
                )
            else:
                self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
        finally:
            # an aborted transaction refuses this too; keep the original error
            with contextlib.suppress(duckdb.Error):
                self.con.unregister("_incoming")

    def record_copies(self, articles: Sequence[Article]) -> None:
        """Keep the provenance of exact copies of stored articles (one transaction)."""
        rows = [_copy_row(a) for a in articles]
        if not rows:
            return
        with self._lock:
            try:
                self.con.execute("BEGIN TRANSACTION")
                self._insert("article_copies", rows)
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"cannot write to database {self.path}: {exc}") from None

    def lsh_candidates(
        self, keys_by_id: Mapping[str, Sequence[int]]
    ) -> dict[str, list[tuple[str, list[int], str | None]]]:
        """Stored articles sharing an LSH band with each new article.

        Returns, per new article id, ``(candidate id, candidate signature, candidate's
        duplicate_of)`` triples.
        """
        import pyarrow as pa

        rows = [
            {"new_id": aid, "band": band, "key": key}
            for aid, keys in keys_by_id.items()
            for band, key in enumerate(keys)
        ]
        if not rows:
            return {}
        probe = pa.Table.from_pylist(rows)
        with self._lock:
            self.con.register("_probe", probe)
            try:
                found = self.con.execute(
                    """
                    SELECT DISTINCT p.new_id, b.article_id, s.sig, a.duplicate_of
                    FROM _probe p
                    JOIN article_bands b ON b.key = p.key AND b.band = p.band
                    JOIN article_signatures s ON s.article_id = b.article_id
                    JOIN articles a ON a.id = b.article_id
                    WHERE b.article_id <> p.new_id
                    ORDER BY p.new_id, b.article_id
                    """
                ).fetchall()
            finally:
                self.con.unregister("_probe")
        result: dict[str, list[tuple[str, list[int], str | None]]] = {}
        for new_id, candidate, sig, root in found:
            result.setdefault(new_id, []).append((candidate, list(sig), root))
        return result

    def columns(self, table: str) -> list[str]:
        """Column names of a table, in order."""
        return [r[1] for r in self.execute(f"PRAGMA table_info('{table}')").fetchall()]

    def merge_parquet(
        self,
        files: Mapping[str, Sequence[str]],
        duplicate_of: Mapping[str, str | None],
        signatures: Mapping[str, Any],
    ) -> int:
        """Merge one partition of a Parquet dataset (``batch.dask``) in one transaction.

        Args:
            files: Parquet files per table.
            duplicate_of: the new article ids (those not yet stored) and their wire-copy links.
            signatures: MinHash signatures of the new articles.

        Returns:
            The number of articles added.
        """
        import pyarrow as pa

        new = pa.Table.from_pylist(
            [{"id": k, "dup": v} for k, v in duplicate_of.items()],
            schema=pa.schema([("id", pa.string()), ("dup", pa.string())]),
        )
        with self._lock:
            self.con.register("_new", new)
            try:
                self.con.execute("BEGIN TRANSACTION")
                for table, paths in files.items():
                    if not paths:
                        continue
                    cols = self.columns(table)
                    names = ", ".join(f'"{c}"' for c in cols)
                    source = "read_parquet(?, hive_partitioning=true, union_by_name=true)"
                    if table == "articles":
                        select = ", ".join("n.dup" if c == "duplicate_of" else f'p."{c}"' for c in cols)
                        self.con.execute(
                            f"INSERT INTO articles ({names}) SELECT {select} FROM {source} p "
                            "JOIN _new n ON n.id = p.id",
                            [list(paths)],
                        )
                        # Exact copies of already stored articles: keep their provenance.
                        self.con.execute(
                            "INSERT INTO article_copies SELECT p.id, p.publisher, p.relayed_from, p.date, p.source_id, "
                            f"p.source_path, coalesce(p.source_line, 0) FROM {source} p "
                            "WHERE p.id NOT IN (SELECT id FROM _new) AND NOT EXISTS (SELECT 1 FROM articles a "
                            "WHERE a.id = p.id AND a.source_path IS NOT DISTINCT FROM p.source_path "
                            "AND coalesce(a.source_line, 0) = coalesce(p.source_line, 0)) ON CONFLICT DO NOTHING",
                            [list(paths)],
                        )
                    elif table in ("mentions", "quotes", "events", "article_copies"):
                        conflict = "" if table == "mentions" else " ON CONFLICT DO NOTHING"
                        self.con.execute(
                            f"INSERT INTO {table} ({names}) SELECT {names} FROM {source} "
                            f"WHERE article_id IN (SELECT id FROM _new){conflict}",
                            [list(paths)],
                        )
                    elif table == "actors":
                        self.con.execute(
                            f"INSERT INTO actors ({names}) SELECT {names} FROM {source} ON CONFLICT (id) DO NOTHING",
                            [list(paths)],
                        )
                    elif table == "errors":
                        self.con.execute(
                            f"INSERT INTO errors ({names}) SELECT {names} FROM {source} "
                            "ON CONFLICT (id) DO UPDATE SET last_seen = now()",
                            [list(paths)],
                        )
                sig_rows = [{"article_id": k, "sig": list(v.values)} for k, v in signatures.items()]
                band_rows = [
                    {"band": b, "key": key, "article_id": k}
                    for k, v in signatures.items()
                    for b, key in enumerate(v.keys)
                ]
                if sig_rows:
                    self._insert("article_signatures", sig_rows)
                    self._insert("article_bands", band_rows)
                self.con.execute("COMMIT")
            except (duckdb.Error, OSError) as exc:
                with contextlib.suppress(duckdb.Error):
                    self.con.execute("ROLLBACK")
                raise StoreError(f"cannot merge Parquet into {self.path}: {exc}") from None
            finally:
                self.con.unregister("_new")
        return len(duplicate_of)

    # -- reading -----------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        """One stored article with its mentions, actors, quotes and events."""
        found = self.rows(
            "SELECT id, source_id, strftime(date, '%Y-%m-%d') AS date, publisher, relayed_from, title, url, "
            "source_path, source_line, duplicate_of, text FROM articles WHERE id = ?",
            [article_id],
        )
        if not found:
            return None
        row = found[0]
        row["relayed_from"] = list(row["relayed_from"] or [])
        article = Article(**row)
        article.mentions = [
            Mention(**m)
            for m in self.rows(
                'SELECT text, label, start, "end", actor_id FROM mentions WHERE article_id = ? ORDER BY start',
                [article_id],
            )
        ]
        actor_ids = sorted({m.actor_id for m in article.mentions if m.actor_id})
        quote_rows = self.rows(f"{EXPORT_VIEWS['quotes']} WHERE article_id = ? ORDER BY start", [article_id])
        event_rows = self.rows(f"{EXPORT_VIEWS['events']} WHERE article_id = ? ORDER BY sentence_start", [article_id])
        for q in quote_rows:
            if q["speaker"] and q["speaker"].get("actor_id"):
                actor_ids.append(q["speaker"]["actor_id"])
        for e in event_rows:
            for role in ("source", "target"):
                if e[role] and e[role].get("actor_id"):
                    actor_ids.append(e[role]["actor_id"])
        if actor_ids:
            article.actors = [
                Actor(**a)
                for a in self.rows(
                    f"{EXPORT_VIEWS['actors']} WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id",
                    [sorted(set(actor_ids))],
                )
            ]
        article.quotes = [Quote(**q) for q in quote_rows]
        article.events = [EventRecord(**e) for e in event_rows]
        return article

    def find_article_ids(self, path: str | None = None, limit: int = 10) -> list[str]:
        """Ids of articles read from ``path`` (or the latest ones)."""
        if path is None:
            return [r["id"] for r in self.rows("SELECT id FROM articles ORDER BY processed_at DESC LIMIT ?", [limit])]
        return [
            r["id"]
            for r in self.rows(
                "SELECT id FROM articles WHERE source_path = ? ORDER BY source_line NULLS FIRST LIMIT ?", [path, limit]
            )
        ]

    def errors(self) -> list[dict[str, Any]]:
        """Every recorded ingest or extraction failure."""
        return self.rows(f"{EXPORT_VIEWS['errors']} ORDER BY path, line")

    def iter_export(self, what: str, batch_rows: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream the rows of one export view (the export contract)."""
        if what not in EXPORT_VIEWS:
            raise QueryError(f"unknown export {what!r}; choose one of {', '.join(EXPORT_VIEWS)}")
        cursor = self.execute(EXPORT_VIEWS[what])
        names = [d[0] for d in cursor.description or []]
        while True:
            chunk = cursor.fetchmany(batch_rows)
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row, strict=True))

    def export(self, what: str, fmt: ExportFormat, out: str | Path) -> int:
        """Write one export view to a file; returns the number of rows written."""
        if what not in EXPORT_VIEWS:
            raise QueryError(f"unknown export {what!r}; choose one of {', '.join(EXPORT_VIEWS)}")
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "icews":
            if what != "events":
                raise QueryError(f"--format icews is for events only, not {what!r}")
            from communique.store.icews import write_icews

            return write_icews(self, out)
        if fmt == "jsonl":
            count = 0
            with out.open("w", encoding="utf-8") as handle:
                for row in self.iter_export(what):
                    handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                    count += 1
            return count
        if fmt == "parquet":
            self.execute(f"COPY ({EXPORT_VIEWS[what]}) TO '{_sql_path(out)}' (FORMAT PARQUET)")
        elif fmt == "csv":
            flat = f'SELECT * FROM "{what}"' if what != "articles" else EXPORT_VIEWS["articles"]
            if what == "articles":
                flat = f"SELECT * REPLACE (array_to_string(relayed_from, ';') AS relayed_from) FROM ({flat})"
            elif what == "events":
                flat = "SELECT * REPLACE (array_to_string(context, ';') AS context) FROM events"
            self.execute(f"COPY ({flat}) TO '{_sql_path(out)}' (FORMAT CSV, HEADER)")
        else:
            raise QueryError(f"unknown format {fmt!r}; choose jsonl, csv, parquet or icews (events)")
        return self.count(what) if what in TABLES else 0


def _sql_path(path: Path) -> str:
    """A file path as a SQL string literal body (COPY takes no parameters for its target)."""
    return str(path).replace("'", "''")


def _flatten(articles: list[Article], failures: list[Failure]) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {
        t: []
        for t in (
            "articles",
            "mentions",
            "actors",
            "quotes",
            "events",
            "errors",
            "article_signatures",
            "article_bands",
            "article_copies",
        )
    }
    actor_seen: set[str] = set()
    for a in articles:
        tables["articles"].append(
            {
                "id": a.id,
                "source_id": a.source_id,
                "date": a.date,
                "publisher": a.publisher,
                "relayed_from": a.relayed_from,
                "title": a.title,
                "url": a.url,
                "source_path": a.source_path,
                "source_line": a.source_line,
                "duplicate_of": a.duplicate_of,
                "text": a.text,
                "n_sentences": len(a.sentences),
            }
        )
        for m in a.mentions:
            tables["mentions"].append(
                {
                    "article_id": a.id,
                    "text": m.text,
                    "label": m.label,
                    "start": m.start,
                    "end": m.end,
                    "actor_id": m.actor_id,
                }
            )
        for actor in a.actors:
            if actor.id not in actor_seen:
                actor_seen.add(actor.id)
                tables["actors"].append(actor.model_dump())
        for q in a.quotes:
            s = q.speaker
            tables["quotes"].append(
                {
                    "id": q.id,
                    "article_id": a.id,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "type": q.type,
                    "cue": q.cue,
                    "cue_start": q.cue_span.start if q.cue_span else None,
                    "cue_end": q.cue_span.end if q.cue_span else None,
                    "speaker_text": s.text,
                    "speaker_start": s.start,
                    "speaker_end": s.end,
                    "speaker_actor_id": s.actor_id,
                    "speaker_name": s.name,
                }
            )
        for e in a.events:
            tables["events"].append(_event_row(a.id, e))
    for f in failures:
        tables["errors"].append(
            {"id": _error_id(f), "path": _safe(f.path), "line": f.line, "reason": _safe(f.reason), "stage": f.stage}
        )
    return tables


def _copy_row(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.id,
        "publisher": a.publisher,
        "relayed_from": a.relayed_from,
        "date": a.date,
        "source_id": a.source_id,
        "source_path": a.source_path,
        "source_line": a.source_line or 0,
    }


def _event_row(article_id: str, e: EventRecord) -> dict[str, Any]:
    target = e.target
    location = e.location
    return {
        "id": e.id,
        "article_id": article_id,
        "type": e.type,
        "mode": e.mode,
        "context": list(e.context),
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad": e.quad,
        "source_actor_id": e.source.actor_id,
        "source_name": e.source.name,
        "source_country": e.source.country,
        "source_sector": e.source.sector,
        "source_igo": e.source.igo,
        "has_target": target is not None,
        "target_actor_id": target.actor_id if target else None,
        "target_name": target.name if target else None,
        "target_country": target.country if target else None,
        "target_sector": target.sector if target else None,
        "target_igo": target.igo if target else None,
        "date": e.date,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "sentence_start": e.sentence.start,
        "sentence_end": e.sentence.end,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "trigger_text": e.trigger.text,
        "confidence": e.confidence,
    }
