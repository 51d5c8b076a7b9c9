"""Gold data loaders: the public gold sets under ``../shared/data`` as typed records.

Each loader reads one gold set at run time (nothing is copied into the repository) and
returns a list of :class:`GoldDoc`: the text to run through the pipeline plus the gold
quotes or events for it. Formats and licences are in each folder's ``ORIGIN.md``.

=============  ==============================================================================
dataset        file (under the data folder) and what it holds
=============  ==============================================================================
``polnear``    ``polnear/polnear_dev.jsonl``: attributions (quotes) in US political news
``polnear_train``  ``polnear/polnear_train.jsonl.gz``: the same, 919 records (larger runs)
``plover_gsr`` ``plover_gsr/plover_gsr_cameo.jsonl``: one PLOVER 0.5b1 event per sentence
``petr2_gsr``  ``petr2_gsr/petr2_gsr.jsonl``: CAMEO events with Phoenix actor codes
``conflibert`` ``conflibert_cameo/conflibert_cameo_annotations.jsonl``: CAMEO roots by 4-5 coders
``seed``       ``tests/golden/seed.json`` (our own annotation of the acceptance example)
=============  ==============================================================================

Example:
    >>> docs = load_dataset("plover_gsr", limit=1)            # doctest: +SKIP
    >>> docs[0].events[0].type                                 # doctest: +SKIP
    'AGREE'
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from communique.errors import ConfigError, InputError
from communique.eval.plover_map import map_plover_0_5, map_plover_sector

__all__ = [
    "DATASETS",
    "GoldActor",
    "GoldDoc",
    "GoldEvent",
    "GoldQuote",
    "GoldSeed",
    "PRONOUNS",
    "cameo_to_plover",
    "conflibert_verdict",
    "data_dir",
    "load_dataset",
    "phoenix_country",
    "phoenix_sector",
    "seed_path",
]

DATASETS = ("polnear", "polnear_train", "plover_gsr", "petr2_gsr", "conflibert", "seed")

# Source texts that are pronouns (PolNeAR does not resolve them; ORIGIN.md counts 215 "he",
# 96 "she", 36 "who" in dev). Relative pronouns are included because "who said" has the
# same need for an antecedent.
PRONOUNS = frozenset(
    [
        *("he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "hers", "their"),
        *("theirs", "its", "me", "us", "who", "whom", "which", "that", "this", "these", "those", "one"),
    ]
)
_NAME_WORD = re.compile(r"\b[A-Z][a-zA-Z'’.-]+")
_LEADING_DETERMINER = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldQuote(_Gold):
    """One gold attribution: its content spans, type and the local source (speaker) spans.

    ``antecedent`` is the name a pronoun source refers to (see :func:`_antecedents`), or
    ``speaker_name`` when the gold gives the resolved name directly (the seed file).
    """

    spans: tuple[tuple[int, int], ...]
    type: Literal["direct", "indirect", "mixed"]
    text: str = ""
    speaker_text: str | None = None
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_name: str | None = None
    antecedent: str | None = None

    @property
    def start(self) -> int:
        """First character of the content."""
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        """One past the last character of the content."""
        return max(e for _, e in self.spans)

    @property
    def speaker_is_pronoun(self) -> bool:
        """True when the local source is a pronoun ("he", "she", "who", ...)."""
        return self.speaker_text is not None and self.speaker_text.strip().lower() in PRONOUNS


class GoldEvent(_Gold):
    """One gold event: PLOVER type (current 16), CAMEO code when the gold gives one, actors.

    ``source``/``target`` are actor keys as produced by :func:`phoenix_country`: an ISO3
    country (``"AZE"``), ``"IGO"`` or ``"IGO:CIS"`` for intergovernmental bodies. Several keys
    mean a compound actor (any of them counts as right). Sectors are 3-letter CAMEO sectors.
    """

    type: str | None
    mode: str | None = None
    cameo: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    source_sector: str | None = None
    target_sector: str | None = None
    source_code: str | None = None
    target_code: str | None = None
    date: str | None = None


class GoldActor(_Gold):
    """One actor of the seed annotation: names it may be written as, and its codes."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None


class GoldSeed(_Gold):
    """The seed article's metadata and actors (quotes and events live on :class:`GoldDoc`)."""

    date: str | None = None
    publisher: str | None = None
    relayed_from: tuple[str, ...] = ()
    actors: tuple[GoldActor, ...] = ()


class GoldDoc(_Gold):
    """One text to process with its gold annotations.

    Multi-coder sets (``conflibert``) also give ``coders`` (how many coders annotated the
    text), ``root_votes`` (CAMEO root -> coders who chose it) and ``contested``: the coders
    reached no verdict, so the text is reported but not scored (see :func:`conflibert_verdict`).
    """

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    publisher: str | None = None
    annotator: str | None = None
    quotes: tuple[GoldQuote, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    expect_no_events: bool = False
    seed: GoldSeed | None = None
    source_path: str | None = None
    coders: int = 0
    root_votes: tuple[tuple[str, int], ...] = ()
    contested: bool = False


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the gold data lives: ``override``, ``$COMMUNIQUE_DATA_DIR``, else ``../shared/data``.

    The default is the ``shared/data`` folder next to the repository checkout (the layout of
    our workspace); a pip-installed copy needs the option or the variable.

    Raises:
        ConfigError: the folder does not exist.
    """
    candidates: list[Path] = []
    if override is not None:
        candidates.append(Path(override))
    elif os.environ.get("COMMUNIQUE_DATA_DIR"):
        candidates.append(Path(os.environ["COMMUNIQUE_DATA_DIR"]))
    else:
        repo = Path(__file__).resolve().parents[3]
        candidates += [repo.parent / "shared" / "data", Path.cwd().parent / "shared" / "data"]
    for path in candidates:
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise ConfigError(f"gold data folder not found (tried {tried}); pass --data-dir or set COMMUNIQUE_DATA_DIR")


def seed_path() -> Path:
    """``tests/golden/seed.json`` of the repository checkout (our own annotation)."""
    return Path(__file__).resolve().parents[3] / "tests" / "golden" / "seed.json"


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.exists():
        raise InputError(str(path), "gold file not found (see the folder's ORIGIN.md)")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(str(path), f"invalid JSON: {exc.msg}", line=number) from None


def load_dataset(name: str, limit: int | None = None, root: str | os.PathLike[str] | None = None) -> list[GoldDoc]:
    """Load one gold set as :class:`GoldDoc` records, in file order.

    Args:
        name: one of :data:`DATASETS`.
        limit: keep only the first ``limit`` documents (after choosing one annotator per article).
        root: the gold data folder (see :func:`data_dir`).

    Returns:
        The documents with their gold annotations.

    Raises:
        ConfigError: unknown dataset name.
    """
    if name not in DATASETS:
        raise ConfigError(f"unknown dataset {name!r}; valid datasets: {', '.join(DATASETS)}")
    if name == "seed":
        docs = [_load_seed(seed_path(), root)]
    else:
        folder = data_dir(root)
        if name == "polnear":
            docs = _load_polnear(folder / "polnear" / "polnear_dev.jsonl")
        elif name == "polnear_train":
            docs = _load_polnear(folder / "polnear" / "polnear_train.jsonl.gz")
        elif name == "plover_gsr":
            docs = _load_plover(folder / "plover_gsr" / "plover_gsr_cameo.jsonl")
        elif name == "conflibert":
            docs = _load_conflibert(
                folder / "conflibert_cameo" / "conflibert_cameo_annotations.jsonl",
                folder / "ontologies" / "cameo_event_codes.tsv",
            )
        else:
            docs = _load_petr2(
                folder / "petr2_gsr" / "petr2_gsr.jsonl", folder / "ontologies" / "cameo_event_codes.tsv"
            )
    return docs if limit is None or limit <= 0 else docs[:limit]


# --- PolNeAR -----------------------------------------------------------------------------


def _spans(items: list[dict[str, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(s["start"]), int(s["end"])) for s in items)


def _name_of(source: str) -> str | None:
    """The name in a Source text, or None when it has none ("sources", "he", "a spokesman")."""
    text = _LEADING_DETERMINER.sub("", source.strip())
    if not text or text.lower() in PRONOUNS:
        return None
    return text if _NAME_WORD.search(text) else None


def _antecedents(quotes: list[dict[str, Any]]) -> dict[str, str | None]:
    """Map each pronoun-source quote id to the name its pronoun refers to.

    Heuristic (PolNeAR has no coreference layer): the nearest preceding gold Source, by
    offset, in the same document whose text is not a pronoun and contains a capitalised word
    (a name, "The New York Post", "Mr. Obama"). Sources like "sources" or "a spokesman" are
    skipped. It is wrong when the pronoun refers further back than the last named source, so
    the pronoun figure is a lower bound on a coreference-aware speaker score.
    """
    named: list[tuple[int, str]] = []
    for quote in quotes:
        if quote.get("speaker") and quote["speaker_spans"]:
            name = _name_of(quote["speaker"])
            if name is not None:
                named.append((min(s["start"] for s in quote["speaker_spans"]), name))
    named.sort()
    result: dict[str, str | None] = {}
    for quote in quotes:
        speaker = (quote.get("speaker") or "").strip().lower()
        if speaker in PRONOUNS and quote["speaker_spans"]:
            at = min(s["start"] for s in quote["speaker_spans"])
            before = [name for start, name in named if start < at]
            result[quote["id"]] = before[-1] if before else None
    return result


def _load_polnear(path: Path) -> list[GoldDoc]:
    """One document per article: when several annotators did an article, keep the one whose
    annotator id sorts first (a rule blind to the annotations, so it cannot favour us)."""
    chosen: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for record in _read_jsonl(path):
        article = record["article"]
        if article not in chosen:
            order.append(article)
            chosen[article] = record
        elif record["annotator"] < chosen[article]["annotator"]:
            chosen[article] = record
    docs = []
    for article in order:
        record = chosen[article]
        antecedents = _antecedents(record["quotes"])
        quotes = []
        for q in record["quotes"]:
            spans = _spans(q["quote_spans"])
            if not spans:  # 36 train / 1 dev attributions have no content span: nothing to match
                continue
            quotes.append(
                GoldQuote(
                    spans=spans,
                    type=q["type"],
                    text=q.get("quote") or "",
                    speaker_text=q.get("speaker"),
                    speaker_spans=_spans(q["speaker_spans"]),
                    antecedent=antecedents.get(q["id"]),
                )
            )
        docs.append(
            GoldDoc(
                id=record["id"],
                text=record["text"],
                date=record.get("date"),
                title=record.get("title"),
                publisher=record.get("publisher"),
                annotator=record["annotator"],
                quotes=tuple(quotes),
            )
        )
    return docs


# --- actor codes ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    # Kosovo (XKX) is used by CAMEO/Phoenix although ISO has not assigned it.
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def phoenix_country(code: str | None) -> str | None:
    """The actor key of a Phoenix/CAMEO actor code: ISO3 country, ``IGO:<ORG>`` or None.

    ``"USAGOV"`` → ``"USA"``; ``"IGOUNO"`` → ``"IGO:UNO"``; ``"IGO"`` → ``"IGO"``;
    ``"---REB"`` (no country) → None.

    Example:
        >>> phoenix_country("PSEGZACVL"), phoenix_country("IGOUNOMIL"), phoenix_country("---GOV")
        ('PSE', 'IGO:UNO', None)
    """
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("IGO"):
        rest = code[3:6]
        return f"IGO:{rest}" if rest else "IGO"
    head = code[:3]
    return head if head in _iso3() else None


# CAMEO role (sector) codes that may follow the country of an actor code (CAMEO actor
# codebook; the Phoenix dictionaries use the same); CAMEO religion codes, which we code as the
# sector REL; and the sector a transnational head stands for (as scripts/build_actor_data.py
# reads the Phoenix codes).
_ROLE_CODES = frozenset(("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "BUS", "MED", "EDU"))
_ROLE_CODES |= frozenset(("CVL", "REF", "ELI", "HLT", "AGR", "LAB", "CRM", "NGO", "IGO", "UAF", "REL"))
_RELIGION_CODES = frozenset(("MUS", "MOS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN", "CTH", "ORT"))
_TRANSNATIONAL_SECTORS = {"IMG": "REB", "NGO": "NGO", "MNC": "BUS"}


def phoenix_sector(code: str | None) -> str | None:
    """The sector of a Phoenix/CAMEO actor code: the first role code after its country or
    region codes, a religion code counting as REL (``NGAMUS`` → REL, the sector we code a
    faith with); an IGO's acting part after the organisation's own code (``IGOUNOMIL`` → MIL;
    ``IGOCOPITP``, Interpol, and plain ``IGOUNO`` → IGO); a transnational head's own sector
    (``IMGMUSISI`` → REB, ``NGO...`` → NGO, ``MNC...`` → BUS); None when the code names no
    role ("USA", "PSEGZA").

    Example:
        >>> [phoenix_sector(c) for c in ("USAGOV", "PSEGZACVL", "---LEG", "EGYOPPMUS", "NGAMUS", "IGOCOPITP", "USA")]
        ['GOV', 'CVL', 'LEG', 'OPP', 'REL', 'IGO', None]
    """
    if not code:
        return None
    code = code.strip().upper()
    head, chunks = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in _TRANSNATIONAL_SECTORS:
        return _TRANSNATIONAL_SECTORS[head]
    if head == "IGO":
        chunks = chunks[1:]  # the organisation's own code comes first
    role = next((c for c in chunks if c in _ROLE_CODES or c in _RELIGION_CODES), None)
    if role in _RELIGION_CODES:
        return "REL"
    return role or ("IGO" if head == "IGO" else None)


def _sector_of(code: str | None) -> str | None:
    """3-letter CAMEO sector ("CVLalb" → "CVL"); None for "***" and blanks."""
    if not code:
        return None
    head = code[:3].upper()
    return head if head.isalpha() else None


# --- PLOVER GSR ----------------------------------------------------------------------------


def _load_plover(path: Path) -> list[GoldDoc]:
    docs = []
    for record in _read_jsonl(path):
        events = []
        for gold in record["expected"]:
            event_type, mode = map_plover_0_5(gold["code"], gold.get("mode") or None)
            sources = [a for a in record.get("source_actors", []) if isinstance(a, dict)]
            targets = [a for a in record.get("target_actors", []) if isinstance(a, dict) and "note" not in a]
            events.append(
                GoldEvent(
                    type=event_type,
                    mode=mode,
                    source=tuple(k for k in (phoenix_country(c) for c in gold["source"]) if k),
                    target=tuple(k for k in (phoenix_country(c) for c in gold["target"]) if k),
                    # The first actor's sector: compound actors in this file share one sector.
                    # in the CAMEO codes our sectors use (0.5b1 JRN is CAMEO MED; see plover_map)
                    source_sector=map_plover_sector(
                        next((_sector_of(a.get("sector")) for a in sources if a.get("sector")), None)
                    ),
                    target_sector=map_plover_sector(
                        next((_sector_of(a.get("sector")) for a in targets if a.get("sector")), None)
                    ),
                )
            )
        docs.append(GoldDoc(id=record["id"], text=record["text"], date=record.get("date"), events=tuple(events)))
    return docs


# --- PETRARCH-2 GSR ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _cameo_table(path: str) -> dict[str, str]:
    """CAMEO code → PLOVER type from ``cameo_event_codes.tsv`` (column ``plover_event_2021``)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["code"]: row["plover_event_2021"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row["plover_event_2021"]
        }


def cameo_to_plover(code: str | None, table_path: str | os.PathLike[str] | None = None) -> str | None:
    """The PLOVER type of a CAMEO code by the 2021 CAMEO2PLOVER table; None when unmapped.

    A code missing from the table falls back to its 3-digit parent, then its root (the
    table lists every root, and 01/02 statements and appeals have no PLOVER type).
    """
    if not code:
        return None
    path = str(table_path or data_dir() / "ontologies" / "cameo_event_codes.tsv")
    table = _cameo_table(path)
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    return None


def _load_petr2(path: Path, table: Path) -> list[GoldDoc]:
    docs = []
    for record in _read_jsonl(path):
        events = []
        for gold in record["expected"]:
            source, target = gold.get("source") or "", gold.get("target") or ""
            events.append(
                GoldEvent(
                    type=cameo_to_plover(gold["code"], table),
                    cameo=gold["code"],
                    source=tuple(k for k in [phoenix_country(source)] if k),
                    target=tuple(k for k in [phoenix_country(target)] if k),
                    source_sector=phoenix_sector(source),
                    target_sector=phoenix_sector(target),
                    source_code=source or None,
                    target_code=target or None,
                )
            )
        date = record.get("date") or None
        if date and re.fullmatch(r"\d{8}", date):
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        docs.append(
            GoldDoc(
                id=record["id"],
                text=record["text"],
                date=date,
                events=tuple(events),
                expect_no_events=bool(record.get("expect_no_events")),
            )
        )
    return docs


# --- ConfliBERT CAMEO ----------------------------------------------------------------------

# A root is agreed when at least this many distinct coders chose it.
CONFLIBERT_MIN_VOTES = 2
_CONFLIBERT_ID = re.compile(r"r\d+:(?P<doc>.+)-(?P<pool>cameo_\d+)\.csv_\d+")


def _root_votes(coder_roots: list[frozenset[str]]) -> Counter[str]:
    """CAMEO root -> how many coders chose it."""
    return Counter(root for roots in coder_roots for root in roots)


def conflibert_verdict(coder_roots: list[frozenset[str]]) -> tuple[tuple[str, ...], bool, bool]:
    """The gold of one sentence from its coders' root sets (one set per coder, empty = no event).

    Rule (docs/evaluation.md): a root is agreed when at least :data:`CONFLIBERT_MIN_VOTES`
    coders chose it. The sentence is an event sentence when some root is agreed and no more
    than half of the coders coded nothing; a no-event sentence when more than half of the
    coders coded nothing and no root is agreed; otherwise contested (not scored).

    Returns:
        ``(agreed roots sorted, expect_no_events, contested)``.

    Example:
        >>> conflibert_verdict([frozenset({"18", "01"}), frozenset({"18"}), frozenset(), frozenset({"19"})])
        (('18',), False, False)
    """
    votes = _root_votes(coder_roots)
    agreed = tuple(sorted(r for r, n in votes.items() if n >= CONFLIBERT_MIN_VOTES))
    silent = sum(1 for roots in coder_roots if not roots)
    majority_silent = silent * 2 > len(coder_roots)
    if agreed and not majority_silent:
        return agreed, False, False
    if majority_silent and not agreed:
        return (), True, False
    return (), False, True


def _load_conflibert(path: Path, table: Path) -> list[GoldDoc]:
    """One document per distinct sentence, pooling the coders of every round that showed it.

    The 10 rounds re-use two pools of 100 sentences, and a coder (annotator id 1-5, the
    same person across rounds) mostly re-submits the same annotation: 77% of a coder's
    annotations of a sentence equal that coder's previous round's, entities included. So a
    coder votes once per sentence, with their latest round's annotation (their revised
    judgement); counting rounds would count one person's decision up to 7 times. A coder's
    roots are those of the CAMEO actions they coded; no action means "no event" (the
    ``relevant`` flag is not used: 114 annotations mark a sentence relevant and code nothing).
    """
    latest: dict[str, dict[str, tuple[int, dict[str, Any]]]] = {}
    first: dict[str, dict[str, Any]] = {}
    for record in _read_jsonl(path):
        text = record["text"]
        first.setdefault(text, record)
        coders = latest.setdefault(text, {})
        for annotation in record["annotations"]:
            seen = coders.get(annotation["annotator"])
            if seen is None or record["round"] >= seen[0]:
                coders[annotation["annotator"]] = (record["round"], annotation)
    docs = []
    for text, record in first.items():
        coder_roots = [
            frozenset(a["cameo_root"] for a in annotation["actions"] if a.get("cameo_root"))
            for _, (_, annotation) in sorted(latest[text].items())
        ]
        if not coder_roots:
            continue
        agreed, quiet, contested = conflibert_verdict(coder_roots)
        match = _CONFLIBERT_ID.fullmatch(record["id"])
        doc_id = f"{match['pool']}:{match['doc']}" if match else record["id"]
        docs.append(
            GoldDoc(
                id=doc_id,
                text=text,
                events=tuple(GoldEvent(type=cameo_to_plover(root, table), cameo=root) for root in agreed),
                expect_no_events=quiet,
                coders=len(coder_roots),
                root_votes=tuple(sorted(_root_votes(coder_roots).items())),
                contested=contested,
            )
        )
    return docs


# --- seed ----------------------------------------------------------------------------------


def _load_seed(path: Path, root: str | os.PathLike[str] | None = None) -> GoldDoc:
    """Our annotation of the acceptance example; offsets are found from the quoted text."""
    if not path.exists():
        raise InputError(str(path), "seed annotation not found (it lives in the repository's tests/golden/)")
    data = json.loads(path.read_text(encoding="utf-8"))
    source = Path(data["article"])
    if not source.is_absolute():
        source = (path.parent / source).resolve()
    if not source.exists():
        source = data_dir(root).parent / "examples" / source.name
    from communique.ingest import iter_articles
    from communique.model import Article

    (article,) = [a for a in iter_articles([source]) if isinstance(a, Article)]
    text = article.text
    quotes = []
    for q in data["quotes"]:
        start = text.find(q["text"])
        if start < 0:
            raise InputError(str(path), f"quote not found in the article text: {q['text'][:60]!r}")
        quotes.append(
            GoldQuote(
                spans=((start, start + len(q["text"])),),
                type=q["type"],
                text=q["text"],
                speaker_text=q.get("speaker_text"),
                speaker_name=q.get("speaker"),
                antecedent=q.get("speaker"),
            )
        )
    events = tuple(
        GoldEvent(
            type=e["type"],
            mode=e.get("mode"),
            cameo=e.get("cameo"),
            source=tuple(k for k in (phoenix_country(c) for c in e.get("source", [])) if k),
            target=tuple(k for k in (phoenix_country(c) for c in e.get("target", [])) if k),
            date=e.get("date"),
        )
        for e in data["events"]
    )
    meta = data["metadata"]
    seed = GoldSeed(
        date=meta.get("date"),
        publisher=meta.get("publisher"),
        relayed_from=tuple(meta.get("relayed_from", [])),
        actors=tuple(GoldActor(**a) for a in data["actors"]),
    )
    return GoldDoc(
        id=data["id"],
        text=text,
        date=article.date,
        quotes=tuple(quotes),
        events=events,
        seed=seed,
        source_path=str(source),
    )
