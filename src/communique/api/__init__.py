"""The HTTP API and dashboard server (FastAPI): ``create_app(db)``; ``communique serve`` runs it."""

from __future__ import annotations

from communique.api.app import create_app

__all__ = ["create_app"]
