"""Scorers: pure functions from gold and predicted records to :class:`PartScore` rows.

Nothing here runs a model or reads a file; each function takes typed records (gold from
:mod:`communique.eval.gold`, predictions as :class:`~communique.model.Quote` and
:class:`~communique.model.EventRecord`) and returns counts and scores, so the unit tests
can check them on tiny hand-made cases.

Quotes (:func:`score_quotes`)
    A prediction matches a gold content when it covers >= 50% of the gold's characters
    (discontinuous gold contents count all their pieces; each piece without the quotation
    marks, spaces and punctuation at its edges, which are no content: our direct quotes
    exclude their marks, PolNeAR's include them); matching is one-to-one, greedy by overlap.
    ``quotes.exact`` needs the same outer boundaries once whitespace, quotation marks and
    final punctuation are trimmed; ``quotes.any`` needs one shared character.
    Per type, only quotes of that type are matched (the prediction's type is classified
    from its text with the same quotation-mark rule the gold uses, see :func:`quote_type_of`);
    ``quotes.type`` is the accuracy of the prediction's own ``type`` field on matched quotes.
    ``speaker.span``: a matched prediction whose speaker span overlaps the gold Source span.
    ``speaker.matched``: the same, as an accuracy over the matched quotes whose gold has a
    Source (a matched prediction without a speaker counts as wrong): the issue's "speaker
    correct for N% of matched quotes".
    ``speaker.name``: a matched prediction whose resolved ``speaker.name`` names the gold's
    resolved speaker (PolNeAR: the antecedent of a pronoun Source; seed: the annotated name).

Events (:func:`score_events`)
    Predictions are paired with gold events one-to-one per document, in stages: same CAMEO
    code, then same CAMEO root, then same PLOVER type, then any leftovers; within a stage the
    pair whose actors agree most comes first. Type P/R/F1 counts pairs of equal type; actor
    accuracies are over gold events whose actors the gold gives (an unpaired gold is wrong);
    the ``*.matched`` parts repeat the country and sector accuracies over paired gold only.

CAMEO roots (:func:`score_cameo_roots`)
    Sentence-level gold roots without actors (the multi-coder ConfliBERT set): one prediction
    kept per root, then :func:`score_events`; P/R/F1 over (sentence, root) pairs.

Example:
    >>> from communique.eval.gold import GoldQuote
    >>> from communique.model import Quote
    >>> gold = [GoldQuote(spans=((0, 10),), type="indirect")]
    >>> pred = [Quote(id="q", article_id="a", text="x", start=0, end=6, type="indirect")]
    >>> score_quotes([(gold, pred, "0123456789")]).parts[0].f1
    1.0
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from communique.eval.gold import GoldActor, GoldDoc, GoldEvent, GoldQuote, GoldSeed
from communique.eval.report import ErrorCase, PartScore
from communique.model import Actor, Article, EventActor, EventRecord, Mention, Quote

__all__ = [
    "EventScores",
    "QuoteScores",
    "content_spans",
    "actor_key",
    "names_match",
    "overlap_ratio",
    "pair_events",
    "quote_type_of",
    "one_per_root",
    "score_cameo_roots",
    "score_events",
    "score_quotes",
    "score_seed_metadata",
    "score_seed_actors",
]

# Double quotation marks, as in the PolNeAR conversion's type heuristic (ORIGIN.md).
QUOTE_MARKS = '\u201c\u201d"\u201e\u00ab\u00bb'
_TRIM = QUOTE_MARKS + " \t\n\r\u00a0,.;:!?"
# The share of a gold content's characters a prediction must cover (the rule).
MATCH_THRESHOLD = 0.5
# Errors kept per kind in a report: enough to read, small enough to print.
MAX_ERRORS = 25
_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the"])
_WORD = re.compile(r"[\w'’-]+")


def overlap_ratio(gold: Sequence[tuple[int, int]], start: int, end: int) -> float:
    """Share of the gold spans' characters that ``[start, end)`` covers (0..1).

    Example:
        >>> overlap_ratio([(0, 10), (20, 30)], 5, 25)
        0.5
    """
    total = sum(e - s for s, e in gold)
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in gold)
    return covered / total if total else 0.0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def content_spans(text: str, gold: GoldQuote) -> GoldQuote:
    """``gold`` with each content span trimmed of quotation marks, spaces and punctuation at
    its edges (a span of nothing else is kept as it is).

    The marks are not what was said: PolNeAR's contents include them, our direct quotes do
    not, and counting them in the 50% overlap would judge that convention, not the quote
    (``“No,” he said`` is 2 content characters of 5). ``quotes.exact`` trims the same way.

    Example:
        >>> g = GoldQuote(spans=((0, 6),), type="direct")
        >>> content_spans('"Yes."', g).spans
        ((1, 4),)
    """
    spans = tuple(_trim(text, s, e) for s, e in gold.spans)
    if any(e <= s for s, e in spans):
        return gold
    return gold.model_copy(update={"spans": spans})


def quote_type_of(text: str, start: int, end: int) -> str:
    """Classify a predicted content span like the PolNeAR conversion classifies gold ones.

    The span is widened by one character on each side when that character is a double
    quotation mark (our direct quotes exclude their marks, PolNeAR's include them); then
    ``direct`` if it starts and ends with a mark, ``mixed`` if it holds one elsewhere,
    ``indirect`` otherwise.

    Example:
        >>> quote_type_of('He said "no way" today', 9, 15)
        'direct'
    """
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    content = text[start:end].strip().rstrip(",.;:")
    if len(content) >= 2 and content[0] in QUOTE_MARKS and content[-1] in QUOTE_MARKS:
        return "direct"
    return "mixed" if any(ch in QUOTE_MARKS for ch in content) else "indirect"


def _name_tokens(name: str) -> list[str]:
    return [w for w in (t.lower().strip(".'’") for t in _WORD.findall(name)) if w and w not in _TITLE_WORDS]


def names_match(predicted: str | None, gold: str | None) -> bool:
    """Whether two names denote the same person: the last word of one is a word of the other.

    Titles and determiners are ignored, so "Mr. Obama" matches "Barack Obama" and "Viktor
    Guminsky" matches "Guminsky".

    Example:
        >>> names_match("Barack Obama", "Mr. Obama"), names_match("Obama", "Clinton")
        (True, False)
    """
    if not predicted or not gold:
        return False
    p, g = _name_tokens(predicted), _name_tokens(gold)
    if not p or not g:
        return False
    return p[-1] in g or g[-1] in p


def _greedy(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs from (score, gold index, pred index), best score first, ties by order."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


def match_quotes(
    gold: Sequence[GoldQuote], pred: Sequence[Quote], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs whose overlap reaches ``threshold`` (0 = any)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ratio = overlap_ratio(g.spans, p.start, p.end)
            if ratio > 0 and ratio >= threshold:
                candidates.append((ratio, gi, pi))
    return _greedy(candidates)


def piece_indices(gold: Sequence[GoldQuote], pred: Sequence[Quote], pairs: Sequence[tuple[int, int]]) -> set[int]:
    """Unpaired predictions that are pieces of an already matched gold statement.

    PolNeAR annotates ``"A," he said. "B."`` as one statement with two content spans; we
    extract two quotes (the second a floating one). The second is not a false alarm: a
    prediction with >= 50% of its own characters inside a matched gold statement's spans
    counts as part of that statement's match (it neither adds a true positive nor a false
    positive), unless it mostly repeats a part another prediction already covers.
    ``quotes.strict`` reports the one-to-one score without this rule.

    Example:
        >>> g = GoldQuote(spans=((0, 10), (20, 30)), type="direct")
        >>> a = Quote(id="a", article_id="x", text="", start=0, end=10, type="direct")
        >>> b = Quote(id="b", article_id="x", text="", start=20, end=30, type="direct")
        >>> piece_indices([g], [a, b], [(0, 0)])
        {1}
    """
    # Per matched gold statement, the character ranges its predictions already cover: a
    # piece must be another part of the statement, not a repeat of a covered part.
    taken: dict[int, list[tuple[int, int]]] = {g: [(pred[p].start, pred[p].end)] for g, p in pairs}
    paired_pred = {p for _, p in pairs}
    pieces: set[int] = set()
    for pi, p in enumerate(pred):
        if pi in paired_pred or p.end <= p.start:
            continue
        own = p.end - p.start
        for gi, ranges in taken.items():
            inside = sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in gold[gi].spans)
            repeated = sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in ranges)
            if inside / own >= MATCH_THRESHOLD and repeated / own < MATCH_THRESHOLD:
                pieces.add(pi)
                ranges.append((p.start, p.end))
                break
    return pieces


@dataclass
class _Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold


@dataclass
class QuoteScores:
    """The result of :func:`score_quotes`: rows and the errors worth reading."""

    parts: list[PartScore]
    errors: list[ErrorCase] = field(default_factory=list)


# Longest text kept in an error case: enough to read a long quote's start and end.
_MAX_CHARS = 600


def _clip(text: str) -> str:
    return text if len(text) <= _MAX_CHARS else text[: _MAX_CHARS // 2] + " [...] " + text[-_MAX_CHARS // 2 :]


def _context(text: str, start: int, end: int, pad: int = 60) -> str:
    return _clip(text[max(0, start - pad) : min(len(text), end + pad)].replace("\n", " "))


def score_quotes(
    docs: Sequence[tuple[Sequence[GoldQuote], Sequence[Quote], str]], doc_ids: Sequence[str] | None = None
) -> QuoteScores:
    """Score predicted quotes against gold quotes over several documents.

    Args:
        docs: per document ``(gold quotes, predicted quotes, article text)``.
        doc_ids: names for the error list (document index otherwise).

    Returns:
        Rows ``quotes`` (>= 50% overlap), ``quotes.exact``, ``quotes.any``, ``quotes.direct``,
        ``quotes.indirect``, ``quotes.mixed``, ``quotes.type``, ``speaker.span``, ``speaker.matched``, ``speaker.name``.
    """
    overall, strict, exact, anyo = _Counts(), _Counts(), _Counts(), _Counts()
    by_type = {t: _Counts() for t in ("direct", "indirect", "mixed")}
    span, name, typed = _Counts(), _Counts(), _Counts()
    matched_with_source = 0  # matched gold quotes that have a Source: speaker.matched's support
    missed: list[tuple[int, ErrorCase]] = []
    spurious: list[tuple[int, ErrorCase]] = []
    wrong_speaker: list[ErrorCase] = []
    for index, (raw_gold, pred, text) in enumerate(docs):
        doc_id = doc_ids[index] if doc_ids else str(index)
        gold = [content_spans(text, g) for g in raw_gold]
        pairs = match_quotes(gold, pred)
        pieces = piece_indices(gold, pred, pairs)
        overall.add(len(pairs), len(pred) - len(pieces), len(gold))
        strict.add(len(pairs), len(pred), len(gold))
        anyo.add(len(match_quotes(gold, pred, threshold=0.0)), len(pred), len(gold))
        trimmed_gold = [_trim(text, g.start, g.end) for g in gold]
        exact_pairs = _greedy(
            [
                (1.0, gi, pi)
                for gi, g in enumerate(trimmed_gold)
                for pi, p in enumerate(pred)
                if _trim(text, p.start, p.end) == g
            ]
        )
        exact.add(len(exact_pairs), len(pred), len(gold))
        pred_types = [quote_type_of(text, p.start, p.end) for p in pred]
        for qtype, counts in by_type.items():
            g_idx = [i for i, g in enumerate(gold) if g.type == qtype]
            p_idx = [i for i, t in enumerate(pred_types) if t == qtype]
            sub_gold, sub_pred = [gold[i] for i in g_idx], [pred[i] for i in p_idx]
            sub = match_quotes(sub_gold, sub_pred)
            counts.add(len(sub), len(p_idx) - len(piece_indices(sub_gold, sub_pred, sub)), len(g_idx))
        # Speakers: judged on the >= 50% pairs only.
        paired = dict(pairs)
        span.n_gold += sum(1 for g in gold if g.speaker_spans)
        span.n_pred += sum(1 for p in pred if p.speaker.start is not None)
        name.n_gold += sum(1 for g in gold if g.antecedent)
        for gi, pi in paired.items():
            g, p = gold[gi], pred[pi]
            typed.add(int(p.type == g.type), 0, 1)
            if g.speaker_spans:
                matched_with_source += 1
            if g.speaker_spans and p.speaker.start is not None and p.speaker.end is not None:
                if overlap_ratio(g.speaker_spans, p.speaker.start, p.speaker.end) > 0:
                    span.tp += 1
                elif len(wrong_speaker) < MAX_ERRORS:
                    wrong_speaker.append(
                        ErrorCase(
                            doc_id=doc_id,
                            kind="wrong speaker span",
                            gold=g.speaker_text,
                            predicted=p.speaker.text,
                            text=_context(text, g.start, g.end),
                        )
                    )
            if g.antecedent and p.speaker.name:
                name.n_pred += 1
                if names_match(p.speaker.name, g.antecedent):
                    name.tp += 1
                elif len(wrong_speaker) < MAX_ERRORS:
                    wrong_speaker.append(
                        ErrorCase(
                            doc_id=doc_id,
                            kind="wrong speaker name",
                            gold=g.antecedent,
                            predicted=p.speaker.name,
                            text=_context(text, g.start, g.end),
                        )
                    )
        found_g = set(paired)
        found_p = set(paired.values())
        for gi, g in enumerate(gold):
            if gi not in found_g:
                missed.append(
                    (
                        g.end - g.start,
                        ErrorCase(
                            doc_id=doc_id,
                            kind=f"missed {g.type} quote",
                            gold=_clip(text[g.start : g.end]),
                            text=_context(text, g.start, g.end),
                        ),
                    )
                )
        for pi, p in enumerate(pred):
            if pi not in found_p and pi not in pieces:
                spurious.append(
                    (
                        p.end - p.start,
                        ErrorCase(
                            doc_id=doc_id,
                            kind="spurious quote",
                            predicted=_clip(text[p.start : p.end]),
                            text=_context(text, p.start, p.end),
                        ),
                    )
                )
    parts = [
        PartScore.prf(
            "quotes",
            overall.tp,
            overall.n_pred,
            overall.n_gold,
            note=">= 50% of the gold content's characters; pieces of a matched statement count once",
        ),
        PartScore.prf(
            "quotes.strict",
            strict.tp,
            strict.n_pred,
            strict.n_gold,
            note="one-to-one: every extra piece is a false alarm",
        ),
        PartScore.prf(
            "quotes.exact", exact.tp, exact.n_pred, exact.n_gold, note="same boundaries, quotes/punctuation trimmed"
        ),
        PartScore.prf("quotes.any", anyo.tp, anyo.n_pred, anyo.n_gold, note="any shared character"),
        *(PartScore.prf(f"quotes.{t}", c.tp, c.n_pred, c.n_gold) for t, c in by_type.items()),
        PartScore.acc("quotes.type", typed.tp, typed.n_gold, note="the quote's own type field, on matched quotes"),
        PartScore.prf("speaker.span", span.tp, span.n_pred, span.n_gold, note="speaker span overlaps the gold Source"),
        PartScore.acc(
            "speaker.matched",
            span.tp,
            matched_with_source,
            note="speaker span overlaps the gold Source, on matched quotes that have one",
        ),
        PartScore.prf(
            "speaker.name", name.tp, name.n_pred, name.n_gold, note="resolved name = gold's resolved speaker"
        ),
    ]
    # Longest misses and false alarms first: they weigh most in a reader's eyes.
    errors = [e for _, e in sorted(missed, key=lambda m: -m[0])[:MAX_ERRORS]]
    errors += [e for _, e in sorted(spurious, key=lambda m: -m[0])[:MAX_ERRORS]]
    return QuoteScores(parts=parts, errors=errors + wrong_speaker)


# --- events --------------------------------------------------------------------------------


def actor_key(actor: EventActor | None) -> str | None:
    """The comparable key of a predicted actor: ``IGO:<org>`` for IGOs, else the ISO3 country.

    Example:
        >>> actor_key(EventActor(country="AZE", sector="GOV")), actor_key(EventActor(igo="CIS"))
        ('AZE', 'IGO:CIS')
    """
    if actor is None:
        return None
    if actor.igo or (actor.sector or "").upper() == "IGO":
        return f"IGO:{actor.igo.upper()}" if actor.igo else "IGO"
    return actor.country.upper() if actor.country else None


def _key_ok(gold: Sequence[str], predicted: str | None) -> bool:
    """A predicted key agrees with any of the gold keys; IGOs agree as IGOs (organisation
    abbreviations differ between coders: Phoenix UNO, our UN), countries must be equal."""
    if predicted is None:
        return False
    for key in gold:
        if key.startswith("IGO") and predicted.startswith("IGO"):
            return True
        if key == predicted:
            return True
    return False


def _side_ok(keys: Sequence[str], actor: EventActor | None) -> bool:
    """Whether a predicted side matches the gold's keys (a side the gold leaves empty is right)."""
    if not keys:
        return True
    pkey = actor_key(actor)
    countries = [k for k in keys if not k.startswith("IGO")]
    return pkey in countries if countries else _key_ok(keys, pkey)


def _agreement(g: GoldEvent, p: EventRecord) -> float:
    return float(_key_ok(g.source, actor_key(p.source))) + float(_key_ok(g.target, actor_key(p.target)))


def pair_events(gold: Sequence[GoldEvent], pred: Sequence[EventRecord]) -> list[tuple[int, int]]:
    """Pair gold and predicted events of one document one-to-one (see the module docstring)."""
    stages: list[Callable[[GoldEvent, EventRecord], bool]] = [
        lambda g, p: bool(g.cameo) and g.cameo == p.cameo,
        lambda g, p: bool(g.cameo) and bool(p.cameo) and (g.cameo or "")[:2] == (p.cameo or "")[:2],
        lambda g, p: g.type is not None and g.type == p.type,
        lambda g, p: True,
    ]
    pairs: list[tuple[int, int]] = []
    for same in stages:
        used_g = {g for g, _ in pairs}
        used_p = {p for _, p in pairs}
        candidates = [
            (_agreement(g, p), gi, pi)
            for gi, g in enumerate(gold)
            if gi not in used_g
            for pi, p in enumerate(pred)
            if pi not in used_p and same(g, p)
        ]
        pairs += _greedy(candidates)
    return pairs


@dataclass
class EventScores:
    """The result of :func:`score_events`."""

    parts: list[PartScore]
    per_class: list[PartScore]
    confusion: dict[str, dict[str, int]]
    errors: list[ErrorCase] = field(default_factory=list)


def _describe(event: GoldEvent | EventRecord) -> str:
    """One line for the error list: type, CAMEO code, source -> target."""
    if isinstance(event, GoldEvent):
        source, target = "/".join(event.source) or "?", "/".join(event.target) or "?"
    else:
        source, target = actor_key(event.source) or "?", actor_key(event.target) or "?"
    return " ".join(x for x in (event.type or "-", event.cameo, source, "->", target) if x)


def score_events(docs: Sequence[tuple[GoldDoc, Sequence[EventRecord]]], cameo: bool = False) -> EventScores:
    """Score predicted events against gold events over several documents.

    Args:
        docs: per document the gold document and the predicted events.
        cameo: also score CAMEO codes (root and full) and the no-event records (PETRARCH-2 GSR).

    Returns:
        Parts ``event_type`` (micro), ``event_type.macro``, ``source.country``, ``target.country``,
        ``source.igo``, ``target.igo``, ``source.sector``, ``target.sector``, and
        ``source.country.matched`` ... ``target.sector.matched`` (the same over paired gold
        events only), ``event_date`` (those with support),
        and with ``cameo``: ``cameo.root``, ``cameo.full``, ``no_event_records``; per-class rows and
        the type confusion matrix (``NONE`` = no event).
    """
    typed = _Counts()
    per: dict[str, _Counts] = defaultdict(_Counts)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    actors = {
        k: _Counts()
        for k in ("source.country", "target.country", "source.igo", "target.igo", "source.sector", "target.sector")
    }
    # The same accuracies over the gold events that were paired with a prediction only, so
    # detection misses (an unpaired gold is wrong above) and actor errors are reported apart.
    matched = {
        f"{k}.matched": _Counts() for k in ("source.country", "target.country", "source.sector", "target.sector")
    }
    root, full, dates, root_given = _Counts(), _Counts(), _Counts(), _Counts()
    quiet_ok = quiet_total = quiet_fp = 0
    errors: list[ErrorCase] = []
    for gdoc, pred in docs:
        gold = list(gdoc.events)
        pairs = pair_events(gold, pred)
        by_gold = dict(pairs)
        paired_p = set(by_gold.values())
        # Predictions paired with a gold event that has no PLOVER type (CAMEO 01/02) of their own
        # root (or without a code) are not judged; one of another root is a wrong prediction.
        judged = [
            pi
            for pi in range(len(pred))
            if not any(
                pi == p
                and gold[g].type is None
                and (not pred[pi].cameo or not gold[g].cameo or (pred[pi].cameo or "")[:2] == (gold[g].cameo or "")[:2])
                for g, p in pairs
            )
        ]
        typed.n_pred += len(judged)
        typed.n_gold += sum(1 for g in gold if g.type)
        for pi in judged:
            per[pred[pi].type].n_pred += 1
        for gi, g in enumerate(gold):
            p = pred[by_gold[gi]] if gi in by_gold else None
            if g.type:
                per[g.type].n_gold += 1
                confusion[g.type][p.type if p else "NONE"] += 1
                if p is not None and p.type == g.type:
                    typed.tp += 1
                    per[g.type].tp += 1
                elif len(errors) < 3 * MAX_ERRORS:
                    errors.append(
                        ErrorCase(
                            doc_id=gdoc.id,
                            kind="wrong event type" if p else "missed event",
                            gold=_describe(g),
                            predicted=_describe(p) if p else None,
                            text=gdoc.text[:300],
                        )
                    )
            for side in ("source", "target"):
                keys: tuple[str, ...] = getattr(g, side)
                pkey = actor_key(getattr(p, side)) if p else None
                countries = [k for k in keys if not k.startswith("IGO")]
                if countries:
                    actors[f"{side}.country"].add(int(pkey in countries), 0, 1)
                    if p is not None:
                        matched[f"{side}.country.matched"].add(int(pkey in countries), 0, 1)
                elif keys:
                    actors[f"{side}.igo"].add(int(_key_ok(keys, pkey)), 0, 1)
                sector = getattr(g, f"{side}_sector")
                if sector:
                    pactor = getattr(p, side) if p else None
                    psector = (pactor.sector or "").upper() if pactor else ""
                    actors[f"{side}.sector"].add(int(psector == sector), 0, 1)
                    if p is not None:
                        matched[f"{side}.sector.matched"].add(int(psector == sector), 0, 1)
            if g.date:
                dates.add(int(p is not None and p.date == g.date), 0, 1)
            if cameo and g.cameo:
                root.n_gold += 1
                full.n_gold += 1
                if p is not None and p.cameo:
                    root.tp += int(p.cameo[:2] == g.cameo[:2])
                    full.tp += int(p.cameo == g.cameo)
                    # Issue 6's measure: the root code on the events whose actors we got right.
                    if (g.source or g.target) and all(
                        _side_ok(getattr(g, side), getattr(p, side)) for side in ("source", "target")
                    ):
                        root_given.add(int(p.cameo[:2] == g.cameo[:2]), 0, 1)
        for pi, p in enumerate(pred):
            if pi not in paired_p:
                confusion["NONE"][p.type] += 1
                if len(errors) < 3 * MAX_ERRORS:
                    errors.append(
                        ErrorCase(doc_id=gdoc.id, kind="spurious event", predicted=_describe(p), text=gdoc.text[:300])
                    )
        if cameo:
            root.n_pred += sum(1 for p in pred if p.cameo)
            full.n_pred += sum(1 for p in pred if p.cameo)
            if gdoc.expect_no_events:
                quiet_total += 1
                quiet_ok += int(not pred)
                quiet_fp += len(pred)
    classes = sorted(per)
    per_class = [PartScore.prf(c, per[c].tp, per[c].n_pred, per[c].n_gold) for c in classes]
    macro = [r for r in per_class if r.n_gold or r.n_pred]
    n = len(macro)
    macro_row = PartScore(
        name="event_type.macro",
        tp=typed.tp,
        n_pred=typed.n_pred,
        n_gold=typed.n_gold,
        precision=sum(r.precision or 0.0 for r in macro) / n if n else 0.0,
        recall=sum(r.recall or 0.0 for r in macro) / n if n else 0.0,
        f1=sum(r.f1 or 0.0 for r in macro) / n if n else 0.0,
        note=f"unweighted mean over {n} classes with gold or predictions",
    )
    parts = [PartScore.prf("event_type", typed.tp, typed.n_pred, typed.n_gold, note="micro"), macro_row]
    if cameo:
        parts += [
            PartScore.prf("cameo.root", root.tp, root.n_pred, root.n_gold),
            PartScore.prf("cameo.full", full.tp, full.n_pred, full.n_gold),
        ]
        if root_given.n_gold:
            parts.append(
                PartScore.acc(
                    "cameo.root_given_actors",
                    root_given.tp,
                    root_given.n_gold,
                    note="root code of paired events whose source and target are right",
                )
            )
    for key, counts in actors.items():
        if counts.n_gold:
            parts.append(PartScore.acc(key, counts.tp, counts.n_gold))
    for key, counts in matched.items():
        if actors[key.removesuffix(".matched")].n_gold:
            parts.append(
                PartScore.acc(key, counts.tp, counts.n_gold, note="on the gold events paired with a prediction")
            )
    if dates.n_gold:
        parts.append(PartScore.acc("event_date", dates.tp, dates.n_gold, note="paired event's date = gold date"))
    if cameo:
        parts.append(
            PartScore.acc(
                "no_event_records",
                quiet_ok,
                quiet_total,
                n_pred=quiet_fp,
                note="records that must yield no event; pred = false-positive events",
            )
        )
    matrix = {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())}
    return EventScores(parts=parts, per_class=per_class, confusion=matrix, errors=errors)


# --- CAMEO roots of a multi-coder set ---------------------------------------------------------

# CAMEO roots of statements (01) and appeals (02): no PLOVER type (see score_events).
STATEMENT_ROOTS = frozenset({"01", "02"})


def one_per_root(pred: Sequence[EventRecord]) -> list[EventRecord]:
    """The first predicted event of each CAMEO root (of each type when it has no code).

    The gold of a multi-coder set is a set of roots per sentence, while the ``cameo``
    convention emits a record per actor pair and both directions of a mutual act; scoring
    (sentence, root) pairs keeps one record per root.
    """
    seen: set[str] = set()
    kept = []
    for event in pred:
        key = f"root:{event.cameo[:2]}" if event.cameo else f"type:{event.type}"
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _retyped(event: EventRecord, root_type: Callable[[str], str | None]) -> EventRecord:
    plover = root_type(event.cameo[:2]) if event.cameo else None
    return event.model_copy(update={"type": plover}) if plover and plover != event.type else event


def score_cameo_roots(
    docs: Sequence[tuple[GoldDoc, Sequence[EventRecord]]], root_type: Callable[[str], str | None] | None = None
) -> EventScores:
    """Score predictions against sentence-level gold CAMEO roots (``conflibert``).

    Each gold document's events are its agreed roots (no actors, no full codes). Predictions
    are reduced to one per root (:func:`one_per_root`) and scored by :func:`score_events`
    with ``cameo=True``, so ``cameo.root`` is P/R/F1 over (sentence, root) pairs and roots
    01/02 are treated as there: counted in ``cameo.root``, left out of ``event_type``.
    ``cameo.full`` is dropped (the gold has roots only).

    Types are compared at the gold's resolution: the gold type is its root's PLOVER type, and
    ``root_type`` (root -> PLOVER type, e.g. :func:`communique.eval.gold.cameo_to_plover`)
    retypes each prediction from its root, so a right root is a right type (the 2021 table
    types 0841 RETREAT under the root 08 CONCEDE). A prediction whose root has no type (our
    020 appeals) keeps its own, as in ``petr2_gsr``. Without ``root_type`` predictions keep theirs.

    Adds ``cameo.root.acts`` (the same over roots 03-20 only, statements and appeals left out
    on both sides) and ``relevance``: accuracy over the documents with a verdict (agreed roots
    or agreed no event) of "we emit some event" against "the coders agree on an event" (its
    ``n_pred``: the documents where we emit one).

    Example:
        >>> from communique.eval.gold import GoldEvent
        >>> gold = GoldDoc(id="s", text="x", events=(GoldEvent(type="ASSAULT", cameo="18"),))
        >>> [p.name for p in score_cameo_roots([(gold, [])]).parts][:3]
        ['event_type', 'event_type.macro', 'cameo.root']
    """
    reduced = [(gold, one_per_root(pred)) for gold, pred in docs]
    if root_type is not None:
        reduced = [(gold, [_retyped(p, root_type) for p in pred]) for gold, pred in reduced]
    scored = score_events(reduced, cameo=True)
    acts = _Counts()
    relevance = judged = emitted = 0
    for gold, pred in reduced:
        gold_roots = {(g.cameo or "")[:2] for g in gold.events} - STATEMENT_ROOTS
        pred_roots = {p.cameo[:2] for p in pred if p.cameo} - STATEMENT_ROOTS
        acts.add(len(gold_roots & pred_roots), len(pred_roots), len(gold_roots))
        if gold.events or gold.expect_no_events:
            judged += 1
            emitted += int(bool(pred))
            relevance += int(bool(pred) == bool(gold.events))
    parts: list[PartScore] = []
    for part in scored.parts:
        if part.name == "cameo.full":
            continue
        parts.append(part)
        if part.name == "cameo.root":
            parts.append(
                PartScore.prf(
                    "cameo.root.acts",
                    acts.tp,
                    acts.n_pred,
                    acts.n_gold,
                    note="roots 03-20: 01/02 left out on both sides",
                )
            )
    parts.append(
        PartScore.acc(
            "relevance",
            relevance,
            judged,
            n_pred=emitted,
            note="some event emitted = coders agree on an event (else on none); pred = texts with an event",
        )
    )
    return EventScores(parts=parts, per_class=scored.per_class, confusion=scored.confusion, errors=scored.errors)


# --- seed-only parts -------------------------------------------------------------------------


def _norm(name: str) -> str:
    """Case-folded words, without a leading "the" (spaCy includes it in ORG spans, names do not)."""
    words = _WORD.findall(name.casefold())
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def score_seed_metadata(gold: GoldSeed, article: Article) -> PartScore:
    """Accuracy over date, publisher and the relaying agencies (as a set, case-insensitive)."""
    checks = [
        gold.date == article.date,
        _norm(gold.publisher or "") == _norm(article.publisher or ""),
        {_norm(a) for a in gold.relayed_from} == {_norm(a) for a in article.relayed_from},
    ]
    return PartScore.acc("metadata", sum(checks), len(checks), note="date, publisher, relayed_from")


def _gold_names(actor: GoldActor) -> set[str]:
    return {_norm(actor.name), *(_norm(a) for a in actor.aliases)}


def _resolve_gold_actor(gold: GoldActor, actors: Sequence[Actor], mentions: Sequence[Mention]) -> Actor | None:
    """The predicted actor a gold actor resolves to: one named like it, else the actor of a
    mention written like it (bodies of an IGO may resolve to the IGO itself)."""
    names = _gold_names(gold)
    for actor in actors:
        if _norm(actor.name) in names:
            return actor
    by_id = {a.id: a for a in actors}
    for mention in mentions:
        if mention.actor_id in by_id and _norm(mention.text) in names:
            return by_id[mention.actor_id]
    return None


def score_seed_actors(
    gold: Sequence[GoldActor], actors: Sequence[Actor], mentions: Sequence[Mention]
) -> list[PartScore]:
    """Seed actors: recognised as a mention, resolved to an actor, and given the right code.

    A gold actor is resolved when a canonical actor bears one of its names, or when a mention
    written as one of its names points to a canonical actor (so "the Ministerial Council"
    resolved to the CIS counts; several gold actors may share one predicted actor).

    Returns:
        ``mentions`` (accuracy: gold actors written as some mention), ``actors`` (recall: gold
        actors resolved; precision: predicted actors some gold actor resolves to) and
        ``actor_codes`` (accuracy of the resolved actor's ``code`` over gold actors with one).
    """
    mention_texts = {_norm(m.text) for m in mentions}
    found = sum(1 for g in gold if _gold_names(g) & mention_texts)
    resolved = [_resolve_gold_actor(g, actors, mentions) for g in gold]
    used = {a.id for a in resolved if a is not None}
    hits = sum(1 for a in resolved if a is not None)
    p, r = (len(used) / len(actors) if actors else 0.0), (hits / len(gold) if gold else 0.0)
    actors_row = PartScore(
        name="actors",
        tp=hits,
        n_pred=len(actors),
        n_gold=len(gold),
        precision=p,
        recall=r,
        f1=2 * p * r / (p + r) if p + r else 0.0,
        note="gold actors resolved to a canonical actor (by its name or a mention's)",
    )
    coded = [(g, a) for g, a in zip(gold, resolved, strict=True) if g.code]
    right = sum(1 for g, a in coded if a is not None and a.code == g.code)
    return [
        PartScore.acc("mentions", found, len(gold), note="gold actors found as a mention"),
        actors_row,
        PartScore.acc("actor_codes", right, len(coded)),
    ]
