"""`communique eval` usage errors are caught before any model loads (exit status 2)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from communique.cli import app


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eval", "--dataset", "gdelt"], "unknown dataset gdelt"),
        (["eval", "--baseline", "citron"], "unknown baseline citron"),
        (["eval", "--floors", "floors.toml"], "--floors is only used with --check"),
    ],
)
def test_eval_cli_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_eval_cli_help_lists_every_dataset() -> None:
    from communique.eval import DATASETS

    result = CliRunner().invoke(app, ["eval", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert f"Gold set to score (repeatable): {', '.join(DATASETS)}." in text and "conflibert" in DATASETS
