"""Build a quote model (JSON weights): the learned attributions of the quote stage.

Trains a logistic model over the candidates of :mod:`communique.extract._quote_model` on
**PolNeAR train only** (dev stays for measuring, the held-back test for independent scoring):

1. every train article is parsed by the configured pipeline up to the actors stage and the
   quote rules run without the model;
2. a candidate that overlaps no rule statement is positive when it covers >= 50% of a gold
   content the rules missed (the eval's match rule) and its speaker span overlaps the gold
   Source (when the gold has one), negative otherwise: a content with the wrong speaker is
   not worth adding;
3. the threshold is chosen by two-fold cross-validation on train, scoring the whole stage
   (rules plus model) with the eval's scorer: the best ``quotes`` F1, a tie (to three
   decimals) going to the higher threshold;
4. the model is refitted on all of train and written as a table of feature weights (features
   seen fewer than ``--min-count`` times are dropped).

Needs scikit-learn (the ``train`` extra: ``pip install -e ".[train]"``); the stage itself
reads the JSON with the standard library.

Usage:
    python scripts/train_quote_model.py [--limit N] [--out quote_model.json]

then name the file in your settings (``[quotes] model_file = "quote_model.json"``). The model is
not shipped with the package: PolNeAR carries no licence for its data (see its ORIGIN.md), so
weights learned from it are for those who may use it, not for redistribution.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from communique.eval.gold import GoldDoc, load_dataset
from communique.eval.score import match_quotes, overlap_ratio, score_quotes
from communique.extract._quote_model import QuoteModel, candidates
from communique.extract.quotes import QuoteExtractor
from communique.extract.speakers import SpeakerResolver
from communique.model import Article

OUT = Path("quote_model.json")
# Inverse regularisation strength; 0.5 was best of 0.1/0.5/2 in two-fold CV on train.
C = 0.5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def parse(golds: Sequence[GoldDoc]) -> list[Article]:
    """The gold texts through the pipeline's parse, mentions and actors stages (as eval runs them)."""
    from communique.eval.runner import _articles
    from communique.pipeline import Pipeline

    pipe = Pipeline(stage_names=["mentions.spacy.v1", "actors.rules.v1"])
    articles = _articles(golds)
    done: list[Article] = []
    for i in range(0, len(articles), 32):
        batch = articles[i : i + 32]
        pipe.parse(batch)
        for article in batch:
            result = pipe.apply_stages(article)
            assert isinstance(result, Article)
            done.append(result)
        print(f"parsed {len(done)}/{len(articles)}", file=sys.stderr)
    return done


def examples(golds: Sequence[GoldDoc], articles: Sequence[Article]) -> list[tuple[int, tuple[str, ...], int]]:
    """``(document index, features, label)`` for every candidate that no rule statement overlaps."""
    rules = QuoteExtractor(attributions=False)
    found: list[tuple[int, tuple[str, ...], int]] = []
    for index, (gold, article) in enumerate(zip(golds, articles, strict=True)):
        predicted = rules.extract(article)
        matched = {g for g, _ in match_quotes(gold.quotes, predicted)}
        open_gold = [q for k, q in enumerate(gold.quotes) if k not in matched]
        taken = [(q.start, q.end) for q in predicted]
        doc = article.doc
        cues = {q.cue_span.start for q in predicted if q.cue_span is not None}
        cue_tokens = {t.i for t in doc if t.idx in cues}
        resolver = SpeakerResolver(article)
        for candidate in candidates(doc, taken, cue_tokens):
            start = doc[candidate.first].idx
            end = doc[candidate.last].idx + len(doc[candidate.last].text)
            speaker: tuple[int, int] | None = None
            if candidate.speaker is not None:
                first, last = resolver.speaker_tokens(candidate.speaker)
                speaker = (doc[first].idx, doc[last].idx + len(doc[last].text))
            label = int(
                any(
                    overlap_ratio(q.spans, start, end) >= 0.5
                    and (not q.speaker_spans or (speaker is not None and overlap_ratio(q.speaker_spans, *speaker) > 0))
                    for q in open_gold
                )
            )
            found.append((index, candidate.features, label))
    return found


def fit(rows: Sequence[tuple[int, tuple[str, ...], int]], min_count: int) -> dict[str, float]:
    """Fit the logistic model; returns feature -> weight (the intercept folded into "bias")."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, feats, _ in rows for f in feats)
    keep = {f for f, n in counts.items() if n >= min_count}
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in feats if f in keep} for _, feats, _ in rows])
    y = [label for _, _, label in rows]
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, y)
    weights = {name: float(w) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)}
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    return {k: round(v, 4) for k, v in weights.items() if abs(v) >= 1e-4}


def score(golds: Sequence[GoldDoc], articles: Sequence[Article], model: QuoteModel | None) -> dict[str, float]:
    """The eval's F1 figures for the stage with ``model`` on these documents, and its
    ``speaker.matched`` accuracy (matched quotes with a gold Source whose speaker span overlaps it)."""
    extractor = QuoteExtractor(model=model, attributions=model is not None)
    predicted = [extractor.extract(a) for a in articles]
    scored = score_quotes([(g.quotes, p, a.text) for g, p, a in zip(golds, predicted, articles, strict=True)])
    figures = {p.name: p.f1 for p in scored.parts if p.kind == "prf"}
    figures["speaker.matched"] = next((p.accuracy for p in scored.parts if p.name == "speaker.matched"), None) or 0.0
    return figures


def choose_threshold(
    golds: Sequence[GoldDoc],
    articles: Sequence[Article],
    rows: Sequence[tuple[int, tuple[str, ...], int]],
    min_count: int,
) -> float:
    """Two-fold CV on train: the threshold with the best quotes F1 (ties: the higher one)."""
    folds = [[i for i in range(len(golds)) if i % 2 == k] for k in (0, 1)]
    totals: dict[float, list[float]] = {t: [0.0, 0.0, 0.0] for t in THRESHOLDS}
    base = [0.0, 0.0, 0.0]
    for k in (0, 1):
        train_ids, test_ids = set(folds[1 - k]), folds[k]
        weights = fit([r for r in rows if r[0] in train_ids], min_count)
        g = [golds[i] for i in test_ids]
        a = [articles[i] for i in test_ids]
        rules = score(g, a, None)
        base[0] += rules["quotes.indirect"] / 2
        base[1] += rules["quotes"] / 2
        base[2] += rules["speaker.matched"] / 2
        for t in THRESHOLDS:
            f1 = score(g, a, QuoteModel(weights=weights, threshold=t))
            totals[t][0] += f1["quotes.indirect"] / 2
            totals[t][1] += f1["quotes"] / 2
            totals[t][2] += f1["speaker.matched"] / 2
    print(f"rules only: indirect F1 {base[0]:.3f}, quotes F1 {base[1]:.3f}, speaker {base[2]:.3f}", file=sys.stderr)
    for t, (ind, allq, spk) in totals.items():
        print(f"threshold {t:.2f}: indirect F1 {ind:.3f}, quotes F1 {allq:.3f}, speaker {spk:.3f}", file=sys.stderr)
    # The best quotes F1 (all types); a tie to three decimals goes to the higher threshold:
    # fewer, surer additions, and more of them with the right speaker.
    return max(THRESHOLDS, key=lambda t: (round(totals[t][1], 3), t))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="train articles to use (all by default)")
    parser.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    golds = load_dataset("polnear_train", limit=args.limit)
    articles = parse(golds)
    build(golds, articles, args.min_count, args.out)


def build(golds: Sequence[GoldDoc], articles: Sequence[Article], min_count: int, out: Path) -> dict[str, Any]:
    """Train, choose the threshold, refit on everything and write the model file."""
    rows = examples(golds, articles)
    print(f"{len(rows)} candidates, {sum(r[2] for r in rows)} positive", file=sys.stderr)
    threshold = choose_threshold(golds, articles, rows, min_count)
    weights = fit(rows, min_count)
    payload = {
        "about": (
            "Logistic model over quote candidates (communique.extract._quote_model), trained on "
            "PolNeAR train by scripts/train_quote_model.py; weights per feature name."
        ),
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"threshold {threshold}, {len(weights)} weights -> {out}", file=sys.stderr)
    return payload


if __name__ == "__main__":
    main()
