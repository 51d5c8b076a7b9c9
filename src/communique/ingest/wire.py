"""Wire-story metadata: the ``date YYYY-MM-DD By SOURCE`` header, relaying agencies, dates.

Example:
    >>> header = parse_wire_header(" date 2018-11-14 By Trend")
    >>> (header.date, header.publisher)
    ('2018-11-14', 'Trend')
    >>> find_relayed_from("Talks went well, BelTA reported.")
    ['BelTA']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

__all__ = ["WireHeader", "find_relayed_from", "normalize_date", "parse_wire_header", "split_wire_text"]

# Matched against the stripped first line; no trailing ``\s*$`` after a lazy group, which
# backtracked quadratically on a long header line padded with spaces.
_HEADER = re.compile(r"date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+By\s+(?P<source>\S.*)", re.IGNORECASE)
# A real header is "date 2018-11-14 By Trend" (about 30 characters); a first line longer
# than this is body text, whatever it starts with.
_MAX_HEADER_CHARS = 300
# Dates longer than this are not dates; it also keeps dateutil away from megabyte strings.
_MAX_DATE_CHARS = 100


@dataclass(frozen=True)
class WireHeader:
    """The parsed first line of a wire story."""

    date: str | None
    publisher: str


def parse_wire_header(line: str) -> WireHeader | None:
    """Parse ``date YYYY-MM-DD By SOURCE``; ``None`` when the line is not such a header."""
    line = line.strip()
    if len(line) > _MAX_HEADER_CHARS:
        return None
    match = _HEADER.fullmatch(line)
    if match is None:
        return None
    return WireHeader(date=normalize_date(match["date"]), publisher=match["source"])


def split_wire_text(text: str) -> tuple[WireHeader | None, str]:
    """Split a wire story into its header and body; the body is the text after the header."""
    first, sep, rest = text.partition("\n")
    header = parse_wire_header(first)
    if header is None:
        return None, text
    return header, rest.strip("\r\n") if sep else ""


@lru_cache(maxsize=1)
def _agencies() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Known news agencies (package data file ``news_agencies.txt``) as names and one regex."""
    raw = resources.files("communique.data").joinpath("news_agencies.txt").read_text(encoding="utf-8")
    names = tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return names, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


# "..., BelTA reported." / "TASS reports" / "Xinhua said, citing" at a clause end.
_REPORTED = re.compile(
    r"(?P<agency>(?:the\s+)?[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|news|agency|News|Agency)){0,4})"
    r"\s+(?:reported|reports|has reported|informs|informed|said,?\s+citing|quoted)\b"
)
_ACCORDING = re.compile(
    r"\b(?i:according to|citing|cited by|quoted by|told)\s+(?:the\s+)?"
    r"(?P<agency>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}(?:\s+(?:news\s+agency|agency))?)"
)
_AGENCY_WORDS = re.compile(r"\b(?:news agency|agency|news service|press service|TV|television|radio|newspaper)\b", re.I)


def find_relayed_from(body: str, publisher: str | None = None) -> list[str]:
    """Agencies the body says it relays ("BelTA reported", "according to Xinhua").

    An agency counts when it is in the shipped list of news agencies, or when its name says
    it is one ("... news agency"). The article's own publisher is not listed.

    Args:
        body: the article text.
        publisher: the article's publisher, excluded from the result.

    Returns:
        Agency names in order of first appearance, without duplicates.
    """
    names, known = _agencies()
    found: list[tuple[int, str]] = []
    for pattern in (_REPORTED, _ACCORDING):
        for match in pattern.finditer(body):
            candidate = match["agency"].strip()
            if candidate.lower().startswith("the "):
                candidate = candidate[4:]
            inner = known.search(candidate)
            if inner is not None:
                found.append((match.start("agency") + inner.start(), inner.group(0)))
            elif _AGENCY_WORDS.search(candidate) and candidate[:1].isupper():
                found.append((match.start("agency"), candidate))
    result: list[str] = []
    own = (publisher or "").casefold()
    for _, name in sorted(found):
        if name.casefold() != own and name not in result:
            result.append(name)
    return result


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y%m%d",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%m/%d/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%d %H:%M:%S",
)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalize_date(value: object) -> str | None:
    """Normalise a date given in a common format to ``YYYY-MM-DD``; ``None`` if unknown.

    Example:
        >>> normalize_date("26-FEB-1987 15:01:01.79")
        '1987-02-26'
        >>> normalize_date("20080804")
        '2008-08-04'
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    match = _ISO_PREFIX.match(text)
    if match is not None:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    head = text.split(" ")[0] if re.match(r"^\d{1,2}-[A-Za-z]{3}-\d{4}", text) else text
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        from dateutil import parser as _dateparser

        return str(_dateparser.parse(text, fuzzy=False).date().isoformat())
    except (ValueError, OverflowError, TypeError):  # dateutil's failure modes on odd strings
        return None
