"""Stage ``quotes.rules.v1``: direct, indirect and mixed quotes, with cue and speaker.

The stage reads the spaCy parse and the raw text, in four steps:

1. **Quotation marks** (:func:`pair_quote_marks`): straight ``"``, curly ``“ ”`` and
   guillemets ``« »`` are paired over the raw text with a stack, so a quote nested inside
   another with the same marks (``“... the status “Cultural Capital” within ...”``) stays
   inside its outer quote. A straight mark closes an open curly quote and a curly closing
   mark an open straight one when no quote of their own family is open (``"...,” he said``,
   common in copy that mixes keyboards). A paragraph that ends with a quote open continues into the next
   paragraph when that one starts with an opening mark (the newspaper convention for
   quotes over several paragraphs); otherwise the quote ends with its paragraph.
2. **Direct quotes**: a top-level quoted passage that stands as a statement of its own (it
   starts its sentence, or follows ``said:``/``said,``) is attributed by the cue verb right
   after it ("..., he said.", "..., said Smith.", or a short sentence of its own: "“Why?”
   Rubio asked."), before it ("He said: “...”"), in the previous paragraph ending with a
   colon, by a clause ending in a colon ("Smith had a message: “...”") or by a dash and a
   name ("“...” ― Jane Doe"). When words of the speaker's own stand between a cue before
   it and the marks ("Politico revealed a few facts: “...”"), they are part of the
   statement, which is then mixed; the speaker's addressee, time, place and occasion
   ("told reporters on Monday: “...”") are not. A quotation opening in lowercase after an
   interrupting attribution ("Sooner or later, he said, “it will pay off.”") goes on from
   the start of its sentence. Part of the statement too are the words that carry its sentence
   on after an unpunctuated closing mark ("said, “I am tired of it” at the rally"). Without any attribution it is a
   *floating* quote: it takes the person who became a sentence subject since the last
   statement, else the speaker of the statement just before it (same or previous
   paragraph); right after an indirect or mixed statement it continues that statement
   ("Berg said the port would reopen. “We have no choice.”" is one mixed statement). An
   unattributed quotation of three words or fewer that does not end like a sentence
   (“Mercy Street,”) names something and is no quote, and neither is a quoted fragment
   inside a sentence ("the film “Red Dawn”"), unless it is the whole object of a cue verb
   right before it and ends the clause ("by saying “Too many.”", a direct quote).
3. **Indirect and mixed quotes**: every cue verb (``data/cue_verbs.txt``) outside quotation
   marks with a clausal complement ("X said (that) ...", "..., X added.", "adding that ...",
   "X told reporters ..."), a listed object or preposition ("He noted the importance of ...",
   "called for restraint"), and "according to X" gives a statement; it is *mixed* when its
   content holds quotation marks, and so is a verb whose complement holds a quoted fragment
   ("called the plan “a disaster”"). Of two nested statements one is kept (the inner one of
   a relay such as "..., BelTA reported", else the outer one).
   Where none of these found anything, the hand-written attribution rules
   (:mod:`communique.extract._attribution`, ``data/attribution_cues.txt``) keep the
   complements of stance, belief and intention words ("endorsed Walsh", "was critical of the
   deal", "vowed to reopen the terminal"), or a learned model does when one is configured.
4. **Speakers**: the subject of the cue (or of the verb it hangs from), resolved through
   pronouns, titles and organisations by :class:`~communique.extract.speakers.SpeakerResolver`.

Example:
    >>> [(m.start, m.end, m.depth) for m in pair_quote_marks('He said: “A “B” C.”')]
    [(10, 18, 0), (13, 14, 1)]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

from communique.extract._attribution import AttributionRules, load_attribution_cues, names_someone, receives_stance
from communique.extract._intervals import Intervals as _Intervals
from communique.extract._intervals import merge as _merge
from communique.extract._quote_model import Candidate, QuoteModel, candidates, load_quote_model
from communique.extract.speakers import SpeakerResolver
from communique.model import Article, Offsets, Quote, QuoteType, Speaker
from communique.registry import stages

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CueLexicon", "QuoteExtractor", "QuoteMarks", "load_cue_lexicon", "pair_quote_marks"]

# Quotation marks by family; a closing mark only closes an opening mark of its own family.
# "„" (low-9) opens like "“" in the curly family; single quotes are left alone because "’"
# is also the apostrophe.
# Two apostrophes ('') and two backticks (``) are the typewriter forms of the double quote
# in some newspaper archives; they pair like the straight mark.
_OPENERS: dict[str, str] = {
    "“": "curly",
    "„": "curly",
    "«": "angle",
    '"': "straight",
    "''": "straight",
    "``": "straight",
}
_CLOSERS: dict[str, str] = {"”": "curly", "»": "angle", '"': "straight", "''": "straight"}
_MARK = re.compile(r"''|``|[“”„«»\"]")
_ALL_MARKS = frozenset(["“", "”", "„", "«", "»", '"', "''", "``", "'", "`"])
_WORD = re.compile(r"\w")
# End of a sentence in raw text: terminal punctuation (optionally closed by a mark) then space,
# unless the period ends a title or an initial ("Mr. Obama said", "Joseph R. Biden").
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bLt)"
    r"(?<!\bCol)(?<!\bSgt)(?<!\bCapt)(?<!\bAdm)(?<!\bGens)(?<!\bRev)(?<!\bProf)(?<!\bJr)(?<!\bSr)(?<!\bNo)"
    r"(?<!\bvs)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bU\.S)(?<!\bU\.N)(?<!\bU\.K)(?<!\b[A-Z])"
    r"[.!?…][”»\"’)]*\s+"
)

# A comma after one of these words makes the quote after it part of a larger sentence
# ("said that, “...”", "things such as, “...”") rather than a statement of its own.
_INTRODUCES_OBJECT = re.compile(r"\b(?:that|as|including|like|about|whether|because|than)\s*,\s*$", re.IGNORECASE)

# Nouns that report a statement when a that-clause follows and a possessor names who made it
# ("Moscow's claim that ...", "the minister's warning that ...").
_STATEMENT_NOUNS = frozenset(
    {
        "claim",
        "statement",
        "assertion",
        "warning",
        "promise",
        "pledge",
        "suggestion",
        "argument",
        "insistence",
        "accusation",
        "allegation",
        "announcement",
        "admission",
        "assurance",
        "belief",
        "view",
        "position",
        "contention",
        "charge",
        "remark",
        "comment",
        "denial",
        "threat",
        "demand",
    }
)

# A label opening a paragraph: one to four capitalised words, a colon, then the statement
# ("Warren: Trump Is a ‘Proven Failure’", "MATTHEWS: Well, ...").
_LABEL = re.compile(r"((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*?)\s*:\s+(\S)")

# Adjectives (and passive participles) of certainty, stance and feeling that report what
# their subject holds when a clause follows ("was confident that ...", "is convinced the
# talks will fail", "made it clear that ...").
_STANCE_ADJECTIVES = frozenset(
    {
        "confident",
        "convinced",
        "sure",
        "certain",
        "adamant",
        "clear",
        "hopeful",
        "optimistic",
        "pessimistic",
        "skeptical",
        "sceptical",
        "worried",
        "concerned",
        "afraid",
        "aware",
        "doubtful",
        "insistent",
        "convince",
        "persuade",
    }
)

# Stance nouns whose "of" names the holder after a receiving verb ("won the backing of X").
_HELD_OF_NOUNS = frozenset({"support", "backing", "endorsement", "approval", "blessing", "confidence", "trust"})

# Nouns of opinion in "in X's view, ..." and "in the opinion of X, ...".
_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "assessment", "words", "mind"})

# Documents that speak for themselves at the head of a sentence ("In a new poll, Walsh leads
# by four points"): the document is the source of the rest of the sentence. Written by hand.
_SOURCE_NOUNS = frozenset(
    {"poll", "survey", "study", "report", "analysis", "audit", "census", "estimate", "forecast", "memo", "filing"}
)

# A wire dateline: a place in capitals, optionally the agency in brackets, then a dash.
_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")

# Complements of a verb that carry what is said about something: a quoted fragment inside
# one of these makes a mixed quote ("called the plan “a disaster”", "described him as “unfit”").
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "acomp", "dative", "obj"})
_CONTENT_PREPS = frozenset({"as", "about", "of", "for", "on", "to", "with", "against"})

# A statement needs at least this many word tokens of content; shorter complements are
# objects or small talk ("he said so"), not reported speech. Two words keep "“No way,” he said".
_MIN_CONTENT_WORDS = 2
# A direct object counts as the statement only when it is this long ("He noted the
# importance of the fact that ...") rather than a plain object ("He announced it").
_MIN_DOBJ_TOKENS = 4


class _Chooser(Protocol):
    """What picks attributions among candidates: a score per candidate, the threshold to keep
    and who holds a kept one."""

    @property
    def threshold(self) -> float: ...

    def score(self, candidate: Candidate) -> float: ...

    def speaker(self, candidate: Candidate) -> Token | None: ...


@dataclass(frozen=True)
class QuoteMarks:
    """A pair of quotation marks in the raw text.

    ``start``/``end`` delimit the content between the marks; ``close`` is None when the quote
    was never closed (it then ends with its paragraph); ``after`` is the offset just past the
    closing mark; ``depth`` is 0 for a top-level quote.
    """

    open: int
    close: int | None
    start: int
    end: int
    depth: int
    after: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ``(start, end)`` offsets, stripped of surrounding whitespace.

    Every line break ends a paragraph: news bodies put one paragraph per line or separate
    them with blank lines, and a quote never pairs across a line without the continuation
    convention.
    """
    splitter = re.compile(r"\s*\n\s*")
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in splitter.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    stripped: list[tuple[int, int]] = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            stripped.append((s, e))
    return stripped


@dataclass
class _Open:
    """An opening mark waiting for its closing mark."""

    offset: int
    family: str
    width: int


def pair_quote_marks(text: str) -> list[QuoteMarks]:
    """Pair the quotation marks of ``text``; nested quotes come with ``depth`` > 0.

    Args:
        text: the raw article text.

    Returns:
        All quoted passages, sorted by opening offset. Unbalanced marks never raise: a stray
        closing mark is ignored, an opening mark never closed ends with its paragraph (or
        continues into the next one when that starts with an opening mark).

    Example:
        >>> [m.close for m in pair_quote_marks('“One.\\n\\n“Two.”')]
        [12]
    """
    found: list[QuoteMarks] = []
    stack: list[_Open] = []
    previous_end = 0

    def close_open(upto: int) -> None:
        for depth, opened in enumerate(stack):
            content = opened.offset + opened.width
            found.append(QuoteMarks(opened.offset, None, content, max(content, upto), depth, max(content, upto)))
        stack.clear()

    def pop_to(index: int, close: int, width: int) -> None:
        opened = stack[index]
        found.append(QuoteMarks(opened.offset, close, opened.offset + opened.width, close, index, close + width))
        del stack[index:]

    for p_start, p_end in _paragraphs(text):
        skip = -1
        if stack:
            match = _MARK.match(text, p_start)
            first = match.group() if match else ""
            if first in _OPENERS and _OPENERS[first] in (stack[0].family, "straight") or first == "”":
                # The quote goes on: this mark re-opens it and is not a new quote.
                del stack[1:]
                skip = p_start
            else:
                close_open(previous_end)
        for match in _MARK.finditer(text, p_start, p_end):
            i, mark = match.start(), match.group()
            if i == skip:
                continue
            width = len(mark)
            before = text[i - 1] if i > p_start else " "
            after = text[i + width] if i + width < p_end else " "
            closing_shape = not before.isspace() and (after.isspace() or not after.isalnum())
            opening_shape = (before.isspace() or before in "([{—–-/") and not after.isspace()
            family = _OPENERS.get(mark) or _CLOSERS[mark]
            same = [k for k, opened in enumerate(stack) if opened.family == family]
            if family == "straight":
                # The same character opens and closes: decide by the letters around it.
                if same and not (opening_shape and not closing_shape):
                    pop_to(same[-1], i, width)
                elif not same and stack and stack[-1].family == "curly" and closing_shape and not opening_shape:
                    # “...," : a straight mark typed to close a curly quote.
                    pop_to(len(stack) - 1, i, width)
                elif not after.isspace():
                    stack.append(_Open(i, family, width))
            elif mark in ("“", "„", "«"):
                # A "“" used as a closer ("...word“ next"): close the open curly quote.
                if mark == "“" and closing_shape and stack and stack[-1].family == family:
                    pop_to(len(stack) - 1, i, width)
                else:
                    stack.append(_Open(i, family, width))
            elif same:
                pop_to(same[-1], i, width)
            elif mark == "”" and stack and stack[-1].family == "straight" and closing_shape:
                # "...,” : a curly mark typed to close a straight quote.
                pop_to(len(stack) - 1, i, width)
            elif mark == "”" and opening_shape and not closing_shape:
                # A "”" typed as an opener at the start of a quote.
                stack.append(_Open(i, family, width))
        previous_end = p_end
    close_open(previous_end)
    found.sort(key=lambda m: (m.open, m.depth))
    return found


@dataclass(frozen=True)
class CueLexicon:
    """Cue verbs by lemma: the particle a phrasal cue needs and the extra complements allowed."""

    particles: dict[str, frozenset[str]]
    complements: dict[str, frozenset[str]]

    def __contains__(self, lemma: object) -> bool:
        return lemma in self.complements


@functools.lru_cache(maxsize=1)
def load_cue_lexicon() -> CueLexicon:
    """Read ``communique/data/cue_verbs.txt`` (format in its header).

    Returns:
        The lexicon; a lemma listed only with a particle ("point out") is a cue only with it.
    """
    raw = resources.files("communique.data").joinpath("cue_verbs.txt").read_text(encoding="utf-8")
    particles: dict[str, set[str]] = {}
    complements: dict[str, set[str]] = {}
    plain: set[str] = set()
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words, _, extra = line.partition("|")
        parts = words.split()
        lemma = parts[0].lower()
        complements.setdefault(lemma, set()).update(x.strip() for x in extra.split() if x.strip())
        if len(parts) > 1:
            particles.setdefault(lemma, set()).add(parts[1].lower())
        else:
            plain.add(lemma)
    return CueLexicon(
        particles={k: frozenset(v) for k, v in particles.items() if k not in plain},
        complements={k: frozenset(v) for k, v in complements.items()},
    )


@dataclass
class _Statement:
    """A quote being built: content range, type, cue token and speaker token."""

    start: int
    end: int
    type: QuoteType
    cue: Token | None = None
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Token | None = None
    floating: bool = False
    resolved: Speaker = field(default_factory=Speaker)


class QuoteExtractor:
    """Find the quotes of one parsed article (the ``quotes.rules.v1`` stage).

    Where the reporting rules found nothing, a chooser picks further attributions among the
    complements of verbs, nouns and adjectives (:func:`~communique.extract._quote_model.candidates`):
    the hand-written :class:`~communique.extract._attribution.AttributionRules` by default, or
    a learned model when one is given.

    Args:
        lexicon: the cue verbs (the packaged list by default).
        model: a learned chooser (:mod:`communique.extract._quote_model`, ``[quotes]
            model_file``) used instead of the hand-written one; None by default (no model ships).
        attributions: False for the reporting rules alone, without any chooser (what a model
            is trained on top of).
    """

    def __init__(
        self, lexicon: CueLexicon | None = None, model: QuoteModel | None = None, attributions: bool = True
    ) -> None:
        self.lexicon = lexicon or load_cue_lexicon()
        self.model: QuoteModel | None = model
        self.chooser: _Chooser | None = model if model is not None else AttributionRules() if attributions else None

    def __call__(self, article: Article) -> Article:
        article.quotes = self.extract(article)
        return article

    # -- the pipeline of one article -------------------------------------------------------

    def extract(self, article: Article) -> list[Quote]:
        """The quotes of ``article`` (which carries its ``doc`` and ``mentions``), in text order."""
        doc = article.doc
        text = article.text
        if not text.strip():
            return []
        paragraphs = _paragraphs(text)
        marks = [m for m in pair_quote_marks(text) if m.depth == 0]
        quoted = _Intervals([(m.open, m.after) for m in marks])
        direct, fragments = self._direct(doc, text, marks, paragraphs, quoted)
        reported = self._reported(doc, text, quoted, direct, paragraphs)
        labelled = self._labelled(doc, text, paragraphs, direct)
        if labelled:
            # A labelled paragraph is one statement: what it reports inside is part of it.
            outer = _Intervals(_merge([(s.start, s.end) for s in labelled]))
            reported = [s for s in reported if outer.find(s.start) is None] + labelled
        statements = direct + reported + self._fragments(doc, text, fragments, reported + direct, paragraphs)
        if self.chooser is not None:
            statements += self._learned(doc, text, statements, quoted, paragraphs)
        statements.sort(key=lambda s: (s.start, s.end))
        statements = _join_continuations(doc, statements, paragraphs, self._is_cue)
        return self._attribute(article, statements, paragraphs, quoted)

    # -- direct quotes ---------------------------------------------------------------------

    def _direct(
        self,
        doc: Doc,
        text: str,
        marks: list[QuoteMarks],
        paragraphs: list[tuple[int, int]],
        quoted: _Intervals,
    ) -> tuple[list[_Statement], list[QuoteMarks]]:
        """Standalone quoted passages with their attribution; fragments are returned apart."""
        statements: list[_Statement] = []
        fragments: list[QuoteMarks] = []
        p_starts = [s for s, _ in paragraphs]
        for k, mark in enumerate(marks):
            # The content is everything between the marks, its own final comma included
            # ("“We agree,” he said"): only surrounding whitespace is trimmed.
            start, end = mark.start, mark.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start <= 0 or not _WORD.search(text, start, end):
                continue
            p_index = max(0, bisect.bisect_right(p_starts, mark.open) - 1)
            p_start, p_end = paragraphs[p_index] if paragraphs else (0, len(text))
            after_mark = mark.after
            close_para = max(0, bisect.bisect_right(p_starts, max(mark.open, after_mark - 1)) - 1)
            c_end = paragraphs[close_para][1] if paragraphs else len(text)
            # Left context: from the start of the sentence (or the previous quote) to the mark.
            left_start = p_start
            if k > 0 and marks[k - 1].open >= p_start:
                prev = marks[k - 1]
                left_start = max(left_start, prev.after)
            for m in _SENTENCE_END.finditer(text, left_start, mark.open):
                left_start = m.end()
            left = text[left_start : mark.open]
            # Right context: to the next sentence end, the next quote or the paragraph end.
            right_end = c_end
            if k + 1 < len(marks) and marks[k + 1].open < right_end:
                right_end = marks[k + 1].open
            m_end = _SENTENCE_END.search(text, after_mark, right_end)
            if m_end is not None and m_end.start() > after_mark:
                right_end = m_end.start() + 1
            # "“We won.” The next sentence ..." : a quote ending its own sentence takes no cue
            # from a new sentence that starts with a capital.
            following = text[after_mark:right_end].lstrip()
            sentence_end = right_end
            if text[end - 1] in ".!?…" and following[:1].isupper():
                right_end = after_mark
            right = text[after_mark:right_end]
            if not self._standalone(text, left, right, start, mark.end):
                fragments.append(mark)
                continue
            statement = _Statement(start, end, "direct")
            cue = self._cue_after(doc, after_mark, right_end, quoted)
            if cue is None and right_end == after_mark and _short_attribution(following):
                # "“Why not?” Rubio said.": a sentence of its own that only attributes it.
                cue = self._cue_after(doc, after_mark, sentence_end, quoted)
                if cue is not None and any(c.dep_ in ("ccomp", "dobj") and c.i > cue[0].i for c in cue[0].children):
                    cue = None  # "Smith said it." / "Smith said they left.": a statement of its own
            if cue is None:
                cue = self._cue_before(doc, left_start, mark.open, quoted)
                lead = (
                    _lead_in(doc, cue[0], cue[1], left_start, mark.open, text[start].islower())
                    if cue is not None
                    else None
                )
                if lead is not None:
                    # "He said of the donors, “...”": the words before the quotation are part
                    # of what he said; one mixed statement.
                    statement.start, statement.type = lead, "mixed"
                run_on = _run_on(text, end, after_mark, right_end) if cue is not None else None
                if run_on is not None:
                    # "She said, “I am tired of the lies” about her record": so is the rest.
                    statement.end, statement.type = run_on, "mixed"
            if cue is None and mark.open == p_start and p_index > 0:
                prev_start, prev_end = paragraphs[p_index - 1]
                if text[prev_start:prev_end].rstrip().endswith(":"):
                    sent_start = prev_start
                    for m in _SENTENCE_END.finditer(text, prev_start, prev_end):
                        sent_start = m.end()
                    cue = self._cue_before(doc, sent_start, prev_end, quoted)
            if cue is None:
                cue = _dash_attribution(doc, after_mark, right_end)
            if cue is None:
                cue = _colon_attribution(doc, text, left_start, mark.open, quoted)
            if cue is None and mark.open == p_start and p_index > 0:
                prev_start, prev_end = paragraphs[p_index - 1]
                cue = _colon_attribution(doc, text, prev_start, prev_end, quoted)
            if cue is None and _names_something(text, start, end):
                # “Bloodline,” “Mercy Street,”: a title or term in a list, not a statement.
                fragments.append(mark)
                continue
            if cue is None:
                statement.floating = True
            else:
                self._set_cue(statement, cue)
            statements.append(statement)
        return statements, fragments

    def _fragments(
        self,
        doc: Doc,
        text: str,
        fragments: list[QuoteMarks],
        taken: list[_Statement],
        paragraphs: list[tuple[int, int]],
    ) -> list[_Statement]:
        """Mixed quotes around quoted fragments ("Smith called the plan “a disaster.”").

        The fragment belongs to the nearest verb above it that has a subject and comes before
        it; the statement is everything that verb governs to its right.
        """
        covered = _Intervals(_merge([(s.start, s.end) for s in taken]))
        p_starts = [s for s, _ in paragraphs]
        found: list[_Statement] = []
        for mark in fragments:
            if covered.find(mark.start) is not None:
                continue
            quoted_object = self._quoted_object(doc, text, mark)
            if quoted_object is not None:
                # "..., writing “Feels great.”": the quotation is all the cue says.
                found.append(quoted_object)
                covered.add(quoted_object.start, quoted_object.end)
                continue
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            verb, speaker = _governing_verb(span.root, mark.open)
            if verb is None or speaker is None or speaker.idx > mark.open:
                continue
            rights = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "advcl")]
            holder = next((c for c in rights if c.left_edge.idx <= mark.start <= c.right_edge.idx), None)
            # The quoted words must sit in what the verb says or calls something, not in a
            # place or time phrase ("met at the “Blue House”").
            if holder is None or not (
                holder.dep_ in _CONTENT_DEPS or (holder.dep_ == "prep" and holder.lower_ in _CONTENT_PREPS)
            ):
                continue
            first = min(c.left_edge.i for c in rights)
            last = max(c.right_edge.i for c in rights)
            if not (doc[first].idx <= mark.start and mark.end <= doc[last].idx + len(doc[last].text) + 1):
                continue
            p_index = max(0, bisect.bisect_right(p_starts, mark.open) - 1)
            p_start, p_end = paragraphs[p_index] if paragraphs else (0, len(text))
            start, end = _strip(text, max(p_start, doc[first].idx), min(p_end, doc[last].idx + len(doc[last].text)))
            end = max(end, mark.after) if start <= mark.start < end else end
            statement = _Statement(start, end, "mixed")
            self._set_cue(statement, (verb, speaker, self._cue_text(verb)))
            found.append(statement)
            covered.add(start, end)
        return found

    def _quoted_object(self, doc: Doc, text: str, mark: QuoteMarks) -> _Statement | None:
        """A direct quote for a quotation right after its cue verb with no comma ("by saying
        “Too many.”", "yelled “Stay there!”") that ends its clause; None otherwise."""
        before = [t for t in _tokens_between(doc, max(0, mark.open - 60), mark.open) if not t.is_space]
        while before and before[-1].text in (":", "—", "–"):
            before.pop()
        if not before or before[-1].idx + len(before[-1].text) > mark.open or not self._is_cue(before[-1]):
            return None
        cue = before[-1]
        speaker = _subject(cue)
        following = text[mark.after : mark.after + 2].lstrip()
        if speaker is None or speaker.idx > mark.open or following[:1].islower() or following[:1].isdigit():
            return None
        start, end = _strip(text, mark.start, mark.end)
        if len(re.findall(r"\w+", text[start:end])) < _MIN_CONTENT_WORDS:
            return None
        statement = _Statement(start, end, "direct")
        self._set_cue(statement, (cue, speaker, self._cue_text(cue)))
        return statement

    @staticmethod
    def _standalone(text: str, left: str, right: str, start: int, end: int) -> bool:
        """Whether a quoted passage is a statement of its own, not a fragment in a sentence."""
        left_words = _WORD.search(left) is not None
        if left_words and not left.rstrip().endswith((":", ",", "—", "–", "-")):
            return False
        if _INTRODUCES_OBJECT.search(left):
            # "said that, “...”", "such as, “...”": the quote is part of the sentence.
            return False
        if left_words:
            return True
        last = text[start:end].rstrip().rstrip("'’")[-1:]
        if last and last in ".,!?;:…—–-":
            return True
        tail = right.strip()
        return not tail or tail[0] in ",.;:!?—–-(" or tail[0].islower() and _looks_attribution(tail)

    def _cue_after(self, doc: Doc, start: int, end: int, quoted: _Intervals) -> tuple[Token, Token | None, str] | None:
        """The cue after a quote ("..., he said"): first cue verb whose content is not its own."""
        window = _tokens_between(doc, start, end)
        for k, token in enumerate(window):
            if quoted.find(token.idx) is not None:
                continue
            found = self._as_attribution(token, quoted)
            if found is None and self._is_cue(token):
                # The parser hung the cue on the quote's own verb ("“...,” Chief Ann Roe said"
                # read as a conjunct): the name right before (or after) the cue is the speaker.
                name = _name_in(window[:k]) or _name_in(window[k + 1 :], first=True)
                found = (token, name, self._cue_text(token)) if name is not None else None
            if found is not None:
                return found
        return None

    def _cue_before(self, doc: Doc, start: int, end: int, quoted: _Intervals) -> tuple[Token, Token | None, str] | None:
        """The cue before a quote ("He said: “...”"): the last cue verb in the left context."""
        for token in reversed(_tokens_between(doc, start, end)):
            if quoted.find(token.idx) is not None:
                continue
            found = self._as_attribution(token, quoted)
            if found is not None:
                return found
        return None

    def _as_attribution(self, token: Token, quoted: _Intervals) -> tuple[Token, Token | None, str] | None:
        """``(cue, speaker, cue text)`` when ``token`` attributes an adjacent direct quote."""
        if token.lower_ == "according":
            target = _according_target(token)
            if target is not None:
                return token, target, "according to"
            return None
        if not self._is_cue(token):
            return None
        speaker = _subject(token)
        if speaker is None or quoted.find(speaker.idx) is not None:
            return None
        return token, speaker, self._cue_text(token)

    # -- indirect and mixed quotes ---------------------------------------------------------

    def _reported(
        self, doc: Doc, text: str, quoted: _Intervals, direct: list[_Statement], paragraphs: list[tuple[int, int]]
    ) -> list[_Statement]:
        """Statements reported by a cue verb outside quotation marks."""
        p_starts = [s for s, _ in paragraphs]
        direct_ranges = _Intervals([(s.start, s.end) for s in direct])
        direct_cues = {s.cue.i for s in direct if s.cue is not None}
        found: list[_Statement] = []
        for token in doc:
            if token.lower_ == "according":
                statement = self._according(doc, token, quoted)
            elif token.pos_ in ("VERB", "AUX") and _lemma(token) in self.lexicon:
                statement = self._clausal(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in _STATEMENT_NOUNS:
                statement = self._nominal(token)
            elif receives_stance(token):
                statement = self._received(token)
            elif token.lemma_.lower() in _STANCE_ADJECTIVES and token.pos_ in ("ADJ", "VERB"):
                statement = self._adjectival(token)
            elif token.lower_ == "in" and token.dep_ == "prep":
                statement = self._in_view(doc, token)
            else:
                continue
            if statement is None or quoted.find(token.idx) is not None:
                continue
            # Content never runs past the paragraph of its cue (spaCy may join paragraphs).
            p_index = max(0, bisect.bisect_right(p_starts, token.idx) - 1)
            p_start, p_end = paragraphs[p_index] if paragraphs else (0, len(text))
            start, end = _strip(text, max(statement.start, p_start), min(statement.end, p_end))
            if end - start <= 0 or not _WORD.search(text, start, end):
                continue
            # A dateline opening the article ("WASHINGTON (Reuters) — ...") is not said by anyone.
            dateline = _DATELINE.match(text, start, end)
            if dateline is not None:
                start = dateline.end()
            # Content ending inside a quoted fragment runs on to its closing mark.
            holder = quoted.find(end - 1)
            if holder is not None and holder[0] >= start:
                end = holder[1]
            whole = _whole_quote(text, quoted, start, end)
            if whole is not None:
                # "He says “X.”": the content is one quoted passage, a direct quote.
                start, end = whole
            statement.start, statement.end = start, end
            # Content that is (almost) a direct quote is that quote, attributed by this cue.
            inside = direct_ranges.overlapping(start, end)
            if inside:
                spill = text[start : inside[0][0]] + text[inside[-1][1] : end]
                if len(_WORD.findall(spill)) < 4 or token.i in direct_cues:
                    continue
            if whole is not None:
                statement.type = "direct"
            elif _has_mark(text, start, end):
                statement.type = "mixed"
            found.append(statement)
        return _drop_nested(found)

    def _clausal(self, token: Token) -> _Statement | None:
        """'X said (that) ...', '..., X added', 'adding that ...', 'He noted the importance of ...'."""
        if not self._is_cue(token):
            return None
        lemma = _lemma(token)
        allowed = self.lexicon.complements.get(lemma, frozenset())
        clauses = [c for c in token.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and "xcomp" in allowed)]
        if len(clauses) > 1:
            # The parser may hang the previous paragraph's clause on this cue too ("...
            # likes.\nMoments earlier, Trump said he was ..."): the clause on the cue's own line
            # wins, then the one after the cue.
            clauses = [c for c in clauses if not _across_line(c, token)] or clauses
            clauses.sort(key=lambda c: (c.i < token.i, c.i))
        content: Token | None = clauses[0] if clauses else None
        if content is None:
            # "called for restraint", "pointed to the polls": the object of a listed preposition.
            for child in token.children:
                if child.i < token.i:
                    continue  # "On Twitter, Bush called ...": a phrase before the cue is its setting
                if child.dep_ == "prep" and f"prep:{child.lower_}" in allowed:
                    content = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if content is not None:
                        break
                if child.dep_ == "advcl" and "prep:for" in allowed and _marked_by(child, "for"):
                    # "called for his rivals to drop out": the parser makes "for" a clause's mark.
                    content = child
                    break
        if content is None and "dobj" in allowed:
            for child in token.children:
                long_enough = child.right_edge.i - child.left_edge.i + 1 >= _MIN_DOBJ_TOKENS
                if child.dep_ == "dobj" and child.pos_ != "PRON" and long_enough:
                    content = child
                    break
        predicate = next((c for c in token.children if c.dep_ == "oprd"), None)
        if content is None and predicate is not None and "oprd" in allowed:
            # "called the charges unfounded": object and predicate together are the statement.
            content = next((c for c in token.children if c.dep_ == "dobj" and c.i < predicate.i), None)
        if content is None:
            return self._parenthetical(token)
        speaker = _subject(token)
        if speaker is None and token.dep_ == "ROOT" and token.i == token.sent.start:
            # An imperative ("Note: the figures are provisional") reports no one's statement.
            return None
        if speaker is None and token.dep_ == "ROOT":
            # "In Geneva, Jay Moravec, the club's president, suggested ...": the parser lost the
            # subject in the opening phrase; the last name before the cue speaks.
            speaker = _last_name_before(token)
        first, last = content.left_edge.i, content.right_edge.i
        if content.dep_ == "advcl" and token.doc[first].lower_ == "for":
            first += 1
        if predicate is not None and content.dep_ == "dobj" and predicate.i > last:
            last = predicate.right_edge.i
        if content.dep_ in ("pobj", "pcomp", "xcomp"):
            # "praised the volunteers for their patience", "accused Moscow of stalling", "urged
            # the council to act": the object is part of what is said about it.
            obj = next((c for c in token.children if c.dep_ == "dobj" and token.i < c.i < content.i), None)
            if obj is not None:
                first = obj.left_edge.i
        # The cue and its subject are never part of the content (parataxis parses).
        if first <= token.i <= last:
            if content.i < token.i:
                last = token.i - 1
            else:
                first = token.i + 1
        if speaker is not None and first <= speaker.i <= last:
            return None
        first, last = _widen(token, content, speaker, first, last, self._is_cue)
        words = sum(1 for t in token.doc[first : last + 1] if not t.is_punct)
        if words < _MIN_CONTENT_WORDS:
            return None
        doc = token.doc
        statement = _Statement(doc[first].idx, doc[last].idx + len(doc[last].text), "indirect")
        self._set_cue(statement, (token, speaker, self._cue_text(token)))
        return statement

    def _parenthetical(self, token: Token) -> _Statement | None:
        """'The plan, aides said, is dead' and 'The plan is dead, he said': a cue the parser
        hangs on the statement's own verb (``parataxis``) with a subject of its own.

        The content is the clause it interrupts or closes, without the attribution; a cue in
        the middle keeps the whole range (the attribution sits inside it, as in PolNeAR's two
        content pieces around it).
        """
        head = token.head
        if head is token or head.pos_ not in ("VERB", "AUX"):
            return None
        if token.dep_ != "parataxis" and not _as_aside(token):
            return None
        speaker = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if speaker is None:
            return None
        inner_first = min(t.i for t in token.subtree)
        inner_last = max(t.i for t in token.subtree)
        first, last = head.left_edge.i, head.right_edge.i
        doc = token.doc
        while token.dep_ == "advcl" and last > inner_last and doc[last].is_punct and doc[last].text not in _ALL_MARKS:
            last -= 1  # "..., as she noted." ends with the aside, not the period
        if inner_last >= last:
            last = inner_first - 1
        elif inner_first <= first:
            first = inner_last + 1
        while first <= last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in _ALL_MARKS:
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in _ALL_MARKS:
            last -= 1
        if sum(1 for t in doc[first : last + 1] if not t.is_punct) < _MIN_CONTENT_WORDS + 1:
            return None
        statement = _Statement(doc[first].idx, doc[last].idx + len(doc[last].text), "indirect")
        self._set_cue(statement, (token, speaker, self._cue_text(token)))
        return statement

    def _nominal(self, token: Token) -> _Statement | None:
        """'Moscow's claim that ...', 'the minister's warning that ...', 'Berg's position is
        that ...': a statement noun with a that-clause; the possessor is the speaker (none: no
        statement)."""
        speaker = next((c for c in token.children if c.dep_ == "poss"), None)
        content = next(
            (c for c in token.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)),
            None,
        )
        if content is None and token.dep_ == "nsubj" and token.head.lemma_ == "be":
            # "Berg's position is that ...": the clause after the copula.
            content = next(
                (c for c in token.head.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)),
                None,
            )
        if speaker is None or content is None or speaker.lower_ in ("its", "their", "his", "her", "our", "my"):
            return None
        return self._clause_statement(token, speaker, content)

    def _received(self, token: Token) -> _Statement | None:
        """'The plan drew sharp criticism from the unions', 'the levy won the backing of the
        mayor': a stance noun of the attribution lexicon received by the verb's subject, which
        is the content; the holder is the object of "from" (on the verb or the noun) or, for a
        noun of backing, of its "of" ("criticism of X" names the target instead)."""
        verb = token.head
        if not load_attribution_cues().kinds.get((token.lemma_.lower(), "NOUN")):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        holder = None
        of_holds = token.lemma_.lower() in _HELD_OF_NOUNS  # "the backing of X", not "criticism of X"
        for head, words in ((verb, ("from",)), (token, ("from", "of") if of_holds else ("from",))):
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in words and c.i > token.i):
                holder = next((c for c in prep.children if c.dep_ == "pobj"), None) or holder
        if holder is None:
            return None
        doc = token.doc
        first, last = subject.left_edge.i, subject.right_edge.i
        while last > first and doc[last].is_punct and doc[last].text not in _ALL_MARKS:
            last -= 1
        statement = _Statement(doc[first].idx, doc[last].idx + len(doc[last].text), "indirect")
        self._set_cue(statement, (token, holder, token.text))
        return statement

    def _according(self, doc: Doc, token: Token, quoted: _Intervals) -> _Statement | None:
        """'According to X, ...' and '..., according to X': the rest of the sentence."""
        target = _according_target(token)
        if target is None:
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        cue_end = (to.idx + len(to.text)) if to is not None else token.idx + len(token.text)
        return self._sentence_rest(doc, token, target, "according to", cue_end)

    def _in_view(self, doc: Doc, token: Token) -> _Statement | None:
        """'In Berg's view, ...', 'in the opinion of the ministry, ...': the rest of the sentence,
        said by the possessor or the object of "of"; 'In a new poll, ...' opening a sentence:
        the rest of it, said by the poll (or survey, study, report, ...)."""
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
        if noun is None:
            return None
        if noun.lemma_.lower() in _SOURCE_NOUNS and _opens_sentence(doc, token):
            # "In a survey published Monday, most farmers opposed the levy": the survey says it.
            cue_text = doc[token.i : noun.i + 1].text
            return self._sentence_rest(doc, token, noun, cue_text, noun.idx + len(noun.text))
        if noun.lemma_.lower() not in _VIEW_NOUNS:
            return None
        target = next((c for c in noun.children if c.dep_ == "poss"), None)
        if target is None:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if target is None:
            return None
        cue_text = doc[token.i : noun.i + 1].text
        return self._sentence_rest(doc, token, target, cue_text, noun.idx + len(noun.text))

    def _sentence_rest(self, doc: Doc, token: Token, target: Token, cue_text: str, cue_end: int) -> _Statement | None:
        """The sentence around an attribution phrase headed by ``token`` (before it when the
        phrase closes the sentence, after it otherwise), said by ``target``."""
        sent = token.sent
        phrase_first = token.i
        phrase_last = max(t.i for t in token.subtree)
        if phrase_first == sent.start or all(t.is_punct for t in doc[sent.start : phrase_first]):
            first, last = phrase_last + 1, sent.end - 1
        elif all(t.is_punct or t.is_space for t in doc[phrase_last + 1 : sent.end]):
            first, last = sent.start, phrase_first - 1
        else:
            # "The deficit, according to the budget office, will grow": the statement runs on
            # both sides of the phrase (PolNeAR's two content pieces around it); one range
            # covers both.
            first, last = sent.start, sent.end - 1
        while first <= last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in _ALL_MARKS:
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in _ALL_MARKS:
            last -= 1
        if last - first + 1 < _MIN_CONTENT_WORDS:
            return None
        statement = _Statement(doc[first].idx, doc[last].idx + len(doc[last].text), "indirect")
        statement.cue = token
        statement.cue_text = cue_text
        statement.cue_start = token.idx
        statement.cue_end = cue_end
        statement.speaker = target
        return statement

    def _adjectival(self, token: Token) -> _Statement | None:
        """'Berg was confident that ...', 'she is convinced the talks will fail', 'Berg made it
        clear that ...': an adjective of certainty or feeling with a clause; the speaker is the
        subject of "be" (or "make"), or of the passive participle."""
        content = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if content is None:
            # "made it clear that ...": the parser hangs the that-clause as an adverbial clause.
            content = next(
                (c for c in token.children if c.dep_ == "advcl" and any(m.lower_ == "that" for m in c.children)),
                None,
            )
        if content is None:
            return None
        if token.pos_ == "VERB":
            speaker = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        elif token.dep_ == "acomp" or token.dep_ in ("ccomp", "oprd") and token.head.lemma_ == "make":
            speaker = _subject(token.head)
        else:
            return None
        if (
            speaker is None
            or speaker.lower_ in ("it", "this", "there")
            or token.lower_ == "sure"
            and token.head.lemma_ == "make"
        ):
            # "It is clear that ...", "to make sure that ...": nobody holds the clause.
            return None
        return self._clause_statement(token, speaker, content)

    def _labelled(
        self, doc: Doc, text: str, paragraphs: list[tuple[int, int]], taken: list[_Statement]
    ) -> list[_Statement]:
        """'Warren: Trump Is a Failure' and 'MATTHEWS: Well, ...': a paragraph opened by a name
        and a colon (headlines, interview transcripts) is that person's statement.

        The label must be a person or organisation (a PERSON/ORG entity, or a capitalised
        transcript label whose word names a person elsewhere in the article): "Update:" or
        "Photo:" name no one. A direct quote after the label takes the label as its cue.
        """
        found: list[_Statement] = []
        surnames = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_title}
        for p_start, p_end in paragraphs:
            match = _LABEL.match(text, p_start, p_end)
            if match is None:
                continue
            label = _tokens_between(doc, p_start, match.end(1))
            if not _names_someone(label, surnames):
                continue
            colon = next((t for t in _tokens_between(doc, match.end(1), match.start(2)) if t.text == ":"), None)
            if colon is None:
                continue
            start, end = _strip(text, match.start(2), p_end)
            if len(_WORD.findall(text[start:end])) < _MIN_CONTENT_WORDS:
                continue
            if not any(ch.isalpha() for ch in text[start:end]):
                continue  # "Clinton: 1,769": a table row (delegates, votes), not a statement
            speaker = label[-1]
            inside = [s for s in taken if start <= s.start < end]
            if inside:
                for statement in inside:
                    if statement.floating and statement.cue is None:
                        statement.floating = False
                        self._set_cue(statement, (colon, speaker, ":"))
                continue
            statement = _Statement(start, end, "mixed" if _has_mark(text, start, end) else "indirect")
            self._set_cue(statement, (colon, speaker, ":"))
            found.append(statement)
        return found

    def _learned(
        self, doc: Doc, text: str, taken: list[_Statement], quoted: _Intervals, paragraphs: list[tuple[int, int]]
    ) -> list[_Statement]:
        """Attributions the chooser finds where no rule statement is ("endorsed Cruz", "critical of
        the deal"): candidates scored at or above its threshold, best first, that overlap no
        statement already taken."""
        chooser = self.chooser
        assert chooser is not None
        covered = _Intervals(_merge([(s.start, s.end) for s in taken]))
        p_starts = [s for s, _ in paragraphs]
        scored: list[tuple[float, int, int, Any]] = []
        cues = {s.cue.i for s in taken if s.cue is not None}
        for candidate in candidates(doc, covered.ranges, cues):
            cue = candidate.cue
            if quoted.find(cue.idx) is not None:
                continue
            p_index = max(0, bisect.bisect_right(p_starts, cue.idx) - 1)
            p_start, p_end = paragraphs[p_index] if paragraphs else (0, len(text))
            last = doc[candidate.last]
            start, end = _strip(text, max(p_start, doc[candidate.first].idx), min(p_end, last.idx + len(last.text)))
            if end <= start or covered.overlapping(start, end):
                continue
            probability = chooser.score(candidate)
            if probability >= chooser.threshold:
                scored.append((probability, start, end, candidate))
        found: list[_Statement] = []
        accepted = _Intervals([])
        for _, start, end, candidate in sorted(scored, key=lambda s: (-s[0], s[1])):
            if accepted.overlapping(start, end):
                continue
            statement = _Statement(start, end, "mixed" if _has_mark(text, start, end) else "indirect")
            self._set_cue(statement, (candidate.cue, chooser.speaker(candidate), candidate.cue.text))
            found.append(statement)
            accepted.add(start, end)
        return found

    # -- cues ------------------------------------------------------------------------------

    def _is_cue(self, token: Token) -> bool:
        lemma = _lemma(token)
        if lemma not in self.lexicon or token.pos_ not in ("VERB", "AUX"):
            return False
        needed = self.lexicon.particles.get(lemma)
        if needed:
            return any(c.dep_ == "prt" and c.lower_ in needed for c in token.children)
        return True

    def _cue_text(self, token: Token) -> str:
        particle = next((c for c in token.children if c.dep_ == "prt"), None)
        if particle is not None and particle.i == token.i + 1:
            return token.doc[token.i : particle.i + 1].text
        return token.text

    def _clause_statement(self, token: Token, speaker: Token, content: Token) -> _Statement | None:
        """An indirect statement whose content is the clause under ``content`` (from its "that"),
        trailing punctuation trimmed; None when it has fewer than ``_MIN_CONTENT_WORDS`` words."""
        doc = token.doc
        first = min(content.left_edge.i, next((m.i for m in content.children if m.lower_ == "that"), content.i))
        last = content.right_edge.i
        while last > first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in _ALL_MARKS:
            last -= 1
        if sum(1 for t in doc[first : last + 1] if not t.is_punct) < _MIN_CONTENT_WORDS:
            return None
        statement = _Statement(doc[first].idx, doc[last].idx + len(doc[last].text), "indirect")
        self._set_cue(statement, (token, speaker, token.text))
        return statement

    @staticmethod
    def _set_cue(statement: _Statement, cue: tuple[Token, Token | None, str]) -> None:
        token, speaker, cue_text = cue
        statement.cue = token
        statement.cue_text = cue_text
        statement.cue_start = token.idx
        statement.cue_end = token.idx + len(cue_text)
        statement.speaker = speaker

    # -- speakers --------------------------------------------------------------------------

    def _attribute(
        self, article: Article, statements: list[_Statement], paragraphs: list[tuple[int, int]], quoted: _Intervals
    ) -> list[Quote]:
        """Resolve speakers in text order; floating quotes inherit from the statement before."""
        resolver = SpeakerResolver(article)
        text = article.text
        p_starts = [s for s, _ in paragraphs]
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        previous: _Statement | None = None
        for statement in statements:
            if (statement.start, statement.end) in seen:
                continue
            seen.add((statement.start, statement.end))
            if statement.floating:
                newcomer = _new_subject(article.doc, text, previous, statement, quoted)
                if newcomer is not None:
                    # A person who became the subject since the last statement speaks next.
                    statement.resolved = resolver.resolve(newcomer)
                elif previous is not None and _continues(p_starts, previous, statement):
                    statement.resolved = previous.resolved
            else:
                statement.resolved = resolver.resolve(statement.speaker)
            quotes.append(_to_quote(article, statement))
            previous = statement
        return quotes


def _to_quote(article: Article, statement: _Statement) -> Quote:
    cue_span = None
    if statement.cue_start is not None and statement.cue_end is not None:
        cue_span = Offsets(start=statement.cue_start, end=statement.cue_end)
    return Quote(
        id=f"{article.id}:q:{statement.start}-{statement.end}",
        article_id=article.id,
        text=article.text[statement.start : statement.end],
        start=statement.start,
        end=statement.end,
        type=statement.type,
        cue=statement.cue_text,
        speaker=statement.resolved,
        cue_span=cue_span,
    )


def _new_subject(
    doc: Doc, text: str, previous: _Statement | None, current: _Statement, quoted: _Intervals
) -> Token | None:
    """The last named person who is a sentence subject between two statements, if any.

    The window starts after everything the previous statement used (its cue and speaker) and
    stays within the current paragraph and the one before it.
    """
    start = 0
    if previous is not None:
        start = max(previous.end, previous.cue_end or 0, previous.resolved.end or 0)
    start = max(start, text.rfind("\n", 0, max(0, text.rfind("\n", 0, current.start))) + 1)
    found = None
    for token in _tokens_between(doc, start, current.start):
        if token.dep_ == "nsubj" and token.ent_type_ == "PERSON" and quoted.find(token.idx) is None:
            found = token
    return found


def _names_someone(label: list[Token], surnames: set[str]) -> bool:
    """Whether the words before a paragraph's colon name a speaker ("Warren", "Dr. Ben Carson",
    "Clinton camp", "MATTHEWS"), not a section label ("Update", "Note", "The Plan").

    A name entity, or capitalised words with a proper noun among them whose last word names
    a person elsewhere in the article; or a word tagged as a proper noun that is not a known
    section label. PolNeAR counts "Poll: ..." and "Newspaper: ..." headlines as attributed
    too, so an organisation-like label passes.
    """
    if not label or len(label) > 4 or label[0].lower_.rstrip(".") in _SECTION_LABELS:
        return False
    if any(t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "NUM") for t in label):
        return False
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in label):
        return True
    if not all(t.is_title or t.is_upper or t.is_punct for t in label):
        return False
    return label[-1].lower_ in surnames or any(t.pos_ == "PROPN" for t in label)


# Words that open a paragraph with a colon without naming a speaker.
_SECTION_LABELS = frozenset(
    {
        "update",
        "updated",
        "note",
        "editor",
        "editors",
        "photo",
        "photos",
        "video",
        "watch",
        "related",
        "read",
        "correction",
        "clarification",
        "source",
        "sources",
        "credit",
        "image",
        "caption",
        "warning",
        "breaking",
        "exclusive",
        "q",
        "a",
        "question",
        "answer",
        "transcript",
        "tags",
        "filed",
        "topics",
        "via",
        "by",
        "posted",
        "listen",
        "see",
        "also",
        "more",
        "follow",
        "contact",
        "disclosure",
        "advertisement",
        "subscribe",
        "share",
        "email",
        "location",
        "date",
        "time",
        "where",
        "when",
        "who",
        "what",
        "why",
        "how",
        "summary",
        "background",
        "context",
        "analysis",
        "opinion",
        "comment",
        "comments",
        "headline",
        "headlines",
        "story",
        "bottom",
        "bonus",
        "p.s",
        "ps",
        "edit",
        "graphic",
        "chart",
        "map",
        "audio",
        "live",
        "timeline",
    }
)


def _continues(p_starts: list[int], previous: _Statement, current: _Statement) -> bool:
    """Whether a floating quote goes on from ``previous`` (same speaker still talking).

    It does when ``previous`` has a speaker and ended (attribution included) in the same
    paragraph or the one just before: news copy lets a speaker's quotes run on over the next
    paragraph without repeating "he said".
    """
    if previous.resolved.text is None and previous.resolved.name is None:
        return False
    last_offset = max(previous.end, previous.cue_end or 0, previous.resolved.end or 0)
    return _same_or_next_paragraph(p_starts, previous.start, last_offset, current.start)


def _same_or_next_paragraph(p_starts: list[int], start: int, end: int, later: int) -> bool:
    """Whether offset ``later`` lies in the paragraph where the text ``[start, end)`` ends, or
    in the next one (``p_starts``: the paragraphs' start offsets, ascending).

    Example:
        >>> _same_or_next_paragraph([0, 40, 80], 5, 30, 60), _same_or_next_paragraph([0, 40, 80], 5, 30, 90)
        (True, False)
    """
    here = bisect.bisect_right(p_starts, later) - 1
    there = bisect.bisect_right(p_starts, max(start, end - 1)) - 1
    return there >= 0 and 0 <= here - there <= 1


def _join_continuations(
    doc: Doc, statements: list[_Statement], paragraphs: list[tuple[int, int]], is_cue: Callable[[Token], bool]
) -> list[_Statement]:
    """Join a floating quotation to the reported statement it goes on from.

    "Berg said the port would reopen. “We have no choice.”": a quotation with no cue of its
    own, right after an indirect or mixed statement (nothing but that statement's attribution
    between them, same or next paragraph), continues it in the speaker's own words; the two
    are one mixed statement, as PolNeAR annotates them. A floating quotation after a *direct*
    one stays apart (``“A,” he said. “B.”`` is two quotes), and so does one followed by a
    cue of its own that was not read as its attribution ("“...?” Trump told the station").
    """
    text = doc.text
    p_starts = [s for s, _ in paragraphs]
    joined: list[_Statement] = []
    for statement in statements:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and statement.floating
            and statement.type == "direct"
            and text[statement.start : statement.end].rstrip()[-1:] in (".", "!", "?", "…")
            and previous.type != "direct"
            and previous.cue is not None
            and previous.speaker is not None
            and previous.end <= statement.start
            and not (len(joined) > 1 and _in_attribution_of(text, joined[-2], previous))
            and _continues_reported(text, p_starts, previous, statement)
            and not _cue_follows(doc, statement.end, is_cue)
        ):
            previous.end = statement.end
            previous.type = "mixed"
            continue
        joined.append(statement)
    return joined


def _cue_follows(doc: Doc, offset: int, is_cue: Callable[[Token], bool]) -> bool:
    """Whether a cue verb is among the first words after ``offset`` on the same line."""
    line_end = doc.text.find("\n", offset)
    window = _tokens_between(doc, offset, line_end if line_end >= 0 else len(doc.text))
    words = [t for t in window if not t.is_punct and not t.is_space][:_MAX_TAIL_WORDS]
    return any(is_cue(t) for t in words)


def _in_attribution_of(text: str, direct: _Statement, statement: _Statement) -> bool:
    """Whether ``statement`` sits in the attribution sentence of a direct quote ("“...,” he
    said, adding that ..."), where a following quotation goes on from the direct quote."""
    if direct.type != "direct" or direct.end > statement.start or direct.cue is None or direct.cue.idx < direct.end:
        return False
    tail_start = max(direct.end - 1, direct.cue_end or 0)
    return "\n" not in text[direct.end : statement.start] and not _SENTENCE_END.search(
        text, tail_start, statement.start
    )


def _continues_reported(text: str, p_starts: list[int], previous: _Statement, current: _Statement) -> bool:
    """Whether only ``previous``'s own attribution and punctuation lie between the two, within
    the same or the next paragraph."""
    last = max(
        previous.end,
        previous.cue_end or 0,
        previous.speaker.idx + len(previous.speaker.text) if previous.speaker is not None else 0,
    )
    if last > current.start or _WORD.search(text, last, current.start):
        return False
    return _same_or_next_paragraph(p_starts, previous.start, last, current.start)


# Cues that pass on what someone else said ("..., Smith said, BelTA reported").
_RELAY_CUES = frozenset({"report", "write", "quote", "publish", "cite"})


def _drop_nested(found: list[_Statement]) -> list[_Statement]:
    """Keep one statement of two nested ones (the outer content holds the inner's cue and speaker).

    A relay ("X said Y, BelTA reported", the relaying cue after the statement) keeps the inner
    statement: that is what was said, the outer only says who passed it on. Any other nesting
    ("Smith said she believes ...") keeps the outer one: the speaker's statement, of which the
    inner clause is part. PolNeAR annotates nested attributions the same way (one relation,
    never both).
    """

    def nests(outer: _Statement, inner: _Statement) -> bool:
        return (
            inner is not outer
            and inner.cue is not None
            and inner.speaker is not None
            and outer.start <= inner.cue.idx < outer.end
            and outer.start <= inner.speaker.idx < outer.end
            and outer.start <= inner.start
            and inner.end <= outer.end
        )

    dropped: set[int] = set()
    ordered = sorted(found, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for outer in found:
        # Only statements starting inside the outer one can nest in it (keeps this linear-ish).
        lo, hi = bisect.bisect_left(starts, outer.start), bisect.bisect_left(starts, outer.end)
        for inner in ordered[lo:hi]:
            if id(outer) in dropped or id(inner) in dropped or not nests(outer, inner):
                continue
            # A relay comes after what it passes on; "Politico reported that X plans to ..."
            # is Politico's statement, of which X's plan is a part.
            relay = outer.cue is not None and outer.cue.lemma_.lower() in _RELAY_CUES and outer.cue.idx >= inner.end
            dropped.add(id(outer) if relay else id(inner))
    return [s for s in found if id(s) not in dropped]


def _widen(
    cue: Token, content: Token, speaker: Token | None, first: int, last: int, is_cue: Callable[[Token], bool]
) -> tuple[int, int]:
    """Widen a clausal content to the whole statement around its cue.

    A statement before its cue ("Talks failed and aid stopped, the envoy said") runs from the
    sentence start, since the parser often hangs only the last conjunct on the cue; one after
    its cue ("He said that X, so Y") runs to the end of the cue's own phrase, minus any
    coordinated clause with a subject of its own ("..., and Smith said Z") and any clause that
    reports a statement of its own.
    """
    doc = cue.doc
    sent = cue.sent
    if content.i < cue.i:
        stop = min(cue.i, speaker.left_edge.i if speaker is not None and speaker.i < cue.i else cue.i)
        start = sent.start
        while start < first and (doc[start].is_punct or doc[start].is_space) and doc[start].text not in _ALL_MARKS:
            start += 1
        if start < first and all(t.i < stop for t in doc[start:first]):
            first = start
        return first, last
    for child in cue.rights:
        if child.i <= last or child.dep_ in ("cc", "punct"):
            continue
        if child.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            break
        if any(is_cue(t) and any(c.dep_ == "nsubj" for c in t.children) for t in child.subtree):
            # "..., though she acknowledged it was unlikely": a statement of its own.
            break
        if child.dep_ == "advcl" and child.tag_ == "VBG" and is_cue(child):
            # "urged voters to back her, saying ...": the participle reports a statement of its own.
            break
        if child.dep_ in ("conj", "ccomp", "advcl", "xcomp", "prep", "npadvmod", "advmod", "dobj"):
            last = max(last, child.right_edge.i)
    while last > first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in _ALL_MARKS:
        last -= 1
    return first, last


def _governing_verb(token: Token, before: int) -> tuple[Token | None, Token | None]:
    """The verb that says something about a quoted fragment, and its speaker.

    Walks up from the fragment to the first verb before it whose speaker can be found; a
    gerund after a preposition is passed over for the verb it depends on ("He blasted the
    media for being “dishonest”" → "blasted").
    """
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.idx < before and current.dep_ != "pcomp":
            speaker = _subject(current)
            if speaker is not None:
                return current, speaker
        if current.head is current:
            break
        current = current.head
    return None, None


def _name_in(tokens: list[Token], first: bool = False) -> Token | None:
    """The head of the first (or last) name or personal pronoun in a few tokens, if any."""
    runs: list[Token] = []
    for token in tokens:
        if token.ent_type_ in ("PERSON", "ORG") or token.lower_ in ("he", "she", "they"):
            if runs and runs[-1].i == token.i - 1 and token.ent_iob_ != "B" and token.ent_type_:
                runs[-1] = token
            else:
                runs.append(token)
        elif token.is_punct and token.text not in (",", "(", ")"):
            runs.clear() if not first else None
    if not runs:
        return None
    return runs[0] if first else runs[-1]


# Verbs whose direct object is the person addressed, not part of the statement ("told
# reporters", "assured voters"). Hand-written from general English usage.
_ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "assure", "reassure", "warn", "remind", "inform", "urge", "advise", "caution", "promise", "thank"}
)
# Prepositions after a cue that introduce what the statement is about ("said of the donors").
_TOPIC_PREPS = frozenset({"regarding", "concerning"})
# Dependents of a cue that belong to the attribution, not to what is said.
_ATTRIBUTION_DEPS = frozenset(
    {"aux", "auxpass", "neg", "prt", "advmod", "npadvmod", "dative", "agent", "cc", "punct", "advcl", "xcomp"}
)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "PRON"})


def _attribution_tokens(cue: Token, speaker: Token | None) -> set[int]:
    """Indices of the words that only attribute a statement: the cue, its speaker and the
    cue's auxiliaries, adverbs, addressee and setting ("also told reporters on Monday in a
    statement")."""
    found = {cue.i}
    if speaker is not None:
        found |= {t.i for t in speaker.subtree}
    for child in cue.children:
        setting = child.dep_ == "prep" and (
            child.lower_ not in _TOPIC_PREPS or any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        )
        addressee = child.dep_ == "dobj" and _lemma(cue) in _ADDRESSEE_VERBS
        if child.dep_ in _ATTRIBUTION_DEPS or setting or addressee or child.dep_ in ("nsubj", "nsubjpass"):
            found |= {t.i for t in child.subtree}
    return found


def _lead_in(doc: Doc, cue: Token, speaker: Token | None, start: int, end: int, goes_on: bool = False) -> int | None:
    """Where a direct quotation's statement starts when its sentence says part of it before
    the marks, or None when the words before it only attribute it.

    "He said of the donors, “...”", "Politico listed three facts: “...”", "That plan, she
    said, “will fail.”": the words that are neither the speaker, the cue nor its time, place,
    occasion or addressee belong to the statement. "She told reporters on Monday: “...”"
    keeps the quotation alone. When the quotation ``goes_on`` from the words before the
    attribution (it opens in lowercase: "Sooner or later, he said, “it will pay off.”"),
    the statement starts with the sentence.
    """
    window = [t for t in _tokens_between(doc, start, end) if not t.is_punct and not t.is_space]
    if not window or not any(t.i == cue.i for t in window):
        return None
    first_attribution = min(cue.i, speaker.left_edge.i) if speaker is not None else cue.i
    if goes_on and window[0].i < first_attribution:
        return window[0].idx
    attribution = _attribution_tokens(cue, speaker)
    after = [t for t in window if t.i > cue.i and t.i not in attribution]
    if any(t.i < cue.left_edge.i or t.i > cue.right_edge.i for t in after):
        # Words after the cue that it does not govern: another clause, not this statement.
        return None
    if any(t.pos_ in _CONTENT_POS for t in after):
        return after[0].idx
    return None


def _last_name_before(token: Token) -> Token | None:
    """The root of the last person (else organisation) named in ``token``'s sentence before it."""
    before = [e for e in token.sent.ents if e.end <= token.i]
    names = [e for e in before if e.label_ == "PERSON"] or [e for e in before if e.label_ == "ORG"]
    return names[-1].root if names else None


def _colon_attribution(
    doc: Doc, text: str, start: int, end: int, quoted: _Intervals
) -> tuple[Token, Token | None, str] | None:
    """'Mica had a blunt message: “...”': the subject of a clause ending in a colon.

    Only a person or a personal pronoun counts: "The result was clear: “...”" names no one.
    """
    context = text[start:end].rstrip()
    if not context.endswith(":"):
        return None
    tokens = [t for t in _tokens_between(doc, start, end) if quoted.find(t.idx) is None]
    colon = next((t for t in reversed(tokens) if t.text == ":"), None)
    if colon is None:
        return None
    for token in reversed(tokens):
        if token.dep_ == "nsubj" and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she")):
            return colon, token, ":"
    return None


def _dash_attribution(doc: Doc, start: int, end: int) -> tuple[Token, Token | None, str] | None:
    """'“...” ― Jane Doe': a name after a dash closes a quote in lists of reactions."""
    tokens = [t for t in _tokens_between(doc, start, end) if not t.is_space]
    if len(tokens) < 2 or tokens[0].text not in ("―", "—", "–", "-", "--") or tokens[1].pos_ != "PROPN":
        return None
    head = tokens[1]
    for token in tokens[2:]:
        if token.pos_ != "PROPN":
            break
        head = token
    return tokens[0], head, tokens[0].text


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and trailing sentence punctuation from a content range."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _whole_quote(text: str, quoted: _Intervals, start: int, end: int) -> tuple[int, int] | None:
    """The content of the one quoted passage a statement's content lies in, or None.

    A cue followed by a quotation without comma or colon ("He says “there is no deal.”") is
    parsed as a clause whose first and last words sit inside the marks; the statement is
    then the whole passage, marks excluded, like any direct quote.

    Example:
        >>> text = 'He says “no deal is near.” Then he left.'
        >>> _whole_quote(text, _Intervals([(8, 26)]), 9, 24)
        (9, 25)
        >>> text = 'He says “we call it “no deal”” now.'
        >>> start, end = _whole_quote(text, _Intervals([(8, 30)]), 9, 27)
        >>> text[start:end]
        'we call it “no deal”'
    """
    holder = quoted.find(start)
    if holder is None or quoted.find(end - 1) != holder or _WORD.search(text, holder[0], start):
        return None
    first, last = holder
    opening = _MARK.match(text, first)
    first += len(opening.group()) if opening is not None else 0
    # the mark that ends the passage, not an inner one just before it ("... “no deal””")
    closing = next((m for m in _MARK.finditer(text, max(first, last - 2), last) if m.end() == last), None)
    last = closing.start() if closing is not None else last
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return (first, last) if _WORD.search(text, first, last) else None


def _has_mark(text: str, start: int, end: int) -> bool:
    return _MARK.search(text, start, end) is not None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    if span is None:
        span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


# The most words a sentence after a closed quotation may have to be read as its attribution
# ("Rubio said.", "the senator told reporters.").
_MAX_TAIL_WORDS = 5


# A quotation with no cue this short, and not ending as a sentence ends, names something
# (a title, a term, a slogan) rather than reporting speech.
_MAX_NAME_WORDS = 3


def _names_something(text: str, start: int, end: int) -> bool:
    """Whether an unattributed quotation is a short name or term, not a sentence.

    Example:
        >>> _names_something("“Mercy Street,”", 1, 14), _names_something("“Big time.”", 1, 10)
        (True, False)
    """
    content = text[start:end].rstrip()
    return len(re.findall(r"\w+", content)) <= _MAX_NAME_WORDS and content[-1:] not in (".", "!", "?", "…")


def _run_on(text: str, end: int, after: int, limit: int) -> int | None:
    """Where a statement ends when its sentence goes on after the closing mark in the speaker's
    words ("“I am tired of the lies” about her record"), or None.

    Only a quotation whose last word is not followed by punctuation and whose sentence goes
    on in lowercase, not with an attribution, runs on; it ends at the next punctuation.

    Example:
        >>> t = 'She said, “I am tired of the lies” about her record, and left.'
        >>> t[_run_on(t, 33, 34, len(t)) - 16 : _run_on(t, 33, 34, len(t))]
        'about her record'
    """
    if text[end - 1 : end] in ",.;:!?…—–-":
        return None
    tail = text[after:limit]
    words = tail.lstrip()
    if not words[:1].islower() or _looks_attribution(words):
        return None
    stop = re.search(r"[,.;:!?…—–(]", tail)
    run_on = after + (stop.start() if stop is not None else len(tail.rstrip()))
    return run_on if _WORD.search(text, after, run_on) else None


def _short_attribution(sentence: str) -> bool:
    """Whether the sentence after a quotation is short enough to be only its attribution.

    Example:
        >>> _short_attribution("Rubio said. Then"), _short_attribution("Rubio said the vote was very close.")
        (True, False)
    """
    first = _SENTENCE_END.search(sentence)
    own = sentence[: first.start() + 1] if first is not None else sentence
    return own.rstrip().endswith(".") and len(re.findall(r"\w+", own)) <= _MAX_TAIL_WORDS


def _looks_attribution(tail: str) -> bool:
    """A lowercase continuation like "he said" or "said the minister" after a quote."""
    return bool(re.match(r"(?:he|she|they|it|we|i|said|says|added|the|a|an|according)\b", tail))


def _subject(token: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or its head's subject.

    Participles and coordinated verbs ("..., adding that ...", "smiled and said", "began by
    saying ...") have no subject of their own: it is taken from the verb (or adjective: "are
    likely to say") they hang from, at most three levels up; a participle describing a noun
    ("a petition demanding ...") is that noun's.
    """
    current = token
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:
            # "12:15 p.m.\n\nDonald Trump says ...": a heading the parser took for a second
            # subject; the subject on the cue's own line (the nearest) speaks.
            subjects = [c for c in subjects if not _across_line(c, current)] or subjects
            subjects.sort(key=lambda c: abs(c.i - current.i))
        if subjects:
            return subjects[0]
        for child in current.children:
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
            # "a group backing Walsh", "voters saying ...": the noun speaks, unless it is what
            # someone named produced ("Trump posted tweets criticizing ...": Trump speaks).
            noun = current.head
            author = next((c for c in noun.head.children if c.dep_ == "nsubj"), None) if noun.dep_ == "dobj" else None
            return author if names_someone(author) else noun
        if current.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep", "acomp") and current.head is not current:
            current = current.head  # "voters are likely to say ...": through the adjective too
            continue
        break
    return None


# Forms the pinned spaCy model lemmatizes wrongly ("hoping", "hoped", "hopes" -> "hop").
_LEMMA_FIXES = {"hope": "hope", "hopes": "hope", "hoped": "hope", "hoping": "hope"}


def _lemma(token: Token) -> str:
    """The lowercase lemma of a cue candidate, with the model's known lemma errors fixed."""
    return _LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def _across_line(a: Token, b: Token) -> bool:
    """Whether a line break separates two tokens."""
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in first.doc[first.i : last.i + 1].text


def _as_aside(token: Token) -> bool:
    """'As the minister noted, ...' and '..., as critics have argued': a cue in an "as" clause
    with nothing said of its own (no object or clause) vouches for the clause it hangs on."""
    return (
        token.dep_ == "advcl"
        and _marked_by(token, "as")
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in token.children)
    )


def _marked_by(clause: Token, word: str) -> bool:
    """``clause`` is introduced by the subordinating ``word`` ("for", "that", ...)."""
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def _opens_sentence(doc: Doc, token: Token) -> bool:
    """Only punctuation (or nothing) comes before ``token`` in its sentence."""
    return all(t.is_punct or t.is_space for t in doc[token.sent.start : token.i])


def _according_target(token: Token) -> Token | None:
    """X in "according to X"."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    return next((c for c in to.children if c.dep_ == "pobj"), None)


@stages.register("quotes.rules.v1", requires=["doc", "mentions"], assigns=["quotes"])
def make_quote_stage(settings: Any) -> QuoteExtractor:
    """Direct, indirect and mixed quotes with cue and resolved speaker."""
    quotes = getattr(settings, "quotes", None)
    return QuoteExtractor(model=load_quote_model(getattr(quotes, "model_file", "") or None))
