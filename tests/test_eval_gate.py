"""The CI quality gate: `communique eval --check` on the pinned slice must pass.

The slice and floors are in src/communique/eval/floors.toml; the run takes well under the
2-3 minutes budget on one core with the current stages (about 15 s with spaCy alone).
"""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_eval_gate_scores_at_or_above_floors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "communique", "eval", "--check"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"eval --check failed:\n{result.stderr}\n{result.stdout[-4000:]}"
    assert "all scores at or above their floors" in result.stdout


@pytest.mark.slow
def test_eval_gate_fails_below_floor(tmp_path) -> None:
    floors = tmp_path / "floors.toml"
    # An impossible floor (above 1) so the gate must fail whatever the extractors do.
    floors.write_text('[slice]\nseed = 0\n\n[floors.seed]\n"metadata.accuracy" = 1.01\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "communique", "eval", "--check", "--floors", str(floors), "--dataset", "seed"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "below floor" in result.stderr and "metadata.accuracy" in result.stderr
