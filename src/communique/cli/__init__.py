"""The command-line program: a thin Typer shell over the library.

Each command lives in its own module and registers itself on :data:`app`; the modules are
listed in :data:`COMMAND_MODULES` (the same way a plugin would add one).
"""

from __future__ import annotations

import importlib

from communique.cli._app import app, console, err_console

__all__ = ["COMMAND_MODULES", "app", "console", "err_console", "main"]

COMMAND_MODULES = (
    "communique.cli.process",
    "communique.cli.show",
    "communique.cli.export",
    "communique.cli.demo",
    "communique.cli.query",
    "communique.cli.load",
    "communique.cli.eval",
    "communique.cli.serve",
)


def _load_commands() -> None:
    for module in COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a command module that is not there yet is skipped
                raise


_load_commands()


def main() -> None:
    """Console-script entry point."""
    app()
