"""communique: international-relations news into actors, quotes and political events.

The public API:

    >>> import communique
    >>> pipe = communique.Pipeline()                                  # doctest: +SKIP
    >>> article = pipe.process_text("Belarus and Azerbaijan met.")    # doctest: +SKIP
    >>> report = communique.process_paths(["corpus/"], db="kb.duckdb")  # doctest: +SKIP
"""

from communique.batch.local import RunReport, process_items, process_paths
from communique.config import Settings, load_settings
from communique.errors import (
    CommuniqueError,
    ConfigError,
    ExtractionError,
    InputError,
    InputTooLargeError,
    ModelError,
    QueryError,
    StoreError,
)
from communique.ingest import FieldMap, iter_articles
from communique.model import (
    Actor,
    Article,
    EventActor,
    EventRecord,
    Failure,
    Location,
    Mention,
    Offsets,
    Quote,
    Sentence,
    Span,
    Speaker,
)
from communique.pipeline import Pipeline
from communique.store import DuckDBStore, Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CommuniqueError",
    "ConfigError",
    "DuckDBStore",
    "EventActor",
    "EventRecord",
    "ExtractionError",
    "Failure",
    "FieldMap",
    "InputError",
    "InputTooLargeError",
    "Location",
    "Mention",
    "ModelError",
    "Offsets",
    "Pipeline",
    "QueryError",
    "Quote",
    "RunReport",
    "Sentence",
    "Settings",
    "Span",
    "Speaker",
    "Store",
    "StoreError",
    "iter_articles",
    "load_settings",
    "open_store",
    "process_items",
    "process_paths",
]
