"""List downloads: choosing JSON, CSV or JSON Lines, and writing the rows.

CSV flattens the nested records the way ``communique export --format csv`` names the table
columns (``speaker_name``, ``source_country``, ``trigger_start``); lists are joined with
``;`` (``docs/export-contract.md``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal

__all__ = ["DOWNLOAD_MEDIA", "Format", "choose_format", "csv_columns", "csv_lines", "flatten", "jsonl_lines"]

Format = Literal["json", "csv", "jsonl"]

DOWNLOAD_MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}

# Accept header media types → format (the first match in the header wins).
_ACCEPT = {
    "text/csv": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json-lines": "jsonl",
    "application/json": "json",
}

# Flattened names that differ from "parent_child" (they follow the table columns).
_RENAME = {"cue_span_start": "cue_start", "cue_span_end": "cue_end", "location_lat": "lat", "location_lon": "lon"}


def choose_format(fmt: Format | None, accept: str | None) -> Format:
    """``?format=`` when given, else the first known type in the ``Accept`` header, else JSON."""
    if fmt is not None:
        return fmt
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in _ACCEPT:
            return _ACCEPT[media]  # type: ignore[return-value]
    return "json"


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """One level of columns from a nested record (``speaker.name`` → ``speaker_name``)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}_{key}" if prefix else key
        if isinstance(value, dict):
            out.update(flatten(value, name))
        elif isinstance(value, list):
            out[_RENAME.get(name, name)] = ";".join(
                json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else str(v) for v in value
            )
        else:
            out[_RENAME.get(name, name)] = value
    return out


def _columns(model_fields: Iterable[str], nested: dict[str, list[str]]) -> list[str]:
    cols: list[str] = []
    for f in model_fields:
        if f in nested:
            cols += [_RENAME.get(f"{f}_{c}", f"{f}_{c}") for c in nested[f]]
        else:
            cols.append(f)
    return cols


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """CSV text, header first, one chunk per row (streamed)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(flatten(row))
        yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line (streamed)."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def csv_columns(model: Any) -> list[str]:
    """The CSV header of a response item model: nested models become ``parent_child`` columns."""
    nested: dict[str, list[str]] = {}
    for name, info in model.model_fields.items():
        sub = _nested_model(info.annotation)
        if sub is not None:
            nested[name] = list(sub.model_fields)
    return _columns(model.model_fields, nested)


def _nested_model(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    candidates = [annotation, *get_args(annotation)]
    for c in candidates:
        if isinstance(c, type) and issubclass(c, BaseModel):
            return c
    return None
