"""The CLI end to end, as a user runs it: real subprocesses, a real DuckDB file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communique", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, example_path: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "kb.duckdb"
    first = run("process", str(example_path), "--db", str(db))
    assert first.returncode == 0, first.stderr
    second = run("process", str(example_path), "--db", str(db))
    assert second.returncode == 0, second.stderr
    return db


def test_cli_process_then_export_articles(example_db: Path) -> None:
    result = run("export", "--db", str(example_db), "--what", "articles")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1, "processing twice must leave one article"
    (row,) = rows
    assert (row["date"], row["publisher"], row["relayed_from"]) == ("2018-11-14", "Trend", ["BelTA"])


def test_cli_mentions_have_correct_offsets(example_db: Path) -> None:
    articles = [json.loads(x) for x in run("export", "--db", str(example_db), "--what", "articles").stdout.splitlines()]
    text = articles[0]["text"]
    result = run("export", "--db", str(example_db), "--what", "mentions")
    mentions = [json.loads(line) for line in result.stdout.splitlines()]
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]
    names = {m["text"] for m in mentions}
    for expected in ("Belarus", "Azerbaijan", "Viktor Guminsky", "Gabala"):
        assert expected in names
    assert any("CIS" in n for n in names)
    assert any("Ganja" in n for n in names)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_cli_export_formats_to_file(example_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"mentions.{fmt}"
    result = run("export", "--db", str(example_db), "--what", "mentions", "--format", fmt, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def test_cli_show_prints_article(example_path: Path) -> None:
    result = run("show", str(example_path))
    assert result.returncode == 0, result.stderr
    assert "Guminsky" in result.stdout and "2018-11-14" in result.stdout


def test_cli_process_reports_bad_input_and_exits_1(tmp_path: Path, example_path: Path) -> None:
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"text": "Ministers met in Baku on Monday."}\n{broken\n', encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    report = tmp_path / "report.json"
    result = run("process", str(bad), str(example_path), "--db", str(db), "--report", str(report))
    assert result.returncode == 1
    assert f"{bad}" in result.stdout and "Traceback" not in result.stderr
    data = json.loads(report.read_text())
    assert data["stored"] == 2 and data["failed"] == 1
    assert data["failures"][0]["line"] == 2
    errors = [json.loads(x) for x in run("export", "--db", str(db), "--what", "errors").stdout.splitlines()]
    assert errors[0]["path"] == str(bad) and errors[0]["line"] == 2


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run("process", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "kb.duckdb"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    bad_option = run("export", "--what", "nonsense")
    assert bad_option.returncode == 2


@pytest.mark.parametrize("command", ["process", "show", "export", "demo"])
def test_cli_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_cli_demo_processes_bundled_samples(tmp_path: Path) -> None:
    result = run("demo", "--db", "demo.duckdb", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "demo.duckdb").exists()
    assert "stored (new)" in result.stdout


def test_cli_world_slice_all_stored(tmp_path: Path, world_path: Path) -> None:
    lines = world_path.read_text(encoding="utf-8").splitlines()[:40]
    feed = tmp_path / "slice.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    result = run("process", str(feed), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    rows = run("export", "--db", str(db), "--what", "articles").stdout.splitlines()
    ids = {json.loads(r)["source_id"] for r in rows}
    assert ids == {json.loads(line)["id"] for line in lines}


def test_cli_query_sql_is_read_only(example_db: Path) -> None:
    result = run("query", "sql", "SELECT count(*) AS n FROM articles", "--db", str(example_db), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"n": 1}
    refused = run("query", "sql", "DELETE FROM articles", "--db", str(example_db))
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_cli_query_dyad_example(example_db: Path) -> None:
    result = run("query", "dyad", "BLR", "AZE", "--by", "day", "--db", str(example_db), "--json")
    assert result.returncode == 0, result.stderr
    assert any(json.loads(line)["period"] == "2018-11-14" for line in result.stdout.splitlines())


def test_cli_process_user_actor_dictionary(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        " date 2020-02-03 By Trend\n\nDeputy Minister Jane Roebuck met a delegation from Uruguay in Montevideo.\n",
        encoding="utf-8",
    )
    actors = tmp_path / "actors.tsv"
    actors.write_text(
        "name\taliases\tkind\tcountry\tsector\tigo\tstart\tend\trole\n"
        "Jane Roebuck\tRoebuck\tperson\tAZE\tGOV\t\t2019-01-01\t2021-06-30\tDeputy Minister of Culture\n",
        encoding="utf-8",
    )
    db = tmp_path / "kb.duckdb"
    assert run("process", str(story), "--db", str(db), "--actors", str(actors), "-q").returncode == 0
    rows = [json.loads(x) for x in run("export", "--db", str(db), "--what", "actors").stdout.splitlines()]
    roebuck = [r for r in rows if r["name"] == "Jane Roebuck"]
    assert roebuck and roebuck[0]["country"] == "AZE" and roebuck[0]["sector"] == "GOV"
    missing = run("process", str(story), "--db", str(db), "--actors", str(tmp_path / "nope.tsv"))
    assert missing.returncode == 2
