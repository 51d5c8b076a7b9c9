"""The time-aware actor dictionary and the resolution of names to canonical actors.

The dictionary is built once per process (``load_dictionary``, cached) from the data files
shipped in ``communique/data`` plus an optional user file (``[actors] user_file``):

- ``countries.tsv`` / ``countries_extra.tsv``: country names, aliases, demonyms, capitals and
  seats of government used as stand-ins ("the Kremlin" → RUS, sector GOV);
- ``ethnic_groups.tsv``: peoples without a state of their own, read as demonyms of the
  country nearly all of them live in ("Yoruba" → NGA), some only before a rebel noun
  ("Karen guerrillas" → MMR REB; "Karen" is a given name);
- ``igos.tsv``: intergovernmental organisations with short names, aliases and parent IGOs;
- ``institutions.tsv``: named national institutions ("US Senate" → USA LEG);
- ``leaders.tsv`` / ``leaders_extra.tsv``: people with date-restricted roles
  (``Vladimir Putin  RUS GOV 2008-05-08 ...``);
- ``titles.tsv``: title and agent words → sector;
- ``places.tsv``: cities and towns → country and coordinates (loaded on first use);
- ``subdivisions.tsv``: provinces, states, regions (ISO 3166-2) → country (loaded on first use).

Public functions other stages use:

- :func:`lookup` ``(text, date=None) -> Actor | None``: resolve a name or a short phrase
  ("Azerbaijan", "the Kremlin", "Russian foreign minister", "Putin") without context;
- :func:`actor_at` ``(article, offset) -> Actor | None``: the resolved actor of the mention
  covering a character offset (after the ``actors.rules.v1`` stage has run);
- :func:`actor_for_span` ``(article, start, end) -> Actor | None``: the resolved actor of the
  mention that best overlaps a character range.

Actor ids and codes follow ``docs/actor-codes.md``: ``AZE`` (a country), ``AZE:GOV`` (a sector
of it, code ``AZEGOV``), ``IGO:CIS`` (code ``IGOCIS``), ``PER:viktor-guminsky`` (a person),
``LOC:AZE:ganja`` (a place), ``ORG:...`` (another organisation).

Example:
    >>> lookup("Azerbaijan").code
    'AZE'
    >>> lookup("the Kremlin").id
    'RUS:GOV'
    >>> lookup("Commonwealth of Independent States").id
    'IGO:CIS'
    >>> lookup("Vladimir Putin", date="2009-06-01").code
    'RUSGOV'
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from communique.errors import ConfigError
from communique.model import Actor, Article

__all__ = [
    "ActorDictionary",
    "IgoEntry",
    "Person",
    "Role",
    "actor_at",
    "actor_for_span",
    "country_actor",
    "igo_actor",
    "load_dictionary",
    "location_actor",
    "lookup",
    "name_variant",
    "organization_actor",
    "person_actor",
    "sector_actor",
    "slug",
    "subdivision",
    "title_sector",
    "towns",
]

# The Phoenix file was generated in January 2014; a role it leaves open ("[USAGOV >090120]")
# is known to hold only until then. Open roles are taken to hold three more years (heads of
# government serve about five years on average, so most still do by 2016) and no longer: a
# leader who left after that is not coded as in office. leaders_extra.tsv closes or extends
# the terms of frequently reported people explicitly.
PHOENIX_HORIZON = "2016-12-31"
# Converted country aliases (places in the Phoenix lists) that are also common given names or
# surnames ("Doris", "Murray", "Bale") or ordinary words: never a country by themselves.
_NAME_LIKE_ALIASES = frozenset(
    {
        "doris",
        "murray",
        "tara",
        "nasser",
        "bale",
        "sana",
        "moron",
        "hippo",
        "sodom",
        "natal",
        "surin",
        "galan",
        "laudo",
        "naze",
        "purus",
        "qara",
        "mechi",
        "bida",
        "saga",
        "lund",
        "gera",
        "perth",
        "austin",
        "jersey",
        "finn",
        "dane",
    }
)
# Last words of converted "person" entries that are really organisations.
_BODY_WORDS = frozenset(
    {
        "front",
        "assembly",
        "party",
        "movement",
        "army",
        "group",
        "council",
        "union",
        "forces",
        "brigade",
        "brigades",
        "organization",
        "organisation",
        "league",
        "alliance",
    }
)
# Sectors that name a state body; a person with one of these is coded country + sector.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
# Every sector code (docs/actor-codes.md). The Phoenix institutions file puts a region or
# territory code where the sector goes for a few places ("Gaza Strip" PSE GZA, "Puerto Rico"
# USA PRI): those places are their country, with no sector.
_OTHER_SECTORS = {"OPP", "REB", "PTY", "BUS", "MED", "EDU", "REL", "LAB", "REF", "CVL", "HLT", "AGR", "CRM", "ELI"}
SECTORS = STATE_SECTORS | _OTHER_SECTORS | {"IGO", "NGO", "UAF"}
# Role preference when several of a person's roles are valid on one date: an office beats
# an "elite" (ELI: a former or would-be office holder) in the CAMEO codebook's own usage.
_SECTOR_RANK = {"GOV": 0, "MIL": 1, "LEG": 2, "JUD": 3, "IGO": 4}
_USER_COLUMNS = ("name", "aliases", "kind", "country", "sector", "igo", "start", "end", "role")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


# Arabic articles in transliterated names, written apart or hyphenated, in either vowel and
# assimilated to the next consonant ("al-Bashir", "El Bashir", "ad-Din", "ash-Sharaa"): news
# and the Phoenix lists spell the same name with and without them.
_NAME_ARTICLES = frozenset({"al", "el", "ul", "ad", "ash", "as", "at", "az", "ar"})
_NAME_SPLIT = re.compile(r"[\s\-‐‑–]+")


def name_variant(key: str) -> str:
    """A person-name key without Arabic articles and hyphens, for matching spellings.

    Example:
        >>> name_variant("omar el bashir"), name_variant("omar al-bashir"), name_variant("vladimir putin")
        ('omar bashir', 'omar bashir', 'vladimir putin')
    """
    if "-" not in key and "‐" not in key and "‑" not in key and "–" not in key:
        words = key.split(" ")
        if _NAME_ARTICLES.isdisjoint(words):
            return key
    else:
        words = _NAME_SPLIT.split(key)
    return " ".join(w for w in words if w and w not in _NAME_ARTICLES)


def slug(text: str) -> str:
    """Lower-case ASCII slug of a name: ``"Viktor Guminsky"`` → ``"viktor-guminsky"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-") or "x"


def _key(text: str) -> str:
    """Lookup key: NFKC, case-folded, curly quotes straightened, spaces collapsed."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


class Role(NamedTuple):
    """One dated role of a person: country, sector and the dates it holds (ISO, inclusive).

    A named tuple rather than a frozen dataclass: 28,000 are built at load, twice as fast.
    """

    country: str | None
    sector: str | None
    code: str | None
    start: str = ""
    end: str = ""
    role: str = ""
    igo: str | None = None

    def holds_on(self, date: str) -> bool:
        """Whether the role is valid on ``date`` (``YYYY-MM-DD``); open ends always hold."""
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass
class Person:
    """A named person of the dictionary with all their roles."""

    name: str
    aliases: tuple[str, ...]
    roles: list[Role] = field(default_factory=list)

    def role_on(self, date: str | None) -> Role | None:
        """The role valid on ``date``; the undated fallback role when none is.

        Returns None when the person has only dated roles and none holds on ``date``: the
        dictionary then knows the person but not what they were at that time.
        """
        fallback = [r for r in self.roles if not r.dated]
        if date:
            valid = [r for r in self.roles if r.dated and r.holds_on(date)]
            if valid:
                # the office over elite status; then the role that started last
                return sorted(valid, key=lambda r: (_SECTOR_RANK.get(r.sector or "", 9), _neg(r.start)))[0]
            return fallback[0] if fallback else None
        # no date: the office the person is known for (an office over elite status, then the
        # latest), which is what an undated sentence usually means ("Obama ordered ...")
        dated = [r for r in self.roles if r.dated]
        if dated:
            return sorted(dated, key=lambda r: (_SECTOR_RANK.get(r.sector or "", 9), _neg(r.start)))[0]
        return fallback[0] if fallback else None

    @property
    def countries(self) -> list[str]:
        return sorted({r.country for r in self.roles if r.country})


def _neg(date: str) -> str:
    # sort key helper: later dates first
    return "".join(chr(255 - ord(c)) for c in date)


@dataclass(frozen=True)
class IgoEntry:
    """An intergovernmental organisation: short name (the code suffix), name, parent IGO."""

    short: str
    name: str
    parent: str | None = None

    @property
    def top(self) -> str:
        """The short name of the organisation a body belongs to (itself when none)."""
        return self.parent or self.short


@dataclass(eq=False)
class ActorDictionary:
    """Every name the resolver knows, keyed by :func:`_key` of the name."""

    country_names: dict[str, str] = field(default_factory=dict)
    country_kind: dict[str, str] = field(default_factory=dict)
    standins: dict[str, tuple[str, str]] = field(default_factory=dict)
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)
    organizations: dict[str, tuple[str, str | None, str, str]] = field(default_factory=dict)
    igo_aliases: dict[str, str] = field(default_factory=dict)
    igos: dict[str, IgoEntry] = field(default_factory=dict)
    # people: alias key → name keys; converted rows are parsed into Person on first use
    people_index: dict[str, list[str]] = field(default_factory=dict)
    person_rows: dict[str, list[str]] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    # peoples whose name is also a given name or word ("Karen"): a country only before a rebel
    # noun ("Karen guerrillas"), never by themselves (ethnic_groups.tsv, kind "armed")
    armed_peoples: dict[str, str] = field(default_factory=dict)
    case_sensitive: set[str] = field(default_factory=set)
    display: dict[str, str] = field(default_factory=dict)

    def country_display(self, iso3: str) -> str:
        """The short English name of a country (pycountry's common name where it has one)."""
        return self.display.get(iso3, iso3)

    def people_for(self, key: str) -> list[Person]:
        """Every person whose name or alias has this lookup key; when none has, those whose
        name is spelt so but for Arabic articles and hyphens (:func:`name_variant`: "Omar El
        Bashir" is "Omar al-Bashir", "Hamad bin Khalifa al-Thani" is "... al Thani"), when
        two words at least are left."""
        name_keys = self.people_index.get(key)
        if not name_keys:
            variant = name_variant(key)
            # one word left ("al-Hassan" -> "Hassan") is a surname, which is no listed name
            # (Prince Hassan's alias is his given name): see :meth:`people_by_surname`
            if variant == key or " " not in variant:
                return []
            name_keys = [*self.people_index.get(variant, ()), *self.name_variants.get(variant, ())]
        return [
            self.person(name_key)
            for name_key in dict.fromkeys(name_keys)
            if name_key in self.persons or name_key in self.person_rows
        ]

    @functools.cached_property
    def name_variants(self) -> dict[str, list[str]]:
        """:func:`name_variant` of the names and aliases that have an article or a hyphen →
        name keys. Built on first use (~10 ms); the fallback of :meth:`people_for`."""
        index: dict[str, list[str]] = {}
        for key, name_keys in self.people_index.items():
            variant = name_variant(key)
            if variant != key and variant:
                index.setdefault(variant, []).extend(name_keys)
        return index

    @functools.cached_property
    def surnames(self) -> dict[str, list[str]]:
        """Last name → name keys, and "first last" → name keys (for "Carlos Saul Menem"), both
        without Arabic articles ("Bashar al-Assad" is "Assad").

        Built on first use (~20 ms); used only as a fallback when the name as written is not
        a listed name or alias, and only when it points to a single person.
        """
        index: dict[str, list[str]] = {}
        for name_key in (*self.person_rows, *self.persons):
            words = name_variant(name_key).split(" ")
            if len(words) < 2:
                words = name_key.split(" ")  # "Al Gore": a given name, surname Gore
            # entries named like bodies ("Kosovo Assembly") are not people
            if words[-1] in self.titles or words[-1] in _BODY_WORDS:
                continue
            if len(words) >= 2 and len(words[-1]) >= 4:
                index.setdefault(words[-1], []).append(name_key)
                if len(words) >= 3:
                    index.setdefault(f"{words[0]} {words[-1]}", []).append(name_key)
        return index

    def people_by_surname(self, key: str) -> list[Person]:
        """Persons whose last name (or first and last name) is ``key``."""
        return [
            self.person(k)
            for k in dict.fromkeys(self.surnames.get(key, ()))
            if k in self.persons or k in self.person_rows
        ]

    def person(self, name_key: str) -> Person:
        """The person with this name key (built from its data rows on first use)."""
        found = self.persons.get(name_key)
        if found is None:
            found = _person_from_rows(self.person_rows[name_key])
            self.persons[name_key] = found
        return found

    def aliases(self) -> Iterator[tuple[str, str]]:
        """Every (alias as written, category) pair the phrase matcher looks for."""
        for table, category in (
            (self.country_names, "country"),
            (self.standins, "standin"),
            (self.institutions, "institution"),
            (self.organizations, "organization"),
            (self.igo_aliases, "igo"),
            (self.armed_peoples, "armed"),
        ):
            for alias in table:
                yield alias, category


# Written form of each key (the matcher needs the original spelling to tokenize it).
_WRITTEN: dict[str, str] = {}


def _read_tsv(text: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; ``#`` lines are comments.

    Plain ``str.split`` rather than the csv module: the files hold no quoting, and this is
    three times faster on the 28,000 rows of ``leaders.tsv`` (load budget: 1 s in all).
    """
    header: list[str] | None = None
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        yield dict(zip(header, cells[: len(header)], strict=True))


def _data(name: str) -> str:
    return resources.files("communique.data").joinpath(name).read_text(encoding="utf-8")


def _is_acronym(alias: str) -> bool:
    """All-caps short forms (US, UK, CIS, D.P.R.K.) only match when written in capitals."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def acronym_as_written(text: str) -> bool:
    """Whether ``text`` may stand for an acronym alias: in capitals, or title-cased when it has
    four letters or more ("Nato", "Asean", "Opec" in British style; "Us" and "Un" never)."""
    letters = [c for c in text if c.isalpha()]
    if _is_acronym(text):
        return True
    return len(letters) >= 4 and text[:1].isupper() and all(c.islower() for c in letters[1:])


def _add(table: dict[str, object], dictionary: ActorDictionary, alias: str, value: object) -> None:
    key = _key(alias)
    if not key:
        return
    table[key] = value
    _WRITTEN.setdefault(key, alias.strip())
    if _is_acronym(alias.strip()):
        dictionary.case_sensitive.add(key)


# Endings of demonyms whose plural adds "s" ("Azerbaijani" → "Azerbaijanis", "Nigerian" →
# "Nigerians"); "-ese" and "-ish" forms do not take one ("the Chinese", "the British").
_DEMONYM_END = re.compile(r"(?:an|ani|i|ean|ite|ot|ek|ak|er)$")


def _add_plural_demonyms(d: ActorDictionary) -> None:
    for key, iso3 in list(d.country_names.items()):
        if d.country_kind.get(key) in ("demonym", "alias") and " " not in key and _DEMONYM_END.search(key):
            plural = key + "s"
            if plural not in d.country_names:
                _add(d.country_names, d, written(key) + "s", iso3)  # type: ignore[arg-type]
                d.country_kind[plural] = "demonym"


_GENERIC_WORDS = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "department",
        "national",
        "federal",
        "house",
        "representatives",
        "services",
        "service",
        "agency",
        "armed",
        "intelligence",
        "committee",
        "select",
        "on",
        "relations",
        "affairs",
        "foreign",
        "homeland",
        "justice",
        "defense",
        "defence",
        "state",
        "staff",
        "joint",
        "chiefs",
        "office",
    }
)


def _generic(key: str, d: ActorDictionary) -> bool:
    """A name made only of title and office words, which any country may use."""
    return all(w in d.titles or w in _GENERIC_WORDS for w in key.split(" "))


def _iso_names(dictionary: ActorDictionary) -> None:
    import pycountry

    for country in pycountry.countries:
        dictionary.display[country.alpha_3] = getattr(country, "common_name", None) or country.name
    dictionary.display.setdefault("XKX", "Kosovo")
    # pycountry's formal short names read oddly in output; use the everyday forms.
    for iso3, name in (
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("VEN", "Venezuela"),
        ("BOL", "Bolivia"),
        ("TZA", "Tanzania"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("VNM", "Vietnam"),
        ("LAO", "Laos"),
        ("MDA", "Moldova"),
        ("GBR", "United Kingdom"),
        ("USA", "United States"),
        ("PSE", "Palestine"),
        ("COD", "DR Congo"),
        ("CZE", "Czech Republic"),
        ("TUR", "Turkey"),
    ):
        dictionary.display[iso3] = name


def _build(user_file: str | None) -> ActorDictionary:
    d = ActorDictionary()
    _iso_names(d)
    for row in _read_tsv(_data("countries.tsv")):
        if _key(row["alias"]) in _NAME_LIKE_ALIASES:
            continue
        _add(d.country_names, d, row["alias"], row["iso3"])  # type: ignore[arg-type]
        d.country_kind[_key(row["alias"])] = row["kind"]
    extra = [*_read_tsv(_data("countries_extra.tsv")), *_read_tsv(_data("ethnic_groups.tsv"))]
    for row in extra:
        if row["kind"] == "standin":
            _add(d.standins, d, row["alias"], (row["iso3"], row["sector"] or "GOV"))  # type: ignore[arg-type]
        elif row["kind"] == "armed":
            _add(d.armed_peoples, d, row["alias"], row["iso3"])  # type: ignore[arg-type]
        else:
            _add(d.country_names, d, row["alias"], row["iso3"])  # type: ignore[arg-type]
            d.country_kind[_key(row["alias"])] = row["kind"]
    _add_plural_demonyms(d)
    # titles first: they decide which institution names are generic
    for row in _read_tsv(_data("titles.tsv")):
        key = _key(row["word"])
        d.titles[key] = (row["sector"], row["kind"])
        if "-" in key:
            # the tokenizer splits "hostage-takers" as "hostage - takers": the words are looked up
            # without the hyphen (title_sector), so the title is listed both ways
            d.titles.setdefault(key.replace("-", " "), (row["sector"], row["kind"]))
    for row in _read_tsv(_data("institutions.tsv")):
        key = _key(row["alias"])
        # a country's own name never becomes an institution alias, and a name made only of
        # title words ("National Security Council", "Supreme Court") is any country's
        if key not in d.country_names and not _generic(key, d):
            sector = row["sector"] if row["sector"] in SECTORS else ""
            _add(d.institutions, d, row["alias"], (row["country"], sector))  # type: ignore[arg-type]
    for row in _read_tsv(_data("organizations.tsv")):
        key = _key(row["alias"])
        if key not in d.country_names and key not in d.institutions and len(key) > 2:
            value = (row["name"], row["country"] or None, row["sector"], row["code"])
            _add(d.organizations, d, row["alias"], value)  # type: ignore[arg-type]
    for row in _read_tsv(_data("igos.tsv")):
        entry = IgoEntry(short=row["short"], name=row["name"], parent=row["parent"] or None)
        d.igos[entry.short] = entry
        for alias in [entry.short, entry.name, *(a for a in (row["aliases"] or "").split("|") if a)]:
            _add(d.igo_aliases, d, alias, entry.short)  # type: ignore[arg-type]
    _read_leaders(d, _data("leaders.tsv"))
    people: dict[str, Person] = {}
    for row in _read_tsv(_data("igo_officials.tsv")):
        name_key = _key(row["name"])
        if name_key not in d.person_rows:
            d.person_rows[name_key] = [row["name"]]
            d.people_index.setdefault(name_key, []).append(name_key)
        # converted row layout: aliases country sector code start end role source igo
        d.person_rows[name_key].append(
            f"\t\tIGO\tIGO{row['igo']}\t{row['start']}\t{row['end']}\t\tphoenix\t{row['igo']}"
        )
    for row in _read_tsv(_data("leaders_extra.tsv")):
        _add_role(people, row, replace=True)
    _apply_user_rows(d, people, _data("organizations_extra.tsv"), "organizations_extra.tsv")
    if user_file:
        _apply_user_file(d, people, Path(user_file))
    for name_key, person in people.items():
        # a hand-curated or user person replaces the converted rows of the same name
        d.persons[name_key] = person
        d.person_rows.pop(name_key, None)
        for name in (person.name, *person.aliases):
            alias_key = _key(name)
            d.people_index.setdefault(alias_key, []).append(name_key)
            # a full-name alias that is a converted name is the same person spelt otherwise
            if alias_key != name_key and " " in alias_key and alias_key not in people:
                d.person_rows.pop(alias_key, None)
    return d


def _add_role(people: dict[str, Person], row: dict[str, str], replace: bool = False) -> None:
    """Add one role row; ``replace`` rows drop the roles an earlier file gave the same name."""
    name = row["name"].strip()
    key = _key(name)
    raw_aliases = row.get("aliases") or ""
    person = people.get(key)
    if person is None or (replace and key not in _REPLACED_NOW):
        old_aliases = person.aliases if person is not None else ()
        aliases = tuple(a.strip() for a in raw_aliases.split("|") if a.strip())
        person = Person(name=name, aliases=tuple(dict.fromkeys((*old_aliases, *aliases))))
        people[key] = person
        if replace:
            _REPLACED_NOW.add(key)
    elif raw_aliases and replace:
        aliases = tuple(a.strip() for a in raw_aliases.split("|") if a.strip())
        person.aliases = tuple(dict.fromkeys((*person.aliases, *aliases)))
    country = row.get("country") or None
    sector = row.get("sector") or None
    igo = row.get("igo") or None
    code = row.get("code") or _code(country, sector, igo)
    person.roles.append(
        Role(
            country=country,
            sector=sector,
            code=code,
            start=row.get("start") or "",
            end=row.get("end") or "",
            role=row.get("role") or "",
            igo=igo,
        )
    )


_REPLACED_NOW: set[str] = set()


def _read_leaders(d: ActorDictionary, text: str) -> None:
    """Index the converted Phoenix roles: names and aliases now, Person records on first use.

    28,000 rows: parsing them all into records took 0.3 s of the 1 s load budget; indexing
    the names takes a third of that.
    """
    last_name = ""
    rows: list[str] = []
    for line in text.splitlines():
        if not line or line[0] == "#" or line.startswith("name\t"):
            continue
        name, rest = line.split("\t", 1)
        if name != last_name:
            name_key = _key(name)
            rows = d.person_rows.setdefault(name_key, [name])
            d.people_index.setdefault(name_key, []).append(name_key)
            last_name = name
            if rest[0] != "\t":
                for alias in rest[: rest.index("\t")].split("|"):
                    d.people_index.setdefault(_key(alias), []).append(name_key)
        rows.append(rest)


def _person_from_rows(rows: list[str]) -> Person:
    """A Person from its converted rows (the first item is the name)."""
    person = Person(name=rows[0], aliases=())
    for rest in rows[1:]:
        cells = rest.split("\t")
        aliases, country, sector, code, start, end, role = cells[:7]
        if start and not end:
            end = PHOENIX_HORIZON
        igo = cells[8] if len(cells) > 8 else ""
        if aliases:
            person.aliases = tuple(dict.fromkeys((*person.aliases, *aliases.split("|"))))
        person.roles.append(Role(country or None, sector or None, code or None, start, end, role, igo or None))
    return person


def _code(country: str | None, sector: str | None, igo: str | None) -> str | None:
    if igo:
        return f"IGO{igo.upper()}"
    if country:
        return f"{country}{sector or ''}"
    return None


def _apply_user_file(d: ActorDictionary, people: dict[str, Person], path: Path) -> None:
    """Read a user actor file; its rows override shipped entries of the same name.

    Format (TSV with a header; ``#`` lines are comments), columns ``name aliases kind country
    sector igo start end role``; ``kind`` is person, country, igo, institution (a body of a
    country: ``AZE:LEG``) or organization (a named group: ``ORG:<slug>``).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor file {path}: {exc}") from None
    _apply_user_rows(d, people, text, str(path))


def _apply_user_rows(d: ActorDictionary, people: dict[str, Person], text: str, path: str) -> None:
    """Apply the rows of an actor file in the user format (see :func:`_apply_user_file`)."""
    rows = list(_read_tsv(text))
    if rows and set(_USER_COLUMNS) - set(rows[0]):
        missing = ", ".join(sorted(set(_USER_COLUMNS) - set(rows[0])))
        raise ConfigError(f"actor file {path} lacks columns {missing}; expected: {' '.join(_USER_COLUMNS)}")
    for line, row in enumerate(rows, start=2):
        kind = (row.get("kind") or "").strip()
        names = [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a.strip())]
        if kind == "person":
            _add_role(people, row, replace=True)
        elif kind == "country":
            for name in names:
                _add(d.country_names, d, name, row["country"].strip())  # type: ignore[arg-type]
        elif kind == "igo":
            short = (row.get("igo") or row["name"]).strip()
            if short not in d.igos:
                d.igos[short] = IgoEntry(short=short, name=row["name"].strip())
            for name in names:
                _add(d.igo_aliases, d, name, short)  # type: ignore[arg-type]
        elif kind == "institution":
            for name in names:
                _add(d.institutions, d, name, (row["country"].strip(), (row.get("sector") or "").strip()))  # type: ignore[arg-type]
        elif kind == "organization":
            country = (row.get("country") or "").strip() or None
            sector = (row.get("sector") or "").strip()
            value = (row["name"].strip(), country, sector, f"{country or ''}{sector}")
            for name in names:
                _add(d.organizations, d, name, value)  # type: ignore[arg-type]
        else:
            raise ConfigError(
                f"actor file {path} line {line}: kind {kind!r} is not one of "
                "person, country, igo, institution, organization"
            )


@functools.lru_cache(maxsize=4)
def load_dictionary(user_file: str | None = None) -> ActorDictionary:
    """The actor dictionary, built once per process and user file.

    Args:
        user_file: optional TSV of extra actors (``docs/actor-codes.md``); its rows override
            shipped entries with the same name.

    Returns:
        The :class:`ActorDictionary`.
    """
    _REPLACED_NOW.clear()
    return _build(user_file or None)


def written(key: str) -> str:
    """The spelling an alias key was written with in its data file."""
    return _WRITTEN.get(key, key)


def _sorted_lines(name: str) -> list[str]:
    """The data lines of a data file sorted by its first column, ``key`` (after the header)."""
    lines = _data(name).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("key\t")) + 1
    return lines[first:]


def _lines_of(lines: list[str], key: str) -> list[str]:
    """The lines of :func:`_sorted_lines` whose first column is ``key``, by binary search."""
    prefix = key + "\t"
    i = bisect.bisect_left(lines, prefix)
    found = []
    while i < len(lines) and lines[i].startswith(prefix):
        found.append(lines[i])
        i += 1
    return found


@functools.lru_cache(maxsize=1)
def _places() -> list[str]:
    """The data lines of ``places.tsv``, sorted by their first column (the case-folded name).

    Looked up by binary search (:func:`place`): reading 130,000 lines takes ~40 ms, while
    building a dict of them took 0.3 s of the 1 s load budget.
    """
    return _sorted_lines("places.tsv")


def _place_lines(key: str) -> list[str]:
    """The ``places.tsv`` lines of one case-folded name, most populous first."""
    return _lines_of(_places(), key)


def towns(text: str) -> list[tuple[str, int]]:
    """The country (ISO3) and population of every town named ``text``, most populous first.

    Example:
        >>> [country for country, _ in towns("Tripoli")][:2]
        ['LBY', 'LBN']
    """
    key = " ".join(text.split()).casefold()
    return [(line.split("\t")[2], int(line.rsplit("\t", 1)[1])) for line in _place_lines(key)]


# A town outside every country an article mentions is trusted only from this size up
# (the world's capitals and large cities are named without their country; "Kent" in an article
# about Britain is not Kent, Washington, population 130,000).
_KNOWN_CITY_POPULATION = 500_000


# Smallest town :func:`lookup` returns for a one-word name given without context.
_LOOKUP_TOWN_POPULATION = 100_000


def place(text: str, countries: Iterable[str] = ()) -> tuple[str, str, float, float] | None:
    """A city or town: (name, ISO3, lat, lon), or None.

    With ``countries`` (those the article mentions), a name shared by towns in several
    countries is the one in those countries; a town in none of them is returned only when it
    is a large city (:data:`_KNOWN_CITY_POPULATION`). Without, the most populous town.
    """
    key = " ".join(text.split()).casefold()
    if not key or "\t" in key:
        return None
    lines = _place_lines(key)
    if not lines:
        return None
    wanted = set(countries)
    chosen = lines[0]
    if wanted:
        inside = [line for line in lines if line.split("\t")[2] in wanted]
        if inside:
            chosen = inside[0]
        elif int(chosen.rsplit("\t", 1)[1]) < _KNOWN_CITY_POPULATION:
            return None
    _key_column, name, iso3, lat, lon, _population = chosen.split("\t")
    return name, iso3, float(lat), float(lon)


# Words that mark a name as an administrative unit: "Sindh province", "the province of Sindh".
UNIT_MARKERS = frozenset(
    {"province", "state", "region", "governorate", "prefecture", "oblast", "district", "county", "department",
     "territory", "emirate"}
)  # fmt: skip
# Words of unit names that are common words or name seas and regions ("Delta" and "Lakes"
# states, "Unity", "the Gulf" of Papua New Guinea, "Red Sea" of Sudan and Egypt): a unit so
# named is read only in an article that names its country. Hand-written from the readings
# seen in news.
GENERIC_UNIT_WORDS = frozenset(
    {"delta", "lakes", "unity", "centre", "center", "central", "north", "south", "east", "west", "northern",
     "southern", "eastern", "western", "coast", "capital", "islands", "island", "upper", "lower", "highlands",
     "interior", "littoral", "border", "borders", "valley", "bay", "river", "lake", "plateau", "mountain",
     "national", "federal", "greater", "orient", "mid-west", "midwest", "harbour", "gulf", "sea", "red", "sahel",
     "balkan", "desert", "coastal", "mountains", "hills", "plains", "northeast", "northwest", "southeast",
     "southwest", "new"}
)  # fmt: skip
_MARKED_UNIT = re.compile(
    rf"\b(?:(?P<before>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?) (?i:{'|'.join(sorted(UNIT_MARKERS))})\b"
    rf"|(?i:{'|'.join(sorted(UNIT_MARKERS))}) of (?:the )?(?P<after>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?))"
)


@functools.lru_cache(maxsize=1)
def _subdivision_lines() -> list[str]:
    """The data lines of ``subdivisions.tsv``, sorted by their first column (looked up by
    binary search, as :func:`_places`)."""
    return _sorted_lines("subdivisions.tsv")


def subdivision(text: str, countries: Iterable[str] = ()) -> tuple[str, str, str, int] | None:
    """A province, state, region... of ISO 3166-2 (``subdivisions.tsv``): (name, ISO3, unit
    type, level), or None.

    A name shared by units of several countries ("Punjab": India's state and Pakistan's
    province) is the one in the single one of ``countries`` (those the article names) that has
    it, and None without such context; a name of one country's units is that country's.

    Example:
        >>> subdivision("Sindh")[:2], subdivision("Punjab"), subdivision("Punjab", ["IND"])[:2]
        (('Sindh', 'PAK'), None, ('Punjab', 'IND'))
    """
    key = unicodedata.normalize("NFKD", " ".join(text.split())).encode("ascii", "ignore").decode("ascii").casefold()
    key = re.sub(r"['`]", "", key)  # the file's keys drop apostrophes ("Ha'il" -> "hail")
    if not key or "\t" in key:
        return None
    rows = [line.split("\t") for line in _lines_of(_subdivision_lines(), key)]
    owners = {row[2] for row in rows}
    if len(owners) > 1:
        owners &= set(countries)
    if len(owners) != 1:
        return None
    (iso3,) = owners
    row = min((r for r in rows if r[2] == iso3), key=lambda r: r[4])  # the first-level unit first
    return row[1], iso3, row[3], int(row[4])


# --- actor constructors -------------------------------------------------------------------


def country_actor(iso3: str, d: ActorDictionary | None = None) -> Actor:
    """The actor for a country as a whole (id and code are the ISO3 code)."""
    d = d or load_dictionary()
    return Actor(id=iso3, name=d.country_display(iso3), kind="country", country=iso3, code=iso3)


def sector_actor(iso3: str, sector: str, d: ActorDictionary | None = None, name: str | None = None) -> Actor:
    """A sector of a country (its government, army, parliament...): id ``AZE:GOV``."""
    d = d or load_dictionary()
    label = name or f"{d.country_display(iso3)} ({sector})"
    return Actor(
        id=f"{iso3}:{sector}", name=label, kind="organization", country=iso3, sector=sector, code=f"{iso3}{sector}"
    )


def igo_actor(short: str, d: ActorDictionary | None = None) -> Actor:
    """An intergovernmental organisation (a body resolves to its parent IGO): id ``IGO:CIS``."""
    d = d or load_dictionary()
    entry = d.igos[short]
    top = d.igos.get(entry.top, entry)
    code = re.sub(r"[^A-Z0-9]", "", top.short.upper())
    return Actor(
        id=f"IGO:{top.short}", name=top.name, kind="organization", sector="IGO", igo=top.short, code=f"IGO{code}"
    )


def organization_actor(name: str, country: str | None, sector: str, code: str) -> Actor:
    """A non-state organisation (militant group, NGO, company): id ``ORG:<slug>``."""
    return Actor(
        id=f"ORG:{slug(name)}", name=name, kind="organization", country=country, sector=sector, code=code or None
    )


# States that seceded from another within the period news archives cover, with the day of
# independence: before it, their towns were the older state's ("Juba" in 2005 is in Sudan).
# Hand-written from the public dates. Montenegro and East Timor are left out: coders give them
# their own codes before independence too (the PLOVER GSR has MNE in 2000).
_SECESSIONS = {"SSD": ("2011-07-09", "SDN"), "XKX": ("2008-02-17", "SRB"), "ERI": ("1993-05-24", "ETH")}


def country_on(iso3: str, date: str | None) -> str:
    """The state a place of ``iso3`` belonged to on ``date`` (``_SECESSIONS``).

    Example:
        >>> country_on("SSD", "2005-01-01"), country_on("SSD", "2015-01-01"), country_on("FRA", None)
        ('SDN', 'SSD', 'FRA')
    """
    seceded = _SECESSIONS.get(iso3)
    if seceded is None or not date or date[:10] >= seceded[0]:
        return iso3
    return seceded[1]


def location_actor(name: str, iso3: str) -> Actor:
    """A place inside a country: id ``LOC:AZE:ganja``."""
    return Actor(id=f"LOC:{iso3}:{slug(name)}", name=name, kind="location", country=iso3, code=iso3)


def person_actor(
    name: str,
    *,
    country: str | None = None,
    sector: str | None = None,
    igo: str | None = None,
    title: str | None = None,
    affiliation: str | None = None,
) -> Actor:
    """A person: id ``PER:<slug of the name>``; code country + sector, or ``IGO`` + IGO."""
    code = _code(country, sector, igo) if (igo or country) else None
    if igo and sector not in (None, "IGO"):
        code = f"IGO{re.sub(r'[^A-Z0-9]', '', igo.upper())}"
    return Actor(
        id=f"PER:{slug(name)}",
        name=name,
        kind="person",
        country=country,
        sector=sector,
        igo=igo,
        title=title,
        affiliation=affiliation,
        code=code,
    )


def person_from_dictionary(person: Person, date: str | None, d: ActorDictionary) -> Actor:
    """The actor of a dictionary person as of ``date`` (sector only while a role holds)."""
    role = person.role_on(date)
    if role is None:
        countries = person.countries
        country = countries[0] if len(countries) == 1 else None
        return person_actor(person.name, country=country)
    affiliation = d.country_display(role.country) if role.country else None
    if role.igo and role.igo in d.igos:
        affiliation = d.igos[role.igo].name
    actor = person_actor(
        person.name,
        country=role.country,
        sector=role.sector,
        igo=role.igo,
        affiliation=affiliation,
    )
    # ``title`` stays empty: the export contract keeps it for the title as written in the text
    if role.code:
        actor.code = role.code
    return actor


# --- the pure text resolver -----------------------------------------------------------------

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _strip(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).strip(' ,;:"“”()')
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text.rstrip(".")
    text = _LEADING.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def _direct(text: str, d: ActorDictionary, date: str | None) -> Actor | None:
    key = _key(text)
    if not key:
        return None
    case_ok = key not in d.case_sensitive or acronym_as_written(text)
    if key in d.igo_aliases and case_ok:
        return igo_actor(d.igo_aliases[key], d)
    if key in d.standins:
        iso3, sector = d.standins[key]
        return sector_actor(iso3, sector, d)
    if key in d.country_names and case_ok:
        return country_actor(d.country_names[key], d)
    # a person before the institution lists: the Phoenix file also files some people as
    # undated institution names ("Bashar al-Assad" → SYRGOV)
    people = d.people_for(key)
    if people:
        found = _pick_person(people, date, d)
        if found is not None:
            return found
    if key in d.institutions and case_ok:
        iso3, sector = d.institutions[key]
        return sector_actor(iso3, sector, d) if sector else country_actor(iso3, d)
    if key in d.organizations and case_ok:
        return organization_actor(*d.organizations[key])
    return None


def _pick_person(people: list[Person], date: str | None, d: ActorDictionary) -> Actor | None:
    """One person for a name: the only one, or the only one holding a role on ``date``."""
    unique = {id(p): p for p in people}
    if len(unique) == 1:
        return person_from_dictionary(next(iter(unique.values())), date, d)
    if date:
        holding = [p for p in unique.values() if any(r.dated and r.holds_on(date) for r in p.roles)]
        if len(holding) == 1:
            return person_from_dictionary(holding[0], date, d)
        # several hold something: the only one in office (not merely "elite") on that date
        in_office = [
            p
            for p in holding
            if any(r.dated and r.holds_on(date) and (r.sector in STATE_SECTORS or r.igo) for r in p.roles)
        ]
        if len(in_office) == 1:
            return person_from_dictionary(in_office[0], date, d)
    return None


def _singulars(phrase: str) -> list[str]:
    """Singular readings of a phrase whose last word is an English plural (to look it up)."""
    out = []
    for plural, singular in (("ies", "y"), ("men", "man"), ("es", ""), ("s", "")):
        if phrase.endswith(plural) and len(phrase) > len(plural) + 2:
            out.append(phrase[: -len(plural)] + singular)
    return out


def _title_entry(word: str, d: ActorDictionary) -> tuple[str, str] | None:
    """The ``titles.tsv`` entry (sector, kind) of a lower-case word or its singular."""
    entry = d.titles.get(word)
    if entry is None:
        entry = next((d.titles[s] for s in _singulars(word) if s in d.titles), None)
    return entry


# Tokens left out of a title's words: a possessive ("the party's leader" is a party leader) and
# the hyphen the tokenizer splits off ("vice - president").
_TITLE_SKIPPED = frozenset({"'s", "’s", "'", "’", "-", "–"})


def title_sector(words: Iterable[str], d: ActorDictionary | None = None) -> str | None:
    """The sector a title implies: the rightmost head word (or two-/three-word head) wins.

    Possessives and hyphens between the words are left out ("the party's leader" is a party
    leader, PTY; "hostage - takers" is "hostage takers").

    Example:
        >>> title_sector("Russian foreign minister".split()), title_sector(["party", "'s", "leader"])
        ('GOV', 'PTY')
    """
    d = d or load_dictionary()
    tokens = [k for k in (_key(w) for w in words) if k not in _TITLE_SKIPPED]
    sector: str | None = None
    i = 0
    while i < len(tokens):
        for n in (4, 3, 2, 1):
            phrase = " ".join(tokens[i : i + n])
            # a plural of a listed title too ("negotiators", "commanders", "clergymen")
            entry = _title_entry(phrase, d) if i + n <= len(tokens) else None
            if entry and entry[1] == "head" and i + n <= len(tokens):
                sector = entry[0]
                i += n - 1
                break
        i += 1
    return sector


def lookup(text: str, date: str | None = None, dictionary: ActorDictionary | None = None) -> Actor | None:
    """Resolve a name or short actor phrase to a canonical actor, without context.

    Tries, in order: the whole text as an IGO, stand-in, country, institution or person; then
    a person name at the end ("Russian President Vladimir Putin"); then a country or IGO inside
    the phrase combined with a title or agent word ("Israeli soldiers" → ISR:MIL, "the CIS
    Executive Secretary" → IGO:CIS); then a province or state the phrase marks as one ("the
    government of Sindh province" → PAK:GOV); then a city or town.

    Args:
        text: the name as written.
        date: ``YYYY-MM-DD``; people resolve to the role they held on that date.
        dictionary: the dictionary to use (``load_dictionary(user_file)``); the shipped one
            by default.

    Returns:
        The :class:`~communique.model.Actor`, or None when nothing is known for sure.
    """
    d = dictionary or load_dictionary()
    stripped = _strip(text)
    if not stripped:
        return None
    actor = _direct(stripped, d, date)
    if actor is not None:
        return actor
    words = stripped.split()
    # a known person at the end of a titled phrase
    for i in range(1, len(words)):
        people = d.people_for(_key(" ".join(words[i:])))
        if people and words[i][:1].isupper():
            found = _pick_person(people, date, d)
            if found is not None:
                return found
    # a country or IGO inside the phrase, with a sector from the title words
    sector = title_sector(words, d)
    for n in range(min(len(words), 6), 0, -1):
        for i in range(0, len(words) - n + 1):
            part = " ".join(words[i : i + n])
            key = _key(_POSSESSIVE.sub("", part))
            case_ok = key not in d.case_sensitive or acronym_as_written(part)
            if key in d.igo_aliases and case_ok:
                return igo_actor(d.igo_aliases[key], d)
            if key in d.organizations and case_ok and part[:1].isupper():
                return organization_actor(*d.organizations[key])
            if key in d.country_names and case_ok and part[:1].isupper():
                iso3 = d.country_names[key]
                return sector_actor(iso3, sector, d) if sector else country_actor(iso3, d)
            if key in d.standins:
                iso3, standin_sector = d.standins[key]
                return sector_actor(iso3, standin_sector, d)
    # a person by surname ("President Mugabe") or first and last name ("Carlos Menem" for
    # Carlos Saul Menem), when it points to one person only
    names = [w for w in words if w[:1].isupper() and _key(w) not in d.titles]
    if names and names[-1] == words[-1]:
        keys = [_key(names[-1])] if len(names) == 1 else [_key(f"{names[0]} {names[-1]}")]
        for key in keys:
            people = d.people_by_surname(key) or (d.people_for(key) if " " in key else [])
            found = _pick_person(people, date, d) if people else None
            if found is not None:
                return found
    # a province, state or region the phrase marks as one ("the government of Sindh province"):
    # the country, with the sector of the title words
    for marked in _MARKED_UNIT.finditer(stripped):
        unit_name = marked.group("before") or marked.group("after")
        unit_key = _key(unit_name)
        plain = unit_key not in d.country_names and GENERIC_UNIT_WORDS.isdisjoint(unit_key.split())
        unit = subdivision(unit_name) if unit_name[:1].isupper() and plain else None
        if unit is not None and unit[3] == 1:  # not a county's namesake ("Kent State University")
            return sector_actor(unit[1], sector, d) if sector else location_actor(unit[0], unit[1])
    # without a text around it, a one-word name is a town only when the town is large: "Doris"
    # is a person before it is a village in Burkina Faso
    lines = _place_lines(" ".join(stripped.split()).casefold()) if stripped[:1].isupper() else []
    if lines and (" " in stripped or int(lines[0].rsplit("\t", 1)[1]) >= _LOOKUP_TOWN_POPULATION):
        found_place = place(stripped)
        if found_place is not None:
            return location_actor(found_place[0], found_place[1])
    return None


# --- helpers over a processed article ---------------------------------------------------------


def actor_at(article: Article, offset: int) -> Actor | None:
    """The resolved actor of the mention covering character ``offset`` of ``article.text``.

    Args:
        article: an article the ``actors.rules.v1`` stage has processed.
        offset: a character offset into ``article.text``.

    Returns:
        The actor, or None when no resolved mention covers the offset.
    """
    best = None
    for mention in article.mentions:
        inside = mention.actor_id and mention.start <= offset < mention.end
        if inside and (best is None or (mention.end - mention.start) < (best.end - best.start)):
            best = mention
    return article.actor(best.actor_id) if best is not None else None


def actor_for_span(article: Article, start: int, end: int) -> Actor | None:
    """The resolved actor of the mention that overlaps ``[start, end)`` the most.

    Ties go to the mention that starts last (the head of "the minister of Azerbaijan's
    Elmar Mammadyarov" is the name at the end).
    """
    best = None
    best_key = (0, -1)
    for mention in article.mentions:
        if not mention.actor_id:
            continue
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > 0 and (overlap, mention.start) > best_key:
            best, best_key = mention, (overlap, mention.start)
    return article.actor(best.actor_id) if best is not None else None
