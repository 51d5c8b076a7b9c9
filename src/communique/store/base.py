"""The storage interface every backend implements (DuckDB is the default)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from communique.model import Article, Failure

__all__ = ["Store"]


class Store(Protocol):
    """Put batches idempotently, get articles back, query, export."""

    path: str

    def put(self, items: Sequence[Article | Failure]) -> Any:
        """Store a batch in one transaction; already stored article ids are skipped."""

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are stored."""

    def get_article(self, article_id: str) -> Article | None:
        """One article with all its extractions."""

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a parameterised query."""

    def iter_export(self, what: str, batch_rows: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream rows of the export contract."""

    def export(self, what: str, fmt: Any, out: str | Path) -> int:
        """Write an export file."""

    def counts(self) -> dict[str, int]:
        """Row counts per table."""

    def close(self) -> None:
        """Release the database."""
