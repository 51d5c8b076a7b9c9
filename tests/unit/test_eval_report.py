"""Report records: lookups by "part.metric", the Rich rendering, the JSON round trip, __all__."""

from __future__ import annotations

import pytest
from rich.console import Console

import communique.eval
from communique.eval.report import DatasetReport, ErrorCase, EvalReport, PartScore, print_report


def make_report() -> EvalReport:
    ours = DatasetReport(
        dataset="polnear",
        docs=2,
        parts=[PartScore.prf("quotes", tp=3, n_pred=4, n_gold=6), PartScore.acc("quotes.type", 2, 3)],
        errors=[ErrorCase(doc_id="d1", kind="pipeline failure (quotes.rules.v1)", predicted="boom")],
        notes=["type is a heuristic"],
    )
    theirs = DatasetReport(
        dataset="polnear", system="textacy", parts=[PartScore.prf("quotes", tp=1, n_pred=2, n_gold=6)]
    )
    return EvalReport(stages=["mentions.spacy.v1"], datasets=[ours], baselines=[theirs])


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("quotes.precision", 0.75),
        ("quotes.recall", 0.5),
        ("quotes.f1", 0.6),
        ("quotes.type.accuracy", 2 / 3),
        ("quotes.type.f1", None),
        ("speaker.f1", None),
    ],
)
def test_eval_report_value(key: str, value: float | None) -> None:
    assert make_report().value("polnear", key) == (pytest.approx(value) if value is not None else None)


def test_eval_report_baseline_lookup() -> None:
    report = make_report()
    baseline = report.dataset("polnear", system="textacy")
    assert baseline is not None and baseline.part("quotes") is not None
    assert report.dataset("seed") is None


def test_eval_report_prints_tables_with_baseline_and_failures() -> None:
    console = Console(record=True, width=140)
    print_report(make_report(), console)
    text = console.export_text()
    assert "textacy F1" in text and "0.600" in text and "0.500" in text
    assert "1 articles failed in the pipeline" in text and "type is a heuristic" in text


def test_eval_report_json_round_trip() -> None:
    report = make_report()
    assert EvalReport.model_validate_json(report.model_dump_json()) == report


def test_eval_report_zero_division_scores_zero() -> None:
    row = PartScore.prf("quotes", tp=0, n_pred=0, n_gold=0)
    assert (row.precision, row.recall, row.f1) == (0.0, 0.0, 0.0)


def test_eval_report_public_names_sorted_and_present() -> None:
    assert communique.eval.__all__ == sorted(communique.eval.__all__)
    assert all(hasattr(communique.eval, name) for name in communique.eval.__all__)
