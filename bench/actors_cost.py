"""Cost of the ``actors.rules.v1`` stage relative to spaCy's ``nlp.pipe``.

Times, in one run on the same articles: (a) ``nlp.pipe`` alone, (b) the ``mentions.spacy.v1``
and ``actors.rules.v1`` stages on the parsed docs, and the one-off dictionary load. The target
(issue 5) is (b) <= 10% of (a) and a load <= 1 s.

Usage:
    python bench/actors_cost.py [--n 300] [--world ../shared/data/news/world.jsonl]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_WORLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "world.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles to time")
    parser.add_argument("--world", type=Path, default=DEFAULT_WORLD, help="JSON Lines news file")
    args = parser.parse_args()

    from communique.config import load_settings
    from communique.model import Article
    from communique.nlp.load import load_nlp

    settings = load_settings()
    nlp = load_nlp(settings.nlp.model)
    articles = []
    with args.world.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text"):
                articles.append(Article.from_text(record["text"], date=record.get("date")))
            if len(articles) >= args.n:
                break

    from communique.extract import actors as actors_module
    from communique.extract import resolve
    from communique.extract.mentions import SpacyMentions

    # the dictionary load: data files, the alias table, the places and the provinces (loaded on
    # first use)
    t0 = time.perf_counter()
    stage = actors_module.ActorStage()
    resolve._places()
    resolve._subdivision_lines()
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=settings.nlp.batch_size))
    pipe = time.perf_counter() - t0

    mentions = SpacyMentions()
    t0 = time.perf_counter()
    n_actors = 0
    for article, doc in zip(articles, docs, strict=True):
        article.attach_doc(doc)
        stage(mentions(article))
        n_actors += len(article.actors)
    cost = time.perf_counter() - t0

    print(f"articles: {len(articles)}  actors: {n_actors}")
    print(f"dictionary load: {load:.3f} s")
    print(f"nlp.pipe: {pipe:.2f} s   mentions+actors stages: {cost:.2f} s   ratio: {cost / pipe:.3f}")


if __name__ == "__main__":
    main()
