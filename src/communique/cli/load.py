"""``communique load``: merge a Parquet dataset written by a Dask run into DuckDB."""

from __future__ import annotations

from pathlib import Path

import typer

from communique.batch.dask import load_parquet
from communique.cli._app import app, handle_errors
from communique.cli.process import print_report
from communique.store import open_store

__all__ = ["load"]


@app.command(
    epilog=(
        "Examples:\n\n"
        "  communique load parquet/ --db kb.duckdb\n\n"
        "  duckdb -c \"SELECT type, count(*) FROM read_parquet('parquet/events/*/*.parquet') GROUP BY 1\""
    )
)
@handle_errors
def load(
    dataset: Path = typer.Argument(..., help="Folder written by 'communique process --dask ... --out DIR'."),
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to merge into."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary table."),
) -> None:
    """Merge a partitioned Parquet dataset into the database (idempotent; links wire copies)."""
    with open_store(db) as store:
        report = load_parquet(dataset, store)
    if not quiet:
        print_report(report, str(db))
