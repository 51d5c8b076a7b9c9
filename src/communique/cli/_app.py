"""The Typer application object and the shared consoles."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape  # messages quote paths and input: never markup

from communique.errors import CommuniqueError, InputError

__all__ = ["app", "console", "err_console", "handle_errors"]

app = typer.Typer(
    name="communique",
    help=(
        "Turn international-relations news into a knowledge base of actors, quotes and events.\n\n"
        "Start with [bold]communique demo[/bold], then [bold]communique process FILES --db kb.duckdb[/bold]."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Print a :class:`CommuniqueError` as one clear line and exit 2 (input/usage) or 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            err_console.print(f"[bold red]error:[/bold red] {escape(str(exc))}", highlight=False)
            sys.exit(2)
        except CommuniqueError as exc:
            err_console.print(f"[bold red]error:[/bold red] {escape(str(exc))}", highlight=False)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
