"""Relations over time: per-dyad event counts and Goldstein sums (mixed into the store).

An event's side is keyed as its IGO when it has one (``IGO:CIS``... written as the IGO's short
name, e.g. ``CIS``), else its country (ISO3). A *directed* dyad ``A -> B`` counts events with
source ``A`` and target ``B``; an *undirected* dyad counts both directions. Events are bucketed
by their date (``day``, ISO ``week`` starting Monday, or ``month``). Events of near-duplicate
wire copies (``articles.duplicate_of`` set) are not counted: one story, one count.

Example:
    >>> from communique.store.duckdb import DuckDBStore
    >>> with DuckDBStore(":memory:") as store:
    ...     store.dyad_series("BLR", "AZE", by="month")
    []
"""

from __future__ import annotations

from typing import Any, Literal

from communique.errors import QueryError

__all__ = ["DYAD_BUCKETS", "DyadQueries"]

DyadBucket = Literal["day", "week", "month"]
DYAD_BUCKETS: tuple[str, ...] = ("day", "week", "month")

# The actor key of one side of an event: the IGO short name when the actor is an IGO (or
# belongs to one), else the ISO3 country. Both upper-cased so "cis" and "CIS" agree.
_SIDE_KEY = "upper(coalesce({side}_igo, {side}_country))"

# A story republished by several outlets counts once: events of near-duplicate wire copies
# (articles with ``duplicate_of`` set, see ingest/dedup.py) are left out of the aggregates.
_ONCE_PER_STORY = "article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)"


class DyadQueries:
    """Dyad aggregation queries (directed and undirected, by day, week or month).

    Mixed into :class:`~communique.store.duckdb.DuckDBStore`, whose ``rows`` runs the SQL.
    """

    def rows(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # pragma: no cover - provided by the store
        raise NotImplementedError

    def dyad_series(
        self,
        a: str,
        b: str,
        by: DyadBucket = "month",
        directed: bool = False,
        start: str | None = None,
        end: str | None = None,
    ) -> list[dict[str, Any]]:
        """Event counts and Goldstein sums between two actors, per period.

        Args:
            a: one side: ISO3 country code (``BLR``) or IGO short name (``CIS``).
            b: the other side.
            by: bucket size: ``day``, ``week`` (ISO, starting Monday) or ``month``.
            directed: count only events with source ``a`` and target ``b``.
            start: first date (``YYYY-MM-DD``, inclusive), optional.
            end: last date (inclusive), optional.

        Returns:
            One row per period, oldest first: ``period`` (``YYYY-MM-DD``, the bucket's first day),
            ``events``, ``goldstein_sum``, ``goldstein_mean``, ``a_to_b``, ``b_to_a`` and the
            per-quad counts ``verbal_coop``, ``material_coop``, ``verbal_conflict``,
            ``material_conflict``.
        """
        if by not in DYAD_BUCKETS:
            raise QueryError(f"unknown bucket {by!r}; choose one of {', '.join(DYAD_BUCKETS)}")
        src, tgt = _SIDE_KEY.format(side="source"), _SIDE_KEY.format(side="target")
        where = [f"(({src} = $a AND {tgt} = $b)" + ("" if directed else f" OR ({src} = $b AND {tgt} = $a)") + ")"]
        where.append("date IS NOT NULL")
        where.append(_ONCE_PER_STORY)
        params: dict[str, Any] = {"a": a.upper(), "b": b.upper()}
        if start:
            where.append("date >= CAST($start AS DATE)")
            params["start"] = start
        if end:
            where.append("date <= CAST($end AS DATE)")
            params["end"] = end
        sql = f"""
            SELECT strftime(date_trunc('{by}', date), '%Y-%m-%d') AS period,
                   count(*) AS events,
                   round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
                   round(avg(goldstein), 3) AS goldstein_mean,
                   count(*) FILTER (WHERE {src} = $a AND {tgt} = $b) AS a_to_b,
                   count(*) FILTER (WHERE {src} = $b AND {tgt} = $a) AS b_to_a,
                   count(*) FILTER (WHERE quad = 'VERBAL COOPERATION') AS verbal_coop,
                   count(*) FILTER (WHERE quad = 'MATERIAL COOPERATION') AS material_coop,
                   count(*) FILTER (WHERE quad = 'VERBAL CONFLICT') AS verbal_conflict,
                   count(*) FILTER (WHERE quad = 'MATERIAL CONFLICT') AS material_conflict
            FROM events
            WHERE {" AND ".join(where)}
            GROUP BY 1
            ORDER BY 1
        """
        return self.rows(sql, params)

    def top_dyads(self, limit: int = 20, directed: bool = False) -> list[dict[str, Any]]:
        """The dyads with the most events, both sides known.

        Args:
            limit: how many dyads.
            directed: keep ``A -> B`` and ``B -> A`` apart.

        Returns:
            Rows ``a``, ``b``, ``events``, ``goldstein_sum``, ``first``, ``last``, most events first.
        """
        src, tgt = _SIDE_KEY.format(side="source"), _SIDE_KEY.format(side="target")
        a, b = (src, tgt) if directed else (f"least({src}, {tgt})", f"greatest({src}, {tgt})")
        sql = f"""
            SELECT {a} AS a, {b} AS b, count(*) AS events,
                   round(coalesce(sum(goldstein), 0), 3) AS goldstein_sum,
                   strftime(min(date), '%Y-%m-%d') AS first, strftime(max(date), '%Y-%m-%d') AS last
            FROM events
            WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt} AND {_ONCE_PER_STORY}
            GROUP BY 1, 2
            ORDER BY events DESC, a, b
            LIMIT ?
        """
        return self.rows(sql, [int(limit)])
