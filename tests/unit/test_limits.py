"""Input limits: each one refuses with a reason that names it, and memory stays bounded.

Small limits keep the inputs cheap; ``docs/limits.md`` documents every limit and a test
here checks it does.
"""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from pathlib import Path

import pytest

from communique.config import LimitSettings, load_settings
from communique.ingest import iter_articles
from communique.model import Article, Failure

DOCS = Path(__file__).resolve().parents[2] / "docs" / "limits.md"
SMALL = LimitSettings(max_article_chars=1_000, max_file_bytes=50_000, max_line_bytes=5_000, max_gzip_ratio=20)
STORY = "Belarus and Azerbaijan signed a treaty in Minsk on Tuesday."


def _read(path: Path, limits: LimitSettings = SMALL) -> list[Article | Failure]:
    return list(iter_articles([path], limits=limits))


def test_limits_every_setting_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    defaults = load_settings().limits
    for name in LimitSettings.model_fields:
        assert f"`limits.{name}`" in text, name
        assert f"{getattr(defaults, name):,}" in text, f"default of limits.{name} not in docs/limits.md"


@pytest.mark.parametrize(
    ("name", "content", "line", "setting"),
    [
        ("long.txt", ("x " * 800).encode(), None, "max_article_chars"),
        ("big.txt", b"y" * 60_000, None, "limits.max_file_bytes"),
        ("feed.jsonl", json.dumps({"text": "z " * 600}).encode() + b"\n", 1, "max_article_chars"),
        ("lines.jsonl", b'{"text": "' + b"w" * 6_000 + b'"}\n', 1, "max_line_bytes"),
        ("rows.csv", b"id,text\n1," + b"v" * 6_000 + b"\n", 2, "max_line_bytes"),
        ("items.json", b'[{"text": "' + b"u" * 6_000 + b'"}]', 1, "max_line_bytes"),
        ("one.json", b'{"text": "' + b"u" * 6_000 + b'"}', 1, "max_line_bytes"),
        ("page.html", b"<html><body><p>" + b"t " * 3_000 + b"</p></body></html>", None, "max_line_bytes"),
        ("bomb.jsonl.gz", gzip.compress(b"\n" * 45_000), 1581, "max_gzip_ratio"),  # 79 bytes x 20 = 1,580 newlines
    ],
    ids=[
        "txt-article",
        "txt-file",
        "jsonl-article",
        "jsonl-line",
        "csv-line",
        "json-item",
        "json-object",
        "html-page",
        "gzip-ratio",
    ],
)
def test_limits_refusal_names_the_limit(
    tmp_path: Path, name: str, content: bytes, line: int | None, setting: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (failure,) = [i for i in _read(path) if isinstance(i, Failure)]
    assert failure.path == str(path)
    assert failure.line == line
    assert setting in failure.reason


@pytest.mark.parametrize(
    ("name", "size"),
    [("feed.jsonl", 6_000), ("feed.csv", 6_000), ("feed.json", 6_000), ("feed.json", 1_500_000)],
    ids=["jsonl", "csv", "json-item-buffered", "json-item-streamed"],
)
def test_limits_long_line_skipped_next_line_read(tmp_path: Path, name: str, size: int) -> None:
    path = tmp_path / name
    if name.endswith(".json"):
        # Past one read chunk (1 MiB) the item is skipped unparsed, bracket by bracket.
        items = [{"text": "q" * size, "nested": [{"a": "]}"}]}, {"text": STORY}]
        path.write_text(json.dumps(items), encoding="utf-8")
        bad_line, good_line = 1, 2
    elif name.endswith(".csv"):
        path.write_text(f"text\n{'q' * size}\n{STORY}\n", encoding="utf-8")
        bad_line, good_line = 2, 3
    else:
        path.write_text(json.dumps({"text": "q" * size}) + "\n" + json.dumps({"text": STORY}) + "\n", encoding="utf-8")
        bad_line, good_line = 1, 2
    failure, article = _read(path, SMALL.model_copy(update={"max_file_bytes": 10_000_000}))
    assert isinstance(failure, Failure) and failure.line == bad_line
    assert isinstance(article, Article) and article.source_line == good_line and article.text == STORY


def test_limits_gzip_within_ratio_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": STORY}) + "\n").encode() * 3))
    assert [type(i) for i in _read(path)] == [Article] * 3


def test_limits_truncated_gzip_keeps_lines_before_damage(tmp_path: Path) -> None:
    rows = [json.dumps({"text": f"{STORY} Story {n}."}) for n in range(2_000)]
    packed = gzip.compress(("\n".join(rows) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = _read(path, load_settings().limits)
    articles = [i for i in items if isinstance(i, Article)]
    (failure,) = [i for i in items if isinstance(i, Failure)]
    assert 0 < len(articles) < len(rows)
    assert [a.source_line for a in articles] == list(range(1, len(articles) + 1))
    assert failure.line == len(articles) + 1 and "truncated" in failure.reason


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 MB of one repeated byte in about 100 KB of gzip (a ratio of about 1,000)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        block = b"a" * (1 << 20)
        for _ in range(100):
            handle.write(block)
    return path


@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv", "json", "html"])
def test_limits_gzip_bomb_refused_in_bounded_memory(tmp_path: Path, bomb: Path, kind: str) -> None:
    path = tmp_path / f"bomb.{kind}.gz"
    path.write_bytes(bomb.read_bytes())
    limits = load_settings().limits  # the real defaults: ratio 200, 50 MB lines
    tracemalloc.start()
    try:
        items = _read(path, limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (failure,) = items
    assert isinstance(failure, Failure) and "exceeds" in failure.reason
    # The stream stops at ratio x compressed size (about 20 MB here), never 100 MB; the
    # .txt reader stops even earlier, at the largest article allowed.
    ceiling = limits.max_gzip_ratio * path.stat().st_size
    assert peak < 2 * ceiling + (8 << 20), f"peak {peak:,} bytes for a {ceiling:,}-byte stream limit"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("feed.jsonl", b"\n  \n"),
        ("feed.csv", b"id,text\n"),
        ("items.json", b"[ ]"),
        ("feed.jsonl.gz", b""),  # a .gz cut to nothing reads as an empty stream
        ("story.txt", b""),
    ],
    ids=["jsonl", "csv-header-only", "json-empty-array", "gz-zero-bytes", "txt"],
)
def test_limits_file_without_records_reported(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (failure,) = _read(path)
    assert isinstance(failure, Failure) and failure.path == str(path) and "empty" in failure.reason


@pytest.mark.parametrize("name", ["junk.jsonl", "junk.csv"])
def test_limits_file_of_garbage_abandoned(tmp_path: Path, name: str) -> None:
    """A file of junk records stops after 10,000 failures instead of filling the report."""
    path = tmp_path / name
    header = b"id,text\n" if name.endswith(".csv") else b""
    path.write_bytes(header + b"x,y,z\n" * 12_000 + b'{"text": "never read"}\n')
    items = _read(path, load_settings().limits)
    assert len(items) == 10_001 and all(isinstance(i, Failure) for i in items)
    assert "stopped reading after 10,000 failed records" in items[-1].reason


@pytest.mark.parametrize("name", ["blank.jsonl.gz", "blank.csv.gz"])
def test_limits_gzip_of_blank_lines_is_fast(tmp_path: Path, name: str) -> None:
    """Blank lines are skipped in runs: 2 million of them, then one record, in well under a second."""
    path = tmp_path / name
    header = b"text\n" if ".csv" in name else b""
    record = b"Belarus and Azerbaijan met.\n" if ".csv" in name else json.dumps({"text": STORY}).encode() + b"\n"
    path.write_bytes(gzip.compress(header + b"\n" * 2_000_000 + record))
    limits = LimitSettings(
        max_article_chars=1_000, max_file_bytes=50_000_000, max_line_bytes=5_000, max_gzip_ratio=1_000
    )
    started = time.perf_counter()
    (article,) = _read(path, limits)
    assert isinstance(article, Article) and article.source_line == 2_000_001 + len(header.splitlines())
    assert time.perf_counter() - started < 5.0
