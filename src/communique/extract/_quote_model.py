"""Learned attributions: verb, noun and adjective complements scored by a linear model.

The rules of :mod:`communique.extract.quotes` find statements with a cue from the lexicon and
a clause or a long object. PolNeAR's attributions go further: stances and beliefs with short
contents ("endorsed Cruz", "is critical of the deal", "support for the plan", "a poll
showed a tie"), with a long tail of cue words no hand list covers. This module proposes every
complement of a verb, noun or adjective as a candidate content (:func:`candidates`) and
keeps the candidates a logistic model scores above its threshold (:class:`QuoteModel`).

The model is a JSON table of feature weights built by ``scripts/train_quote_model.py`` from
PolNeAR **train** only; scoring is a sum of weights, so nothing beyond the standard library
runs at extraction time. No model ships with the package: PolNeAR's data carries no licence
(its texts are the publishers'), so weights learned from it are not ours to redistribute.
Whoever may use the data trains a model and names it in ``[quotes] model_file``.

Example:
    >>> _length_bucket(1), _length_bucket(7), _length_bucket(40)
    ('1', '5-8', '17+')
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from communique.extract._intervals import Intervals, merge

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Candidate", "QuoteModel", "candidates", "load_quote_model"]

# Complements of a verb or adjective whose subtree may be what its subject holds or says.
_VERB_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "dative"})
# Complements of a noun ("a promise to pay", "the claim that ...").
_NOUN_DEPS = frozenset({"acl", "ccomp", "appos"})
_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
# Words that open a content and say what kind it is; any other first word is given by its POS.
_OPENERS = frozenset({"that", "to", "whether", "if", "how", "what", "why", "who", "when", "as"})
_QUOTE_CHARS = frozenset('“”„«»"')
# Holders that name no one: "It seems that ...", "There is hope that ...".
_EXPLETIVES = frozenset({"it", "there", "this", "that", "what", "which"})
# Idioms whose clause is an aim, not a stance ("will make sure that the border stays open").
_AIM_IDIOMS = frozenset({("make", "sure"), ("make", "certain")})
# Forms the pinned spaCy model lemmatizes wrongly (as in quotes._LEMMA_FIXES).
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


@dataclass(frozen=True)
class Candidate:
    """A possible attribution: the cue token, the content's token range and the speaker.

    ``kind`` is how the content hangs from the cue ("dobj", "xcomp", "prep:of", ...);
    ``wide`` marks the variant that runs on to the end of the cue's phrase."""

    cue: Token
    first: int
    last: int
    speaker: Token | None
    features: tuple[str, ...]
    kind: str = ""
    wide: bool = False


def _length_bucket(n: int) -> str:
    for bound, name in ((1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16")):
        if n <= bound:
            return name
    return "17+"


def _lemma(token: Token) -> str:
    return _LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


# A cue without a subject of its own takes the holder of the word it hangs from.
_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "ccomp"})
_NOUN_CLIMB_DEPS = frozenset({"dobj", "attr", "pobj"})


def _speaker_of(token: Token) -> Token | None:
    """The holder of a candidate: subject (or agent) of the cue, else of the verb it hangs
    from; a noun cue's possessor, else the subject of the verb it is the object of ("Trump
    raised questions about ..."); an adjective's subject through its copula, or the noun it
    describes ("a president willing to ...")."""
    if token.pos_ == "NOUN":
        poss = next((c for c in token.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
    if token.dep_ in ("amod", "acl") and token.pos_ in ("ADJ", "VERB") and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        climbs = current.dep_ in _CLIMB_DEPS or (current.dep_ in _NOUN_CLIMB_DEPS and current.pos_ == "NOUN")
        if climbs and current.head is not current:
            current = current.head
            continue
        break
    return None


def _holder_kind(token: Token | None) -> str:
    if token is None:
        return "none"
    if token.pos_ == "PRON" or token.tag_ in ("WP", "WDT"):
        return "pron:" + token.lower_
    if token.ent_type_:
        return "ent:" + token.ent_type_
    return token.pos_


def _features(
    cue: Token, content_root: Token, kind: str, first: int, last: int, speaker: Token | None
) -> tuple[str, ...]:
    doc = cue.doc
    lemma = _lemma(cue)
    words = [t for t in doc[first : last + 1] if not t.is_punct]
    size = _length_bucket(len(words))
    opener = doc[first].lower_ if doc[first].lower_ in _OPENERS else doc[first].pos_
    holder = _holder_kind(speaker)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    has_mark = any(t.text in _QUOTE_CHARS or t.text == "''" for t in doc[first : last + 1])
    feats = [
        "bias",
        f"l={lemma}",
        f"p={cue.pos_}",
        f"k={kind}",
        f"lk={lemma}|{kind}",
        f"pk={cue.pos_}|{kind}",
        f"tag={cue.tag_}",
        f"tdep={cue.dep_}",
        f"tdepk={cue.dep_}|{kind}",
        f"len={size}",
        f"klen={kind}|{size}",
        f"f={opener}",
        f"kf={kind}|{opener}",
        f"h={holder}",
        f"hk={holder.split(':')[0]}|{kind}",
        f"lh={lemma}|{holder.split(':')[0]}",
        f"cr={content_root.pos_}",
        f"ce={content_root.ent_type_ or '-'}",
        f"cv={int(has_verb)}",
        f"cq={int(has_mark)}",
        f"side={'before' if last < cue.i else 'after'}",
        f"lklen={lemma}|{kind}|{size}",
        f"crl={content_root.lemma_.lower()}",
    ]
    if speaker is not None and speaker.pos_ != "PRON":
        feats.append(f"sl={speaker.lemma_.lower()}")
    if cue.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl", "acl") and cue.head is not cue:
        feats.append(f"hl={_lemma(cue.head)}")
    if any(c.dep_ == "neg" for c in cue.children):
        feats.append("neg")
    aux = next((c.lower_ for c in cue.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if aux is not None:
        feats.append(f"md={aux}")
    return tuple(feats)


def _has_quote_mark(text: str) -> bool:
    return "''" in text or any(ch in _QUOTE_CHARS for ch in text)


def _is_time(token: Token) -> bool:
    """A time adjunct ("on Tuesday", "last week"): when something was said, not what."""
    if token.dep_ == "prep":
        token = next((c for c in token.children if c.dep_ == "pobj"), token)
    return token.ent_type_ in ("DATE", "TIME")


def _wide_end(cue: Token, last: int) -> int:
    """The last token of the cue's phrase after a complement ending at ``last``: its later
    complements and modifiers but time adjuncts, up to a coordinated clause with a subject
    of its own."""
    doc = cue.doc
    end = last
    for child in cue.rights:
        if child.i <= last or child.dep_ in ("punct", "cc"):
            continue
        if child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            break
        if _is_time(child):
            continue
        end = max(end, child.right_edge.i)
    while end > last and (doc[end].is_punct or doc[end].is_space) and doc[end].text not in _QUOTE_CHARS:
        end -= 1
    return end


def candidates(doc: Doc, taken: Sequence[tuple[int, int]] = (), cues: Collection[int] = ()) -> list[Candidate]:
    """Every complement of a verb, noun or adjective as a possible content.

    An imperative ("Note: the figures may change") and "it"/"there" hold nothing; a cue
    with no holder at all ("Asked about the plan, ...") may still be an attribution. A
    content with quotation marks is left to the rules (a quoted fragment makes a mixed quote).
    A verb or adjective proposes its clausal complements, objects and predicates, and the
    object of each preposition it governs ("critical of X" gives X); a noun proposes its
    clauses and the objects of its prepositions ("support for X").

    Args:
        doc: the parsed article.
        taken: character ranges of the statements the rules found: candidates overlapping
            them are not proposed (and a sentence that already has one rarely has a second).
        cues: token indices of the rules' cues.

    Returns:
        The candidates in token order, each with its feature names.
    """
    found: list[Candidate] = []
    busy = Intervals(merge(list(taken)))
    # Sentence bounds once: Token.sent walks the document on every call.
    sentence_of: list[tuple[int, int]] = []
    for sent in doc.sents:
        sentence_of.extend([(sent.start_char, sent.end_char)] * len(sent))
    for token in doc:
        if token.pos_ not in _CUE_POS:
            continue
        is_noun = token.pos_ == "NOUN"
        speaker: Token | None = None
        seen_speaker = False
        context: tuple[str, str] | None = None
        for child in token.children:
            if child.dep_ == "prep":
                obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                root, kind = obj, f"prep:{child.lower_}"
            elif child.dep_ in (_NOUN_DEPS if is_noun else _VERB_DEPS):
                root, kind = child, child.dep_
            else:
                continue
            first, last = root.left_edge.i, root.right_edge.i
            while last > first and doc[last].is_punct and doc[last].text not in _QUOTE_CHARS:
                last -= 1
            if doc[first].is_punct and first == last:
                continue
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            if _has_quote_mark(doc[first : last + 1].text):
                continue  # quoted words make a mixed quote: the rules' fragments handle those
            if busy.overlapping(start, end):
                continue  # the rules already found a statement here
            if (_lemma(token), root.lower_) in _AIM_IDIOMS or (_lemma(token.head), token.lower_) in _AIM_IDIOMS:
                continue
            if not seen_speaker:
                speaker, seen_speaker = _speaker_of(token), True
            if speaker is None and token.dep_ == "ROOT" and token.tag_ == "VB":
                continue  # an imperative ("Note: the figures may change") holds nothing
            if speaker is not None and (speaker.lower_ in _EXPLETIVES or first <= speaker.i <= last):
                continue
            if context is None:
                s_start, s_end = sentence_of[token.i]
                context = (
                    "busy" if busy.overlapping(s_start, s_end) else "free",
                    "cue" if token.i in cues else "new",
                )
            features = _features(token, root, kind, first, last, speaker) + context
            found.append(Candidate(token, first, last, speaker, features, kind))
            wide = _wide_end(token, last) if root.i > token.i else last
            if wide > last and not _has_quote_mark(doc[last + 1 : wide + 1].text):
                # The rest of the cue's phrase too ("endorsed Bush for president"); the model
                # learns which of the two a cue's content usually is.
                wide_features = (*features, "wide", f"lwide={_lemma(token)}")
                found.append(Candidate(token, first, wide, speaker, wide_features, kind, wide=True))
    return found


@dataclass(frozen=True)
class QuoteModel:
    """A logistic model over candidate features: ``weights``, and the ``threshold`` on the
    probability above which a candidate is kept (chosen on PolNeAR train, see the script)."""

    weights: dict[str, float]
    threshold: float

    def score(self, candidate: Candidate) -> float:
        """The model's probability that ``candidate`` is an attribution."""
        return self.probability(candidate.features)

    def speaker(self, candidate: Candidate) -> Token | None:
        """Who holds a kept candidate: the holder of its cue."""
        return candidate.speaker

    def probability(self, features: tuple[str, ...]) -> float:
        """The model's probability that a candidate with these features is an attribution."""
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=4)
def load_quote_model(path: str | Path | None = None) -> QuoteModel | None:
    """The model in the JSON file at ``path`` (``[quotes] model_file``), or None without one.

    Raises:
        ConfigError: the file is missing or is not a model written by the training script.
    """
    if not path:
        return None
    from communique.errors import ConfigError

    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return QuoteModel(
            weights={str(k): float(v) for k, v in raw["weights"].items()}, threshold=float(raw["threshold"])
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a quote model ({exc})") from exc
