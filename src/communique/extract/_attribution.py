"""Hand-written attribution rules: which candidate complements are what their holder says or holds.

:func:`communique.extract._quote_model.candidates` proposes every complement of a verb, noun
or adjective that the reporting rules left alone. :class:`AttributionRules` keeps a candidate
when its cue and the kind of its complement are listed together in ``data/attribution_cues.txt``
(our own lexicon: "endorsed" + object, "critical" + "of", "a promise" + infinitive, ...) and a
holder names who says or holds it. It is the shippable counterpart of the learned
:class:`~communique.extract._quote_model.QuoteModel`: same candidates, same interface, but
every decision comes from a rule someone can read.

Example:
    >>> cues = load_attribution_cues()
    >>> cues.allows("endorse", "VERB", "dobj"), cues.allows("endorse", "VERB", "prep:in")
    (True, False)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from communique.extract._quote_model import Candidate, _lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "RECEIVING_VERBS",
    "AttributionCues",
    "AttributionRules",
    "load_attribution_cues",
    "names_someone",
    "parse_attribution_cues",
    "receives_stance",
]

_POS = frozenset({"VERB", "NOUN", "ADJ"})


@dataclass(frozen=True)
class AttributionCues:
    """Cue lemma and part of speech -> the complement kinds that are its content."""

    kinds: dict[tuple[str, str], frozenset[str]]

    def allows(self, lemma: str, pos: str, kind: str) -> bool:
        """True when ``kind`` ("dobj", "prep:of", ...) is listed for ``lemma`` as ``pos``."""
        return kind in self.kinds.get((lemma, pos), frozenset())


@functools.lru_cache(maxsize=1)
def load_attribution_cues() -> AttributionCues:
    """Read (once) the packaged ``communique/data/attribution_cues.txt``."""
    raw = resources.files("communique.data").joinpath("attribution_cues.txt").read_text(encoding="utf-8")
    return parse_attribution_cues(raw)


def parse_attribution_cues(raw: str) -> AttributionCues:
    """Parse the lexicon's text (format in the header of ``attribution_cues.txt``).

    Raises:
        ValueError: a line is not ``lemma POS | kinds`` with POS one of VERB, NOUN, ADJ.
    """
    kinds: dict[tuple[str, str], set[str]] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, tail = line.partition("|")
        words = head.split()
        if len(words) != 2 or words[1] not in _POS or not tail.split():
            raise ValueError(f"attribution_cues.txt line {number}: expected 'lemma POS | kinds', found {line!r}")
        kinds.setdefault((words[0].lower(), words[1]), set()).update(tail.split())
    return AttributionCues({key: frozenset(value) for key, value in kinds.items()})


# Verbs whose object noun is voiced by their subject: "Trump expressed support for the plan",
# "she renewed her call for a ceasefire" (written by hand; a noun cue with neither such a verb
# nor a possessor has no reliable holder: "the support of millions", "a statement released").
_VOICING_VERBS = frozenset(
    {
        *("express", "voice", "offer", "issue", "give", "announce", "reiterate", "repeat", "renew"),
        *("echo", "share", "signal", "declare", "state", "register", "air", "lodge", "file", "deliver"),
        *("unveil", "outline", "release", "stress", "emphasize", "emphasise", "make", "have", "hold"),
        *("lend", "throw", "pledge", "promise", "publish", "post", "tweet", "send", "level"),
        *("take", "launch", "mount", "wage", "lead", "heap", "lavish", "pay", "extend", "raise"),
    }
)
# Verbs whose that-clause is a condition or a consequence, not a stance ("ensure that ...",
# "means that ...").
_NOT_STANCE_VERBS = frozenset({"ensure", "mean", "require", "guarantee", "provide", "stipulate"})
# Verbs whose subject receives a stance named by their object ("The plan drew criticism from
# the unions", "The levy won the backing of the mayor"): the subject is what the stance is
# about, the object of "from" (or of the noun's "of") holds it. Written by hand.
RECEIVING_VERBS = frozenset(
    {"draw", "receive", "win", "earn", "attract", "face", "garner", "gain", "get", "secure", "court"}
)


def receives_stance(noun: Token) -> bool:
    """Whether ``noun`` is the object of a receiving verb ("The plan drew criticism", "won the
    backing of the mayor"): the verb's subject receives the stance the noun names."""
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and _lemma(noun.head) in RECEIVING_VERBS


# Words that open a noun's clause or infinitive content ("the claim that ...", "a vow to ...").
_NOUN_CLAUSE_OPENERS = frozenset({"that", "to", "whether", "if"})
# Priority of the phrase-long variant over the bare complement: PolNeAR's contents run to the
# end of the cue's phrase ("endorsed Bush for president"), and a longer prediction still covers
# a shorter gold content (on PolNeAR train the wide variant scored 1.7 points more indirect F1).
_WIDE_SCORE, _BARE_SCORE = 0.75, 0.7


# Pronouns that stand for people (a holder named by the sentence, if not by the cue).
_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})


def names_someone(token: Token | None) -> bool:
    """A person, organisation or country (a named entity) or a personal pronoun."""
    if token is None:
        return False
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lower_ in _PERSONAL_PRONOUNS


def _cue_pos(token: Token) -> str:
    return "VERB" if token.pos_ == "AUX" else token.pos_


@dataclass(frozen=True)
class AttributionRules:
    """Keep a candidate whose cue lists its complement kind and whose holder is reliable.

    The interface is the learned model's (``score`` and ``threshold``), so the quote stage
    chooses among candidates the same way with either.

    Args:
        cues: the lexicon (the packaged ``attribution_cues.txt`` by default).
    """

    cues: AttributionCues = field(default_factory=load_attribution_cues)
    threshold: float = 0.5

    def score(self, candidate: Candidate) -> float:
        """0 for a candidate the rules reject, else its priority (the whole phrase first)."""
        cue = candidate.cue
        adjectival = self.adjectival(candidate)
        listed = self.cues.allows(_lemma(cue), _cue_pos(cue), candidate.kind)
        noun_that = self.noun_that_clause(candidate)
        if not (listed or adjectival or noun_that or self.voiced_noun(candidate) or self.that_clause(candidate)):
            return 0.0
        if not (self.held(candidate, adjectival) or (listed or noun_that) and self.noun_held_around(candidate)):
            return 0.0
        if cue.dep_ == "acl" and cue.pos_ in ("VERB", "AUX"):
            return 0.0  # "a super PAC backing Walsh" describes the noun rather than reports
        doc = cue.doc
        if candidate.first == candidate.last and doc[candidate.first].pos_ == "PRON":
            return 0.0  # "opposes it": the content is elsewhere
        if cue.pos_ == "NOUN" and candidate.kind == "acl" and doc[candidate.first].lower_ not in _NOUN_CLAUSE_OPENERS:
            return 0.0  # "the statement released on Monday" describes, not reports
        return _WIDE_SCORE if candidate.wide else _BARE_SCORE

    def speaker(self, candidate: Candidate) -> Token | None:
        """Who holds a kept candidate: its holder when the cue's own words name it or it names
        someone; nobody otherwise ("The strike went ahead amid allegations that ...": the
        allegations are not the strike's)."""
        if _lemma(candidate.cue) == "be" and candidate.speaker is not None:
            # "Mr. Obama's bet is that ...": the subject's possessor holds the clause.
            return next((c for c in candidate.speaker.children if c.dep_ == "poss"), None)
        if names_someone(candidate.speaker):
            return candidate.speaker
        if _lemma(candidate.cue) == "be" or not self.held(candidate, self.adjectival(candidate)):
            return None  # "The problem is that ...": the subject is the clause's topic
        return candidate.speaker

    @staticmethod
    def that_clause(candidate: Candidate) -> bool:
        """A verb whose clausal complement opens with "that" ("Officials fear that ...",
        "Aides have hinted that ..."): a verb taking a that-clause reports or holds it, listed
        or not ("make sure that" is left out by the candidates); so does "be" ("The problem
        is that ...", with no speaker: its subject is the clause's topic)."""
        cue = candidate.cue
        doc = cue.doc
        return (
            (cue.pos_ == "VERB" and _lemma(cue) not in _NOT_STANCE_VERBS or cue.pos_ == "AUX" and _lemma(cue) == "be")
            and candidate.kind == "ccomp"
            and candidate.first > cue.i
            and doc[candidate.first].lower_ == "that"
        )

    @staticmethod
    def noun_that_clause(candidate: Candidate) -> bool:
        """A noun whose clause opens with "that" as a conjunction ("the fact that ...", "signs
        that ...") states or holds it, listed or not; relative clauses ("the plan that he
        drafted") are ``relcl`` and never candidates."""
        cue = candidate.cue
        doc = cue.doc
        opener = doc[candidate.first]
        return (
            cue.pos_ == "NOUN"
            and candidate.kind in ("acl", "ccomp")
            and opener.lower_ == "that"
            and opener.dep_ == "mark"
        )

    @staticmethod
    def noun_held_around(candidate: Candidate) -> bool:
        """A listed noun is an attribution without a possessor or voicing verb too ("amid
        allegations that ...", "support for the plan is growing"; :meth:`speaker` names its
        holder only when the sentence's subject names someone), unless its subject receives it
        ("She won the support of X": the rules' statement, held by X) or, with no one named,
        its "of" may name the holder ("the support of the fishermen")."""
        cue = candidate.cue
        if cue.pos_ != "NOUN" or receives_stance(cue):
            return False
        # "the support of the fishermen": without a holder, "of" may name the holder itself.
        return candidate.kind != "prep:of" or names_someone(candidate.speaker)

    def voiced_noun(self, candidate: Candidate) -> bool:
        """A voicing verb whose object is a listed noun takes that noun's preposition ("took a
        swipe at the budget", "expressed support for the plan" when the parser hangs the
        preposition on the verb)."""
        cue = candidate.cue
        if cue.pos_ != "VERB" or _lemma(cue) not in _VOICING_VERBS or not candidate.kind.startswith("prep:"):
            return False
        return any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and self.cues.allows(_lemma(c), "NOUN", candidate.kind)
            for c in cue.children
        )

    def adjectival(self, candidate: Candidate) -> bool:
        """A participle the lexicon lists as an adjective with this complement ("are opposed
        to", "was convinced that"): its subject holds the stance, passive or not."""
        cue = candidate.cue
        return cue.tag_ == "VBN" and self.cues.allows(cue.lower_, "ADJ", candidate.kind)

    @staticmethod
    def held(candidate: Candidate, adjectival: bool = False) -> bool:
        """Someone holds the content: a subject that is not the passive's patient ("Walsh was
        endorsed by ..." is not Walsh's stance, unless ``adjectival``), and for a noun cue its
        possessor, the subject of a verb that voices it ("Moscow's warning", "she voiced
        support for"), of "be" ("Berg is a critic of the deal") or of a verb it is "in" or
        "with" ("came out in support of")."""
        cue, holder = candidate.cue, candidate.speaker
        if holder is None:
            return False
        if holder.dep_ == "nsubjpass" and holder.head == cue and not adjectival:
            return False
        if cue.pos_ == "NOUN":
            possessed = holder.dep_ == "poss" and holder.head == cue
            voiced = cue.dep_ == "dobj" and _lemma(cue.head) in _VOICING_VERBS
            predicated = cue.dep_ == "attr" and cue.head.lemma_ == "be"
            # "came out in support of Walsh", "weighed in with criticism of the deal".
            prep = cue.head
            phrased = (
                cue.dep_ == "pobj"
                and prep.lower_ in ("in", "with")
                and prep.head.pos_ == "VERB"
                and prep.head.i < prep.i  # not a sentence adjunct ("In the view of X, ...")
            )
            return possessed or voiced or predicated or phrased
        return True
