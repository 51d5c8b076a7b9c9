"""The event coder's lexicons, loaded once from package data.

Four shipped files (each names its sources in its header):

* ``data/cameo.tsv`` -- CAMEO code -> name, Goldstein score, PLOVER type, mode, quad category.
* ``data/event_patterns.tsv`` -- our own trigger lexicon (verbs and nouns -> CAMEO code), written
  from the PLOVER and CAMEO definitions; it is consulted first.
* ``data/cameo_verbs.tsv`` -- PETRARCH2's verb dictionary, flattened by
  ``scripts/build_event_lexicon.py``; the fallback for verbs our lexicon does not list.
* ``data/event_contexts.tsv`` -- words that signal each PLOVER context.

Example:
    >>> lex = load_lexicon()
    >>> lex.cameo("051").plover, lex.cameo("051").goldstein
    ('SUPPORT', 3.4)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["CameoCode", "EventLexicon", "OwnRule", "PetrarchPattern", "load_lexicon"]


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its PLOVER mapping."""

    code: str
    name: str
    goldstein: float | None
    plover: str | None
    mode: str | None
    quad: str | None


@dataclass(frozen=True)
class OwnRule:
    """A row of ``event_patterns.tsv``: trigger lemma (+ optional cue lemma) -> CAMEO code."""

    trigger: str
    pos: str
    cue: str | None
    cameo: str
    reciprocal: bool


@dataclass(frozen=True)
class PetrarchPattern:
    """A PETRARCH verb pattern: words before and after the verb that refine the code."""

    pre: tuple[str, ...]
    post: tuple[str, ...]
    code: str


@dataclass
class EventLexicon:
    """All trigger knowledge, indexed for O(1) lookup by lemma."""

    codes: dict[str, CameoCode] = field(default_factory=dict)
    own_verbs: dict[str, list[OwnRule]] = field(default_factory=dict)
    own_nouns: dict[str, list[OwnRule]] = field(default_factory=dict)
    petr_verbs: dict[str, list[tuple[str, str, str | None]]] = field(default_factory=dict)
    petr_blocks: dict[str, str] = field(default_factory=dict)
    petr_patterns: dict[str, list[PetrarchPattern]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    petr_anchors: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    context_terms: dict[str, str] = field(default_factory=dict)
    context_regex: re.Pattern[str] | None = None

    def contexts(self, text: str) -> list[str]:
        """The PLOVER contexts whose terms occur in ``text`` (sorted, each once)."""
        if self.context_regex is None:
            return []
        found = {self.context_terms[m.group(1)] for m in self.context_regex.finditer(text.lower())}
        return sorted(found)

    def cameo(self, code: str | None) -> CameoCode | None:
        """The CAMEO record of ``code`` (falls back to its 3-digit and root parents)."""
        if not code:
            return None
        for key in (code, code[:3], code[:2]):
            if key in self.codes:
                found = self.codes[key]
                if key != code:
                    return CameoCode(code, found.name, found.goldstein, found.plover, found.mode, found.quad)
                return found
        return None

    def verb_lemmas(self) -> frozenset[str]:
        """Every lemma that can be a verb trigger (own lexicon or PETRARCH)."""
        return frozenset(self.own_verbs) | frozenset(self.petr_verbs)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=1)
def load_lexicon() -> EventLexicon:
    """Load (once per process) and index the three lexicon files.

    Returns:
        The shared :class:`EventLexicon`.
    """
    lex = EventLexicon()
    rows = _rows("cameo.tsv")
    for code, name, goldstein, plover, mode, quad in rows[1:]:
        lex.codes[code] = CameoCode(
            code=code,
            name=name,
            goldstein=float(goldstein) if goldstein else None,
            plover=plover or None,
            mode=mode or None,
            quad=quad or None,
        )
    rows = _rows("event_patterns.tsv")
    for trigger, pos, cue, cameo, reciprocal in rows[1:]:
        rule = OwnRule(trigger, pos, cue or None, cameo, reciprocal == "1")
        table = lex.own_verbs if pos == "VERB" else lex.own_nouns
        table.setdefault(trigger, []).append(rule)
    synsets: dict[str, set[str]] = {}
    for kind, block, text, code in _rows("cameo_verbs.tsv"):
        if kind == "synset":
            synsets.setdefault(block, set()).add(text)
        elif kind == "block":
            lex.petr_blocks[block] = code
        elif kind == "verb":
            words = text.split()
            particle = words[1] if len(words) > 1 else None
            lex.petr_verbs.setdefault(words[0], []).append((block, code, particle))
        elif kind == "pattern":
            pre, _, post = text.partition("|")
            lex.petr_patterns.setdefault(block, []).append(
                PetrarchPattern(tuple(pre.split()), tuple(post.split()), code)
            )
    lex.synsets = {name: frozenset(words) for name, words in synsets.items()}
    for context, terms in _rows("event_contexts.tsv")[1:]:
        for term in terms.split(","):
            lex.context_terms.setdefault(term.strip(), context)
    if lex.context_terms:
        # whole words, plural -s/-es allowed; longest terms first so phrases win
        alternation = "|".join(re.escape(t) for t in sorted(lex.context_terms, key=len, reverse=True))
        lex.context_regex = re.compile(rf"\b({alternation})(?:e?s)?\b")
    for block, patterns in lex.petr_patterns.items():
        # most specific first (stable: file order among equals), so the first match is the best
        patterns.sort(key=lambda p: -(len(p.pre) + len(p.post)))
        # index by an anchor word (a plain word the pattern needs) so a verb tests only the
        # patterns whose anchor occurs in its sentence; synset-only patterns are always tested
        index: dict[str, list[int]] = {}
        for position, pattern in enumerate(patterns):
            anchor = next((w.rstrip("_") for w in (*pattern.post, *pattern.pre) if not w.startswith("&")), None)
            index.setdefault(anchor or "", []).append(position)
        lex.petr_anchors[block] = index
    return lex
