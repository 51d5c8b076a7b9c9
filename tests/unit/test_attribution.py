"""Hand-written attribution rules (communique.extract._attribution): cues beyond "say".

Every sentence here is written for these tests; none comes from a gold set.
"""

from __future__ import annotations

import pytest

from communique.extract._attribution import load_attribution_cues, parse_attribution_cues
from communique.extract.quotes import QuoteExtractor
from communique.model import Article, Quote


@pytest.fixture(scope="module")
def attributions_of(pipeline):
    """Quotes of a text through the stages before quotes, then the extractor (rules on or off)."""

    def run(text: str, attributions: bool = True) -> list[Quote]:
        article = Article.from_text(text)
        pipeline.parse([article])
        for name, stage in pipeline.stages:
            if name.startswith("quotes."):
                break
            article = stage(article)
        return QuoteExtractor(attributions=attributions).extract(article)

    return run


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # verb + object: the stance's target
        (
            "The farmers' union opposes the new pesticide levy.",
            "the new pesticide levy",
            "opposes",
            "The farmers' union",
        ),
        # adjective + preposition, through the copula
        (
            "Councillor Ines Moravec was sharply critical of the harbour plan.",
            "the harbour plan",
            "critical",
            "Councillor Ines Moravec",
        ),
        # a participle listed as an adjective holds its subject's stance, passive or not
        ("Mayor Lund is opposed to the harvest levy.", "the harvest levy", "opposed", "Mayor Lund"),
        # verb + infinitive
        ("Mayor Lund vowed to reopen the ferry terminal.", "to reopen the ferry terminal", "vowed", "Mayor Lund"),
        # adjective + infinitive
        (
            "The dockworkers' union is willing to resume talks with the port authority.",
            "to resume talks with the port authority",
            "willing",
            "The dockworkers' union",
        ),
        # noun + that-clause, held by its possessor
        (
            "Retailers ignored the ministry's warning that fuel prices will climb.",
            "that fuel prices will climb",
            "warning",
            "the ministry's",
        ),
        # noun + preposition, voiced by the verb's subject
        (
            "Premier Okafor voiced strong support for the rail tunnel.",
            "strong support for the rail tunnel",
            "voiced",
            "Premier Okafor",
        ),
        # a voicing verb takes its object noun's preposition when the parser hangs it on the verb
        (
            "The senator took a swipe at the governor's budget on Monday.",
            "the governor's budget",
            "took",
            "The senator",
        ),
        # a noun naming its holder by a stance, after "be"
        ("Okafor is a vocal opponent of the rail tunnel.", "the rail tunnel", "opponent", "Okafor"),
        # the rest of the cue's phrase belongs to the content
        (
            "Okafor praised the volunteers for their patience.",
            "the volunteers for their patience",
            "praised",
            "Okafor",
        ),
    ],
)
def test_attribution_constructions(attributions_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = attributions_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # the passive's subject is the target, not the holder
        "The mayor was endorsed by the dockworkers.",
        # a participle describing a noun reports nothing
        "A lobby group backing the rail tunnel bought new offices.",
        # a lone pronoun object: the content is elsewhere
        "The mayor opposes it.",
        # a noun's participle clause describes the noun
        "The statement released on Friday listed six projects.",
        # a noun cue without a possessor or a voicing verb has no reliable holder
        "The support of the fishermen surprised the council.",
        # verbs outside the lexicon
        "Okafor bought the volunteers a new boat.",
        "The committee met the volunteers at the harbour.",
    ],
)
def test_attribution_negative_cases(attributions_of, text: str) -> None:
    assert attributions_of(text) == []


def test_attribution_rules_can_be_turned_off(attributions_of) -> None:
    text = "The farmers' union opposes the levy."
    assert [q.text for q in attributions_of(text)] == ["the levy"]
    assert attributions_of(text, attributions=False) == []


def test_attribution_reporting_rules_come_first(attributions_of) -> None:
    # A clause after a reporting verb is the rules' statement; no candidate is added inside it.
    (quote,) = attributions_of("Lund insisted that the council opposes the levy.")
    assert (quote.text, quote.cue) == ("that the council opposes the levy", "insisted")


@pytest.mark.parametrize(
    ("lemma", "pos", "kind", "allowed"),
    [
        ("endorse", "VERB", "dobj", True),
        ("endorse", "VERB", "prep:in", False),
        ("critical", "ADJ", "prep:of", True),
        ("warning", "NOUN", "acl", True),
        ("warning", "VERB", "acl", False),
    ],
)
def test_attribution_lexicon_lookup(lemma: str, pos: str, kind: str, allowed: bool) -> None:
    assert load_attribution_cues().allows(lemma, pos, kind) is allowed


def test_attribution_lexicon_rejects_a_bad_line() -> None:
    assert parse_attribution_cues("# comment\nendorse VERB | dobj\n").allows("endorse", "VERB", "dobj")
    with pytest.raises(ValueError, match="line 3"):
        parse_attribution_cues("# comment\nendorse VERB | dobj\nendorse | dobj\n")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # "according to" inside the sentence: the statement on both sides of it, in one range
        (
            "The new levy, according to the finance ministry, will raise four billion crowns.",
            "The new levy, according to the finance ministry, will raise four billion crowns",
            "the finance ministry",
        ),
        # a survey opening the sentence is the source of the rest of it
        (
            "In a survey published on Monday, most farmers opposed the levy.",
            "most farmers opposed the levy",
            "a survey",
        ),
    ],
)
def test_attribution_sentence_sources(attributions_of, text: str, content: str, speaker: str) -> None:
    (quote,) = attributions_of(text)
    assert (quote.text, quote.speaker.text) == (content, speaker)


def test_attribution_survey_later_in_the_sentence_is_no_source(attributions_of) -> None:
    # Only a survey or report opening the sentence speaks for the rest of it.
    assert all(q.speaker.text != "a report" for q in attributions_of("Lund read the figures in a report on Monday."))


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # a verb with a that-clause holds it, listed or not
        (
            "The fishermen insinuated that the port authority had falsified safety logs.",
            "that the port authority had falsified safety logs",
            "insinuated",
            "The fishermen",
        ),
        # a listed noun with a that-clause is an attribution without a named holder
        (
            "The strike went ahead amid allegations that the port authority had falsified safety logs.",
            "that the port authority had falsified safety logs",
            "allegations",
            None,
        ),
    ],
)
def test_attribution_that_clauses(attributions_of, text: str, content: str, cue: str, speaker: str | None) -> None:
    (quote,) = attributions_of(text)
    assert (quote.text, quote.cue, quote.speaker.text) == (content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The new rules ensure that every ferry carries a medic.",
        # an aim, left out by the candidates
        "Harbour officials will make sure that the ferry runs on time.",
    ],
)
def test_attribution_that_clause_of_a_condition_is_no_stance(attributions_of, text: str) -> None:
    assert attributions_of(text) == []


def test_attribution_seeing_that_is_a_belief(attributions_of) -> None:
    (quote,) = attributions_of("Harbour officials now see that the ferry plan has collapsed.")
    assert (quote.text, quote.cue, quote.speaker.text) == (
        "that the ferry plan has collapsed",
        "see",
        "Harbour officials",
    )


def test_attribution_phrase_before_the_cue_is_not_its_content(attributions_of) -> None:
    # "called on" takes a content after the cue; "On Friday" before it is when, not what.
    (quote,) = attributions_of("On Friday, Mayor Lund called the ferry contract a disgrace.")
    assert (quote.text, quote.cue) == ("the ferry contract a disgrace", "called")


def test_attribution_participle_cue_ends_the_content_before_it(attributions_of) -> None:
    quotes = attributions_of(
        "The union urged the council to reopen the ferry terminal, saying the closure had cost two hundred jobs."
    )
    assert [(q.text, q.cue) for q in quotes] == [
        ("the council to reopen the ferry terminal", "urged"),
        ("the closure had cost two hundred jobs", "saying"),
    ]


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        # an "as" aside vouches for the clause it hangs on, before or after it
        (
            "As the harbour master noted, the ferry timetable is unworkable.",
            "the ferry timetable is unworkable",
            "noted",
            "the harbour master",
        ),
        (
            "The ferry timetable is unworkable, as the harbour master noted.",
            "The ferry timetable is unworkable",
            "noted",
            "the harbour master",
        ),
        # a stance received by the subject: the subject is the content, "from X" holds it
        (
            "The ferry plan drew sharp criticism from the fishermen's union.",
            "The ferry plan",
            "criticism",
            "the fishermen's union",
        ),
        ("The harbour levy won the backing of the mayor.", "The harbour levy", "backing", "the mayor"),
    ],
)
def test_attribution_asides_and_received_stances(
    attributions_of, text: str, content: str, cue: str, speaker: str
) -> None:
    (quote,) = attributions_of(text)
    assert (quote.text, quote.cue, quote.speaker.text) == (content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # an "as" clause without a cue is time or manner
        "The ferry left as the storm arrived.",
        # "criticism of X" names the target, not a holder
        "The harbour levy drew renewed criticism of the council.",
        # a receiving verb with an object that is no stance
        "The ferry plan drew large crowds from the villages.",
    ],
)
def test_attribution_asides_and_received_stances_negative(attributions_of, text: str) -> None:
    assert attributions_of(text) == []


def test_attribution_noun_held_by_the_subject_naming_someone(attributions_of) -> None:
    (quote,) = attributions_of("Councillor Moravec went on a long rant about the harbour plan.")
    assert (quote.text, quote.cue, quote.speaker.text) == ("the harbour plan", "rant", "Councillor Moravec")


def test_attribution_noun_whose_sentence_names_no_holder(attributions_of) -> None:
    # The rant is someone's, but not the report's: no speaker rather than a wrong one.
    (quote,) = attributions_of("The report ignored the long rant about the ferry plan.")
    assert (quote.text, quote.cue, quote.speaker.text) == ("the ferry plan", "rant", None)


def test_attribution_received_support_is_not_the_subject_s(attributions_of) -> None:
    # "won the support of X": the support is X's, about the subject, never the subject's.
    quotes = attributions_of("Councillor Moravec won the support of the dockworkers.")
    assert [(q.text, q.cue, q.speaker.text) for q in quotes] == [("Councillor Moravec", "support", "the dockworkers")]


def test_attribution_possessor_holds_the_noun_s_infinitive(attributions_of) -> None:
    # The possessor is compared by position: spaCy makes a new Token object on every access.
    (quote,) = attributions_of("The ministry's plan to close the ferry terminal angered the fishermen.")
    assert (quote.text, quote.cue, quote.speaker.text) == ("to close the ferry terminal", "plan", "The ministry's")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle describing a noun: the noun speaks
        ("Fishermen rallied behind a petition demanding that the ferry terminal stay open.", "a petition"),
        # ... unless someone named produced it: its author speaks
        ("Councillor Moravec posted tweets saying that the ferry contract was a disgrace.", "Councillor Moravec"),
        # through "likely": the subject of the copula speaks
        ("Harbour residents are likely to say that the ferry plan failed.", "Harbour residents"),
    ],
)
def test_attribution_speaker_of_a_participle_or_after_an_adjective(attributions_of, text: str, speaker: str) -> None:
    (quote,) = attributions_of(text)
    assert quote.speaker.text == speaker


def test_attribution_noun_with_no_holder_at_all(attributions_of) -> None:
    (quote,) = attributions_of("Support for the ferry levy is growing in the villages.")
    assert (quote.text, quote.cue, quote.speaker.text) == ("the ferry levy", "Support", None)


def test_labelled_row_of_figures_is_no_statement(attributions_of) -> None:
    quotes = attributions_of("Ballots counted.\n\nMoravec: 1,204.\n\nLund: 998.\n\nMoravec: The ferry plan is dead.")
    assert [(q.text, q.speaker.text) for q in quotes] == [("The ferry plan is dead.", "Moravec")]


def test_attribution_any_noun_with_a_that_clause(attributions_of) -> None:
    (quote,) = attributions_of("Harbour pilots see signs that the ferry talks are failing.")
    assert (quote.text, quote.cue) == ("that the ferry talks are failing", "signs")


def test_attribution_relative_that_clause_is_no_content(attributions_of) -> None:
    assert attributions_of("The plan that the council drafted closes the ferry terminal.") == []


def test_attribution_subject_lost_in_an_opening_phrase(attributions_of) -> None:
    # The parser hangs the subject on "Tromso"; the last name before the cue speaks.
    (quote,) = attributions_of(
        "On a visit to Tromso, Ines Lund, the 61-year-old head of the ferry union, warned that the strike "
        "could last for weeks."
    )
    assert (quote.cue, quote.speaker.text) == ("warned", "Ines Lund")


def test_attribution_copula_with_a_that_clause(attributions_of) -> None:
    # "The trouble is that ...": the clause is held, the subject is its topic, not a speaker.
    (quote,) = attributions_of("The trouble is that the ferry terminal has no funding left.")
    assert (quote.text, quote.cue, quote.speaker.text) == ("that the ferry terminal has no funding left", "is", None)


def test_attribution_copula_clause_held_by_the_subject_s_possessor(attributions_of) -> None:
    (quote,) = attributions_of("The harbour board's bet is that the ferry fees will fall.")
    assert (quote.text, quote.speaker.text) == ("that the ferry fees will fall", "The harbour board's")
