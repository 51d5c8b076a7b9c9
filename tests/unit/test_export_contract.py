"""The export contract: every exported record has exactly the documented fields."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.store import open_store
from tests.unit.test_store import _article

DOC = Path(__file__).resolve().parents[2] / "docs" / "export-contract.md"

# The contract fields of issue 2; extensions may be added, these never go away.
CONTRACT = {
    "articles": {"id", "source_id", "date", "publisher", "relayed_from", "title", "url", "source_path", "duplicate_of"},
    "mentions": {"article_id", "text", "label", "start", "end", "actor_id"},
    "actors": {"id", "name", "kind", "country", "sector", "igo", "title", "affiliation", "code"},
    "quotes": {"id", "article_id", "text", "start", "end", "type", "cue", "speaker"},
    "events": {
        "id",
        "article_id",
        "type",
        "mode",
        "context",
        "cameo",
        "goldstein",
        "source",
        "target",
        "date",
        "location",
        "sentence",
        "trigger",
        "confidence",
    },
}
NESTED = {
    ("quotes", "speaker"): {"text", "start", "end", "actor_id", "name"},
    ("events", "source"): {"actor_id", "name", "country", "sector", "igo"},
    ("events", "target"): {"actor_id", "name", "country", "sector", "igo"},
    ("events", "location"): {"name", "country", "lat", "lon"},
    ("events", "sentence"): {"start", "end"},
    ("events", "trigger"): {"start", "end", "text"},
}


def _documented(section: str) -> set[str]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    fields: set[str] = set()
    for line in block.splitlines():
        if line.startswith("| `"):
            fields.update(re.findall(r"`([a-z_]+)`", line.split("|")[1]))
    return fields


@pytest.mark.parametrize("what", sorted(CONTRACT))
def test_export_contract_fields(tmp_path: Path, what: str) -> None:
    with open_store(tmp_path / "kb.duckdb") as store:
        store.put([_article()])
        out = tmp_path / f"{what}.jsonl"
        assert store.export(what, "jsonl", out) >= 1
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        assert CONTRACT[what] <= set(row), f"{what} lacks {CONTRACT[what] - set(row)}"
        assert set(row) <= _documented(what), f"undocumented {what} fields: {set(row) - _documented(what)}"
        for (table, field), keys in NESTED.items():
            if table == what and row.get(field) is not None:
                assert set(row[field]) == keys


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_other_formats(tmp_path: Path, fmt: str) -> None:
    with open_store(tmp_path / "kb.duckdb") as store:
        store.put([_article()])
        out = tmp_path / f"events.{fmt}"
        store.export("events", fmt, out)
        assert out.stat().st_size > 0
        rows = store.rows(f"SELECT count(*) AS n FROM read_{fmt}(?)", [str(out)])
        assert rows[0]["n"] == 1
