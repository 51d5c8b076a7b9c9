"""HTML pages: main text and metadata (title, date, site name, URL) via trafilatura."""

from __future__ import annotations

from typing import Any

from communique.errors import InputError

__all__ = ["html_to_record"]


def html_to_record(html: str, path: str) -> dict[str, Any]:
    """Extract the main text and metadata of an HTML page as an input record.

    Args:
        html: the page source.
        path: the file it came from (for error messages).

    Returns:
        A record with our field names (``text``, ``title``, ``date``, ``source``, ``url``).

    Raises:
        InputError: when the page has no extractable main text.
    """
    import trafilatura

    if not html.strip():
        raise InputError(path, "empty HTML file")
    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if document is None:
        raise InputError(path, "no main text found in the HTML page")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError(path, "no main text found in the HTML page")
    return {
        "text": text,
        "title": data.get("title"),
        "date": data.get("date"),
        "source": data.get("sitename") or data.get("hostname"),
        "url": data.get("url"),
        "id": None,
    }
