"""The pipeline: spaCy once, in batches, then the configured stages, article by article.

Stage order comes from the settings (``[pipeline] stages``), by registered name. Each stage
is checked against the fields the earlier stages assign before anything runs.

Example:
    >>> from communique.pipeline import Pipeline
    >>> pipe = Pipeline()                                       # doctest: +SKIP
    >>> [a.quotes for a in pipe.run([Article.from_text("...")])]  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from communique.config import Settings, load_settings
from communique.errors import ConfigError, ExtractionError
from communique.model import Article, Failure, Sentence
from communique.nlp.boilerplate import mask_boilerplate
from communique.nlp.load import load_nlp
from communique.registry import Stage, stages

__all__ = ["Pipeline", "split_long_text"]

# Fields an article has before any stage runs (ingest metadata plus the parse).
_BASE_FIELDS = {"text", "date", "publisher", "title", "doc", "sentences"}
_PARAGRAPH = re.compile(r"\n\s*\n")


def split_long_text(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into contiguous pieces of at most ``max_chars``, at paragraph or line ends.

    The pieces concatenate back to exactly ``text``, so offsets stay valid.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for pattern in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(pattern)
            if cut > max_chars // 4:
                cut += len(pattern)
                break
        if cut <= 0:
            cut = max_chars
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


class Pipeline:
    """spaCy plus the configured extraction stages.

    Args:
        settings: the settings (packaged defaults when omitted).
        stage_names: override the configured stage list.
        nlp: an already loaded spaCy pipeline (loaded once per process otherwise).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        stage_names: list[str] | None = None,
        nlp: Any = None,
    ) -> None:
        self.settings = settings or load_settings()
        for module in self.settings.pipeline.plugins:
            try:
                importlib.import_module(module)
            except ImportError as exc:
                raise ConfigError(f"cannot import plugin module {module!r} (pipeline.plugins): {exc}") from None
        names = list(self.settings.pipeline.stages if stage_names is None else stage_names)
        self.stage_names = names
        self._check_order(names)
        self.nlp = nlp if nlp is not None else load_nlp(self.settings.nlp.model)
        self.stages: list[tuple[str, Stage]] = [(n, stages.get(n).factory(self.settings)) for n in names]

    @staticmethod
    def _check_order(names: list[str]) -> None:
        available = set(_BASE_FIELDS)
        for name in names:
            info = stages.get(name)
            missing = [f for f in info.requires if f not in available]
            if missing:
                raise ConfigError(
                    f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                    f"stages in order: {', '.join(names)}"
                )
            available.update(info.assigns)

    def parse(self, articles: list[Article]) -> None:
        """Attach a spaCy ``Doc`` and the sentence list to each article (``nlp.pipe`` in batches)."""
        from spacy.tokens import Doc

        max_chars = self.settings.nlp.max_chars_per_doc
        texts: list[str] = []
        owners: list[int] = []
        for index, article in enumerate(articles):
            for piece in split_long_text(article.text, max_chars) if len(article.text) > max_chars else [article.text]:
                texts.append(mask_boilerplate(piece))  # same offsets; page furniture blanked
                owners.append(index)
        docs = list(self.nlp.pipe(texts, batch_size=self.settings.nlp.batch_size))
        grouped: dict[int, list[Any]] = {}
        for owner, doc in zip(owners, docs, strict=True):
            grouped.setdefault(owner, []).append(doc)
        for index, article in enumerate(articles):
            parts = grouped[index]
            doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            article.attach_doc(doc)
            article.sentences = [Sentence(start=s.start_char, end=s.end_char) for s in doc.sents]

    def apply_stages(self, article: Article) -> Article | Failure:
        """Run every stage on one parsed article; a stage crash becomes a :class:`Failure`."""
        for name, stage in self.stages:
            try:
                article = stage(article)
            except Exception as exc:  # noqa: BLE001 - one poisoned article must not stop the batch
                return Failure(
                    path=article.source_path or "<memory>",
                    line=article.source_line,
                    reason=f"stage {name} failed on article {article.id}: {type(exc).__name__}: {exc}",
                    stage=name,
                )
        return article

    def run_batch(self, articles: list[Article]) -> list[Article | Failure]:
        """Parse and extract one batch; returns articles (without their Doc) and failures."""
        results: list[Article | Failure] = []
        try:
            self.parse(articles)
        except Exception:  # noqa: BLE001 - fall back to one by one to isolate the bad article
            if len(articles) > 1:
                for article in articles:
                    results.extend(self.run_batch([article]))
                return results
            article = articles[0]
            import traceback

            reason = traceback.format_exc(limit=1).strip().splitlines()[-1]
            return [
                Failure(
                    path=article.source_path or "<memory>",
                    line=article.source_line,
                    reason=f"spaCy failed on article {article.id}: {reason}",
                    stage="nlp",
                )
            ]
        for article in articles:
            result = self.apply_stages(article)
            article.release_doc()
            results.append(result)
        return results

    def run(self, items: Iterable[Article | Failure], batch_size: int | None = None) -> Iterator[Article | Failure]:
        """Process a stream of articles in batches; failures pass through unchanged."""
        size = batch_size or self.settings.nlp.batch_size * 2
        iterator = iter(items)
        while True:
            chunk = list(islice(iterator, size))
            if not chunk:
                return
            failures = [item for item in chunk if isinstance(item, Failure)]
            articles = [item for item in chunk if isinstance(item, Article)]
            yield from failures
            if articles:
                yield from self.run_batch(articles)

    def process_text(self, text: str, **metadata: Any) -> Article:
        """Process one text in memory and return the filled article (raises on failure)."""
        article = Article.from_text(text, **metadata)
        result = self.run_batch([article])[0]
        if isinstance(result, Failure):
            raise ExtractionError(result.reason)
        return result
