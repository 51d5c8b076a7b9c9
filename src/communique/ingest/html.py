"""HTML pages: main text and metadata (title, date, site name, URL) via trafilatura."""

from __future__ import annotations

from typing import Any

from communique.errors import InputError

__all__ = ["html_to_record"]


def html_to_record(html: str | bytes, path: str) -> dict[str, Any]:
    """Extract the main text and metadata of an HTML page as an input record.

    Args:
        html: the page source, as text or as bytes (UTF-8, or any encoding the page
            declares: bytes that are not UTF-8 go to trafilatura, which detects it).
        path: the file it came from (for error messages).

    Returns:
        A record with our field names (``text``, ``title``, ``date``, ``source``, ``url``).

    Raises:
        InputError: when the page is empty, binary, unparseable or has no main text.

    Example:
        >>> html_to_record("<html><head></head></html>", "page.html")
        Traceback (most recent call last):
        ...
        communique.errors.InputError: page.html: no main text found in the HTML page
    """
    import trafilatura
    from lxml.etree import LxmlError

    source: str | bytes = html
    if isinstance(html, bytes):
        try:
            source = html.decode("utf-8-sig")
        except UnicodeDecodeError:
            source = html  # trafilatura guesses the encoding of bytes
    if not (source.strip() if isinstance(source, str) else source.strip()):
        raise InputError(path, "empty HTML file")
    if "\x00" in source if isinstance(source, str) else b"\x00" in source:
        raise InputError(path, "binary data (NUL bytes), not an HTML page")
    try:
        document = trafilatura.bare_extraction(
            source, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
        )
    except (LxmlError, ValueError, TypeError, LookupError, RecursionError, AttributeError) as exc:
        # lxml and trafilatura raise these on hostile markup (bad encodings, deep nesting).
        raise InputError(path, f"cannot parse the HTML page: {type(exc).__name__}: {str(exc)[:200]}") from None
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
