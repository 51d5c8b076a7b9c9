"""Ingest: read files and folders into :class:`~communique.model.Article` records.

``iter_articles(paths)`` streams articles and failures (never raises for bad input), so any
corpus size runs in flat memory.
"""

from communique.ingest.readers import FieldMap, iter_articles

__all__ = ["FieldMap", "iter_articles"]
