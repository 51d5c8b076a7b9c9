"""``communique demo``: process the sample articles bundled in the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer

from communique.batch.local import process_paths
from communique.cli._app import app, console, handle_errors
from communique.cli.process import print_report
from communique.render import print_article
from communique.store import open_store

__all__ = ["demo", "sample_paths"]


def sample_paths() -> list[Path]:
    """The bundled sample articles."""
    folder = resources.files("communique.samples")
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".txt"))


@app.command(epilog="Example:\n\n  communique demo --db demo.duckdb")
@handle_errors
def demo(
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to write."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary, not every article."),
) -> None:
    """Process the bundled sample articles into the database and print what was found."""
    paths = sample_paths()
    report = process_paths([str(p) for p in paths], db=db)
    if not quiet:
        with open_store(db, read_only=True) as store:
            for path in paths:
                for aid in store.find_article_ids(str(path), limit=1):
                    article = store.get_article(aid)
                    if article is not None:
                        console.rule(path.name)
                        print_article(article, console)
    print_report(report, str(db))
    if report.failed:
        raise typer.Exit(1)
