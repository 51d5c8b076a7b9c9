"""Speaker resolution: pronouns, bare titles, organisations, relatives, anonymous sources.

Passages are our own; each runs through the configured pipeline (mentions and actors first),
so the speaker's ``name``/``actor_id`` come from the same mentions the stage sees in use.
"""

from __future__ import annotations

import pytest

from communique.extract.speakers import pronoun_class
from communique.model import Quote


@pytest.fixture(scope="module")
def quotes_of(pipeline):
    def run(text: str) -> list[Quote]:
        return pipeline.process_text(text).quotes

    return run


@pytest.mark.parametrize(
    ("word", "expected"),
    [("he", "male"), ("She", "female"), ("they", "plural"), ("it", "neuter"), ("who", "relative"), ("Oslo", None)],
)
def test_speakers_pronoun_class(word: str, expected: str | None) -> None:
    assert pronoun_class(word) == expected


@pytest.mark.parametrize(
    ("text", "speaker_text", "name_part"),
    [
        # A pronoun goes back to the last named subject.
        ("Anna Berg arrived in Oslo on Monday. She said the talks would resume in May.", "She", "Berg"),
        # Gender from honorifics picks the right one of two people.
        (
            "Mr. Tom Rowe met Ms. Anna Berg in Oslo. Ms. Berg praised the port. He said the talks would resume in May.",
            "He",
            "Rowe",
        ),
        # Gender from a given name skips the more recent man.
        (
            "Anna Berg met Tom Rowe in Oslo. Tom Rowe left early. She said the talks would resume in May.",
            "She",
            "Berg",
        ),
        # A bare title goes back to the person introduced with it.
        (
            "Foreign Minister Sergei Lavrov arrived in Geneva on Monday. The minister said the talks would continue.",
            "The minister",
            "Lavrov",
        ),
        # A capitalised bare title is a title too, not a name.
        (
            "President Anna Berg spoke in Oslo on Tuesday. The President said the talks would resume in May.",
            "The President",
            "Berg",
        ),
        # A relative pronoun takes its antecedent.
        ("Sergei Lavrov, who said the talks would continue, left Geneva on Monday.", "who", "Lavrov"),
        # A surname alone resolves to the full name given earlier.
        ("Sergei Lavrov arrived in Geneva. Lavrov said the talks would continue.", "Lavrov", "Lavrov"),
    ],
)
def test_speakers_resolve_to_named_person(quotes_of, text: str, speaker_text: str, name_part: str) -> None:
    quotes = [q for q in quotes_of(text) if q.speaker.text == speaker_text]
    assert quotes, f"no quote with speaker {speaker_text!r}"
    name = quotes[0].speaker.name
    assert name is not None and name_part in name
    assert text[quotes[0].speaker.start : quotes[0].speaker.end] == speaker_text


def test_speakers_surname_gets_full_name(quotes_of) -> None:
    text = "Sergei Lavrov arrived in Geneva. Lavrov said the talks would continue."
    (quote,) = quotes_of(text)
    assert quote.speaker.name == "Sergei Lavrov"


def test_speakers_organisation(quotes_of) -> None:
    text = "The Russian Foreign Ministry said the talks would continue next week."
    (quote,) = quotes_of(text)
    assert quote.speaker.text == "The Russian Foreign Ministry"
    # Named by the organisation mention, or by the actor the actors stage resolved it to.
    assert quote.speaker.name is not None
    assert "Foreign Ministry" in quote.speaker.name or quote.speaker.actor_id is not None


@pytest.mark.parametrize(
    ("text", "speaker_text"),
    [
        ("Officials said the talks would continue next week.", "Officials"),
        ("A source said the talks would continue next week.", "A source"),
        ("Sergei Lavrov left Geneva. The source added that the talks would continue.", "The source"),
        ("Sergei Lavrov left Geneva. A spokesman said the talks would continue.", "A spokesman"),
    ],
)
def test_speakers_anonymous_sources_keep_no_name(quotes_of, text: str, speaker_text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker.text == speaker_text
    assert quote.speaker.name is None
    assert quote.speaker.actor_id is None


def test_speakers_pronoun_without_antecedent_stays_unnamed(quotes_of) -> None:
    (quote,) = quotes_of("He said the talks would continue next week.")
    assert quote.speaker.text == "He"
    assert quote.speaker.name is None


def test_speakers_floating_quote_not_inherited_across_unrelated_paragraphs(quotes_of) -> None:
    text = (
        "“The port stays open,” Anna Berg said.\n\n"
        "Trade grew last year.\n\n"
        "Exports of fish doubled.\n\n"
        "“Nobody will close it.”"
    )
    quotes = [q for q in quotes_of(text) if q.type == "direct"]
    assert quotes[-1].text == "Nobody will close it."
    assert quotes[-1].speaker.name is None
