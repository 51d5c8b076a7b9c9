"""Stage ``mentions.spacy.v1``: spaCy's named entities as :class:`~communique.model.Mention`."""

from __future__ import annotations

from typing import Any

from communique.model import Article, Mention
from communique.registry import stages

__all__ = ["MENTION_LABELS", "SpacyMentions"]

# OntoNotes labels that name actors, places or named events; numbers, dates, money and
# ordinals are left out (dates are read by the event stage from the parse directly).
MENTION_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})


class SpacyMentions:
    """Copy spaCy's entities of the labels in :data:`MENTION_LABELS` into ``article.mentions``."""

    def __init__(self, labels: frozenset[str] = MENTION_LABELS) -> None:
        self.labels = labels

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        article.mentions = [
            Mention(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char)
            for ent in doc.ents
            if ent.label_ in self.labels
        ]
        return article


@stages.register("mentions.spacy.v1", requires=["doc"], assigns=["mentions"])
def make_spacy_mentions(settings: Any) -> SpacyMentions:
    """spaCy named entities as mentions."""
    return SpacyMentions()
