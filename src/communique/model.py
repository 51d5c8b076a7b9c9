"""The typed document model that flows through every stage.

An :class:`Article` is created by ingest, parsed by spaCy (the ``Doc`` rides along as a
private attribute, never serialized), filled by the extraction stages (mentions, actors,
quotes, events) and finally written by a store. Every extracted record carries the
character offsets of its evidence in ``Article.text``.

The JSON shape of each record is the export contract (``docs/export-contract.md``): field
names may be added, never renamed. ``export_row`` methods return exactly the exported
mapping, so the store, the exporters and the HTTP API share one definition.

Example:
    >>> a = Article.from_text("Belarus and Azerbaijan met.", date="2018-11-14")
    >>> a.id == Article.from_text("Belarus and Azerbaijan met.").id
    True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "EventActor",
    "EventRecord",
    "Failure",
    "Location",
    "Mention",
    "Offsets",
    "Quote",
    "QuoteType",
    "Sentence",
    "Span",
    "Speaker",
    "article_id_for",
    "normalize_text",
]

ActorKind = Literal["country", "organization", "person", "location", "other"]
QuoteType = Literal["direct", "indirect", "mixed"]

_NON_WORD = re.compile(r"\W+", re.UNICODE)


class _Record(BaseModel):
    """Base for every record: strict field names, cheap to copy."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Offsets(_Record):
    """A character range ``[start, end)`` into the article text."""

    start: int
    end: int


class Span(Offsets):
    """A character range with the text it covers (evidence)."""

    text: str


class Sentence(Offsets):
    """One sentence of the article, as split by the spaCy parser."""


class Mention(_Record):
    """A name in the text: a spaCy entity or one of our rule matches.

    ``label`` is the spaCy NER label (GPE, ORG, PERSON, NORP, LOC, FAC, EVENT, ...) or one of
    our own (TITLE, IGO, INSTITUTION); ``actor_id`` links to :class:`Actor` when resolved.
    """

    text: str
    label: str
    start: int
    end: int
    actor_id: str | None = None


class Actor(_Record):
    """A canonical actor: a country, organisation, person, place or other named thing.

    ``code`` is a CAMEO-style actor code: ISO3 country then sector (``AZEGOV``), ``IGO`` plus
    the organisation (``IGOCIS``), or the bare country (``AZE``). See ``docs/actor-codes.md``.
    """

    id: str
    name: str
    kind: ActorKind = "other"
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    title: str | None = None
    affiliation: str | None = None
    code: str | None = None


class Speaker(_Record):
    """Who a quote is attributed to: the span in the text and the resolved actor.

    ``text``/``start``/``end`` is the mention that carries the attribution locally (possibly a
    pronoun such as "he"); ``name`` and ``actor_id`` are the resolved named actor, or null for
    anonymous or unattributed speech.
    """

    text: str | None = None
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None
    name: str | None = None


class Quote(_Record):
    """A statement: direct ("..."), indirect (he said that ...) or mixed."""

    id: str
    article_id: str
    text: str
    start: int
    end: int
    type: QuoteType
    cue: str | None = None
    speaker: Speaker = Field(default_factory=Speaker)
    cue_span: Offsets | None = None


class EventActor(_Record):
    """The source or target of an event, denormalised for easy querying."""

    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None


class Location(_Record):
    """Where an event happened, when the text says so."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventRecord(_Record):
    """A political event in the PLOVER ontology, with CAMEO code and Goldstein score."""

    id: str
    article_id: str
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    quad: str | None = None
    source: EventActor = Field(default_factory=EventActor)
    target: EventActor | None = None
    date: str | None = None
    location: Location | None = None
    sentence: Offsets
    trigger: Span
    confidence: float = 0.5


class Failure(_Record):
    """An input that could not be turned into a stored article, with where and why."""

    path: str
    line: int | None = None
    reason: str
    stage: str = "ingest"


def normalize_text(text: str) -> str:
    """Normalise text for identity: NFKC, case-folded, non-word runs collapsed.

    Two copies of a story that differ only in whitespace, punctuation or case normalise to
    the same string and so get the same article id.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def article_id_for(text: str) -> str:
    """The stable id of an article: 16 hex chars of the SHA-1 of its normalised text."""
    return hashlib.sha1(normalize_text(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Article(_Record):
    """One news article and everything extracted from it.

    Metadata comes from ingest; ``sentences``, ``mentions``, ``actors``, ``quotes`` and
    ``events`` are filled by the pipeline stages. The parsed spaCy ``Doc`` is available to
    stages as :attr:`doc` while the article is in flight and is never serialized.
    """

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
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[EventRecord] = Field(default_factory=list)

    _doc: Any = PrivateAttr(default=None)

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Article:
        """Build an article from its body text; the id is derived from the text."""
        return cls(id=article_id_for(text), text=text, **metadata)

    @property
    def doc(self) -> Any:
        """The spaCy ``Doc`` of :attr:`text` (only while the article is in the pipeline)."""
        if self._doc is None:
            raise AttributeError(f"article {self.id} has not been parsed by spaCy yet")
        return self._doc

    def attach_doc(self, doc: Any) -> None:
        """Attach the parsed ``Doc`` (done by the pipeline before the stages run)."""
        self._doc = doc

    def release_doc(self) -> None:
        """Drop the ``Doc`` so the article can be pickled or stored cheaply."""
        self._doc = None

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id among the article's actors, if any."""
        if actor_id is None:
            return None
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def export_row(self) -> dict[str, Any]:
        """The article as exported (metadata and text, without the extraction lists)."""
        return self.model_dump(exclude={"sentences", "mentions", "actors", "quotes", "events"})
