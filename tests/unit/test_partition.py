"""Partitions: line ranges of JSONL files that cover every line once, with whole-file line numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.config import load_settings
from communique.ingest import FieldMap
from communique.ingest.partition import plan_partitions, read_partition
from communique.model import Article


@pytest.fixture
def skewed(tmp_path: Path) -> Path:
    """200 articles: the first 150 short, the last 50 ten times longer (long ones cluster)."""
    path = tmp_path / "skewed.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(200):
            words = 10 if i < 150 else 100
            text = " ".join(f"word{i}x{j}" for j in range(words))
            handle.write(json.dumps({"id": f"a{i}", "text": f"Article {i}. {text}"}) + "\n")
    return path


def test_partition_ranges_cover_the_file_in_order(skewed: Path) -> None:
    parts = plan_partitions([skewed], min_partitions=4)
    assert parts[0].start == 0 and parts[-1].end == skewed.stat().st_size
    for before, after in zip(parts, parts[1:], strict=False):
        assert before.end == after.start
    lines = [
        item.source_line
        for part in parts
        for item in read_partition(part, FieldMap(), load_settings().limits)
        if isinstance(item, Article)
    ]
    assert lines == list(range(1, 201))


def test_partition_few_files_split_by_bytes_not_lines(skewed: Path) -> None:
    parts = plan_partitions([skewed], min_partitions=4)
    assert len(parts) == 4
    sizes = [p.end - p.start for p in parts if p.end is not None]
    # Equal-line ranges would differ about 5 times here (50 short lines vs 50 long ones).
    assert max(sizes[:-1]) < 1.2 * min(sizes[:-1])
    assert sizes[-1] <= max(sizes[:-1])
    assert [p.first_line for p in parts][-1] > 150


def test_partition_lines_per_partition_still_caps_a_range(skewed: Path) -> None:
    parts = plan_partitions([skewed], lines_per_partition=30, min_partitions=4)
    counts = [b.first_line - a.first_line for a, b in zip(parts, parts[1:], strict=False)]
    assert max(counts) <= 30
    assert len(parts) >= 7
