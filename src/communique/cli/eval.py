"""``communique eval``: score the pipeline against the public gold sets (and gate on floors)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from communique.cli._app import app, console, err_console, handle_errors
from communique.config import load_settings
from communique.eval import DATASETS, DEFAULT_DATASETS, check_floors, load_floors, run_eval
from communique.eval.baseline import BASELINES
from communique.eval.gate import pin_floors
from communique.eval.report import print_report

__all__ = ["eval_command"]

# Help panels: options grouped by what they change.
_WHAT, _OUT, _GATE = "What to score", "Output", "Quality gate"


@app.command(
    name="eval",
    epilog=(
        "Examples:\n\n"
        "  communique eval\n\n"
        "  communique eval --dataset polnear --limit 30 --baseline textacy --json report.json\n\n"
        "  communique eval --check          (the CI gate: fixed slice, floors in eval/floors.toml)"
    ),
)
@handle_errors
def eval_command(
    dataset: list[str] = typer.Option(
        [],
        "--dataset",
        "-d",
        help=f"Gold set to score (repeatable): {', '.join(DATASETS)}. Default: {', '.join(DEFAULT_DATASETS)}.",
        rich_help_panel=_WHAT,
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, help="Score only the first N documents of each dataset.", rich_help_panel=_WHAT
    ),
    baseline: str | None = typer.Option(
        None, "--baseline", help="Also score a peer tool on the quote sets: textacy.", rich_help_panel=_WHAT
    ),
    config: Path | None = typer.Option(
        None,
        "--config",
        help="Settings file overriding the packaged defaults (e.g. the stage list).",
        rich_help_panel=_WHAT,
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="Gold data folder (default: ../shared/data or $COMMUNIQUE_DATA_DIR).",
        rich_help_panel=_WHAT,
    ),
    json_out: Path | None = typer.Option(
        None,
        "--json",
        help="Write the full report (per part and class, confusion matrix, errors) here.",
        rich_help_panel=_OUT,
    ),
    per_class: bool = typer.Option(
        False, "--per-class", help="Also print per-class tables (event types).", rich_help_panel=_OUT
    ),
    pin: bool = typer.Option(
        False,
        "--pin",
        help="Print the measured scores as floors (TOML) to paste into the floors file.",
        rich_help_panel=_OUT,
    ),
    check: bool = typer.Option(
        False, "--check", help="Run the pinned slice and exit 1 when a score is below its floor.", rich_help_panel=_GATE
    ),
    floors: Path | None = typer.Option(
        None,
        "--floors",
        help="Floors file for --check (default: the packaged eval/floors.toml).",
        rich_help_panel=_GATE,
    ),
) -> None:
    """Score the configured pipeline against gold data: P/R/F1 per part, one table per dataset.

    Exit status: 0 when done (and, with --check, every score is at or above its floor);
    1 when a score is below its floor; 2 for usage errors.
    """
    names = list(dataset) or list(DEFAULT_DATASETS)
    unknown = [n for n in names if n not in DATASETS]
    if unknown or baseline not in (None, *BASELINES):
        what = (
            f"dataset {', '.join(unknown)}; valid: {', '.join(DATASETS)}"
            if unknown
            else f"baseline {baseline}; valid: {', '.join(BASELINES)}"
        )
        err_console.print(f"[bold red]error:[/bold red] unknown {what}", highlight=False)
        raise typer.Exit(2)
    limits = None
    gate = None
    if check:
        gate = load_floors(floors)
        if limit is not None:
            err_console.print("[yellow]warning:[/yellow] --limit overrides the pinned slice; floors may not apply")
        else:
            limits = gate.limits()
    elif floors is not None:
        err_console.print("[bold red]error:[/bold red] --floors is only used with --check")
        raise typer.Exit(2)
    settings = load_settings(config)
    with err_console.status("loading the pipeline") as status:
        report = run_eval(
            names,
            limit=limit,
            limits=limits,
            baseline=baseline,
            settings=settings,
            root=data_dir,
            on_dataset=lambda name: status.update(f"scoring {name}"),
        )
    print_report(report, console, per_class=per_class)
    if json_out is not None:
        json_out.write_text(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False), encoding="utf-8")
        console.print(f"full report written to {json_out}", highlight=False)
    if pin:
        for name, table in pin_floors(report).items():
            console.print(f"\n[floors.{name}]", markup=False, highlight=False)
            for key, value in table.items():
                console.print(f'"{key}" = {value:.2f}', markup=False, highlight=False)
    if gate is not None:
        violations = check_floors(report, gate)
        if violations:
            for violation in violations:
                err_console.print(f"[bold red]below floor:[/bold red] {violation}", highlight=False)
            raise typer.Exit(1)
        console.print("[green]all scores at or above their floors[/green]")
