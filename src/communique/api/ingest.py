"""``POST /articles``: run the real pipeline on posted text or files and store the results.

Only enabled with ``communique serve --allow-ingest``, and then only for requests carrying
the bearer token the server printed at start. The body is the content of one input file in
any format ``communique process`` reads, chosen by ``Content-Type``: wire text or plain
text (``text/plain``), JSON (an object or an array, ``application/json``), JSON Lines
(``application/x-ndjson``), CSV (``text/csv``) or HTML (``text/html``). It is written to a
private temporary file and read by the same readers, so limits and errors are the same.

The server holds no write connection between requests: each ingest opens the live file,
writes one transaction per batch and closes it; if ``communique process`` holds the file
the request gets 503 with ``Retry-After``.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Any

from communique.batch.local import process_items
from communique.config import Settings
from communique.errors import StoreError
from communique.ingest.readers import iter_articles
from communique.model import Article, Failure
from communique.store.duckdb import DuckDBStore

__all__ = ["INGEST_MEDIA", "MAX_BODY_BYTES", "Ingestor"]

# Content-Type → the file suffix the readers dispatch on.
INGEST_MEDIA = {
    "text/plain": ".txt",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/csv": ".csv",
    "text/html": ".html",
}
# 10 MB: a few hundred long articles per request; bigger corpora go through `communique process`.
MAX_BODY_BYTES = 10_000_000


class Ingestor:
    """Processes posted bodies one at a time with one pipeline, loaded on first use.

    Args:
        db: the live database file to write.
        settings: the pipeline settings.
    """

    def __init__(self, db: str | Path, settings: Settings) -> None:
        self.db = Path(db)
        self.settings = settings
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def run(self, body: bytes, media: str, name: str) -> dict[str, Any]:
        """Process one posted body; returns counts, the article ids and the failures.

        Raises:
            StoreError: the database is held by another writer (or cannot be written).
        """
        suffix = INGEST_MEDIA[media]
        label = f"POST /articles:{name}"
        with self._lock, tempfile.TemporaryDirectory(prefix="communique-ingest-") as tmp:
            path = Path(tmp) / f"upload{suffix}"
            path.write_bytes(body)
            items: list[Article | Failure] = []
            for item in iter_articles([str(path)], limits=self.settings.limits):
                if isinstance(item, Article):
                    item.source_path = label
                else:
                    item.path = label
                items.append(item)
            if self._pipeline is None:
                from communique.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            store = DuckDBStore(self.db)
            try:
                report = process_items(items, store, settings=self.settings, pipeline=self._pipeline)
            finally:
                store.close()
        return {
            "stored": report.stored,
            "skipped": report.skipped,
            "failed": report.failed,
            "ids": list(dict.fromkeys(i.id for i in items if isinstance(i, Article))),
            "failures": [f.model_dump() for f in report.failures],
        }


def is_busy(exc: StoreError) -> bool:
    """Whether a store error means another process holds the database file."""
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text
