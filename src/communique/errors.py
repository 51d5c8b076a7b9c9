"""The one exception tree of communique.

::

    CommuniqueError                 base of everything we raise on purpose
    ├── ConfigError                 a setting or a stage name is not valid
    ├── InputError                  an input file or record cannot be read (path, line, reason)
    │   └── InputTooLargeError      an input exceeds a documented limit
    ├── ModelError                  the spaCy pipeline is missing or broken
    ├── ExtractionError             a pipeline stage failed on an article
    ├── StoreError                  the database cannot be opened, read or written
    └── QueryError                  a query parameter is not valid (bad date, unknown field)

Messages say what was found and what is allowed. The CLI prints them without a traceback.
"""

from __future__ import annotations

__all__ = [
    "CommuniqueError",
    "ConfigError",
    "ExtractionError",
    "InputError",
    "InputTooLargeError",
    "ModelError",
    "QueryError",
    "StoreError",
]


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


class ConfigError(CommuniqueError):
    """A setting, option or stage name is not valid."""


class InputError(CommuniqueError):
    """An input cannot be read; carries the path and, where known, the line number."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class InputTooLargeError(InputError):
    """An input exceeds a documented size limit (see ``docs/limits.md``)."""


class ModelError(CommuniqueError):
    """The pinned spaCy pipeline is not installed or cannot be loaded."""


class ExtractionError(CommuniqueError):
    """A pipeline stage failed on an article (the article is reported, the run goes on)."""


class StoreError(CommuniqueError):
    """The database cannot be opened, read or written."""


class QueryError(CommuniqueError):
    """A query parameter is not valid."""
