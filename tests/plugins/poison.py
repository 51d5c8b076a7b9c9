"""A plugin stage for tests: crashes on a marked article, as a worker meeting a poisoned input."""

from __future__ import annotations

from typing import Any

from communique.model import Article
from communique.registry import stages

POISON = "POISON-PILL-7f3a"


@stages.register("test.poison.v1", requires=["doc"], assigns=[])
def make_poison(settings: Any) -> Any:
    """Raise on articles that contain the poison marker."""

    def stage(article: Article) -> Article:
        if POISON in article.text:
            raise RuntimeError("poisoned article")
        return article

    return stage


CRASH = "CRASH-PILL-19c2"


@stages.register("test.crash.v1", requires=["doc"], assigns=[])
def make_crash(settings: Any) -> Any:
    """Kill the worker process outright on marked articles (as a native crash would)."""
    import multiprocessing
    import os

    def stage(article: Article) -> Article:
        if CRASH in article.text and multiprocessing.parent_process() is not None:
            os._exit(70)
        return article

    return stage
