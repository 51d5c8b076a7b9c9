"""The public surface: __all__ complete and sorted; settings documented."""

from __future__ import annotations

import re
from pathlib import Path

import communique
from communique.config import Settings, load_settings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "settings.md"


def test_public_api_all_sorted_and_complete() -> None:
    assert communique.__all__ == sorted(communique.__all__)
    for name in communique.__all__:
        assert hasattr(communique, name), name
    public = {n for n in vars(communique) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(communique.__all__), public - set(communique.__all__)


def test_public_api_every_setting_documented() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)`", DOCS.read_text(encoding="utf-8"), re.M))
    settings = load_settings()
    keys = {f"{section}.{key}" for section, model in settings for key in type(model).model_fields}
    assert keys == documented
    for section, field in Settings.model_fields.items():
        for key, info in field.annotation.model_fields.items():  # type: ignore[union-attr]
            assert info.description, f"{section}.{key} has no help text"
