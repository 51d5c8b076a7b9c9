"""Run the real pipeline over the gold sets and score what it extracts.

The texts go through :meth:`communique.pipeline.Pipeline.run_batch`, the code path of
``communique process``, with the stages configured in the settings; whatever extractors are
registered there at the time are measured (a part whose stage does not exist yet scores 0).
An event gold set is coded under its coders' convention (:data:`GOLD_CONVENTION`): the
PETRARCH-2 GSR has one record per actor pair and both directions of mutual acts, so it runs
with ``events.convention = "cameo"``, as does the ConfliBERT set (CAMEO coders); the PLOVER GSR
has one record per sentence and runs with the settings as given (default ``"plover"``).

Example:
    >>> from communique.eval import run_eval
    >>> report = run_eval(datasets=["plover_gsr"], limit=20)   # doctest: +SKIP
    >>> report.value("plover_gsr", "event_type.f1")             # doctest: +SKIP
    0.0
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from communique.config import Settings, load_settings
from communique.errors import ConfigError
from communique.eval.baseline import BASELINES, textacy_quotes
from communique.eval.gold import DATASETS, GoldDoc, cameo_to_plover, data_dir, load_dataset
from communique.eval.plover_map import check_against_ontology
from communique.eval.report import DatasetReport, ErrorCase, EvalReport, PartScore
from communique.eval.score import (
    EventScores,
    score_cameo_roots,
    score_events,
    score_quotes,
    score_seed_actors,
    score_seed_metadata,
)
from communique.model import Article, Failure
from communique.pipeline import Pipeline

__all__ = ["DEFAULT_DATASETS", "GOLD_CONVENTION", "run_eval"]

# What `communique eval` runs without --dataset: the dev splits, the ConfliBERT sentences
# (193 short texts, a few seconds) and the seed.
DEFAULT_DATASETS = ("polnear", "plover_gsr", "petr2_gsr", "conflibert", "seed")
# The ``events.convention`` each event gold set was coded with (docs/events.md): the PETRARCH-2
# GSR lists every actor pair and both directions of a meeting (six records for a three-party
# meeting); the ConfliBERT coders followed the CAMEO manual; sets not listed run with the
# settings as given.
GOLD_CONVENTION = {"petr2_gsr": "cameo", "conflibert": "cameo"}
# Documents per run_batch call: the pipeline's own default batch (2 x nlp batch) keeps
# memory flat on the 4,700-character PolNeAR articles.
_BATCH = 64

_POLNEAR_NOTE = (
    "PolNeAR 'type' (direct/indirect/mixed) is a heuristic from quotation marks, not gold; "
    "our quotes are typed by the same rule. One annotator per article (first id in sort order). "
    "speaker.name: pronoun Sources only, antecedent = nearest preceding named gold Source."
)


def _articles(docs: Sequence[GoldDoc]) -> list[Article]:
    articles = []
    for doc in docs:
        if doc.source_path:  # the seed: read like `process` reads it, wire header and all
            from communique.ingest import iter_articles

            (article,) = [a for a in iter_articles([doc.source_path]) if isinstance(a, Article)]
        else:
            article = Article.from_text(doc.text, source_id=doc.id, date=doc.date, title=doc.title, source_path=doc.id)
        articles.append(article)
    return articles


def _run(pipe: Pipeline, docs: Sequence[GoldDoc]) -> tuple[list[Article | None], list[ErrorCase]]:
    """Process the gold texts; a failed article becomes None (scored as predicting nothing)
    and its failure is reported as an error case, so a crashing stage is visible, not silent."""
    articles = _articles(docs)
    results: list[Article | None] = []
    failures: list[ErrorCase] = []
    for start in range(0, len(articles), _BATCH):
        batch = pipe.run_batch(articles[start : start + _BATCH])
        for doc, result in zip(docs[start : start + _BATCH], batch, strict=True):
            if isinstance(result, Failure):
                failures.append(
                    ErrorCase(
                        doc_id=doc.id,
                        kind=f"pipeline failure ({result.stage})",
                        predicted=result.reason,
                        text=doc.text[:300],
                    )
                )
                results.append(None)
            else:
                results.append(result)
    return results, failures


def _score_quotes_dataset(
    name: str, docs: Sequence[GoldDoc], articles: Sequence[Article | None], system: str
) -> DatasetReport:
    scored = score_quotes(
        [(d.quotes, a.quotes if a else [], a.text if a else d.text) for d, a in zip(docs, articles, strict=True)],
        doc_ids=[d.id for d in docs],
    )
    return DatasetReport(
        dataset=name, system=system, docs=len(docs), parts=scored.parts, errors=scored.errors, notes=[_POLNEAR_NOTE]
    )


def _score_events_dataset(
    name: str, docs: Sequence[GoldDoc], articles: Sequence[Article | None], cameo: bool
) -> DatasetReport:
    scored = score_events([(d, a.events if a else []) for d, a in zip(docs, articles, strict=True)], cameo=cameo)
    notes = (
        ["PLOVER 0.5b1 names mapped to the current 16 types (communique.eval.plover_map)."]
        if not cameo
        else ["Gold PLOVER type from CAMEO via ontologies/cameo_event_codes.tsv (plover_event_2021); 01/02 have none."]
    )
    notes.append("Actors compared as ISO3 country or IGO; predicted events paired to gold by code/type, then actors.")
    if name in GOLD_CONVENTION:
        notes.append(f"Coded with events.convention = {GOLD_CONVENTION[name]!r}, the gold's (docs/events.md).")
    return _events_report(name, len(docs), scored, notes)


def _events_report(name: str, n_docs: int, scored: EventScores, notes: list[str]) -> DatasetReport:
    return DatasetReport(
        dataset=name,
        docs=n_docs,
        parts=scored.parts,
        per_class=scored.per_class,
        confusion=scored.confusion,
        errors=scored.errors,
        notes=notes,
    )


def _score_conflibert(
    docs: Sequence[GoldDoc], articles: Sequence[Article | None], contested: int, table: Path
) -> DatasetReport:
    scored = score_cameo_roots(
        [(d, a.events if a else []) for d, a in zip(docs, articles, strict=True)],
        root_type=lambda root: cameo_to_plover(root, table),
    )
    agreed = sum(1 for d in docs if d.events)
    quiet = sum(1 for d in docs if d.expect_no_events)
    notes = [
        f"Not adjudicated: {len(docs) + contested} sentences pooled over 10 rounds, one vote per coder (their latest"
        f" round); {agreed} with roots >= 2 coders chose, {quiet} where most coders coded no event,"
        f" {contested} contested (not scored).",
        "cameo.root over (sentence, root) pairs, one prediction kept per root; 01/02 count there, not in event_type.",
        "event_type: the PLOVER type of the root on both sides (ontologies/cameo_event_codes.tsv).",
        f"Coded with events.convention = {GOLD_CONVENTION['conflibert']!r}, the gold's (docs/events.md).",
    ]
    return _events_report("conflibert", len(docs), scored, notes)


def _score_seed(doc: GoldDoc, article: Article | None) -> DatasetReport:
    assert doc.seed is not None
    article = article or Article.from_text(doc.text)
    parts: list[PartScore] = [score_seed_metadata(doc.seed, article)]
    parts += score_seed_actors(doc.seed.actors, article.actors, article.mentions)
    quotes = score_quotes([(doc.quotes, article.quotes, article.text)], doc_ids=[doc.id])
    events = score_events([(doc, article.events)])
    keep = {"quotes", "quotes.exact", "quotes.direct", "quotes.indirect", "quotes.type", "speaker.name"}
    parts += [p for p in quotes.parts if p.name in keep]
    parts += [
        p
        for p in events.parts
        if p.name in {"event_type", "source.country", "target.country", "source.igo", "target.igo", "event_date"}
    ]
    return DatasetReport(
        dataset="seed",
        docs=1,
        parts=parts,
        per_class=events.per_class,
        confusion=events.confusion,
        errors=quotes.errors + events.errors,
        notes=["Our own annotation of the acceptance example: tests/golden/seed.json."],
    )


def _baseline_textacy(pipe: Pipeline, name: str, docs: Sequence[GoldDoc]) -> DatasetReport:
    started = time.perf_counter()
    parsed = pipe.nlp.pipe([d.text for d in docs], batch_size=pipe.settings.nlp.batch_size)
    quotes = [textacy_quotes(doc, d.id) for d, doc in zip(docs, parsed, strict=True)]
    scored = score_quotes(
        [(d.quotes, q, d.text) for d, q in zip(docs, quotes, strict=True)], doc_ids=[d.id for d in docs]
    )
    return DatasetReport(
        dataset=name,
        system="textacy",
        docs=len(docs),
        seconds=time.perf_counter() - started,
        parts=scored.parts,
        errors=scored.errors,
    )


def _with_convention(pipe: Pipeline, name: str) -> Pipeline:
    """The pipeline that codes ``name`` under its gold's convention (:data:`GOLD_CONVENTION`).

    Returns ``pipe`` itself when the settings already follow it, else a pipeline with the same
    stages, the same loaded spaCy model and only ``events.convention`` changed.
    """
    convention = GOLD_CONVENTION.get(name)
    if convention is None or pipe.settings.events.convention == convention:
        return pipe
    events = pipe.settings.events.model_copy(update={"convention": convention})
    settings = pipe.settings.model_copy(update={"events": events})
    return Pipeline(settings, stage_names=list(pipe.stage_names), nlp=pipe.nlp)


def run_eval(
    datasets: Sequence[str] = DEFAULT_DATASETS,
    limit: int | None = None,
    *,
    limits: dict[str, int] | None = None,
    baseline: str | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    root: str | os.PathLike[str] | None = None,
    on_dataset: Callable[[str], None] | None = None,
) -> EvalReport:
    """Process each gold set with the configured pipeline and score it.

    Args:
        datasets: names from :data:`communique.eval.gold.DATASETS`.
        limit: score only the first ``limit`` documents of every dataset (None: all).
        limits: per-dataset limits, overriding ``limit`` (the CI slice in ``floors.toml``).
        baseline: ``"textacy"`` to also score textacy's direct quotations on the quote sets.
        settings: pipeline settings (the packaged defaults otherwise).
        pipeline: an already built pipeline (tests share one); built from ``settings`` otherwise.
        root: the gold data folder (see :func:`communique.eval.gold.data_dir`).
        on_dataset: called with each dataset name before it runs (progress display).

    Returns:
        The typed report: one :class:`DatasetReport` per dataset, plus baseline reports.

    Raises:
        ConfigError: an unknown dataset or baseline name, or a missing gold folder.
    """
    unknown = [d for d in datasets if d not in DATASETS]
    if unknown:
        raise ConfigError(f"unknown dataset {', '.join(map(repr, unknown))}; valid datasets: {', '.join(DATASETS)}")
    if baseline is not None and baseline not in BASELINES:
        raise ConfigError(f"unknown baseline {baseline!r}; valid baselines: {', '.join(BASELINES)}")
    pipe = pipeline or Pipeline(settings or load_settings())
    if any(d in ("plover_gsr", "petr2_gsr") for d in datasets):
        check_against_ontology(Path(data_dir(root)) / "ontologies" / "plover_ontology.json")
    report = EvalReport(stages=list(pipe.stage_names), limit=limit, limits=dict(limits or {}))
    for name in datasets:
        if on_dataset is not None:
            on_dataset(name)
        n = (limits or {}).get(name, limit)
        docs = load_dataset(name, limit=n, root=root)
        # Texts whose coders reached no verdict (conflibert) are counted in the notes, not run.
        contested = sum(1 for d in docs if d.contested)
        docs = [d for d in docs if not d.contested]
        started = time.perf_counter()
        articles, failures = _run(_with_convention(pipe, name), docs)
        if name in ("polnear", "polnear_train"):
            result = _score_quotes_dataset(name, docs, articles, "communique")
        elif name == "seed":
            result = _score_seed(docs[0], articles[0])
        elif name == "conflibert":
            table = Path(data_dir(root)) / "ontologies" / "cameo_event_codes.tsv"
            result = _score_conflibert(docs, articles, contested, table)
        else:
            result = _score_events_dataset(name, docs, articles, cameo=name == "petr2_gsr")
        result.seconds = time.perf_counter() - started
        result.failures = len(failures)
        result.errors = failures + result.errors
        report.datasets.append(result)
        if baseline == "textacy" and name in ("polnear", "polnear_train", "seed"):
            report.baselines.append(_baseline_textacy(pipe, name, docs))
    return report
