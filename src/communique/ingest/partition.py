"""Split inputs into partitions for distributed runs: whole files, or line ranges of JSONL.

A partition is a small picklable description (path, byte range, first line number), so a
worker on another machine reads only its own part of a big file, and the line numbers in
its failures are the line numbers of the whole file.

Example:
    >>> parts = plan_partitions(["news.jsonl"], lines_per_partition=500)  # doctest: +SKIP
    >>> parts[0].first_line                                                 # doctest: +SKIP
    1
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.config import LimitSettings
from communique.ingest.readers import FieldMap, _read_jsonl, _walk, iter_articles
from communique.model import Article, Failure

__all__ = ["Partition", "plan_partitions", "read_partition"]

# Files smaller than this are never split (unless there are too few files to keep every
# worker busy): one task per file is cheap enough.
_SPLIT_ABOVE_BYTES = 4 << 20
# Fewer lines than this per task would cost more in per-task overhead (an in-memory store and
# a handful of Parquet files, about 0.2 s) than it gains in balance.
_MIN_LINES = 25


@dataclass(frozen=True)
class Partition:
    """One unit of distributed work.

    ``start``/``end`` are byte offsets of a JSONL line range (``end`` None: whole file);
    ``first_line`` is the 1-based line number of the range's first line.
    """

    index: int
    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def name(self) -> str:
        """A stable name: the same input gives the same partition names on every run."""
        return f"{self.index:06d}"


def _is_plain_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".ndjson"))


def plan_partitions(
    paths: Iterable[str | os.PathLike[str]],
    lines_per_partition: int = 500,
    split_above: int = _SPLIT_ABOVE_BYTES,
    min_partitions: int = 1,
) -> list[Partition]:
    """Plan partitions in input order: big plain JSONL files by line ranges, others whole.

    Args:
        paths: input files and folders.
        lines_per_partition: JSONL lines per partition (at most).
        split_above: JSONL files larger than this many bytes are split.
        min_partitions: when the inputs are fewer files than this (e.g. one JSONL file and a
            cluster of 8 workers), JSONL files are split whatever their size, into ranges of
            about equal bytes (no more pieces than one per ``_MIN_LINES`` lines), so that
            every worker gets work and the tasks take about as long.
    """
    items = [item for given in paths for item in _walk(Path(given))]
    files = [i for i in items if not isinstance(i, Failure)]
    share = -(-min_partitions // max(1, len(files))) if len(files) < min_partitions else 1
    partitions: list[Partition] = []
    for item in items:
        if isinstance(item, Failure):
            partitions.append(Partition(index=len(partitions), path=str(item.path)))
            continue
        path = item
        plain = _is_plain_jsonl(path) and path.is_file()
        lines = lines_per_partition
        max_bytes = None
        if plain and share > 1:
            # Ranges of equal bytes, not equal lines: parsing time follows the text's length,
            # and long articles cluster (in world.jsonl the last of 16 equal-line ranges of the
            # first 400 lines holds four times the text of the fourth), so equal-line ranges
            # leave a worker idle at the end while another parses the longest one.
            pieces = min(share, max(1, _count_lines(path) // _MIN_LINES))
            max_bytes = -(-path.stat().st_size // pieces)
        elif not (plain and path.stat().st_size > split_above):
            partitions.append(Partition(index=len(partitions), path=str(path)))
            continue
        for start, end, first in _line_ranges(path, lines, max_bytes):
            partitions.append(Partition(index=len(partitions), path=str(path), start=start, end=end, first_line=first))
    return partitions


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            count += chunk.count(b"\n")
    return count


def _line_ranges(path: Path, lines_per_partition: int, max_bytes: int | None = None) -> Iterator[tuple[int, int, int]]:
    """Byte ranges of whole lines, streaming the file once: a range ends after
    ``lines_per_partition`` lines or at the first line end at or beyond ``max_bytes``."""
    start = 0
    offset = 0
    line = 0
    first = 1
    with path.open("rb") as handle:
        for raw in iter(lambda: handle.readline(1 << 24), b""):
            offset += len(raw)
            if raw.endswith(b"\n") or len(raw) < (1 << 24):
                line += 1
                full = max_bytes is not None and offset - start >= max_bytes
                if full or line - first + 1 >= lines_per_partition:
                    yield start, offset, first
                    start, first = offset, line + 1
    if offset > start:
        yield start, offset, first


def read_partition(partition: Partition, fields: FieldMap, limits: LimitSettings) -> Iterator[Article | Failure]:
    """The articles and failures of one partition, with whole-file line numbers."""
    if partition.end is None:
        yield from iter_articles([partition.path], fields=fields, limits=limits)
        return
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read(partition.end - partition.start)
    shift = partition.first_line - 1
    for item in _read_jsonl(io.BytesIO(data), partition.path, fields, limits):
        if isinstance(item, Article):
            if item.source_line is not None:
                item.source_line += shift
        elif item.line is not None:
            item.line += shift
        yield item
