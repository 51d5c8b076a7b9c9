"""Relations over time: per-dyad event counts and Goldstein sums (mixed into the store)."""

from __future__ import annotations

__all__ = ["DyadQueries"]


class DyadQueries:
    """Dyad aggregation queries (directed and undirected, by day, week or month)."""
