"""The one table from PLOVER 0.5b1 event names (the PLOVER GSR) to the current 16 types.

The PLOVER gold-standard records (``plover_gsr``, coded in 2016 with PLOVER 0.5b1) use 18
category names; the current manual (PLOVER_MANUAL.tex "DRAFT Version: 2.0", 2024, as
converted in ``ontologies/plover_ontology.json``) has 16. Renamed or folded names:

==============  ===============  =================================================================
0.5b1           current (mode)   why
==============  ===============  =================================================================
DEMAND          REQUEST          renamed; same definition (demands are forceful requests)
DISAPPROVE      ACCUSE           folded; ACCUSE lists mode ``disapprove``
INVESTIGATE     ACCUSE           folded; ACCUSE lists mode ``investigate``
FIGHT           ASSAULT          folded: armed clashes are ASSAULT in the current manual
==============  ===============  =================================================================

The other 14 names (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REJECT,
THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) are unchanged. FIGHT gets no mode
because the 0.5b1 FIGHT modes (``heavy-weapons``, ``firearms``...) carry over as they are.
:func:`check_against_ontology` verifies every target against the ontology file.

Example:
    >>> map_plover_0_5("DEMAND", None)
    ('REQUEST', None)
    >>> map_plover_0_5("INVESTIGATE", "")
    ('ACCUSE', 'investigate')
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from communique.errors import ConfigError

__all__ = [
    "CURRENT_TYPES",
    "PLOVER_0_5_SECTORS",
    "PLOVER_0_5_TO_CURRENT",
    "check_against_ontology",
    "map_plover_0_5",
    "map_plover_sector",
]

# The 16 current PLOVER event types, in the manual's order (plover_ontology.json).
CURRENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# 0.5b1 name → (current type, mode implied by the fold or None).
PLOVER_0_5_TO_CURRENT: dict[str, tuple[str, str | None]] = {
    **{name: (name, None) for name in CURRENT_TYPES},
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


def map_plover_0_5(code: str, mode: str | None = None) -> tuple[str, str | None]:
    """Map a PLOVER 0.5b1 event name (and its mode) to the current type and mode.

    Args:
        code: the 0.5b1 event name, e.g. ``"DISAPPROVE"``.
        mode: the gold mode, kept when given; else the mode the fold implies.

    Returns:
        ``(type, mode)`` in the current ontology.

    Raises:
        ConfigError: the name is not a PLOVER 0.5b1 or current event name.
    """
    try:
        current, implied = PLOVER_0_5_TO_CURRENT[code.strip().upper()]
    except KeyError:
        valid = ", ".join(sorted(PLOVER_0_5_TO_CURRENT))
        raise ConfigError(f"unknown PLOVER event name {code!r}; known names: {valid}") from None
    return current, (mode or implied)


# 0.5b1 agent sectors whose code means something else in the CAMEO actor codebook our
# sectors follow (docs/actor-codes.md). The GSR gives JRN to journalists, newspapers and web
# sites and MED to doctors, the Red Cross and the Red Crescent; in CAMEO MED is the media and
# health is its own sector (ours: HLT). Every other 0.5b1 sector is a CAMEO one unchanged.
PLOVER_0_5_SECTORS: dict[str, str] = {"JRN": "MED", "MED": "HLT"}


def map_plover_sector(sector: str | None) -> str | None:
    """Map a PLOVER 0.5b1 agent sector to the CAMEO sector code of the same meaning.

    Example:
        >>> map_plover_sector("JRN"), map_plover_sector("MED"), map_plover_sector("GOV")
        ('MED', 'HLT', 'GOV')
    """
    if sector is None:
        return None
    return PLOVER_0_5_SECTORS.get(sector, sector)


def check_against_ontology(path: str | os.PathLike[str]) -> None:
    """Check that every mapped type and implied mode exists in ``plover_ontology.json``.

    Raises:
        ConfigError: the table names a type or mode the ontology does not have.
    """
    ontology = json.loads(Path(path).read_text(encoding="utf-8"))
    modes = {t["event_type"]: {m["mode"] for m in t.get("modes", [])} for t in ontology["event_types"]}
    if set(modes) != set(CURRENT_TYPES):
        raise ConfigError(f"ontology types {sorted(modes)} differ from CURRENT_TYPES {sorted(CURRENT_TYPES)}")
    for old, (new, mode) in PLOVER_0_5_TO_CURRENT.items():
        if mode is not None and mode not in modes[new]:
            raise ConfigError(f"{old} maps to {new} mode {mode!r}, which the ontology does not list")
