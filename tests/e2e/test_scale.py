"""Scale: N worker processes and a real Dask LocalCluster give the same database as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.batch.dask import load_parquet, process_dask
from communique.batch.local import process_items, process_paths
from communique.config import load_settings
from communique.errors import ConfigError
from communique.ingest import iter_articles
from communique.model import Article
from communique.store import open_store
from tests.plugins.poison import POISON

# Rows that must be identical between runs (order aside): everything but timestamps.
COMPARE = {
    "articles": "SELECT id, source_id, date, publisher, relayed_from, title, source_line, duplicate_of FROM articles",
    "mentions": 'SELECT article_id, text, label, start, "end", actor_id FROM mentions',
    "actors": "SELECT * FROM actors",
    "quotes": "SELECT * FROM quotes",
    "events": "SELECT * FROM events",
    "errors": "SELECT path, line, reason, stage FROM errors",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with open_store(db, read_only=True) as store:
        return {t: sorted(tuple(map(repr, r.values())) for r in store.rows(q)) for t, q in COMPARE.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, world_path: Path) -> Path:
    folder = tmp_path_factory.mktemp("scale")
    lines = world_path.read_text(encoding="utf-8").splitlines()[:36]
    poisoned = json.loads(lines[5])
    poisoned["id"] = "poisoned"
    poisoned["text"] = f"{poisoned['text']}\n\n{POISON}"
    lines.insert(6, json.dumps(poisoned))
    lines.insert(10, "{not json")
    path = folder / "slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def settings():
    base = load_settings()
    return load_settings(
        pipeline={"stages": [*base.pipeline.stages, "test.poison.v1"], "plugins": ["tests.plugins.poison"]}
    )


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus: Path, settings) -> Path:
    db = tmp_path_factory.mktemp("ref") / "one.duckdb"
    report = process_paths([corpus], db=db, settings=settings, workers=1)
    assert report.failed == 2
    return db


def test_scale_reference_reports_poison_and_bad_line(reference: Path, corpus: Path) -> None:
    with open_store(reference, read_only=True) as store:
        errors = store.errors()
        assert {e["line"] for e in errors} == {7, 11}
        assert any("poisoned article" in e["reason"] for e in errors)
        assert store.count("articles") == 36


@pytest.mark.slow
def test_scale_two_workers_equal_one(tmp_path: Path, corpus: Path, settings, reference: Path) -> None:
    db = tmp_path / "two.duckdb"
    report = process_paths([corpus], db=db, settings=settings, workers=2)
    assert report.stored == 36 and report.failed == 2
    assert snapshot(db) == snapshot(reference)


@pytest.mark.slow
def test_scale_dask_local_cluster_equal_local(tmp_path: Path, corpus: Path, settings, reference: Path) -> None:
    out = tmp_path / "parquet"
    report = process_dask(
        [corpus], out, scheduler="local", workers=2, settings=settings, lines_per_partition=8, split_above=0
    )
    assert report.stored == 36 and report.failed == 2
    assert len(list((out / "_done").glob("*.json"))) == 5
    # DuckDB can query the dataset in place.
    with open_store(":memory:") as scratch:
        (row,) = scratch.rows(
            "SELECT count(*) AS n FROM read_parquet(?, hive_partitioning=true)",
            [str(out / "articles" / "*" / "*.parquet")],
        )
        assert row["n"] == 36
    db = tmp_path / "dask.duckdb"
    with open_store(db) as store:
        load_parquet(out, store)
        again = load_parquet(out, store)
        assert again.stored == 0
    assert snapshot(db) == snapshot(reference)
    # A re-run (on a cluster of another size) redoes only the partitions without a marker.
    markers = sorted((out / "_done").glob("*.json"))
    markers[2].unlink()
    kept = {m.name: m.stat().st_mtime_ns for m in markers if m.exists()}
    rerun = process_dask(
        [corpus], out, scheduler="local", workers=1, settings=settings, lines_per_partition=8, split_above=0
    )
    assert rerun.stored == 36
    assert markers[2].exists()
    assert {m.name: m.stat().st_mtime_ns for m in markers if m.name in kept} == kept
    with open_store(db) as store:
        assert load_parquet(out, store).stored == 0
    assert snapshot(db) == snapshot(reference)
    with pytest.raises(ConfigError, match="other inputs"):
        process_dask([corpus, corpus.parent], out, scheduler="local", workers=1, settings=settings)


@pytest.mark.slow
def test_scale_dask_merging_while_running_equals_load_after(
    tmp_path: Path, corpus: Path, settings, reference: Path
) -> None:
    db = tmp_path / "dask.duckdb"
    with open_store(db) as store:
        report = process_dask(
            [corpus],
            tmp_path / "parquet",
            scheduler="local",
            workers=2,
            settings=settings,
            lines_per_partition=8,
            split_above=0,
            store=store,
        )
        assert report.stored == 36 and report.failed == 2
        assert report.counts["articles"] == 36
        assert load_parquet(tmp_path / "parquet", store).stored == 0
    assert snapshot(db) == snapshot(reference)


def test_scale_long_article_processed_in_pieces(tmp_path: Path, nlp) -> None:
    from communique.pipeline import Pipeline

    paragraph = (
        "The foreign ministers of Chile and Peru met in Lima on Monday to discuss fishing rights. "
        "They agreed to set up a joint commission, officials said.\n\n"
    )
    text = paragraph * 60
    settings = load_settings(nlp={"max_chars_per_doc": 2000})
    pipe = Pipeline(settings, nlp=nlp)
    with open_store(tmp_path / "long.duckdb") as store:
        report = process_items(
            iter([Article.from_text(text, source_path="long.txt")]), store, settings=settings, pipeline=pipe
        )
        assert report.stored == 1
        (article,) = store.rows("SELECT n_sentences FROM articles")
        assert article["n_sentences"] >= 120
        mentions = store.rows('SELECT text, start, "end" FROM mentions')
        assert len(mentions) >= 100
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"]
        assert list(iter_articles([])) == []


@pytest.mark.slow
def test_scale_worker_crash_reports_the_article_and_stores_the_rest(tmp_path: Path, world_path: Path) -> None:
    from tests.plugins.poison import CRASH

    lines = world_path.read_text(encoding="utf-8").splitlines()[40:52]
    crashing = json.loads(lines[3])
    crashing["id"] = "crashing"
    crashing["text"] = f"{crashing['text']}\n\n{CRASH}"
    lines.insert(4, json.dumps(crashing))
    path = tmp_path / "slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = load_settings(
        pipeline={"stages": ["mentions.spacy.v1", "test.crash.v1"], "plugins": ["tests.plugins.poison"]},
        store={"batch_size": 4},
    )
    report = process_paths([path], db=tmp_path / "kb.duckdb", settings=settings, workers=2)
    assert (report.stored, report.failed) == (12, 1)
    (failure,) = report.failures
    assert failure.stage == "worker" and failure.line == 5
