"""Read queries for the HTTP API and the dashboard (mixed into :class:`DuckDBStore`).

Every query is parameterised; nothing is built from user strings.
"""

from __future__ import annotations

__all__ = ["ReadQueries"]


class ReadQueries:
    """Search and listing queries over the store (articles, events, actors, quotes, network)."""
