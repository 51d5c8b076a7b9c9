"""Floors: loading, checking a report against them, pinning measured values."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.eval.gate import FLOORS_PATH, Floors, check_floors, load_floors, pin_floors
from communique.eval.report import DatasetReport, EvalReport, PartScore


def report(f1_tp: int = 1, accuracy_ok: int = 1) -> EvalReport:
    return EvalReport(
        datasets=[
            DatasetReport(
                dataset="polnear",
                parts=[
                    PartScore.prf("quotes", tp=f1_tp, n_pred=2, n_gold=2),
                    PartScore.acc("metadata", accuracy_ok, 3),
                ],
            )
        ]
    )


FLOORS = Floors(
    slice={"polnear": 30}, floors={"polnear": {"quotes.f1": 0.5, "metadata.accuracy": 0.33}, "seed": {"quotes.f1": 0.9}}
)


@pytest.mark.parametrize(
    ("tp", "ok", "failing"),
    [
        (1, 1, []),
        (2, 3, []),
        (0, 1, ["quotes.f1"]),
        (1, 0, ["metadata.accuracy"]),
        (0, 0, ["quotes.f1", "metadata.accuracy"]),
    ],
)
def test_eval_gate_check_floors(tp: int, ok: int, failing: list[str]) -> None:
    assert [v.key for v in check_floors(report(tp, ok), FLOORS)] == failing


def test_eval_gate_missing_part_fails_and_unrun_dataset_is_skipped() -> None:
    floors = Floors(floors={"polnear": {"speaker.f1": 0.0}, "seed": {"quotes.f1": 0.9}})
    (violation,) = check_floors(report(), floors)
    assert violation.value is None and "missing" in str(violation)


def test_eval_gate_pin_rounds_down() -> None:
    pinned = pin_floors(report(1, 2))  # F1 0.5, accuracy 0.6666
    assert pinned == {"polnear": {"quotes.f1": 0.5, "metadata.accuracy": 0.66}}


def test_eval_gate_packaged_floors_load() -> None:
    gate = load_floors()
    assert FLOORS_PATH.name == "floors.toml"
    assert set(gate.floors) == {"polnear", "plover_gsr", "petr2_gsr", "conflibert", "seed"}
    assert gate.limits() == {"polnear": 30}
    assert all(0.0 <= v <= 1.0 for table in gate.floors.values() for v in table.values())


@pytest.mark.parametrize("content", ["[slice\n", '[floors.polnear]\n"quotes.f1" = "high"\n'])
def test_eval_gate_bad_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "floors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_floors(path)


def test_eval_gate_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_floors(tmp_path / "nope.toml")
