"""Tests of dyad aggregation in a real DuckDB file and of the ICEWS export layout."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from communique.errors import QueryError
from communique.model import Article, EventActor, EventRecord, Offsets, Span
from communique.store.icews import ICEWS_COLUMNS


def _event(n: int, src: EventActor, tgt: EventActor | None, date: str, goldstein: float, quad: str) -> EventRecord:
    return EventRecord(
        id=f"e{n}",
        article_id="a",
        type="CONSULT",
        cameo="040",
        goldstein=goldstein,
        quad=quad,
        source=src,
        target=tgt,
        date=date,
        sentence=Offsets(start=0, end=20),
        trigger=Span(start=8, end=12, text="met"),
        confidence=0.8,
    )


BLR = EventActor(actor_id="BLR", name="Belarus", country="BLR")
AZE = EventActor(actor_id="AZE", name="Azerbaijan", country="AZE", sector="GOV")
CIS = EventActor(actor_id="IGOCIS", name="CIS", sector="IGO", igo="CIS")


@pytest.fixture
def filled(store: Any) -> Any:
    article = Article.from_text(
        "Belarus met Azerbaijan. Azerbaijan praised the CIS.", date="2018-11-14", publisher="Trend"
    )
    article.events = [
        _event(1, BLR, AZE, "2018-11-14", 1.0, "VERBAL COOPERATION"),
        _event(2, AZE, BLR, "2018-11-14", 3.4, "VERBAL COOPERATION"),
        _event(3, AZE, BLR, "2018-12-03", -2.0, "VERBAL CONFLICT"),
        _event(4, AZE, CIS, "2018-11-20", 6.0, "MATERIAL COOPERATION"),
    ]
    store.put([article])
    return store


@pytest.mark.parametrize(
    ("by", "directed", "expected"),
    [
        ("day", False, [("2018-11-14", 2, 4.4), ("2018-12-03", 1, -2.0)]),
        ("month", False, [("2018-11-01", 2, 4.4), ("2018-12-01", 1, -2.0)]),
        ("month", True, [("2018-11-01", 1, 1.0)]),
        ("week", False, [("2018-11-12", 2, 4.4), ("2018-12-03", 1, -2.0)]),
    ],
)
def test_dyads_series(filled: Any, by: Any, directed: Any, expected: Any) -> None:
    rows = filled.dyad_series("BLR", "aze", by=by, directed=directed)
    assert [(r["period"], r["events"], r["goldstein_sum"]) for r in rows] == expected


def test_dyads_series_counts_directions_and_quads(filled: Any) -> None:
    (row,) = filled.dyad_series("BLR", "AZE", by="day", end="2018-11-30")
    assert (row["a_to_b"], row["b_to_a"], row["verbal_coop"]) == (1, 1, 2)


def test_dyads_igo_side(filled: Any) -> None:
    rows = filled.dyad_series("AZE", "CIS", by="month")
    assert [(r["period"], r["events"]) for r in rows] == [("2018-11-01", 1)]


def test_dyads_top(filled: Any) -> None:
    top = filled.top_dyads(limit=5)
    assert (top[0]["a"], top[0]["b"], top[0]["events"]) == ("AZE", "BLR", 3)


def test_dyads_bad_bucket(filled: Any) -> None:
    with pytest.raises(QueryError, match="day, week, month"):
        filled.dyad_series("BLR", "AZE", by="year")


def test_dyads_icews_export_columns(filled: Any, tmp_path: Any) -> None:
    out = tmp_path / "events.tsv"
    assert filled.export("events", "icews", out) == 4
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert tuple(rows[0]) == ICEWS_COLUMNS
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Source Country"] == "Belarus" and first["Target Country"] == "Azerbaijan"
    assert first["CAMEO Code"] == "040" and first["Event Text"] and first["Publisher"] == "Trend"
    assert first["Intensity"] == "1.0" and first["Sentence Number"] == "1"
    with pytest.raises(QueryError):
        filled.export("quotes", "icews", tmp_path / "q.tsv")


def test_dyads_example_article_blr_aze_on_its_date(store: Any, example_article: Any) -> None:
    store.put([example_article])
    rows = store.dyad_series("BLR", "AZE", by="day")
    assert [r["period"] for r in rows] == ["2018-11-14"] and rows[0]["events"] >= 1
