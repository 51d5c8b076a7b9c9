"""Gold loaders, the PLOVER 0.5b1 table and the actor-code helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.eval.gold import (
    _antecedents,
    cameo_to_plover,
    conflibert_verdict,
    data_dir,
    load_dataset,
    phoenix_country,
    phoenix_sector,
)
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


# --- conflibert: invented sentences in the file's format --------------------------------------


@pytest.mark.parametrize(
    ("coders", "verdict"),
    [
        # Two of four coders chose 18, one also 01: only 18 is agreed.
        ([{"18", "01"}, {"18"}, set(), {"19"}], (("18",), False, False)),
        # Three of five coded nothing, no root agreed: no event.
        ([set(), set(), set(), {"11"}, {"04"}], ((), True, False)),
        # Two agree on 11 but three coded nothing: contested.
        ([{"11"}, {"11"}, set(), set(), set()], ((), False, True)),
        # Events, but no two coders share a root: contested.
        ([{"10"}, {"02"}, set(), {"05"}], ((), False, True)),
        # Two of four coded nothing (not more than half) and two agree: an event.
        ([{"14"}, {"14", "17"}, set(), set()], (("14",), False, False)),
    ],
)
def test_eval_gold_conflibert_verdict(coders: list[set[str]], verdict: tuple[tuple[str, ...], bool, bool]) -> None:
    assert conflibert_verdict([frozenset(c) for c in coders]) == verdict


def _annotation(coder: str, *roots: str) -> dict[str, object]:
    actions = [
        {"action": f"Action-{i}", "cameo_root": r, "cameo_label": "", "pentaclass": ""} for i, r in enumerate(roots)
    ]
    return {
        "annotator": coder,
        "relevant": "True" if roots else "False",
        "actions": actions,
        "entities": [],
        "relations": [],
    }


def _record(round_: int, doc: str, text: str, *annotations: dict[str, object]) -> dict[str, object]:
    votes: dict[str, int] = {}
    for a in annotations:
        for action in a["actions"]:  # type: ignore[union-attr]
            votes[action["cameo_root"]] = votes.get(action["cameo_root"], 0) + 1
    return {
        "id": f"r{round_}:{doc}-cameo_100.csv_{round_}",
        "round": round_,
        "text": text,
        "date": None,
        "story_no": "",
        "n_annotators": len(annotations),
        "cameo_root_votes": votes,
        "annotations": list(annotations),
    }


def test_eval_gold_conflibert_pools_rounds_one_vote_per_coder(tmp_path: Path) -> None:
    storm = "Rivaland troops shelled a border post in Norland on Monday, officials said."
    fair = "The county fair opened on Saturday with a record number of pumpkins."
    talks = "Norland's foreign minister met her Rivaland counterpart in Geneva."
    records = [
        # Round 1: coders 1 and 2 code 18; round 2 repeats coder 1's 18 (one vote, not two)
        # and coder 2 revises to 19 (their latest round wins), coder 3 codes 18 and 01.
        _record(1, "doc1", storm, _annotation("1", "18"), _annotation("2", "18"), _annotation("3")),
        _record(1, "doc2", fair, _annotation("1"), _annotation("2"), _annotation("3", "14")),
        _record(2, "doc1", storm, _annotation("1", "18"), _annotation("2", "19"), _annotation("3", "18", "01")),
        _record(2, "doc3", talks, _annotation("1", "04"), _annotation("2", "03"), _annotation("3")),
    ]
    folder = tmp_path / "conflibert_cameo"
    folder.mkdir()
    (folder / "conflibert_cameo_annotations.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    (tmp_path / "ontologies").mkdir()
    (tmp_path / "ontologies" / "cameo_event_codes.tsv").write_text(
        "code\tplover_event_2021\n01\t\n18\tASSAULT\n19\tASSAULT\n", encoding="utf-8"
    )
    storm_doc, fair_doc, talks_doc = load_dataset("conflibert", root=tmp_path)
    assert storm_doc.id == "cameo_100:doc1" and storm_doc.text == storm and storm_doc.coders == 3
    assert storm_doc.root_votes == (("01", 1), ("18", 2), ("19", 1))
    assert [(e.cameo, e.type) for e in storm_doc.events] == [("18", "ASSAULT")]
    assert fair_doc.expect_no_events and not fair_doc.events and not fair_doc.contested
    assert talks_doc.contested and not talks_doc.events and not talks_doc.expect_no_events
    assert len(load_dataset("conflibert", limit=2, root=tmp_path)) == 2


CONFLIBERT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "conflibert_cameo"


@pytest.mark.skipif(not CONFLIBERT.is_dir(), reason="../shared/data/conflibert_cameo is absent")
def test_eval_gold_conflibert_real_file() -> None:
    docs = load_dataset("conflibert", root=CONFLIBERT.parent)
    assert len(docs) == 200 and len({d.text for d in docs}) == 200
    assert {d.coders for d in docs} == {4, 5}
    # The counts docs/evaluation.md gives: 101 sentences with agreed roots, 92 no event, 7 contested.
    assert sum(1 for d in docs if d.events) == 101
    assert sum(d.expect_no_events for d in docs) == 92 and sum(d.contested for d in docs) == 7
    assert all(dict(d.root_votes)[e.cameo] >= 2 for d in docs for e in d.events if e.cameo)


def test_eval_gold_unknown_dataset_lists_valid_ones() -> None:
    with pytest.raises(ConfigError, match="valid datasets: polnear"):
        load_dataset("gdelt")


@pytest.mark.parametrize(
    ("code", "sector"),
    [
        ("ZMBGOV", "GOV"),
        ("PSEWSBCVL", "CVL"),  # a region code before the role
        ("---MIL", "MIL"),  # no country, a role
        ("KENOPPCHR", "OPP"),  # the first role, not the religion after it
        ("UGACHR", "REL"),  # a religion as the role: our sector REL
        ("IGOCOPITP", "IGO"),  # the organisation's own code is no role
        ("IGOAFUMIL", "MIL"),  # an IGO's acting part
        ("IGOAFU", "IGO"),
        ("IMGSUNXYZ", "REB"),  # a transnational head's own sector
        ("ZMB", None),
        ("", None),
    ],
)
def test_phoenix_sector(code: str, sector: str | None) -> None:
    assert phoenix_sector(code) == sector
