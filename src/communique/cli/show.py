"""``communique show``: one article's extraction with the evidence spans highlighted."""

from __future__ import annotations

from pathlib import Path

import typer

from communique.cli._app import app, console, err_console, handle_errors
from communique.config import load_settings
from communique.ingest.readers import iter_articles
from communique.model import Article, Failure
from communique.render import print_article
from communique.store import open_store

__all__ = ["show"]


@app.command(
    epilog=(
        "Examples:\n\n"
        "  communique show story.txt                    (process in memory and show)\n\n"
        "  communique show --db kb.duckdb --id 453069b37dd930ea"
    )
)
@handle_errors
def show(
    file: Path | None = typer.Argument(None, help="An input file; its first articles are processed and shown."),
    db: Path | None = typer.Option(None, "--db", help="Show a stored article from this database instead."),
    article_id: str | None = typer.Option(None, "--id", help="Article id to show from --db."),
    limit: int = typer.Option(1, "--limit", "-n", min=1, help="How many articles of FILE to show."),
) -> None:
    """Print one article's metadata, text with highlighted spans, and its extractions."""
    if db is not None:
        with open_store(db, read_only=True) as store:
            ids = [article_id] if article_id else store.find_article_ids(str(file) if file else None, limit)
            shown = 0
            for aid in ids:
                article = store.get_article(aid)
                if article is not None:
                    print_article(article, console)
                    shown += 1
            if not shown:
                err_console.print(f"[bold red]error:[/bold red] no such article in {db}")
                raise typer.Exit(1)
        return
    if file is None:
        err_console.print("[bold red]error:[/bold red] give an input FILE, or --db with --id")
        raise typer.Exit(2)
    if not file.exists():
        err_console.print(f"[bold red]error:[/bold red] no such file: {file}")
        raise typer.Exit(2)
    from communique.pipeline import Pipeline

    settings = load_settings()
    pipe = Pipeline(settings)
    shown = 0
    failed = 0
    for item in iter_articles([str(file)], limits=settings.limits):
        if shown >= limit:
            break
        if isinstance(item, Failure):
            err_console.print(f"[red]{item.path}:{item.line or ''} {item.reason}[/red]")
            failed += 1
            continue
        result = pipe.run_batch([item])[0]
        if isinstance(result, Article):
            print_article(result, console)
            shown += 1
        else:
            err_console.print(f"[red]{result.path}: {result.reason}[/red]")
            failed += 1
    if failed and not shown:
        raise typer.Exit(1)
