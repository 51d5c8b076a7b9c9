"""Response models of the HTTP API (they make the OpenAPI schema).

Records reuse the export-contract classes of :mod:`communique.model` (field names are the
contract, ``docs/export-contract.md``); list items only *add* fields (``article_title``,
counts). Every list is a page: ``items`` plus ``next_cursor`` (null on the last page).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from communique.model import Actor, Article, EventRecord, Failure, Quote

__all__ = [
    "ActorItem",
    "ActorPage",
    "ActorProfile",
    "ArticleItem",
    "ArticlePage",
    "DyadItem",
    "EventItem",
    "EventPage",
    "IngestResult",
    "Message",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "Partner",
    "PeriodCount",
    "QuoteItem",
    "QuotePage",
    "Stats",
    "Timeline",
    "TimelineBucket",
]


class Message(BaseModel):
    """An error: what was wrong and what to do."""

    detail: str


class _Page(BaseModel):
    next_cursor: str | None = Field(None, description="Pass as `cursor` to get the next page; null on the last page.")
    limit: int = Field(description="The page size used.")


class ArticleItem(BaseModel):
    """An article in a list: the export-contract metadata (no ``text``) plus a snippet and counts."""

    id: str
    source_id: str | None = None
    date: str | None = None
    publisher: str | None = None
    relayed_from: list[str] = Field(default_factory=list)
    title: str | None = None
    url: str | None = None
    source_path: str | None = None
    source_line: int | None = None
    duplicate_of: str | None = None
    snippet: str = Field("", description="Text around the first search word (or the start of the text).")
    n_quotes: int = 0
    n_events: int = 0
    n_actors: int = 0


class ArticlePage(_Page):
    items: list[ArticleItem]


class EventItem(EventRecord):
    """An event record plus the title and date of its article."""

    article_title: str | None = None
    article_date: str | None = None


class EventPage(_Page):
    items: list[EventItem]


class ActorItem(Actor):
    """An actor record plus how often it is mentioned."""

    n_mentions: int = 0
    n_articles: int = 0


class ActorPage(_Page):
    items: list[ActorItem]


class QuoteItem(Quote):
    """A quote record plus the title and date of its article."""

    article_title: str | None = None
    article_date: str | None = None


class QuotePage(_Page):
    items: list[QuoteItem]


class PeriodCount(BaseModel):
    period: str = Field(description="First day of the month (YYYY-MM-DD).")
    mentions: int


class Partner(BaseModel):
    id: str
    name: str | None = None
    events: int
    goldstein_mean: float | None = None


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


class ActorProfile(ActorItem):
    """An actor with its activity: mentions by month, partners in events, quotes, articles."""

    n_events: int = 0
    n_quotes: int = 0
    mentions_over_time: list[PeriodCount] = Field(default_factory=list)
    top_partners: list[Partner] = Field(default_factory=list)
    quotes: list[QuoteItem] = Field(default_factory=list)
    articles: list[ArticleRef] = Field(default_factory=list)


class TimelineBucket(BaseModel):
    period: str = Field(description="First day of the period (YYYY-MM-DD; weeks start on Monday).")
    events: int
    counts: dict[str, int] = Field(description="Events per PLOVER type.")
    goldstein_sum: float
    goldstein_mean: float | None = Field(None, description="Mean Goldstein score of the events that have one.")
    a_to_b: int = Field(0, description="Events with source `a` and target `b`.")
    b_to_a: int = Field(0, description="Events with source `b` and target `a`.")
    verbal_coop: int = Field(0, description="Events per PLOVER quad (as DyadQueries.dyad_series).")
    material_coop: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0


class Timeline(BaseModel):
    a: str
    b: str
    by: str
    types: list[str] = Field(description="PLOVER types present, most frequent first.")
    total: int
    buckets: list[TimelineBucket]


class DyadItem(BaseModel):
    """A dyad (``DyadQueries.top_dyads``): sides keyed by IGO short name, else country."""

    a: str
    b: str
    events: int
    goldstein_sum: float | None = None
    first: str | None = Field(None, description="Date of the first event (YYYY-MM-DD).")
    last: str | None = Field(None, description="Date of the latest event (YYYY-MM-DD).")


class NetworkNode(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None = None
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float | None = None


class Network(BaseModel):
    level: str
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Stats(BaseModel):
    counts: dict[str, int]
    first_date: str | None = None
    last_date: str | None = None
    event_types: dict[str, int]
    snapshot_taken_at: float = Field(description="Unix time of the database copy the server reads.")
    ingest_enabled: bool


class IngestResult(BaseModel):
    """What ``POST /articles`` did."""

    stored: int
    skipped: int
    failed: int
    ids: list[str] = Field(description="Ids of the articles in the request (stored now or before).")
    failures: list[Failure]


# Re-exported for the routes.
ArticleDetail = Article
