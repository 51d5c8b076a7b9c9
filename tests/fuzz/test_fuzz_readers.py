"""Property tests: every reader turns any input into articles and failures, never a crash.

For each generated file the reader must (1) not raise, (2) emit only valid records: an
article's text and metadata are storable Unicode, a failure names the file and gives a
reason, and (3) when the file is well-formed enough to count records, account for every
record exactly once (one article or one failure per line, row or item): nothing dropped.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.ingest import iter_articles
from communique.model import Article, Failure
from tests.fuzz._inputs import (
    FUZZ_LIMITS,
    FuzzFile,
    any_file,
    csv_files,
    gzipped,
    html_files,
    json_files,
    jsonl_files,
    text_files,
)

# Example counts are modest on purpose: CI has 2 cores and one budget for the whole suite.
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
SLOWER = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _storable(text: str | None) -> bool:
    if text is None:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_file(file: FuzzFile, folder: Path) -> tuple[Path, list[Article | Failure]]:
    """Write ``file`` into ``folder`` and read it back with the test limits."""
    path = folder / file.name
    path.write_bytes(file.data)
    return path, list(iter_articles([path], limits=FUZZ_LIMITS))


def check_valid(items: list[Article | Failure], paths: set[str]) -> None:
    """Every output is an article or a failure, storable, and points at an input file."""
    for item in items:
        if isinstance(item, Failure):
            assert item.path in paths, item
            assert item.reason.strip(), item
            assert _storable(item.path) and _storable(item.reason) and "\x00" not in item.reason
            assert "unexpected error" not in item.reason, item
        else:
            assert isinstance(item, Article), item
            assert item.source_path in paths
            assert item.text.strip() and "\x00" not in item.text
            assert len(item.text) <= FUZZ_LIMITS.max_article_chars
            for value in (item.text, item.title, item.publisher, item.source_id, item.url, item.date):
                assert _storable(value), item
            if item.date is not None:
                assert len(item.date) == 10 and item.date[4] == "-", item.date


def _ends_stream(reason: str) -> bool:
    return "compression bomb" in reason or reason.startswith(("cannot read the file", "cannot read file"))


def check_accounted(file: FuzzFile, items: list[Article | Failure]) -> None:
    """Each expected record number ends as exactly one article or failure."""
    if file.expected is None:
        return
    if file.expected == {0}:  # whole-file formats: one article or one failure
        assert len(items) == 1, items
        return
    if not file.name.endswith(".gz") and len(file.data) > FUZZ_LIMITS.max_file_bytes:
        # A file over the size limit is refused whole, with one failure naming the limit.
        assert len(items) == 1 and isinstance(items[0], Failure), items
        assert "limits.max_file_bytes" in items[0].reason, items
        return
    stopped = [i for i in items if isinstance(i, Failure) and _ends_stream(i.reason)]
    if stopped:
        # The stream broke (bomb, damaged .gz): that one failure reports the rest of the file
        # (from its line on, or the whole file when it has none); before it, nothing is lost.
        assert stopped == [items[-1]], items
        before = Counter(i.source_line if isinstance(i, Article) else i.line for i in items[:-1])
        assert all(count == 1 for count in before.values()), before
        if stopped[0].line is not None:
            assert set(before) == {n for n in file.expected if n < stopped[0].line}, (sorted(before), stopped)
        else:
            assert set(before) <= file.expected, (sorted(before), stopped)
        return
    if not file.expected:  # no records at all: the empty file itself is reported
        assert len(items) == 1 and isinstance(items[0], Failure) and "empty" in items[0].reason, items
        return
    numbers = Counter(i.source_line if isinstance(i, Article) else i.line for i in items)
    assert set(numbers) == file.expected, (sorted(numbers), sorted(file.expected), items[:5])
    assert all(count == 1 for count in numbers.values()), numbers


def _run(file: FuzzFile) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, items = read_file(file, Path(folder))
        check_valid(items, {str(path)})
        check_accounted(file, items)


@pytest.mark.parametrize(
    "strategy",
    [jsonl_files(), csv_files(), text_files()],
    ids=["jsonl", "csv-tsv", "txt"],
)
def test_readers_fuzz_line_formats(strategy: st.SearchStrategy[FuzzFile]) -> None:
    @FAST
    @given(strategy)
    def check(file: FuzzFile) -> None:
        _run(file)

    check()


@pytest.mark.parametrize("strategy", [json_files(), html_files()], ids=["json", "html"])
def test_readers_fuzz_document_formats(strategy: st.SearchStrategy[FuzzFile]) -> None:
    @SLOWER
    @given(strategy)
    def check(file: FuzzFile) -> None:
        _run(file)

    check()


@FAST
@given(
    st.binary(max_size=400),
    st.sampled_from(["x.txt", "x.jsonl", "x.json", "x.csv", "x.tsv", "x.html", "x.bin", "x.gz"]),
)
def test_readers_fuzz_random_bytes(data: bytes, name: str) -> None:
    _run(FuzzFile(name, data, {0} if name.endswith((".txt", ".html", ".bin")) else None))


@SLOWER
@given(
    st.one_of(jsonl_files(), csv_files(), json_files(), text_files()),
    st.sampled_from(["intact", "truncated", "corrupted"]),
    st.floats(0.0, 1.0),
)
def test_readers_fuzz_gzip_damaged(file: FuzzFile, damage: str, where: float) -> None:
    packed = gzipped(file, damage, where)
    with tempfile.TemporaryDirectory() as folder:
        path, items = read_file(packed, Path(folder))
        check_valid(items, {str(path)})
        check_accounted(packed, items)
        if damage != "intact" and not any(isinstance(i, Failure) for i in items):
            # Damage past the end of the data may go unnoticed only if every record came out.
            plain, clean = read_file(file, Path(folder))
            assert [i.id for i in items if isinstance(i, Article)] == [i.id for i in clean if isinstance(i, Article)], (
                "a damaged .gz lost records without reporting it"
            )


@SLOWER
@given(st.lists(any_file, min_size=1, max_size=5))
def test_readers_fuzz_folder(files: list[FuzzFile]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        written: dict[str, FuzzFile] = {}
        for index, file in enumerate(files):
            sub = root / f"d{index % 2}" / ("deeper" if index % 3 == 0 else "")
            sub.mkdir(parents=True, exist_ok=True)
            path = sub / f"{index}-{file.name}"
            path.write_bytes(file.data)
            written[str(path)] = file
        (root / ".hidden.jsonl").write_bytes(b"not read")
        (root / "empty-folder").mkdir()
        os.mkfifo(root / "a-pipe.txt")  # would block forever if opened
        items = list(iter_articles([root], limits=FUZZ_LIMITS))
        pipe = str(root / "a-pipe.txt")
        check_valid(items, set(written) | {pipe})
        (pipe_failure,) = [i for i in items if isinstance(i, Failure) and i.path == pipe]
        assert "regular file" in pipe_failure.reason
        for path, file in written.items():
            mine = [i for i in items if (i.source_path if isinstance(i, Article) else i.path) == path]
            check_accounted(file, mine)


@pytest.mark.parametrize("case", ["nul", "too-long", "link-loop", "broken-link", "not-utf8-name"])
def test_readers_odd_paths_reported(tmp_path: Path, case: str) -> None:
    """Paths the file system refuses are failures with a reason, never an exception."""
    if case == "nul":
        path: str | Path = str(tmp_path / "a\x00b.txt")
    elif case == "too-long":
        path = tmp_path / ("x" * 300 + ".txt")
    elif case == "link-loop":
        path = tmp_path / "loop.txt"
        path.symlink_to(path)
    elif case == "broken-link":
        path = tmp_path / "broken.txt"
        path.symlink_to(tmp_path / "nowhere.txt")
    else:
        path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))  # a surrogate escape in the name
        path.write_text("Leaders met in Geneva on Monday.", encoding="utf-8")
    items = list(iter_articles([path], limits=FUZZ_LIMITS))
    (item,) = items
    assert _storable(item.source_path if isinstance(item, Article) else item.path)
    if case == "not-utf8-name":
        assert isinstance(item, Article) and "\ufffd" in (item.source_path or "")
    else:
        assert isinstance(item, Failure) and item.reason and "unexpected" not in item.reason
