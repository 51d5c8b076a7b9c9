"""Property test of the whole ``process`` path: hostile folders into a real DuckDB file.

Every record read ends stored, reported in the ``errors`` table with its path and line, or
skipped as a duplicate of a stored article; the counts add up, and a second run over the
same input changes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.batch.local import process_items
from communique.config import load_settings
from communique.ingest import iter_articles
from communique.model import Article, Failure
from communique.store import open_store
from tests.fuzz._inputs import FUZZ_LIMITS, FuzzFile, any_file, gzipped

# A small batch size so one example spans several transactions.
RUN_SETTINGS = load_settings(limits=FUZZ_LIMITS.model_dump(), store={"batch_size": 3})


def _write_corpus(root: Path, files: list[FuzzFile], damage: list[str]) -> None:
    for index, (file, how) in enumerate(zip(files, damage, strict=True)):
        written = file if how == "plain" else gzipped(file, how, 0.6)
        (root / f"{index}-{written.name}").write_bytes(written.data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    st.lists(any_file, min_size=1, max_size=4).flatmap(
        lambda files: st.tuples(
            st.just(files),
            st.lists(
                st.sampled_from(["plain", "plain", "intact", "truncated", "corrupted"]),
                min_size=len(files),
                max_size=len(files),
            ),
        )
    )
)
def test_process_fuzz_everything_stored_or_reported(pipeline, corpus: tuple[list[FuzzFile], list[str]]) -> None:
    files, damage = corpus
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "in"
        root.mkdir()
        _write_corpus(root, files, damage)
        items = list(iter_articles([root], limits=FUZZ_LIMITS))
        articles = [i for i in items if isinstance(i, Article)]
        failures = [i for i in items if isinstance(i, Failure)]
        with open_store(Path(folder) / "kb.duckdb") as store:
            report = process_items(iter(items), store, settings=RUN_SETTINGS, pipeline=pipeline)
            # Counts add up: every item is stored, skipped as a duplicate, or failed.
            assert report.read == len(articles)
            assert report.stored + report.skipped + report.failed == len(items)
            assert store.count("articles") == report.stored
            stored = {row["id"] for row in store.rows("SELECT id FROM articles")}
            errors = {(e["path"], e["line"], e["reason"]) for e in store.errors()}
            error_places = {(path, line) for path, line, _ in errors}
            # Every ingest failure is in the errors table with its path, line and reason.
            for failure in failures:
                assert (failure.path, failure.line, failure.reason) in errors, failure
            # Every article is stored, or (a stage failed on it) reported where it came from.
            for article in articles:
                assert article.id in stored or (article.source_path, article.source_line) in error_places, article
            counts = store.counts()
            # Running again over the same input adds nothing (idempotent re-runs).
            again = process_items(iter(items), store, settings=RUN_SETTINGS, pipeline=pipeline)
            assert again.stored == 0
            assert store.counts() == counts
