"""``communique process``: read inputs, extract, store."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from communique.batch.local import RunReport, process_items
from communique.cli._app import app, console, err_console, handle_errors
from communique.config import load_settings
from communique.ingest.readers import FieldMap, iter_articles
from communique.store import open_store

__all__ = ["process", "print_report"]


def print_report(report: RunReport, db: str) -> None:
    """The closing summary table, then every failed input with its reason."""
    table = Table(title=f"communique process → {db}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles read", f"{report.read:,}")
    table.add_row("stored (new)", f"{report.stored:,}")
    table.add_row("skipped (already stored)", f"{report.skipped:,}")
    table.add_row("failed inputs", f"[red]{report.failed:,}[/red]" if report.failed else "0")
    table.add_row("seconds", f"{report.seconds:,.1f}")
    table.add_row("articles/s", f"{report.rate:,.1f}")
    for name, count in report.counts.items():
        table.add_row(f"in database: {name}", f"{count:,}")
    console.print(table)
    if report.failures:
        # One line per failure, never wrapped, so the paths can be copied and grepped.
        console.print(f"[bold red]failed inputs ({len(report.failures):,}):[/bold red]")
        for failure in report.failures[:200]:
            where = failure.path if failure.line is None else f"{failure.path}:{failure.line}"
            console.print(f"  {where}: {failure.reason[:300]}", soft_wrap=True, highlight=False, markup=False)
        if len(report.failures) > 200:
            console.print(f"  ... and {len(report.failures) - 200:,} more (see the errors table or --report)")


@app.command(
    epilog=(
        "Examples:\n\n"
        "  communique process story.txt --db kb.duckdb\n\n"
        "  communique process corpus/ news.jsonl.gz --db kb.duckdb --report run.json\n\n"
        "  communique process feed.jsonl --field text=content --field source=outlet\n\n"
        "  communique process big.jsonl --dask local --workers 2 --out parquet/ --db kb.duckdb\n\n"
        "  communique process big.jsonl --dask tcp://scheduler:8786 --out /shared/parquet --no-load"
    )
)
@handle_errors
def process(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders: .txt (wire format), .jsonl, .json, .csv, .html, .gz."
    ),
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to write."),
    workers: int = typer.Option(
        0, "--workers", "-w", min=0, help="Worker processes, each loading the model once (0: all cores)."
    ),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="Run on Dask: 'local' (a LocalCluster of --workers processes) or tcp://HOST:PORT.",
        rich_help_panel="Distributed",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        help="With --dask: the partitioned Parquet dataset to write (each partition merged into --db as it finishes).",
        rich_help_panel="Distributed",
    ),
    no_load: bool = typer.Option(
        False,
        "--no-load",
        help="With --dask: write the Parquet dataset only; merge later with 'communique load'.",
        rich_help_panel="Distributed",
    ),
    field: list[str] = typer.Option([], "--field", help="Map an input field: OURS=THEIRS, e.g. text=content."),
    config: Path | None = typer.Option(None, "--config", help="Settings file overriding the packaged defaults."),
    actors: Path | None = typer.Option(
        None, "--actors", help="Your own actor dictionary (TSV, docs/actor-codes.md); its rows replace shipped ones."
    ),
    report_file: Path | None = typer.Option(None, "--report", help="Write the run report (JSON) to this file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Process news articles into the database (idempotent: re-running adds only what is new).

    Exit status: 0 when every input was processed, 1 when some failed (the rest are stored),
    2 for usage errors.
    """
    try:
        fields = FieldMap.parse(field)
    except ValueError as exc:
        err_console.print(f"[bold red]error:[/bold red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err_console.print(f"[bold red]error:[/bold red] no such file or folder: {escape(', '.join(missing))}")
        raise typer.Exit(2)
    if actors is not None and not actors.is_file():
        err_console.print(f"[bold red]error:[/bold red] no such actor dictionary: {actors}")
        raise typer.Exit(2)
    settings = load_settings(config, actors={"user_file": str(actors)} if actors else None)
    workers = workers or os.cpu_count() or 1
    if dask is not None:
        _process_on_dask(paths, db, dask, workers, out, no_load, settings, fields, report_file, quiet)
        return
    items = iter_articles([str(p) for p in paths], fields=fields, limits=settings.limits)
    show_progress = not quiet and sys.stderr.isatty() or os.environ.get("COMMUNIQUE_PROGRESS") == "1"
    with open_store(db, memory_limit=settings.store.memory_limit) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]processing"),
            BarColumn(bar_width=None, pulse_style="cyan"),
            TextColumn("{task.fields[done]:,} articles · {task.fields[rate]:.1f}/s · {task.fields[errors]} errors"),
            TimeElapsedColumn(),
            console=err_console,
            disable=not show_progress,
            transient=True,
        )
        with progress:
            task = progress.add_task("process", total=None, done=0, rate=0.0, errors=0)

            def on_progress(r: RunReport) -> None:
                progress.update(task, done=r.stored + r.skipped, rate=r.rate, errors=r.failed)

            report = process_items(items, store, settings=settings, workers=workers, on_progress=on_progress)
    if report_file is not None:
        report_file.write_text(json.dumps(report.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    if not quiet:
        print_report(report, str(db))
    raise typer.Exit(1 if report.failed else 0)


def _process_on_dask(
    paths: list[Path],
    db: Path,
    scheduler: str,
    workers: int,
    out: Path | None,
    no_load: bool,
    settings: Any,
    fields: FieldMap,
    report_file: Path | None,
    quiet: bool,
) -> None:
    from communique.batch.dask import process_dask

    if out is None:
        err_console.print("[bold red]error:[/bold red] --dask needs --out DIR for the Parquet dataset")
        raise typer.Exit(2)
    # Partitions are merged into --db as they finish, in input order, while the cluster works.
    into = out if no_load else f"{out} and {db}"
    with (
        contextlib.nullcontext() if no_load else open_store(db) as store,
        err_console.status(f"processing on Dask ({scheduler}) into {into} ...", spinner="dots"),
    ):
        report = process_dask(
            [str(p) for p in paths],
            out,
            scheduler=scheduler,
            workers=workers,
            settings=settings,
            fields=fields,
            store=store,
        )
    if report_file is not None:
        report_file.write_text(json.dumps(report.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    if not quiet:
        print_report(report, str(out if no_load else db))
    raise typer.Exit(1 if report.failed else 0)
