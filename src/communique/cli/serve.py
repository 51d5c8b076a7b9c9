"""``communique serve``: the HTTP API and dashboard over a database file."""

from __future__ import annotations

from pathlib import Path

import typer

from communique.cli._app import app, console, handle_errors

__all__ = ["serve"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command(
    epilog=(
        "Examples:\n\n"
        "  communique serve --db kb.duckdb                 # http://127.0.0.1:8000/\n\n"
        "  communique serve --db kb.duckdb --allow-ingest  # POST /articles with the printed token"
    )
)
@handle_errors
def serve(
    db: Path = typer.Option(Path("communique.duckdb"), "--db", help="DuckDB database file to serve."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port (0 picks a free one)."),
    allow_ingest: bool = typer.Option(
        False, "--allow-ingest", help="Enable POST /articles (bearer token printed at start; else read-only)."
    ),
    refresh: float = typer.Option(
        2.0, "--refresh", min=0.05, help="Seconds between checks for a changed database (new snapshot).", hidden=False
    ),
    cors_origin: list[str] = typer.Option(
        [], "--cors-origin", help="Allow browser reads from this origin (repeatable; none by default)."
    ),
    config: Path | None = typer.Option(None, "--config", help="Settings file for the ingest pipeline."),
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, docs at /docs) and the dashboard (/ui/).

    Reads come from a private snapshot of the database, refreshed when the file changes, so
    [bold]communique process[/bold] can keep writing to the same file meanwhile.
    """
    import os
    import secrets
    import socket

    import uvicorn

    from communique.api.app import create_app
    from communique.config import load_settings

    token = os.environ.get("COMMUNIQUE_INGEST_TOKEN") or secrets.token_urlsafe(32)
    # The first snapshot (copy and preparation) is taken before the port opens: about 10 s
    # per million events, a fraction of a second for small stores.
    console.print(f"preparing a private snapshot of {db} ...", highlight=False)
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] if host in _LOOPBACK else ["*"]
    application = create_app(
        db,
        allow_ingest=allow_ingest,
        token=token,
        refresh_seconds=refresh,
        cors_origins=cors_origin,
        allowed_hosts=hosts,
        settings=load_settings(config),
    )
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    console.print(
        f"communique serving {db} at [bold]http://{shown}:{bound}/[/bold]  (API docs: /docs)",
        highlight=False,
        soft_wrap=True,
    )
    if allow_ingest:
        console.print(
            f"ingest enabled: POST /articles with 'Authorization: Bearer {token}'", highlight=False, soft_wrap=True
        )
    if host not in _LOOPBACK:
        console.print(
            "[yellow]warning:[/yellow] bound beyond loopback: anyone who can reach this port can read the data"
        )
    config_ = uvicorn.Config(application, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config_)
    try:
        server.run(sockets=[sock])
    finally:
        application.state.reader.close()
