"""The JSON endpoints: articles, events, actors, quotes, dyads, network, stats, ingest.

Each endpoint validates its parameters (FastAPI answers 422 with the offending parameter),
runs one query of :class:`~communique.store.reads.ReadQueries` on the current snapshot and
returns a response model. Lists are pages (``limit``/``cursor``) and can be downloaded as
CSV or JSON Lines (``?format=`` or the ``Accept`` header): a download without ``limit``
streams every matching row.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel

from communique.api import models as m
from communique.api.formats import DOWNLOAD_MEDIA, Format, choose_format, csv_columns, csv_lines, jsonl_lines
from communique.api.snapshot import SnapshotReader
from communique.store.duckdb import DuckDBStore
from communique.store.reads import EventFilter

__all__ = ["MAX_DOWNLOAD_ROWS", "MAX_LIMIT", "PLOVER_TYPES", "router"]

# Page sizes: 50 fills a screen; 500 keeps one JSON page under about 1 MB of events.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# A download without `limit` streams at most this many rows, fetched in pages of this size.
MAX_DOWNLOAD_ROWS = 1_000_000
_DOWNLOAD_PAGE = 2000

# The PLOVER event types of the export contract (docs/export-contract.md).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Free-text and code filters: bounded length, no control characters (nothing reaches SQL
# unparameterised anyway; this keeps garbage out of logs and answers with a clear 422).
_PRINTABLE = r"^[^\x00-\x1f\x7f]*$"
_CODE = r"^[^\x00-\x1f\x7f,]{1,200}$"

Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"Page size (default {DEFAULT_LIMIT}).")]
Cursor = Annotated[
    str | None, Query(max_length=400, pattern=r"^[A-Za-z0-9_=-]*$", description="`next_cursor` of the previous page.")
]
DateFrom = Annotated[dt.date | None, Query(alias="from", description="First date included (YYYY-MM-DD).")]
DateTo = Annotated[dt.date | None, Query(alias="to", description="Last date included (YYYY-MM-DD).")]
Text = Annotated[str | None, Query(max_length=500, pattern=_PRINTABLE)]
Code = Annotated[str | None, Query(max_length=200, pattern=_CODE)]
FormatQ = Annotated[Format | None, Query(alias="format", description="json (default), csv or jsonl.")]

# PLOVER quad → the timeline field (the names of DyadQueries.dyad_series).
_QUADS = {
    "VERBAL COOPERATION": "verbal_coop",
    "MATERIAL COOPERATION": "material_coop",
    "VERBAL CONFLICT": "verbal_conflict",
    "MATERIAL CONFLICT": "material_conflict",
}

_DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
        "description": "A page as JSON, or the list as CSV / JSON Lines.",
    },
    422: {"description": "A parameter is not valid."},
}

router = APIRouter()


def _invalid(name: str, msg: str, where: str = "query") -> RequestValidationError:
    return RequestValidationError([{"loc": (where, name), "msg": msg, "type": "value_error"}])


def _reader(request: Request) -> SnapshotReader:
    return request.app.state.reader  # type: ignore[no-any-return]


def _check_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise _invalid("to", f"'to' ({date_to}) is before 'from' ({date_from})")


# -- cursors ----------------------------------------------------------------------------------
def _encode_cursor(key: Any, record_id: str) -> str:
    raw = json.dumps([key.isoformat() if isinstance(key, dt.date) else key, record_id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None, kind: type) -> tuple[Any, str] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, record_id = json.loads(raw)
        if not isinstance(record_id, str):
            raise ValueError("id")
        if kind is dt.date:
            key = None if key is None else dt.date.fromisoformat(key)
        elif not isinstance(key, int) or isinstance(key, bool):
            raise ValueError("key")
        return key, record_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _invalid("cursor", "cursor is not valid: pass the next_cursor of the previous page unchanged") from None


# -- paging and downloads -----------------------------------------------------------------------
Fetch = Callable[[DuckDBStore, int, Any], list[dict[str, Any]]]


def _respond(
    request: Request,
    fetch: Fetch,
    item: type[BaseModel],
    page: type[BaseModel],
    key: Callable[[dict[str, Any]], Any],
    limit: int | None,
    cursor: str | None,
    fmt: Format | None,
    key_kind: type = dt.date,
    enrich: Callable[[DuckDBStore, list[dict[str, Any]]], None] | None = None,
) -> Any:
    """One page as JSON, or a CSV / JSON Lines download (every row when no ``limit``)."""
    after = _decode_cursor(cursor, key_kind)
    chosen = choose_format(fmt, request.headers.get("accept"))
    reader = _reader(request)

    def one_page(store: DuckDBStore, size: int, start: Any) -> tuple[list[dict[str, Any]], str | None]:
        rows = fetch(store, size, start)
        more = len(rows) > size
        rows = rows[:size]
        if enrich is not None:
            enrich(store, rows)
        nxt = _encode_cursor(*key(rows[-1])) if more and rows else None
        return [_dump(item, r) for r in rows], nxt

    if chosen == "json":
        size = limit or DEFAULT_LIMIT
        with reader.store() as store:
            items, nxt = one_page(store, size, after)
        # Items are already validated against the item model (`_dump`); returning the
        # response directly skips FastAPI's second validation pass over the whole page
        # (a third of the CPU of a 50-event page under load). `page` still documents it.
        return JSONResponse({"items": items, "next_cursor": nxt, "limit": size})

    headers = {"Content-Disposition": f'attachment; filename="{request.url.path.strip("/").split("/")[0]}.{chosen}"'}
    if limit is not None:
        with reader.store() as store:
            items, nxt = one_page(store, limit, after)
        if nxt:
            headers["X-Next-Cursor"] = nxt
        rows_iter: Iterator[dict[str, Any]] = iter(items)
    else:

        def every_row() -> Iterator[dict[str, Any]]:
            start, sent = after, 0
            with reader.store() as store:
                while sent < MAX_DOWNLOAD_ROWS:
                    raw = fetch(store, _DOWNLOAD_PAGE, start)
                    more = len(raw) > _DOWNLOAD_PAGE
                    raw = raw[:_DOWNLOAD_PAGE]
                    if enrich is not None:
                        enrich(store, raw)
                    for r in raw:
                        yield _dump(item, r)
                    sent += len(raw)
                    if not more or not raw:
                        return
                    start = key(raw[-1])

        rows_iter = every_row()
    body = csv_lines(rows_iter, csv_columns(item)) if chosen == "csv" else jsonl_lines(rows_iter)
    return StreamingResponse(body, media_type=DOWNLOAD_MEDIA[chosen], headers=headers)


def _dump(item: type[BaseModel], row: dict[str, Any]) -> dict[str, Any]:
    """A query row as the JSON of a response item (sort keys and other helpers dropped)."""
    fields = item.model_fields
    return item.model_validate({k: v for k, v in row.items() if k in fields}).model_dump(mode="json")


def _date_key(row: dict[str, Any]) -> tuple[Any, str]:
    return row["sort_date"], row["id"]


def _with_article(store: DuckDBStore, rows: list[dict[str, Any]]) -> None:
    rows = [r for r in rows if "article_title" not in r]  # a prepared store joined them already
    if not rows:
        return
    titles = store.article_titles([r["article_id"] for r in rows])
    for r in rows:
        info = titles.get(r["article_id"], {})
        r["article_title"] = info.get("title")
        r["article_date"] = info.get("date")


# -- overview ---------------------------------------------------------------------------------
@router.get("/health", tags=["service"], summary="Liveness check")
def health() -> dict[str, str]:
    """Always ``{"status": "ok"}`` while the server runs."""
    return {"status": "ok"}


@router.get("/stats", response_model=m.Stats, tags=["service"], summary="Counts and date range")
def stats(request: Request) -> Any:
    """Rows per table, the article date range and events per PLOVER type."""
    reader = _reader(request)
    with reader.store() as store:
        data = store.stats()
    snap = reader._current
    data["snapshot_taken_at"] = snap.taken_at if snap is not None else 0.0
    data["ingest_enabled"] = bool(request.app.state.allow_ingest)
    return data


# -- articles -----------------------------------------------------------------------------------
@router.get(
    "/articles", response_model=m.ArticlePage, responses=_DOWNLOADS, tags=["articles"], summary="Search articles"
)
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, pattern=_PRINTABLE, description="Words in title or text.")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    publisher: Text = None,
    limit: Limit = None,
    cursor: Cursor = None,
    fmt: FormatQ = None,
) -> Any:
    """Articles whose title or text contains every word of `q` (case-insensitive), newest first."""
    _check_range(date_from, date_to)
    return _respond(
        request,
        lambda s, n, a: s.search_articles(q, date_from, date_to, publisher, n, a),
        m.ArticleItem,
        m.ArticlePage,
        _date_key,
        limit,
        cursor,
        fmt,
    )


@router.get(
    "/articles/{article_id}",
    response_model=m.ArticleDetail,
    responses={404: {"model": m.Message}},
    tags=["articles"],
    summary="One article with its extractions",
)
def get_article(request: Request, article_id: Annotated[str, Path(max_length=200)]) -> Any:
    """The article text with its mentions, actors, quotes and events (offsets into `text`)."""
    with _reader(request).store() as store:
        article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return article


# -- events -------------------------------------------------------------------------------------
@router.get("/events", response_model=m.EventPage, responses=_DOWNLOADS, tags=["events"], summary="List events")
def list_events(
    request: Request,
    type: Annotated[
        str | None,
        Query(max_length=300, pattern=_PRINTABLE, description="PLOVER type(s), comma-separated: CONSULT,SUPPORT."),
    ] = None,
    source: Annotated[
        str | None,
        Query(max_length=200, pattern=_CODE, description="Source: country (ISO3), IGO short name or actor id."),
    ] = None,
    target: Annotated[
        str | None,
        Query(max_length=200, pattern=_CODE, description="Target: country (ISO3), IGO short name or actor id."),
    ] = None,
    country: Annotated[
        str | None,
        Query(max_length=200, pattern=_CODE, description="Either side: country (ISO3), IGO short name or actor id."),
    ] = None,
    dyad: Annotated[
        str | None,
        Query(
            max_length=401, pattern=_PRINTABLE, description="Two sides (codes or actor ids), either direction: AZE,BLR."
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    article: Annotated[
        str | None, Query(max_length=200, pattern=_CODE, description="Only this article's events.")
    ] = None,
    include_duplicates: Annotated[
        bool,
        Query(
            description="Also list events of near-duplicate wire copies (left out by default: one story, one count)."
        ),
    ] = False,
    limit: Limit = None,
    cursor: Cursor = None,
    fmt: FormatQ = None,
) -> Any:
    """Events, newest first, filtered by type, actors, countries, dyad, dates and confidence."""
    _check_range(date_from, date_to)
    types: list[str] = []
    for t in (type or "").split(","):
        t = t.strip().upper()
        if not t:
            continue
        if t not in PLOVER_TYPES:
            raise _invalid("type", f"unknown PLOVER type {t[:40]!r}; choose from {', '.join(PLOVER_TYPES)}")
        types.append(t)
    pair: tuple[str, str] | None = None
    if dyad is not None:
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise _invalid("dyad", "dyad takes two countries or actor ids separated by a comma, e.g. AZE,BLR")
        pair = (parts[0], parts[1])
    flt = EventFilter(
        types=types,
        source=source,
        target=target,
        country=country,
        dyad=pair,
        date_from=date_from,
        date_to=date_to,
        min_confidence=min_confidence,
        article_id=article,
        include_duplicates=include_duplicates,
    )
    return _respond(
        request,
        lambda s, n, a: s.list_events(flt, n, a),
        m.EventItem,
        m.EventPage,
        _date_key,
        limit,
        cursor,
        fmt,
        enrich=_with_article,
    )


@router.get(
    "/events/{event_id}", response_model=m.EventItem, responses={404: {"model": m.Message}}, tags=["events"],
    summary="One event",
)  # fmt: skip
def get_event(request: Request, event_id: Annotated[str, Path(max_length=200)]) -> Any:
    """One event with its evidence offsets and its article's title."""
    with _reader(request).store() as store:
        event = store.get_event(event_id)
        if event is not None:
            _with_article(store, [event])
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return event


# -- actors -------------------------------------------------------------------------------------
@router.get("/actors", response_model=m.ActorPage, responses=_DOWNLOADS, tags=["actors"], summary="List actors")
def list_actors(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=500, pattern=_PRINTABLE, description="Words of the name, or the id or code.")
    ] = None,
    kind: Literal["country", "organization", "person", "location", "other"] | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code.")] = None,
    limit: Limit = None,
    cursor: Cursor = None,
    fmt: FormatQ = None,
) -> Any:
    """Actors, most mentioned first."""
    return _respond(
        request,
        lambda s, n, a: s.list_actors(q, kind, country, n, a),
        m.ActorItem,
        m.ActorPage,
        lambda r: (int(r["n_mentions"]), r["id"]),
        limit,
        cursor,
        fmt,
        key_kind=int,
    )


@router.get(
    "/actors/{actor_id:path}",
    response_model=m.ActorProfile,
    responses={404: {"model": m.Message}},
    tags=["actors"],
    summary="Actor profile",
)
def get_actor(request: Request, actor_id: str) -> Any:
    """An actor with mentions per month, top partners in events, its quotes and articles."""
    if len(actor_id) > 200:
        raise _invalid("actor_id", "actor ids are at most 200 characters", where="path")
    with _reader(request).store() as store:
        profile = store.actor_profile(actor_id)
    if profile is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return profile


# -- quotes -------------------------------------------------------------------------------------
@router.get("/quotes", response_model=m.QuotePage, responses=_DOWNLOADS, tags=["quotes"], summary="Search quotes")
def list_quotes(
    request: Request,
    speaker: Annotated[
        str | None,
        Query(max_length=200, pattern=_PRINTABLE, description="Words of the speaker's name, or an actor id."),
    ] = None,
    q: Annotated[str | None, Query(max_length=500, pattern=_PRINTABLE, description="Words in the quote.")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    article: Annotated[
        str | None, Query(max_length=200, pattern=_CODE, description="Only this article's quotes.")
    ] = None,
    limit: Limit = None,
    cursor: Cursor = None,
    fmt: FormatQ = None,
) -> Any:
    """Quotes by speaker and words, newest article first."""
    _check_range(date_from, date_to)
    return _respond(
        request,
        lambda s, n, a: s.list_quotes(speaker, q, date_from, date_to, article, n, a),
        m.QuoteItem,
        m.QuotePage,
        _date_key,
        limit,
        cursor,
        fmt,
    )


# -- relations ------------------------------------------------------------------------------------
@router.get("/dyads", response_model=list[m.DyadItem], tags=["relations"], summary="Most active dyads")
def list_dyads(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    directed: Annotated[bool, Query(description="Keep A→B and B→A apart.")] = False,
) -> Any:
    """Pairs of sides (country, or IGO short name for IGO actors) with the most events."""
    with _reader(request).store() as store:
        return store.top_dyads(limit, directed=directed)


@router.get(
    "/dyads/{a}/{b}/timeline", response_model=m.Timeline, tags=["relations"], summary="Dyad timeline",
    responses={422: {"description": "A parameter is not valid."}},
)  # fmt: skip
def dyad_timeline(
    request: Request,
    a: Annotated[str, Path(max_length=200, pattern=_CODE, description="Country (ISO3), IGO short name or actor id.")],
    b: Annotated[str, Path(max_length=200, pattern=_CODE, description="Country (ISO3), IGO short name or actor id.")],
    by: Literal["day", "week", "month"] = "month",
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Any:
    """Events between `a` and `b` (either direction) per period: counts per PLOVER type,
    per direction and per quad, Goldstein sum and mean."""
    _check_range(date_from, date_to)
    with _reader(request).store() as store:
        rows = store.dyad_type_series(a, b, by, date_from, date_to)
    buckets: dict[str, dict[str, Any]] = {}
    per_type: dict[str, int] = {}
    for r in rows:
        bucket = buckets.setdefault(
            r["period"],
            {"period": r["period"], "events": 0, "counts": {}, "goldstein_sum": 0.0, "_n": 0, "a_to_b": 0, "b_to_a": 0,
             **dict.fromkeys(_QUADS.values(), 0)},
        )  # fmt: skip
        n = int(r["events"])
        bucket["events"] += n
        bucket["counts"][r["type"]] = bucket["counts"].get(r["type"], 0) + n
        bucket["goldstein_sum"] += float(r["goldstein_sum"])
        bucket["_n"] += int(r["goldstein_n"])
        bucket["a_to_b" if r["a_to_b"] else "b_to_a"] += n
        if r["quad"] in _QUADS:
            bucket[_QUADS[r["quad"]]] += n
        per_type[r["type"]] = per_type.get(r["type"], 0) + n
    out = []
    for bucket in buckets.values():
        n = bucket.pop("_n")
        bucket["goldstein_mean"] = bucket["goldstein_sum"] / n if n else None
        out.append(bucket)
    # Built here to the `m.Timeline` shape (response_model documents it); validating up to
    # thousands of day buckets through pydantic cost as much CPU as the query.
    return JSONResponse(
        {
            "a": a,
            "b": b,
            "by": by,
            "types": sorted(per_type, key=lambda t: (-per_type[t], t)),
            "total": sum(per_type.values()),
            "buckets": out,
        }
    )


@router.get("/network", response_model=m.Network, tags=["relations"], summary="Actor network")
def network(
    request: Request,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    level: Literal["actor", "country"] = "actor",
    max_edges: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> Any:
    """Actors (or countries) as nodes, events between them as weighted undirected edges."""
    _check_range(date_from, date_to)
    with _reader(request).store() as store:
        graph = store.network(date_from, date_to, min_events, level, max_edges)
    return {"level": level, **graph}
