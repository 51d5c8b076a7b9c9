"""Stage ``quotes.rules.v1``: quotation-mark pairing, direct, indirect and mixed quotes.

All passages are our own invented sentences; the acceptance example runs end to end.
"""

from __future__ import annotations

import json

import pytest

from communique.config import load_settings
from communique.errors import ConfigError
from communique.extract._quote_model import QuoteModel, load_quote_model
from communique.extract.quotes import QuoteExtractor, load_cue_lexicon, pair_quote_marks
from communique.model import Article, Quote
from communique.registry import stages


@pytest.fixture(scope="module")
def quotes_of(pipeline):
    """Run the configured pipeline on a text and return its quotes."""

    def run(text: str) -> list[Quote]:
        return pipeline.process_text(text).quotes

    return run


def _only(quotes: list[Quote], qtype: str) -> list[Quote]:
    return [q for q in quotes if q.type == qtype]


# -- quotation marks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "He said: “Ports get the status “Free Zone” within the plan.”",
            "Ports get the status “Free Zone” within the plan.",
            "Free Zone",
        ),
        ("She said: «Nous restons «ici» demain.»", "Nous restons «ici» demain.", "ici"),
        ('He said: "We back the "Green Deal" fully."', 'We back the "Green Deal" fully.', "Green Deal"),
        ("He said: ''We back the plan.''", "We back the plan.", None),
    ],
)
def test_quotes_pair_marks_nested_same_marks(text: str, outer: str, inner: str | None) -> None:
    marks = pair_quote_marks(text)
    top = [m for m in marks if m.depth == 0]
    assert [text[m.start : m.end] for m in top] == [outer]
    nested = [text[m.start : m.end] for m in marks if m.depth == 1]
    assert nested == ([inner] if inner else [])


def test_quotes_pair_marks_paragraph_continuation() -> None:
    text = "He said:\n\n“The first part goes on.\n\n“And ends here.”\n\nThen he left."
    (mark,) = pair_quote_marks(text)
    assert text[mark.start : mark.end] == "The first part goes on.\n\n“And ends here."
    assert mark.close == text.index("”")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stray closing mark” in the middle.", []),
        ("“Never closed in this paragraph.\n\nNext paragraph.", ["Never closed in this paragraph."]),
        ("Empty “” marks and “ ” again.", ["", " "]),
        ('Inches: a 12" pipe.', []),
    ],
)
def test_quotes_pair_marks_unbalanced(text: str, expected: list[str]) -> None:
    assert [text[m.start : m.end] for m in pair_quote_marks(text) if m.depth == 0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The dam will hold,” the engineer said. "We checked it twice.”',
            ["The dam will hold,", "We checked it twice."],
        ),
        (
            '“The dam will hold," the engineer said. “We checked it twice."',
            ["The dam will hold,", "We checked it twice."],
        ),
        # a straight pair inside a curly quote stays nested
        ('“The sign said "closed" all week,” she said.', ['The sign said "closed" all week,']),
    ],
)
def test_quotes_pair_marks_mixed_families(text: str, expected: list[str]) -> None:
    assert [text[m.start : m.end] for m in pair_quote_marks(text) if m.depth == 0] == expected


# -- direct quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "“We will stay in the talks,” the foreign minister said.",
            "We will stay in the talks,",
            "said",
            "the foreign minister",
        ),
        ("“The border is open,” said Anna Berg.", "The border is open,", "said", "Anna Berg"),
        ("Anna Berg told reporters: “The border is open.”", "The border is open.", "told", "Anna Berg"),
        ("Anna Berg said, “The border is open.”", "The border is open.", "said", "Anna Berg"),
        (
            "Anna Berg added:\n\n“The border is open to trucks and buses.”",
            "The border is open to trucks and buses.",
            "added",
            "Anna Berg",
        ),
        ("«The border is open,» Anna Berg said.", "The border is open,", "said", "Anna Berg"),
        ('"The border is open," Anna Berg said.', "The border is open,", "said", "Anna Berg"),
    ],
)
def test_quotes_direct_attribution(quotes_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = _only(quotes_of(text), "direct")
    assert quote.text == content
    assert text[quote.start : quote.end] == content
    assert quote.cue == cue
    assert quote.cue_span is not None and text[quote.cue_span.start : quote.cue_span.end] == cue
    assert quote.speaker.text == speaker
    assert quote.id.endswith(f":q:{quote.start}-{quote.end}")


def test_quotes_direct_floating_inherits_speaker(quotes_of) -> None:
    text = (
        "Anna Berg, the trade minister of Norway, spoke in Oslo on Monday.\n\n"
        "“Our ports stay open,” she said. “The ships will keep coming.”\n\n"
        "“Nobody will close them.”"
    )
    direct = _only(quotes_of(text), "direct")
    assert [q.text for q in direct] == [
        "Our ports stay open,",
        "The ships will keep coming.",
        "Nobody will close them.",
    ]
    assert [q.cue for q in direct] == ["said", None, None]
    assert all(q.speaker.text == "she" for q in direct)
    assert all(q.speaker.name and "Berg" in q.speaker.name for q in direct)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The harbour master says “our cranes will run all night.” Work resumed at dawn.",
            "our cranes will run all night.",
        ),
        (
            "Later the farmers’ union declared “the quota system has failed every grower.”",
            "the quota system has failed every grower.",
        ),
    ],
)
def test_quotes_cue_then_whole_quotation_is_direct(quotes_of, text: str, content: str) -> None:
    (quote,) = [q for q in quotes_of(text) if content in text[q.start - 1 : q.end + 1]]
    assert quote.text == content
    assert quote.type == "direct"


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The skipper closed the meeting by saying “Enough for today.” The crew went home.",
            "Enough for today.",
            "saying",
        ),
        ("A woman on the pier shouted “Bring the nets in!”", "Bring the nets in!", "shouted"),
    ],
)
def test_quotes_quotation_as_the_whole_object_of_a_cue(quotes_of, text: str, content: str, cue: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.text, quote.type, quote.cue) == (content, "direct", cue)


def test_quotes_quoted_word_inside_a_clause_is_not_a_direct_quote(quotes_of) -> None:
    assert [q.type for q in quotes_of("The skipper said “maybe” twice before he left.")] != ["direct"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "“The pilots keep telling us, ‘Wait for the tide,’” Olsen said.",
            "The pilots keep telling us, ‘Wait for the tide,’",
        ),
        (
            "\"The pilots keep telling us, 'Wait for the tide,'\" Olsen said.",
            "The pilots keep telling us, 'Wait for the tide,'",
        ),
    ],
)
def test_quotes_quotation_ending_with_an_inner_quotation(quotes_of, text: str, content: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.text, quote.type, quote.speaker.text) == (content, "direct", "Olsen")


def test_quotes_cue_then_partly_quoted_clause_stays_mixed(quotes_of) -> None:
    text = "The harbour master said the cranes were “running all night” to clear the backlog."
    (quote,) = quotes_of(text)
    assert quote.type == "mixed"
    assert quote.text.startswith("the cranes were")


def test_quotes_floating_quotation_continues_a_reported_statement(quotes_of) -> None:
    text = (
        "The mayor of Tromsø said the new ferry line would open in the spring.\n\n"
        "“We have waited for this boat for eleven long years.”"
    )
    (quote,) = quotes_of(text)
    assert quote.type == "mixed"
    assert quote.text.startswith("the new ferry line") and quote.text.endswith("eleven long years.")
    assert quote.speaker.text == "The mayor of Tromsø"


def test_quotes_floating_quotation_continues_a_statement_after_an_unattributed_quote(quotes_of) -> None:
    text = (
        "Harbour master Ola Olsen spoke on Friday.\n\n"
        "“The port is busy. Ships wait for days.” Olsen added that new cranes were on their way. "
        "“They will arrive in June.”"
    )
    last = max(quotes_of(text), key=lambda q: q.end)
    assert last.type == "mixed"
    assert last.text.endswith("They will arrive in June.") and "new cranes" in last.text


@pytest.mark.parametrize(
    "text",
    [
        # after a direct quote the floating quotation stays a quote of its own
        "“The ferry is late,” the mayor said. “It will come tomorrow.”",
        # a reported statement in the attribution of a direct quote is not continued
        "“The ferry is late,” the mayor said, adding that the crew was ill. “It will come tomorrow.”",
        # a quotation with a cue after it has its own attribution
        "The mayor said the ferry was late.\n\n"
        "“Will it come tomorrow?” Ola Dahl asked the harbour master at the quay on Monday.",
    ],
)
def test_quotes_floating_quotation_not_joined(quotes_of, text: str) -> None:
    last = max(quotes_of(text), key=lambda q: q.end)
    assert last.type == "direct"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The vote came late at night.\n\n“Why should we wait any longer?” Senator Olsen asked.",
            "Why should we wait any longer?",
        ),
        (
            "The vote came late at night.\n\n“Fine. We are going to look at every option…” Senator Olsen said.",
            "Fine. We are going to look at every option…",
        ),
    ],
)
def test_quotes_short_sentence_after_quotation_attributes_it(quotes_of, text: str, content: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text == content
    assert quote.speaker.text == "Senator Olsen"


def test_quotes_words_of_the_speaker_before_the_quotation_make_it_mixed(quotes_of) -> None:
    text = (
        "The harbour office explained the reasons for the delay: “The crane broke, the pilots struck and the fog came.”"
    )
    (quote,) = quotes_of(text)
    assert quote.type == "mixed"
    assert quote.text.startswith("the reasons for the delay")
    assert quote.speaker.text == "The harbour office"


@pytest.mark.parametrize(
    ("text", "start", "qtype"),
    [
        ("Sooner or later, the skipper told the crew, “the weather will turn in our favour.”", "Sooner", "mixed"),
        ("After the storm, the skipper told the crew, “The weather will turn in our favour.”", "The weather", "direct"),
    ],
)
def test_quotes_lowercase_quotation_continues_the_words_before_its_attribution(
    quotes_of, text: str, start: str, qtype: str
) -> None:
    (quote,) = quotes_of(text)
    assert quote.text.startswith(start)
    assert quote.type == qtype


def test_quotes_addressee_and_time_before_the_quotation_stay_attribution(quotes_of) -> None:
    text = "The harbour master told reporters on Monday: “The crane broke, the pilots struck and the fog came.”"
    (quote,) = quotes_of(text)
    assert quote.type == "direct"
    assert quote.text == "The crane broke, the pilots struck and the fog came."


@pytest.mark.parametrize(
    ("text", "mixed"),
    [
        ("The skipper said, “We never saw the storm coming” in the interview on Friday.", True),
        ("The skipper said, “We never saw the storm coming,” and walked away.", False),
    ],
)
def test_quotes_sentence_running_on_after_the_quotation(quotes_of, text: str, mixed: bool) -> None:
    quote = next(q for q in quotes_of(text) if "storm" in q.text)
    assert quote.type == ("mixed" if mixed else "direct")
    assert quote.text.endswith("in the interview on Friday") == mixed


def test_quotes_dash_attribution(quotes_of) -> None:
    text = "Readers wrote to us.\n\n“The tariffs hurt our farm badly.” ― Jane Doe\n\n“I support the deal.” ― Tom Rowe"
    direct = _only(quotes_of(text), "direct")
    assert [q.speaker.text for q in direct] == ["Jane Doe", "Tom Rowe"]


@pytest.mark.parametrize(
    "text",
    [
        "The film “Red Dawn” was shown in Moscow last week.",
        "Delegates met at the “Blue House” in Seoul.",
    ],
)
def test_quotes_title_in_quotes_is_not_a_quote(quotes_of, text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_short_unattributed_names_are_not_quotes(quotes_of) -> None:
    text = "The fishing museum opened three rooms this winter.\n\n“Salt Road,” “Harbour Lights,” and “Winter Sea”"
    assert quotes_of(text) == []


def test_quotes_short_unattributed_sentence_is_kept(quotes_of) -> None:
    text = "“The museum will open in May,” the curator said.\n\n“Finally, good news.”"
    assert [q.text for q in quotes_of(text)] == ["The museum will open in May,", "Finally, good news."]


# -- indirect and mixed quotes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Anna Berg said that the talks would resume in May.",
            "that the talks would resume in May",
            "said",
            "Anna Berg",
        ),
        ("The talks will resume in May, the minister added.", "The talks will resume in May", "added", "the minister"),
        (
            "According to the ministry, the talks will resume in May.",
            "the talks will resume in May",
            "according to",
            "the ministry",
        ),
        (
            "The talks will resume in May, according to officials.",
            "The talks will resume in May",
            "according to",
            "officials",
        ),
        (
            "Anna Berg told reporters the talks would resume in May.",
            "the talks would resume in May",
            "told",
            "Anna Berg",
        ),
        ("Anna Berg warned that the talks could collapse.", "that the talks could collapse", "warned", "Anna Berg"),
        (
            "Anna Berg stressed that the border would stay open.",
            "that the border would stay open",
            "stressed",
            "Anna Berg",
        ),
        ("Anna Berg insisted the border would stay open.", "the border would stay open", "insisted", "Anna Berg"),
        (
            "Anna Berg noted the importance of the new trade corridor.",
            "the importance of the new trade corridor",
            "noted",
            "Anna Berg",
        ),
        (
            "Anna Berg pointed out that the border would stay open.",
            "that the border would stay open",
            "pointed out",
            "Anna Berg",
        ),
    ],
)
def test_quotes_indirect_constructions(quotes_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Anna Berg called for restraint on both sides of the border.",
            "restraint on both sides of the border",
            "called",
        ),
        (
            "Anna Berg pointed to the rising number of refugees at the border.",
            "the rising number of refugees at the border",
            "pointed",
        ),
        (
            "Anna Berg condemned the shelling of the border villages.",
            "the shelling of the border villages",
            "condemned",
        ),
        ("The ministry declined to comment on the border closure.", "to comment on the border closure", "declined"),
        ("Anna Berg called the charges unfounded.", "the charges unfounded", "called"),
        ("The ministry responded to the request within a day.", "the request within a day", "responded"),
    ],
)
def test_quotes_prepositional_and_stance_cues(quotes_of, text: str, content: str, cue: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.cue) == ("indirect", content, cue)


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Anna Berg wants to reopen the border crossing before winter.",
            "to reopen the border crossing before winter",
            "wants",
            "Anna Berg",
        ),
        (
            "Anna Berg assured reporters that the border would reopen in May.",
            "that the border would reopen in May",
            "assured",
            "Anna Berg",
        ),
        (
            "The court ruled that the border closure was unlawful.",
            "that the border closure was unlawful",
            "ruled",
            "The court",
        ),
        (
            "The ministry decided to keep the border closed until the spring.",
            "to keep the border closed until the spring",
            "decided",
            "The ministry",
        ),
        (
            "Tom Walsh decried the decision to close the northern border crossings.",
            "the decision to close the northern border crossings",
            "decried",
            "Tom Walsh",
        ),
        (
            "Anna Berg is hoping that the talks will resume next week.",
            "that the talks will resume next week",
            "hoping",
            "Anna Berg",
        ),
        (
            "The opposition party plans to block the budget in the upper house.",
            "to block the budget in the upper house",
            "plans",
            "The opposition party",
        ),
        (
            "Anna Berg suspects that the border will not reopen before May.",
            "that the border will not reopen before May",
            "suspects",
            "Anna Berg",
        ),
        (
            "The union leaders support the new wage agreement with the port authority.",
            "the new wage agreement with the port authority",
            "support",
            "The union leaders",
        ),
        (
            "Senator Tom Walsh defended the decision to close the northern border crossings.",
            "the decision to close the northern border crossings",
            "defended",
            "Senator Tom Walsh",
        ),
        (
            "The governor accused the ministry of hiding the true cost of the bridge.",
            "the ministry of hiding the true cost of the bridge",
            "accused",
            "The governor",
        ),
        (
            "Anna Berg spoke about the hardship of the families along the border.",
            "the hardship of the families along the border",
            "spoke",
            "Anna Berg",
        ),
    ],
)
def test_quotes_belief_intention_and_stance_cues(quotes_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        (
            "Anna Berg was confident that the border would reopen in May.",
            "that the border would reopen in May",
            "confident",
            "Anna Berg",
        ),
        ("Anna Berg is convinced that the talks will fail.", "that the talks will fail", "convinced", "Anna Berg"),
        (
            "Anna Berg made it clear that the border would stay closed.",
            "that the border would stay closed",
            "clear",
            "Anna Berg",
        ),
        (
            "In Anna Berg's view, the border will not reopen before May.",
            "the border will not reopen before May",
            "In Anna Berg's view",
            "Anna Berg's",
        ),
        (
            "In the opinion of the ministry, the border will not reopen before May.",
            "the border will not reopen before May",
            "In the opinion",
            "the ministry",
        ),
        (
            "Berg's position is that the border must stay closed until May.",
            "that the border must stay closed until May",
            "position",
            "Berg's",
        ),
    ],
)
def test_quotes_adjective_view_and_copular_cues(quotes_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "It is clear that the talks will fail.",
        "In the end, the border reopened in May.",
        "Anna Berg will make sure that the border stays open.",
    ],
)
def test_quotes_no_holder_no_statement(quotes_of, text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The real problem, aides said, is the shortage of engineers in the north.",
            "The real problem, aides said, is the shortage of engineers in the north",
            "aides",
        ),
        (
            "The shortage of engineers is the real problem, the mayor's aides said.",
            "The shortage of engineers is the real problem",
            "the mayor's aides",
        ),
    ],
)
def test_quotes_parenthetical_cue(quotes_of, text: str, content: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, "said", speaker)


def test_quotes_subject_on_the_cue_line_speaks() -> None:
    # A live-blog time heading that the parser took for a second subject is not the speaker
    # (a Doc built by hand with that parse).
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from communique.extract.quotes import _subject

    words = ["12:15", "p.m.", "\n\n", "Anna", "Berg", "says", "it", "rains", "."]
    spaces = [True, False, False, True, True, True, True, False, False]
    heads = [1, 5, 1, 4, 5, 5, 7, 5, 5]
    deps = ["nummod", "nsubj", "dep", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps)
    speaker = _subject(doc[5])
    assert speaker is not None and speaker.text == "Berg"


def test_quotes_clause_on_the_cue_line_is_the_content() -> None:
    # The parser hung the previous paragraph's clause on the cue as a second ccomp; the clause
    # after the cue, on its own line, is what was said (a Doc built by hand with that parse).
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["That", "is", "fine", ".", "\n", "Later", ",", "Berg", "said", "she", "was", "ready", "."]
    spaces = [True, True, False, False, False, False, True, True, True, True, True, False, False]
    heads = [1, 8, 1, 1, 3, 8, 8, 8, 8, 10, 8, 10, 8]
    deps = [
        "nsubj",
        "ccomp",
        "acomp",
        "punct",
        "dep",
        "advmod",
        "punct",
        "nsubj",
        "ROOT",
        "nsubj",
        "ccomp",
        "acomp",
        "punct",
    ]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "SPACE", "ADV", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    lemmas = ["that", "be", "fine", ".", "\n", "later", ",", "Berg", "say", "she", "be", "ready", "."]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    statement = QuoteExtractor()._clausal(doc[8])
    assert statement is not None
    assert doc.text[statement.start : statement.end] == "she was ready"


def test_quotes_labelled_paragraphs(quotes_of) -> None:
    text = (
        "Berg: Border Will Stay Closed Until Spring\n"
        "BERG: Well, we think the border will stay closed until the spring.\n"
        "WALSH: That is not what the ministry says.\n"
        "Anna Berg and Tom Walsh spoke on the radio."
    )
    found = [(q.text, q.cue, q.speaker.text) for q in quotes_of(text)]
    assert found == [
        ("Border Will Stay Closed Until Spring", ":", "Berg"),
        ("Well, we think the border will stay closed until the spring.", ":", "BERG"),
        ("That is not what the ministry says.", ":", "WALSH"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Update: The border will stay closed until the spring.", "Note: the figures are provisional and may change."],
)
def test_quotes_label_that_names_no_one_is_not_a_speaker(quotes_of, text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_statement_noun_with_possessor(quotes_of) -> None:
    (quote,) = quotes_of("Analysts doubted Norway's claim that the border would reopen in May.")
    assert (quote.type, quote.cue, quote.speaker.text) == ("indirect", "claim", "Norway's")
    assert quote.text == "that the border would reopen in May"


def test_quotes_nested_statement_keeps_the_outer_one(quotes_of) -> None:
    text = "Anna Berg said she believes the border will reopen in May."
    (quote,) = quotes_of(text)
    assert (quote.cue, quote.speaker.text, quote.text) == (
        "said",
        "Anna Berg",
        "she believes the border will reopen in May",
    )


def test_quotes_dateline_is_not_part_of_the_statement(quotes_of) -> None:
    (quote,) = quotes_of("OSLO (Reuters) — The talks will resume in May, Anna Berg said on Monday.")
    assert quote.text == "The talks will resume in May"


def test_quotes_participle_cue_takes_subject_of_its_head(quotes_of) -> None:
    text = "Anna Berg praised the deal, adding that more ports would join next year."
    # "praised the deal" is a (learned) statement of its own; the participle's is the second.
    quote = next(q for q in quotes_of(text) if q.cue == "adding")
    assert (quote.cue, quote.speaker.text, quote.text) == (
        "adding",
        "Anna Berg",
        "that more ports would join next year",
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Anna Berg said the deal was “a historic step” for both nations.",
            "the deal was “a historic step” for both nations",
        ),
        ("Anna Berg called the blockade “a disgrace.”", "the blockade “a disgrace.”"),
    ],
)
def test_quotes_mixed(quotes_of, text: str, content: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.type, quote.text, quote.speaker.text) == ("mixed", content, "Anna Berg")


def test_quotes_quote_after_that_comma_is_mixed(quotes_of) -> None:
    text = "Anna Berg said that, “Of course the border will open” after the talks."
    (quote,) = quotes_of(text)
    assert (quote.type, quote.cue, quote.speaker.text) == ("mixed", "said", "Anna Berg")
    assert quote.text == "that, “Of course the border will open” after the talks"


def test_quotes_fragment_belongs_to_the_verb_with_a_subject(quotes_of) -> None:
    (quote,) = quotes_of("Anna Berg blasted the agency for being “utterly dishonest.”")
    assert (quote.type, quote.cue, quote.text) == ("mixed", "blasted", "the agency for being “utterly dishonest.”")


def test_quotes_relay_keeps_the_inner_statement(quotes_of) -> None:
    text = "The talks will resume in May, Anna Berg said in Oslo, the agency reported."
    (quote,) = quotes_of(text)
    assert (quote.cue, quote.speaker.text) == ("said", "Anna Berg")


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“",
        "”",
        "“”",
        "He said “” and left.",
        "“ ” he said.",
        "He said: “We will go on.\n\nNothing closes this.",
        "” He said: “Unbalanced ” marks “ everywhere ” “",
        '"""""',
        "''''''",
    ],
)
def test_quotes_bad_input_no_crash(quotes_of, text: str) -> None:
    for quote in quotes_of(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        assert quote.text.strip()


def test_quotes_very_long_quote(nlp) -> None:
    body = " ".join(["The ports stay open for every ship."] * 1400)
    text = f"“{body}” the minister said."
    assert len(body) > 50_000
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    article = Article.from_text(text)
    article.attach_doc(nlp.make_doc(text) if False else nlp(text))
    quotes = QuoteExtractor().extract(article)
    direct = _only(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].text == body
    assert direct[0].cue == "said"


# -- lexicon, registration and the acceptance example ---------------------------------------


def test_quotes_cue_lexicon_reads_particles_and_complements() -> None:
    lexicon = load_cue_lexicon()
    assert "say" in lexicon and "warn" in lexicon
    assert lexicon.particles["spell"] == frozenset({"out"})
    assert "prep:for" in lexicon.complements["call"]
    assert "dobj" in lexicon.complements["note"]


def test_quotes_stage_registered() -> None:
    info = stages.get("quotes.rules.v1")
    assert info.requires == ("doc", "mentions")
    assert info.assigns == ("quotes",)


def test_quotes_example_article_end_to_end(example_article) -> None:
    quotes = example_article.quotes
    direct = _only(quotes, "direct")
    indirect = _only(quotes, "indirect")
    assert len(quotes) == 10
    assert len(direct) == 6 and len(indirect) == 4
    assert sum(1 for q in direct if q.cue is None) == 3
    assert all(q.speaker.name and q.speaker.name.endswith("Guminsky") for q in quotes)
    assert len({q.speaker.actor_id for q in quotes}) == 1
    # The nested title stays inside its quote, never a quote of its own.
    assert not any(q.text.strip("“”") == "Cultural Capital of the CIS" for q in quotes)
    assert any("“Cultural Capital of the CIS”" in q.text for q in direct)
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)
    for quote in quotes:
        assert example_article.text[quote.start : quote.end] == quote.text


# -- learned attributions ([quotes] model_file) -------------------------------------------------

# A hand-written model: a few stance words make a candidate an attribution, nothing else does.
# (The trained model is not shipped; these tests check the mechanism: candidates, scoring,
# speakers, loading.)
_STANCE = QuoteModel(
    weights={
        "bias": -4.0,
        "lk=endorse|dobj": 6.0,
        "lk=oppose|dobj": 6.0,
        "lk=back|dobj": 6.0,
        "lk=critical|prep:of": 6.0,
        "lk=show|ccomp": 6.0,
        "wide": 1.0,
    },
    threshold=0.5,
)


@pytest.fixture(scope="module")
def learned_of(pipeline):
    """Quotes of a text with the stages before quotes run, then the extractor with a model."""

    def run(text: str, model: QuoteModel | None = _STANCE, attributions: bool = True) -> list[Quote]:
        article = Article.from_text(text)
        pipeline.parse([article])
        for name, stage in pipeline.stages:
            if name.startswith("quotes."):
                break
            article = stage(article)
        return QuoteExtractor(model=model, attributions=attributions).extract(article)

    return run


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Senator Anna Berg endorsed Tom Walsh on Tuesday.", "Tom Walsh", "endorsed", "Senator Anna Berg"),
        ("The governor has long been critical of the border deal.", "the border deal", "critical", "The governor"),
        ("Walsh opposes the tariff.", "the tariff", "opposes", "Walsh"),
        ("A new poll shows Walsh leading by four points.", "Walsh leading by four points", "shows", "A new poll"),
        # the rest of the cue's phrase, but not its time adjunct
        ("Anna Berg endorsed Tom Walsh for governor on Monday.", "Tom Walsh for governor", "endorsed", "Anna Berg"),
        (
            "Walsh backed the treaty as a first step toward peace.",
            "the treaty as a first step toward peace",
            "backed",
            "Walsh",
        ),
    ],
)
def test_quotes_learned_stance_with_short_content(learned_of, text: str, content: str, cue: str, speaker: str) -> None:
    (quote,) = learned_of(text)
    assert (quote.type, quote.text, quote.cue, quote.speaker.text) == ("indirect", content, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Monday in Oslo.",
        "Berg bought a new car last week.",
        "Check the figures before the vote.",
    ],
)
def test_quotes_learned_plain_events_are_not_statements(learned_of, text: str) -> None:
    assert learned_of(text) == []


def test_quotes_learned_model_is_off_by_default(quotes_of, learned_of) -> None:
    text = "Senator Anna Berg endorsed Tom Walsh on Tuesday."
    # by default the hand-written attribution rules choose among the candidates
    assert [q.text for q in quotes_of(text)] == ["Tom Walsh"]
    assert learned_of(text, model=None, attributions=False) == []
    assert [q.text for q in learned_of(text)] == ["Tom Walsh"]


def test_quotes_learned_model_loads_from_the_settings(tmp_path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"threshold": 0.5, "weights": _STANCE.weights}), encoding="utf-8")
    stage = stages.get("quotes.rules.v1").factory(load_settings(quotes={"model_file": str(path)}))
    assert stage.model is not None and stage.model.weights == _STANCE.weights
    assert stages.get("quotes.rules.v1").factory(load_settings()).model is None
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.json"):
        load_quote_model(str(bad))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the relaying cue after the statement: the inner statement is what was said
        ("The mayor plans to close the ferry line, the Gazette reported.", "to close the ferry line", "The mayor"),
        # the relaying cue first: its clause, with the plan inside, is the paper's statement
        (
            "The Gazette reported that the mayor was planning to close the ferry line.",
            "that the mayor was planning to close the ferry line",
            "The Gazette",
        ),
    ],
)
def test_quotes_relay_keeps_the_inner_statement_only_after_it(quotes_of, text: str, content: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert (quote.text, quote.speaker.text) == (content, speaker)


def test_quotes_call_for_a_clause(quotes_of) -> None:
    # The parser makes "for" the mark of an infinitive clause: that clause is the content.
    text = "Senator Lund, who won the northern districts, now calls for the two smaller parties to withdraw."
    (quote,) = quotes_of(text)
    assert (quote.text, quote.cue, quote.speaker.text) == (
        "the two smaller parties to withdraw",
        "calls",
        "Senator Lund",
    )


def test_intervals_add_equals_merging_all_ranges() -> None:
    import random

    from communique.extract._intervals import Intervals, merge

    rng = random.Random(7)
    for _ in range(2000):
        taken, ranges = Intervals([]), []
        for _ in range(rng.randint(1, 10)):
            start = rng.randint(0, 50)
            end = start + rng.randint(1, 12)
            ranges.append((start, end))
            taken.add(start, end)
            assert taken.ranges == merge(list(ranges))
            assert taken.starts == [s for s, _ in taken.ranges]
