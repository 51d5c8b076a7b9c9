"""The ICEWS column layout for events, so users of ICEWS/GDELT tooling can load our output.

One tab-separated row per event, with the header of the public ICEWS coded event files
(Boschee et al., Harvard Dataverse): Event ID, Event Date, Source Name, Source Sectors, Source
Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country, Story
ID, Sentence Number, Publisher, City, Province, Country, Latitude, Longitude.

Mapping: *Event Text* is the CAMEO code's name, *Intensity* its Goldstein score, countries
are written as names (ISO3 resolved with ``pycountry``), sectors as our codes (GOV, IGO, ...),
*Sentence Number* is the 1-based sentence of the article that carries the event (counted
from the stored text at sentence-ending punctuation, as ICEWS counts story sentences), *City*
is the event place when it has coordinates, *Country* the place's country.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

__all__ = ["ICEWS_COLUMNS", "icews_rows", "write_icews"]

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")

_SQL = """
    SELECT e.id, strftime(e.date, '%Y-%m-%d') AS date, e.source_name, e.source_sector, e.source_igo,
           e.source_country, e.cameo, e.goldstein, e.target_name, e.target_sector, e.target_igo,
           e.target_country, e.article_id, e.sentence_start, a.publisher, e.location_name,
           e.location_country, e.lat, e.lon
    FROM events e LEFT JOIN articles a ON a.id = e.article_id
    ORDER BY e.article_id, e.sentence_start, e.trigger_start, e.id
"""


@lru_cache(maxsize=512)
def _country_name(code: str | None) -> str:
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return found.name if found is not None else code


@lru_cache(maxsize=1)
def _cameo_names() -> dict[str, str]:
    from communique.extract._lexicon import load_lexicon

    return {code: info.name for code, info in load_lexicon().codes.items()}


def _sectors(sector: str | None, igo: str | None) -> str:
    return ",".join(s for s in (sector, igo) if s)


def icews_rows(store: Any) -> Iterator[list[Any]]:
    """Yield one ICEWS-layout row per stored event (columns in :data:`ICEWS_COLUMNS` order).

    Args:
        store: a :class:`~communique.store.duckdb.DuckDBStore`.
    """
    names = _cameo_names()
    texts: dict[str, str] = {}
    for row in store.rows(_SQL):
        article_id = row["article_id"]
        if article_id not in texts:
            texts.clear()  # rows come grouped by article: keep one text in memory
            found = store.rows("SELECT text FROM articles WHERE id = ?", [article_id])
            texts[article_id] = (found[0]["text"] or "") if found else ""
        text = texts[article_id]
        sentence_no = len(_SENTENCE_END.findall(text[: row["sentence_start"] or 0])) + 1
        has_point = row["lat"] is not None
        yield [
            row["id"],
            row["date"] or "",
            row["source_name"] or "",
            _sectors(row["source_sector"], row["source_igo"]),
            _country_name(row["source_country"]),
            names.get(row["cameo"] or "", ""),
            row["cameo"] or "",
            "" if row["goldstein"] is None else row["goldstein"],
            row["target_name"] or "",
            _sectors(row["target_sector"], row["target_igo"]),
            _country_name(row["target_country"]),
            article_id,
            sentence_no,
            row["publisher"] or "",
            row["location_name"] if has_point else "",
            "",
            _country_name(row["location_country"]),
            "" if row["lat"] is None else row["lat"],
            "" if row["lon"] is None else row["lon"],
        ]


def write_icews(store: Any, out: str | Path | TextIO) -> int:
    """Write every stored event in the ICEWS layout (tab-separated, with header).

    Args:
        store: the store to read.
        out: a file path or an open text stream.

    Returns:
        The number of events written.
    """
    if isinstance(out, (str, Path)):
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            return write_icews(store, handle)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(ICEWS_COLUMNS)
    count = 0
    for row in icews_rows(store):
        writer.writerow(row)
        count += 1
    return count
