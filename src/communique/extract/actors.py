"""Stage ``actors.rules.v1``: recognise countries, organisations and people and resolve them.

What the stage does to an article, in order:

1. **Dictionary matches.** A token-sequence matcher (case-insensitive, leftmost-longest; see
   :class:`_PhraseTable` for why not spaCy's ``PhraseMatcher``) finds every country name,
   demonym, capital, seat of government ("the Kremlin"), named institution, organisation and
   IGO alias of the actor dictionary (:mod:`communique.extract.resolve`). Acronyms must be
   written in capitals ("US", not "us"; "Nato" is fine); other names must be capitalised.
   Matches inside a spaCy PERSON entity are dropped ("Washington" in "George Washington"),
   and a PERSON entity that is exactly a country name or demonym is the country. A country
   word and the people after it are one match of the first country ("Croatian Serbs"); a
   people named like a given name is matched only before a rebel noun ("Karen guerrillas").
2. **Institutions by pattern.** A country or demonym followed by a body or group noun
   ("Azerbaijan's parliament", "the Belarusian army", "Georgian demonstrators"), or a body
   noun before "in/of/from <country>" ("a court in Moldova"), becomes the country with the
   body's sector (GOV, LEG, MIL, OPP...). A body noun phrase that ends in "of (the) <IGO>"
   ("the Council of Heads of State, ... and the Economic Council of the CIS") becomes the IGO,
   and so does each body coordinated before it.
3. **People.** Each spaCy PERSON entity (and a two- or three-word ORG/GPE entity with a title
   around it) gets the title written before the name (of any length: "First Deputy Chairman of
   the Executive Committee - CIS Executive Secretary Viktor Guminsky") or in an apposition
   after it ("X, the foreign minister of Y,"), an affiliation (an IGO or country named inside
   the title, else the one the dictionary gives for the article's date), and a sector (IGO
   when affiliated with an IGO, ELI for a former office holder, else the title's head word,
   else the dictionary role on the article's date).
4. **Linking within the document.** A later one-word name (the first person introduced with
   it) and a later bare title ("the minister", "the Executive Secretary") get the same
   ``actor_id``; quote attribution relies on these.
5. **Places.** Remaining GPE/LOC mentions are looked up as cities and towns (a location inside
   a country, preferring the countries the article names), or as provinces, states and
   regions (ISO 3166-2: "Sindh province"; :meth:`_Run.subdivision`), whose bodies are their
   country's ("the government of Sindh province" → PAK GOV); a capital that acts (the
   subject of a verb: "Baku and Minsk agreed") stands for its government.
6. **Named events, programmes and laws** (spaCy EVENT, WORK_OF_ART, LAW) become ``OTH:``
   actors, with the country named inside them or hosting them.

Ambiguous names are decided by the document or left unresolved: "Georgia" is the country
unless the document speaks of the US state (Atlanta, a US state named nearby, "state of
Georgia"), then a location in the USA, and unresolved when it speaks of both; a name inside a
PERSON entity is never a place; office-word IGO names ("Security Council") given to a country
by the text ("Russia's Security Council") are not the IGO.

Labels of the mentions the stage adds: ``GPE`` (countries and capitals), ``NORP`` (demonyms),
``IGO``, ``ORG`` (IGO bodies), ``INSTITUTION`` (stand-ins and national bodies) and ``TITLE``
(bare titles linked to a person).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from communique.extract import resolve
from communique.extract.resolve import ActorDictionary, _key
from communique.model import Actor, Article, Mention
from communique.registry import stages

__all__ = ["ActorStage", "make_actor_stage"]

# Words that may appear inside a title between capitalised words ("Minister of Foreign Affairs
# of the Republic", "Chairman of the Executive Committee - CIS Executive Secretary").
_TITLE_GLUE = frozenset({"of", "the", "for", "and", "on", "-", "–", "—", "&", "'s", "’s", "de"})
# Punctuation and words that end a pre-name title when walking left from the name.
_HARD_STOP = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "'", ".", "!", "?", "said", "says", "—", "--"})
# Title honorifics spaCy sometimes leaves outside (or inside) the PERSON span.
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "h.e."})
# Nouns that name a body of an IGO ("the Economic Council of the CIS").
_BODY_NOUNS = frozenset(
    {
        "council",
        "councils",
        "commission",
        "committee",
        "assembly",
        "secretariat",
        "parliament",
        "court",
        "bank",
        "summit",
        "forum",
        "conference",
        "agency",
        "office",
        "board",
        "mission",
    }
)
# Nouns that make a country + noun an institution ("the Belarusian army"), with their sector.
_STATE_BODIES = {
    "government": "GOV",
    "cabinet": "GOV",
    "ministry": "GOV",
    "foreign ministry": "GOV",
    "presidency": "GOV",
    "administration": "GOV",
    "authorities": "GOV",
    "leadership": "GOV",
    "officials": "GOV",
    "president": "GOV",
    "prime minister": "GOV",
    "foreign minister": "GOV",
    "parliament": "LEG",
    "legislature": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "lawmakers": "LEG",
    "national assembly": "LEG",
    "army": "MIL",
    "military": "MIL",
    "armed forces": "MIL",
    "troops": "MIL",
    "navy": "MIL",
    "air force": "MIL",
    "forces": "MIL",
    "soldiers": "MIL",
    "defence ministry": "MIL",
    "defense ministry": "MIL",
    "police": "COP",
    "interior ministry": "COP",
    "courts": "JUD",
    "supreme court": "JUD",
    "judiciary": "JUD",
    "constitutional court": "JUD",
    "intelligence": "SPY",
    "opposition": "OPP",
    "rebels": "REB",
    "rebel": "REB",
    "guerrillas": "REB",
    "guerrilla": "REB",
    "media": "MED",
    "court": "JUD",
    "state media": "MED",
    "security forces": "COP",
    "police officer": "COP",
    "militants": "REB",
    "insurgents": "REB",
    "demonstrators": "OPP",
    "protesters": "OPP",
    "activists": "OPP",
    "dissidents": "OPP",
    "students": "EDU",
    "student": "EDU",
}
# Prepositions before a capital that mark it as a place rather than its government.
_PLACE_PREPS = frozenset({"in", "at", "to", "from", "near", "into", "outside", "around", "via", "across"})
# Evidence that "Georgia" is the US state. US state names and "Atlanta" come from common
# usage; the list is short on purpose (any one cue suffices).
_US_STATE_CUES = re.compile(
    r"\b(?:Atlanta|Savannah|Augusta, Ga|Ga\.|state of Georgia|Georgia state|Georgia's governor|"
    r"Alabama|Florida|Tennessee|South Carolina|North Carolina|Texas|Ohio|Arizona|Pennsylvania|"
    r"Michigan|Wisconsin|Nevada|county|Democrat|Republican|Senate race|Gov\.)",
)
_GEORGIA_COUNTRY_CUES = re.compile(
    r"\b(?:Tbilisi|Georgian|Abkhazia|South Ossetia|Ossetia|Caucasus|Saakashvili|Ivanishvili|"
    r"Kremlin|Russia|Armenia|Azerbaijan|Batumi|Kutaisi|Tskhinvali)"
)
_AMBIGUOUS_COUNTRY = {"georgia"}
# Country names that are also common given names: as a PERSON entity they stay people.
_GIVEN_NAMES = frozenset({"jordan", "chad", "georgia", "israel", "india", "kenya", "niger", "china"})


# One-word organisation aliases of the converted dictionaries that are ordinary words or
# ambiguous across countries ("the Senate" of any country).
_GENERIC_NAMES = frozenset({"senate", "youth", "amit", "camo", "insula", "yahweh", "contras", "state"})


@dataclass
class _Match:
    start: int  # token index
    end: int
    category: str  # country, standin, institution, igo
    key: str
    # a country word and the people after it ("Croatian Serbs"): the people of that country
    compound: bool = False


class ActorStage:
    """Recognise and resolve actors in one article (see the module docstring).

    Args:
        user_file: optional user actor file (``[actors] user_file``).
    """

    def __init__(self, user_file: str | None = None) -> None:
        self.user_file = user_file or None
        self.dictionary: ActorDictionary = resolve.load_dictionary(self.user_file)
        _phrase_table(self.user_file)

    # -- matcher ---------------------------------------------------------------------------

    def _dictionary_matches(self, doc: Any) -> list[_Match]:
        d = self.dictionary

        def accept(category: str, key: str, start: int, end: int) -> bool:
            span = doc[start:end]
            # a one-word organisation name must look like a name to spaCy too, or be an
            # acronym ("Hamas", "FBI"; not a sentence-initial "Youth")
            if (
                end - start == 1
                and category in ("organization", "institution")
                and (not (span[0].ent_type_ or resolve._is_acronym(span.text)) or key in _GENERIC_NAMES)
            ):
                return False
            if key in d.case_sensitive:
                # acronyms only in capitals, as listed ("US" but not "us"; "Nato" is fine)
                return resolve.acronym_as_written(span.text)
            if category == "armed":
                # "Karen guerrillas", never Karen by herself
                body = _state_body_after(doc, end, d)
                return _capitalised(span) and body is not None and body[0] == "REB"
            return _capitalised(span)

        return [
            _Match(start, end, category, key)
            for (category, key), start, end in _phrase_table(self.user_file)(doc, accept)
        ]

    # -- the stage ---------------------------------------------------------------------------

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        d = self.dictionary
        date = article.date
        run = _Run(article, d, date)

        all_matches = [m for m in self._dictionary_matches(doc) if not _weak_igo_in_context(doc, m, d)]
        match_spans = {(m.start, m.end): m for m in all_matches}
        # a PERSON entity that is exactly a country name or demonym ("The Azerbaijani
        # delegation", which the small model tags PERSON) is the country, unless the word is
        # also a known person or a common given name
        # Surnames of the full names in the document are people wherever they occur ("Bush ...
        # George W. Bush"), never places, even when a dictionary knows the word as a country's
        # old name ("Lt. Gen. Jan Bromberg ... Bromberg said" is not Poland's Bydgoszcz).
        run.doc_surnames = {
            _key(ent[-1].text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title
        }
        not_people: dict[tuple[int, int], str] = {}
        person_tokens: set[int] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            inner = (ent.start + 1 if ent[0].lower_ == "the" else ent.start, ent.end)
            match = match_spans.get(inner)
            surname = len(ent) == 1 and _key(ent.text) in run.doc_surnames
            if match is not None and not surname and _not_a_person(match, d):
                not_people[(ent.start, ent.end)] = {"igo": "IGO", "organization": "ORG"}.get(match.category, "NORP")
                continue
            person_tokens.update(range(ent.start, ent.end))
        for mention in article.mentions:
            if mention.label != "PERSON":
                continue
            for (s, e), label in not_people.items():
                if doc[s].idx == mention.start and doc[e - 1].idx + len(doc[e - 1]) == mention.end:
                    mention.label = label

        matches = _compound_demonyms(
            doc, [m for m in all_matches if not (set(range(m.start, m.end)) & person_tokens)], d
        )
        ents_by_token = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        text = article.text
        georgia = _georgia_reading(text)
        run.named = _named_countries(matches, d)

        # 1 + 2: dictionary matches and institutions
        for match in matches:
            if (
                match.category == "country"
                and match.end - match.start == 1
                and match.key in run.doc_surnames
                and d.country_kind.get(match.key) == "alias"
            ):
                continue  # a place's other name as the surname of a full name here: the person (step 4)
            span = doc[match.start : match.end]
            actor, label = self._resolve_match(match, span, run, georgia)
            if actor is None:
                continue
            start_char, end_char = span.start_char, span.end_char
            # extend to an institution: "<country> ('s) <body noun>"
            body = _state_body_after(doc, match.end, d) if match.category in ("country", "armed") else None
            if body is not None and body[0] == "GOV" and match.compound and doc[match.end - 1].lower_ in _FAITHS:
                body = None  # "American Muslim leaders" lead a community, not the country
            if body is not None and actor.kind == "country":
                # the country keeps its own mention; the phrase is the institution
                run.attach(start_char, end_char, label, actor)
                sector, body_end = body
                actor = resolve.sector_actor(actor.country or "", sector, d)
                end_char = doc[body_end - 1].idx + len(doc[body_end - 1])
                label = "INSTITUTION"
                start_char = _with_article(doc, match.start)
                run.attach(start_char, end_char, label, actor, nested=False)
                continue
            before = (
                _state_body_before(doc, match, d) if match.category == "country" and actor.kind == "country" else None
            )
            if before is not None:
                # "a court in Guyana", "dissidents from Egypt": the country keeps its mention
                run.attach(start_char, end_char, label, actor)
                sector, body_start = before
                run.attach(
                    _with_article(doc, body_start),
                    end_char,
                    "INSTITUTION",
                    resolve.sector_actor(actor.country or "", sector, d),
                    nested=False,
                )
                continue
            larger = _inside_larger_name(doc, match, ents_by_token)
            city = match.category == "country" and _is_capital(match.key, d.country_names[match.key])
            if larger and (city or match.category in ("standin", "institution", "organization")):
                # a city inside a longer name ("Denzel Washington", "Baku International
                # Theater Conference") is neither the place nor its government; inside a named
                # event ("the Beijing Olympics") it is where the event happens
                if larger != "EVENT" or match.category != "country":
                    continue
                actor, label = resolve.location_actor(span.text, d.country_names[match.key]), "GPE"
            run.attach(start_char, end_char, label, actor)

        # IGO bodies: "the Council of Heads of State ... of the CIS"
        for match in matches:
            if match.category != "igo":
                continue
            short = d.igo_aliases.get(match.key)
            if short is None:
                continue
            igo_end = doc[match.end - 1].idx + len(doc[match.end - 1])
            for start_char, end_char in _igo_bodies(doc, match.start):
                whole = [m for m in article.mentions if m.start <= start_char and igo_end <= m.end]
                if whole:
                    for mention in whole:
                        run.assign(mention, resolve.igo_actor(short, d))
                    continue
                run.attach(start_char, end_char, "ORG", resolve.igo_actor(short, d), prefer_existing=False)

        # an organisation named after its IGO ("the CIS Executive Committee", "NATO summit")
        for mention in article.mentions:
            if mention.actor_id or mention.label != "ORG":
                continue
            for match in matches:
                if match.category != "igo":
                    continue
                span = doc[match.start : match.end]
                if mention.start <= span.start_char and span.end_char <= mention.end:
                    run.assign(mention, resolve.igo_actor(d.igo_aliases[match.key], d))
                    break

        # 3 + 4: people, then linking (surnames of full names: run.doc_surnames, above)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and (ent.start, ent.end) not in not_people:
                run.person(ent)
            elif ent.label_ in ("ORG", "GPE", "NORP") and _name_like(ent, d) and _titled(ent, d):
                # the small model often tags "Nadia Petrescu, the foreign minister of X" as ORG;
                # a name-shaped entity with a title around it is a person
                for mention in article.mentions:
                    if mention.start == ent.start_char and mention.end == ent.end_char and not mention.actor_id:
                        mention.label = "PERSON"
                        run.person(ent)
        run.link_surnames()
        run.link_bare_titles(doc)

        # an organisation the dictionary does not know, named by a country word and a body
        # or group word ("the Latvian Constitutional Court", "the Serbian Workers' Union"):
        # that sector of the country. Other readings of the text resolver (a country alone,
        # a person) are no reading of an organisation's name.
        for mention in article.mentions:
            if mention.actor_id or mention.label != "ORG":
                continue
            org = resolve.lookup(mention.text, date=date, dictionary=d)
            if org is not None and org.country and org.sector and org.id == f"{org.country}:{org.sector}":
                run.assign(mention, org)
                continue
            home: str | None = None
            if (org is None or org.kind == "country") and (of := _of_country_name(mention.text, d)) is not None:
                # "the Popular Front for the Liberation of Chad": the country the name is "of"
                home = of
            elif org is None and _domestic_body_name(mention.text) and len(countries := run.all_countries()) == 1:
                # "the Sudanese government banned the Democratic Unity Party": a party, front or
                # movement the dictionary lacks, in an article about one country, is of that
                # country
                (home,) = countries
            elif org is not None and org.kind == "country" and org.country and _named_after_country(mention.text, d):
                # "the Ghana Football Association", "Uganda Wildlife Authority": an
                # organisation of the country it is named after
                home = org.country
            if home is not None:
                # an organisation of that country, its sector unknown
                named = resolve.organization_actor(_strip_article(mention.text), home, "", home)
                named.sector = None
                run.assign(mention, named)

        # an armed or political group the dictionary codes as international (Phoenix INTREB:
        # "the Islamic Salvation Front"), named in full (three words or more: some aliases are
        # common phrases, "Islamic Group"), in an article about one country: of that country
        countries = run.all_countries()
        if len(countries) == 1:
            named_in_full = {m.actor_id for m in article.mentions if len(_strip_article(m.text).split()) >= 3}
            for actor in run.actors.values():
                if (
                    actor.kind == "organization"
                    and not actor.country
                    and (actor.code or "").startswith("INT")
                    and actor.id in named_in_full
                ):
                    (actor.country,) = countries

        # 5: remaining places
        for mention in list(article.mentions):
            if not mention.actor_id and mention.label == "NORP" and mention.text[:1].isupper():
                run.subdivision(mention)  # the tagger reads some provinces as peoples ("Punjab")
            if mention.actor_id or mention.label not in ("GPE", "LOC"):
                continue
            place_name = _strip_article(mention.text)
            if _key(place_name) in run.doc_surnames:
                continue  # "Bush" tagged GPE in an article about George W. Bush
            marked = _unit_marker(doc, mention) is not None
            if marked and run.subdivision(mention):
                continue  # "Sindh province", "the state of Borno": the unit before any town
            found = resolve.place(place_name, run.countries()) if place_name[:1].isupper() else None
            key = _key(place_name)
            if (
                found is None
                and mention.label == "GPE"
                and key in d.country_names
                and key not in _AMBIGUOUS_COUNTRY
                and not place_name.islower()
            ):
                # a country name in odd case that spaCy still tags as a place ("iSrael"): the
                # country; an all lower-case word stays a word ("china plates")
                if not _is_capital(key, d.country_names[key]):
                    run.assign(mention, resolve.country_actor(d.country_names[key], d))
                continue
            if found is None:
                if not marked:
                    run.subdivision(mention)  # "violence in Sindh"
                continue
            name, iso3, _lat, _lon = found
            if _key(name) == "georgia" or _key(mention.text) in _AMBIGUOUS_COUNTRY:
                continue
            run.assign(mention, resolve.location_actor(name, iso3))

        # 6: named events, programmes and laws
        for mention in article.mentions:
            if mention.actor_id or mention.label not in _NAMED_THINGS:
                continue
            actor = _named_thing(doc, mention, run)
            if actor is not None:
                run.assign(mention, actor)

        # 7: a country named as a stance is no nationality ("pro-Russian separatists")
        dropped = _drop_stance_countries(article, run.actors)
        referenced = {m.actor_id for m in article.mentions if m.actor_id}
        article.actors = [a for a in run.actors.values() if a.id not in dropped or a.id in referenced]
        article.mentions.sort(key=lambda m: (m.start, -m.end))
        return article

    def _resolve_match(self, match: _Match, span: Any, run: _Run, georgia: str) -> tuple[Actor | None, str]:
        d = self.dictionary
        if match.category == "igo":
            return resolve.igo_actor(d.igo_aliases[match.key], d), "IGO"
        if match.category == "standin":
            iso3, sector = d.standins[match.key]
            return resolve.sector_actor(iso3, sector, d), "INSTITUTION"
        if match.category == "organization":
            return resolve.organization_actor(*d.organizations[match.key]), "ORG"
        if match.category == "institution":
            iso3, sector = d.institutions[match.key]
            if sector:
                return resolve.sector_actor(iso3, sector, d), "INSTITUTION"
            return resolve.country_actor(iso3, d), "ORG"
        if match.category == "armed":
            return resolve.country_actor(d.armed_peoples[match.key], d), "NORP"
        iso3 = d.country_names[match.key]
        kind = d.country_kind.get(match.key, "alias")
        if match.key in _AMBIGUOUS_COUNTRY:
            if georgia == "us":
                return resolve.location_actor(span.text, "USA"), "GPE"
            if georgia == "unknown":
                return None, "GPE"
        if kind == "capital":
            namesake = _namesake_town(span.text, iso3, run.named)
            if namesake is not None:
                # "Tripoli" in an article about Lebanon and not Libya: the Lebanese city
                return resolve.location_actor(span.text, namesake), "GPE"
            # a capital that acts stands for the government; one where things happen is a place,
            # and so is the dateline ("SEOUL (Reuters) -")
            if _acts(span) and not _dateline(span):
                return resolve.sector_actor(iso3, "GOV", d), "GPE"
            return resolve.location_actor(span.text, iso3), "GPE"
        if _is_city_alias(match.key, iso3):
            # another city the Phoenix lists give as a country alias ("Lyon" for France) is a
            # place in that country, never its government
            return resolve.location_actor(span.text, iso3), "GPE"
        label = "NORP" if match.compound or _looks_demonym(span) else "GPE"
        return resolve.country_actor(iso3, d), label


class _Run:
    """State of one article while the stage runs: its actors and person index."""

    def __init__(self, article: Article, d: ActorDictionary, date: str | None) -> None:
        self.article = article
        self.d = d
        self.date = date
        self.actors: dict[str, Actor] = {}
        # name token (surname...) → [(offset of the full name, person actor id)], in text order
        self.tokens: dict[str, list[tuple[int, str]]] = {}
        self.titles: list[tuple[int, str, str]] = []  # (char offset, title key words, actor id)
        self.doc_surnames: set[str] = set()
        # countries the article names by name or demonym (not by a city), set before matching
        self.named: set[str] = set()

    def _index(self, key: str, offset: int, actor_id: str) -> None:
        entries = self.tokens.setdefault(key, [])
        if (offset, actor_id) not in entries:
            entries.append((offset, actor_id))

    def person_named(self, key: str, offset: int) -> str | None:
        """The person a one-word name refers to: the first one introduced with that word.

        News style names the main person first and tells others apart by full name each time
        ("Hillary Clinton ... Chelsea Clinton ... Clinton said" is Hillary Clinton). Measured on
        the PolNeAR gate slice: "the latest person with that word" and "the one in office"
        both lost speaker names against this rule.
        """
        entries = self.tokens.get(key, [])
        return entries[0][1] if entries else None

    def countries(self) -> set[str]:
        """The countries the article's resolved actors name so far."""
        return {a.country for a in self.actors.values() if a.country and a.kind == "country"}

    def all_countries(self) -> set[str]:
        """The countries of all the article's resolved actors so far (people, bodies and places
        too), IGOs apart."""
        return {a.country for a in self.actors.values() if a.country and not a.igo}

    # mentions and actors

    def add_actor(self, actor: Actor) -> Actor:
        if actor.kind == "location" and actor.country:
            held = resolve.country_on(actor.country, self.date)
            if held != actor.country:
                actor = resolve.location_actor(actor.name, held)  # "Juba" before 2011: Sudan
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = actor
            return actor
        # keep the first record; fill fields it lacks (a later mention may carry the title)
        for name in ("title", "affiliation", "sector", "country", "igo", "code"):
            if getattr(known, name) is None and getattr(actor, name) is not None:
                setattr(known, name, getattr(actor, name))
        return known

    def assign(self, mention: Mention, actor: Actor) -> None:
        mention.actor_id = self.add_actor(actor).id

    def attach(
        self, start: int, end: int, label: str, actor: Actor, prefer_existing: bool = True, nested: bool = True
    ) -> None:
        """Set the actor on the mention at ``[start, end)``, or add a mention there.

        A spaCy mention that covers the match with little more ("the Commonwealth of
        Independent States (CIS)") takes the actor instead of a second, nested mention.
        """
        placed = False
        for mention in self.article.mentions:
            if mention.label == "PERSON":
                continue
            same = mention.start == start and mention.end == end
            inside = nested and start <= mention.start and mention.end <= end
            covers = (
                mention.start <= start
                and end <= mention.end
                and mention.label in ("ORG", "NORP", "GPE", "LOC", "FAC")
                and (mention.end - mention.start) <= (end - start) + 6
            )
            if same or inside or covers:
                inner_country = self.d.country_names.get(_key(_strip_article(mention.text)))
                if inside and not same and inner_country and actor.kind != "country":
                    # "US President": the inner "US" stays the country
                    self.assign(mention, resolve.country_actor(inner_country, self.d))
                elif mention.actor_id is None or not prefer_existing or same or inside:
                    self.assign(mention, actor)
                placed = placed or same or covers
        if placed:
            return
        mention = Mention(text=self.article.text[start:end], label=label, start=start, end=end)
        self.assign(mention, actor)
        self.article.mentions.append(mention)

    # people

    def person(self, ent: Any) -> None:
        doc = ent.doc
        tokens = [t for t in ent if t.lower_ not in _HONORIFICS]
        # spaCy may fold a title word into the entity ("President Putin"): move it to the title
        lead: list[Any] = []
        while len(tokens) > 1 and _key(tokens[0].text) in self.d.titles:
            lead.append(tokens.pop(0))
        for cut, token in enumerate(tokens):
            if token.text in ("'s", "’s") and cut > 0:
                tokens = tokens[:cut]  # "Theresa May’s Brexit": the name ends at the possessive
                break
        while tokens and tokens[-1].text in ("'s", "’s", "'"):
            tokens.pop()
        # a leading word the tagger took into the name ("Injecting Clinton", "Crooked Hillary
        # Clinton"): a verb form or adjective is no given name
        while len(tokens) > 1 and tokens[0].tag_ in ("VBG", "VBN", "VBD", "VB", "JJ", "JJR", "JJS", "RB"):
            tokens.pop(0)
        # a name does not run across a line break ("Christal Hayes\n\nUSA")
        kept: list[Any] = []
        for token in tokens:
            if token.is_space:
                break
            kept.append(token)
        tokens = kept
        if not tokens:
            return
        # the name as written ("Bashar al-Assad", not the tokens "al - Assad" joined by spaces)
        name = " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
        name_start = tokens[0].i
        mention = self._mention_for(ent)
        if not name[:1].isupper() and not (
            self.d.people_index.get(_key(name)) and (lead or _pre_title(doc, name_start, self.d) is not None)
        ):
            # "bison": not a name; but "President obama" is, a listed name after a title
            return
        # a single name token already seen: the same person (linking is done here for order)
        if len(tokens) == 1 and _key(name) in self.tokens and not lead:
            mention.actor_id = self.person_named(_key(name), ent.start_char)
            return
        if len(tokens) == 1 and not lead and _key(name) in self.doc_surnames:
            return  # a surname whose full name comes later: linked by link_surnames
        if (
            len(tokens) == 1
            and not lead
            and (_place_not_person(tokens[0], self.d) or self._place_elsewhere(tokens[0].text))
        ):
            found_place = resolve.place(name, self.countries())
            if found_place is not None:
                mention.label = "GPE"
                self.assign(mention, resolve.location_actor(found_place[0], found_place[1]))
                return
            if self.subdivision(mention):
                mention.label = "GPE"
                return
        title_span = _pre_title(doc, name_start - len(lead), self.d)
        title_tokens = list(title_span) + lead if title_span is not None else lead
        title = _join(doc, title_tokens) if title_tokens else None
        if title is None:
            appos = _apposition(doc, ent.end, self.d)
            if appos is not None:
                title_tokens = list(appos)
                title = appos.text
                if title_tokens and title_tokens[0].lower_ in ("the", "a", "an"):
                    title = doc[appos.start + 1 : appos.end].text
        sector = resolve.title_sector([t.text for t in title_tokens], self.d) if title_tokens else None
        found = self._dictionary_person(name, titled=bool(title_tokens), title_sector=sector)
        igo, country, affiliation = self._affiliation(title_tokens)
        of_country = self._of_country(doc, tokens[-1].i + 1)
        if of_country is not None and not country and not igo:
            # "Prime Minister Kofi Mensah of Ghana": the country the name is "of"; a dictionary person of
            # another country is someone else with the same name
            country = of_country
            if found is not None and found.country and found.country != of_country:
                found = None
        former = any(t.lower_ in _FORMER for t in title_tokens)
        if igo:
            sector = "IGO"
        elif former:
            sector = "ELI"  # CAMEO codes former office holders as elites ("former President")
        if found is None and not country and not igo:
            country = self._undated_country(name, titled=bool(title_tokens))
        if found is None and not country and not igo:
            country = self._sole_country(title_tokens, sector)
        if found is not None:
            country = country or found.country
            if not igo and found.igo:
                igo, sector = found.igo, "IGO"
            if sector is None or (
                sector == "ELI" and not former and len(tokens) > 1 and found.sector in resolve.STATE_SECTORS
            ):
                # an elite's title ("Sheikh", "Prince") names no office; the one the person named
                # in full held that day does ("Prince Philip" by his given name alone is no one)
                sector = found.sector
            affiliation = affiliation or found.affiliation
            canonical = found.name
        else:
            canonical = name
        if country and not affiliation:
            affiliation = self.d.country_display(country)
        actor = resolve.person_actor(
            canonical, country=country, sector=sector, igo=igo, title=title, affiliation=affiliation
        )
        if found is not None and not title and found.code and not igo:
            actor.code = found.code
        actor = self.add_actor(actor)
        mention.actor_id = actor.id
        for token in tokens:
            if token.is_alpha and token.text[:1].isupper() and len(token.text) > 1:
                self._index(_key(token.text), ent.start_char, actor.id)
        self._index(_key(name), ent.start_char, actor.id)
        self._index(_key(canonical), ent.start_char, actor.id)
        if title_tokens:
            words = " ".join(t.lower_ for t in title_tokens)
            self.titles.append((ent.start_char, words, actor.id))

    def subdivision(self, mention: Mention) -> bool:
        """Resolve a place mention as a province, state or region (ISO 3166-2) of a country.

        "Sindh province", "the province of Sindh", "Borno state", "Rakhine State": a name the
        text marks as a unit (:data:`resolve.UNIT_MARKERS`) is the unit of that name. Unmarked
        ("violence in Sindh") it needs more: a first-level unit of a country the article names,
        whose name is no town elsewhere, no person and no common word
        (:data:`resolve.GENERIC_UNIT_WORDS`: "the Gulf" is a province of Papua New Guinea too); a
        marked name made of such words ("the Eastern Province") also needs its country named,
        and no marked name is a unit of a country other than those the article names or the
        other places of its sentence ("Kent County, Delaware"). A name several countries' units
        share ("Punjab") is the one of the single country the article names that has it, else
        unresolved. A body of the unit ("the government of Sindh province", "Sindh police") is
        that body of its country: CAMEO and PLOVER code a province's government as the
        country's (PAK GOV).

        Returns:
            Whether the mention was resolved.
        """
        doc = self.article.doc
        marker = _unit_marker(doc, mention)
        name = _strip_article(mention.text)
        countries = self.countries() | self.named
        # "the Kurdistan Region" is a name with its marker; "Sindh Province" a name and a marker
        unit = resolve.subdivision(name, countries)
        if unit is None and marker is not None:
            name = marker[2]
            unit = resolve.subdivision(name, countries)
        key = _key(name)
        if unit is None or not name[:1].isupper() or key in self.d.country_names or key in _AMBIGUOUS_COUNTRY:
            return False
        unit_name, iso3, unit_type, level = unit
        generic = any(w in resolve.GENERIC_UNIT_WORDS for w in key.split())
        # "the Gulf" is no province of Papua New Guinea's in an article without it, "Kent County,
        # Michigan" no English county in an article about the US
        if iso3 not in countries and (countries or marker is None or generic):
            return False
        if marker is not None and self._placed_elsewhere(mention, iso3):
            return False  # "Kent County, Delaware": Delaware is American
        if marker is None and (
            level != 1
            or unit_type not in _UNMARKED_UNIT_TYPES
            or generic
            or key in self.d.titles
            or key in _GIVEN_NAMES
            or self.d.people_for(key)
            or any(country != iso3 for country, _ in resolve.towns(name))
        ):
            return False
        self.assign(mention, resolve.location_actor(unit_name, iso3))
        start, end = marker[:2] if marker is not None else _token_range(doc, mention)
        # "Sindh police", "the Borno state government", "the government of Sindh province"
        body_end = end + 1 if end < len(doc) and doc[end].lower_ == "provincial" else end
        body: tuple[str, int, int] | None = None
        if (after := _state_body_after(doc, body_end, self.d)) is not None:
            body = (after[0], start, after[1])
        elif (before := _state_body_before(doc, _Match(start, end, "country", key), self.d)) is not None:
            body = (before[0], before[1], end)
        if body is not None:
            sector, first, stop = body
            last = doc[stop - 1]
            institution = resolve.sector_actor(iso3, sector, self.d)
            self.attach(_with_article(doc, first), last.idx + len(last), "INSTITUTION", institution, nested=False)
        return True

    def _place_elsewhere(self, text: str) -> bool:
        """The same word is tagged as a place elsewhere in the article (and is a known town)."""
        if self.d.people_for(_key(text)) or resolve.place(text) is None:
            return False
        return any(m.text == text and m.label in ("GPE", "LOC") for m in self.article.mentions)

    def _mention_for(self, ent: Any) -> Mention:
        for mention in self.article.mentions:
            if mention.start == ent.start_char and mention.end == ent.end_char:
                return mention
        mention = Mention(text=ent.text, label="PERSON", start=ent.start_char, end=ent.end_char)
        self.article.mentions.append(mention)
        return mention

    def _dictionary_person(self, name: str, titled: bool = False, title_sector: str | None = None) -> Actor | None:
        """The dictionary person of a name as of the article's date, or None.

        A listed name or alias is enough (Arabic articles and hyphens aside:
        :meth:`~communique.extract.resolve.ActorDictionary.people_for`). A bare surname
        ("President Bush") is accepted only when it points to one person in office on the
        article's date and the name carries a title or the person's country is already among
        the article's actors. A given name and surname that shorten a listed longer name
        ("President Omar Bashir" for "Omar Hassan Ahmad al Bashir") are accepted only with a
        title whose sector is the one of the office that person held on the article's date, in
        an article that names that office's country.
        """
        people = self.d.people_for(_key(name))
        if people:
            return resolve._pick_person(people, self.date, self.d)
        if not self.date:
            return None
        countries = {a.country for a in self.actors.values() if a.kind != "person"}
        words = resolve.name_variant(_key(name)).split(" ")
        if len(words) > 1:
            if title_sector is None:
                return None
            found = resolve._pick_person(self.d.people_by_surname(f"{words[0]} {words[-1]}"), self.date, self.d)
            # "Robert Nicholson, executive director of ..." is not the Canadian minister
            # Robert Douglas Nicholson: the office's country must be named too
            ok = found is not None and found.sector == title_sector and found.country in countries
            return found if ok else None
        found = resolve._pick_person(self.d.people_by_surname(words[0]), self.date, self.d)
        if found is None or not found.sector:
            return None
        return found if titled or found.country in countries else None

    def _undated_country(self, name: str, titled: bool) -> str | None:
        """The country of a name the dictionary knows but cannot place on the article's date.

        "President Bush" on a date outside both Bushes' terms, "President Omar Hassan El
        Bashir" before 1989: no single person fits, yet the people of that name tell the
        country. It is the one of their countries the article names, else -- for a
        titled name only -- the country a strict majority (two at least) of them served (George Bush and George
        W. Bush against one Cayman Islands premier). Only the country is taken, never a person.
        """
        people = self.d.people_for(_key(name))
        words = resolve.name_variant(_key(name)).split()
        if not people and words:
            # a full name is another person unless the given name agrees ("Omar Hassan El Bashir"
            # may be "Omar Hassan Ahmad al Bashir", "Arman Sadykov" is not "Kanat Sadykov")
            people = [
                p for p in self.d.people_by_surname(words[-1]) if len(words) == 1 or _key(p.name.split()[0]) == words[0]
            ]
        unique = list({id(p): p for p in people}.values())
        if not unique:
            return None
        votes: dict[str, int] = {}
        for person in unique:
            for iso3 in person.countries:
                votes[iso3] = votes.get(iso3, 0) + 1
        named_here = self.countries()
        named = [c for c in votes if c in named_here]
        if len(named) == 1:
            return named[0]
        if not titled or named:
            return None
        best = max(votes, key=lambda c: votes[c], default=None)
        # two bearers at least: one dictionary person of a common name ("King Faisal" -> a
        # Maldivian minister) is too thin a clue
        return best if best is not None and votes[best] >= 2 and 2 * votes[best] > len(unique) else None

    def _of_country(self, doc: Any, i: int) -> str | None:
        """The country of an "of" phrase right after a name ("Prime Minister Kofi Mensah of Ghana",
        "President Lula of Brazil"), from the mention resolved there; None otherwise.

        Args:
            doc: the parsed article.
            i: the index of the token after the name.

        Returns:
            ISO3, or None.
        """
        if i + 1 >= len(doc) or doc[i].lower_ != "of":
            return None
        start = doc[i + 1].idx if doc[i + 1].lower_ != "the" or i + 2 >= len(doc) else doc[i + 2].idx
        for mention in self.article.mentions:
            if mention.start == start and mention.actor_id:
                actor = self.actors.get(mention.actor_id)
                if actor is not None and actor.kind == "country" and actor.country:
                    return actor.country
        return None

    def _placed_elsewhere(self, mention: Mention, iso3: str) -> bool:
        """Whether another place of the mention's sentence is of another country than ``iso3``
        ("Kent County, Delaware": Delaware is American, so Kent is no English county here)."""
        sent = self.article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if sent is None:
            return False
        bounds = (sent.sent.start_char, sent.sent.end_char)
        for other in self.article.mentions:
            if other is mention or other.label != "GPE" or not bounds[0] <= other.start < bounds[1]:
                continue
            name = _strip_article(other.text)
            if _key(name) in self.d.country_names:  # a country, or a US state read as the US
                other_country: str | None = self.d.country_names[_key(name)]
            else:
                found = resolve.subdivision(name) or resolve.place(name)
                other_country = found[1] if found is not None else None
            if other_country is not None and other_country != iso3:
                return True
        return False

    def _sole_country(self, title_tokens: list[Any], sector: str | None) -> str | None:
        """The country of an unknown office holder in an article that names one country only.

        "Judge Ana Ruiz charged 12 Peruvian officials", "rebels in Chad rejected an appeal from
        President Idriss Deby" (a spelling the dictionary lacks): a state office named without
        its country is of the country the article is about. Not for outward-facing titles
        (``_OUTWARD_TITLES``: a foreign minister or an envoy is often the visitor), not for
        former office holders, nor when the article names no country or several.

        Args:
            title_tokens: the person's title, as tokens (empty: untitled, never placed).
            sector: the sector the title gives.

        Returns:
            ISO3, or None.
        """
        if not title_tokens or sector not in resolve.STATE_SECTORS:
            return None
        if any(t.lower_ in _OUTWARD_TITLES or t.lower_ in _FORMER for t in title_tokens):
            return None
        countries = self.countries()
        return next(iter(countries)) if len(countries) == 1 else None

    def _affiliation(self, title_tokens: list[Any]) -> tuple[str | None, str | None, str | None]:
        """(IGO short name, country ISO3, affiliation name) named inside a title.

        Uses the actors already resolved on the title's words (the dictionary matches are
        leftmost-longest, so "National Security Council" is not the UN's "Security Council").
        """
        if not title_tokens:
            return None, None, None
        start = min(t.idx for t in title_tokens)
        end = max(t.idx + len(t.text) for t in title_tokens)
        igo = country = None
        for mention in sorted(self.article.mentions, key=lambda m: m.start):
            if not mention.actor_id or mention.start < start or mention.end > end:
                continue
            actor = self.actors.get(mention.actor_id)
            if actor is None or actor.kind == "person":
                continue
            if actor.igo and igo is None:
                igo = actor.igo
            elif actor.country and country is None and actor.kind != "location":
                country = actor.country
        if igo:
            return igo, None, self.d.igos[igo].name
        if country:
            return None, country, self.d.country_display(country)
        return None, None, None

    def link_surnames(self) -> None:
        """One-word mentions that name a person seen in the article ("Guminsky", "Bush").

        PERSON mentions, and names the tagger took for a place or group when they are the
        surname of a full name in the article, become that person.
        """
        for mention in self.article.mentions:
            if mention.actor_id:
                continue
            word = mention.text.replace("’s", "").replace("'s", "").strip()
            key = _key(word)
            if " " in word or key not in self.tokens:
                continue
            if mention.label == "PERSON":
                mention.actor_id = self.person_named(key, mention.start)
            elif mention.label in ("GPE", "NORP", "ORG", "LOC") and key in self.doc_surnames:
                mention.label = "PERSON"
                mention.actor_id = self.person_named(key, mention.start)

    def link_bare_titles(self, doc: Any) -> None:
        """ "the minister", "the Executive Secretary" after a titled person → that person."""
        if not self.titles:
            return
        taken = [(m.start, m.end) for m in self.article.mentions]
        for token in doc:
            key = token.lower_
            entry = self.d.titles.get(key)
            if entry is None or entry[1] != "head" or token.i == 0:
                continue
            # the head of a definite noun phrase: "the (First Deputy) minister"
            start = token.i
            while (
                start > 0
                and (doc[start - 1].lower_ in self.d.titles or doc[start - 1].text[:1].isupper())
                and doc[start - 1].lower_ not in ("the",)
            ):
                start -= 1
            if start == 0 or doc[start - 1].lower_ != "the":
                continue
            if token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON":
                continue  # a pre-name title, handled with the person
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
                continue  # "the minister of X" names an office, not necessarily our person
            s_char, e_char = doc[start - 1].idx, token.idx + len(token.text)
            if any(a < e_char and s_char < b for a, b in taken):
                continue
            words = [doc[i].lower_ for i in range(start, token.i + 1)]
            candidates = [
                actor_id
                for offset, title, actor_id in self.titles
                if offset < s_char and all(w in title.split() for w in words)
            ]
            if not candidates:
                continue
            # the most recent person with that title; ambiguous when two different people have it
            distinct = list(dict.fromkeys(reversed(candidates)))
            if len(distinct) > 1:
                continue
            mention = Mention(
                text=self.article.text[s_char:e_char], label="TITLE", start=s_char, end=e_char, actor_id=distinct[0]
            )
            self.article.mentions.append(mention)
            taken.append((s_char, e_char))


# --- helpers -----------------------------------------------------------------------------------


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


class _PhraseTable:
    """Case-insensitive token-sequence matcher over the dictionary's aliases.

    It does what ``spacy.matcher.PhraseMatcher(attr="LOWER")`` plus ``filter_spans`` do for
    this use, but builds in under 0.1 s instead of 0.8 s for 6,300 aliases (PhraseMatcher needs
    one tokenized ``Doc`` per pattern, and tokenizing and building those dominates), which
    keeps dictionary loading within its 1 s budget. Aliases are split into tokens the way
    spaCy's English tokenizer splits names (:func:`_name_tokens`; checked against it on the
    shipped aliases: 360 of the 372 with punctuation agree, the rest are rare misspellings).
    """

    def __init__(self, d: ActorDictionary) -> None:
        self.table: dict[tuple[str, ...], tuple[str, str]] = {}
        self.lengths: dict[str, list[int]] = {}
        for key, category in d.aliases():
            written = resolve.written(key)
            words = (
                tuple(key.split(" ")) if _PLAIN.fullmatch(written) else tuple(w.lower() for w in _name_tokens(written))
            )
            if len(words) > 1 and words[0] == "the":
                words = words[1:]  # "the US": the match is the name, the article stays outside
            self._add(words, (category, key))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)

    def _add(self, words: tuple[str, ...], value: tuple[str, str]) -> None:
        if not words:
            return
        self.table.setdefault(words, value)
        lengths = self.lengths.setdefault(words[0], [])
        if len(words) not in lengths:
            lengths.append(len(words))

    def __call__(
        self, doc: Any, accept: Callable[[str, str, int, int], bool] | None = None
    ) -> list[tuple[tuple[str, str], int, int]]:
        """((category, alias key), start token, end token) of each match; overlaps go to the
        longest of the matches ``accept(category, key, start, end)`` keeps (so a refused long
        match, "US Secretary of state" in lower case, leaves room for "US")."""
        lower = [t.lower_ for t in doc]
        candidates: list[tuple[tuple[str, str], int, int]] = []
        n = len(lower)
        for i in range(n):
            lengths = self.lengths.get(lower[i])
            if not lengths:
                continue
            for length in lengths:
                if i + length <= n:
                    value = self.table.get(tuple(lower[i : i + length]))
                    if value is not None and (accept is None or accept(value[0], value[1], i, i + length)):
                        candidates.append((value, i, i + length))
                        break
        if len(candidates) < 2:
            return candidates
        taken: set[int] = set()
        chosen = []
        for category, start, end in sorted(candidates, key=lambda c: (c[1] - c[2], c[1])):
            if not taken.intersection(range(start, end)):
                chosen.append((category, start, end))
                taken.update(range(start, end))
        return sorted(chosen, key=lambda c: c[1])


_OPENERS = "(\"“'["
_CLOSERS = ')"”,;:]'
_INFIX = re.compile(r"(?<=[^\W\d_])([-–/])(?=[^\W\d_])")


def _name_tokens(text: str) -> list[str]:
    """Split a name as spaCy's English tokenizer does: quotes, brackets, commas and "'s"
    apart, hyphens between letters as tokens, abbreviation periods kept ("U.S.")."""
    out: list[str] = []
    for word in text.split():
        pre: list[str] = []
        post: list[str] = []
        while word and word[0] in _OPENERS:
            pre.append(word[0])
            word = word[1:]
        while word and word[-1] in _CLOSERS:
            post.insert(0, word[-1])
            word = word[:-1]
        for suffix in ("'s", "’s"):
            if word.endswith(suffix) and len(word) > 2:
                post.insert(0, suffix)
                word = word[: -len(suffix)]
        if len(word) > 1 and word.endswith("'") and word[-2] == "s":
            post.insert(0, "'")
            word = word[:-1]
        out.extend(pre + [p for p in _INFIX.split(word) if p] + post)
    return out


@functools.lru_cache(maxsize=4)
def _phrase_table(user_file: str | None) -> _PhraseTable:
    """The alias matcher of the dictionary for ``user_file``, built once per process."""
    return _PhraseTable(resolve.load_dictionary(user_file))


# spaCy labels of names that become actors of their own (kind "other": named events,
# programmes, awards, laws) when the dictionary does not know them. Organisations the
# dictionary does not know (spaCy ORG) stay unresolved: nothing says what they are or whose.
_NAMED_THINGS = frozenset({"EVENT", "WORK_OF_ART", "LAW"})
# Verbs whose subject country is where a named event happens ("Azerbaijan hosts the Forum").
_HOST_VERBS = frozenset({"host", "hold", "organize", "organise", "stage", "convene", "launch"})


# "pro-" / "anti-" right before a country word or at the start of the mention: a stance.
_STANCE_BEFORE = re.compile(r"(?i)\b(?:pro|anti)\s*[-\u2013]\s*$")
_STANCE_START = re.compile(r"(?i)^(?:pro|anti)\s*[-\u2013]")


def _drop_stance_countries(article: Article, actors: dict[str, Actor]) -> set[str]:
    """Drop the mentions that name a country as a stance, not a nationality.

    "pro-Russian separatists in Ukraine", "an anti-Syrian journalist in Beirut", "anti-American
    protesters", "Iran's proxies in Yemen": the group sides with or against the country and is
    not of it (PLOVER and
    CAMEO code it by where it is, which the event stage finds for unnamed groups). People and
    IGOs are left alone ("anti-corruption chief" names no country anyway). The mentions go:
    the group is then an unnamed one.

    Args:
        article: the article, its mentions resolved.
        actors: the actors resolved so far, by id.

    Returns:
        The ids of the actors whose mentions were unresolved.
    """
    dropped: set[str] = set()
    kept: list[Mention] = []
    # one text search spares the parse walk in the many articles without an ally noun
    allies = _ALLY_WORDS.search(article.text) is not None
    for mention in article.mentions:
        actor = actors.get(mention.actor_id or "")
        if actor is None or not actor.country or actor.kind == "person" or actor.igo:
            kept.append(mention)
            continue
        before = article.text[max(0, mention.start - 8) : mention.start]
        ally = _ally_noun(article, mention) if allies else None
        if not (_STANCE_BEFORE.search(before) or _STANCE_START.match(mention.text) or ally is not None):
            kept.append(mention)
            continue
        dropped.add(actor.id)
        home = _ally_home(article, ally, actors) if ally is not None and actor.sector else None
        if home is not None:
            # "Russia's militia allies inside Ukraine": the militia is of where it is
            placed = resolve.sector_actor(home, actor.sector or "")
            actors.setdefault(placed.id, placed)
            mention.actor_id = placed.id
            kept.append(mention)
    article.mentions = kept
    return dropped


# Nouns of a party that sides with another: "Israel's militia ally", "Iran's proxies in Yemen".
_ALLY_NOUNS = frozenset({"ally", "proxy", "client", "surrogate"})
_ALLY_WORDS = re.compile(r"\b(?:all(?:y|ies)|prox(?:y|ies)|clients?|surrogates?)\b", re.IGNORECASE)


def _ally_noun(article: Article, mention: Mention) -> Any | None:
    """The ally noun a mention qualifies ("Israel's militia ally", "Iran's proxies"): a group
    that sides with the country, not of it; None otherwise."""
    span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ in ("poss", "compound", "amod", "nmod") and head.pos_ == "NOUN" and head.lemma_.lower() in _ALLY_NOUNS:
        return head
    return None


def _ally_home(article: Article, ally: Any, actors: dict[str, Actor]) -> str | None:
    """The country where an ally is, from the place phrase on its noun ("ally in southern
    Lebanon" -> LBN); None without one."""
    for prep in ally.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside"):
            continue
        for token in prep.subtree:
            for mention in article.mentions:
                if mention.start <= token.idx < mention.end and mention.actor_id in actors:
                    actor = actors[mention.actor_id]
                    if actor.country and actor.kind in ("country", "location"):
                        return actor.country
    return None


def _named_thing(doc: Any, mention: Mention, run: _Run) -> Actor | None:
    """A named event, programme or law (``OTH:<slug>``, kind "other").

    Its country is that of a country or place named inside it ("the Baku International Theater
    Conference" → AZE), else the country that hosts it ("Azerbaijan regularly hosts the World
    Forum ..."); none otherwise.
    """
    name = _strip_article(mention.text).strip()
    words = name.replace("-", " ").split()
    if len(name) < 3 or not name[:1].isupper() or not any(w[:1].isupper() for w in words):
        return None
    inner = [
        run.actors[m.actor_id]
        for m in run.article.mentions
        if m.actor_id
        and m is not mention
        and mention.start <= m.start
        and m.end <= mention.end
        and m.actor_id in run.actors
    ]
    # "the Belarus-Azerbaijan" (a dyad cut short by the tagger) is no organisation
    if all(_key(w) in run.d.country_names or w in ("-", "and") for w in words):
        return None
    country = next((a.country for a in inner if a.country), None)
    if country is None:
        # a country or capital named inside ("the Baku International Theater Conference")
        for word in words:
            iso3 = run.d.country_names.get(_key(word))
            if iso3 and _key(word) not in _AMBIGUOUS_COUNTRY and word[:1].isupper():
                country = iso3
                break
    igo = next((a.igo for a in inner if a.igo), None)
    if country is None:
        country = _host_country(doc, mention, run)
    return Actor(id=f"OTH:{resolve.slug(name)}", name=name, kind="other", country=country, igo=igo)


def _host_country(doc: Any, mention: Mention, run: _Run) -> str | None:
    """The country whose name is the subject of "host"/"hold"... with this mention as object."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root.head
    if span.root.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in _HOST_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for m in run.article.mentions:
                if m.actor_id and m.start <= child.idx < m.end:
                    actor = run.actors.get(m.actor_id)
                    if actor is not None and actor.country:
                        return actor.country
    return None


def _not_a_person(match: _Match, d: ActorDictionary) -> bool:
    """Whether a PERSON entity that is exactly this dictionary match is really the match."""
    if match.category in ("igo", "organization", "armed"):
        return True  # an armed people is matched only before a rebel noun: "Karen guerrillas"
    if match.category != "country" or d.country_kind.get(match.key) == "capital":
        return False
    # towns and given names stay people ("Jordan", "Chad"); so do names of known people
    return match.key not in _GIVEN_NAMES and not d.people_for(match.key) and resolve.place(match.key) is None


def _name_like(ent: Any, d: ActorDictionary) -> bool:
    """Two or three capitalised words that are no known name, title or body word."""
    if not 2 <= len(ent) <= 3:
        return False
    for token in ent:
        key = _key(token.text)
        if not (token.is_alpha and token.is_title) or key in d.titles or key in _BODY_NOUNS:
            return False
        if key in d.country_names or key in d.igo_aliases or key in d.organizations:
            return False
    return _key(ent.text) not in d.institutions


def _titled(ent: Any, d: ActorDictionary) -> bool:
    """A title right before the entity or in an apposition right after it."""
    return _pre_title(ent.doc, ent.start, d) is not None or _apposition(ent.doc, ent.end, d) is not None


def _weak_igo_in_context(doc: Any, match: _Match, d: ActorDictionary) -> bool:
    """An IGO alias made only of office words ("Security Council", "General Assembly") that
    the text gives to someone else: after a country's possessive or name ("Russia's Security
    Council", "Iran's National Security Council") or inside a longer capitalised name
    ("the National Security Council")."""
    if match.category != "igo" or not resolve._generic(match.key, d):
        return False
    if match.start == 0:
        return False
    prev = doc[match.start - 1]
    if prev.text in ("'s", "’s") or _key(prev.text) in d.country_names:
        return True
    if prev.lower_ in ("the", "a", "an"):
        return False  # "The Security Council" opening a sentence
    return bool(prev.text[:1].isupper() and prev.is_alpha and prev.i > prev.sent.start)


def _inside_larger_name(doc: Any, match: _Match, ents_by_token: dict[int, Any]) -> str | None:
    """The label of a longer spaCy ORG/FAC/EVENT/WORK_OF_ART name the match lies inside."""
    ent = ents_by_token.get(match.start)
    if ent is None or ent.label_ not in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"):
        return None
    inner = ent[1:] if ent[0].lower_ == "the" else ent
    inside = (inner.start, inner.end) != (match.start, match.end) and ent.start <= match.start and match.end <= ent.end
    return str(ent.label_) if inside else None


# Lower-case particles inside names ("al-Shabab", "bin Laden", "de la Rua").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "la", "le", "van", "von", "da", "du", "der", "ul", "y"})


def _capitalised(span: Any) -> bool:
    """Every content word starts with a capital (names, not common words: "china" plates)."""
    for token in span:
        low = token.lower_
        if token.is_alpha and low not in _TITLE_GLUE and low not in _NAME_PARTICLES and not token.text[:1].isupper():
            return False
    return True


def _looks_demonym(span: Any) -> bool:
    return span[-1].tag_ in ("JJ", "NNPS") or span[-1].pos_ == "ADJ" or span.text.endswith(("ese", "ian", "ish", "i"))


_CAPITALS: dict[str, str] = {}


# Last words of the names of domestic political bodies: parties, fronts, movements, armed
# groups. A name ending so is of the country its article is about (NGOs, usually named
# "... Watch", "... International", "... Foundation", are not: they report on others).
# Hand-written.
_DOMESTIC_BODY_WORDS = frozenset(
    {"front", "party", "movement", "army", "brigade", "brigades", "alliance", "congress", "coalition", "militia"}
)


def _of_country_name(text: str, d: ActorDictionary) -> str | None:
    """The country an organisation's name ends "of" ("the Liberation Front of Chad",
    "Movement for the Salvation of Niger"); None otherwise."""
    words = _strip_article(text).split()
    if len(words) < 3 or words[-2].lower() != "of" or not words[0][:1].isupper():
        return None
    key = _key(words[-1])
    if d.country_kind.get(key) not in ("name", "alias"):
        return None
    return d.country_names.get(key)


def _domestic_body_name(text: str) -> bool:
    """A capitalised name of two words or more ending in a domestic body word ("Islamic
    Liberation Front", "the Progressive Labour Party")."""
    words = _strip_article(text).split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the") for w in words)
        and words[-1].lower() in _DOMESTIC_BODY_WORDS
    )


def _named_after_country(text: str, d: ActorDictionary) -> bool:
    """A name of two words or more whose first word is a country's name or demonym and whose
    last is a capitalised word ("Ghana Football Association"; not "Uganda" alone, nor a name
    starting with a country that is also a given name, "Jordan Smith Associates")."""
    words = _strip_article(text).split()
    return (
        len(words) >= 2
        and words[-1][:1].isupper()
        and _key(words[0]) in d.country_names
        and _key(words[0]) not in _GIVEN_NAMES
        and d.country_kind.get(_key(words[0])) in ("name", "alias", "demonym")
    )


# Faiths named after a country word ("American Muslims", "Iraqi Christians"): their leaders are
# a community's, not the government (see _compound_demonyms).
_FAITHS = frozenset(
    {"jew", "jews", "jewish", "muslim", "muslims", "christian", "christians", "shiite", "shiites", "shia", "sunni",
     "sunnis", "druze", "copts"}
)  # fmt: skip
# Peoples named after a country word in a compound demonym, "<country word> <people>": the
# people of that country ("Croatian Serbs", "Bosnian Croats", "Kosovo Albanians", "Iraqi Kurds",
# "Syrian Christians", "Malaysian Chinese"), as CAMEO and PLOVER code them (by where they live).
# Ethnonyms and faiths that name minorities across borders; a nationality of a state of
# immigrants or citizens ("Chinese American", "Turkish Cypriot": the second word is the state)
# is not one. Singular adjectives that also make dyads ("Russian", "Greek", "Armenian": "the
# Turkish Greek talks") only in their plural. Hand-written.
_ETHNONYMS = frozenset(
    {
        "serb", "serbs", "croat", "croats", "albanian", "albanians", "bosniak", "bosniaks",
        "hungarians", "russians", "greeks", "armenians", "turk", "turks", "azeris", "uzbek",
        "uzbeks", "tajik", "tajiks", "turkmen", "kazakhs", "somali", "somalis", "chinese",
        "kurd", "kurds", "kurdish", "tamil", "tamils", "pashtun", "pashtuns", "baluch", "hazara",
        "hazaras", "arab", "arabs", "roma",
    }
) | _FAITHS  # fmt: skip
# Nouns after a pair of country words that make it a dyad ("the Albanian Serb border").
_DYAD_NOUNS = frozenset(
    {"border", "borders", "frontier", "relations", "ties", "talks", "war", "conflict", "summit", "trade", "exercises",
     "relationship", "cooperation", "peace", "deal", "agreement", "accord", "negotiations", "dialogue", "tensions",
     "dispute", "alliance", "partnership", "deficit"}
)  # fmt: skip


def _compound_demonyms(doc: Any, matches: list[_Match], d: ActorDictionary) -> list[_Match]:
    """Join a country word and the people named after it into one match of the first country.

    "Croatian Serb refugees" are refugees of Croatia (HRV REF, not Serbia), "Iraqi Kurdish
    fighters" are of Iraq: a country's name or demonym (not a capital), then, with nothing in
    between, a word of :data:`_ETHNONYMS` (itself a one-word country match or not, which is
    dropped), unless a dyad noun follows ("the Albanian Serb border").
    """
    out: list[_Match] = []
    skip_from = -1
    starts = {m.start: m for m in matches}
    for match in matches:
        if match.start < skip_from:
            continue
        nxt = match.end
        longer = starts.get(nxt)
        if (
            match.category == "country"
            and nxt < len(doc)
            and d.country_kind.get(match.key) in ("name", "alias", "demonym")
            and (longer is None or longer.end == nxt + 1)  # not "Turks and Caicos Islands"
            and doc[nxt].lower_ in _ETHNONYMS
            and doc[nxt].text[:1].isupper()
            and not (nxt + 1 < len(doc) and doc[nxt + 1].lower_ in _DYAD_NOUNS)
            and d.country_names.get(_key(doc[nxt].text)) != d.country_names[match.key]
            and _people_not_second_country(doc, nxt, d)
        ):
            out.append(_Match(match.start, nxt + 1, "country", match.key, compound=True))
            skip_from = nxt + 1
            continue
        out.append(match)
    return out


def _people_not_second_country(doc: Any, i: int, d: ActorDictionary) -> bool:
    """Whether the ethnonym at ``i`` after a country word names a people, not a second country:
    a singular that is also a country's demonym ("Chinese", "Somali", "Serb") only before a
    people or group noun ("Croatian Serb refugees"; "joint Russian Chinese exercises" are two
    countries'); plurals ("Croatian Serbs") and words of no country ("Kurdish") always."""
    word = doc[i].lower_
    if _key(doc[i].text) not in d.country_names or word.endswith("s"):
        return True
    return i + 1 < len(doc) and doc[i + 1].lower_ in d.titles


def _named_countries(matches: list[_Match], d: ActorDictionary) -> set[str]:
    """The countries an article names by their name or demonym (capitals and other cities
    excluded: they are what this set helps to place)."""
    named = set()
    for match in matches:
        if match.category != "country" or d.country_kind.get(match.key) == "capital":
            continue
        iso3 = d.country_names[match.key]
        if not _is_city_alias(match.key, iso3):
            named.add(iso3)
    return named


# A capital's namesake is read as the town only from this size up: "Tripoli" in Lebanon
# (about 230,000) is a city in the news, "Moscow" in Idaho or "Paris" in Texas (about 25,000)
# is not, and a US article on a visit to Moscow names no Russia when it says "Soviet".
_NAMESAKE_POPULATION = 100_000


def _namesake_town(name: str, iso3: str, named: set[str]) -> str | None:
    """The country of a city named like a capital, when the article names that country and
    not the capital's own ("Tripoli" with Lebanon named and Libya not: LBN); else None."""
    if not named or iso3 in named:
        return None
    for country, population in resolve.towns(name):
        if country in named and country != iso3 and population >= _NAMESAKE_POPULATION:
            return country
    return None


def _is_capital(key: str, iso3: str) -> bool:
    """Whether ``key`` is the capital (or a stand-in city) of ``iso3`` in the dictionary."""
    d = resolve.load_dictionary()
    return d.country_kind.get(key) == "capital" or (
        resolve.place(key) is not None and d.country_kind.get(key) == "alias" and _is_city_alias(key, iso3)
    )


def _is_city_alias(key: str, iso3: str) -> bool:
    found = resolve.place(key)
    if found is None:
        return False
    d = resolve.load_dictionary()
    # a country's own name that is also a town somewhere is not a city alias ("Georgia")
    return found[1] == iso3 and _key(d.country_display(iso3)) != key


def _dateline(span: Any) -> bool:
    """A place name in capitals opening the text or a line ("SEOUL (Reuters) - ...")."""
    if not span.text.isupper():
        return False
    return span.start == 0 or "\n" in span.doc[span.start - 1].text_with_ws or span.doc[span.start - 1].is_space


# Capitals whose use as a stand-in for a government is contested; always places.
_CONTESTED_CAPITALS = frozenset({"jerusalem"})
# Verbs whose subject is described, not acting ("Jerusalem will remain its capital").
_COPULAS = frozenset({"be", "remain", "become", "lie", "sit", "stand", "look", "seem"})
# Verbs whose object is the city as a place ("entered Baghdad", "shelled Aleppo").
_PLACE_VERBS = frozenset(
    {
        "visit",
        "leave",
        "reach",
        "enter",
        "tour",
        "attack",
        "bomb",
        "shell",
        "capture",
        "seize",
        "hit",
        "strike",
        "besiege",
        "surround",
        "flee",
        "evacuate",
        "rebuild",
        "host",
        "storm",
        "take",
        "retake",
        "liberate",
        "occupy",
        "fly",
        "travel",
        "move",
        "return",
        "call",
        "rock",
        "shake",
        "flood",
        "control",
        "defend",
        "encircle",
        "raid",
        "target",
        "approach",
    }
)
# Nouns of relations between governments ("relations between Baku and Minsk").
_RELATION_NOUNS = frozenset(
    {
        "relation",
        "tie",
        "talk",
        "agreement",
        "dispute",
        "tension",
        "war",
        "conflict",
        "deal",
        "treaty",
        "negotiation",
        "dialogue",
        "cooperation",
        "trade",
        "summit",
        "meeting",
        "rift",
        "feud",
        "standoff",
        "rapprochement",
        "partnership",
        "rivalry",
        "exchange",
        "contact",
    }
)
# Nouns a city owns as a place, not as a government ("Jerusalem's status", "Baku's streets").
_CITY_NOUNS = frozenset(
    {
        "status",
        "population",
        "residents",
        "inhabitants",
        "streets",
        "mayor",
        "centre",
        "center",
        "outskirts",
        "airport",
        "suburbs",
        "old",
        "skyline",
        "neighbourhoods",
        "neighborhoods",
        "districts",
        "people",
        "citizens",
        "port",
        "university",
        "municipality",
        "city",
        "council",
    }
)


def _acts(span: Any) -> bool:
    """A capital used as an actor: the subject of a verb that is not a copula, a possessor of
    something other than city things, the object of a verb that does not treat it as a place,
    the partner in "talks with" / "relations between", or conjoined with any of these."""
    if _key(span.text) in _CONTESTED_CAPITALS:
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in _PLACE_PREPS:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "Baku and Minsk agreed": Minsk acts as Baku does
    return _acting_role(root)


def _acting_role(root: Any) -> bool:
    """Whether the syntactic role of ``root`` (a place name's head token) is an actor's."""
    dep = root.dep_
    if dep in ("nsubj", "nsubjpass"):
        return bool(root.head.lemma_.lower() not in _COPULAS)
    if dep == "poss":
        return bool(root.head.lower_ not in _CITY_NOUNS)
    if dep in ("dobj", "obj"):
        # "Washington sanctioned Pyongyang"; not "troops entered Baghdad"
        return bool(root.head.lemma_.lower() not in _PLACE_VERBS)
    if dep == "pobj" and root.head.lower_ == "between":
        # "relations between Baku and Minsk"; not "the road between Baku and Ganja"
        return bool(root.head.head.lemma_.lower() in _RELATION_NOUNS)
    if dep == "pobj" and root.head.lower_ in ("with", "against", "toward", "towards"):
        # "talks with Beijing", "sanctions against Moscow"
        return bool(root.head.head.lower_ not in _CITY_NOUNS)
    return False


def _state_body_after(doc: Any, end: int, d: ActorDictionary) -> tuple[str, int] | None:
    """A body or group noun phrase right after a country match, with its sector.

    "Azerbaijan's parliament" → (LEG, end), "Iraq's national security adviser" → (GOV, end),
    "Georgian demonstrators" → (OPP, end), "Syrian state media" → (MED, end). The phrase is up
    to four title words (``titles.tsv``) ending in a head word; the sector is that of
    :data:`_STATE_BODIES` for the phrase, else the title's.
    """
    i = end
    if i < len(doc) and doc[i].text in ("'s", "’s", "'"):
        i += 1
    # "US and British activists": the first country shares the body of the second
    if i + 1 < len(doc) and doc[i].lower_ in ("and", "or", ",") and _key(doc[i + 1].text) in d.country_names:
        found = _state_body_after(doc, i + 2, d)
        return (found[0], end) if found is not None else None
    j = i
    last_head = -1
    while j < len(doc) and j - i < 4:
        key = doc[j].lower_
        entry = d.titles.get(key)
        if entry is None and key not in _STATE_BODIES:
            # a two-word title whose first word is no title ("web sites", "state secretary")
            pair = f"{key} {doc[j + 1].lower_}" if j + 1 < len(doc) else ""
            entry = d.titles.get(pair)
            if entry is None:
                break
            j += 1
        if key in _STATE_BODIES or (entry is not None and entry[1] == "head"):
            last_head = j
        j += 1
    if last_head < 0:
        return None
    stop = last_head + 1
    # not a pre-name title ("Russian President Putin", "U.S. Secretary of State Mike Pompeo")
    if _title_runs_into_person(doc, stop, d):
        return None
    words = [t.lower_ for t in doc[i:stop]]
    sector = _STATE_BODIES.get(" ".join(words[-2:])) or _STATE_BODIES.get(words[-1])
    # a non-government body word before the head decides it ("military leaders" → MIL)
    for word in words[:-1]:
        if _STATE_BODIES.get(word) not in (None, "GOV"):
            sector = _STATE_BODIES[word]
            break
    sector = sector or resolve.title_sector(words, d)
    return (sector, stop) if sector else None


def _state_body_before(doc: Any, match: _Match, d: ActorDictionary) -> tuple[str, int] | None:
    """A body or group noun phrase before "in/of/from <country>", with its sector.

    "a court in Guyana" → (JUD, start of "court"), "the government of Sindh"..., "exiled
    dissidents from Egypt" → (OPP, ...). Not a pre-name title ("the President of Azerbaijan
    Ilham Aliyev" is the person) and not a place phrase ("the capital of Azerbaijan").
    """
    prep = match.start - 1
    # adjectives between the preposition and the country ("from military-ruled Myanmar")
    while (
        prep > 0 and match.start - prep <= 4 and (doc[prep].tag_ in ("JJ", "VBN", "HYPH") or doc[prep + 1].text == "-")
    ):
        prep -= 1
    if prep < 1 or doc[prep].lower_ not in ("in", "of", "from"):
        return None
    if match.end < len(doc) and doc[match.end].ent_type_ == "PERSON":
        return None
    if _owns_a_name(doc, match.end, d):
        return None  # "leaders of Ruritania's Farmers League" lead the league, not the state
    head = prep - 1
    key = doc[head].lower_
    entry = d.titles.get(key)
    if key not in _STATE_BODIES and (entry is None or entry[1] != "head"):
        return None
    if key in _OUTWARD_BODIES and doc[prep].lower_ == "in":
        return None  # "the ambassador in Moldova", "the embassy in Iraq" are another country's
    start = head
    while start - 1 >= 0 and head - start < 2 and doc[start - 1].lower_ in d.titles:
        start -= 1
    if start > 0 and doc[start - 1].ent_type_ in ("GPE", "NORP"):
        return None  # "the US commander in Iraq" is American: the body has its own country
    words = [t.lower_ for t in doc[start : head + 1]]
    sector = _STATE_BODIES.get(" ".join(words[-2:])) or _STATE_BODIES.get(words[-1]) or resolve.title_sector(words, d)
    return (sector, start) if sector else None


def _owns_a_name(doc: Any, end: int, d: ActorDictionary) -> bool:
    """Whether the country ending at token ``end`` is a possessive on a listed non-state
    organisation ("Egypt's Muslim Brotherhood"; not "Egypt's Foreign Ministry", nor a name the
    dictionary does not know, which keeps the country's state)."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("'s", "’s"):
        return False
    words: list[str] = []
    for token in doc[end + 1 : end + 6]:
        if not token.text[:1].isupper():
            break
        words.append(token.text)
        if _key(" ".join(words)) in d.organizations:
            return True
    return False


def _title_runs_into_person(doc: Any, i: int, d: ActorDictionary) -> bool:
    """Whether the words from token ``i`` continue a title up to a PERSON name (at most six
    title words, glue words or capitalised words in between)."""
    for j in range(i, min(i + 7, len(doc))):
        token = doc[j]
        if token.ent_type_ == "PERSON":
            return True
        if not (token.lower_ in _TITLE_GLUE or token.lower_ in d.titles or token.text[:1].isupper()):
            return False
    return False


def _with_article(doc: Any, start: int) -> int:
    """The character offset of token ``start``, or of the article right before it."""
    if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
        return int(doc[start - 1].idx)
    return int(doc[start].idx)


def _igo_bodies(doc: Any, igo_start: int) -> list[tuple[int, int]]:
    """Bodies named "<Body> ... of (the) <IGO>", with bodies coordinated before them.

    Returns character ranges of each body noun phrase (without the IGO itself).
    """
    i = igo_start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i == 0 or doc[i - 1].lower_ != "of":
        return []
    sent_start = doc[igo_start].sent.start
    bodies: list[tuple[int, int]] = []
    end = i - 1  # token index of "of"
    cursor = end
    while cursor > sent_start:
        # walk left over one capitalised noun phrase that contains a body noun
        j = cursor - 1
        has_body = False
        while j >= sent_start and (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "and", "for")):
            if doc[j].lower_ in _BODY_NOUNS:
                has_body = True
            if doc[j].lower_ == "and" and not doc[j - 1].text[:1].isupper():
                break
            j -= 1
        phrase_start = j + 1
        # do not swallow a coordination: split at " and " inside capitalised runs is rare
        if not has_body or phrase_start >= cursor:
            break
        while phrase_start < cursor and doc[phrase_start].lower_ in ("of", "and", "for"):
            phrase_start += 1
        start_tok = phrase_start - 1 if phrase_start > 0 and doc[phrase_start - 1].lower_ == "the" else phrase_start
        bodies.append((doc[start_tok].idx, doc[cursor - 1].idx + len(doc[cursor - 1].text)))
        # coordinated before: ", the X" / "and the X"
        k = start_tok
        if k > sent_start and doc[k - 1].lower_ in (",", "and"):
            k -= 1
            if k > sent_start and doc[k - 1].text == ",":
                k -= 1
            cursor = k
            continue
        break
    return bodies


def _pre_title(doc: Any, name_start: int, d: ActorDictionary) -> Any:
    """The title written right before a name, or None ("CIS Executive Secretary Viktor ...")."""
    i = name_start - 1
    sent_start = doc[name_start].sent.start
    while i >= sent_start:
        token = doc[i]
        text = token.text
        low = token.lower_
        if text in _HARD_STOP or low in _HARD_STOP or "—" in text or "\n" in token.text_with_ws:
            break
        if token.ent_type_ == "PERSON" and _key(text) not in d.country_names:
            break  # another person (a demonym the tagger took for one is part of the title)
        if low in ("and", "or") and i + 1 < name_start and doc[i + 1].lower_ in ("the", "a", "an"):
            break  # "U.S. military leaders and the Obama White House": a coordination, not a title
        if low in _TITLE_GLUE or text[:1].isupper() or low in d.titles or token.ent_type_ in ("NORP", "GPE", "ORG"):
            if token.pos_ in ("VERB", "AUX") and not text[:1].isupper():
                break
            i -= 1
            continue
        break
    start = i + 1
    # trim leading glue and sentence-initial words that are not part of a title
    while start < name_start and (doc[start].lower_ in _TITLE_GLUE or not _title_word(doc[start], d)):
        if _title_word(doc[start], d) and doc[start].lower_ not in _TITLE_GLUE:
            break
        start += 1
    if start >= name_start:
        return None
    # "head of state of Prime Minister X": a capitalised title starts at its first capital;
    # a lower-case "former"/"acting" right before it stays
    capitals = [i for i in range(start, name_start) if doc[i].text[:1].isupper()]
    if capitals and capitals[0] > start:
        first = capitals[0]
        while first > start and doc[first - 1].lower_ in _KEPT_MODIFIERS:
            first -= 1
        start = first
    span = doc[start:name_start]
    if not any(_key(t.text) in d.titles and d.titles[_key(t.text)][1] == "head" for t in span):
        return None
    # a lower-case word the scan stopped at ("Nigerian junior foreign minister X") may hide a
    # country word before it that the parser hangs on the title: take the modifiers back to it
    first = start
    while first > sent_start and doc[first - 1].dep_ in ("amod", "compound", "nmod", "poss"):
        if not start <= doc[first - 1].head.i < name_start + 1 or doc[first - 1].text in _HARD_STOP:
            break
        first -= 1
    if first < start and any(t.ent_type_ in ("NORP", "GPE") for t in doc[first:start]):
        return doc[first:name_start]
    return span


# Bodies and offices of a country that sit in another one: "in <country>" after them names
# where they are, not whose ("the embassy in Iraq"; "the ambassador of Iraq" is Iraq's).
_OUTWARD_BODIES = frozenset(
    {"embassy", "embassies", "consulate", "consulates", "ambassador", "ambassadors", "envoy", "envoys", "consul"}
)
# Title words of offices that act abroad: their holder is often the visitor, not of the country
# the article is about ("Foreign Minister X arrived in Kenya"). Hand-written.
_OUTWARD_TITLES = frozenset(
    {"foreign", "ambassador", "envoy", "emissary", "diplomat", "consul", "external", "special", "visiting"}
)
# Title words that mark a former office holder (CAMEO sector ELI).
_FORMER = frozenset({"former", "ex", "ex-", "late", "then-former", "ousted", "deposed", "toppled", "exiled"})
# Lower-case words kept before a capitalised title ("former President").
_KEPT_MODIFIERS = frozenset({"former", "acting", "then", "ex", "deputy", "late", "outgoing", "incoming"})


def _title_word(token: Any, d: ActorDictionary) -> bool:
    """A word that can open a title: a title word (alone or with the next word: "Prime
    Minister"), a country/IGO word, or an org entity."""
    low = _key(token.text)
    if low in d.titles:
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and f"{low} {nxt.lower_}" in d.titles:
        return True
    if low in d.country_names or low in d.igo_aliases:
        return True
    return token.ent_type_ in ("NORP", "GPE", "ORG")


def _apposition(doc: Any, name_end: int, d: ActorDictionary) -> Any:
    """ ", the foreign minister of Y," after a name: the title span, or None."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    start = name_end + 1
    end = start
    sent_end = doc[name_end].sent.end
    while end < sent_end and doc[end].text not in (",", ";", "(", ")", "“", "”", '"', ".") and end - start < 14:
        if doc[end].pos_ in ("VERB", "AUX") and doc[end].tag_ not in ("VBN", "VBG"):
            return None
        end += 1
    if end == start:
        return None
    span = doc[start:end]
    first = span[0].lower_
    has_head = any(_key(t.text) in d.titles and d.titles[_key(t.text)][1] == "head" for t in span)
    if not has_head:
        return None
    if (
        first not in ("the", "a", "an")
        and _key(span[0].text) not in d.titles
        and span[0].ent_type_ not in ("NORP", "GPE", "ORG")
    ):
        return None
    return span


def _place_not_person(token: Any, d: ActorDictionary) -> bool:
    """A one-word PERSON entity that is really a town or province: a known place, not a known
    person, and placed like a town ("in Ganja", "the cities of Gabala and Ganja", "Gabala and
    Ganja" when Gabala is a place; "fighting in Tigray")."""
    if d.people_for(_key(token.text)) or (
        resolve.place(token.text) is None and resolve.subdivision(token.text) is None
    ):
        return False
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.lower_ in _PLACE_PREPS:
        return True
    if prev is not None and prev.lower_ in ("of",) and token.i > 1 and doc[token.i - 2].lower_ in _PLACE_NOUNS:
        return True
    for other in (token.head, *token.conjuncts):
        if other is not token and other.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        # conjoined with another town the tagger did not call a place ("Lyon and Marseille")
        if (
            other in token.conjuncts
            and other.ent_type_ != "PERSON"
            and other.text[:1].isupper()
            and resolve.place(other.text) is not None
            and not d.people_for(_key(other.text))
        ):
            return True
        if other is not token and other.lower_ in _PLACE_NOUNS:
            return True
    return False


_PLACE_NOUNS = frozenset({"city", "cities", "town", "towns", "village", "villages", "region", "province", "capital"})

# Unit types of ISO 3166-2 read without a marker (first level only): the provinces and states
# news names bare ("fighting in Helmand"); districts, municipalities and communes are named
# like their towns.
_UNMARKED_UNIT_TYPES = frozenset(
    {"Province", "State", "Region", "Governorate", "Prefecture", "Autonomous region", "Regional state", "Republic",
     "Administrative region", "Autonomous community", "Autonomous republic", "Department", "County", "Land",
     "Voivodship", "Division", "Union territory", "Federal district", "Emirate", "Territory", "Canton"}
)  # fmt: skip


def _token_range(doc: Any, mention: Mention) -> tuple[int, int]:
    """The token indices [start, end) of a mention (a leading "the" left out)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    start = span.start + 1 if span[0].lower_ == "the" and len(span) > 1 else span.start
    return start, span.end


def _unit_marker(doc: Any, mention: Mention) -> tuple[int, int, str] | None:
    """(start, end, name) of a place name the text marks as an administrative unit.

    "Sindh province", "Rakhine State" (the marker inside or right after the name), "the
    province of Sindh" (before it, with "of"): the token range covers name and marker, and
    name is the name alone. None for an unmarked name.
    """
    start, end = _token_range(doc, mention)
    if end - start > 1 and doc[end - 1].lower_ in resolve.UNIT_MARKERS:
        return start, end, doc[start : end - 1].text  # the marker inside the entity
    if end < len(doc) and doc[end].lower_ in resolve.UNIT_MARKERS:
        return start, end + 1, doc[start:end].text
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in resolve.UNIT_MARKERS:
        first = start - 2
        if first > 0 and doc[first - 1].lower_ == "the":
            first -= 1
        return first, end, doc[start:end].text
    return None


def _join(doc: Any, tokens: list[Any]) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _georgia_reading(text: str) -> str:
    """ "country", "us" or "unknown" for the name Georgia in this text (see module docstring)."""
    if "Georgia" not in text:
        return "country"
    us = bool(_US_STATE_CUES.search(text))
    country = bool(_GEORGIA_COUNTRY_CUES.search(text))
    if us and not country:
        return "us"
    if us and country:
        return "unknown"
    return "country"


@stages.register("actors.rules.v1", requires=["doc", "mentions"], assigns=["mentions", "actors"])
def make_actor_stage(settings: Any) -> ActorStage:
    """Countries, organisations and people recognised and resolved to time-aware actor codes."""
    actors = getattr(settings, "actors", None)
    user_file = getattr(actors, "user_file", None) if actors is not None else None
    return ActorStage(user_file=user_file or None)
