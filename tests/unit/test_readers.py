"""Readers: every input kind, good and bad, becomes an Article or a Failure with path and line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.ingest import FieldMap, iter_articles
from communique.ingest.wire import find_relayed_from, normalize_date, parse_wire_header
from communique.model import Article, Failure

WIRE = " date 2020-05-04 By Azertag\n\nThe foreign ministers of Georgia and Armenia met in Tbilisi, APA reported.\n"


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _failures(items):
    return [i for i in items if isinstance(i, Failure)]


def test_readers_wire_header_parsed(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(WIRE, encoding="utf-8")
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert (article.date, article.publisher, article.relayed_from) == ("2020-05-04", "Azertag", ["APA"])
    assert article.text.startswith("The foreign ministers")
    assert article.source_path == str(path)


def test_readers_example_article_metadata(example_path: Path) -> None:
    (article,) = list(iter_articles([example_path]))
    assert article.date == "2018-11-14"
    assert article.publisher == "Trend"
    assert article.relayed_from == ["BelTA"]


def test_readers_plain_text_without_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Diplomats gathered in Geneva for a second round of talks.", encoding="utf-8")
    (article,) = list(iter_articles([path]))
    assert article.date is None and article.publisher is None
    assert article.text.startswith("Diplomats")


def test_readers_jsonl_fields_and_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"id": "a1", "date": "2019-01-02", "source": "Xinhua", "title": "T", "text": "Leaders met.", "url": "u"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "a2", "text": 5}), "", json.dumps([1, 2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    (article,) = _articles(items)
    assert (article.source_id, article.date, article.publisher, article.title, article.url, article.source_line) == (
        "a1",
        "2019-01-02",
        "Xinhua",
        "T",
        "u",
        1,
    )
    failures = _failures(items)
    assert [f.line for f in failures] == [2, 3, 5]
    assert all(f.path == str(path) for f in failures)
    assert "malformed JSON" in failures[0].reason


def test_readers_jsonl_field_mapping(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"body": "Ministers agreed on a plan.", "outlet": "TASS"}) + "\n", encoding="utf-8")
    (article,) = list(iter_articles([path], fields=FieldMap.parse(["text=body", "source=outlet"])))
    assert article.publisher == "TASS" and article.text == "Ministers agreed on a plan."


def test_readers_field_mapping_rejects_unknown() -> None:
    with pytest.raises(ValueError, match="OURS=THEIRS"):
        FieldMap.parse(["body=text"])


def test_readers_csv_and_ragged_row(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text(
        'id,date,source,text\n1,2017-03-04,AP,"Troops withdrew, officials said."\n2,2017-03-05\n', encoding="utf-8"
    )
    items = list(iter_articles([path]))
    (article,) = _articles(items)
    assert article.source_id == "1" and article.publisher == "AP" and article.source_line == 2
    (failure,) = _failures(items)
    assert failure.line == 3 and "fields" in failure.reason


def test_readers_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (failure,) = list(iter_articles([path]))
    assert isinstance(failure, Failure) and "'text'" in failure.reason


def test_readers_html_main_text(tmp_path: Path) -> None:
    body = " ".join(["The two delegations discussed border security and trade in a long meeting."] * 6)
    html = (
        "<html><head><title>Talks in Baku</title></head><body><article><h1>Talks in Baku</h1>"
        f"<p>{body}</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article), article
    assert "border security" in article.text and article.title == "Talks in Baku"


def test_readers_gzip_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "corpus" / "nested"
    folder.mkdir(parents=True)
    with gzip.open(folder / "feed.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "First story about a summit."}) + "\n")
        handle.write(json.dumps({"text": "Second story about sanctions."}) + "\n")
    (tmp_path / "corpus" / "one.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "corpus" / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(iter_articles([tmp_path / "corpus"]))
    assert len(_articles(items)) == 3 and not _failures(items)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\xff\xfe", "binary"),
        ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "UTF-8"),
        ("trunc.jsonl.gz", gzip.compress(b'{"text": "abc"}\n' * 50)[:-20], "truncated"),
        ("bad.json", b"[{]", "malformed JSON"),
    ],
)
def test_readers_bad_files_reported(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = list(iter_articles([path]))
    failures = _failures(items)
    assert failures, items
    assert failures[-1].path == str(path)
    assert reason.lower() in failures[-1].reason.lower()


def test_readers_missing_path_reported(tmp_path: Path) -> None:
    (failure,) = list(iter_articles([tmp_path / "nope.txt"]))
    assert isinstance(failure, Failure) and "no such file" in failure.reason


def test_readers_same_text_same_id(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(WIRE, encoding="utf-8")
    b.write_text(WIRE.replace("By Azertag", "By Trend").replace("met in", "met  in"), encoding="utf-8")
    (first,) = list(iter_articles([a]))
    (second,) = list(iter_articles([b]))
    assert first.id == second.id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-11-14", "2018-11-14"),
        ("20080804", "2008-08-04"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("November 14, 2018", "2018-11-14"),
        ("2018-11-14T10:00:00Z", "2018-11-14"),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_wire_normalize_date(value, expected) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Cooperation will grow, BelTA reported.", ["BelTA"]),
        ("According to Xinhua, the talks ended.", ["Xinhua"]),
        ("The minister arrived on Monday, TASS reports.", ["TASS"]),
        ("According to officials, the talks ended.", []),
        ("According to Putin, the talks ended.", []),
        ("The state news agency Kabar reported the visit.", ["Kabar"]),
    ],
)
def test_wire_relayed_from(body: str, expected: list[str]) -> None:
    assert find_relayed_from(body) == expected


def test_wire_relayed_from_excludes_publisher() -> None:
    assert find_relayed_from("Talks went well, Trend reported.", publisher="Trend") == []


def test_wire_header_rejects_other_lines() -> None:
    assert parse_wire_header("Belarus and Azerbaijan met.") is None
