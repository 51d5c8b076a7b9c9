"""Typed evaluation results and their two renderings: Rich tables and JSON.

:class:`PartScore` is one row (a part such as ``quotes`` or ``event_type``, or one class);
:class:`DatasetReport` gathers the rows of one dataset and system; :class:`EvalReport` is a
whole run. ``EvalReport.model_dump_json()`` is the ``--json`` report.

Example:
    >>> p = PartScore.prf("quotes", tp=2, n_pred=4, n_gold=2)
    >>> (p.precision, p.recall, round(p.f1, 3))
    (0.5, 1.0, 0.667)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rich.console import Console
from rich.table import Table

__all__ = ["DatasetReport", "ErrorCase", "EvalReport", "PartScore", "print_report"]


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _ratio(num: float, den: float) -> float:
    """num/den, with 0/0 = 0 (nothing predicted and nothing to find scores 0, not 1)."""
    return num / den if den else 0.0


class PartScore(_Rec):
    """One scored part: precision/recall/F1 over matched items, or an accuracy.

    ``kind="prf"``: ``tp`` matched items, ``n_pred`` predictions, ``n_gold`` gold items
    (the support). ``kind="accuracy"``: ``tp`` correct out of ``n_gold``; ``n_pred`` then
    counts what the system emitted for these items (e.g. false-positive events).
    """

    name: str
    kind: Literal["prf", "accuracy"] = "prf"
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None
    note: str | None = None

    @classmethod
    def prf(cls, name: str, tp: int, n_pred: int, n_gold: int, note: str | None = None) -> PartScore:
        """Build a P/R/F1 row from counts."""
        p, r = _ratio(tp, n_pred), _ratio(tp, n_gold)
        return cls(
            name=name,
            tp=tp,
            n_pred=n_pred,
            n_gold=n_gold,
            precision=p,
            recall=r,
            f1=_ratio(2 * p * r, p + r),
            note=note,
        )

    @classmethod
    def acc(cls, name: str, correct: int, total: int, n_pred: int = 0, note: str | None = None) -> PartScore:
        """Build an accuracy row: ``correct`` of ``total``."""
        return cls(
            name=name,
            kind="accuracy",
            tp=correct,
            n_pred=n_pred,
            n_gold=total,
            accuracy=_ratio(correct, total),
            note=note,
        )

    @property
    def support(self) -> int:
        """How many gold items the row is measured on."""
        return self.n_gold

    def metric(self, key: str) -> float | None:
        """``"precision"``, ``"recall"``, ``"f1"`` or ``"accuracy"`` of this row."""
        value = getattr(self, key, None)
        return value if isinstance(value, float) else None


class ErrorCase(_Rec):
    """One error worth reading: what the gold says, what we said, and the text around it."""

    doc_id: str
    kind: str
    gold: str | None = None
    predicted: str | None = None
    text: str = ""


class DatasetReport(_Rec):
    """The scores of one system on one dataset."""

    dataset: str
    system: str = "communique"
    docs: int = 0
    failures: int = 0
    seconds: float = 0.0
    parts: list[PartScore] = Field(default_factory=list)
    per_class: list[PartScore] = Field(default_factory=list)
    confusion: dict[str, dict[str, int]] = Field(default_factory=dict)
    errors: list[ErrorCase] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def part(self, name: str) -> PartScore | None:
        """The row called ``name`` (parts first, then classes), if any."""
        for row in [*self.parts, *self.per_class]:
            if row.name == name:
                return row
        return None


class EvalReport(_Rec):
    """A whole evaluation run: the stages measured, the document limits (``limit`` for every
    dataset, ``limits`` per dataset as in the pinned slice), and one report per dataset and system."""

    stages: list[str] = Field(default_factory=list)
    limit: int | None = None
    limits: dict[str, int] = Field(default_factory=dict)
    datasets: list[DatasetReport] = Field(default_factory=list)
    baselines: list[DatasetReport] = Field(default_factory=list)

    def dataset(self, name: str, system: str = "communique") -> DatasetReport | None:
        """The report for ``name`` by ``system`` (``"communique"`` or a baseline name)."""
        for report in [*self.datasets, *self.baselines]:
            if report.dataset == name and report.system == system:
                return report
        return None

    def value(self, dataset: str, key: str) -> float | None:
        """A metric by ``"part.metric"`` key, e.g. ``value("polnear", "quotes.f1")``."""
        report = self.dataset(dataset)
        part, _, metric = key.rpartition(".")
        row = report.part(part) if report else None
        return row.metric(metric) if row else None


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _table(report: DatasetReport, baseline: DatasetReport | None) -> Table:
    title = f"{report.dataset} · {report.docs} docs · {report.seconds:.1f}s"
    if report.failures:
        title += f" · [red]{report.failures} failed[/red]"
    table = Table(title=title, header_style="bold", title_justify="left")
    table.add_column("part")
    for col in ("P", "R", "F1", "acc"):
        table.add_column(col, justify="right")
    table.add_column("support", justify="right")
    table.add_column("pred", justify="right")
    if baseline is not None:
        table.add_column(f"{baseline.system} F1", justify="right", style="dim")
    for row in report.parts:
        cells = [
            row.name,
            _fmt(row.precision),
            _fmt(row.recall),
            _fmt(row.f1),
            _fmt(row.accuracy),
            str(row.n_gold),
            str(row.n_pred),
        ]
        if baseline is not None:
            other = baseline.part(row.name)
            cells.append(_fmt(other.f1 if other and other.kind == "prf" else other.accuracy if other else None))
        table.add_row(*cells)
    if report.notes:
        table.caption = "\n".join(report.notes)
        table.caption_justify = "left"
    return table


def _class_table(report: DatasetReport) -> Table:
    table = Table(title=f"{report.dataset} · per class", header_style="bold", title_justify="left")
    table.add_column("class")
    for col in ("P", "R", "F1", "support", "pred"):
        table.add_column(col, justify="right")
    for row in report.per_class:
        table.add_row(row.name, _fmt(row.precision), _fmt(row.recall), _fmt(row.f1), str(row.n_gold), str(row.n_pred))
    return table


def print_report(report: EvalReport, console: Console, per_class: bool = False) -> None:
    """Print one table per dataset (baseline F1 beside ours when a baseline ran).

    Args:
        report: the run.
        console: where to print.
        per_class: also print the per-class table of each dataset that has one.
    """
    console.print(f"stages measured: {', '.join(report.stages) or '(none)'}", highlight=False)
    for dataset in report.datasets:
        baseline = next((b for b in report.baselines if b.dataset == dataset.dataset), None)
        console.print(_table(dataset, baseline))
        crashed = [e for e in dataset.errors if e.kind.startswith("pipeline failure")]
        if crashed:
            # A failed article scores as "predicted nothing"; say why, so it is not mistaken for recall.
            console.print(
                f"[red]{len(crashed)} articles failed in the pipeline; first:[/red] {crashed[0].predicted}",
                highlight=False,
            )
        if per_class and dataset.per_class:
            console.print(_class_table(dataset))
