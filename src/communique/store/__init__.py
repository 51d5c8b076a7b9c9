"""Storage behind one interface: :class:`Store`; DuckDB is the default backend."""

from __future__ import annotations

from pathlib import Path

from communique.store.base import Store
from communique.store.duckdb import DuckDBStore, PutStats

__all__ = ["DuckDBStore", "PutStats", "Store", "open_store"]


def open_store(
    path: str | Path = "communique.duckdb", read_only: bool = False, memory_limit: str = "1GB"
) -> DuckDBStore:
    """Open (or create) the DuckDB store at ``path``."""
    return DuckDBStore(path, read_only=read_only, memory_limit=memory_limit)
