"""The quality gate: pinned score floors and the check behind ``communique eval --check``.

The floors live in ``floors.toml`` next to this module (packaged, so ``--check`` works from an
installed copy). ``[slice]`` fixes how many documents of each dataset the floors were
measured on (0 = all), and ``[floors.<dataset>]`` maps ``"part.metric"`` keys to the lowest
allowed value. Floors only go up: whoever improves a score raises its floor in the same
commit. The scores are deterministic, so a floor is the measured value rounded down to two
decimals.

Example:
    >>> gate = load_floors()
    >>> "polnear" in gate.slice
    True
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from communique.errors import ConfigError
from communique.eval.report import EvalReport

__all__ = ["FLOORS_PATH", "Floors", "Violation", "check_floors", "load_floors", "pin_floors"]

FLOORS_PATH = Path(__file__).with_name("floors.toml")
# Parts that get no floor: no_event_records is perfect only while nothing emits events, and
# its false positives already lower event_type precision (see floors.toml).
UNPINNED = frozenset({"no_event_records"})


@dataclass(frozen=True)
class Violation:
    """A score below its floor (``value`` None: the part was not measured at all)."""

    dataset: str
    key: str
    floor: float
    value: float | None

    def __str__(self) -> str:
        got = "missing" if self.value is None else f"{self.value:.4f}"
        return f"{self.dataset} {self.key}: {got} < floor {self.floor:.2f}"


@dataclass(frozen=True)
class Floors:
    """The pinned slice and floors."""

    slice: dict[str, int] = field(default_factory=dict)
    floors: dict[str, dict[str, float]] = field(default_factory=dict)

    def limits(self) -> dict[str, int]:
        """Per-dataset document limits for :func:`communique.eval.run_eval` (0 → all)."""
        return {name: n for name, n in self.slice.items() if n > 0}


def load_floors(path: str | os.PathLike[str] | None = None) -> Floors:
    """Read a floors file (the packaged ``floors.toml`` by default).

    Raises:
        ConfigError: the file is missing or not valid TOML of the documented shape.
    """
    path = Path(path or FLOORS_PATH)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"floors file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"floors file {path} is not valid TOML: {exc}") from None
    try:
        slices = {str(k): int(v) for k, v in data.get("slice", {}).items()}
        floors = {str(d): {str(k): float(v) for k, v in table.items()} for d, table in data.get("floors", {}).items()}
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(
            f'floors file {path}: expected [slice] NAME = int and [floors.NAME] "part.metric" = float ({exc})'
        ) from None
    return Floors(slice=slices, floors=floors)


def check_floors(report: EvalReport, floors: Floors) -> list[Violation]:
    """Every floor of a dataset in ``report`` that its score does not reach.

    Datasets the report did not run are skipped (``--dataset`` narrows the check).
    """
    ran = {d.dataset for d in report.datasets}
    violations = []
    for dataset, table in floors.floors.items():
        if dataset not in ran:
            continue
        for key, floor in table.items():
            value = report.value(dataset, key)
            if value is None or value + 1e-9 < floor:
                violations.append(Violation(dataset, key, floor, value))
    return violations


def pin_floors(report: EvalReport) -> dict[str, dict[str, float]]:
    """Floors for every F1 and accuracy of ``report``: the values rounded down to 2 decimals."""
    pinned: dict[str, dict[str, float]] = {}
    for dataset in report.datasets:
        table = pinned.setdefault(dataset.dataset, {})
        for part in dataset.parts:
            if part.name in UNPINNED:
                continue
            metric = "f1" if part.kind == "prf" else "accuracy"
            value = part.metric(metric) or 0.0
            table[f"{part.name}.{metric}"] = math.floor(value * 100 + 1e-9) / 100
    return pinned
