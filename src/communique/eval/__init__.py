"""Evaluation against public gold data: loaders, scorers, the runner and the quality gate.

``run_eval`` processes each gold set with the configured pipeline (the code path of
``communique process``) and returns a typed :class:`EvalReport`; ``check_floors`` compares it
with the floors pinned in ``floors.toml``. See ``docs/evaluation.md``.

Example:
    >>> from communique.eval import run_eval
    >>> report = run_eval(datasets=["seed"])                  # doctest: +SKIP
    >>> report.value("seed", "metadata.accuracy")             # doctest: +SKIP
    1.0
"""

from communique.eval.gate import Floors, Violation, check_floors, load_floors
from communique.eval.gold import DATASETS, load_dataset
from communique.eval.report import DatasetReport, ErrorCase, EvalReport, PartScore
from communique.eval.runner import DEFAULT_DATASETS, run_eval

__all__ = [
    "DATASETS",
    "DEFAULT_DATASETS",
    "DatasetReport",
    "ErrorCase",
    "EvalReport",
    "Floors",
    "PartScore",
    "Violation",
    "check_floors",
    "load_dataset",
    "load_floors",
    "run_eval",
]
