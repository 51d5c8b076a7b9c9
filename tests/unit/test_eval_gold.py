"""Gold loaders, the PLOVER 0.5b1 table and the actor-code helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.eval.gold import _antecedents, cameo_to_plover, data_dir, load_dataset, phoenix_country
from communique.eval.plover_map import (
    CURRENT_TYPES,
    PLOVER_0_5_TO_CURRENT,
    check_against_ontology,
    map_plover_0_5,
    map_plover_sector,
)


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("USAGOV", "USA"),
        ("PSEGZACVL", "PSE"),
        ("IGOUNOMIL", "IGO:UNO"),
        ("IGO", "IGO"),
        ("---REB", None),
        ("", None),
        (None, None),
        ("XKX", "XKX"),
    ],
)
def test_eval_gold_phoenix_country(code: str | None, key: str | None) -> None:
    assert phoenix_country(code) == key


@pytest.mark.parametrize(
    ("old", "mode", "expected"),
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("DISAPPROVE", None, ("ACCUSE", "disapprove")),
        ("INVESTIGATE", "", ("ACCUSE", "investigate")),
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("AGREE", None, ("AGREE", None)),
    ],
)
def test_eval_gold_plover_map(old: str, mode: str | None, expected: tuple[str, str | None]) -> None:
    assert map_plover_0_5(old, mode) == expected


@pytest.mark.parametrize(("old", "expected"), [("JRN", "MED"), ("MED", "HLT"), ("GOV", "GOV"), (None, None)])
def test_eval_gold_plover_sector_map(old: str | None, expected: str | None) -> None:
    assert map_plover_sector(old) == expected


def test_eval_gold_plover_map_targets_are_current_types() -> None:
    assert {new for new, _ in PLOVER_0_5_TO_CURRENT.values()} == set(CURRENT_TYPES)
    check_against_ontology(data_dir() / "ontologies" / "plover_ontology.json")


def test_eval_gold_plover_map_unknown_name_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="known names: .*DEMAND"):
        map_plover_0_5("DANCE")


@pytest.mark.parametrize(
    ("code", "plover"), [("112", "ACCUSE"), ("0352", None), ("040", "CONSULT"), ("010", None), ("193", "ASSAULT")]
)
def test_eval_gold_cameo_to_plover(code: str, plover: str | None) -> None:
    table = data_dir() / "ontologies" / "cameo_event_codes.tsv"
    expected = plover
    if code == "0352":  # falls back to its 3-digit parent 035 when the 4-digit code is unmapped
        expected = cameo_to_plover("035", table)
    assert cameo_to_plover(code, table) == expected


def test_eval_gold_antecedent_is_nearest_preceding_named_source() -> None:
    def q(qid: str, speaker: str | None, start: int) -> dict[str, object]:
        spans = [{"start": start, "end": start + len(speaker or "")}] if speaker else []
        return {"id": qid, "speaker": speaker, "speaker_spans": spans}

    quotes = [
        q("E1", "Senator Ada Holm", 10),
        q("E2", "sources", 50),
        q("E3", "she", 90),
        q("E4", "Mr. Brandt", 120),
        q("E5", "he", 160),
        q("E6", "it", 2),
    ]
    assert _antecedents(quotes) == {"E3": "Senator Ada Holm", "E5": "Mr. Brandt", "E6": None}


def test_eval_gold_polnear_one_annotator_per_article() -> None:
    docs = load_dataset("polnear")
    articles = [d.id.rsplit("_", 1)[0] for d in docs]
    assert len(articles) == len(set(articles))
    assert all(d.quotes for d in docs[:5])
    assert all(0 <= q.start < q.end <= len(d.text) for d in docs for q in d.quotes)


@pytest.mark.parametrize(("name", "limit"), [("plover_gsr", 5), ("petr2_gsr", 5), ("polnear", 3)])
def test_eval_gold_limit(name: str, limit: int) -> None:
    assert len(load_dataset(name, limit=limit)) == limit


def test_eval_gold_plover_types_are_current() -> None:
    docs = load_dataset("plover_gsr")
    assert {e.type for d in docs for e in d.events} <= set(CURRENT_TYPES)


def test_eval_gold_petr2_no_event_records() -> None:
    docs = load_dataset("petr2_gsr")
    quiet = [d for d in docs if d.expect_no_events]
    assert quiet and all(not d.events for d in quiet)


def test_eval_gold_seed_matches_the_mission() -> None:
    (doc,) = load_dataset("seed")
    raw = json.loads(Path(__file__).resolve().parents[1].joinpath("golden", "seed.json").read_text(encoding="utf-8"))
    direct = [q for q in raw["quotes"] if q["type"] == "direct"]
    assert len(doc.quotes) == 10 and len(direct) == 6
    assert sum(q["floating"] for q in direct) == 3
    assert all(doc.text[q.start : q.end] == q.text for q in doc.quotes)
    assert {q.speaker_name for q in doc.quotes} == {"Viktor Guminsky"}
    assert doc.seed is not None and doc.seed.date == "2018-11-14"


def test_eval_gold_unknown_dataset_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="valid datasets: polnear"):
        load_dataset("gdelt")
