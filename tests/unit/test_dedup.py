"""Near-duplicate wire copies are linked; different stories are not; exact copies keep provenance."""

from __future__ import annotations

from pathlib import Path

from communique.batch.local import process_items
from communique.ingest import iter_articles
from communique.ingest.dedup import signature

STORY = (
    "The foreign ministers of Kyrgyzstan and Tajikistan met in Bishkek on Thursday to discuss the demarcation "
    "of their shared border, which has seen several deadly clashes over water and grazing land. The two sides "
    "agreed to withdraw heavy weapons from disputed sections and to set up a joint monitoring group that will "
    "report to both governments every month. Officials said the group would include border guards, local "
    "elders and hydrologists. The ministers also discussed a long-delayed road project and the reopening of "
    "two checkpoints closed since the spring, which traders say has cost local markets millions. A further "
    "round of talks is planned in Dushanbe before the end of the year, the ministries said in a joint statement."
)
# The same story republished by another outlet: new header, one clause changed, a line added.
COPY = (
    STORY.replace("on Thursday", "on Thursday, Kabar reported,").replace("every month", "each month")
    + "\n\nThe statement was published on both ministries' websites."
)
OTHER = (
    "Kyrgyzstan and Tajikistan exchanged fire near a disputed water facility on Monday, killing two border "
    "guards, officials in Bishkek said. Each side blamed the other for starting the shooting, and the "
    "governments summoned each other's ambassadors. Residents of nearby villages were evacuated as troops "
    "moved into the area, and regional leaders called for calm while the incident is investigated."
)


def test_dedup_signature_similarity() -> None:
    assert signature(STORY).jaccard(signature(COPY).values) >= 0.6
    assert signature(STORY).jaccard(signature(OTHER).values) < 0.2


def _write(folder: Path, name: str, publisher: str, body: str) -> Path:
    path = folder / name
    path.write_text(f" date 2021-04-01 By {publisher}\n\n{body}\n", encoding="utf-8")
    return path


def test_dedup_links_wire_copies_across_runs(tmp_path: Path, pipeline, store) -> None:
    first = _write(tmp_path, "a.txt", "Kabar", STORY)
    other = _write(tmp_path, "b.txt", "AKIpress", OTHER)
    process_items(iter_articles([first, other]), store, pipeline=pipeline)
    copy = _write(tmp_path, "c.txt", "Trend", COPY)
    exact = _write(tmp_path, "d.txt", "Azertag", STORY)
    report = process_items(iter_articles([copy, exact]), store, pipeline=pipeline)
    assert (report.stored, report.skipped) == (1, 1)
    rows = {r["publisher"]: r for r in store.rows("SELECT id, publisher, duplicate_of FROM articles")}
    assert rows["Trend"]["duplicate_of"] == rows["Kabar"]["id"]
    assert rows["Kabar"]["duplicate_of"] is None and rows["AKIpress"]["duplicate_of"] is None
    copies = store.rows("SELECT article_id, publisher FROM article_copies")
    assert copies == [{"article_id": rows["Kabar"]["id"], "publisher": "Azertag"}]


def test_dedup_links_within_one_batch_and_rerun_adds_nothing(tmp_path: Path, pipeline, store) -> None:
    paths = [_write(tmp_path, "a.txt", "Kabar", STORY), _write(tmp_path, "c.txt", "Trend", COPY)]
    process_items(iter_articles(paths), store, pipeline=pipeline)
    again = process_items(iter_articles(paths), store, pipeline=pipeline)
    assert again.stored == 0 and again.skipped == 2
    rows = store.rows("SELECT publisher, duplicate_of FROM articles ORDER BY publisher")
    assert [r["duplicate_of"] is not None for r in rows] == [False, True]
    assert store.rows("SELECT count(*) AS n FROM article_copies") == [{"n": 0}]


def test_dedup_dyad_aggregates_count_a_story_once(tmp_path: Path, pipeline, store) -> None:
    first = _write(tmp_path, "a.txt", "Kabar", STORY)
    process_items(iter_articles([first]), store, pipeline=pipeline)
    alone = store.dyad_series("KGZ", "TJK", by="month")
    assert alone and alone[0]["events"] >= 1, "the story should code a Kyrgyzstan-Tajikistan event"
    copy = _write(tmp_path, "c.txt", "Trend", COPY)
    process_items(iter_articles([copy]), store, pipeline=pipeline)
    (copy_row,) = store.rows("SELECT id FROM articles WHERE publisher = 'Trend'")
    assert store.rows("SELECT count(*) AS n FROM events WHERE article_id = ?", [copy_row["id"]])[0]["n"] >= 1
    assert store.dyad_series("KGZ", "TJK", by="month") == alone
