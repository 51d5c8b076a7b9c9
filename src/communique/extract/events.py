"""Stage ``events.rules.v1``: PLOVER events with CAMEO codes, Goldstein scores, roles and evidence.

How a sentence is coded, in order:

1. **Triggers.** Verbs whose lemma is in our lexicon (``data/event_patterns.tsv``) or in
   PETRARCH2's verb dictionary (``data/cameo_verbs.tsv``), and nouns of our lexicon ("talks",
   "conference", "sanctions"), found with one vectorised lemma lookup per document. A row
   whose *cue* lemma occurs among the trigger's arguments wins ("refused ... to meet" -> 125,
   "imposed sanctions" -> 163); PETRARCH patterns refine its verbs the same way. Codes without
   a PLOVER type (CAMEO 01 statements) are dropped; reporting verbs are never events, but a
   reported "must/should" clause is a demand.
2. **One event per construction.** A trigger inside the arguments of another trigger is folded
   into it ("offered to hand over" is one AGREE; "condemned the attack" one ACCUSE); a light
   verb gives way to its event noun ("staged a protest").
3. **Modality.** Negated ("did not meet"), hypothetical ("could", "if ..."), subjunctive
   ("demanded that X ease") and noun-infinitive ("the right to fire") events are not coded;
   future cooperative events and stated willingness become AGREE (PLOVER manual), announced
   coercion THREATEN, a negated promise REJECT.
4. **Roles** from the dependency parse: subject -> source, object / dative / prepositional
   object -> target; passive "X was awarded ... by Y" swaps them; coordinated actors are
   candidates and reciprocal triggers ("talks between X and Y", "X and Y agreed") pair the
   participants; one event per trigger is kept (resolved actors first, the PLOVER convention),
   or, with ``convention="cameo"`` (setting ``events.convention``), one per coded
   source-target pair plus the other direction of a mutual act (CAMEO 040/041/044/046 and
   reciprocal lexicon rows) and the converse of a visit or hosting (042 <-> 043), and a named
   actor's claim that force was used is its accusation (112); nominal triggers take the
   subject of their governing verb ("said at a conference") and the actors inside their own
   phrase. Without a direct actor the roles come
   from the that-clause of a demand, the objects of an open complement, recipients and agents
   on object nouns, a protest's purpose clause and, last, the country of the place of the act;
   unnamed groups are the country their phrase or their act places them in (``docs/events.md``
   lists the constructions). Actors come from the mentions
   resolved by ``actors.rules.v1`` (``Mention.actor_id`` -> ``article.actors``). Inside a
   quotation the speaker is the source only for first-person subjects ("we will ..."), and
   praise spoken in a quote is SUPPORT from the speaker (``quotes.rules.v1``, when run).
5. **Context, when and where** (``when_where``): PLOVER contexts from signal words; the
   clause's explicit date else the article date; a place attached to the clause, with
   coordinates. An organisation the actor stage left unresolved inside a passive object is
   looked up (``resolve.lookup``) and added to ``article.actors``.

Example:
    >>> from communique.pipeline import Pipeline                         # doctest: +SKIP
    >>> a = Pipeline().process_text("Russia condemned the attack.", date="2018-11-14")  # doctest: +SKIP
    >>> a.events[0].type, a.events[0].cameo                              # doctest: +SKIP
    ('ACCUSE', '111')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER

from communique.extract._lexicon import CameoCode, EventLexicon, OwnRule, load_lexicon
from communique.extract.actors import _dateline
from communique.extract.when_where import event_date, event_location
from communique.model import Actor, Article, EventActor, EventRecord, Mention, Offsets, Quote, Span
from communique.registry import stages

__all__ = ["EventCoder", "Trigger", "make_event_stage"]

# Dependents that are not the trigger's arguments: the subject side, other clauses, lists.
_NON_ARGUMENT_DEPS = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "csubjpass",
    "advcl",
    "relcl",
    "punct",
    "conj",
    "cc",
    "parataxis",
    "mark",
    "aux",
    "auxpass",
    "neg",
    "appos",
    "expl",
    "discourse",
}
_TARGET_PREPS = {
    "with",
    "to",
    "against",
    "on",
    "toward",
    "towards",
    "at",
    "for",
    "from",
    "into",
    "over",
    "upon",
    "between",
    "among",
    "in",
    "of",
}
# Prepositions that mark a place or a topic, not a recipient, for verbs ("met in Minsk").
_VERB_TARGET_PREPS = {
    "with",
    "to",
    "against",
    "on",
    "toward",
    "towards",
    "at",
    "from",
    "upon",
    "between",
    "among",
    "into",
    "over",
}
# Event types whose that-clause names the target: "demanded that Israel ease ...", "accused
# ... that France was aware ...", "threatened that Iran would pay".
_CLAUSE_TARGET_TYPES = {"REQUEST", "ACCUSE", "THREATEN"}
# Prepositions that put an act in a place ("ordered a curfew in Aleppo", "landed in Hanoi",
# "sent inspectors to Iran"): without a named recipient, the place's country is the target.
# Place nouns a demonym can qualify as a place of its country ("in the Egyptian capital").
_PLACE_HEADS = {
    *("capital", "city", "town", "village", "port", "square", "province", "region", "district"),
    *("border", "territory", "coast", "island", "countryside", "street", "camp", "enclave"),
}
# Nouns of a text agreed between parties: a place naming one ("the Kyoto protocol") is not
# where the act happens.
_AGREEMENT_NOUNS = {"accord", "agreement", "deal", "pact", "treaty", "convention", "protocol"}
# Prepositions of a circumstance whose noun may name the other side ("despite pressure by X").
_CIRCUMSTANCE_PREPS = {"despite", "after", "amid", "following", "under"}
# Nouns of "in <noun> of X" that aim a protest at X ("in protest of", "in defiance of").
_PROTEST_FRAMES = {"protest", "defiance", "opposition", "response"}
# Nouns of an act proposed to someone ("rejected an invitation to attend talks with X").
_PROPOSAL_NOUNS = {"invitation", "offer", "proposal"}
# Verbs of a participle clause that aims a protest ("marched, demanding that X resign").
_DEMANDING = {"demand", "call", "urge", "press"}
# Types whose force falls on the people of a place named as the only target.
_FORCE_TYPES = {"ASSAULT", "COERCE", "THREATEN"}
# What an act is about ("talks about the drought in X"): its place is where the act is aimed.
_TOPIC_PREPS = {"on", "about", "over", "against"}
_PLACE_TARGET_PREPS = {"in", "at", "into", "to", "inside", "near", "throughout", "across", "outside", "over", "out"}
# Unnamed groups as sources ("opposition groups in Zimbabwe", "people blocked streets in X"):
# the counting words above the group noun, the prepositions that place it, and the nouns of
# ordinary people (sector CVL; other group nouns take the sector of titles.tsv).
_QUANTITY_NOUNS = {"thousand", "hundred", "ten", "dozen", "score", "million", "group", "crowd", "number", "some"}
_GROUP_PLACE_PREPS = {"in", "throughout", "across", "inside"}
_PEOPLE_NOUNS = {"people", "resident", "villager", "civilian", "citizen", "youth", "crowd", "inhabitant", "local"}
# Documents that speak for their unnamed authors ("a report released in the Rwandan capital
# alleged ..."): placed like a group.
_DOCUMENT_NOUNS = {"report", "statement", "communique", "declaration", "resolution"}
# Sectors of groups that may act abroad: such a group is not of the place where it acts.
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "REB", "IGO", "JUD", "LEG"}
# sectors of a state body a bare name may be ("Congress", "the Senate", "the Navy"); not GOV,
# whose bare names are often an IGO's or another body's ("the Commission", "the Council")
_BODY_SECTORS = {"MIL", "COP", "SPY", "JUD", "LEG"}
# Nouns after a demonym that make it the country's military ("Israeli helicopters") or its
# civilians ("Mexican immigrants", "Palestinian homes"); other nouns take titles.tsv sectors.
_MILITARY_NOUNS = {
    "helicopter",
    "aircraft",
    "warplane",
    "jet",
    "tank",
    "gunship",
    "warship",
    "artillery",
    "drone",
    "serviceman",
    "servicemen",
    "militiaman",
    "militiamen",
    "officer",
}
_REBEL_NOUNS = {"extremist", "guerrilla", "militant", "insurgent", "separatist", "gunman", "militia", "rebel"}
_CIVILIAN_NOUNS = {"immigrant", "national", "home", "house", "town", "village", "family", "man", "woman", "child"}
# Sectors of a state's own bodies at home: an unnamed group such a body acts on ("police
# dispersed demonstrators", "the government accepted demands from rebels") or that addresses
# it ("elders demanded that the Interior Ministry ...") is of that state, the domestic reading
# the PLOVER and PETRARCH coders give when the text names no other country. Not the military,
# which may be abroad ("militiamen attacked a camp, killing 156 people").
_HOME_SECTORS = {"GOV", "COP", "JUD", "LEG", "SPY"}
# A state's "security forces" are its police in the Phoenix/CAMEO agent dictionaries
# (SECURITY_FORCE [~COP]) but its military to the PLOVER coders; the last words of a mention
# that name them, recoded MIL under the PLOVER convention (:meth:`EventCoder._event_actor`).
_SECURITY_FORCE_WORDS = ("security", "force")
# Cooperation with unnamed parties ("consulting with the parties") is often abroad: no home group.
_COOPERATIVE_TYPES = {"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"}
# Nouns of a state body a person's name can qualify ("the Bush administration").
_BODY_WORDS = {"administration", "government", "cabinet", "regime", "army", "police", "forces", "ministry"}
# Organs of an intergovernmental organisation named by their head noun ("the Security
# Council", "the UN General Assembly", "the European Commission") and the sector the PLOVER
# coders give them: an IGO is coded by the role of its part that acts, GOV for its councils and
# executives. Hand-written; the IGO's own name is never read for a sector ("European Union"
# and "World Bank" name no role).
_IGO_ORGANS = {
    "council": "GOV",
    "secretariat": "GOV",
    "commission": "GOV",
    "committee": "GOV",
    "assembly": "LEG",
    "parliament": "LEG",
    "court": "JUD",
    "tribunal": "JUD",
}
# Nouns of a people living as a community somewhere: "the Turkish community in Germany" is of
# Germany, as an "ethnic" group is (PLOVER codes ethnic groups by where they live).
_COMMUNITY_NOUNS = {"population", "community", "minority", "diaspora"}
# Nouns of an organised group that take their sector from their modifiers ("an extremist
# network", "a rebel faction", "the student union"). Hand-written.
_GROUP_NOUNS = {"organization", "organisation", "group", "network", "cell", "faction", "movement", "wing", "unit"}
# The walk from a country up to the group noun whose place it names ("refugees fleeing the
# floods in Pakistan": Pakistan -> floods -> fleeing -> refugees is 3 steps; 4 leaves one spare).
_ENCLOSING_HOPS = 4
_ENCLOSING_PREPS = {"in", "of", "from", "near", "inside", "throughout", "across"}
# Place nouns a country or region may qualify on the way up ("the mayor of the West Bank city
# of X": the region is a modifier of the city, the city the object of the group's "of").
_PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "port"}
# People nouns titles.tsv gives no sector: a group of the country, sector left open.
_MEMBER_NOUNS = {"member", "supporter", "follower", "prisoner", "detainee", "inmate", "fundamentalist"}
# Prepositions on an object noun that name the one acted upon: "sanctions on Iran", "aid to
# Nepal", "curbs against Japanese cars", "rejected calls by X", "crimes by Y".
_OBJECT_RECIPIENT_PREPS = {"on", "against", "to", "with", "toward", "towards", "by", "from", "for"}
# Prepositions on the last item of a listed object that aim the whole list ("fire against X").
_LIST_AIM_PREPS = {"against", "on"}
# Participles that describe the subject's own stance after "be" ("is opposed to", "is
# committed to", "is determined to"): the subject acts, it is not acted upon.
_STATIVE_PARTICIPLES = {
    *("oppose", "commit", "determine", "dedicate", "devote", "resolve", "prepare", "inclined"),
    *("engage", "involve"),  # "were engaged in fighting": the subject acts
}
# Nouns of an attack whose modifier or "by" phrase names the attacker of a passive
# ("were killed in Turkish artillery fire").
_ATTACK_NOUNS = {
    "shelling",
    "shell",
    "attack",
    "strike",
    "airstrike",
    "raid",
    "bombing",
    "bombardment",
    "fire",
    "assault",
    "offensive",
    "ambush",
    "crossfire",
}
# Causes of death or injury that are no attacker: an illness, an accident, nature ("the virus
# has killed six", "died in a crash", "killed in a landslide"), and the vehicles of a road or rail
# accident ("killed when a truck left the road"), which are a cause only as the one acting, never
# as where the victims were ("killed two men in a car"). Not "fire" or "explosion", which are
# often the attack itself ("killed in rocket fire").
_ILLNESS_NATURE = {
    *("virus", "coronavirus", "covid", "disease", "illness", "infection", "epidemic", "pandemic"),
    *("outbreak", "flu", "influenza", "cholera", "ebola", "malaria", "measles", "cancer"),
    *("accident", "crash", "collision", "derailment"),
    *("flood", "flooding", "earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone"),
    *("tornado", "landslide", "mudslide", "avalanche", "lightning", "heatwave", "tsunami", "wildfire"),
    *("blaze", "drowning", "stampede"),
}
_VEHICLES = {"car", "truck", "lorry", "vehicle", "train"}
# Words of a bomb: a vehicle in a clause naming one is the attack ("a car packed with
# explosives", "their vehicle hit a roadside bomb"), no accident.
_BOMB_WORDS = {"bomb", "explosive", "explosives", "mine", "landmine", "ied", "device", "bomber"}
# Verbs whose clause's subject is the one affected: "allow X to land", "let X in".
_CAUSATIVE = {"allow", "let", "permit", "help", "enable", "force", "make"}
_COOPERATIVE_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# CAMEO 03x "express intent to ..." code for a future cooperative event of each CAMEO root.
_FUTURE_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_COOPERATIVE_NEGATABLE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
# CAMEO 12x refusal for a negated intention, by the root of the cooperative code it negates.
_REFUSAL_CODE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# CAMEO 13x threat for an announced coercive act, by root.
# An announced protest is a threat of dissent (CAMEO 133: "said they would blockade the capital").
_THREAT_CODE = {"14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "1385"}
# Types whose act, made conditional on what another does ("will cut aid unless", "may halt the
# talks if"), is a threat (PLOVER manual 2.0: THREATEN is ASSAULT + hypothetical); withholding
# a presence ("will withdraw its force unless") is a threat only under "unless" ("will withdraw
# if X disarms" is an offer).
_HOSTILE_TYPES = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "REJECT", "MOBILIZE"}
_WITHHELD_TYPES = {"RETREAT"}
# (not "could"/"might": "X could be forced to veto if ..." speculates, it does not warn)
_FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
_CONDITIONAL_AUX = _FUTURE_AUX | {"may"}
_HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ca"}
# Governing words that make their open complement an intention ("plans to visit").
# (A scheduled or imminent act -- "scheduled to attend", "prepared to attend" -- is coded as the
# act itself, the CAMEO/PETRARCH practice; only stated intentions and promises become AGREE.)
_INTENT_HEADS = {
    "plan",
    "intend",
    "expect",
    "aim",
    "hope",
    "want",
    "wish",
    "seek",
    "ready",
    "willing",
    "prepared",
    "decide",
    "mean",
}
# Verbs of sending whose purpose clause names the act ("sent experts to investigate").
_SENDING = {"send", "dispatch", "deploy"}
# Verbs that can name or describe their object instead of acting on it.
_NAMING = {"call", "dub", "term"}  # (not "brand": branding X a terrorist accuses X)
# Nouns whose infinitive is an act made, whether it succeeds or not (attacks only).
_ATTEMPTS = {"attempt", "bid"}
# Verbs that swear to their complement: the sworn act is future ("vowed to attack" is a threat).
# (Not "pledge"/"promise": "pledged to expel X" commits to a third party, coded as the act.)
_PROMISING = {"vow", "swear"}
_WILLING = {"ready", "willing", "prepared", "offer", "promise", "pledge", "agree", "vow", "commit"}
_NEGATIVE_HEADS = {"fail", "refuse", "decline", "deny"}
_FIRST_PERSON = {"we", "i", "us", "our"}
# Objects that make a verb of publishing or speaking (:data:`_PUBLISHING`) mean just that, not
# the act ("released a statement", "delivered a speech"; not "condemned the remarks").
_NON_EVENT_OBJECTS = {
    "statement",
    "report",
    "video",
    "footage",
    "photo",
    "image",
    "picture",
    "data",
    "figure",
    "document",
    "email",
    "record",
    "detail",
    "list",
    "result",
    "album",
    "film",
    "book",
    "song",
    "communique",
    "transcript",
    "poll",
    "survey",
    "forecast",
    "update",
    "version",
    "trailer",
    "notice",
    "remark",
    "speech",
    "lecture",
    "sermon",
}
# Verbs of publishing or speaking: with a publication or a speech as object they are no act.
_PUBLISHING = {
    *("release", "issue", "publish", "deliver", "give", "air", "post", "broadcast", "televise"),
    *("show", "unveil", "present", "submit", "circulate", "leak", "distribute", "make", "read"),
    *("upload", "screen", "send", "put", "produce", "prepare", "compile", "file"),
}
# Punctuation that ends a dateline ("PESHAWAR: ...", "CAIRO (Reuters) - ...").
_DATELINE_MARKS = {":", "-", "--", "\u2014", "\u2013"}
# Conjunctions of a clause of time, which asserts its act ("died after he was shot").
_TIME_MARKS = {"after", "when", "before", "until"}
# Prepositions of agreeing on or with something ("agreed to X", "agreed on X", "agreed with Y").
_AGREE_PREPS = {"to", "on", "with"}
# Auxiliaries of a clause that states what is to be done ("agreed that X should ...").
_COURSE_AUX = {"should", "will", "would", "shall", "must"}
# Verbs of arriving: a visit (CAMEO 042) when they arrive in a place, not at a venue.
_ARRIVING = {"arrive"}
_DESTINATION_PREPS = {"in", "at", "to", "into"}
_PLACE_ENTITIES = {"GPE", "LOC", "FAC", "ORG"}
# Adverbs that make a clause a guess rather than a report.
_HEDGES = {"probably", "possibly", "perhaps", "maybe", "likely", "reportedly"}
_FUNCTION_CUES = {"over", "out", "down", "up", "on", "for", "to", "with", "from", "at", "upon", "in"}
# Verbs that report or frame another event rather than being one ("said", "plans to",
# "decided to"): never triggers themselves; a "must"/"should" clause under a reporting verb
# is a demand (CAMEO 10: "Russia said Sudan must return the helicopter").
_REPORTING = {
    "accord",
    "say",
    "tell",
    "announce",
    "state",
    "add",
    "note",
    "report",
    "declare",
    "claim",
    "reiterate",
    "stress",
    "explain",
    "quote",
    "describe",
    "write",
    "comment",
    "indicate",
    "confirm",
    "reveal",
    "remark",
    "mention",
    "argue",
    "assert",
    "suggest",
    "believe",
    "think",
    "know",
    "predict",
    "underline",
    "emphasize",
    "emphasise",
    "point",
    "remind",
    "insist",
    "warn",
}
_LIGHT = {
    "plan",
    "intend",
    "expect",
    "prepare",
    "aim",
    "hope",
    "want",
    "wish",
    "seek",
    "decide",
    "try",
    "attempt",
    "continue",
    "begin",
    "start",
    "launch",
    "stage",
    "hold",
    "take",
    "make",
    "organize",
    "organise",
    "conduct",
    "carry",
    "issue",
    "lodge",
    "go",
    "come",
    "move",
    "swear",
    "vow",
    "pledge",
}
_DEONTIC = {"must", "should"}
# Mention labels that can be an event's source or target (places, named events and works are not).
_ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "IGO", "INSTITUTION", "TITLE"}
# Praise inside a quotation (CAMEO 051): an evaluative adjective on an achievement noun.
_PRAISE_ADJ = {
    "constructive",
    "productive",
    "significant",
    "important",
    "excellent",
    "fruitful",
    "successful",
    "positive",
    "valuable",
    "exemplary",
    "outstanding",
    "remarkable",
    "great",
    "invaluable",
    "major",
}
_PRAISE_NOUNS = {
    "example",
    "contribution",
    "partnership",
    "role",
    "progress",
    "effort",
    "achievement",
    "success",
    "partner",
    "friend",
    "model",
}
# Confidence: 0.5, then + for each piece of evidence (source, target, a matched cue, our own
# lexicon) and - for weaker settings (inside a quote, a nominal trigger). It orders events by
# evidence rather than being a calibrated probability: on the visible PLOVER GSR the type is
# right for 0.88-0.92 of events at 0.8 and above and 0.73-0.77 at 0.6-0.7; every GSR sentence
# holds an event, so the low buckets (0.86-0.90 there) are optimistic for ordinary news text,
# where most events without any actor (<= 0.45) are noise.
_BASE_CONFIDENCE = 0.5
_MAX_EVENTS_PER_TRIGGER = 6
# How acts become records (setting events.convention, docs/events.md "Records").
_CONVENTIONS = ("plover", "cameo")
# Mutual acts under the CAMEO convention (docs/events.md "Records"): the CAMEO consultations in which
# each side consults the other (040 consult, 041 by telephone, 044 meet at a third location,
# 046 negotiate; not 042/043 visit/host, which are converse, nor 045 mediate, which is one-sided),
# and the types a reciprocal lexicon row keeps its mutual sense in.
_MUTUAL_CODES = {"040", "041", "044", "046"}
_MUTUAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "RETREAT", "ASSAULT", "COERCE"}
# Verbs whose subject undergoes the event noun they govern ("faced sanctions", "received
# assurances from X", "drew criticism from Y"); hand-written.
_UNDERGOING = {
    *("face", "receive", "get", "suffer", "undergo", "endure", "incur", "draw", "attract"),
    *("win", "earn", "obtain", "secure"),
}
# Killing codes that become conventional military force (190) between armed groups (CAMEO 18
# is unconventional violence, 19 war); the sectors of organised armed groups.
_GENERIC_KILLING = {"1823"}
_WAR_CODE = "190"
_ARMED_SECTORS = {"MIL", "REB"}
# State force (violent repression, destroying property) by civilians or opponents is a riot.
_STATE_FORCE = {"175", "1712"}
_CIVIL_SECTORS = {"CVL", "OPP"}
_RIOT_CODE = "145"
# Verbs of wanting: wanting another to act is an appeal to them (CAMEO 020, REQUEST).
_WISHING = {"want", "wish"}
_APPEAL_CODE = "020"
# A named actor claiming force was used accuses its user (CAMEO 112); the verbs of a claim
# (hand-written; "report" is left out: news media report, parties claim) and the claimed types.
_CLAIM_CODE = "112"
_CLAIM_VERBS = {"say", "claim", "state", "assert", "insist", "tell", "allege", "charge"}
_FORCE_CLAIMED = {"ASSAULT"}
# CAMEO's two sides of one visit: X visits Y (042) is Y hosting X (043).
_CONVERSE_CODES = {"042": "043", "043": "042"}
# Charging someone in court: the PLOVER manual's ACCUSE (1121, our lexicon), CAMEO's own
# 173 "arrest, detain, or charge with legal action" (the CAMEO manual, PETRARCH's dictionary),
# recoded under the CAMEO convention.
_LEGAL_CHARGES = {"indict", "prosecute", "charge"}
_LEGAL_CHARGE_CODE = "173"


@dataclass
class Trigger:
    """A candidate trigger: the token, its CAMEO code and how it was found."""

    token: Any
    code: str
    info: CameoCode
    reciprocal: bool
    specific: bool  # a cue or pattern matched (not just the bare lemma)
    source: str  # "own" or "petrarch"
    folded: list[Any] = field(default_factory=list)


# Verbs of a withdrawal whose passive subject is the one who retreats ("troops were pulled
# out", "the militia was disbanded"); a thing handed over or exchanged is no retreating actor.
_WITHDRAWAL_VERBS = {
    "withdraw",
    "pull",
    "demobilize",
    "demobilise",
    "disarm",
    "disband",
    "evacuate",
    "redeploy",
    "recall",
    "ship",
    "relocate",
}


# Verbs of dying whose subject is the victim of the force noun they govern ("died under
# torture", "perished as a consequence of beatings"), and the nouns of being held ("in police custody")
# that name who held the victim; hand-written.
_DYING = {"die", "perish", "succumb"}
_CUSTODY_NOUNS = {"custody", "detention"}


def _dying_verb(token: Any, plover: str | None) -> Any | None:
    """The verb of dying a force noun hangs on through prepositions ("died as a result of
    torture" -> died), or None; only a noun of force (a type of :data:`_FORCE_TYPES` or an
    attack noun) that is a prepositional object: one dies in an attack, not in talks or during a
    visit."""
    if token.dep_ != "pobj" or not (plover in _FORCE_TYPES or token.lemma_.lower() in _ATTACK_NOUNS):
        return None
    node = token
    for _ in range(5):
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node if node.lemma_.lower() in _DYING else None
    return None


# Non-military resources whose withdrawal reduces relations (PLOVER SANCTION withdraw: "aid,
# observers, diplomats, peacekeepers"), unlike forces retreating (RETREAT); hand-written.
_WITHDRAWN_RESOURCES = {"peacekeeper", "observer", "monitor", "inspector", "diplomat"}
_RESOURCE_WITHDRAWAL_CODE = "166"
# Verbs of taking resources back from where they serve (not evacuating, relocating or disarming:
# "evacuated its diplomats from Libya" gets them out of danger, a retreat).
_RESOURCE_WITHDRAWING = {"withdraw", "pull", "ship", "recall"}


def _is_passive(verb: Any) -> bool:
    """Whether a verb has a passive auxiliary ("were withdrawn", "was kidnapped")."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _withdraws_resources(verb: Any) -> bool:
    """Whether a verb of taking back (:data:`_RESOURCE_WITHDRAWING`) moves non-military
    resources ("pulled its peacekeepers out", "UN observers were withdrawn"): its object, or its
    subject when passive."""
    if verb.lemma_.lower() not in _RESOURCE_WITHDRAWING:
        return False
    passive = _is_passive(verb)
    deps = ("dobj", "nsubjpass") if passive else ("dobj",)
    return any(c.dep_ in deps and c.lemma_.lower() in _WITHDRAWN_RESOURCES for c in verb.children)


def _is_capital_of(text: str, iso3: str) -> bool:
    """Whether a place name is the dictionary's capital of ``iso3`` (a leading "the" aside).

    Example:
        >>> _is_capital_of("Kabul", "AFG"), _is_capital_of("Kandahar", "AFG")
        (True, False)
    """
    from communique.extract import resolve

    d = resolve.load_dictionary()
    key = resolve._key(re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE))
    return d.country_kind.get(key) == "capital" and d.country_names.get(key) == iso3


def _withdrawn(verb: Any) -> bool:
    """A passive withdrawal with no recipient: "were pulled out of X", not "was handed over to
    X" (a transfer, whose giver is unnamed)."""
    if verb.lemma_.lower() not in _WITHDRAWAL_VERBS:
        return False
    return not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in verb.children)


def _reporting_subject(verb: Any) -> Any | None:
    """The one who reports with ``verb``: its subject, or for a reporting verb without one the
    subject of the verb it complements ("X was quoted as saying he ...": X, the passive subject
    of "quoted"; "X went on to say ..."). At most two steps up, through "as" phrases and open
    complements.

    Example:
        >>> _reporting_subject(None) is None
        True
    """
    node = verb
    for _ in range(3):
        if node is None:
            return None
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")), None)
        if subject is not None:
            return _gerund_subject(subject)
        if node.dep_ not in ("pcomp", "prep", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _promised(node: Any) -> bool:
    """Whether ``node`` is an infinitive the parser hung as an adverbial under a verb of
    promising ("have sworn to fight"), which is its open complement."""
    return (
        node.dep_ == "advcl"
        and node.head.lemma_.lower() in _PROMISING
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    )


def _names(token: Any) -> bool:
    """Whether a verb of naming names or describes its object ("called the plan 'reckless'",
    "a group called X", "dubbed him a traitor") instead of calling someone."""
    return any(
        c.dep_ == "oprd"
        or (c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("ADJ", "NOUN", "PROPN"))
        # the parser may hang the description on the object: called the plan "reckless"
        or (c.dep_ == "dobj" and any(a.dep_ == "amod" and a.i > c.i for a in c.children))
        for c in token.children
    )


def _of_time(token: Any) -> bool:
    """Whether ``token`` is "on"/"at" before a date or time ("on Friday", "at noon"); not "for",
    which a time can follow as the thing asked for ("called for a week of calm")."""
    return (
        token.dep_ == "prep"
        and token.lower_ in ("on", "at")
        and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)
    )


def _purpose(node: Any) -> bool:
    """Whether ``node`` is a purpose infinitive without a subject of its own ("stayed home to
    protest"), whose subject is that of the verb it hangs on."""
    return (
        node.dep_ == "advcl"
        and node.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)
    )


def _attempted(token: Any) -> bool:
    """Whether ``token`` is the infinitive of an attempt ("an attempt to assassinate X", "a bid
    to kill"), which is made, unlike a right or a plan ("the right to strike")."""
    return (
        token.dep_ == "acl"
        and token.head.lemma_.lower() in _ATTEMPTS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in ("aux", "neg") and c.lower_ != "to" for c in token.children)
    )


def _gerund_subject(subject: Any) -> Any:
    """The noun a misparsed reduced relative hangs on: in "The Red Cross working in Mali said",
    the parser makes "working" the (clausal) subject of "said" and "Red Cross" the subject of
    "working"; the one who says is the Red Cross. Any other subject is returned as it is (a
    real gerund clause, "Working abroad is hard", has no subject of its own).

    Example:
        >>> _gerund_subject(None) is None
        True
    """
    if subject is None or subject.dep_ not in ("csubj", "nsubj") or subject.tag_ != "VBG":
        return subject
    return next((c for c in subject.children if c.dep_ == "nsubj"), subject)


def _accidental(token: Any) -> bool:
    """Whether a killing or injury is put down to an illness, an accident or nature rather than
    to an attacker. When the verb names an agent (its subject or by-agent), only the agent is
    read: "the virus has killed six" or "a truck killed two hikers", not "troops killed two men
    in a car". With no agent, the object of an "in"/"from" phrase that is an illness, an accident
    or nature (:data:`_ILLNESS_NATURE`; "killed in a landslide", never a vehicle: "killed in a
    car" says where), or the subject of a clause right under the verb or a verb coordinated with
    it ("two hikers were killed when a truck left the road"). A vehicle in a clause naming a bomb
    is the attack ("when a car packed with explosives rammed ...", "when their vehicle hit a
    roadside bomb")."""

    def cause(noun: Any, clause: Any) -> bool:
        lemma = noun.lemma_.lower()
        if lemma in _ILLNESS_NATURE:
            return True
        return lemma in _VEHICLES and not any(t.lemma_.lower() in _BOMB_WORDS for t in clause.subtree)

    agents = [c for c in token.children if c.dep_ == "nsubj"]
    agents += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return any(cause(a, a) for a in agents)
    causes = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("in", "from")
        for g in c.children
        if g.lemma_.lower() in _ILLNESS_NATURE
    ]
    # the verb's own clauses, or those of a verb coordinated with it ("two were killed and a
    # third injured when a car ...", where the parser hangs "injured" on "third")
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    verbs += [g for c in verbs[1:] for g in c.children if g.dep_ == "acl" and g.pos_ == "VERB"]
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl"]
    return bool(causes) or any(cause(g, t) for t in clauses for g in t.children if g.dep_ == "nsubj")


def _arrival_at_venue(token: Any) -> bool:
    """Whether an arrival names where it arrives and none of that is a place: "arrived at a
    hearing", "arrived in the stadium", "the ship arrived at the depot" make no visit, unlike
    "arrived in Hanoi" or "arrived at Beijing airport" (a name on the destination counts), nor
    "arrived in the Syrian capital" (a place noun of :data:`_PLACE_HEADS`, or a country word on
    the destination, as :meth:`EventCoder._place_target` reads a place)."""
    if token.lemma_.lower() not in _ARRIVING:
        return False
    destinations = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    named = [t for d in destinations for t in (d, *(c for c in d.children if c.dep_ == "compound"))]
    places = [
        d
        for d in destinations
        if d.lemma_.lower() in _PLACE_HEADS
        or any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in d.children)
    ]
    return bool(destinations) and not places and not any(t.ent_type_ in _PLACE_ENTITIES for t in named)


def _agreeing_with_a_view(token: Any) -> bool:
    """Whether "agree" shares a view ("experts agree that the rules are unclear", "it is
    generally agreed that ...") rather than agreeing on an act: a that-clause and no object,
    complement or "to"/"on"/"with" phrase. A coordinated subject ("X and Y agreed that ...")
    is two parties agreeing, and a clause of what is to be done ("agreed that the goods should be
    returned") a decision: both stay agreements."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if token.lemma_.lower() != "agree" or not clauses:
        return False
    if any(a.dep_ == "aux" and a.lower_ in _COURSE_AUX for c in clauses for a in c.children):
        return False
    if any(c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in _AGREE_PREPS) for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(c.dep_ == "conj" for s in subjects for c in s.children)


def _dateline_lead(lead: Any) -> bool:
    """Whether the tokens ``lead`` opening a sentence are a dateline: a place in capitals
    opening the text or a line, as the actor stage reads one (``actors._dateline``: "SEOUL",
    not "Mohammed Morsi"), or a date ("May 1, 2013 --"), then only names, capitals, numbers and
    punctuation ("CAIRO, May 2 (Reuters) -")."""
    return (
        len(lead) > 0
        and (_dateline(lead[:1]) or lead[0].ent_type_ == "DATE")
        and all(t.pos_ in ("PROPN", "PUNCT", "NUM") or t.is_upper for t in lead)
    )


def _after_dateline(node: Any) -> bool:
    """Whether the parser hung a clause on the dateline before it ("PESHAWAR: A drone killed
    ...", "CAIRO, May 2 (Reuters) - Police arrested ..."): a dateline (:func:`_dateline_lead`)
    up to its head, and a colon or dash between them. Such a clause is the main assertion; a
    relative clause never is ("Mohammed Morsi - who was detained by the army - died ...")."""
    head = node.head
    if head.i >= node.i or node.dep_ == "relcl":
        return False
    if not _dateline_lead(node.doc[node.sent.start : head.i + 1]):
        return False
    return any(t.text in _DATELINE_MARKS for t in node.doc[head.i + 1 : node.i])


def _imperative(token: Any) -> bool:
    """Whether a verb is an imperative opening its sentence ("Talk to any farmer and ...",
    "Ask the ministry why ..."): a bare verb heading the sentence with no subject or auxiliary,
    after nothing but a dateline. It tells the reader what to do; no one acts."""
    if token.tag_ != "VB" or token.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl") for c in token.children):
        return False
    lead = token.doc[token.sent.start : token.i]
    return len(lead) == 0 or _dateline_lead(lead)


def _published(token: Any) -> bool:
    """Whether a verb of publishing or speaking (:data:`_PUBLISHING`) has a publication or a
    speech as its object, or as the subject of its passive ("released a statement", "delivered
    remarks", "the notice had been released"): publishing or speaking, not the act. Any other
    verb acts on what was published ("condemned the remarks", "the report was rejected")."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in _PUBLISHING
        and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _NON_EVENT_OBJECTS for c in token.children)
    )


def _argument_tokens(token: Any, depth: int = 3) -> list[Any]:
    """The trigger's argument zone: dependents down to ``depth`` levels, without the subject side."""
    out: list[Any] = []
    frontier = [token]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in _NON_ARGUMENT_DEPS and not (node.i != token.i and child.dep_ == "conj"):
                    continue
                out.append(child)
                nxt.append(child)
        frontier = nxt
    return out


def _synset_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """One regex for a PETRARCH synset: words ending in ``_`` match whole, others as prefixes."""
    parts = [
        re.escape(w.rstrip("_")) + (r"(?= )" if w.endswith("_") else "") for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile(" (?:" + "|".join(parts) + ")") if parts else re.compile(r"(?!x)x")


def _acting(article: Article, actor_id: str | None) -> bool:
    """Whether a resolved actor can act or be acted upon (not a named event, work or law)."""
    actor = article.actor(actor_id)
    return actor is not None and actor.kind != "other"


def _dateline_subject(token: Any) -> bool:
    """Whether a token heads a place name in capitals that opens the text or a line (a dateline,
    "GAZA CITY, ..."), not a subject."""
    start = token.left_edge
    opens = start.i == 0 or "\n" in token.doc[start.i - 1].text_with_ws or token.doc[start.i - 1].is_space
    return opens and token.text.isupper() and len(token.text) > 1


def _bare_body(mention: Mention) -> str | None:
    """The sector of an unresolved name that is one body word of titles.tsv alone ("Congress",
    "the Senate" -> LEG): no country is given, the word names none."""
    from communique.extract import resolve

    words = mention.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if mention.label != "ORG" or len(words) != 1:
        return None
    entry = resolve.load_dictionary().titles.get(words[0].lower())
    return entry[0] if entry is not None and entry[1] == "head" and entry[0] in _BODY_SECTORS else None


def _names_security_forces(article: Article, mention: Mention) -> bool:
    """Whether a mention ends in "security force(s)" ("the Palestinian security forces"),
    not "police" or "security service"."""
    span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    return tuple(t.lower_.removesuffix("s") for t in span[-2:]) == _SECURITY_FORCE_WORDS


def _leader_of(head: Any, index: dict[int, Mention]) -> Mention | None:
    """The actor that leads a group named "<X>-led <noun>" ("Saudi-led forces" -> Saudi
    Arabia), the one CAMEO and PLOVER coders code for it; None without such a modifier or
    when the leader is unresolved ("Kurdish-led forces")."""
    for child in head.children:
        if child.dep_ == "amod" and child.lemma_.lower() == "lead":
            leader = next((c for c in child.children if c.dep_ in ("npadvmod", "compound") and c.i in index), None)
            if leader is not None and index[leader.i].actor_id is not None:
                return index[leader.i]
    return None


class EventCoder:
    """Codes the events of one parsed article (see the module docstring for the rules).

    Args:
        lexicon: the trigger lexicons (loaded once per process when omitted).
        min_confidence: events below this confidence are not kept.
        convention: ``"plover"`` (default): one event per trigger, with its best-resolved source
            and target, as PLOVER and POLECAT code ("Israel and the Palestinians reached a
            consensus" is one event); ``"cameo"``: one event per coded source-target pair, both
            directions of a mutual act and the converse of a visit, the CAMEO/ICEWS/PETRARCH
            convention (up to 6 per trigger; :meth:`_other_directions`), and a named actor's
            claim of force as its accusation (:meth:`_claims_of_force`). The setting
            ``events.convention``.
    """

    def __init__(
        self, lexicon: EventLexicon | None = None, min_confidence: float = 0.0, convention: str = "plover"
    ) -> None:
        self.lex = lexicon or load_lexicon()
        self.min_confidence = min_confidence
        self._article: Article | None = None
        self._synset_regex: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {}
        self._countries: tuple[str, ...] = ()
        self._prefix_cache: tuple[tuple[int, int], frozenset[str]] = ((-1, -1), frozenset())
        self._hashes: tuple[Any, Any] | None = None
        self._sent: Any = None
        self._lower: list[int] = []
        self._lemma: list[int] = []
        if convention not in _CONVENTIONS:
            raise ValueError(f"unknown convention {convention!r}; choose one of {', '.join(_CONVENTIONS)}")
        self.convention = convention

    # -- triggers --------------------------------------------------------------------------
    def _own(self, rules: list[OwnRule], cues: set[str]) -> tuple[OwnRule | None, bool]:
        """The row that applies: a content-word cue beats a particle cue, which beats no cue."""
        best: OwnRule | None = None
        particle: OwnRule | None = None
        for rule in rules:
            if rule.cue is not None and rule.cue in cues:
                if rule.cue not in _FUNCTION_CUES:
                    return rule, True
                particle = particle or rule
            if rule.cue is None and best is None:
                best = rule
        if particle is not None:
            return particle, True
        return best, False

    def _petrarch(self, token: Any, words: list[str], lemmas: set[str]) -> tuple[str | None, bool]:
        """PETRARCH's code for a verb: its most specific matching pattern, else the verb's default."""
        entries = self.lex.petr_verbs.get(token.lemma_.lower())
        if not entries:
            return None, False
        texts = {"post": " " + " ".join(words) + " ", "pre": ""}
        prefixes = self._prefixes(self._sent)
        memo: dict[tuple[str, str], bool] = {}  # patterns of a block share most of their words

        def found(word: str, side: str) -> bool:
            key = (word, side)
            if key not in memo:
                if side == "pre" and not texts["pre"]:
                    texts["pre"] = " " + " ".join(t.lower_ for t in token.doc[self._sent.start : token.i]) + " "
                memo[key] = self._word_in(word, texts[side], lemmas)
            return memo[key]

        best: tuple[int, str] | None = None
        default: str | None = None
        particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
        if token.i + 1 < len(token.doc):
            particles.add(token.doc[token.i + 1].lower_)
        for block, own_code, particle in entries:
            if particle and particle not in particles:
                continue  # a phrasal verb's block needs its particle ("rule out" is not "rule")
            code = own_code or self.lex.petr_blocks.get(block, "---")
            if default is None or default == "---":
                default = code
            # patterns come most specific first (see load_lexicon): the first match is the best;
            # only those whose anchor word occurs in the sentence can match
            patterns = self.lex.petr_patterns.get(block, [])
            anchors = self.lex.petr_anchors.get(block, {})
            positions = (
                [i for key, found_at in anchors.items() if key == "" or key in prefixes for i in found_at]
                if len(anchors) < len(prefixes)
                else [i for key in ("", *prefixes) for i in anchors.get(key, ())]
            )
            for pattern in (patterns[i] for i in sorted(positions)):
                score = len(pattern.post) + len(pattern.pre)
                if best is not None and score <= best[0]:
                    break
                if all(found(w, "post") for w in pattern.post) and all(found(w, "pre") for w in pattern.pre):
                    best = (score, pattern.code)
                    break
        if best is not None:
            return (best[1] if best[1] != "---" else None), True
        return (default if default and default != "---" else None), False

    def _prefixes(self, sent: Any) -> frozenset[str]:
        """Every prefix (2+ letters) of the sentence's words and lemmas, cached per sentence:
        a PETRARCH word without a trailing ``_`` matches any word it starts."""
        key = (sent.start, sent.end)
        if self._prefix_cache[0] != key:
            out: set[str] = set()
            strings = sent.doc.vocab.strings
            words = {strings[h] for h in self._lower[sent.start : sent.end]}
            words.update(strings[h].lower() for h in self._lemma[sent.start : sent.end])
            for w in words:
                out.update(w[:k] for k in range(2, len(w) + 1))
            self._prefix_cache = (key, frozenset(out))
        return self._prefix_cache[1]

    def _word_in(self, word: str, text: str, lemmas: set[str]) -> bool:
        if word.startswith("&"):
            compiled = self._synset_regex.get(word)
            if compiled is None:
                members = self.lex.synsets.get(word, frozenset())
                compiled = self._synset_regex[word] = (
                    _synset_pattern(members),
                    frozenset(w.rstrip("_") for w in members),
                )
            regex, stripped = compiled
            return not stripped.isdisjoint(lemmas) or regex.search(text) is not None
        full = word.endswith("_")
        word = word.rstrip("_")
        if word in lemmas:
            return True
        return (" " + word + " ") in text if full else (" " + word) in text

    def find_triggers(self, sent: Any, with_actors: bool = True, candidates: list[int] | None = None) -> list[Trigger]:
        """Every candidate trigger of one sentence, with its code (before folding).

        Args:
            sent: the spaCy sentence.
            with_actors: whether the sentence names any actor; without one, PETRARCH's
                dictionary is not consulted (its events need a named participant anyway).
            candidates: token indices whose lemma is in a lexicon (all tokens when omitted).
        """
        found: list[Trigger] = []
        self._sent = sent
        doc = sent.doc
        tokens = sent if candidates is None else (doc[i] for i in candidates)
        for token in tokens:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and token.dep_ in ("amod", "compound"):
                continue  # a participle used as an adjective ("a supporting role") is no act
            if token.dep_ in ("acl", "relcl", "pobj") and any(
                a.lemma_.lower() == "accord" and a.dep_ == "prep" for a in token.ancestors
            ):
                continue  # the attribution's own description ("according to a doctor sent to X by Y")
            if token.pos_ == "VERB" and lemma in _WISHING:
                appeal = self._appeal_to_another(token)
                if appeal is not None:
                    found.append(appeal)
                    continue
            if token.pos_ == "VERB" and lemma in _REPORTING:
                demand = self._deontic_demand(token)
                if demand is not None:
                    found.append(demand)
                    continue
                cues = {t.lemma_.lower() for t in _argument_tokens(token)}
                if not any(r.cue in cues for r in self.lex.own_verbs.get(lemma, ()) if r.cue):
                    continue  # "declared that ..." reports; "declared a curfew" acts
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and lemma in self.lex.own_verbs):
                own = self.lex.own_verbs.get(lemma)
                if own is None and lemma not in self.lex.petr_verbs:
                    continue
                # a preposition of time is no cue: "called on Friday" is not "called on X"
                zone = [t for t in _argument_tokens(token) if not _of_time(t)]
                patient = self._passive_patient(token)
                cues = {t.lemma_.lower() for t in (*zone, *patient)}
                if any(c.dep_ == "dobj" for c in token.children):
                    cues.add("@dobj")
                code, specific, origin, reciprocal = None, False, "own", False
                if own:
                    rule, specific = self._own(own, cues)
                    if rule is not None and rule.cameo == "---":
                        continue  # a row that says this use is no event ("demonstrated his skill")
                    if rule is not None:
                        code, reciprocal = rule.cameo, rule.reciprocal
                if (code is None or not specific) and with_actors:
                    # PETRARCH patterns read the verb's own phrase, not a reported clause under it
                    spans = [(c.left_edge.i, c.right_edge.i) for c in token.children if c.dep_ == "ccomp"]
                    if spans:
                        zone = [t for t in zone if not any(lo <= t.i <= hi for lo, hi in spans)]
                    words = [t.lower_ for t in sorted(zone, key=lambda t: t.i) if t.i > token.i]
                    # the patient of a passive stands where the object would ("evidence against
                    # X was presented by Y" reads as "presented evidence against X")
                    words = [t.lower_ for t in patient] + words
                    lemmas = {t.lemma_.lower() for t in (*zone, *patient)} if spans else cues
                    petr, petr_specific = self._petrarch(token, words, lemmas)
                    if lemma in _LIGHT and not petr_specific:
                        petr = None  # "continue", "launch", "hold" alone are no events
                    # A PETRARCH pattern beats our bare-lemma default only if it keeps the PLOVER type.
                    if petr is not None and (code is None or (petr_specific and self._same_type(petr, code))):
                        code, specific, origin = petr, petr_specific, ("petrarch" if code is None else "own")
            elif (
                token.pos_ == "NOUN"
                and token.dep_ not in ("compound", "amod")
                and not token.ent_type_
                and token.lemma_.lower() in self.lex.own_nouns
            ):
                # (a noun modifying another -- "talking points", "protest leader" -- is no event)
                # (a trigger noun inside a name -- "the Baku International Theater Conference" -- is no event)
                rules = self.lex.own_nouns[token.lemma_.lower()]
                cues = {t.lemma_.lower() for t in token.children}
                if token.head.i != token.i:
                    cues.add(token.head.lemma_.lower())
                    cues.update(t.lemma_.lower() for t in token.head.children if t.dep_ in ("prt", "compound"))
                rule, specific = self._own(rules, cues)
                if rule is None:
                    continue
                code, origin, reciprocal = rule.cameo, "own", rule.reciprocal
            else:
                continue
            if token.pos_ == "VERB" and lemma in _NAMING and not specific and _names(token):
                continue  # "called the plan 'reckless'": naming, not calling ("a dictatorship" accuses)
            if code == "0874" and _withdraws_resources(token):
                code = _RESOURCE_WITHDRAWAL_CODE  # peacekeepers pulled out: SANCTION, not a retreat
            info = self.lex.cameo(code)
            if code is None or info is None or info.plover is None:
                continue
            found.append(Trigger(token, code, info, reciprocal, specific, origin))
        return found

    def _undergoers(self, token: Any, index: dict[int, Mention], dying: Any | None = None) -> list[Mention]:
        """The actors a nominal event is done to when it is the object of a verb of undergoing
        ("X faces pressure", "X received a visit", "X won concessions"), or of the verb of dying
        ``dying`` (see :func:`_dying_verb`): the verb's subject."""
        verb = token.head
        if dying is not None:
            verb = dying  # "a prisoner died under torture": the one who died
        elif token.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _UNDERGOING:
            return []
        subj, passive = self._subject(verb)
        return self._actors_at(subj, index) if subj is not None and not passive else []

    def _custodians(self, token: Any, verb: Any, index: dict[int, Mention]) -> list[Mention]:
        """Who held a victim who died of a force noun: the actors of "in <X> custody" on the
        noun or on ``verb``, the verb of dying ("died of torture in Israeli police custody" ->
        ISR COP)."""
        return [
            m
            for node in (token, verb)
            for prep in node.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _CUSTODY_NOUNS
            for m in self._actors_at(pobj, index)
        ]

    @staticmethod
    def _passive_patient(token: Any) -> list[Any]:
        """The tokens of the subject phrase (the patient) of a passive verb with a by-agent, in
        order; else none. With its agent the passive restates an active clause ("evidence
        against X was presented by Y"); without one ("peacekeepers were shipped out") the
        object's patterns are not read into it."""
        if not _is_passive(token) or not any(c.dep_ == "agent" for c in token.children):
            return []
        subj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        return list(subj.subtree) if subj is not None else []

    def _appeal_to_another(self, token: Any) -> Trigger | None:
        """Wanting someone else to act is an appeal to them (CAMEO 02, coded REQUEST): "X wants
        Y to withdraw", "X wished Y to stay". The wanted act folds into it and is not coded as
        done. Wanting to act oneself ("X wants to withdraw") is an intention (modality)."""
        for child in token.children:
            if child.dep_ not in ("ccomp", "xcomp") or not any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children
            ):
                continue
            wanted = [c for c in child.children if c.dep_ == "nsubj"]
            wanted += [c for c in token.children if c.dep_ in ("dobj", "dative")]
            if any(self._names_an_actor(w) for w in wanted):
                info = self.lex.cameo(_APPEAL_CODE)
                if info is not None:
                    return Trigger(token, _APPEAL_CODE, info, False, True, "own")
        return None

    @staticmethod
    def _names_an_actor(token: Any) -> bool:
        """Whether a phrase names someone who can be appealed to: a named entity of an actor
        kind or a state body ("Greece", "the EU", "the army"), not a state of affairs ("wants
        stability to return", "wants the fighting to stop")."""
        return any(
            t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.lemma_.lower() in _BODY_WORDS for t in token.subtree
        )

    def _claims_of_force(self, triggers: list[Trigger], index: dict[int, Mention]) -> list[Trigger]:
        """A named actor's claim that force was used: "Ukraine said Russian forces shelled
        Kharkiv", "the US claimed that the militants had attacked Iraq".

        Under the CAMEO convention (``convention="cameo"``) the claim is an accusation (CAMEO
        112) by the claimant against whoever the clause says used the force, and the reported
        attack folds into it (:meth:`fold`), as PETRARCH codes a report nested under *say*. Only
        a claim the claimant leads ("X said (that) ..."); a trailing attribution ("..., police
        said"), an unnamed or uncoded reporter ("sources said") and a claimant reporting its own
        side's act ("Israel said its jets struck ...") leave the attack as the event. Under the
        PLOVER convention the attack is the event (not called).
        """
        info = self.lex.cameo(_CLAIM_CODE)
        out: list[Trigger] = []
        for trig in triggers:
            if trig.info.plover not in _FORCE_CLAIMED or info is None:
                continue
            clause = self._reported_clause(trig.token)
            verb = clause.head if clause is not None else None
            if clause is None or verb is None or verb.lemma_.lower() not in _CLAIM_VERBS or verb.i > clause.i:
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
            claimants = [m for m in self._actors_at(subj, index) if self._placed(m)] if subj is not None else []
            if not claimants or self._own_act(trig.token, claimants[0], index):
                continue
            if any(t.token.i == verb.i for t in [*triggers, *out]) or any(c.dep_ == "neg" for c in verb.children):
                continue
            out.append(Trigger(verb, _CLAIM_CODE, info, False, True, "own"))
        return out

    def _own_act(self, token: Any, claimant: Mention, index: dict[int, Mention]) -> bool:
        """Whether the act of ``token`` is the claimant's own: a pronoun or possessive for its
        user ("Israel said it struck ...", "said its troops fired"), or an actor of its side."""
        subj, passive = self._subject(token) if token.pos_ in ("VERB", "AUX") else (None, False)
        users = [p for c in token.children if c.dep_ == "agent" for p in c.children] if passive else [subj]
        for user in users:
            if user is None:
                continue
            if user.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in user.children):
                return True
            article = self._article
            if article is not None and any(
                self._same_side(article, m.actor_id, claimant.actor_id) for m in self._actors_at(user, index)
            ):
                return True
        return False

    def _reported_clause(self, token: Any) -> Any | None:
        """The clausal complement (``ccomp``) of a verb that ``token`` stands in, if any."""
        node = token
        for _ in range(4):
            if node.dep_ == "ccomp":
                return node
            if node.head.i == node.i or self._separate_clause(node):
                return None
            node = node.head
        return None

    def _same_type(self, a: str, b: str) -> bool:
        """Whether two CAMEO codes map to the same PLOVER type."""
        x, y = self.lex.cameo(a), self.lex.cameo(b)
        return x is not None and y is not None and x.plover == y.plover

    def _deontic_demand(self, token: Any) -> Trigger | None:
        """A reporting verb whose reported clause says what someone must do is a demand."""
        for child in token.children:
            if child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _DEONTIC for a in child.children):
                info = self.lex.cameo("100")
                if info is not None:
                    return Trigger(token, "100", info, False, True, "own")
        return None

    @staticmethod
    def _separate_clause(node: Any) -> bool:
        """Whether ``node`` starts a clause that is an event of its own, not an argument."""
        if node.dep_ == "conj" and node.head.dep_ == "xcomp":
            return False  # "refused to allow the planes to land and evacuate": one complement
        if node.dep_ in ("conj", "relcl", "parataxis", "acl", "nsubj", "nsubjpass", "csubj"):
            # the subject phrase is not an argument: "cooperation between X and Y will contribute"
            return True
        if node.dep_ == "advcl":
            # "resigned to allow elections" is one act; "resigned as the opposition threatened" two
            return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)
        return False

    def fold(self, triggers: list[Trigger]) -> list[Trigger]:
        """One event per construction: nested triggers fold into the outer one.

        The outer trigger wins ("refused to meet" is REJECT), except when it is a light or
        framing verb ("plans to impose", "staged a protest") or a bare PETRARCH default and
        the inner trigger is from our lexicon: then the inner one is the event -- unless the
        light verb is itself inside a deciding construction ("threatened to hold a strike" is
        THREATEN, not PROTEST).
        """
        by_index = {t.token.i: t for t in triggers}
        dropped: set[int] = set()
        for trig in triggers:
            outer = self._outer(trig, by_index)
            if outer is None:
                continue
            if (
                outer.token.lemma_.lower() in _SENDING
                and trig.code.startswith("09")
                and trig.token.dep_ in ("advcl", "xcomp")
                and trig.token.head.i == outer.token.i
            ):
                # "sent a team to Sudan to investigate X": the sending is the investigation
                # (CAMEO 09), with the sender and the destination as its actors
                outer.code, outer.info, outer.specific = trig.code, trig.info, True
            light = self._light(outer) or (
                # an order of an act is the act, by whoever ordered it: "ordered the arrest of X"
                outer.token.lemma_.lower() == "order"
                and trig.token.dep_ == "dobj"
                and trig.token.head.i == outer.token.i
                and trig.token.pos_ == "NOUN"
            )
            if (
                light
                and outer.specific
                and trig.token.dep_ == "advcl"
                and trig.token.head.i == outer.token.i
                and trig.info.plover == outer.info.plover
            ):
                # a light verb in a phrase of its own ("launched rocket fire against X") is the act,
                # and a participle of the same type after it its outcome: "..., killing 50"
                light = False
            if light and trig.source == "own":
                # the light verb gives way, unless it is itself inside a construction that
                # decides the type: "threatened to hold a strike", "refused to hold talks"
                above = self._outer(outer, by_index)
                if above is not None and above.source == "own" and not self._light(above):
                    outer, light = above, False
            if light and trig.source == "own":
                dropped.add(outer.token.i)
                trig.folded.extend([outer.token, *outer.folded])
            else:
                dropped.add(trig.token.i)
                outer.folded.append(trig.token)
        for trig in triggers:
            # a light verb whose subject is the event names no act of its own: "the riots are
            # continuing", "talks began on Monday"
            if trig.token.i not in dropped and self._light(trig) and trig.token.pos_ in ("VERB", "AUX"):
                subject = next((c for c in trig.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                noun = by_index.get(subject.i) if subject is not None else None
                if noun is not None and noun.token.i not in dropped:
                    dropped.add(trig.token.i)
                    noun.folded.append(trig.token)
        for trig in triggers:
            # a protest's purpose is its demand, not an act of its own: "staged a strike to
            # demand X", "started a hunger strike to protest Y"
            if trig.token.i in dropped or not _purpose(trig.token):
                continue
            head = trig.token.head
            protest = next(
                (
                    by_index[n.i]
                    for n in (head, *(c for c in head.children if c.dep_ == "dobj"))
                    if n.i in by_index and n.i not in dropped and by_index[n.i].info.plover == "PROTEST"
                ),
                None,
            )
            if protest is None:
                # the protest may have taken the light verb's place: "staged demonstrations"
                protest = next(
                    (
                        t
                        for t in triggers
                        if t.token.i not in dropped and head in t.folded and t.info.plover == "PROTEST"
                    ),
                    None,
                )
            if protest is not None and protest is not trig:
                dropped.add(trig.token.i)
                protest.folded.append(trig.token)
        kept = [t for t in triggers if t.token.i not in dropped]
        for trig in kept:
            # a mutual act stays mutual under the verb that frames it: "X and Y failed to reach
            # agreement" (folded chains included)
            seen, frontier = set(), list(trig.folded)
            while frontier and not trig.reciprocal:
                inner = by_index.get(frontier.pop().i)
                if inner is None or inner.token.i in seen:
                    continue
                seen.add(inner.token.i)
                trig.reciprocal = inner.reciprocal
                frontier.extend(inner.folded)
        return kept

    @staticmethod
    def _light(trig: Trigger) -> bool:
        """Whether a trigger gives way to a trigger it governs: a light or framing verb
        ("plans to", "staged a protest") or a bare PETRARCH default; never an appeal ("wants Y
        to attack": the appeal is the event, the attack is not done)."""
        if trig.code == _APPEAL_CODE and trig.token.lemma_.lower() in _WISHING:
            return False
        return trig.token.lemma_.lower() in _LIGHT or (trig.source == "petrarch" and not trig.specific)

    def _outer(self, trig: Trigger, by_index: dict[int, Trigger]) -> Trigger | None:
        """The nearest trigger whose construction ``trig`` is inside, within six steps up the
        parse and the same clause (an "acl" under a trigger noun still counts)."""
        node = trig.token
        for _ in range(6):
            if node.head.i == node.i:
                return None
            if self._separate_clause(node) and not (node.dep_ == "acl" and node.head.i in by_index):
                return None
            node = node.head
            if node.i in by_index:
                return by_index[node.i]
        return None

    # -- modality --------------------------------------------------------------------------
    @staticmethod
    def modality(token: Any) -> tuple[bool, bool, bool]:
        """``(negated, hypothetical, future)`` for the clause of ``token``."""
        clause = token
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.lower_ in ("no",) and child.dep_ == "det":
                    return True, False, False
            if token.dep_ in ("dobj", "attr", "nsubjpass", "nsubj") or (
                token.dep_ == "pobj" and token.head.dep_ == "prep"
            ):
                clause = token.head if token.dep_ != "pobj" else token.head.head
        negated = hypothetical = future = False
        chain = [clause]
        node = clause
        while (node.dep_ in ("xcomp", "conj") or _promised(node)) and node.head.i != node.i and len(chain) < 4:
            # (the parser hangs some promised acts as an adverbial: "have sworn to fight")
            node = node.head
            chain.append(node)
        for node in chain:
            for child in node.children:
                low = child.lower_
                if child.dep_ == "neg" or low in ("never", "not", "n't"):
                    negated = True
                elif child.dep_ in ("aux", "auxpass"):
                    if low in _FUTURE_AUX or (child.lemma_ == "go" and any(g.lower_ == "to" for g in node.children)):
                        future = True
                    elif low in _HYPOTHETICAL_AUX:
                        hypothetical = True
                elif (child.dep_ == "mark" and low in ("if", "unless", "whether")) or (
                    child.dep_ == "advmod" and low in _HEDGES
                ):
                    hypothetical = True
            if node.i != clause.i and (node.lemma_.lower() in _INTENT_HEADS or node.lemma_.lower() in _PROMISING):
                future = True
            if node.i != clause.i and node.lemma_.lower() in _NEGATIVE_HEADS:
                negated = True
        # an adjective head: "is ready to contribute"
        if clause.dep_ == "xcomp" and clause.head.pos_ == "ADJ" and clause.head.lemma_.lower() in _INTENT_HEADS:
            future = True
        # the clause inside an "if" adverbial
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children):
            hypothetical = True
        # a mandative subjunctive reports what someone wants, not what happened: "demanded that
        # Israel ease restrictions" (base form, own subject, no auxiliary)
        if (
            clause.tag_ == "VB"
            and clause.dep_ in ("ccomp", "acl")
            and any(c.dep_ == "nsubj" for c in clause.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        ):
            hypothetical = True
        # an infinitive completing a noun is a possibility: "the right to fire", "efforts to improve"
        if (
            clause.dep_ == "acl"
            and clause.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            hypothetical = True
        return negated, hypothetical, future

    def _organisation_in(self, head: Any) -> Mention | None:
        """An organisation named inside the phrase of ``head`` (resolving names the actor stage
        left unresolved, e.g. inside a title in quotation marks), added to the article's actors."""
        article = self._article
        if article is None:
            return None
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        for mention in article.mentions:
            if mention.start < start or mention.end > end:
                continue
            actor = article.actor(mention.actor_id)
            if actor is None and mention.label in ("ORG", "WORK_OF_ART", "EVENT", "IGO"):
                from communique.extract.resolve import lookup

                actor = lookup(mention.text, article.date)
                if actor is not None:
                    self._adopt(actor)
            if actor is not None and actor.kind == "organization":
                return Mention(
                    text=mention.text, label=mention.label, start=mention.start, end=mention.end, actor_id=actor.id
                )
        return None

    def _is_place(self, mention: Mention) -> bool:
        actor = self._article.actor(mention.actor_id) if self._article is not None else None
        return mention.label in ("LOC", "FAC") or (actor is not None and actor.kind == "location")

    @staticmethod
    def _standing_state(token: Any) -> bool:
        """Whether the trigger sits in a present-tense relative clause, which describes what its
        antecedent is or keeps doing ("which controls Afghanistan", "which is preparing an
        offensive", "which is backed by Iran") rather than reporting an act ("Russia, which
        condemned Ukraine on Monday", "who have been abducted")."""
        node = token if token.pos_ in ("VERB", "AUX") else token.head
        for _ in range(3):
            if node.dep_ == "relcl":
                break
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
        else:
            return False
        if node.tag_ in ("VBZ", "VBP"):
            return True
        if node.tag_ == "VBN" and node.i == token.i:
            # the present passive trigger is a state too: "which is controlled by X", "who are
            # backed by Y" (not a raising verb over it: "where X is expected to attend")
            return any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in node.children)
        return node.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in node.children)

    @staticmethod
    def _in_main_clause(token: Any) -> bool:
        """Whether the trigger is in the sentence's main assertion (not a relative or adverbial clause).

        A noun trigger counts when it is the object of a main-clause verb ("students staged
        demonstrations"): protests and strikes are often carried out by unnamed crowds.
        """
        node = token
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ not in ("dobj", "attr", "nsubjpass"):
                return False
            node = token.head
        for _ in range(8):
            if node.head.i == node.i:
                return True
            if (
                node.dep_ == "acl"
                and node.head.dep_ == "attr"
                and any(c.dep_ == "expl" for c in node.head.head.children)
            ):
                pass  # "There were ten soldiers killed in X": the existential asserts the act
            elif node.dep_ in ("relcl", "advcl", "acl", "csubj", "pcomp") and not (
                _attempted(node) or _after_dateline(node)
            ):
                return False
            node = node.head
        return True

    @staticmethod
    def _asserted_attack(trig: Trigger, sources: list[Mention], targets: list[Mention]) -> bool:
        """Whether an attack in a side clause is asserted as a main clause would be: a past
        passive relative clause (an auxpass child; not an active one) on its named victims
        ("two Danish aid workers who were kidnapped in Somalia"; the unnamed attacker is the
        place's, see :meth:`_unidentified_attackers`), or a past clause of time with a named
        side ("a guard died after he was beaten by soldiers")."""
        token = trig.token
        if trig.info.plover != "ASSAULT":
            return False
        past = token.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children)
        if token.dep_ == "relcl":
            # passive only: "the rebels who had kidnapped two journalists released them" tells
            # who the rebels are, it asserts nothing
            passive = _is_passive(token)
            return past and passive and token.tag_ == "VBN" and any(m.actor_id for m in targets)
        if token.dep_ == "advcl":
            when = any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_MARKS for c in token.children)
            return when and past and any(m.actor_id for m in (*sources, *targets))
        return False

    @staticmethod
    def _reporter(token: Any) -> Any | None:
        """The subject of the reporting verb whose reported clause holds ``token``, if any."""
        node = token
        for _ in range(4):
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORTING:
                return _reporting_subject(node.head)
            if node.dep_ not in ("xcomp", "conj", "acomp") or node.head.i == node.i:
                return None
            node = node.head
        return None

    @classmethod
    def _announces_own(cls, token: Any) -> bool:
        """Whether the clause of ``token`` is its actor announcing its own decision: a reporting
        verb whose clause has a pronoun for subject ("the US announced it would bar X's
        officials"), which decides a sanction rather than threatening one."""
        if cls._reporter(token) is None:
            return False
        node = token
        while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
            node = node.head
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in node.children)

    @classmethod
    def _willing(cls, token: Any) -> bool:
        """Whether the clause states willingness: "ready to", "offered to", or an actor
        announcing its own future act ("Israel announced it would free prisoners")."""
        if cls._reporter(token) is not None:
            return True
        node = token
        for _ in range(3):
            if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in _WILLING:
                return True
        return False

    @staticmethod
    def _conditional_threat(token: Any, code: str, plover: str) -> str | None:
        """The CAMEO 13x code when ``token`` is an act its actor makes conditional on another's
        ("will withdraw its force unless X ...", "may halt the talks if X ..."), else None.

        The act's clause must carry a modal of intent or possibility (not *must/should*, which
        demand) and an "if"/"unless" clause of its own; the act inside the condition is not it.
        """
        if plover not in _HOSTILE_TYPES and plover not in _WITHHELD_TYPES:
            return None
        clause = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" else token
        chain = [clause]
        while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
            chain.append(chain[-1].head)
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" for c in clause.children):
            return None  # the condition itself, or another adverbial clause
        modal = any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL_AUX for n in chain for c in n.children)
        marks = {
            m.lower_
            for n in chain
            for c in n.children
            if c.dep_ == "advcl"
            for m in c.children
            if m.dep_ == "mark"
            and m.lower_ in ("if", "unless")
            and not any(e.lower_ == "even" for e in c.children)  # "even if" concedes, it sets no condition
        }
        if not modal or not marks or (plover in _WITHHELD_TYPES and "unless" not in marks):
            return None
        return _THREAT_CODE.get(code[:2], "131")

    # -- roles -----------------------------------------------------------------------------
    def _actors_at(self, token: Any, index: dict[int, Mention], deep: bool = False) -> list[Mention]:
        """The actor mentions a phrase headed by ``token`` names (conjuncts included)."""
        if token.dep_ == "dative" and token.pos_ == "ADP":
            # "give permission to Russia": the parser marks the preposition as the dative
            token = next((c for c in token.children if c.dep_ == "pobj"), token)
        heads = [token, *token.conjuncts]
        # a list the parser hangs as an apposition: "the US, Russia, and Switzerland met"
        for appos in [c for c in token.children if c.dep_ == "appos"]:
            if appos.pos_ == "PROPN" and any(c.dep_ == "conj" for c in appos.children):
                heads += [appos, *appos.conjuncts]
        out: list[Mention] = []
        for head in heads:
            found = index.get(head.i)
            if found is None:
                for child in head.children:
                    if child.dep_ in ("compound", "amod", "poss", "nmod", "nummod") and child.i in index:
                        found = index[child.i]
                        break
            if found is None:
                found = _leader_of(head, index)
            if found is None:
                # "the mayor of the Kurdish city of Erbil": down a chain of "of" phrases
                node = head
                for _ in range(3):
                    pobjs = [
                        g
                        for c in node.children
                        if c.dep_ == "prep" and c.lower_ in ("of", "from")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                    hit = next((g for g in pobjs if g.i in index), None)
                    if hit is not None:
                        found = index[hit.i]
                        for conj in hit.conjuncts:
                            if conj.i in index and index[conj.i] not in out:
                                out.append(index[conj.i])
                        break
                    found = next(
                        (
                            index[c.i]
                            for g in pobjs
                            for c in g.children
                            if c.i in index
                            and (
                                c.dep_ in ("compound", "amod", "poss")
                                # a people the parser hangs as a modifier: "thousands of Tamil refugees"
                                or (c.dep_ == "nmod" and index[c.i].label == "NORP")
                            )
                        ),
                        None,
                    )
                    if found is not None or not pobjs:
                        break
                    node = pobjs[0]
            if found is None and head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
                # "lift the sanctions on Iran", "aid to Nepal", "restrictions against German
                # goods": the recipient hangs on the object; "rejected calls by X", "the crimes
                # by Croatian extremists": the object's agent is the one acted upon; also on
                # the noun an "of" chain leads to ("suspended part of an aid programme for X")
                chain = [head]
                while len(chain) < 3:
                    nxt = next(
                        (
                            g
                            for c in chain[-1].children
                            if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    if nxt is None:
                        break
                    chain.append(nxt)
                # an "against"/"on" phrase on the last item of a listed object aims the whole
                # list ("launched artillery, mortar and rocket fire against X"); not "for",
                # which may name the last item's own beneficiary
                children = [c for node in chain for c in node.children] + [
                    c for last in head.conjuncts[-1:] for c in last.children if c.lower_ in _LIST_AIM_PREPS
                ]
                for child in children:
                    if child.dep_ == "prep" and child.lower_ in _OBJECT_RECIPIENT_PREPS:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj" and found is None:
                                found = index.get(pobj.i) or next(
                                    (
                                        index[c.i]
                                        for c in pobj.children
                                        if c.dep_ in ("amod", "compound", "poss") and c.i in index
                                    ),
                                    None,
                                )
            if found is None and deep:
                for sub in head.subtree:
                    if sub.i in index:
                        found = index[sub.i]
                        break
            if found is not None and found.actor_id is None:
                found = self._placed_by_modifier(found, index)
            if found is not None and found not in out:
                out.append(found)
            out.extend(m for m in self._coordinated_modifiers(head, index) if m not in out)
        return out

    @staticmethod
    def _coordinated_modifiers(head: Any, index: dict[int, Mention]) -> list[Mention]:
        """The members a coordinated modifier names: "US and British activists" are American
        activists and British activists, "French and German troops" two armies.

        The parse decides: only modifiers joined by *and*/*or* (``conj``) count; a single
        modifier ("British activists") or a name the actor stage made one mention ("Bosnian
        Serbs") stays one actor.
        """
        out: list[Mention] = []
        for child in head.children:
            if child.dep_ not in ("compound", "amod", "nmod") or not child.conjuncts:
                continue
            for member in (child, *child.conjuncts):
                mention = index.get(member.i)
                if mention is not None and mention.actor_id and mention not in out:
                    out.append(mention)
        return out if len(out) >= 2 else []

    def _placed_by_modifier(self, mention: Mention, index: dict[int, Mention]) -> Mention:
        """A name the actor stage left open, modified by a resolved one ("Iraqi Kurds", "Bosnian
        Serbs", "the Malaysia Airlines flight"): the resolved modifier (for a people, the
        country's civilians); else the name itself."""
        article = self._article
        if article is None:
            return mention
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return mention
        root = span.root
        people = root.tag_ in ("NNPS", "NNS") and mention.label in ("NORP", "PERSON")
        from communique.extract import resolve

        for child in root.children:
            if child.dep_ not in ("compound", "amod", "nmod"):
                continue
            if child.i in index and index[child.i].actor_id:
                found = index[child.i]
            elif people and span.start <= child.i < span.end:
                # a demonym inside the open name itself ("Bosnian Serbs" tagged as one PERSON)
                named = resolve.lookup(child.text)
                if named is None or named.kind != "country":
                    continue
                found = self._mention_of(named, child.idx, child.idx + len(child), label="NORP")
            else:
                continue
            actor = article.actor(found.actor_id)
            if actor is None or actor.kind != "country" or not people:
                return found  # "the Malaysia Airlines flight": the country itself
            # a people of the country ("Iraqi Kurds"): its civilians, not the state
            return self._mention_of(resolve.sector_actor(actor.country or "", "CVL"), mention.start, mention.end)
        if mention.label == "ORG" and root.dep_ in ("amod", "compound") and root.head.pos_ == "NOUN":
            # a modifier the tagger took for an organisation ("Angry Dutch fishermen"): the
            # demonym in it qualifies the noun like any demonym
            for word in span:
                named = resolve.lookup(word.text) if word.text[:1].isupper() else None
                if named is not None and named.kind == "country":
                    return self._mention_of(named, word.idx, word.idx + len(word), label="NORP")
        return mention

    def _subject(self, token: Any) -> tuple[Any | None, bool]:
        """The subject token of a verb (climbing xcomp/conj chains) and whether it is passive."""
        node = token
        raised = False  # climbed out of an open complement: "X is scheduled to attend" is X acting
        # a passive verb sharing its subject with an active one: "The civilians imprisoned ...
        # were released by Putin" (the subject hangs on the first conjunct)
        shared_passive = False
        for _ in range(4):
            # a dateline the parser hangs on the verb as a second subject ("KABUL, Afghanistan:
            # two men were killed ...") is tried last
            for child in sorted(node.children, key=_dateline_subject):
                if child.dep_ in ("nsubj", "csubj"):
                    if node.dep_ == "relcl" and child.tag_ in ("WDT", "WP") and node.head.i != node.i:
                        return node.head, False  # "Russia, which condemned Ukraine, ..."
                    return _gerund_subject(child), shared_passive
                if child.dep_ == "nsubjpass":
                    if node.dep_ == "relcl" and child.tag_ in ("WDT", "WP") and node.head.i != node.i:
                        return node.head, True  # "journalists who were abducted": the antecedent
                    # "Israel is opposed to ...", "Vietnam is committed to ...": a state of the
                    # subject, not something done to it (no by-agent)
                    stative = node.lemma_.lower() in _STATIVE_PARTICIPLES and not any(
                        c.dep_ == "agent" for c in node.children
                    )
                    return child, not raised and not stative
            if node.dep_ in ("xcomp", "acomp"):
                raised = True
            if node.dep_ in ("xcomp", "conj", "ccomp", "acomp") and node.head.i != node.i:
                if node.dep_ == "xcomp":
                    # object control: "urged Iran to stop" -> the object is the subject
                    obj = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
                    if obj is not None:
                        return obj, False
                elif node.dep_ == "ccomp":
                    return None, False
                if node.dep_ == "conj" and node.i == token.i:
                    shared_passive = token.tag_ == "VBN" and _is_passive(token)
                node = node.head
                continue
            if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
                return node.head, node.tag_ == "VBN"
            break
        return None, False

    def roles(self, trig: Trigger, index: dict[int, Mention]) -> tuple[list[Mention], list[Mention], bool]:
        """Source and target mentions of a trigger, and whether the event is reciprocal."""
        token = trig.token
        sources: list[Mention] = []
        targets: list[Mention] = []
        reciprocal = False
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i in index:
                    sources.append(index[child.i])
            if not sources:
                # "the sanctions imposed on Iran by the European Union": the participle's agent
                for acl in token.children:
                    if acl.dep_ == "acl" and acl.tag_ == "VBN":
                        for agent in acl.children:
                            if agent.dep_ == "agent":
                                for pobj in agent.children:
                                    if pobj.dep_ == "pobj":
                                        sources.extend(self._actors_at(pobj, index))
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self._actors_at(pobj, index, deep=child.lower_ == "between")
                            if child.lower_ in ("between", "among") and len(found) >= 2 and not sources:
                                sources, reciprocal = found, True
                                continue
                            if child.lower_ in ("in", "at"):
                                # "talks in Tbilisi": a place, not a participant
                                found = [m for m in found if not self._is_place(m)]
                            targets.extend(m for m in found if m not in targets)
            if not sources:
                head = token.head
                if token.dep_ in ("dobj", "attr", "pobj", "nsubjpass", "appos"):
                    verb = head.head if token.dep_ == "pobj" else head
                    if token.dep_ == "pobj" and head.head.pos_ in ("NOUN", "PROPN"):
                        verb = head.head.head if head.head.dep_ in ("dobj", "attr") else head.head
                    subj, passive = self._subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
                    if subj is not None and not passive:
                        sources = self._actors_at(subj, index)
                        if not sources and subj.pos_ == "NOUN":
                            group = self._located_group(subj, token, [], index)
                            sources = [group] if group is not None else []
            if not targets and token.dep_ in ("dobj", "attr"):
                # "issued a stern reminder to Iraq", "lodged a protest with Albania": the
                # recipient hangs on the light verb
                for child in token.head.children:
                    if child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with", "against", "for"):
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                targets.extend(m for m in self._actors_at(pobj, index) if m not in sources)
            if not targets and trig.info.plover in _CLAUSE_TARGET_TYPES:
                # "its demand that Israel ease restrictions" (the clause may hang on the verb)
                targets.extend(m for m in self._clause_subjects(token, index) if m not in sources)
                if not targets and token.dep_ in ("dobj", "attr"):
                    targets.extend(m for m in self._clause_subjects(token.head, index) if m not in sources)
            if not targets:
                # nominal events name their participants inside the phrase ("the conference
                # dedicated to the anniversary of the Belarus-Azerbaijan relations")
                for sub in token.subtree:
                    if (
                        sub.i != token.i
                        and sub.i in index
                        and index[sub.i] not in sources
                        and index[sub.i] not in targets
                        and not self._is_place(index[sub.i])
                    ):
                        targets.append(index[sub.i])
                if len(targets) > 3:
                    targets = []
            dying = _dying_verb(token, trig.info.plover)
            undergoers = self._undergoers(token, index, dying)
            if undergoers:
                # "Iran faces UN sanctions", "received assurances from X": the subject undergoes
                # the act; whoever gives it (the noun's own actor, the from/by phrase) is the source
                if dying is not None:
                    # a verb of dying: the noun's own modifier or by-phrase attacks ("died in a
                    # Taliban attack", "in an attack by X"), not what its phrase names ("an
                    # attack on a checkpoint in X"), else whoever held the victim ("died of
                    # torture in Israeli police custody")
                    own = [m for m in self._attack_agents(token, index) if m not in undergoers]
                    sources = own or self._custodians(token, dying, index)
                else:
                    sources = [m for m in (*sources, *targets) if m not in undergoers]
                targets = undergoers
        else:
            subj, passive = self._subject(token)
            if subj is None and trig.info.plover == "PROTEST" and _purpose(token):
                # protesting by doing something: "workers stayed home to protest X" (other
                # purposes are intentions, not acts: "worked to push X out")
                subj, passive = self._subject(token.head)
            if subj is None and token.dep_ == "ROOT":
                subj = self._stranded_subject(token)
            subj_mentions = self._actors_at(subj, index, deep=trig.reciprocal) if subj is not None else []
            if subj is not None and not subj_mentions and subj.pos_ == "PRON" and subj.lower_ not in _FIRST_PERSON:
                # "Israel announced it would free ...": the pronoun is the reporter
                reporter = self._reporter(token)
                if reporter is not None:
                    subj_mentions = self._actors_at(reporter, index)
                if reporter is not None and not subj_mentions and reporter.pos_ == "NOUN":
                    # "Militants loyal to X said they attacked ...": the group loyal to a named
                    # actor (not one placed by a town: "negotiators in Vienna said they ...")
                    group = self._loyal_group(reporter, index)
                    subj_mentions = [group] if group is not None else []
            if subj is not None and not subj_mentions and subj.pos_ == "NOUN":
                # "Bosnian Serbs said their forces had completed their withdrawal"
                owned = self._reporters_body(subj, token, index)
                if owned is not None:
                    subj_mentions = [owned]
            if (
                subj is not None
                and not subj_mentions
                and subj.pos_ == "NOUN"
                and (not passive or subj.dep_ == "nsubjpass")
            ):
                # an unnamed group, the actor or (passive subject) the one acted on: "a journalist
                # was killed in a car bomb in Beirut" -> LBN MED; "forces loyal to X" are X's
                group = self._loyal_group(subj, index) or self._located_group(subj, token, trig.folded, index)
                if group is not None:
                    subj_mentions = [group]
            if passive:
                targets.extend(subj_mentions)
                for child in token.children:
                    if child.dep_ == "agent":
                        for pobj in child.children:
                            sources.extend(self._actors_at(pobj, index))
                if not sources and trig.info.plover in ("RETREAT", "SANCTION") and _withdrawn(token):
                    # "guerrillas have been demobilized", "troops were pulled out of X": with no
                    # agent named, the ones withdrawn are the ones who retreat (PLOVER's source)
                    sources, targets = subj_mentions, [m for m in targets if m not in subj_mentions]
            else:
                sources.extend(subj_mentions)
            # the trigger's own objects first; then, for a demand or accusation, the subject of
            # its that-clause ("demanded that Israel ease ...", "said Sudan must return ...");
            # then the objects of folded triggers and of its open complement ("threatened to cut
            # off electricity to X")
            zone_heads = [token, *trig.folded, *self._complements(token), *self._object_clauses(token)]
            for n, head in enumerate(zone_heads):
                if targets and head.i != token.i:
                    break
                if n == 1 and trig.info.plover in _CLAUSE_TARGET_TYPES:
                    targets.extend(m for m in self._clause_subjects(token, index) if m not in sources)
                    if targets:
                        break
                for child in head.children:
                    if child.dep_ in ("dobj", "dative", "attr", "oprd") and not (passive and child.dep_ == "dobj"):
                        targets.extend(m for m in self._actors_at(child, index) if m not in targets)
                    elif (
                        child.dep_ == "prep"
                        and child.lower_ == "for"
                        and head.i == token.i
                        and trig.info.plover == "REQUEST"
                    ):
                        # "called for sanctions against X", "appealed for aid to X": the object's
                        # recipient, not the object ("called for restraint")
                        for pobj in child.children:
                            if pobj.dep_ == "pobj" and pobj.i not in index:
                                found = [m for m in self._actors_at(pobj, index) if m.actor_id and m not in sources]
                                targets.extend(m for m in found if m not in targets)
                    elif child.dep_ == "prep" and child.lower_ in _VERB_TARGET_PREPS:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found = self._actors_at(pobj, index, deep=child.lower_ == "between")
                                if child.lower_ in ("between", "among") and len(found) >= 2 and not sources:
                                    sources, reciprocal = found, True
                                    continue
                                targets.extend(m for m in found if m not in targets)
                    elif child.dep_ == "ccomp" and head.i != token.i and head.lemma_.lower() in _CAUSATIVE:
                        # "refused to allow United Nations planes to land": the one allowed
                        for subj in child.children:
                            if subj.dep_ in ("nsubj", "nsubjpass"):
                                targets.extend(m for m in self._actors_at(subj, index) if m not in targets)
            if len(zone_heads) == 1 and not targets and trig.info.plover in _CLAUSE_TARGET_TYPES:
                targets.extend(m for m in self._clause_subjects(token, index) if m not in sources)
            if trig.info.plover == "ACCUSE" and targets and not passive:
                targets = self._complained_about(token, index, sources) or targets
            if passive and not sources:
                # "were killed in Turkish artillery fire", "died in an air strike by government
                # forces": the attack names the agent
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("in", "during"):
                        for pobj in child.children:
                            # "killed in Turkish artillery fire" (the parser may make the weapon the object)
                            attack = pobj.lemma_.lower() in _ATTACK_NOUNS or pobj.lemma_.lower() in _MILITARY_NOUNS
                            if pobj.dep_ == "pobj" and attack and not sources:
                                sources.extend(self._attack_agents(pobj, index))
            if passive and not sources:
                # "Gabala and Ganja were awarded the status 'Cultural Capital of the CIS'":
                # without a by-agent, an organisation named in the object is the giver.
                for child in token.children:
                    if child.dep_ in ("dobj", "attr", "oprd") and not sources:
                        giver = self._organisation_in(child)
                        if giver is not None and giver not in targets:
                            sources.append(giver)
        if len(sources) == 1 and token.pos_ in ("VERB", "AUX", "ADJ"):
            # "Minister X said Chile would lift the tariffs": the official who speaks for the country
            sources = [self._speaking_official(token, sources[0], index) or sources[0]]
        if not targets and len(sources) >= 2 and (trig.reciprocal or trig.info.plover == "CONSULT"):
            # meetings are mutual whichever verb reports them ("X and Y attended a summit")
            reciprocal = True
        return sources, targets, reciprocal

    def _loyal_group(self, noun: Any, index: dict[int, Mention]) -> Mention | None:
        """A group loyal to a named actor is of that actor's country, with the sector of its own
        noun: "forces loyal to Muammar Gaddafi" -> LBY MIL, "militias loyal to the cleric X" ->
        the cleric's country, REB. None when the noun has no "loyal to" or the actor no country.

        Args:
            noun: the group noun (a subject).
            index: mentions by token index.

        Returns:
            A mention of the group bound to a country or country-sector actor, or None.
        """
        article = self._article
        if article is None:
            return None
        from communique.extract import resolve

        for amod in noun.children:
            if amod.dep_ != "amod" or amod.lemma_.lower() != "loyal":
                continue
            for prep in amod.children:
                if prep.dep_ != "prep" or prep.lower_ != "to":
                    continue
                for pobj in prep.children:
                    for found in self._actors_at(pobj, index):
                        actor = article.actor(found.actor_id)
                        if actor is None or not actor.country or actor.igo:
                            continue
                        sector = self._group_noun_sector(noun)
                        placed = (
                            resolve.sector_actor(actor.country, sector)
                            if sector
                            else resolve.country_actor(actor.country)
                        )
                        return self._mention_of(placed, noun.left_edge.idx, noun.idx + len(noun.text))
        return None

    def _speaking_official(self, token: Any, source: Mention, index: dict[int, Mention]) -> Mention | None:
        """The official or state body that reports an act of its own country ("Planning Minister
        X said Chile would lift the tariffs", "the Foreign Ministry said Russia will respond"):
        the country acts through the one who speaks for it, so the source takes its sector.

        Args:
            token: the trigger.
            source: the event's one source, used only when it names a bare country.
            index: mentions by token index.

        Returns:
            The reporter's mention, or None (another source, no reporter, another country, or a
            reporter outside the state's bodies).
        """
        article = self._article
        actor = article.actor(source.actor_id) if article is not None else None
        if article is None or actor is None or actor.kind != "country" or actor.sector or source.label != "GPE":
            return None  # a demonym on a group ("Japanese manufacturers") is no country acting
        reporter = self._reporter(token)
        if reporter is None:
            return None
        for found in self._actors_at(reporter, index):
            speaker = article.actor(found.actor_id)
            if speaker is not None and speaker.country == actor.country and speaker.sector in _HOME_SECTORS | {"MIL"}:
                return found
        return None

    def _complained_about(self, token: Any, index: dict[int, Mention], sources: list[Mention]) -> list[Mention]:
        """The one a complaint addressed to someone else is about: "complained to the OSCE
        about Russian shelling" -> Russia, the CAMEO and PLOVER target (the addressee
        is only the audience). Empty unless the verb has both a "to" addressee and an
        over/about/against phrase naming a resolved actor ("complained to China about the
        arrests" keeps China).

        Args:
            token: the ACCUSE trigger (a verb).
            index: mentions by token index.
            sources: the event's sources (never its target).

        Returns:
            The actors the complaint is about, or an empty list.
        """
        preps = [c for c in token.children if c.dep_ in ("prep", "dative")]
        if not any(p.lower_ == "to" for p in preps):
            return []
        found: list[Mention] = []
        for prep in preps:
            if prep.lower_ not in ("over", "about", "against"):
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found.extend(m for m in self._actors_at(pobj, index, deep=True) if m.actor_id and m not in sources)
        return found

    @staticmethod
    def _stranded_subject(token: Any) -> Any | None:
        """The noun right before a main verb the parser left without a subject ("With the
        signing of a memorandum, the government and the rebels have agreed": the parser hangs
        the coordination on the memorandum); None when the verb's left neighbour is no noun
        hung elsewhere."""
        i = token.i - 1
        while i >= token.sent.start and token.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        if i < token.sent.start:
            return None
        noun = token.doc[i]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("conj", "appos", "pobj", "npadvmod"):
            return None
        return noun

    def _reporters_body(self, subj: Any, token: Any, index: dict[int, Mention]) -> Mention | None:
        """A body owned by a pronoun in a reported clause is the reporter's: "Israel said its
        troops had withdrawn" -> ISR MIL (the sector of the noun, when it has one)."""
        article = self._article
        if article is None or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
            return None
        reporter = self._reporter(token)
        if reporter is None:
            return None
        found = self._actors_at(reporter, index)
        actor = article.actor(found[0].actor_id) if found else None
        if actor is None or not actor.country or actor.kind not in ("country", "organization"):
            return None
        from communique.extract import resolve

        sector = resolve.title_sector([subj.lower_]) or resolve.title_sector([subj.lemma_.lower()])
        if not sector or actor.sector == sector:
            return found[0]
        return self._mention_of(
            resolve.sector_actor(actor.country, sector), subj.left_edge.idx, subj.idx + len(subj.text)
        )

    def _located_group(self, subj: Any, token: Any, folded: list[Any], index: dict[int, Mention]) -> Mention | None:
        """An unnamed group as the source: the country it is in, with the sector of its noun.

        "Opposition groups in Zimbabwe" -> ZWE OPP, "thousands of students throughout Indonesia"
        -> IDN EDU; a crowd without a place of its own ("people blocked streets in Hong Kong")
        is of the place where it acts. Returns a mention of the group phrase bound to a
        country or country-sector actor (added to the article), or None.
        """
        article = self._article
        if article is None:
            return None
        head = subj
        for _ in range(3):  # "tens of thousands of students": the counted noun is the group
            if head.lemma_.lower() not in _QUANTITY_NOUNS and head.pos_ != "NUM":
                break
            pobj = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
            if pobj is None:
                break  # "opposition groups in Zimbabwe": the group itself
            head = pobj
        if head.pos_ != "NOUN" or head.ent_type_:
            return None
        lemma = head.lemma_.lower()
        from communique.extract import resolve

        words = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i] + [head.lower_]
        sector = resolve.title_sector(words) or (
            "CVL" if lemma in _PEOPLE_NOUNS or head.lower_ in _PEOPLE_NOUNS else None
        )
        if sector is None and lemma not in _PEOPLE_NOUNS and lemma not in _DOCUMENT_NOUNS and head.tag_ != "NNS":
            return None  # a thing, not a group of people ("a law recognizing ...")
        country = None
        # "opposition groups in Zimbabwe"; "a newspaper based in Beirut", "workers affiliated
        # with the Serbian union" (a participle's place or body)
        preps = [p for p in head.children if p.dep_ == "prep" and p.lower_ in _GROUP_PLACE_PREPS]
        preps += [
            p
            for acl in head.children
            if acl.dep_ == "acl" and acl.tag_ in ("VBN", "VBG")
            for p in acl.children
            if p.dep_ == "prep" and p.lower_ in (*_GROUP_PLACE_PREPS, "with")
        ]
        for prep in preps:
            for sub in prep.subtree:
                mention = index.get(sub.i)
                actor = article.actor(mention.actor_id) if mention is not None else None
                if actor is not None and actor.country and actor.kind in ("country", "location"):
                    country = actor.country
                    break
                if actor is not None and actor.country and actor.kind == "organization" and prep.lower_ == "with":
                    country = actor.country  # "workers affiliated with the Serbian union"
                    break
            if country:
                break
        if country is None and sector not in _STATE_SECTORS and (sector or lemma in _PEOPLE_NOUNS):
            # ordinary people (not soldiers or officials, who may be foreign) are of the place
            # where they act: "students demonstrated in Jakarta"
            place = self._place_target(token, folded, index)
            country = place.actor_id if place is not None else None
        if country is None and sector == "REB" and subj.dep_ == "nsubj" and self._acts_on_a_country(token, subj, index):
            # armed men nothing places, acting on a country's actor or place ("insurgents
            # shelled part of X's second city"): the sector alone, no country
            actor = Actor(id=f"---:{sector}", name=f"({sector})", kind="organization", sector=sector)
            return self._mention_of(actor, subj.left_edge.idx, head.idx + len(head.text))
        if country is None:
            return None
        # a group placed by its own phrase ("farmers in France") is of that country even when
        # its noun gives no sector
        actor = resolve.sector_actor(country, sector) if sector else resolve.country_actor(country)
        return self._mention_of(actor, subj.left_edge.idx, head.idx + len(head.text))

    def _acts_on_a_country(self, token: Any, subj: Any, index: dict[int, Mention]) -> bool:
        """Whether the trigger's phrase, outside its subject, names an actor with a country."""
        article = self._article
        own = {t.i for t in subj.subtree}
        for t in token.subtree:
            mention = index.get(t.i) if t.i not in own else None
            actor = article.actor(mention.actor_id) if article is not None and mention is not None else None
            if actor is not None and actor.country:
                return True
        return False

    def _people_at_home(self, mention: Mention, token: Any, trig: Trigger, index: dict[int, Mention]) -> Mention:
        """A people named by a demonym, living in another country, is of that country.

        "the Albanians of southern Serbia", "ethnic Albanians in Macedonia" -> SRB, MKD (CVL);
        an "ethnic" people without a place of its own is of the place where it acts ("ethnic
        Albanians demonstrated in Serbia"), the convention of the PLOVER coders, who code an
        ethnic group by where it lives. Other mentions are returned unchanged.
        """
        article = self._article
        actor = article.actor(mention.actor_id) if article is not None else None
        if article is None or actor is None:
            return mention
        # "ethnic Uzbek militants based in Afghanistan": the actor stage made the demonym
        # and its noun one body of the demonym's country; an ethnic group is of where it lives
        group = (
            mention.label == "INSTITUTION"
            and actor.sector is not None
            and actor.id == f"{actor.country}:{actor.sector}"
        )
        if not group and (actor.kind != "country" or mention.label != "NORP"):
            return mention
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return mention
        word = span[0] if group else span.root
        # the people noun: the demonym itself ("Albanians") or the noun it modifies ("Albanian guerrillas")
        head = word.head if word.dep_ in ("amod", "compound", "nmod") and word.head.pos_ == "NOUN" else word
        if head is word and word.tag_ not in ("NNPS", "NNS"):
            return mention
        # "ethnic Albanians", and a people named as a community living somewhere ("the Albanian
        # population of the province", "the Russian minority in Estonia")
        ethnic = any(c.lower_ == "ethnic" for n in (word, head) for c in n.children) or (
            head is not word and head.lemma_.lower() in _COMMUNITY_NOUNS
        )
        if group and not ethnic:
            return mention
        if head is not word and not ethnic:
            return mention  # "Brazilian men in Guyana", "French mediation in ...": not a people at home
        if head is not word:
            from communique.extract import resolve

            lemma = head.lemma_.lower()
            people = lemma in _PEOPLE_NOUNS or lemma in _REBEL_NOUNS or lemma in _COMMUNITY_NOUNS
            if not (people or resolve.title_sector([head.lower_])):
                return mention
        place = None
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "inside", "throughout")]
        if ethnic:  # "ethnic Kurdish fighters based in Syria"
            preps += [
                c
                for acl in head.children
                if acl.dep_ == "acl" and acl.tag_ in ("VBG", "VBN")  # "operating in", "based in"
                for c in acl.children
                if c.dep_ == "prep" and c.lower_ in ("in", "inside", "throughout")
            ]
        for prep in preps:
            for sub in prep.subtree:
                found = index.get(sub.i)
                where = article.actor(found.actor_id) if found is not None else None
                if where is not None and where.country and found.label in ("GPE", "LOC", "FAC"):  # type: ignore[union-attr]
                    place = where.country
                    break
            if place:
                break
        if place is None and ethnic:
            at = self._place_target(trig.token, trig.folded, index)
            where = article.actor(at.actor_id) if at is not None else None
            place = where.country if where is not None else None
        if place is None or place == actor.country:
            return mention
        from communique.extract import resolve

        sector = (actor.sector if group else None) or "CVL"
        return self._mention_of(resolve.sector_actor(place, sector), mention.start, mention.end)

    def _unidentified_attackers(self, token: Any, trig: Trigger, index: dict[int, Mention]) -> Mention | None:
        """The unidentified armed forces (sector UAF) of the place of an attack, or None.

        The place hangs on the trigger (see :meth:`_place_target`), on an attack noun that is
        its subject ("a car bomb near Kirkuk killed ...") or on the attack noun or weapon of
        its *in*/*by* phrase ("killed in a car bomb explosion in Beirut").
        """
        article = self._article
        if article is None:
            return None
        scenes = [token]
        subj, passive = self._subject(token) if token.pos_ in ("VERB", "AUX") else (None, False)
        if _attempted(token):
            # "an attempt to assassinate X was foiled in Y": the attempt names no one, and the
            # verb it is the subject or object of places it
            subj = None
            scenes.append(token.head.head)
        if subj is not None and not passive:
            if subj.lemma_.lower() not in _ATTACK_NOUNS:
                return None  # someone is named ("soldiers fired at ..."), if not resolved
            scenes.append(subj)
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by", "during"):
                scenes += [g for g in child.children if g.dep_ == "pobj"]
        for scene in scenes:
            place = self._place_target(scene, trig.folded if scene is token else [], index)
            actor = article.actor(place.actor_id) if place is not None else None
            if actor is not None and actor.country:
                from communique.extract import resolve

                return self._mention_of(resolve.sector_actor(actor.country, "UAF"), place.start, place.end)  # type: ignore[union-attr]
        return None

    def _circumstance_actors(self, token: Any, index: dict[int, Mention]) -> list[Mention]:
        """The actors of a circumstance noun under a trigger: "despite pressure by X", "after
        talks with X", "amid calls from X" (the noun's by/with/from phrase)."""
        for prep in [c for head in [token, *self._complements(token)] for c in head.children]:
            if prep.dep_ != "prep" or prep.lower_ not in _CIRCUMSTANCE_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for inner in noun.children:
                    if inner.dep_ == "prep" and inner.lower_ in ("by", "with", "from"):
                        for pobj in inner.children:
                            if pobj.dep_ == "pobj":
                                found = [m for m in self._actors_at(pobj, index) if m.actor_id]
                                if found:
                                    return found
        return []

    def _domestic_target(self, source: Mention, plover: str, code: str = "") -> Mention | None:
        """The other side of an act with no target named, at home (PLOVER coders' reading):
        a protest by a non-state group of X is aimed at X's government; coercion by X's state
        body ("imposed martial law") falls on X's people; rebels of X standing down (a truce,
        demobilizing, laying down arms: CAMEO 087x) stand down before X's government."""
        article = self._article
        if article is None:
            return None
        actor = self._event_actor(article, source)
        if not actor.country or actor.igo:
            return None
        if plover == "PROTEST" and actor.sector and actor.sector not in _STATE_SECTORS:
            sector = "GOV"
        elif plover == "COERCE" and actor.sector in _HOME_SECTORS:
            sector = "CVL"
        elif plover == "RETREAT" and actor.sector == "REB" and code.startswith("087"):
            sector = "GOV"
        else:
            return None
        from communique.extract import resolve

        return self._mention_of(resolve.sector_actor(actor.country, sector), source.start, source.end)

    def _adopt(self, actor: Actor) -> Actor:
        """``actor``, added to the article's actors unless one with its id is there already."""
        article = self._article
        assert article is not None
        if article.actor(actor.id) is None:
            article.actors.append(actor)
        return actor

    def _mention_of(self, actor: Actor, start: int, end: int, label: str = "GROUP") -> Mention:
        """A mention of ``actor`` over the article's text from ``start`` to ``end`` (the actor
        adopted): the group, people or forces an event rule found there."""
        self._adopt(actor)
        text = self._article.text if self._article is not None else ""
        return Mention(text=text[start:end], label=label, start=start, end=end, actor_id=actor.id)

    def _is_town(self, mention: Mention) -> bool:
        actor = self._article.actor(mention.actor_id) if self._article is not None else None
        return actor is not None and actor.kind == "location" and bool(actor.country)

    def _people_of_place(self, place: Mention, victim: str | None = None) -> Mention:
        """The civilians (CVL) of the country of a place mention (a town or a country); the
        group whose place it names when there is one ("banned the largest extremist
        organization in Catalonia" -> ESP REB, see :meth:`_enclosing_group_sector`), else
        the sector of the unnamed ``victim`` the act is done to ("tried to kill the deputy
        mayor" -> GOV, see :meth:`_victim_sector`)."""
        article = self._article
        actor = article.actor(place.actor_id) if article is not None else None
        if article is None or actor is None or not actor.country:
            return place
        from communique.extract import resolve

        sector = self._enclosing_group_sector(article, place) or victim or "CVL"
        return self._mention_of(resolve.sector_actor(actor.country, sector), place.start, place.end, label=place.label)

    @staticmethod
    def _victim_sector(token: Any) -> str | None:
        """The sector of the unnamed person or group a forceful act is done to, by its noun:
        the object ("assassinate the deputy governor" -> GOV, "killed two soldiers" -> MIL) or
        a passive's subject ("a police officer was shot" -> COP); None for civilians or a
        noun that names no group (bombs, buildings)."""
        nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
        for noun in nouns:
            sector = EventCoder._group_noun_sector(noun)
            if sector not in (None, "CVL"):
                return sector
        return None

    def _seat_of(self, place: Mention) -> Mention:
        """A capital named as the place of a non-forceful act is its country's government, as
        the PLOVER coders read it ("shut down the capital", "opened an embassy in X"); any other
        place mention is returned as it is.

        Args:
            place: a place-target mention from :meth:`_place_target` (bound to the country).

        Returns:
            A mention bound to the country's GOV actor, or ``place``.
        """
        article = self._article
        actor = article.actor(place.actor_id) if article is not None else None
        if article is None or actor is None or not actor.country or not _is_capital_of(place.text, actor.country):
            return place
        from communique.extract import resolve

        return self._mention_of(resolve.sector_actor(actor.country, "GOV"), place.start, place.end, label=place.label)

    def _placed(self, mention: Mention) -> bool:
        """Whether a mention's actor has a country or an IGO (a person without one has not)."""
        actor = self._article.actor(mention.actor_id) if self._article is not None else None
        return actor is not None and bool(actor.country or actor.igo)

    def _home_country(self, mention: Mention | None) -> str | None:
        """The country of a state body or official acting at home (:data:`_HOME_SECTORS`)."""
        if mention is None or self._article is None or not mention.actor_id:
            return None
        actor = self._event_actor(self._article, mention)
        if actor.igo or not actor.country or actor.sector not in _HOME_SECTORS:
            return None
        return actor.country

    def _home_group(self, token: Any, iso3: str, index: dict[int, Mention]) -> Mention | None:
        """An unnamed group of people headed by ``token`` as a group of ``iso3``.

        "radical Islamist protesters" -> OPP, "workers of the bus company" -> LAB,
        "52 members of the banned movement" -> the country alone. Things ("weapons", "a
        curfew") and phrases that name an actor of their own are no such group.
        """
        article = self._article
        if article is None or token.pos_ not in ("NOUN", "NUM"):
            return None
        head = token
        for _ in range(3):  # "thousands of workers", "a group of refugees"
            if head.lemma_.lower() not in _QUANTITY_NOUNS and head.pos_ != "NUM":
                break
            head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), head)
            if head.pos_ == "NUM":
                break
        if head.pos_ != "NOUN" or head.ent_type_:
            return None
        if any(c.dep_ == "poss" for c in head.children):
            return None  # "her opposition to tariffs": a stance, not a group
        for sub in head.subtree:
            named = index.get(sub.i)
            actor = article.actor(named.actor_id) if named is not None else None
            if actor is not None and (actor.country or actor.igo):
                return None  # "workers in Kenya", "Congolese refugees": placed by the stage
        lemma = head.lemma_.lower()
        from communique.extract import resolve

        words = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i] + [head.lower_]
        sector = resolve.title_sector(words) or (
            "CVL" if lemma in _PEOPLE_NOUNS else "REB" if lemma in _REBEL_NOUNS else None
        )
        if sector is None and lemma not in _MEMBER_NOUNS:
            return None
        actor = resolve.sector_actor(iso3, sector) if sector else resolve.country_actor(iso3)
        return self._mention_of(actor, token.left_edge.idx, head.idx + len(head.text))

    def _acted_on(self, token: Any, folded: list[Any]) -> list[Any]:
        """The nouns a trigger acts on: objects of it, its folded triggers and complements, the
        subject of a passive, and for a noun trigger its target prepositions' objects."""
        out: list[Any] = []
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                    out += [g for g in child.children if g.dep_ == "pobj"]
            return out
        subj, passive = self._subject(token)
        if passive and subj is not None:
            out.append(subj)
        # a purpose clause names whom the act is aimed at: "opened fire to disperse protesters"
        purposes = [c for c in token.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)]
        for head in [token, *folded, *self._complements(token), *purposes]:
            for child in head.children:
                if child.dep_ == "dobj" and not (passive and head.i == token.i):
                    out.append(child)
                    # "accepted demands from rebels": the object's author
                    out += [
                        g
                        for c in child.children
                        if c.dep_ == "prep" and c.lower_ in ("from", "by")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ]
                elif child.dep_ == "prep" and child.lower_ in ("from", "against", "on", "with"):
                    out += [g for g in child.children if g.dep_ == "pobj"]
        return out

    def _actor_subject(self, token: Any) -> Any | None:
        """The active subject of a verb trigger, or of the verb that governs a noun trigger."""
        verb = token
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ not in ("dobj", "attr", "pobj"):
                return None
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if verb.pos_ not in ("VERB", "AUX"):
                return None
        subj, passive = self._subject(verb)
        return None if passive else subj

    def _purpose_actors(self, token: Any, index: dict[int, Mention]) -> list[Mention]:
        """The actors of the purpose clause ("to demand ...", "in protest of ...") of a trigger
        or, for a noun trigger, of the verb that governs it; places excluded."""
        heads = [token]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr", "nsubj"):
            heads.append(token.head)
        clauses = [
            c
            for h in heads
            for c in h.children
            if (c.dep_ in ("advcl", "xcomp", "acl") and any(a.lower_ == "to" for a in c.children))
            or (c.dep_ == "prep" and c.lower_ in ("against", "over"))
            or (c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in _PROTEST_FRAMES for g in c.children))
        ]
        clauses += self._demanding_clauses(heads)
        for clause in clauses:
            found: list[Mention] = []
            for sub in [*clause.subtree, *self._stranded_agent(clause)]:
                mention = index.get(sub.i)
                if mention is None or self._is_place(mention) or mention in found:
                    continue
                actor = self._article.actor(mention.actor_id) if self._article is not None else None
                if actor is not None and actor.kind == "location":
                    continue
                top = sub
                while top.dep_ in ("amod", "compound", "nmod") and top.head.i != top.i:
                    top = top.head
                if top is not sub and any(
                    t.i in index and index[t.i] is not mention and index[t.i].actor_id
                    for t in top.subtree
                    if t.i > sub.i
                ):
                    continue  # "the resignation of Algerian President X": X, not the title's demonym
                found.append(mention)
            if found:
                # the first resolved one ("a bill signed by Labour Minister X": X, not "Labour")
                return [next((m for m in found if m.actor_id), found[0])]
        return []

    @staticmethod
    def _stranded_agent(prep: Any) -> list[Any]:
        """The tokens of a *by* phrase the parser hung on the verb right after an
        *against*/*over* phrase ("staged demonstrations against the arrests by Bolivian
        police": the police made the arrests), which belongs to that phrase's noun; an active
        verb takes no agent. Empty for any other phrase."""
        if prep.dep_ != "prep" or prep.lower_ not in ("against", "over"):
            return []
        verb = prep.head
        if verb.pos_ != "VERB" or _is_passive(verb):
            return []
        after = prep.right_edge.i + 1
        return [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == after for t in c.subtree]

    @staticmethod
    def _demanding_clauses(heads: list[Any]) -> list[Any]:
        """The participle clauses of demand on the verbs ``heads`` ("marched ..., demanding a
        vote on secession from X", "joined the crowds in calling for X to resign"):
        like a "to demand" clause, they say whom a protest is aimed at."""
        out: list[Any] = []
        for head in heads:
            for clause in head.children:
                if clause.dep_ != "advcl" or clause.tag_ != "VBG":
                    continue
                if clause.lemma_.lower() in _DEMANDING:
                    out.append(clause)
                    continue
                # "joining nurses in demanding ..."
                out.extend(
                    g
                    for c in clause.children
                    if c.dep_ == "prep" and c.lower_ == "in"
                    for g in c.children
                    if g.dep_ == "pcomp" and g.lemma_.lower() in _DEMANDING
                )
        return out

    def _attack_agents(self, noun: Any, index: dict[int, Mention]) -> list[Mention]:
        """Who carried out an attack named by a noun: its modifier ("Turkish artillery fire")
        or its "by" phrase ("an air strike by government forces")."""
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in index:
                return [index[child.i]]
            if child.dep_ == "compound":
                found = [index[c.i] for c in child.children if c.dep_ in ("amod", "compound") and c.i in index]
                if found:
                    return found[:1]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self._actors_at(pobj, index)
        return []

    def _condition_subjects(self, token: Any, index: dict[int, Mention]) -> list[Mention]:
        """The actors that are subject of an "if"/"unless" clause under a trigger or its
        open complements."""
        out: list[Mention] = []
        for head in [token, *self._complements(token)]:
            for clause in head.children:
                if clause.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children
                ):
                    for subj in clause.children:
                        if subj.dep_ in ("nsubj", "nsubjpass"):
                            out.extend(m for m in self._actors_at(subj, index) if m not in out)
        return out

    @staticmethod
    def _complements(token: Any) -> list[Any]:
        """The open complements under a verb ("threatened to cut off", "refused to allow ... to
        land"), two levels deep: their objects are the act's objects."""
        out: list[Any] = []
        frontier = [token]
        for _ in range(2):
            frontier = [c for node in frontier for c in node.children if c.dep_ == "xcomp"]
            out.extend(frontier)
        return out

    @staticmethod
    def _object_clauses(token: Any) -> list[Any]:
        """The infinitive clause on a verb's object that proposes an act to the subject
        (:data:`_PROPOSAL_NOUNS`: "turned down an invitation to join talks with X", "took
        up an offer to hold talks with X"): its own objects are the ones the act is aimed at when
        the object names no one. Not a decision, plan or effort of the subject's own ("praised
        its own choice to recall envoys from X" is not aimed at the envoys)."""
        return [
            acl
            for obj in token.children
            if obj.dep_ == "dobj"
            and obj.lemma_.lower() in _PROPOSAL_NOUNS
            and not any(c.dep_ == "poss" for c in obj.children)  # "his proposal": his own
            for acl in obj.children
            if acl.dep_ == "acl" and acl.tag_ == "VB" and any(c.tag_ == "TO" for c in acl.children)
        ]

    def _clause_subjects(self, token: Any, index: dict[int, Mention]) -> list[Mention]:
        """The actors named as subject of the that-clause under a demand or accusation verb."""
        out: list[Mention] = []
        for child in token.children:
            if child.dep_ not in ("ccomp", "acl"):
                continue
            for subj in child.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ != "PRON":
                    out.extend(m for m in self._actors_at(subj, index) if m not in out)
        return out

    def _place_target(
        self, token: Any, folded: list[Any], index: dict[int, Mention], topics: bool = False
    ) -> Mention | None:
        """The country of a place the act happens in or is directed to, as a mention of it.

        The place hangs on a locative preposition (:data:`_PLACE_TARGET_PREPS`) under the
        trigger, a folded trigger, its open complement, a "when" clause on it, its object, or --
        for a noun trigger -- the verb that governs it; with ``topics``, also under what the
        act is about (:data:`_TOPIC_PREPS`: "talks about the drought in Kenya"), which is where
        the act is aimed but not where it happens or where its actors are; the first place
        with a country wins.
        """
        article = self._article
        if article is None:
            return None
        heads = [token, *folded, *self._complements(token)]
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr", "nsubjpass", "pobj"):
            heads.append(token.head.head if token.dep_ == "pobj" else token.head)
        # a clause telling when the act happened tells where too: "killed 12 people when they
        # opened fire in a market in Kandahar"
        heads += [
            c
            for c in token.children
            if c.dep_ == "advcl"
            and any(m.dep_ == "advmod" or m.dep_ == "mark" for m in c.children if m.lower_ == "when")
        ]
        heads += [c for h in list(heads) for c in h.children if c.dep_ in ("dobj", "attr")]
        # the situation the act is about, placed by its own phrase: "talks about the drought in
        # Kenya", "a forum on the floods in Chad"
        heads += [
            g
            for h in (list(heads) if topics else [])
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "NOUN"
        ]
        # the one acted on with a preposition, placed by its own phrase: "clashed with rioters
        # in the Egyptian capital"
        heads += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("with", "against")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_TARGET_PREPS:
                    continue
                for sub in prep.subtree:
                    mention = index.get(sub.i)
                    actor = article.actor(mention.actor_id) if mention is not None else None
                    if actor is None or not actor.country:
                        continue
                    if sub.dep_ == "compound" and sub.head.lemma_.lower() in _AGREEMENT_NOUNS:
                        continue  # "pulled out of the Kyoto protocol": the name of a text
                    if (
                        mention.label not in ("GPE", "LOC", "FAC")  # type: ignore[union-attr]
                        and actor.kind != "location"
                        and not (sub.dep_ in ("amod", "compound") and sub.head.lemma_.lower() in _PLACE_HEADS)
                    ):
                        # a demonym ("in Israeli shelling") or a body is no place, unless it
                        # qualifies a place noun ("in the Egyptian capital", "the Lebanese port")
                        continue
                    # (a territory coded as a sector of its country, "the Gaza Strip" -> PSE:GZA,
                    # is a place of that country)
                    return Mention(
                        text=mention.text,  # type: ignore[union-attr]
                        label="GPE",
                        start=mention.start,  # type: ignore[union-attr]
                        end=mention.end,  # type: ignore[union-attr]
                        actor_id=self._country_actor(actor.country),
                    )
        return None

    def _country_actor(self, iso3: str) -> str | None:
        """The id of the article's actor for a country (added when only its places are named)."""
        article = self._article
        if article is None:
            return None
        for actor in article.actors:
            if actor.kind == "country" and actor.country == iso3 and not actor.sector:
                return actor.id
        from communique.extract.resolve import country_actor

        return self._adopt(country_actor(iso3)).id

    # -- the stage -------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        doc = article.doc
        self._article = article
        self._prefix_cache = ((-1, -1), frozenset())
        self._countries = tuple(sorted({a.country for a in article.actors if a.country}))
        index = self._mention_index(article, doc)
        quotes = sorted(article.quotes, key=lambda q: q.start)
        events: list[EventRecord] = []
        seen: set[str] = set()
        # One vectorised pass finds the tokens whose lemma is in a lexicon; only those become
        # Token objects (creating a Token per word costs more than the whole rule set).
        arrays = doc.to_array([LOWER, LEMMA])
        self._lower, self._lemma = arrays[:, 0].tolist(), arrays[:, 1].tolist()
        hits = numpy.nonzero(numpy.isin(arrays[:, 1], self._trigger_hashes(doc.vocab)))[0].tolist()
        position = 0
        for sent in doc.sents:
            candidates = []
            while position < len(hits) and hits[position] < sent.end:
                candidates.append(hits[position])
                position += 1
            if not candidates and not quotes:
                continue
            with_actors = any(i in index for i in range(sent.start, sent.end))
            for event in self._praise(article, sent, index, quotes) if with_actors and quotes else ():
                if event.id not in seen:
                    seen.add(event.id)
                    events.append(event)
            found = self.find_triggers(sent, with_actors, candidates)
            claims = self._claims_of_force(found, index) if self.convention == "cameo" else []
            triggers = self.fold(found + claims)
            coded = [event for trig in triggers for event in self._code(article, sent, trig, index, quotes)]
            for event in self._one_per_act(coded):
                if event.id not in seen and event.confidence >= self.min_confidence:
                    seen.add(event.id)
                    events.append(event)
        article.events = events
        return article

    def _praise(self, article: Article, sent: Any, index: dict[int, Mention], quotes: list[Quote]) -> list[EventRecord]:
        """Praise spoken by a quoted speaker: SUPPORT (CAMEO 051) from the speaker to the actor
        the statement evaluates ("Azerbaijan makes a significant contribution", "Belarus and
        Azerbaijan set an example of constructive partnership" in a quote by X).

        The evaluation must be explicit: a praising adjective on one of a few achievement nouns
        (:data:`_PRAISE_ADJ`, :data:`_PRAISE_NOUNS`) or "set an example", in the clause whose
        subject is the actor. The speaker is the source: here the speech act is the event.
        """
        out: list[EventRecord] = []
        for quote in quotes:
            if quote.end <= sent.start_char or quote.start >= sent.end_char or not quote.speaker.actor_id:
                continue
            speaker = self._speaker_mention(quote)
            for token in sent:
                if (
                    not quote.start <= token.idx < quote.end
                    or token.pos_ != "NOUN"
                    or token.lemma_.lower() not in _PRAISE_NOUNS
                ):
                    continue
                praising = [c for c in token.children if c.dep_ == "amod" and c.lemma_.lower() in _PRAISE_ADJ]
                verb = token.head
                if token.dep_ == "pobj" and verb.head.lemma_.lower() == "example":
                    verb = verb.head.head  # "set an example of constructive partnership"
                if not praising and not (token.lemma_.lower() == "example" and verb.lemma_.lower() == "set"):
                    continue
                if verb.pos_ not in ("VERB", "AUX") or token.dep_ not in ("dobj", "attr", "pobj"):
                    continue
                subj, passive = self._subject(verb)
                if subj is None or passive:
                    continue
                targets = [
                    m
                    for m in self._actors_at(subj, index)
                    if not self._same_side(article, m.actor_id, quote.speaker.actor_id)
                ]
                if not targets or speaker is None:
                    continue
                first = praising[0] if praising else token
                trig = Trigger(token, "051", self.lex.cameo("051"), False, True, "own")  # type: ignore[arg-type]
                for event in self._records(article, sent, trig, [(speaker, targets[0])], first, None, _BASE_CONFIDENCE):
                    out.append(event)
        return out

    def _one_per_act(self, coded: list[EventRecord]) -> list[EventRecord]:
        """One event per act and sentence: events of one type whose sources agree (or are
        unknown) repeat one act ("staged a hunger strike in protest", "a bombing killed ...");
        the most confident is kept. Under the CAMEO convention nothing is merged."""
        if self.convention == "cameo" or len(coded) < 2:
            return coded
        kept: list[EventRecord] = []

        def resolved(e: EventRecord) -> int:
            return int(bool(e.source.country or e.source.igo)) + int(
                bool(e.target and (e.target.country or e.target.igo))
            )

        for event in sorted(coded, key=lambda e: (-resolved(e), -e.confidence)):
            duplicate = any(
                other.type == event.type
                and (
                    event.source.actor_id is None
                    or other.source.actor_id is None
                    or other.source.actor_id == event.source.actor_id
                )
                and (event.target is None or other.target is None or other.target.actor_id == event.target.actor_id)
                for other in kept
            )
            if not duplicate:
                kept.append(event)
        return sorted(kept, key=lambda e: e.trigger.start)

    @staticmethod
    def _same_side(article: Article, a: str | None, b: str | None) -> bool:
        """Whether two actors are one side (the same actor, or a person and their IGO/country)."""
        if a == b:
            return True
        x, y = article.actor(a), article.actor(b)
        if x is None or y is None:
            return False
        if x.igo or y.igo:
            return x.igo == y.igo
        return x.country is not None and x.country == y.country

    def _trigger_hashes(self, vocab: Any) -> Any:
        """The hashes of every trigger lemma (as written and capitalised), once per vocabulary."""
        if self._hashes is None or self._hashes[0] is not vocab:
            lemmas = self.lex.verb_lemmas() | frozenset(self.lex.own_nouns) | _REPORTING
            values = {vocab.strings.add(w) for lemma in lemmas for w in (lemma, lemma.capitalize())}
            self._hashes = (vocab, numpy.array(sorted(values), dtype="uint64"))
        return self._hashes[1]

    @staticmethod
    def _mention_index(article: Article, doc: Any) -> dict[int, Mention]:
        """Token index -> the actor mention covering it (resolved mentions first, then longer)."""
        index: dict[int, Mention] = {}
        ranked = sorted(
            (m for m in article.mentions if m.label in _ACTOR_LABELS or _acting(article, m.actor_id)),
            key=lambda m: (m.actor_id is None, -(m.end - m.start)),
        )
        for mention in ranked:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                index.setdefault(token.i, mention)
        return index

    def _event_actor(self, article: Article, mention: Mention | None) -> EventActor:
        if mention is None:
            return EventActor()
        actor = article.actor(mention.actor_id)
        if actor is None:
            # an adjective of a people the actor stage cannot place still gives the sector of
            # the noun it qualifies ("Muslim hackers" -> CRM, "Tamil refugees" -> REF); a bare
            # plural ("Democrats", "Sunnis") stays open
            sector = self._group_sector(article, mention) if self._qualifies_noun(article, mention) else None
            return EventActor(actor_id=mention.actor_id, name=mention.text, sector=sector or _bare_body(mention))
        sector = actor.sector
        if sector is None and actor.kind == "country" and mention.label in ("NORP", "GPE", "ORG"):
            sector = self._group_sector(article, mention) or self._enclosing_group_sector(article, mention)
        elif sector is None and actor.kind == "location":
            sector = self._enclosing_group_sector(article, mention)  # "militias in Misrata"
        if sector == "COP" and self.convention == "plover" and _names_security_forces(article, mention):
            sector = "MIL"
        if actor.igo:
            sector = self._igo_role(article, mention, actor) or sector
        elif actor.kind in ("organization", "person") and actor.country:
            group = self._member_group_sector(article, mention)
            if group is not None and group != sector:
                return EventActor(
                    actor_id=f"{actor.country}:{group}", name=mention.text, country=actor.country, sector=group
                )
        if actor.kind == "person" and actor.country and not actor.igo:
            # "the Bush administration", "Putin's government": the body the person's name
            # qualifies, a sector of the person's country
            body = self._named_body(article, mention)
            if body is not None:
                return EventActor(
                    actor_id=f"{actor.country}:{body}", name=mention.text, country=actor.country, sector=body
                )
        return EventActor(actor_id=actor.id, name=actor.name, country=actor.country, sector=sector, igo=actor.igo)

    @staticmethod
    def _qualifies_noun(article: Article, mention: Mention) -> bool:
        """Whether a NORP mention is an adjective on a common noun ("Muslim hackers")."""
        if mention.label != "NORP":
            return False
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("amod", "compound", "nmod") and span.root.head.pos_ == "NOUN"

    @staticmethod
    def _member_group_sector(article: Article, mention: Mention) -> str | None:
        """The sector of a non-state group drawn from an organisation or a person's following.

        "workers from Petrobras" -> LAB, "activists from the ruling party" -> OPP,
        "students from Cairo University" -> EDU: the group is of the organisation's country,
        with the sector of its own noun. Nouns of state roles ("leaders of Hamas", "officials of
        the party") and nouns without a sector ("members of", "supporters of") leave the
        organisation's own code.

        Args:
            article: the article, parsed.
            mention: the organisation or person mention that is the event's actor.

        Returns:
            A sector code outside ``resolve.STATE_SECTORS``, or None.
        """
        from communique.extract import resolve

        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "from") or token.head.head.pos_ != "NOUN":
            return None
        noun = token.head.head
        words = [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
        sector = resolve.title_sector([*words, noun.lower_]) or resolve.title_sector([noun.lemma_.lower()])
        return sector if sector is not None and sector not in resolve.STATE_SECTORS else None

    @staticmethod
    def _enclosing_group_sector(article: Article, mention: Mention) -> str | None:
        """The sector of the group a country is the place of, when the country stands for it.

        A country named inside the phrase of a group noun ("refugees fleeing the floods in
        Pakistan", "the militias of eastern Congo", "herders near the border with Chad")
        is the group's country, and the group's noun gives the sector (REF, REB, CVL). The
        walk goes up through in/of/from/near phrases, the nouns they hang on and participles
        that modify a noun ("fleeing"), at most ``_ENCLOSING_HOPS`` steps, and stops at any
        other verb: the event's own trigger is never a group.

        Args:
            article: the article, parsed.
            mention: the country mention that is the event's actor.

        Returns:
            A sector code, or None when no group noun encloses the country.
        """

        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        for _ in range(_ENCLOSING_HOPS):
            head = token.head
            if head is token:
                return None
            into_noun = token.dep_ == "pobj" and head.lower_ in _ENCLOSING_PREPS
            into_participle = token.dep_ in ("dobj", "pobj") and head.dep_ == "acl" and head.tag_ in ("VBG", "VBN")
            if into_noun or into_participle:
                token = head.head
            elif (token.dep_ == "acl" and token.tag_ in ("VBG", "VBN")) or (
                token.dep_ == "compound" and head.lemma_.lower() in _PLACE_NOUNS
            ):
                token = head
            else:
                return None
            if token.pos_ != "NOUN":
                if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN"):
                    continue
                return None
            sector = EventCoder._group_noun_sector(token)
            if sector is not None:
                return sector
        return None

    @staticmethod
    def _group_noun_sector(noun: Any) -> str | None:
        """The sector of a noun that names a group of people, with its modifiers: "refugees" ->
        REF, "rebel commanders" -> REB, "an extremist network" -> REB; None for a noun that
        names no group ("attacks", "war"), whatever its modifiers ("terrorist attacks")."""
        from communique.extract import resolve

        lemma = noun.lemma_.lower()
        if lemma in _PEOPLE_NOUNS or lemma in _CIVILIAN_NOUNS:
            return "CVL"
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
        own = resolve.title_sector([noun.lower_]) or resolve.title_sector([lemma])
        if own is not None:
            # the modifiers' multiword titles ("rebel commanders") come first
            return resolve.title_sector([*(c.lower_ for c in mods), noun.lower_]) or own
        if lemma not in _GROUP_NOUNS:
            return None
        if any(c.lemma_.lower() in _REBEL_NOUNS or c.lemma_.lower() == "terrorist" for c in mods):
            return "REB"  # "a small extremist network", "a terrorist cell"
        return resolve.title_sector([*(c.lower_ for c in mods), noun.lower_])

    @staticmethod
    def _igo_role(article: Article, mention: Mention, actor: Actor) -> str | None:
        """The sector of an IGO actor by the role of its part that acts, as PLOVER codes it.

        An official of the organisation has the sector of their title, GOV for civilian
        titles ("UN envoy Peter Lindqvist" -> GOV, "the UN force commander" -> MIL); an
        organ named by its head noun has the organ's (``_IGO_ORGANS``: "the Security Council"
        -> GOV); the organisation's name on an agent noun has that noun's ("UN peacekeepers",
        "NATO troops" -> MIL, "EU officials" -> GOV). None when the organisation acts as a
        whole ("the United Nations said"): its sector stays IGO.

        Args:
            article: the article, parsed.
            mention: the mention of the IGO or of its official.
            actor: the resolved actor (its ``igo`` is set).

        Returns:
            A sector code other than IGO, or None.
        """
        from communique.extract import resolve

        if actor.kind == "person":
            sector = resolve.title_sector((actor.title or "").replace("-", " ").split())
            return sector if sector not in (None, "IGO") else "GOV"
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        organ = _IGO_ORGANS.get(root.lemma_.lower())
        if organ is not None:
            return organ
        head = root.head
        if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.i > root.i:
            # the words between the name and its noun belong to the noun ("UN military personnel")
            words = [t.lower_ for t in root.doc[span.end : head.i] if t.dep_ in ("amod", "compound")]
            sector = resolve.title_sector([*words, head.lower_])
            return sector if sector != "IGO" else None
        return None

    @staticmethod
    def _named_body(article: Article, mention: Mention) -> str | None:
        """The sector of a state body a person's name qualifies ("the Bush administration",
        "Putin's government"), or None."""
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        if token.dep_ not in ("compound", "poss") or token.head.pos_ != "NOUN":
            return None
        from communique.extract import resolve

        sector = resolve.title_sector([token.head.lower_])
        return (
            sector
            if sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY") and token.head.lower_ in _BODY_WORDS
            else None
        )

    @staticmethod
    def _group_sector(article: Article, mention: Mention) -> str | None:
        """The sector of a people word the actor stage left as the bare country: a demonym
        used for people ("arrested 100 Palestinians" -> CVL) or modifying a group noun
        ("Mexican immigrants" -> CVL, "Israeli helicopters" -> MIL, "Serbian workers" -> LAB)."""
        span = article.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        if token.dep_ in ("npadvmod", "compound") and token.head.lemma_.lower() == "lead" and token.head.dep_ == "amod":
            # "Saudi-led forces": the sector of the group the country leads (MIL), if any
            from communique.extract import resolve

            return resolve.title_sector([token.head.head.lower_])
        if mention.label != "NORP" and (
            token.dep_ == "poss" or (token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN")
        ):
            # "Iraq's interim government", "Ghana's ambassador", "the Iraq government", "U.S.
            # border patrol agents" (the words between belong to the noun)
            from communique.extract import resolve

            head = token.head
            words = [t.lower_ for t in token.doc[token.i + 1 : head.i] if t.dep_ in ("amod", "compound")]
            return resolve.title_sector([*words, head.lower_]) or resolve.title_sector([head.lemma_.lower()])
        if mention.label != "NORP":
            return None
        if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ == "NOUN":
            head = token.head
            lemma = head.lemma_.lower()
            if lemma in _MILITARY_NOUNS:
                return "MIL"
            if lemma in _REBEL_NOUNS:
                return "REB"
            if lemma in _PEOPLE_NOUNS or lemma in _CIVILIAN_NOUNS:
                return "CVL"
            from communique.extract import resolve

            # the words between the demonym and its noun belong to the group ("armed groups")
            words = [t.lower_ for t in token.doc[token.i + 1 : head.i] if t.dep_ in ("amod", "compound")]
            return resolve.title_sector([*words, head.lower_]) or resolve.title_sector([lemma])
        if token.tag_ in ("NNPS", "NNS") and token.dep_ not in ("amod", "compound", "nmod", "poss"):
            return "CVL"  # "Palestinians", "Liberians": people of the country
        return None

    def _speaker_mention(self, quote: Quote) -> Mention | None:
        s = quote.speaker
        if s.actor_id is None and s.name is None:
            return None
        return Mention(
            text=s.name or s.text or "", label="PERSON", start=s.start or 0, end=s.end or 0, actor_id=s.actor_id
        )

    def _code(
        self, article: Article, sent: Any, trig: Trigger, index: dict[int, Mention], quotes: list[Quote]
    ) -> list[EventRecord]:
        token = trig.token
        if _published(token):
            return []  # "released a statement", "issued a report": publishing, not the act
        if trig.info.plover == "ASSAULT" and _accidental(token):
            return []  # "the virus has killed six", "killed when a car hit them": no attacker
        if not trig.specific and _arrival_at_venue(token):
            return []  # "arrived at a hearing": no visit to a place
        if token.pos_ == "VERB" and _imperative(token):
            return []  # "Talk to any farmer and ...": an instruction to the reader
        if _agreeing_with_a_view(token):
            return []  # "experts agree that ...": a shared view, no agreement
        if self._standing_state(token):
            return []  # "Hamas, which advocates ...", "the faction that controls Afghanistan"
        negated, hypothetical, future = self.modality(token)
        info = trig.info
        code = trig.code
        if hypothetical and info.plover == "ASSAULT" and _attempted(token):
            # an attack attempted is an attack: CAMEO 186 "whether successful or not"
            hypothetical = False
        threat = self._conditional_threat(token, code, info.plover or "") if not negated else None
        if threat is not None:
            # "will cut off aid unless X ...", "may halt the talks if X ...": a threat to X
            code, negated, hypothetical, future = threat, False, False, False
        if negated or hypothetical:
            if not (negated and future and info.plover in _COOPERATIVE_NEGATABLE):
                return []
            # "will not release the prisoners": a refusal (CAMEO 12), not a non-event
            code = _REFUSAL_CODE.get(code[:2], "120")
        elif future and (
            info.plover in _COOPERATIVE_FUTURE or (self._willing(token) and info.plover in _COOPERATIVE_NEGATABLE)
        ):
            # "will visit" and "is willing to withdraw" are intentions: AGREE (PLOVER manual);
            # a plain future RETREAT/CONCEDE ("will evacuate") stays what it is
            code = _FUTURE_CODE.get(code[:2], "030")
        elif (
            future
            and code[:2] in _THREAT_CODE
            and (code[:2] != "14" or token.pos_ == "VERB")
            and not (info.plover == "SANCTION" and self._announces_own(token))
        ):
            # a announced coercive act is a threat ("will impose sanctions" -> 1312), an announced
            # protest one of dissent ("said they would march on the capital" -> 133; not a protest
            # noun under a future verb: "how the protests will play out")
            code = _THREAT_CODE[code[:2]]
        if self.convention == "cameo" and code == "1121" and token.lemma_.lower() in _LEGAL_CHARGES:
            code = _LEGAL_CHARGE_CODE  # "prosecutors indicted X": CAMEO's charge with legal action
        info = self.lex.cameo(code) or info
        sources, targets, reciprocal = self.roles(trig, index)
        sources = [self._people_at_home(m, token, trig, index) for m in sources]
        targets = [self._people_at_home(m, token, trig, index) for m in targets]
        quote = next((q for q in quotes if q.start <= token.idx < q.end), None)
        if quote is not None and not sources:
            subj, _ = self._subject(token) if token.pos_ in ("VERB", "AUX") else (None, False)
            if subj is not None and subj.lower_ in _FIRST_PERSON:
                speaker = self._speaker_mention(quote)
                if speaker is not None:
                    sources = [speaker]
        main = self._in_main_clause(token)
        # resolved actors first: an unresolved name is a weaker participant than a coded one
        sources.sort(key=lambda m: m.actor_id is None)
        targets.sort(key=lambda m: m.actor_id is None)
        if not sources and not targets:
            if not main or trig.source != "own":
                # a bare noun ("an attack"), a side clause or a dictionary default without any
                # actor is not an event we can place
                return []
        elif (not sources or not (targets or reciprocal)) and (
            not (
                main
                or (token.pos_ == "NOUN" and token.dep_ == "nsubj")
                or self._asserted_attack(trig, sources, targets)
            )
            or (trig.source == "petrarch" and not trig.specific)
        ):
            # side clauses and bare dictionary defaults need both roles to be worth an event
            return []
        # the fallbacks below also replace a target the actor stage could not resolve
        # ("a hunger strike outside Parliament to demand ... from Algerian government forces")
        unresolved = not any(m.actor_id for m in targets)
        places: list[Mention] = []  # targets that are the place of the act, not a participant
        if unresolved and not reciprocal and info.plover == "PROTEST":
            # a protest is aimed at whom its demand addresses: "staged a strike to demand the
            # resignation of President X", "blocked roads to protest Y's policies"
            found = [m for m in self._purpose_actors(token, index) if m not in sources]
            targets[:0] = found
            unresolved = unresolved and not found
        if unresolved and not reciprocal and info.plover == "THREATEN":
            # a threat is addressed to the subject of its condition: "threatened to stop the
            # talks if the United States goes ahead", "... unless Israel rescinded ..."
            found = [m for m in self._condition_subjects(token, index) if m not in sources]
            targets[:0] = found
            unresolved = unresolved and not found
        if not reciprocal:
            self._home_groups(token, trig, sources, targets, index)
            unresolved = not any(m.actor_id for m in targets)
        if info.plover == "ASSAULT" and not reciprocal and not any(m.actor_id for m in sources):
            # an attack by no one named ("a car bomb near Kirkuk killed ...", "died in a
            # mortar attack outside Herat"): the unidentified armed forces (CAMEO UAF) of the country
            # where it happened, as the CAMEO and PLOVER coders code it
            unknown = self._unidentified_attackers(token, trig, index)
            if unknown is not None:
                sources.insert(0, unknown)
        # who force on a place falls on when its object names them (a governor -> GOV), else None
        victim = self._victim_sector(token) if info.plover in _FORCE_TYPES else None
        if unresolved and not reciprocal:
            # no named recipient: the country where the act takes place is its target
            # ("ordered a curfew in the town of Aleppo", "marched in Lisbon", "landed in
            # Hanoi"), the PETRARCH and PLOVER coders' convention; it never makes an event
            # worth keeping on its own (the filters above)
            # (the topic's place only for acts that are not force: what "an attack on a
            # convoy in X" is on is its victim, not a topic)
            place = self._place_target(token, trig.folded, index, topics=info.plover not in _FORCE_TYPES)
            if place is not None and all(m.actor_id != place.actor_id for m in sources):
                place = self._people_of_place(place, victim) if info.plover in _FORCE_TYPES else self._seat_of(place)
                targets.insert(0, place)
                places.append(place)
        if not targets and not reciprocal and sources:
            # the circumstance names the other side: "declined to resign despite pressure by
            # X", "called off the strike after talks with the government"
            targets.extend(m for m in self._circumstance_actors(token, index) if m not in sources)
        if not any(m.actor_id for m in targets) and not reciprocal and sources and sources[0].actor_id:
            # the act as written: an announced coercion ("prepared to impose martial law") too
            home = self._domestic_target(sources[0], trig.info.plover or "", trig.code)
            if home is not None:
                targets.insert(0, home)
        if info.plover in _FORCE_TYPES:
            # force used on a town falls on its people: "ordered a curfew in Aleppo", "shelled
            # the port of Hodeidah" -> the country's civilians (CVL), as the PLOVER coders code it
            targets = [self._people_of_place(m, victim) if self._is_town(m) else m for m in targets]
        pairs: list[tuple[Mention | None, Mention | None]] = []
        if reciprocal and not targets and len(sources) >= 2:
            for one in sources:
                for other in sources:
                    if one is not other and (one.actor_id != other.actor_id or one.actor_id is None):
                        pairs.append((one, other))
        else:
            some_sources: list[Mention | None] = list(sources) or [None]
            some_targets: list[Mention | None] = list(targets) or [None]
            for a in some_sources:
                for b in some_targets:
                    if (
                        a is not None
                        and b is not None
                        and a.actor_id
                        and a.actor_id == b.actor_id
                        and self._event_actor(article, b).sector == self._event_actor(article, a).sector
                    ):
                        # one actor on both sides is no event, unless a group of it is the
                        # other side ("Croatia is investigating crimes by Croatian extremists",
                        # "Croatian farmers protested against Croatia")
                        continue
                    pairs.append((a, b))
        confidence = _BASE_CONFIDENCE
        confidence += 0.1 if trig.specific else 0.0
        confidence += 0.05 if trig.source == "own" else -0.05
        confidence -= 0.15 if quote is not None else 0.0
        confidence -= 0.05 if token.pos_ in ("NOUN", "PROPN") else 0.0
        if self.convention == "plover":
            return self._records(article, sent, trig, pairs[:1], token, code, confidence)
        pairs = self._resolved_members(pairs)
        mutual, converse = self._other_directions(trig, code, pairs, places)
        pairs = (pairs + mutual)[:_MAX_EVENTS_PER_TRIGGER]
        records = self._records(article, sent, trig, pairs, token, code, confidence)
        if converse and code in _CONVERSE_CODES:
            records += self._records(article, sent, trig, converse, token, _CONVERSE_CODES[code], confidence)
        return records

    @staticmethod
    def _resolved_members(
        pairs: list[tuple[Mention | None, Mention | None]],
    ) -> list[tuple[Mention | None, Mention | None]]:
        """The pairs of a fanned-out event whose members are coded actors (CAMEO convention).

        Each member of a compound side is an event of its own, but a member the actor stage left
        unresolved ("Syrian forces clashed with the rioters" beside a coded target) adds a record
        without a code; it is kept only when its side has no coded member at all.
        """
        if len(pairs) < 2:
            return pairs
        coded_sources = any(a is not None and a.actor_id for a, _ in pairs)
        coded_targets = any(b is not None and b.actor_id for _, b in pairs)
        kept = [
            (a, b)
            for a, b in pairs
            if not (coded_sources and a is not None and not a.actor_id)
            and not (coded_targets and b is not None and not b.actor_id)
        ]
        return kept or pairs[:1]

    def _other_directions(
        self,
        trig: Trigger,
        code: str,
        pairs: list[tuple[Mention | None, Mention | None]],
        places: list[Mention],
    ) -> tuple[list[tuple[Mention | None, Mention | None]], list[tuple[Mention | None, Mention | None]]]:
        """The directions a mutual act adds to its pairs under the CAMEO convention.

        CAMEO codes a mutual act once per direction (PLOVER manual 2.0, "Compound and Reciprocal
        Actors"): "X held talks with Y" is X -> Y and Y -> X. Mutual are the consultations other
        than visits and mediation (CAMEO 040, 041, 044, 046: each side consults the other) and
        the acts our lexicon marks reciprocal (talks, agreements, cooperation, ceasefires,
        clashes) while the code keeps a cooperative or fighting type -- "refused to meet Y" is
        Y's refusal of no one. A visit and its hosting are one act seen from two sides (CAMEO 042
        and 043): "X received Y" adds Y -> X with the converse code. A place of the act ("met in
        Zurich") is no participant and gets no direction of its own, unless it stands for a
        *with* partner the actor stage could not code ("clashed with rioters in the square").

        Returns:
            The reversed pairs with the same code, and the reversed pairs for the converse code.
        """
        info = self.lex.cameo(code)
        plover = info.plover if info is not None else None
        mutual = code in _MUTUAL_CODES or (trig.reciprocal and plover in _MUTUAL_TYPES)
        if not mutual and code not in _CONVERSE_CODES:
            return [], []
        # a place stands for the partner the trigger names but the actor stage could not code
        # ("clashed with rioters in the square", "met with officials in Cairo")
        partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.token.children)
        reverse: list[tuple[Mention | None, Mention | None]] = []
        for a, b in pairs:
            if a is None or b is None or (b, a) in pairs:
                continue
            if (b in places or self._is_place(b)) and not (partner and b in places):
                continue
            if (b, a) not in reverse:
                reverse.append((b, a))
        return (reverse, []) if mutual else ([], reverse)

    def _home_groups(
        self, token: Any, trig: Trigger, sources: list[Mention], targets: list[Mention], index: dict[int, Mention]
    ) -> None:
        """Give an unnamed group on one side the country of a state body at home on the other.

        "Egyptian riot police used water cannon on marchers" -> EGY COP on EGY OPP; "the
        government accepted demands from rebels"; "elders demanded that the Interior Ministry
        ..." -> the group is of the ministry's country. Only when the group's phrase names no
        actor of its own; ``sources`` and ``targets`` are changed in place.
        """
        home = self._home_country(sources[0]) if sources and sources[0].actor_id else None
        if home and not any(m.actor_id for m in targets) and trig.info.plover not in _COOPERATIVE_TYPES:
            for noun in self._acted_on(token, trig.folded):
                group = self._home_group(noun, home, index)
                if group is not None:
                    targets.insert(0, group)
                    break
        home = self._home_country(targets[0]) if targets and targets[0].actor_id else None
        if home and not any(self._placed(m) for m in sources):
            subj = self._actor_subject(token)
            group = self._home_group(subj, home, index) if subj is not None else None
            if group is not None:
                sources.insert(0, group)

    def _armed_conflict(
        self, code: str, info: CameoCode, source: EventActor, target: EventActor | None
    ) -> tuple[str, CameoCode]:
        """A killing between armed forces is war, not assault: CAMEO 18 is unconventional
        violence, 19 the use of conventional force by organised armed groups. "Soldiers were
        killed in X" (MIL target) or "the army killed ..." (MIL or REB source) is 190; a
        killing by a civilian or a mob stays 1823. Both are PLOVER ASSAULT."""
        if code not in _GENERIC_KILLING:
            return code, info
        if source.sector in _ARMED_SECTORS or (target is not None and target.sector in _ARMED_SECTORS):
            war = self.lex.cameo(_WAR_CODE)
            if war is not None:
                return _WAR_CODE, war
        return code, info

    def _riot(self, code: str, info: CameoCode, source: EventActor) -> tuple[str, CameoCode]:
        """Repression is done by a state; the same force used by civilians or opponents is a
        riot (CAMEO 145, PLOVER PROTEST riot): "rioters clashed with the police" seen from the
        rioters' side, "a protester demolished the building". Codes :data:`_STATE_FORCE` only."""
        if code in _STATE_FORCE and source.sector in _CIVIL_SECTORS:
            riot = self.lex.cameo(_RIOT_CODE)
            if riot is not None:
                return _RIOT_CODE, riot
        return code, info

    def _records(
        self,
        article: Article,
        sent: Any,
        trig: Trigger,
        pairs: list[tuple[Mention | None, Mention | None]],
        first: Any,
        code: str | None,
        confidence: float,
    ) -> list[EventRecord]:
        """Build the event records of one trigger, one per (source, target) pair.

        Args:
            article: the article.
            sent: the sentence (evidence).
            trig: the trigger; its code unless ``code`` is given.
            pairs: source and target mentions.
            first: the first token of the trigger span (the span ends with ``trig.token``).
            code: the CAMEO code after modality, or None for the trigger's own.
            confidence: the confidence before the roles' share (+0.15 source, +0.1 target).
        """
        token = trig.token
        code = code or trig.code
        info = self.lex.cameo(code) or trig.info
        # a promise or threat happens when it is made: a date in its clause is the promised act's
        date = article.date if code[:2] in ("03", "13") and code != trig.code else event_date(token, article.date)[0]
        location, _ = event_location(token, self._countries)
        contexts = self.lex.contexts(sent.text)
        start = min(first.idx, token.idx)
        end = max(first.idx + len(first.text), token.idx + len(token.text))
        out: list[EventRecord] = []
        for src, tgt in pairs:
            score = confidence + (0.15 if src is not None else -0.1) + (0.1 if tgt is not None else 0.0)
            source = self._event_actor(article, src)
            target = self._event_actor(article, tgt) if tgt is not None else None
            # per pair: one pair's armed groups or rioters must not recode the next pair
            pair_code, pair_info = self._armed_conflict(code, info, source, target)
            pair_code, pair_info = self._riot(pair_code, pair_info, source)
            key = f"{article.id}|{token.idx}|{src.start if src else ''}|{tgt.start if tgt else ''}|{pair_code}"
            out.append(
                EventRecord(
                    id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
                    article_id=article.id,
                    type=pair_info.plover or "",
                    mode=pair_info.mode,
                    context=contexts,
                    cameo=pair_code,
                    goldstein=pair_info.goldstein,
                    quad=pair_info.quad,
                    source=source,
                    target=target,
                    date=date,
                    location=location,
                    sentence=Offsets(start=sent.start_char, end=sent.end_char),
                    trigger=Span(start=start, end=end, text=article.text[start:end]),
                    confidence=round(min(0.99, max(0.05, score)), 3),
                )
            )
        return out


@stages.register("events.rules.v1", requires=["doc", "mentions", "actors"], assigns=["events"])
def make_event_stage(settings: Any) -> EventCoder:
    """PLOVER/CAMEO events from trigger lexicons and the dependency parse (``events.convention``)."""
    return EventCoder(convention=settings.events.convention)
