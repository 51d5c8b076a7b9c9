"""Shared fixtures: the spaCy model and the pipeline are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "trend-2018-11-14-belarus-azerbaijan.txt"
WORLD = SHARED / "data" / "news" / "world.jsonl"


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp.load import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from communique.pipeline import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def example_path() -> Path:
    assert EXAMPLE.exists(), f"missing {EXAMPLE}: tests need ../shared next to the repo"
    return EXAMPLE


@pytest.fixture(scope="session")
def world_path() -> Path:
    assert WORLD.exists(), f"missing {WORLD}: tests need ../shared next to the repo"
    return WORLD


@pytest.fixture(scope="session")
def example_article(pipeline, example_path):
    """The acceptance example, processed once by the full configured pipeline."""
    from communique.ingest import iter_articles

    (article,) = list(iter_articles([example_path]))
    (result,) = pipeline.run_batch([article])
    return result


@pytest.fixture
def store(tmp_path):
    from communique.store import open_store

    with open_store(tmp_path / "test.duckdb") as s:
        yield s
