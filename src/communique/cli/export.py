"""``communique export``: write a table of the export contract as JSONL, CSV or Parquet."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from communique.cli._app import app, err_console, handle_errors
from communique.store import open_store

__all__ = ["export"]


class What(StrEnum):
    articles = "articles"
    mentions = "mentions"
    actors = "actors"
    quotes = "quotes"
    events = "events"
    errors = "errors"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    icews = "icews"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  communique export --what articles                 (JSON Lines on standard output)\n\n"
        "  communique export --db kb.duckdb --what events --format parquet --out events.parquet\n\n"
        "  communique export --db kb.duckdb --what events --format icews --out events.tsv"
    )
)
@handle_errors
def export(
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to read."),
    what: What = typer.Option(What.articles, "--what", help="Which records to export."),
    fmt: Format = typer.Option(
        Format.jsonl, "--format", help="Output format; icews: the ICEWS tab-separated event layout (--what events)."
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Output file (default: standard output; required for parquet)."
    ),
) -> None:
    """Export stored records; field names follow the export contract (docs/export-contract.md)."""
    with open_store(db, read_only=True) as store:
        if out is None:
            if fmt is Format.parquet:
                err_console.print("[bold red]error:[/bold red] --format parquet needs --out FILE")
                raise typer.Exit(2)
            if fmt is Format.icews:
                from communique.store.icews import write_icews

                if what is not What.events:
                    err_console.print("[bold red]error:[/bold red] --format icews needs --what events")
                    raise typer.Exit(2)
                write_icews(store, sys.stdout)
                return
            if fmt is Format.jsonl:
                for row in store.iter_export(what.value):
                    sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
                return
            tmp = Path(typer.get_app_dir("communique")) / f"export.{fmt.value}"
            store.export(what.value, fmt.value, tmp)  # type: ignore[arg-type]
            sys.stdout.write(tmp.read_text(encoding="utf-8"))
            tmp.unlink(missing_ok=True)
            return
        count = store.export(what.value, fmt.value, out)
        err_console.print(f"wrote {count:,} {what.value} to {out}")
