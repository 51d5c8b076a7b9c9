"""Readers: files, folders and ``.gz`` archives into a stream of articles and failures.

Supported inputs (by extension, after stripping ``.gz``):

=============  =============================================================================
``.txt``       one article per file; the wire header ``date YYYY-MM-DD By SOURCE`` is parsed
``.jsonl``     one article per line (also ``.ndjson``); fields ``id,date,source,title,text,url``
``.json``      one object or an array of objects with the same fields
``.csv``       a header row, then one article per row (``.tsv`` with tabs)
``.html``      main text and metadata extracted with trafilatura (also ``.htm``)
folders        read recursively in sorted order; hidden files are skipped
=============  =============================================================================

Nothing here raises for bad input: an unreadable file or a malformed line becomes a
:class:`~communique.model.Failure` with the path and line, and the stream goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from communique.config import LimitSettings, load_settings
from communique.errors import InputError, InputTooLargeError
from communique.ingest.wire import find_relayed_from, normalize_date, split_wire_text
from communique.model import Article, Failure, article_id_for

__all__ = ["FieldMap", "SUFFIXES", "iter_articles", "record_to_article"]

SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm")
_FIELDS = ("id", "date", "source", "title", "text", "url")


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds each of our fields (for JSONL, JSON and CSV).

    Example:
        >>> FieldMap.parse(["text=content", "source=outlet"]).text
        'content'
    """

    id: str = "id"
    date: str = "date"
    source: str = "source"
    title: str = "title"
    text: str = "text"
    url: str = "url"
    extra_sources: tuple[str, ...] = field(default=("publisher",))

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> FieldMap:
        """Build from ``ours=theirs`` pairs, e.g. ``text=content``."""
        mapping: dict[str, str] = {}
        for pair in pairs:
            ours, sep, theirs = pair.partition("=")
            ours = ours.strip()
            if not sep or ours not in _FIELDS or not theirs.strip():
                raise ValueError(f"invalid field mapping {pair!r}; use OURS=THEIRS with OURS one of {', '.join(_FIELDS)}")
            mapping[ours] = theirs.strip()
        return cls(**mapping)


def _limits() -> LimitSettings:
    return load_settings().limits


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    fields: FieldMap | None = None,
    limits: LimitSettings | None = None,
) -> Iterator[Article | Failure]:
    """Stream the articles in ``paths`` (files or folders), reporting bad input as failures.

    Args:
        paths: files and folders to read; folders are walked recursively.
        fields: field names of JSONL/JSON/CSV inputs.
        limits: size limits (defaults from the settings).

    Yields:
        An :class:`Article` per good record, a :class:`Failure` per bad file or record.
    """
    fields = fields or FieldMap()
    limits = limits or _limits()
    for path in paths:
        for file in _walk(Path(path)):
            yield from _read_file(file, fields, limits)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name
    else:
        yield path


def _read_file(path: Path, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    display = str(path)
    try:
        if not path.exists():
            raise InputError(display, "no such file or folder")
        kind = _kind(path)
        if kind is None:
            # Unknown extension: treat as a plain-text article if it decodes as text.
            kind = "txt"
        with _open_binary(path, limits) as raw:
            if kind in ("jsonl",):
                yield from _read_jsonl(raw, display, fields, limits)
            elif kind in ("csv", "tsv"):
                yield from _read_csv(raw, display, fields, limits, delimiter="\t" if kind == "tsv" else ",")
            elif kind == "json":
                yield from _read_json(_read_text(raw, display, limits), display, fields, limits)
            elif kind == "html":
                from communique.ingest.html import html_to_record

                record = html_to_record(_read_text(raw, display, limits, allow_nul=False), display)
                yield _finish(record, display, None, limits)
            else:
                yield _read_txt(_read_text(raw, display, limits), display, limits)
    except InputError as exc:
        yield Failure(path=exc.path, line=exc.line, reason=exc.reason)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Failure(path=display, line=None, reason=f"cannot read file: {_describe(exc)}")


def _describe(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, EOFError):
        return f"truncated compressed file ({text})"
    return text


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, kind in (
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".json", "json"),
        (".csv", "csv"),
        (".tsv", "tsv"),
        (".html", "html"),
        (".htm", "html"),
        (".txt", "txt"),
        (".text", "txt"),
    ):
        if name.endswith(suffix):
            return kind
    return None


class _BoundedReader(io.RawIOBase):
    """Wraps a decompressing stream and refuses to expand beyond a byte limit (gz bombs)."""

    def __init__(self, inner: IO[bytes], limit: int, path: str) -> None:
        self._inner = inner
        self._limit = limit
        self._read = 0
        self._path = path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(len(buffer))
        self._read += len(data)
        if self._read > self._limit:
            raise InputTooLargeError(
                self._path, f"decompressed size exceeds the limit of {self._limit:,} bytes (a compression bomb?)"
            )
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


def _open_binary(path: Path, limits: LimitSettings) -> IO[bytes]:
    size = path.stat().st_size
    if path.name.lower().endswith(".gz"):
        limit = min(limits.max_file_bytes, max(size, 1) * limits.max_gzip_ratio)
        inner = gzip.open(path, "rb")
        return io.BufferedReader(_BoundedReader(inner, limit, str(path)), buffer_size=1 << 20)  # type: ignore[arg-type]
    if size > limits.max_file_bytes:
        raise InputTooLargeError(str(path), f"file is {size:,} bytes; the limit is {limits.max_file_bytes:,}")
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block


def _decode(data: bytes, path: str, line: int | None = None, allow_nul: bool = False) -> str:
    if not allow_nul and b"\x00" in data:
        raise InputError(path, "binary data (NUL bytes), not text", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})", line) from None


def _read_text(raw: IO[bytes], path: str, limits: LimitSettings, allow_nul: bool = False) -> str:
    data = raw.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise InputTooLargeError(path, f"file exceeds the limit of {limits.max_file_bytes:,} bytes")
    return _decode(data, path, allow_nul=allow_nul)


def _read_txt(text: str, path: str, limits: LimitSettings) -> Article | Failure:
    header, body = split_wire_text(text)
    record: dict[str, Any] = {"text": body}
    if header is not None:
        record["date"] = header.date
        record["source"] = header.publisher
    return _finish(record, path, None, limits)


def _iter_lines(raw: IO[bytes], path: str, limits: LimitSettings) -> Iterator[tuple[int, bytes]]:
    number = 0
    while True:
        line = raw.readline(limits.max_line_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > limits.max_line_bytes and not line.endswith(b"\n"):
            # Skip the rest of the over-long line and report it.
            while True:
                rest = raw.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            raise InputTooLargeError(path, f"line longer than the limit of {limits.max_line_bytes:,} bytes", number)
        yield number, line


def _read_jsonl(raw: IO[bytes], path: str, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    lines = _iter_lines(raw, path, limits)
    while True:
        try:
            number, line = next(lines)
        except StopIteration:
            return
        except InputTooLargeError as exc:
            yield Failure(path=exc.path, line=exc.line, reason=exc.reason)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(_decode(line, path, number))
        except InputError as exc:
            yield Failure(path=exc.path, line=exc.line, reason=exc.reason)
            continue
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Failure(path=path, line=number, reason=f"malformed JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield Failure(path=path, line=number, reason=f"expected a JSON object, found {type(obj).__name__}")
            continue
        yield _finish(_map_fields(obj, fields), path, number, limits)


def _read_json(text: str, path: str, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Failure(path=path, line=getattr(exc, "lineno", None), reason=f"malformed JSON: {exc}")
        return
    items = obj if isinstance(obj, list) else [obj]
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield Failure(path=path, line=index, reason=f"item {index}: expected a JSON object, found {type(item).__name__}")
            continue
        yield _finish(_map_fields(item, fields), path, index, limits)


def _read_csv(
    raw: IO[bytes], path: str, fields: FieldMap, limits: LimitSettings, delimiter: str
) -> Iterator[Article | Failure]:
    stream = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")
    csv.field_size_limit(limits.max_line_bytes)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield Failure(path=path, line=None, reason="empty CSV file (no header row)")
        return
    except (UnicodeDecodeError, csv.Error) as exc:
        yield Failure(path=path, line=1, reason=f"unreadable CSV header: {exc}")
        return
    header = [h.strip() for h in header]
    if fields.text not in header:
        yield Failure(path=path, line=1, reason=f"CSV header has no {fields.text!r} column (found: {', '.join(header)})")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            yield Failure(path=path, line=reader.line_num + 1, reason=f"not valid UTF-8: {exc.reason}")
            return
        except csv.Error as exc:
            yield Failure(path=path, line=reader.line_num, reason=f"malformed CSV row: {exc}")
            continue
        number = reader.line_num
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Failure(path=path, line=number, reason=f"row has {len(row)} fields, the header has {len(header)}")
            continue
        yield _finish(_map_fields(dict(zip(header, row, strict=True)), fields), path, number, limits)


def _map_fields(obj: Mapping[str, Any], fields: FieldMap) -> dict[str, Any]:
    record = {ours: obj.get(getattr(fields, ours)) for ours in _FIELDS}
    if record["source"] in (None, ""):
        for name in fields.extra_sources:
            if obj.get(name):
                record["source"] = obj[name]
                break
    return record


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return None


def record_to_article(record: Mapping[str, Any], path: str, line: int | None, limits: LimitSettings) -> Article:
    """Turn one input record (our field names) into an :class:`Article`; raise on bad input."""
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}"
        raise InputError(path, f"the 'text' field is {found}; it must be a string", line)
    if "\x00" in text:
        raise InputError(path, "text contains NUL bytes (binary data?)", line)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(path, "text contains lone surrogate code points (invalid Unicode)", line) from None
    if not text.strip():
        raise InputError(path, "empty article text", line)
    if len(text) > limits.max_article_chars:
        raise InputTooLargeError(
            path, f"article has {len(text):,} characters; the limit is {limits.max_article_chars:,}", line
        )
    header, body = split_wire_text(text)
    publisher = _as_text(record.get("source"))
    article_date = normalize_date(_as_text(record.get("date")))
    if header is not None:
        text = body
        publisher = publisher or header.publisher
        article_date = article_date or header.date
        if not text.strip():
            raise InputError(path, "empty article text after the wire header", line)
    title = _as_text(record.get("title"))
    return Article(
        id=article_id_for(text),
        source_id=_as_text(record.get("id")),
        date=article_date,
        publisher=publisher or None,
        relayed_from=find_relayed_from(text, publisher),
        title=title or None,
        url=_as_text(record.get("url")) or None,
        source_path=path,
        source_line=line,
        text=text,
    )


def _finish(record: Mapping[str, Any], path: str, line: int | None, limits: LimitSettings) -> Article | Failure:
    try:
        return record_to_article(record, path, line, limits)
    except InputError as exc:
        return Failure(path=exc.path, line=exc.line, reason=exc.reason)
