"""Tests of event dates and places (``extract/when_where.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extract.when_where import event_date, event_location, gazetteer_lookup, resolve_date_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Tuesday", "2018-11-13"),
        ("Wednesday", "2018-11-14"),
        ("last Wednesday", "2018-11-07"),
        ("last week", "2018-11-07"),
        ("yesterday", "2018-11-13"),
        ("November 14", "2018-11-14"),
        ("December 2", "2017-12-02"),
        ("14 November 2016", "2016-11-14"),
        ("in 1993", "1993-01-01"),
        ("the other day", None),
    ],
)
def test_when_where_resolves_dates_against_article_date(text: Any, expected: Any) -> None:
    assert resolve_date_text(text, "2018-11-14") == expected


def test_when_where_relative_date_needs_an_anchor() -> None:
    assert resolve_date_text("on Tuesday", None) is None


@pytest.mark.parametrize(
    ("sentence", "expected", "explicit"),
    [
        ("Russia attacked Georgia on Tuesday.", "2018-11-13", True),
        ("Russia attacked Georgia.", "2018-11-14", False),
        # a date that modifies a noun does not date the event
        ("Russia condemned the 1994 genocide.", "2018-11-14", False),
        # a deadline bounds the event, it does not date it
        ("Russia withdrew its troops by the end of August.", "2018-11-14", False),
    ],
)
def test_when_where_event_date(nlp: Any, sentence: Any, expected: Any, explicit: Any) -> None:
    doc = nlp(sentence)
    trigger = next(t for t in doc if t.pos_ == "VERB")
    assert event_date(trigger, "2018-11-14") == (expected, explicit)


def test_when_where_location_with_coordinates(nlp: Any) -> None:
    doc = nlp("Protesters rallied in Minsk on Sunday.")
    trigger = next(t for t in doc if t.lemma_ == "rally")
    location, span = event_location(trigger)
    assert location is not None and location.name == "Minsk" and location.country == "BLR"
    assert location.lat == pytest.approx(53.9, abs=0.1) and span is not None


@pytest.mark.parametrize(("name", "country", "has_point"), [("Ganja", "AZE", True), ("Azerbaijan", "AZE", False)])
def test_when_where_gazetteer(name: Any, country: Any, has_point: Any) -> None:
    found = gazetteer_lookup(name)
    assert found is not None and found.country == country and (found.lat is not None) == has_point
