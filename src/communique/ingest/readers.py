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

Memory stays bounded whatever the input (``docs/limits.md``): JSONL, CSV and JSON arrays
are streamed one record at a time, and no record is held beyond ``limits.max_line_bytes``;
a ``.txt`` file is read up to the size of the largest allowed article, an HTML page up to
``limits.max_line_bytes``; a ``.gz`` file is decompressed in a stream that stops at
``limits.max_gzip_ratio`` times its compressed size (a compression bomb is refused).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from communique.config import LimitSettings, load_settings
from communique.errors import InputError, InputTooLargeError
from communique.ingest.wire import find_relayed_from, normalize_date, split_wire_text
from communique.model import Article, Failure, article_id_for, normalize_text

__all__ = ["FieldMap", "SUFFIXES", "iter_articles", "record_to_article"]

SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm")
_FIELDS = ("id", "date", "source", "title", "text", "url")

# Errors a (possibly compressed) byte stream raises when the file is damaged or vanishes
# mid-read: gzip raises BadGzipFile (an OSError), zlib.error or EOFError (truncated).
_STREAM_ERRORS = (OSError, EOFError, zlib.error)
# A .txt file holds one article: at most 4 UTF-8 bytes per character, plus room for the
# wire header line. Reading more than that can only end in "article too long".
_TXT_HEADER_SLACK = 64 * 1024
# A record file is abandoned after this many failures, if they outnumber its articles: the
# largest clean corpora we test with have a few dozen bad lines, and 10,000 failures keep the
# run report and errors table small (about 2 MB) whatever the input.
_GIVE_UP_FAILURES = 10_000
# JSON arrays are read in chunks of this size, grown when one item is larger.
_JSON_CHUNK = 1 << 20


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
                raise ValueError(
                    f"invalid field mapping {pair!r}; use OURS=THEIRS with OURS one of {', '.join(_FIELDS)}"
                )
            mapping[ours] = theirs.strip()
        return cls(**mapping)  # type: ignore[arg-type]  # only str fields are mapped


def _limits() -> LimitSettings:
    return load_settings().limits


def _clean(text: str) -> str:
    """Text that can be stored and printed: lone surrogates become U+FFFD, NULs are dropped.

    Paths (undecodable file names arrive as surrogate escapes) and metadata fields (JSON may
    hold ``"\\ud800"``) pass through here; DuckDB and UTF-8 files refuse lone surrogates.
    """
    if text.isascii():
        return text.replace("\x00", "") if "\x00" in text else text
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace").replace("\x00", "")


def _failure(path: str, line: int | None, reason: str) -> Failure:
    return Failure(path=_clean(path), line=line, reason=_clean(reason))


def _from_error(exc: InputError) -> Failure:
    return _failure(exc.path, exc.line, exc.reason)


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
            if isinstance(file, Failure):
                yield file
            else:
                yield from _read_file(file, fields, limits)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # too long, a loop of links, a NUL: _read_file reports it
        return False


def _walk(path: Path) -> Iterator[Path | Failure]:
    if _is_dir(path):
        # os.walk ignores unreadable folders unless told otherwise: report them instead.
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=unreadable.append):
            while unreadable:
                error = unreadable.pop()
                yield _failure(str(error.filename or root), None, f"cannot read folder: {error.strerror or error}")
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name
        for error in unreadable:
            yield _failure(str(error.filename or path), None, f"cannot read folder: {error.strerror or error}")
    else:
        yield path


def _read_file(path: Path, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    display = _clean(str(path))
    try:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise InputError(display, "no such file or folder") from None
        except ValueError:  # a NUL character in the path
            raise InputError(display, "not a valid path (it contains a NUL character)") from None
        if not stat.S_ISREG(mode):
            # FIFOs, sockets and devices would block or never end.
            raise InputError(display, "not a regular file (a pipe, socket or device?)")
        kind = _kind(path) or "txt"  # unknown extension: a plain-text article if it decodes
        with _open_binary(path, limits) as raw:
            if kind == "jsonl":
                yield from _give_up_on_garbage(_read_jsonl(raw, display, fields, limits), display)
            elif kind in ("csv", "tsv"):
                delimiter = "\t" if kind == "tsv" else ","
                yield from _give_up_on_garbage(_read_csv(raw, display, fields, limits, delimiter), display)
            elif kind == "json":
                yield from _give_up_on_garbage(_read_json(raw, display, fields, limits), display)
            elif kind == "html":
                yield _read_html(raw, display, limits)
            else:
                cap = min(limits.max_file_bytes, 4 * limits.max_article_chars + _TXT_HEADER_SLACK)
                yield _read_txt(_read_text(raw, display, cap, "a .txt file holds one article"), display, limits)
    except InputError as exc:
        yield _from_error(exc)
    except _STREAM_ERRORS as exc:
        yield _failure(display, None, f"cannot read file: {_describe(exc)}")
    except Exception as exc:  # noqa: BLE001 - last resort: one strange file must not end the run
        yield _failure(display, None, f"unexpected error reading file (please report it): {type(exc).__name__}: {exc}")


def _give_up_on_garbage(items: Iterator[Article | Failure], path: str) -> Iterator[Article | Failure]:
    """Stop a file once it has produced ``_GIVE_UP_FAILURES`` failures and more failures than articles.

    Such a file is in another format or needs a field mapping, or it is hostile: a 1 MB
    gzip of short junk lines expands to 100 million failed records, each kept in the run
    report and the errors table. Files with good articles among the bad go on to the end.
    """
    failures = articles = 0
    for item in items:
        yield item
        if isinstance(item, Article):
            articles += 1
            continue
        failures += 1
        if failures >= _GIVE_UP_FAILURES and failures > articles:
            line = item.line + 1 if item.line is not None else None
            yield _failure(
                path,
                line,
                f"stopped reading after {failures:,} failed records and {articles:,} articles: "
                "the rest of the file is skipped (wrong format, or a --field mapping missing?)",
            )
            return  # the caller's with-block closes the file


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
    """Wraps a decompressing stream and refuses to expand beyond a byte limit (gz bombs).

    ``GzipFile.read(n)`` inflates at most ``n`` bytes, so memory stays at one buffer
    whatever the compression ratio; the limit stops the stream, not the allocation.
    """

    def __init__(self, inner: IO[bytes], limit: int, path: str) -> None:
        self._inner = inner
        self._limit = limit
        self._read = 0
        self._path = path

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._read >= self._limit:
            # Probe one byte: a stream that ends exactly at the limit is fine.
            if self._inner.read(1):
                raise InputTooLargeError(
                    self._path,
                    f"decompressed size exceeds the limit of {self._limit:,} bytes "
                    "(limits.max_gzip_ratio x compressed size, or limits.max_file_bytes): a compression bomb?",
                )
            return 0
        data = self._inner.read(min(len(buffer), self._limit - self._read))
        self._read += len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        super().close()


def _open_binary(path: Path, limits: LimitSettings) -> IO[bytes]:
    size = path.stat().st_size
    if path.name.lower().endswith(".gz"):
        limit = min(limits.max_file_bytes, max(size, 1) * limits.max_gzip_ratio)
        inner = gzip.open(path, "rb")  # noqa: SIM115 - closed through the BufferedReader
        bounded = _BoundedReader(inner, limit, _clean(str(path)))  # type: ignore[arg-type]
        return io.BufferedReader(bounded, buffer_size=1 << 16)
    if size > limits.max_file_bytes:
        raise InputTooLargeError(
            _clean(str(path)), f"file is {size:,} bytes; the limit is {limits.max_file_bytes:,} (limits.max_file_bytes)"
        )
    return open(path, "rb")  # noqa: SIM115 - closed by the caller's with-block


def _decode(data: bytes, path: str, line: int | None = None, allow_nul: bool = False, bom: bool = True) -> str:
    if not allow_nul and b"\x00" in data:
        raise InputError(path, "binary data (NUL bytes), not text", line)
    try:
        return data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})", line
        ) from None


def _read_capped(raw: IO[bytes], cap: int) -> bytes:
    """Read up to ``cap + 1`` bytes in 1 MiB pieces.

    ``BufferedReader.read(n)`` allocates ``n`` bytes up front, so a 50 MB cap would cost
    50 MB even for a small (or bomb-truncated) stream.
    """
    pieces: list[bytes] = []
    size = 0
    while size <= cap:
        piece = raw.read(min(1 << 20, cap + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _read_text(raw: IO[bytes], path: str, cap: int, what: str) -> str:
    """Read a whole-file input of at most ``cap`` bytes (never more into memory)."""
    data = _read_capped(raw, cap)
    if len(data) > cap:
        raise InputTooLargeError(path, f"file exceeds {cap:,} bytes ({what}; see docs/limits.md)")
    return _decode(data, path)


def _read_txt(text: str, path: str, limits: LimitSettings) -> Article | Failure:
    header, body = split_wire_text(text)
    record: dict[str, Any] = {"text": body}
    if header is not None:
        record["date"] = header.date
        record["source"] = header.publisher
    return _finish(record, path, None, limits)


def _read_html(raw: IO[bytes], path: str, limits: LimitSettings) -> Article | Failure:
    from communique.ingest.html import html_to_record

    cap = min(limits.max_file_bytes, limits.max_line_bytes)
    data = _read_capped(raw, cap)
    if len(data) > cap:
        raise InputTooLargeError(path, f"HTML page exceeds {cap:,} bytes (limits.max_line_bytes)")
    page: str | bytes = data
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # The one common encoding with NUL bytes in text; its BOM says which it is.
        try:
            page = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "not valid UTF-16 although the page starts with a UTF-16 mark") from None
    elif b"\x00" in data:
        raise InputError(path, "binary data (NUL bytes), not an HTML page")
    return _finish(html_to_record(page, path), path, None, limits)


class _Lines:
    """Numbered, length-bounded lines of a byte stream.

    Iterating yields decoded lines (``str``), so it can feed :func:`csv.reader`. A bad line
    (too long, not UTF-8) raises :class:`InputError` with its number and the iterator can be
    used again for the next line; a broken stream (truncated or corrupt ``.gz``, bomb)
    raises :class:`_BrokenStream`, after which nothing more can be read.
    """

    def __init__(self, raw: IO[bytes], path: str, limits: LimitSettings) -> None:
        self._raw = raw
        self._path = path
        self._max = limits.max_line_bytes
        self.number = 0

    def __iter__(self) -> _Lines:
        return self

    def next_bytes(self) -> bytes:
        """The next line as bytes (with its newline); raises StopIteration at the end."""
        try:
            line = self._raw.readline(self._max + 1)
            if not line:
                raise StopIteration
            self.number += 1
            if len(line) > self._max and not line.endswith(b"\n"):
                # Skip the rest of the over-long line in bounded pieces, then report it.
                while (rest := self._raw.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                raise InputTooLargeError(
                    self._path,
                    f"line longer than the limit of {self._max:,} bytes (limits.max_line_bytes)",
                    self.number,
                )
        except InputTooLargeError as exc:
            if exc.line is None:  # raised by _BoundedReader: the whole rest of the file is refused
                raise _BrokenStream(self._path, f"{self._where()}{exc.reason}", self.number + 1) from None
            raise
        except _STREAM_ERRORS as exc:
            raise _BrokenStream(
                self._path, f"cannot read the file{self._where(' ')}: {_describe(exc)}", self.number + 1
            ) from None
        return line

    def skip_blank_run(self) -> None:
        """Consume a run of blank lines already in the read buffer, counting them.

        Blank lines between records are skipped (JSON Lines, CSV): a file of millions of
        them (a cheap compression bomb) would otherwise cost one Python loop turn per line.
        """
        peek = getattr(self._raw, "peek", None)
        if peek is None:
            return
        try:
            ahead = peek(1 << 16)[: 1 << 16]
        except _STREAM_ERRORS:
            return  # next_bytes reports it
        run = len(ahead) - len(ahead.lstrip(b" \t\r\n"))
        cut = ahead.rfind(b"\n", 0, run) + 1
        if cut:
            self._raw.read(cut)
            self.number += ahead.count(b"\n", 0, cut)

    def _where(self, lead: str = "") -> str:
        return f"{lead}after line {self.number}{'' if lead else ': '}" if self.number else ""

    def __next__(self) -> str:
        data = self.next_bytes()
        return _decode(data, self._path, self.number, allow_nul=True, bom=self.number == 1)


class _BrokenStream(InputError):
    """The byte stream itself failed (not one record): nothing after this point is readable."""


def _read_jsonl(raw: IO[bytes], path: str, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    lines = _Lines(raw, path, limits)
    records = 0
    while True:
        try:
            line = lines.next_bytes()
        except StopIteration:
            if not records:
                # Say so: an empty file (or a .gz cut to nothing) must not vanish silently.
                yield _failure(path, None, "empty JSON Lines file (no records)")
            return
        except _BrokenStream as exc:
            yield _from_error(exc)
            return
        except InputError as exc:
            records += 1
            yield _from_error(exc)
            continue
        number = lines.number
        if not line.strip():
            lines.skip_blank_run()
            continue
        records += 1
        try:
            obj = json.loads(_decode(line, path, number, bom=number == 1))
        except InputError as exc:
            yield _from_error(exc)
            continue
        except (ValueError, RecursionError) as exc:
            # ValueError covers JSONDecodeError and integers beyond Python's 4,300-digit limit.
            yield _failure(path, number, f"malformed JSON: {_json_reason(exc)}")
            continue
        if not isinstance(obj, dict):
            yield _failure(path, number, f"expected a JSON object, found {type(obj).__name__}")
            continue
        yield _finish(_map_fields(obj, fields), path, number, limits)


def _json_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)[:300]


class _JsonStream:
    """Decoded text of a JSON file, read in chunks; only the unread part is kept."""

    def __init__(self, raw: IO[bytes], path: str, limits: LimitSettings) -> None:
        self._raw = raw
        self._path = path
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.max_item = limits.max_line_bytes

    def more(self, at_least: int = _JSON_CHUNK) -> bool:
        """Read at least ``at_least`` more bytes (fewer at the end); False at end of file."""
        if self.eof:
            return False
        try:
            data = self._raw.read(at_least)
        except InputTooLargeError as exc:
            raise _BrokenStream(self._path, exc.reason) from None
        except _STREAM_ERRORS as exc:
            raise _BrokenStream(self._path, f"cannot read file: {_describe(exc)}") from None
        if b"\x00" in data:
            raise _BrokenStream(self._path, "binary data (NUL bytes), not JSON")
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _BrokenStream(self._path, f"not valid UTF-8 ({exc.reason})") from None
        if self.pos > len(self.buf) // 2:
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += text
        self.eof = not data
        return bool(data)

    def skip_space(self) -> str:
        """Skip whitespace; the next character, or ``""`` at the end of the file."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""


def _read_json(raw: IO[bytes], path: str, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    """One object, or an array of objects streamed item by item; ``line`` is the item number."""
    stream = _JsonStream(raw, path, limits)
    decoder = json.JSONDecoder()
    index = 0
    try:
        first = stream.skip_space()
        if first == "":
            yield _failure(path, None, "empty JSON file")
            return
        if first != "[":
            while True:
                if len(stream.buf) - stream.pos > stream.max_item:
                    raise InputTooLargeError(
                        path, f"JSON object exceeds {stream.max_item:,} characters (limits.max_line_bytes)", 1
                    )
                if not stream.more(_JSON_CHUNK):
                    break
            try:
                obj = json.loads(stream.buf[stream.pos :])
            except (ValueError, RecursionError) as exc:
                yield _failure(path, getattr(exc, "lineno", None), f"malformed JSON: {_json_reason(exc)}")
                return
            if not isinstance(obj, dict):
                yield _failure(path, None, f"expected a JSON object or an array of objects, found {type(obj).__name__}")
                return
            yield _finish(_map_fields(obj, fields), path, 1, limits)
            return
        stream.pos += 1
        while True:
            char = stream.skip_space()
            if char == "]" and index == 0:
                stream.pos += 1
                yield _failure(path, None, "empty JSON array (no records)")
                break
            index += 1
            item = _decode_item(stream, decoder, path, index)
            if isinstance(item, InputTooLargeError):
                yield _from_error(item)
            elif not isinstance(item, dict):
                yield _failure(path, index, f"item {index}: expected a JSON object, found {type(item).__name__}")
            else:
                yield _finish(_map_fields(item, fields), path, index, limits)
            char = stream.skip_space()
            stream.pos += 1
            if char == "]":
                break
            if char != ",":
                found = "the end of the file" if char == "" else repr(char)
                raise InputError(path, f"malformed JSON: expected ',' or ']' after item {index}, found {found}", index)
        if stream.skip_space() != "":
            raise InputError(path, "malformed JSON: extra data after the closing ']'", index + 1)
    except _BrokenStream as exc:
        # Items before the break were yielded; this failure stands for the rest.
        yield _failure(path, index + 1 if index else None, exc.reason)
    except InputError as exc:
        yield _from_error(exc)


def _decode_item(stream: _JsonStream, decoder: json.JSONDecoder, path: str, index: int) -> Any:
    """Decode the array item at the stream position, reading more text until it is whole."""
    while True:
        try:
            item, end = decoder.raw_decode(stream.buf, stream.pos)
        except RecursionError:
            raise InputError(path, f"malformed JSON: item {index} is nested too deeply", index) from None
        except ValueError as exc:
            item, end = None, -1
            error: BaseException | None = exc
        else:
            error = None
        too_long = InputTooLargeError(
            path, f"item {index} exceeds {stream.max_item:,} characters (limits.max_line_bytes)", index
        )
        # An item that reaches the end of the buffer may continue in the next chunk.
        if error is None and (end < len(stream.buf) or stream.eof):
            too_big = end - stream.pos > stream.max_item
            stream.pos = end
            # Whole but too big: report it and go on with the next item.
            return too_long if too_big else item
        if len(stream.buf) - stream.pos > stream.max_item:
            _skip_value(stream, path, index)
            return too_long
        if not stream.more(max(_JSON_CHUNK, len(stream.buf) - stream.pos)):
            if error is None:
                stream.pos = end
                return item
            raise InputError(path, f"malformed JSON in item {index}: {_json_reason(error)}", index)


def _skip_value(stream: _JsonStream, path: str, index: int) -> None:
    """Move past one JSON value without decoding it (an over-long array item).

    Only brackets outside strings count, so memory stays at one chunk however long the item.
    """
    depth, in_string, escaped = 0, False, False
    while True:
        buf, pos = stream.buf, stream.pos
        while pos < len(buf):
            char = buf[pos]
            pos += 1
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
                    if depth == 0:
                        stream.pos = pos
                        return
            elif char == '"':
                in_string = True
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth <= 0:
                    stream.pos = pos if depth == 0 else pos - 1
                    return
            elif depth == 0 and char in ", \t\r\n":
                stream.pos = pos - 1  # the end of a bare number or literal
                return
        stream.pos = pos
        if not stream.more():
            raise InputError(path, f"malformed JSON: item {index} does not end", index)


def _read_csv(
    raw: IO[bytes], path: str, fields: FieldMap, limits: LimitSettings, delimiter: str
) -> Iterator[Article | Failure]:
    lines = _Lines(raw, path, limits)
    # The csv module's own field limit is process-wide; a line is never longer than this anyway.
    csv.field_size_limit(max(limits.max_line_bytes, csv.field_size_limit()))
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    records = 0
    while True:
        if header is not None:
            # Between two records (the csv module reads no line ahead), so blank lines can go
            # in one step; they would be skipped as empty rows anyway.
            lines.skip_blank_run()
        start = lines.number + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except _BrokenStream as exc:
            yield _from_error(exc)
            return
        except InputError as exc:
            if header is None:
                yield _failure(path, exc.line, f"unreadable CSV header: {exc.reason}")
                return
            records += 1
            yield _from_error(exc)
            continue
        except csv.Error as exc:
            records += 1
            yield _failure(path, start, f"malformed CSV row: {exc}")
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            if fields.text not in header:
                found = ", ".join(header)[:300]
                yield _failure(path, start, f"CSV header has no {fields.text!r} column (found: {found})")
                return
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        records += 1
        if len(row) != len(header):
            yield _failure(path, start, f"row has {len(row)} fields, the header has {len(header)}")
            continue
        yield _finish(_map_fields(dict(zip(header, row, strict=True)), fields), path, start, limits)
    if header is None:
        yield _failure(path, None, "empty CSV file (no header row)")
    elif not records:
        yield _failure(path, None, "empty CSV file (a header row but no records)")


def _map_fields(obj: Mapping[str, Any], fields: FieldMap) -> dict[str, Any]:
    record = {ours: obj.get(getattr(fields, ours)) for ours in _FIELDS}
    if record["source"] in (None, ""):
        for name in fields.extra_sources:
            if obj.get(name):
                record["source"] = obj[name]
                break
    return record


def _as_text(value: Any) -> str | None:
    """A metadata value as storable text; other types (lists, objects) are ignored."""
    if value is None:
        return None
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, (int, float)):
        try:
            return str(value)
        except ValueError:  # an integer beyond Python's 4,300-digit str() limit
            return None
    return None


def _json_type(value: Any) -> str:
    """How a non-string value reads in an error message ("a number", "a list", ...)."""
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def record_to_article(record: Mapping[str, Any], path: str, line: int | None, limits: LimitSettings) -> Article:
    """Turn one input record (our field names) into an :class:`Article`; raise on bad input.

    Args:
        record: the input fields under our names (``text``, ``date``, ``source``, ...).
        path: the file the record came from (for errors and provenance).
        line: its line (JSONL, CSV) or item number (JSON), if any.
        limits: the size limits.

    Returns:
        The article; its id is derived from the body text.

    Raises:
        InputError: when the text is missing, empty, binary or not valid Unicode.
        InputTooLargeError: when the text exceeds ``limits.max_article_chars``.
    """
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(path, f"the 'text' field is {_json_type(text)}; it must be a string", line)
    if len(text) > limits.max_article_chars:
        raise InputTooLargeError(
            path,
            f"article has {len(text):,} characters; "
            f"the limit is {limits.max_article_chars:,} (limits.max_article_chars)",
            line,
        )
    if "\x00" in text:
        raise InputError(path, "text contains NUL bytes (binary data?)", line)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(path, "text contains lone surrogate code points (invalid Unicode)", line) from None
    if not text.strip():
        raise InputError(path, "empty article text", line)
    header, body = split_wire_text(text)
    publisher = _as_text(record.get("source"))
    article_date = normalize_date(_as_text(record.get("date")))
    if header is not None:
        text = body
        publisher = publisher or header.publisher
        article_date = article_date or header.date
        if not text.strip():
            raise InputError(path, "empty article text after the wire header", line)
    if not normalize_text(text):
        # Only punctuation, symbols or invisible characters: nothing to analyse, and every
        # such text would share one id.
        raise InputError(path, "article text has no letters or digits", line)
    title = _as_text(record.get("title"))
    return Article(
        id=article_id_for(text),
        source_id=_as_text(record.get("id")),
        date=article_date,
        publisher=publisher or None,
        relayed_from=find_relayed_from(text, publisher),
        title=title or None,
        url=_as_text(record.get("url")) or None,
        source_path=_clean(path),
        source_line=line,
        text=text,
    )


def _finish(record: Mapping[str, Any], path: str, line: int | None, limits: LimitSettings) -> Article | Failure:
    try:
        return record_to_article(record, path, line, limits)
    except InputError as exc:
        return _from_error(exc)
