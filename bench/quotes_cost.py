"""Cost of the ``quotes.rules.v1`` stage relative to spaCy's ``nlp.pipe``.

Times, in one run on the same articles, chunk by chunk: (a) ``nlp.pipe`` and (b) the quote
stage on the docs just parsed (the mentions stage first, as in the pipeline: the stage reads
mentions). Prints the rate of (a), of (a)+(b), and the ratio b / a. The target (issue 4) is
<= 10%.

Usage:
    python bench/quotes_cost.py [--n 200] [--world ../shared/data/news/world.jsonl]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

DEFAULT_WORLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "world.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles to time")
    parser.add_argument("--world", type=Path, default=DEFAULT_WORLD, help="JSON Lines news file")
    args = parser.parse_args()

    from communique.config import load_settings
    from communique.extract.mentions import SpacyMentions
    from communique.extract.quotes import QuoteExtractor, load_cue_lexicon
    from communique.model import Article
    from communique.nlp.load import load_nlp

    settings = load_settings()
    nlp = load_nlp(settings.nlp.model)
    texts: list[str] = []
    with args.world.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text"):
                texts.append(record["text"])
            if len(texts) >= args.n:
                break
    chars = sum(len(t) for t in texts)
    load_cue_lexicon()  # one-off, not per article
    mentions, quotes = SpacyMentions(), QuoteExtractor()
    list(nlp.pipe(texts[:4]))  # warm-up: first-call allocations are not the steady state

    # Parse and extract chunk by chunk, timing each separately: on a shared machine two
    # separate passes drift apart more than the stage costs, interleaving keeps them honest.
    parse = stage = 0.0
    found = 0
    size = settings.nlp.batch_size
    for i in range(0, len(texts), size):
        chunk = texts[i : i + size]
        t0 = time.perf_counter()
        docs = list(nlp.pipe(chunk, batch_size=size))
        t1 = time.perf_counter()
        for text, doc in zip(chunk, docs, strict=True):
            article = Article.from_text(text)
            article.attach_doc(doc)
            found += len(quotes(mentions(article)).quotes)
        t2 = time.perf_counter()
        parse += t1 - t0
        stage += t2 - t1
    both = parse + stage

    ratio = stage / parse
    print(f"articles: {len(texts)}  characters: {chars:,}  quotes found: {found}")
    print(f"nlp.pipe:          {len(texts) / parse:8.1f} articles/s  ({parse:.2f} s)")
    print(f"nlp.pipe + quotes: {len(texts) / both:8.1f} articles/s  ({both:.2f} s)")
    print(f"quote stage cost:  {ratio:+.1%} of nlp.pipe time (target <= 10%)")


if __name__ == "__main__":
    main()
