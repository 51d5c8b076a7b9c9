"""Peer baselines scored with our own scorer on the same input.

``textacy``: textacy 0.13's ``textacy.extract.triples.direct_quotations`` (rules over a spaCy
parse: quotation-mark pairs next to a speaker and a reporting verb). It finds direct quotes
only, so its indirect and mixed rows are expected to be near zero; the point is that our
``quotes`` and ``quotes.direct`` figures always stand beside a well-known tool's on identical
documents, parsed by the same spaCy model.

Example:
    >>> quotes = textacy_quotes(nlp("She said, \u201cWe will come.\u201d"), "a1")   # doctest: +SKIP
    >>> quotes[0].type, quotes[0].speaker.text                                 # doctest: +SKIP
    ('direct', 'She')
"""

from __future__ import annotations

from typing import Any

from communique.errors import ConfigError
from communique.model import Offsets, Quote, Speaker

__all__ = ["BASELINES", "textacy_quotes"]

BASELINES = ("textacy",)
_MARKS = "\u201c\u201d\"\u201e\u00ab\u00bb'\u2018\u2019"


def textacy_quotes(doc: Any, article_id: str) -> list[Quote]:
    """textacy's direct quotations of a parsed ``doc`` as our :class:`Quote` records.

    The content is stripped of its quotation marks (our convention for direct quotes);
    the speaker span runs from its first to its last token.

    Args:
        doc: a spaCy ``Doc`` with a dependency parse.
        article_id: the id to stamp on the quotes.

    Returns:
        One ``direct`` quote per textacy triple; none when textacy bails out on an odd
        number of quotation marks.

    Raises:
        ConfigError: textacy is not installed (it is a ``dev`` extra).
    """
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:  # pragma: no cover - depends on the environment
        raise ConfigError("the textacy baseline needs textacy: pip install 'textacy==0.13.0'") from None
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy refuses documents with an odd number of quotation marks ("it's safest to
        # bail out"); that is the tool's behaviour, so the document scores as no quotes.
        return []
    quotes = []
    for triple in triples:
        start, end = triple.content.start_char, triple.content.end_char
        text = doc.text
        while start < end and text[start] in _MARKS + " ":
            start += 1
        while end > start and text[end - 1] in _MARKS + " ":
            end -= 1
        speaker = Speaker()
        if triple.speaker:
            s = min(t.idx for t in triple.speaker)
            e = max(t.idx + len(t.text) for t in triple.speaker)
            speaker = Speaker(text=text[s:e], start=s, end=e, name=text[s:e])
        cue_span = None
        if triple.cue:
            cue_span = Offsets(start=min(t.idx for t in triple.cue), end=max(t.idx + len(t.text) for t in triple.cue))
        quotes.append(
            Quote(
                id=f"{article_id}:{start}-{end}",
                article_id=article_id,
                text=text[start:end],
                start=start,
                end=end,
                type="direct",
                cue=" ".join(t.text for t in triple.cue) or None,
                speaker=speaker,
                cue_span=cue_span,
            )
        )
    return quotes
