"""Error classes found by reading the pipeline's output on real wire news (not on the eval sets).

Each case is a hand-written sentence; each class has a negative case that must keep working.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # a rank abbreviation keeps its period (the parser then rarely starts a sentence at the name)
        ("Spc. Rosa Delgado was hurt near the depot.", ["Spc.", "Rosa", "Delgado"]),
        ("Navy Cmdr. Ilse Varga spoke first.", ["Navy", "Cmdr.", "Ilse", "Varga"]),
        # negative: a sentence end is still split from its word
        ("The convoy reached the port. It left.", ["The", "convoy", "reached", "the", "port", "."]),
    ],
)
def test_load_rank_abbreviation_is_one_token(nlp: Any, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp(text)][: len(tokens)] == tokens


@pytest.mark.parametrize(
    ("text", "name", "sector"),
    [
        # the rank is the person's title, not a person called "Sgt"
        ('"We held the bridge," said former Sgt. Tomas Ferro, who served two tours.', "Tomas Ferro", "ELI"),
        ("Staff Sgt. Ned Hollis and Pfc. Ivo Brandt were wounded near the depot.", "Ned Hollis", "MIL"),
        # an officer whose title ends in "general" is no general
        ("Solicitor General Priya Kandel told the justices the rule was lawful.", "Priya Kandel", "JUD"),
        # the same ranks without the period, as British outlets write them: not part of the name
        ("Lt Col Mara Quist told the inquiry the convoy had turned back.", "Mara Quist", "MIL"),
        # negative: a general stays military
        ("General Amos Okafor told reporters the border was quiet.", "Amos Okafor", "MIL"),
    ],
)
def test_actors_rank_abbreviation_is_a_title(pipeline: Any, text: str, name: str, sector: str) -> None:
    article = pipeline.process_text(text, date="2019-03-02")
    people = {a.name: a for a in article.actors if a.kind == "person"}
    assert not {"Sgt", "Pfc", "Spc", "Cmdr"} & set(people)
    assert people[name].sector == sector


def test_speakers_quote_after_rank_abbreviation_goes_to_the_named_person(pipeline: Any) -> None:
    article = pipeline.process_text('"We held the bridge," said former Sgt. Tomas Ferro, who served two tours.')
    assert [q.speaker.name for q in article.quotes] == ["Tomas Ferro"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # withholding a statement refuses nothing
        ("The Kenyan foreign ministry declined to comment on the expulsions.", set()),
        ("Ghana's army declined to discuss the raid.", set()),
        # offering an account or an explanation is speech, not an offer of cooperation
        ("Chilean officials offered conflicting accounts of the incident.", set()),
        ("Norway offered no explanation for the delay.", set()),
        # a retirement is no military retreat
        ("The Danish ambassador retired from the foreign service in March.", set()),
        # negatives: a refused request and an offer of help stay events
        ("Egypt declined an invitation from Ethiopia to attend the summit.", {"REJECT"}),
        ("Japan offered help to the Philippines after the typhoon.", {"AGREE"}),
    ],
)
def test_events_speech_and_retirement_are_no_events(pipeline: Any, text: str, expected: set[str]) -> None:
    events = pipeline.process_text(text, date="2019-03-02").events
    assert {e.type for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's lawyer, predecessor or fellow members speak, not the person
        ("Senator Walt Prender spoke on Monday. Prender's lawyer said the charges were baseless.", [None]),
        ("Senator Walt Prender spoke on Monday. Several members of Prender's staff said the move was wrong.", [None]),
        # negatives: a spokesman speaks for the person, a statement is the person's own
        ("Senator Walt Prender spoke on Monday. Prender's spokesman said the charges were baseless.", ["Walt Prender"]),
        ("Senator Walt Prender spoke on Monday. Prender's statement said the charges were baseless.", ["Walt Prender"]),
    ],
)
def test_speakers_relation_noun_is_not_its_possessor(pipeline: Any, text: str, expected: list[str | None]) -> None:
    assert [q.speaker.name for q in pipeline.process_text(text).quotes] == expected


def test_speakers_they_after_an_unnamed_lawyer_is_not_an_earlier_organisation(pipeline: Any) -> None:
    text = (
        "The Ulvan interior ministry said the raid was lawful. Prender's lawyers said the raid broke "
        "the law. They said the court would hear the case in June."
    )
    speakers = [q.speaker.name for q in pipeline.process_text(text).quotes]
    assert speakers[0] is not None and speakers[1:] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # enrolling and striking words out of a text are no events
        ("Sign up for our weekly bulletin on Baltic affairs.", set()),
        ("Estonian lawmakers voted to strike language on the border from the bill.", set()),
        # negatives: signing up to a treaty signs it, and a strike on a place is an attack
        ("Latvia signed up to the treaty with Estonia in May.", {"SUPPORT"}),
        ("Russian jets struck a depot in the Ukrainian town of Izium.", {"ASSAULT"}),
    ],
)
def test_events_enrolling_and_editing_are_no_events(pipeline: Any, text: str, expected: set[str]) -> None:
    assert {e.type for e in pipeline.process_text(text, date="2019-03-02").events} == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the surname of a full name in the article is that person, not a country's old place name
        (
            "Major General Ruth Danzig, the garrison commander, spoke first.\n\nThe troops are tired, Danzig said.",
            "Danzig",
            "PER:ruth-danzig",
        ),
        ("Senator Ivo Bromberg spoke first.\n\nThe troops are tired, Bromberg said.", "Bromberg", "PER:ivo-bromberg"),
        # negative: with no such person, the old name still stands for its country
        ("Ferries from Danzig carried grain to Sweden in the spring.", "Danzig", "POL"),
    ],
)
def test_actors_surname_of_a_full_name_is_no_country(pipeline: Any, text: str, word: str, expected: str) -> None:
    article = pipeline.process_text(text, date="2019-03-02")
    assert {m.actor_id for m in article.mentions if m.text == word} == {expected}
