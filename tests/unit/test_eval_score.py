"""The scorers on tiny hand-made cases: perfect, empty, partial overlap, wrong speaker, wrong type."""

from __future__ import annotations

import pytest

from communique.eval.gold import GoldActor, GoldDoc, GoldEvent, GoldQuote, GoldSeed
from communique.eval.report import PartScore
from communique.eval.score import (
    actor_key,
    names_match,
    one_per_root,
    overlap_ratio,
    pair_events,
    quote_type_of,
    score_cameo_roots,
    score_events,
    score_quotes,
    score_seed_actors,
    score_seed_metadata,
)
from communique.model import Actor, Article, EventActor, EventRecord, Mention, Offsets, Quote, Span, Speaker

# An invented two-statement text; offsets below are computed from it, not typed by hand.
TEXT = 'The minister said the border will reopen soon. "We are ready," she added.'
INDIRECT = (TEXT.index("the border"), TEXT.index(" soon") + len(" soon"))
DIRECT = (TEXT.index("We are"), TEXT.index("ready,") + len("ready,"))
MINISTER = (TEXT.index("The minister"), TEXT.index("The minister") + len("The minister"))
SHE = (TEXT.index("she"), TEXT.index("she") + 3)


def gold_quotes() -> list[GoldQuote]:
    return [
        GoldQuote(spans=(INDIRECT,), type="indirect", speaker_text="The minister", speaker_spans=(MINISTER,)),
        GoldQuote(
            spans=(DIRECT,), type="direct", speaker_text="she", speaker_spans=(SHE,), antecedent="Minister Anna Berg"
        ),
    ]


def quote(
    span: tuple[int, int], qtype: str = "indirect", speaker: tuple[int, int] | None = None, name: str | None = None
) -> Quote:
    who = (
        Speaker(text=TEXT[speaker[0] : speaker[1]], start=speaker[0], end=speaker[1], name=name)
        if speaker
        else Speaker(name=name)
    )
    return Quote(
        id=f"q{span[0]}",
        article_id="a",
        text=TEXT[span[0] : span[1]],
        start=span[0],
        end=span[1],
        type=qtype,
        speaker=who,
    )  # type: ignore[arg-type]


def parts(pred: list[Quote]) -> dict[str, PartScore]:
    return {p.name: p for p in score_quotes([(gold_quotes(), pred, TEXT)]).parts}


def test_eval_score_quotes_perfect() -> None:
    pred = [quote(INDIRECT, speaker=MINISTER), quote(DIRECT, "direct", speaker=SHE, name="Anna Berg")]
    scores = parts(pred)
    for name in (
        "quotes",
        "quotes.exact",
        "quotes.any",
        "quotes.direct",
        "quotes.indirect",
        "speaker.span",
        "speaker.name",
    ):
        assert scores[name].f1 == 1.0, name
    assert scores["quotes.mixed"].n_gold == 0 and scores["quotes.mixed"].f1 == 0.0
    assert scores["quotes.type"].accuracy == 1.0


def test_eval_score_speaker_matched_counts_a_missing_speaker_as_wrong() -> None:
    # Both quotes match; one speaker is right, the other quote has none: 1 of 2 matched.
    scores = parts([quote(INDIRECT, speaker=MINISTER), quote(DIRECT, "direct")])
    assert scores["speaker.matched"].accuracy == 0.5
    assert scores["speaker.matched"].n_gold == 2
    # An unmatched prediction is not judged: only the matched quote's speaker counts.
    scores = parts([quote(INDIRECT, speaker=MINISTER), quote((0, 3), speaker=SHE)])
    assert scores["speaker.matched"].accuracy == 1.0 and scores["speaker.matched"].n_gold == 1


def test_eval_score_quote_marks_are_no_content() -> None:
    # One gold statement in two pieces, marks included; our first quote holds its words only.
    text = '"We will stay," he said. "We will win."'
    first = (0, text.index(" he"))
    second = (text.index('"We will win'), len(text))
    gold = [GoldQuote(spans=(first, second), type="direct")]
    ours = (1, text.index('" he'))
    pred = [Quote(id="q", article_id="a", text=text[ours[0] : ours[1]], start=ours[0], end=ours[1], type="direct")]
    scores = {p.name: p for p in score_quotes([(gold, pred, text)]).parts}
    assert scores["quotes.direct"].tp == 1
    # Only the edges are trimmed: a third of the words is still no match.
    ours = (1, text.index(" will"))
    pred = [Quote(id="q", article_id="a", text=text[ours[0] : ours[1]], start=ours[0], end=ours[1], type="direct")]
    scores = {p.name: p for p in score_quotes([(gold, pred, text)]).parts}
    assert scores["quotes"].tp == 0


def test_eval_score_quotes_empty_prediction_scores_zero() -> None:
    scores = parts([])
    assert (scores["quotes"].precision, scores["quotes"].recall, scores["quotes"].f1) == (0.0, 0.0, 0.0)
    assert scores["quotes"].n_gold == 2 and scores["quotes"].n_pred == 0


def test_eval_score_quotes_empty_gold_and_prediction() -> None:
    result = score_quotes([([], [], TEXT)])
    assert all(p.n_gold == 0 and (p.f1 or 0.0) == 0.0 and (p.accuracy or 0.0) == 0.0 for p in result.parts)


@pytest.mark.parametrize(
    ("share", "matched", "any_overlap"),
    [(1.0, 1, 1), (0.5, 1, 1), (0.4, 0, 1), (0.0, 0, 0)],
)
def test_eval_score_quotes_partial_overlap_threshold(share: float, matched: int, any_overlap: int) -> None:
    start, end = INDIRECT
    cut = start + round((end - start) * share)
    pred = [quote((start, cut))] if cut > start else [quote((0, 3))]
    scores = parts(pred)
    assert scores["quotes"].tp == matched
    assert scores["quotes.any"].tp == any_overlap
    assert scores["quotes.exact"].tp == (1 if share == 1.0 else 0)


def test_eval_score_quotes_exact_ignores_quote_marks_and_punctuation() -> None:
    start, end = DIRECT
    # The gold of PolNeAR includes the quotation marks; ours excludes them and the comma.
    gold = [GoldQuote(spans=((start - 1, end + 1),), type="direct")]
    pred = [quote((start, end - 1), "direct")]
    scores = {p.name: p for p in score_quotes([(gold, pred, TEXT)]).parts}
    assert scores["quotes.exact"].tp == 1


def test_eval_score_quotes_wrong_speaker() -> None:
    pred = [quote(INDIRECT, speaker=SHE), quote(DIRECT, "direct", speaker=MINISTER, name="Ahmed Kaya")]
    scores = parts(pred)
    assert scores["quotes"].f1 == 1.0
    assert scores["speaker.span"].tp == 0 and scores["speaker.span"].n_pred == 2
    assert scores["speaker.name"].tp == 0 and scores["speaker.name"].n_gold == 1
    kinds = {e.kind for e in score_quotes([(gold_quotes(), pred, TEXT)]).errors}
    assert {"wrong speaker span", "wrong speaker name"} <= kinds


def test_eval_score_quotes_wrong_type() -> None:
    # The indirect statement predicted as if it were quoted: the span matches, the type does not.
    text = 'He said "the border will reopen soon" today.'
    start = text.index("the border")
    end = text.index(" today") - 1
    gold = [GoldQuote(spans=((start, end),), type="indirect")]
    pred = [Quote(id="q", article_id="a", text=text[start:end], start=start, end=end, type="direct")]
    scores = {p.name: p for p in score_quotes([(gold, pred, text)]).parts}
    assert scores["quotes"].tp == 1
    assert scores["quotes.indirect"].tp == 0 and scores["quotes.indirect"].n_gold == 1
    assert scores["quotes.direct"].n_pred == 1 and scores["quotes.direct"].tp == 0
    assert scores["quotes.type"].accuracy == 0.0 and scores["quotes.type"].n_gold == 1


def test_eval_score_quotes_one_to_one() -> None:
    pred = [quote(INDIRECT), quote(INDIRECT)]
    assert parts(pred)["quotes"].tp == 1
    assert parts(pred)["quotes"].precision == 0.5


@pytest.mark.parametrize(
    ("spans", "start", "end", "expected"),
    [
        ([(0, 10)], 0, 10, 1.0),
        ([(0, 10)], 5, 20, 0.5),
        ([(0, 10), (20, 30)], 0, 10, 0.5),
        ([(0, 10)], 10, 20, 0.0),
        ([], 0, 5, 0.0),
    ],
)
def test_eval_score_overlap_ratio(spans: list[tuple[int, int]], start: int, end: int, expected: float) -> None:
    assert overlap_ratio(spans, start, end) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ('He said "we are ready" now', ("we are ready",), "direct"),
        ("He said we are ready now", ("we are ready",), "indirect"),
        ('He said we are "ready" now', ('we are "ready"',), "mixed"),
        ("\u201cWe are ready,\u201d she said", ("We are ready,",), "direct"),
    ],
)
def test_eval_score_quote_type_of(text: str, span: tuple[str], expected: str) -> None:
    start = text.index(span[0])
    assert quote_type_of(text, start, start + len(span[0])) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Barack Obama", "Mr. Obama", True),
        ("Obama", "President Barack Obama", True),
        ("Viktor Guminsky", "Viktor Guminsky", True),
        ("Hillary Clinton", "Donald Trump", False),
        (None, "Trump", False),
        ("Trump", None, False),
    ],
)
def test_eval_score_names_match(predicted: str | None, gold: str | None, expected: bool) -> None:
    assert names_match(predicted, gold) is expected


# --- events ---------------------------------------------------------------------------------

SENTENCE = "Rivaland accused Norland of shelling the border villages."


def event(
    etype: str,
    source: str | None = "AAA",
    target: str | None = "BBB",
    cameo: str | None = None,
    sector: str | None = None,
) -> EventRecord:
    def side(key: str | None) -> EventActor | None:
        if key is None:
            return None
        if key.startswith("IGO"):
            return EventActor(igo=key[4:] or None, sector="IGO")
        return EventActor(country=key, sector=sector)

    return EventRecord(
        id=f"e{etype}",
        article_id="a",
        type=etype,
        cameo=cameo,
        source=side(source) or EventActor(),
        target=side(target),
        sentence=Offsets(start=0, end=len(SENTENCE)),
        trigger=Span(start=9, end=16, text="accused"),
    )


def gold_doc(*events: GoldEvent, quiet: bool = False) -> GoldDoc:
    return GoldDoc(id="d", text=SENTENCE, events=events, expect_no_events=quiet)


ACCUSE = GoldEvent(type="ACCUSE", source=("AAA",), target=("BBB",), source_sector="GOV")


def event_parts(gold: GoldDoc, pred: list[EventRecord], cameo: bool = False) -> dict[str, PartScore]:
    return {p.name: p for p in score_events([(gold, pred)], cameo=cameo).parts}


def test_eval_score_events_perfect() -> None:
    scores = event_parts(gold_doc(ACCUSE), [event("ACCUSE", sector="GOV")])
    assert scores["event_type"].f1 == 1.0 and scores["event_type.macro"].f1 == 1.0
    assert scores["source.country"].accuracy == 1.0 and scores["target.country"].accuracy == 1.0
    assert scores["source.sector"].accuracy == 1.0


def test_eval_score_events_empty_prediction() -> None:
    result = score_events([(gold_doc(ACCUSE), [])])
    scores = {p.name: p for p in result.parts}
    assert scores["event_type"].recall == 0.0 and scores["source.country"].accuracy == 0.0
    assert result.confusion == {"ACCUSE": {"NONE": 1}}


def test_eval_score_events_wrong_type_keeps_actor_scores() -> None:
    result = score_events([(gold_doc(ACCUSE), [event("ASSAULT")])])
    scores = {p.name: p for p in result.parts}
    assert scores["event_type"].tp == 0 and scores["event_type"].n_pred == 1
    assert scores["source.country"].accuracy == 1.0
    assert result.confusion == {"ACCUSE": {"ASSAULT": 1}}
    assert {r.name for r in result.per_class} == {"ACCUSE", "ASSAULT"}


def test_eval_score_events_wrong_actors() -> None:
    scores = event_parts(gold_doc(ACCUSE), [event("ACCUSE", source="BBB", target="AAA")])
    assert scores["event_type"].f1 == 1.0
    assert scores["source.country"].accuracy == 0.0 and scores["target.country"].accuracy == 0.0


def test_eval_score_events_matched_parts_leave_out_unpaired_gold() -> None:
    # Two gold events, one paired with right actors, one missed: the headline accuracy counts
    # the miss as wrong, the matched part judges only the paired one.
    other = GoldEvent(type="ASSAULT", source=("CCC",), target=("DDD",), source_sector="MIL")
    scores = event_parts(gold_doc(ACCUSE, other), [event("ACCUSE", sector="GOV")])
    assert scores["source.country"].accuracy == 0.5 and scores["source.country"].n_gold == 2
    assert scores["source.country.matched"].accuracy == 1.0 and scores["source.country.matched"].n_gold == 1
    assert scores["target.country.matched"].accuracy == 1.0
    assert scores["source.sector"].accuracy == 0.5 and scores["source.sector.matched"].accuracy == 1.0
    assert "target.sector.matched" not in scores


def test_eval_score_events_matched_parts_judge_paired_actors() -> None:
    scores = event_parts(gold_doc(ACCUSE), [event("ACCUSE", source="BBB", target="AAA")])
    assert scores["source.country.matched"].accuracy == 0.0 and scores["source.country.matched"].n_gold == 1


def test_eval_score_events_pairing_prefers_agreeing_actors() -> None:
    gold = gold_doc(ACCUSE, GoldEvent(type="ACCUSE", source=("CCC",), target=("AAA",)))
    pred = [event("ACCUSE", source="CCC", target="AAA"), event("ACCUSE")]
    assert pair_events(gold.events, pred) == [(0, 1), (1, 0)]


def test_eval_score_events_igo_actors_match_as_igo() -> None:
    gold = gold_doc(GoldEvent(type="SUPPORT", source=("IGO:UNO",), target=("BBB",)))
    scores = event_parts(gold, [event("SUPPORT", source="IGO:UN")])
    assert scores["source.igo"].accuracy == 1.0 and "source.country" not in scores


def test_eval_score_events_cameo_and_no_event_records() -> None:
    gold = gold_doc(GoldEvent(type="ACCUSE", cameo="112", source=("AAA",), target=("BBB",)))
    scores = event_parts(gold, [event("ACCUSE", cameo="111")], cameo=True)
    assert scores["cameo.root"].tp == 1 and scores["cameo.full"].tp == 0
    quiet = event_parts(gold_doc(quiet=True), [event("ACCUSE")], cameo=True)
    assert quiet["no_event_records"].accuracy == 0.0 and quiet["no_event_records"].n_pred == 1
    assert quiet["event_type"].precision == 0.0 and quiet["event_type"].n_pred == 1


def test_eval_score_events_untyped_gold_is_not_judged() -> None:
    # CAMEO 01/02 (statements, appeals) have no PLOVER type: a prediction paired with one is not a type error.
    gold = gold_doc(GoldEvent(type=None, cameo="010", source=("AAA",)))
    scores = event_parts(gold, [event("CONSULT", cameo="010")], cameo=True)
    assert scores["event_type"].n_pred == 0 and scores["event_type"].n_gold == 0
    assert scores["cameo.full"].tp == 1
    # a prediction of another root paired with it (the last pairing stage) is a wrong prediction
    scores = event_parts(gold, [event("ASSAULT", cameo="182")], cameo=True)
    assert scores["event_type"].n_pred == 1 and scores["event_type"].tp == 0


# --- sentence-level CAMEO roots (conflibert) ------------------------------------------------

ROOT_TYPES = {"08": "CONCEDE", "11": "ACCUSE", "18": "ASSAULT", "19": "ASSAULT"}


def root_parts(*docs: tuple[GoldDoc, list[EventRecord]]) -> dict[str, PartScore]:
    return {p.name: p for p in score_cameo_roots(list(docs), root_type=ROOT_TYPES.get).parts}


def roots_doc(*roots: str, quiet: bool = False) -> GoldDoc:
    return gold_doc(*(GoldEvent(type=ROOT_TYPES.get(r), cameo=r) for r in roots), quiet=quiet)


def test_eval_score_cameo_roots_one_prediction_per_root() -> None:
    # The cameo convention emits both directions of an act: one (sentence, root) pair.
    pred = [event("ACCUSE", cameo="112"), event("ACCUSE", source="BBB", target="AAA", cameo="111")]
    assert [e.cameo for e in one_per_root(pred)] == ["112"]
    scores = root_parts((roots_doc("11"), pred))
    assert (scores["cameo.root"].tp, scores["cameo.root"].n_pred, scores["cameo.root"].n_gold) == (1, 1, 1)
    assert "cameo.full" not in scores and scores["relevance"].accuracy == 1.0


def test_eval_score_cameo_roots_statements_count_in_roots_not_types() -> None:
    # Gold 01 (statement) + 18; we find the attack only: root recall 1/2, type recall 1/1.
    scores = root_parts((roots_doc("01", "18"), [event("ASSAULT", cameo="190")]))
    assert scores["cameo.root"].n_gold == 2 and scores["cameo.root"].tp == 0
    assert scores["event_type"].tp == 1 and scores["event_type"].n_gold == 1
    assert scores["cameo.root.acts"].n_gold == 1 and scores["cameo.root.acts"].n_pred == 1


def test_eval_score_cameo_roots_type_is_the_roots() -> None:
    # 0841 is RETREAT in the 2021 table, but the gold says only "root 08" (CONCEDE).
    scores = root_parts((roots_doc("08"), [event("RETREAT", cameo="0841")]))
    assert scores["event_type"].f1 == 1.0 and scores["cameo.root"].f1 == 1.0


def test_eval_score_cameo_roots_no_event_and_relevance() -> None:
    scores = root_parts(
        (roots_doc(quiet=True), [event("ACCUSE", cameo="111")]),
        (roots_doc(quiet=True), []),
        (roots_doc("18"), []),
        (gold_doc(), [event("ACCUSE", cameo="111")]),  # no verdict: not in relevance
    )
    assert scores["no_event_records"].accuracy == 0.5 and scores["no_event_records"].n_pred == 1
    assert scores["relevance"].tp == 1 and scores["relevance"].n_gold == 3 and scores["relevance"].n_pred == 1
    assert scores["cameo.root"].n_pred == 2 and scores["cameo.root"].tp == 0


@pytest.mark.parametrize(
    ("actor", "key"),
    [
        (EventActor(country="AZE", sector="GOV"), "AZE"),
        (EventActor(igo="CIS", sector="IGO"), "IGO:CIS"),
        (EventActor(sector="IGO"), "IGO"),
        (EventActor(), None),
        (None, None),
    ],
)
def test_eval_score_actor_key(actor: EventActor | None, key: str | None) -> None:
    assert actor_key(actor) == key


@pytest.mark.parametrize(
    ("publisher", "relayed", "expected"),
    [("Trend", ["BelTA"], 1.0), ("trend", ["belta"], 1.0), ("Reuters", ["BelTA"], 2 / 3), (None, [], 1 / 3)],
)
def test_eval_score_seed_metadata(publisher: str | None, relayed: list[str], expected: float) -> None:
    gold = GoldSeed(date="2018-11-14", publisher="Trend", relayed_from=("BelTA",))
    article = Article.from_text("x", date="2018-11-14", publisher=publisher, relayed_from=relayed)
    assert score_seed_metadata(gold, article).accuracy == pytest.approx(expected)


SEED_ACTORS = [
    GoldActor(name="Norland", kind="country", code="NRL"),
    GoldActor(name="Union of Seas", aliases=("UoS",), kind="organization", code="IGOUOS"),
    GoldActor(name="Council of Captains", kind="organization", code="IGOUOS"),
]


@pytest.mark.parametrize(
    ("actors", "mentions", "expected"),
    [
        # perfect: the council is written as a mention that resolves to the union itself
        (
            [Actor(id="n", name="Norland", code="NRL"), Actor(id="u", name="Union of Seas", code="IGOUOS")],
            [Mention(text="the Council of Captains", label="ORG", start=0, end=23, actor_id="u")],
            {"mentions": 1 / 3, "actors.recall": 1.0, "actors.precision": 1.0, "actor_codes": 1.0},
        ),
        # empty
        ([], [], {"mentions": 0.0, "actors.recall": 0.0, "actors.precision": 0.0, "actor_codes": 0.0}),
        # wrong code, and one spurious actor
        (
            [Actor(id="n", name="Norland", code="NRLGOV"), Actor(id="x", name="Captain Ode", code=None)],
            [Mention(text="Norland", label="GPE", start=0, end=7, actor_id="n")],
            {"mentions": 1 / 3, "actors.recall": 1 / 3, "actors.precision": 0.5, "actor_codes": 0.0},
        ),
    ],
)
def test_eval_score_seed_actors(actors: list[Actor], mentions: list[Mention], expected: dict[str, float]) -> None:
    rows = {r.name: r for r in score_seed_actors(SEED_ACTORS, actors, mentions)}
    assert rows["mentions"].accuracy == pytest.approx(expected["mentions"])
    assert rows["actors"].recall == pytest.approx(expected["actors.recall"])
    assert rows["actors"].precision == pytest.approx(expected["actors.precision"])
    assert rows["actor_codes"].accuracy == pytest.approx(expected["actor_codes"])


@pytest.mark.parametrize(("predicted", "expected"), [("2018-11-14", 1.0), ("2018-11-13", 0.0), (None, 0.0)])
def test_eval_score_events_date(predicted: str | None, expected: float) -> None:
    gold = gold_doc(GoldEvent(type="ACCUSE", source=("AAA",), target=("BBB",), date="2018-11-14"))
    pred = event("ACCUSE").model_copy(update={"date": predicted})
    assert event_parts(gold, [pred])["event_date"].accuracy == expected


def test_eval_score_pieces_of_one_statement_count_once() -> None:
    from communique.eval.gold import GoldQuote
    from communique.eval.score import piece_indices

    gold = [GoldQuote(spans=((0, 40), (60, 100)), type="direct")]
    first = Quote(id="a", article_id="x", text="", start=0, end=40, type="direct")
    second = Quote(id="b", article_id="x", text="", start=60, end=100, type="direct")
    repeat = Quote(id="c", article_id="x", text="", start=2, end=38, type="direct")
    elsewhere = Quote(id="d", article_id="x", text="", start=120, end=150, type="direct")
    assert piece_indices(gold, [first, second, repeat, elsewhere], [(0, 0)]) == {1}


@pytest.mark.parametrize(
    ("source", "target", "cameo", "expected"),
    [
        ("AAA", "BBB", "112", 1.0),  # actors right, root right
        ("AAA", "BBB", "120", 0.0),  # actors right, root wrong
        ("BBB", "AAA", "112", None),  # actors wrong: not judged
    ],
)
def test_eval_score_events_cameo_root_given_actors(source, target, cameo, expected) -> None:
    gold = gold_doc(GoldEvent(type="ACCUSE", cameo="111", source=("AAA",), target=("BBB",)))
    scores = event_parts(gold, [event("ACCUSE", source=source, target=target, cameo=cameo)], cameo=True)
    row = scores.get("cameo.root_given_actors")
    assert (row.accuracy if row else None) == expected
