"""Speaker resolution: from the local mention of a quote's speaker to the named actor.

The quote stage (:mod:`communique.extract.quotes`) finds, for every statement, the token that
carries the attribution locally: a name ("Guminsky said"), a pronoun ("he added"), a bare
title ("the minister said"), an organisation ("the Foreign Ministry said"), a relative
pronoun ("Smith, who said ...") or an anonymous description ("officials said"). This module
turns that token into a :class:`~communique.model.Speaker`:

- the speaker span: the pronoun alone, or the noun phrase up to its head (titles included);
- ``name`` and ``actor_id``: the mention inside the span (its actor when the actors stage
  resolved it), else, for pronouns and bare titles, the most recent compatible named speaker
  or sentence subject before it. No coreference model is available offline, so compatibility
  is rules: grammatical gender learnt from the article itself (honorifics, and pronouns that
  follow a name in its own sentence), person versus organisation, and title words;
- anonymous descriptions ("a source", "officials", "the official") keep their text and get no
  name: a wrong attribution is worse than none.

Example:
    >>> from communique.extract.speakers import pronoun_class
    >>> pronoun_class("She"), pronoun_class("they"), pronoun_class("Moscow")
    ('female', 'plural', None)
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from communique.model import Article, Mention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SpeakerResolver", "pronoun_class"]

_PRONOUNS: dict[str, str] = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "they": "plural",
    "them": "plural",
    "it": "neuter",
    "we": "self",
    "i": "self",
    "who": "relative",
    "that": "relative",
    "which": "relative",
}

# Honorifics that fix a person's grammatical gender when written before the name.
_HONORIFICS: dict[str, str] = {
    "mr": "male",
    "mr.": "male",
    "sir": "male",
    "lord": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "madam": "female",
    "lady": "female",
    "dame": "female",
}

# Labels of mentions that can speak. PERSON first: it wins when several overlap the span.
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "IGO", "INSTITUTION", "NORP", "GPE"})

# Nouns that describe an unnamed source; such a speaker is kept without a name even when
# definite ("the source added"), because the text never says who it is.
_ANONYMOUS_NOUNS = frozenset(
    {
        "source",
        "official",
        "person",
        "people",
        "aide",
        "insider",
        "analyst",
        "expert",
        "observer",
        "witness",
        "resident",
        "diplomat",
        "employee",
        "staffer",
        "member",
        "someone",
        "anyone",
        "critic",
        "supporter",
        "activist",
        "voter",
        "participant",
        "officer",
    }
)

# Title nouns that, definite and unnamed ("the minister said"), refer back to a named person
# who was introduced with that title earlier in the article.
_TITLE_NOUNS = frozenset(
    {
        "minister",
        "president",
        "premier",
        "chancellor",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "senator",
        "governor",
        "mayor",
        "leader",
        "chief",
        "director",
        "head",
        "general",
        "commander",
        "king",
        "queen",
        "prince",
        "emir",
        "candidate",
        "nominee",
        "congressman",
        "congresswoman",
        "lawmaker",
        "representative",
        "deputy",
        "speaker",
        "judge",
        "prosecutor",
        "attorney",
        "lawyer",
        "ceo",
        "executive",
        "founder",
        "commissioner",
        "negotiator",
        "counterpart",
    }
)

# Common nouns that stand for an organisation ("the ministry said"): they refer back to the
# most recent organisation mention whose name contains the same word.
_ORG_NOUNS = frozenset(
    {
        "ministry",
        "government",
        "department",
        "agency",
        "office",
        "committee",
        "council",
        "embassy",
        "commission",
        "company",
        "party",
        "organisation",
        "organization",
        "bank",
        "court",
        "parliament",
        "army",
        "military",
        "service",
        "union",
        "campaign",
        "administration",
        "bureau",
        "group",
        "fund",
    }
)

# How many more distinct people a pronoun may look back past an unknown-gender person to
# reach one known to match; three covers the usual "A met B; C said ...; she added" patterns.
_PRONOUN_LOOKBACK = 3

_INDEFINITE = frozenset({"a", "an", "another", "some", "one", "several", "many", "two", "three", "other", "any"})

# Nouns that name someone other than the person they are said of: "Smith's lawyer", "the
# senator's predecessor", "members of Lee's platoon" speak, and Smith, the senator and Lee do
# not. (Not "spokesman" or "aide", who speak for the person, nor "words" or "statement", which
# are the person's own.) Found as wrong speakers on the last 60 articles of
# data/news/world.jsonl (attorney, lawyer, predecessor, member, director); the rest are the
# family and other relations of the same kind.
_OTHER_PERSON_NOUNS = frozenset(
    {
        "lawyer",
        "attorney",
        "counsel",
        "predecessor",
        "successor",
        "member",
        "director",
        "wife",
        "husband",
        "widow",
        "son",
        "daughter",
        "father",
        "mother",
        "parent",
        "brother",
        "sister",
        "family",
        "relative",
        "friend",
        "colleague",
        "rival",
        "opponent",
        "critic",
        "accuser",
        "biographer",
    }
)


# Possessive and reflexive forms that reveal a person's grammatical gender when they follow
# the name in its own sentence ("Smith said her government ..."); never speakers themselves.
_GENDER_HINTS: dict[str, str] = {"his": "male", "himself": "male", "hers": "female", "herself": "female"}


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name → ``male``/``female`` from ``communique/data/given_names.txt``."""
    raw = resources.files("communique.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for line in raw.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("m", "f") and not line.startswith("#"):
            names[parts[1]] = "male" if parts[0] == "m" else "female"
    return names


def pronoun_class(word: str) -> str | None:
    """The class of a pronoun (``male``, ``female``, ``plural``, ``neuter``, ``self``, ``relative``).

    Args:
        word: the token text.

    Returns:
        The class, or None when ``word`` is not one of the pronouns that can speak.
    """
    return _PRONOUNS.get(word.lower())


@dataclass
class _Referent:
    """A named speaker or subject the later pronouns and titles can refer to."""

    position: int
    name: str
    actor_id: str | None
    kind: str  # "person" or "organization"
    mention: Mention


@dataclass
class SpeakerResolver:
    """Resolve speaker tokens of one article, in text order.

    Call :meth:`resolve` for the quotes in the order of their position: every named speaker
    becomes a candidate antecedent for the pronouns and titles after it.

    Args:
        article: the article, with its ``doc`` and ``mentions`` (and actors when resolved).
    """

    article: Article
    _mentions: list[Mention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _gender: dict[str, str] = field(default_factory=dict)
    _weak_gender: dict[str, str] = field(default_factory=dict)
    _subjects: list[_Referent] = field(default_factory=list)
    _history: list[_Referent] = field(default_factory=list)
    _full_names: dict[str, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._mentions = sorted(self.article.mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._mentions]
        self._index_people()

    # -- building the candidate lists -------------------------------------------------------

    def _index_people(self) -> None:
        """Learn genders, surname links and sentence-subject referents from the parse."""
        doc = self.article.doc
        for mention in self._mentions:
            if mention.label not in _PERSON_LABELS and mention.label not in _ORG_LABELS:
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if mention.label in _PERSON_LABELS:
                self._learn_person(mention, span)
            head = span.root
            if head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "compound" and head.head.dep_ == "nsubj"):
                referent = self._referent_for(mention)
                if referent is not None:
                    self._subjects.append(referent)

    def _learn_person(self, mention: Mention, span: Any) -> None:
        """Record a person's full name and gender (honorific, or a pronoun later in its sentence)."""
        words = mention.text.split()
        if len(words) > 1:
            self._full_names.setdefault(words[-1].lower(), mention)
        doc = span.doc
        if span.start > 0:
            honorific = _HONORIFICS.get(doc[span.start - 1].lower_)
            if honorific:
                self._set_gender(mention, honorific)
                return
        first = words[0].lower().rstrip(".") if words else ""
        if first + "." in _HONORIFICS:
            self._set_gender(mention, _HONORIFICS[first + "."])
            return
        if span.root.dep_ not in ("nsubj", "nsubjpass"):
            return
        # The first third-person singular pronoun after a subject name in its own sentence
        # nearly always refers to it ("Smith said her government ..."), unless another
        # person is named in between.
        sent = span.sent
        for token in doc[span.end : sent.end]:
            if token.ent_type_ == "PERSON":
                return
            cls = _PRONOUNS.get(token.lower_) or _GENDER_HINTS.get(token.lower_)
            if cls in ("male", "female"):
                self._set_gender(mention, cls, weak=True)
                return

    def _keys(self, mention: Mention) -> list[str]:
        """The keys a person is known by: its actor id and its full name."""
        keys = [self._name_of(mention).lower()]
        actor_id = self._actor_of(mention)
        if actor_id:
            keys.append(actor_id)
        return keys

    def _set_gender(self, mention: Mention, gender: str, weak: bool = False) -> None:
        """Record a gender; ``weak`` evidence (a nearby pronoun) never overrides strong evidence."""
        store = self._weak_gender if weak else self._gender
        for key in self._keys(mention):
            store.setdefault(key, gender)

    def _gender_of(self, mention: Mention) -> str | None:
        """A person's grammatical gender: honorific, then given name, then nearby pronouns."""
        keys = self._keys(mention)
        for key in keys:
            if key in self._gender:
                return self._gender[key]
        name = self._name_of(mention).split()
        given = _given_names().get(name[0].lower()) if len(name) > 1 else None
        if given is not None:
            return given
        for key in keys:
            if key in self._weak_gender:
                return self._weak_gender[key]
        return None

    def _name_of(self, mention: Mention) -> str:
        """The display name: the actor's canonical name, else the full form of a surname."""
        actor = self.article.actor(mention.actor_id)
        if actor is not None:
            return actor.name
        if mention.label in _PERSON_LABELS and " " not in mention.text.strip():
            full = self._full_names.get(mention.text.strip().lower())
            if full is not None and full.start < mention.start:
                return full.text
        return mention.text

    def _actor_of(self, mention: Mention) -> str | None:
        """The actor id of a mention, or of the full-name mention a bare surname abbreviates."""
        if mention.actor_id:
            return mention.actor_id
        if mention.label in _PERSON_LABELS and " " not in mention.text.strip():
            full = self._full_names.get(mention.text.strip().lower())
            if full is not None:
                return full.actor_id
        return None

    def _referent_for(self, mention: Mention) -> _Referent | None:
        actor = self.article.actor(mention.actor_id)
        if actor is not None:
            kind = "person" if actor.kind == "person" else "organization"
        elif mention.label in _PERSON_LABELS:
            kind = "person"
        elif mention.label in _ORG_LABELS:
            kind = "organization"
        else:
            return None
        return _Referent(mention.start, self._name_of(mention), self._actor_of(mention), kind, mention)

    # -- resolution ------------------------------------------------------------------------

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)``."""
        found: list[Mention] = []
        index = bisect.bisect_left(self._starts, end)
        for mention in self._mentions[:index]:
            if mention.end > start:
                found.append(mention)
        return found

    def speaker_tokens(self, token: Token) -> tuple[int, int]:
        """The token range ``[first, last]`` of the speaker phrase headed by ``token``."""
        if token.pos_ == "PRON" or pronoun_class(token.text):
            return token.i, token.i
        first = token.left_edge.i
        # A comma inside the left part means a fronted phrase, not part of the name.
        for i in range(token.i - 1, first - 1, -1):
            if token.doc[i].is_punct and token.doc[i].text not in ("-", "–", ".", "'", "’"):
                first = i + 1
                break
        # The right part keeps the words that still name the speaker ("Chairman of the
        # Executive Committee Viktor Guminsky", "Smith (R-Texas)") and stops at a comma,
        # a relative clause or a coordination.
        last = token.i
        for child in token.rights:
            if child.dep_ in ("relcl", "acl", "advcl", "cc", "conj") or child.text in (",", ":"):
                break
            last = max(last, child.right_edge.i)
        while last > token.i and token.doc[last].text == ",":
            last -= 1
        # A speaker phrase never runs over a line break (a dateline or heading before it).
        doc = token.doc
        while first < token.i and "\n" in doc[first : token.i + 1].text:
            first += 1
        while last > token.i and "\n" in doc[token.i : last + 1].text:
            last -= 1
        return first, last

    def resolve(self, token: Token | None) -> Speaker:
        """The speaker of a quote whose local attribution is ``token`` (None: unattributed).

        Args:
            token: the head token of the speaker (subject of the cue verb, object of
                "according to", a pronoun, ...).

        Returns:
            The speaker: span of the local mention, resolved name and actor id when known.
        """
        if token is None:
            return Speaker()
        doc = token.doc
        first, last = self.speaker_tokens(token)
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        # The article text, not doc.text: spaCy rebuilds doc.text from every token on each call.
        text = self.article.text[start:end]
        name, actor_id = self._resolve_name(token, start, end)
        return Speaker(text=text, start=start, end=end, name=name, actor_id=actor_id)

    def _resolve_name(self, token: Token, start: int, end: int) -> tuple[str | None, str | None]:
        cls = pronoun_class(token.text) if (token.pos_ == "PRON" or token.tag_ in ("WP", "WDT")) else None
        if cls == "relative":
            antecedent = token.head.head if token.head.dep_ in ("relcl", "acl") else None
            if antecedent is None or antecedent.i == token.i:
                return None, None
            first, last = self.speaker_tokens(antecedent)
            doc = token.doc
            return self._resolve_name(antecedent, doc[first].idx, doc[last].idx + len(doc[last].text))
        if cls is not None:
            return self._resolve_pronoun(cls, start)
        mentions = self._mentions_in(start, end)
        if _of_another(token, mentions):
            # "Smith's lawyer said": the person named in the phrase is not the one speaking; the
            # unnamed speaker still stands between a later "they" and an earlier organisation
            mentions = [m for m in mentions if m.label not in _PERSON_LABELS]
            if not any(m.label in _ORG_LABELS for m in mentions):
                proxy = Mention(text=self.article.text[start:end], label="NOUN", start=start, end=end)
                self._history.append(_Referent(start, proxy.text, None, "other", proxy))
                return None, None
        chosen = self._pick_mention(mentions, token)
        if chosen is not None:
            referent = self._referent_for(chosen)
            if referent is not None:
                referent.position = start
                self._history.append(referent)
                return referent.name, referent.actor_id
            return chosen.text, chosen.actor_id
        if (
            token.pos_ == "PROPN"
            and token.lemma_.lower() in _TITLE_NOUNS
            and any(c.lower_ == "the" for c in token.children)
        ):
            # "the President said": a capitalised bare title, not a name.
            return self._resolve_title(token.lemma_.lower(), start)
        if token.pos_ == "PROPN":
            # A name the entity recogniser missed: the name is the phrase itself.
            text = self.article.text[start:end]
            proxy = Mention(text=text, label="PERSON", start=start, end=end)
            # Kind unknown: such a name is never the antecedent of "he"/"she" or "it".
            self._history.append(_Referent(start, self._name_of(proxy), self._actor_of(proxy), "other", proxy))
            return self._name_of(proxy), self._actor_of(proxy)
        return self._resolve_description(token, start)

    def _pick_mention(self, mentions: list[Mention], token: Token) -> Mention | None:
        """The mention naming the speaker: the one covering the head, a person before others."""
        speaking = [m for m in mentions if m.label in _PERSON_LABELS or m.label in _ORG_LABELS]
        if not speaking:
            return None
        head_char = token.idx
        covering = [m for m in speaking if m.start <= head_char < m.end]
        pool = covering or speaking
        pool.sort(key=lambda m: (m.label not in _PERSON_LABELS, m.label in ("GPE", "NORP"), -(m.end - m.start)))
        return pool[0]

    def _candidates(self, before: int) -> list[_Referent]:
        """Named speakers and subjects before ``before``, most recent first."""
        pool = [r for r in self._history if r.position < before]
        pool += [r for r in self._subjects if r.position < before]
        pool.sort(key=lambda r: r.position, reverse=True)
        return pool

    def _resolve_pronoun(self, cls: str, start: int) -> tuple[str | None, str | None]:
        if cls in ("male", "female"):
            # The most recent person known to match wins over a more recent one of unknown
            # gender, unless that one is more than a few people back.
            chosen: _Referent | None = None
            fallback: _Referent | None = None
            fallback_at = 0
            seen: set[str] = set()
            for referent in self._candidates(start):
                if referent.kind != "person" or referent.name in seen:
                    continue
                seen.add(referent.name)
                gender = self._gender_of(referent.mention)
                if gender == cls:
                    chosen = referent
                    break
                if gender is None and fallback is None:
                    fallback, fallback_at = referent, len(seen)
                if fallback is not None and len(seen) - fallback_at >= _PRONOUN_LOOKBACK:
                    chosen = fallback
                    break
            else:
                chosen = fallback
            if chosen is None:
                return None, None
            self._set_gender(chosen.mention, cls, weak=True)
            self._history.append(_Referent(start, chosen.name, chosen.actor_id, "person", chosen.mention))
            return chosen.name, chosen.actor_id
        if cls in ("neuter", "plural"):
            # "it said" / "they said" refer to an organisation only when the last speaker was
            # one; a plural pronoun after a person is usually a group we cannot name.
            history = [r for r in self._history if r.position < start]
            if history and history[-1].kind == "organization":
                last = history[-1]
                return last.name, last.actor_id
        return None, None

    def _resolve_description(self, token: Token, start: int) -> tuple[str | None, str | None]:
        """A common-noun speaker: anonymous, a bare title, or an organisation noun."""
        lemma = token.lemma_.lower()
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "amod", "poss")]
        if token.tag_ in ("NNS", "NNPS") or any(d in _INDEFINITE for d in dets) or lemma in _ANONYMOUS_NOUNS:
            return None, None
        definite = any(d in ("the", "this", "that") for d in dets)
        if not definite:
            return None, None
        if lemma in _TITLE_NOUNS:
            return self._resolve_title(lemma, start)
        if lemma in _ORG_NOUNS:
            for referent in self._candidates(start):
                if referent.kind == "organization" and lemma in referent.mention.text.lower():
                    return referent.name, referent.actor_id
            for mention in reversed(self._mentions_in(0, start)):
                if mention.label in _ORG_LABELS and lemma in mention.text.lower():
                    return self._name_of(mention), self._actor_of(mention)
        return None, None

    def _resolve_title(self, lemma: str, start: int) -> tuple[str | None, str | None]:
        """The most recent person introduced with title ``lemma`` ("the minister" → that minister)."""
        doc = self.article.doc
        for mention in reversed(self._mentions_in(0, start)):
            if mention.label not in _PERSON_LABELS or mention.end > start:
                continue
            actor = self.article.actor(mention.actor_id)
            if actor is not None and actor.title and lemma in actor.title.lower():
                return actor.name, actor.id
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            window = doc[max(span.sent.start, span.start - 8) : min(span.sent.end, span.end + 6)]
            if any(t.lemma_.lower() == lemma for t in window if t.i < span.start or t.i >= span.end):
                return self._name_of(mention), self._actor_of(mention)
        return None, None


def _of_another(token: Token, mentions: list[Mention]) -> bool:
    """Whether the speaker phrase headed by ``token`` names someone other than its person.

    True for a common noun of :data:`_OTHER_PERSON_NOUNS` that no mention covers ("Smith's
    lawyer", "members of Lee's platoon"); false for a name, a spokesman or a statement.

    Example:
        >>> _of_another(nlp("Smith's lawyer")[2], [])                  # doctest: +SKIP
        True
    """
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _OTHER_PERSON_NOUNS:
        return False
    return not any(m.start <= token.idx < m.end for m in mentions)
