"""``communique query``: relations over time from the store (dyad event counts and Goldstein sums)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from communique.cli._app import app, console, err_console, handle_errors
from communique.store import open_store

__all__ = ["query_app"]

query_app = typer.Typer(
    name="query",
    help="Query the knowledge base: dyad timelines and the most active dyads.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(query_app, name="query")


class Bucket(str, Enum):  # noqa: UP042 - same shape as the other commands' choices
    day = "day"
    week = "week"
    month = "month"


@query_app.command(
    "dyad",
    epilog=(
        "Examples:\n\n"
        "  communique query dyad BLR AZE --by month\n\n"
        "  communique query dyad RUS UKR --by week --directed --db kb.duckdb --json"
    ),
)
@handle_errors
def dyad(
    a: str = typer.Argument(..., help="One side: ISO3 country code (BLR) or IGO short name (CIS)."),
    b: str = typer.Argument(..., help="The other side."),
    by: Bucket = typer.Option(Bucket.month, "--by", help="Bucket size: day, week (ISO, from Monday) or month."),
    directed: bool = typer.Option(False, "--directed", help="Only events with source A and target B."),
    start: str | None = typer.Option(None, "--from", help="First date, YYYY-MM-DD (inclusive)."),
    end: str | None = typer.Option(None, "--to", help="Last date, YYYY-MM-DD (inclusive)."),
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to read."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """Event counts and Goldstein sums between two actors per day, week or month."""
    with open_store(db, read_only=True) as store:
        rows = store.dyad_series(a, b, by=by.value, directed=directed, start=start, end=end)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")
        return
    if not rows:
        err_console.print(f"no events between {a.upper()} and {b.upper()} in {db}")
        return
    arrow = "→" if directed else "↔"
    table = Table(title=f"{a.upper()} {arrow} {b.upper()} by {by.value}", header_style="bold")
    table.caption = "VC/MC verbal/material cooperation, VX/MX verbal/material conflict (--json: all fields)"
    table.add_column("period", no_wrap=True)
    for column in (
        "events",
        f"{a.upper()}→{b.upper()}",
        f"{b.upper()}→{a.upper()}",
        "Goldstein",
        "VC",
        "MC",
        "VX",
        "MX",
    ):
        table.add_column(column, justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            row["period"],
            str(row["events"]),
            str(row["a_to_b"]),
            str(row["b_to_a"]),
            f"{row['goldstein_sum']:+.1f}",
            str(row["verbal_coop"]),
            str(row["material_coop"]),
            str(row["verbal_conflict"]),
            str(row["material_conflict"]),
        )
    console.print(table)


@query_app.command("dyads", epilog="Example:\n\n  communique query dyads --limit 10 --db kb.duckdb")
@handle_errors
def dyads(
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many dyads."),
    directed: bool = typer.Option(False, "--directed", help="Keep A→B and B→A apart."),
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to read."),
) -> None:
    """The dyads with the most events."""
    with open_store(db, read_only=True) as store:
        rows = store.top_dyads(limit=limit, directed=directed)
    table = Table(title="most active dyads", header_style="bold")
    for column in ("a", "b", "events", "Goldstein sum", "first", "last"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["a"],
            row["b"],
            str(row["events"]),
            f"{row['goldstein_sum']:+.1f}",
            row["first"] or "",
            row["last"] or "",
        )
    console.print(table)


@query_app.command(
    "sql",
    epilog=(
        "Examples:\n\n"
        '  communique query sql "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC"\n\n'
        "  communique query sql \"SELECT speaker_name, text FROM quotes WHERE text ILIKE '%sanction%'\" --json"
    ),
)
@handle_errors
def sql(
    statement: str = typer.Argument(..., help="One SQL statement over the tables (articles, mentions, actors, ...)."),
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to read."),
    limit: int = typer.Option(100, "--limit", "-n", min=1, help="Show at most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON Lines instead of a table."),
) -> None:
    """Run a read-only SQL query (the database is opened read-only: nothing can be changed)."""
    with open_store(db, read_only=True) as store:
        cursor = store.execute(statement)
        names = [d[0] for d in cursor.description or []]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchmany(limit)]
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    table = Table(header_style="bold", caption=f"{len(rows)} rows")
    for name in names:
        table.add_column(name)
    for row in rows:
        table.add_row(*("" if v is None else str(v)[:200] for v in row.values()))
    console.print(table)
