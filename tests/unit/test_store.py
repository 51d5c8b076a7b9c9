"""The DuckDB store: idempotent batches, failures recorded, articles round-trip with their spans."""

from __future__ import annotations

from communique.model import (
    Actor,
    Article,
    EventActor,
    EventRecord,
    Failure,
    Location,
    Mention,
    Offsets,
    Quote,
    Span,
    Speaker,
)
from communique.store import open_store


def _article(text: str = "Belarus and Azerbaijan signed a treaty in Minsk.") -> Article:
    article = Article.from_text(text, date="2018-11-14", publisher="Trend", relayed_from=["BelTA"], source_path="x.txt")
    blr = Actor(id="BLR", name="Belarus", kind="country", country="BLR", code="BLR")
    aze = Actor(id="AZE", name="Azerbaijan", kind="country", country="AZE", code="AZE")
    article.actors = [blr, aze]
    article.mentions = [
        Mention(text="Belarus", label="GPE", start=0, end=7, actor_id="BLR"),
        Mention(text="Azerbaijan", label="GPE", start=12, end=22, actor_id="AZE"),
    ]
    article.quotes = [
        Quote(
            id=f"{article.id}:q:0-10",
            article_id=article.id,
            text=text[:10],
            start=0,
            end=10,
            type="indirect",
            cue="signed",
            speaker=Speaker(text="Belarus", start=0, end=7, actor_id="BLR", name="Belarus"),
            cue_span=Offsets(start=23, end=29),
        )
    ]
    article.events = [
        EventRecord(
            id=f"{article.id}:e:23",
            article_id=article.id,
            type="AGREE",
            cameo="057",
            goldstein=8.0,
            source=EventActor(actor_id="BLR", name="Belarus", country="BLR"),
            target=EventActor(actor_id="AZE", name="Azerbaijan", country="AZE"),
            date="2018-11-14",
            location=Location(name="Minsk", country="BLR", lat=53.9, lon=27.57),
            sentence=Offsets(start=0, end=len(text)),
            trigger=Span(start=23, end=29, text="signed"),
            confidence=0.8,
            context=["diplomacy"],
        )
    ]
    return article


def test_store_put_is_idempotent(store) -> None:
    article = _article()
    first = store.put([article])
    second = store.put([article])
    assert (first.stored, second.stored, second.skipped) == (1, 0, 1)
    assert store.counts() == {"articles": 1, "mentions": 2, "actors": 2, "quotes": 1, "events": 1, "errors": 0}


def test_store_duplicate_within_batch_stored_once(store) -> None:
    stats = store.put([_article(), _article()])
    assert (stats.stored, stats.skipped) == (1, 1)


def test_store_failures_recorded_once(store) -> None:
    failure = Failure(path="bad.jsonl", line=3, reason="malformed JSON")
    store.put([failure, _article()])
    store.put([failure])
    (row,) = store.errors()
    assert (row["path"], row["line"], row["reason"]) == ("bad.jsonl", 3, "malformed JSON")


def test_store_round_trip(store) -> None:
    article = _article()
    store.put([article])
    back = store.get_article(article.id)
    assert back is not None
    assert back.export_row() == article.export_row()
    assert back.mentions == article.mentions
    assert back.quotes == article.quotes
    assert back.events == article.events
    assert {a.id for a in back.actors} == {"BLR", "AZE"}


def test_store_reopens_file(tmp_path) -> None:
    path = tmp_path / "kb.duckdb"
    with open_store(path) as store:
        store.put([_article()])
    with open_store(path, read_only=True) as store:
        assert store.count("articles") == 1


def test_store_existing_ids(store) -> None:
    article = _article()
    store.put([article])
    assert store.existing_ids([article.id, "nope"]) == {article.id}
    assert store.existing_ids([]) == set()
