"""Fixtures of the end-to-end tests (the HTTP API ones live in ``api_served.py``)."""

from __future__ import annotations

from tests.e2e.api_served import api_db, example_id, served

__all__ = ["api_db", "example_id", "served"]
