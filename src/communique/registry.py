"""Versioned stage names mapped to stage factories.

A stage is a small callable that takes an :class:`~communique.model.Article` (with its spaCy
``Doc`` attached) and returns it, filled. Stages are registered under a versioned name
(``"actors.rules.v1"``) and declare which article fields they read and write, so the
pipeline can check its order before running anything.

Example:
    >>> from communique.registry import stages
    >>> @stages.register("demo.noop.v1", requires=["text"], assigns=[])
    ... def make_noop(settings):
    ...     return lambda article: article
    >>> "demo.noop.v1" in stages.names()
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from communique.errors import ConfigError

if TYPE_CHECKING:
    from communique.model import Article

__all__ = ["Stage", "StageInfo", "StageRegistry", "stages"]


class Stage(Protocol):
    """What a built stage is: ``article -> article``."""

    def __call__(self, article: Article) -> Article: ...


StageFactory = Callable[[Any], Stage]


@dataclass(frozen=True)
class StageInfo:
    """A registered stage: its name, factory and declared reads/writes."""

    name: str
    factory: StageFactory
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    doc: str = ""


@dataclass
class StageRegistry:
    """Name → stage factory, with the fields each stage requires and assigns."""

    _stages: dict[str, StageInfo] = field(default_factory=dict)

    def register(
        self, name: str, *, requires: list[str] | tuple[str, ...] = (), assigns: list[str] | tuple[str, ...] = ()
    ) -> Callable[[StageFactory], StageFactory]:
        """Decorator registering ``factory(settings) -> stage`` under ``name``."""

        def decorate(factory: StageFactory) -> StageFactory:
            self._stages[name] = StageInfo(
                name=name,
                factory=factory,
                requires=tuple(requires),
                assigns=tuple(assigns),
                doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
            )
            return factory

        return decorate

    def get(self, name: str) -> StageInfo:
        """The stage registered as ``name``; a :class:`ConfigError` lists the valid names."""
        _load_builtin_stages()
        try:
            return self._stages[name]
        except KeyError:
            valid = ", ".join(sorted(self._stages)) or "(none)"
            raise ConfigError(f"unknown stage {name!r}; registered stages: {valid}") from None

    def names(self) -> list[str]:
        """All registered stage names, sorted."""
        _load_builtin_stages()
        return sorted(self._stages)


stages = StageRegistry()

_BUILTIN_MODULES = (
    "communique.extract.mentions",
    "communique.extract.actors",
    "communique.extract.quotes",
    "communique.extract.events",
)


def _load_builtin_stages() -> None:
    """Import the modules whose import registers the built-in stages (same path as plugins)."""
    import importlib

    for module in _BUILTIN_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
