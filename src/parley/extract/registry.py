"""The extractor registry.

An extractor is a function of a ``Context`` (one cleaned document, its parse and its time
mentions, and what earlier extractors found) that returns records. It registers under a
versioned name (``quotes.rules.v1``) with what it requires and produces; changing behaviour
means registering a new version name. Built-ins register exactly as a third party would::

    from parley.extract.registry import extractor

    @extractor("claims.mine.v1", produces=("claims",), requires=("nlp",))
    def my_claims(ctx): ...

``default_names()`` is the order the pipeline runs them in (by ``order``): an extractor sees
the records of those before it in ``ctx.found``. Every module in ``parley.extract`` is
imported on first use, so a new built-in needs no list edited anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.errors import ConfigError
from parley.models import Document, Record

if TYPE_CHECKING:  # spaCy stays inside the NLP and extract stages
    from spacy.tokens import Doc


@dataclass
class Context:
    """Everything an extractor may read about one document."""

    document: Document
    doc: Doc | None = None  # the spaCy parse of document.text (None when NLP is off)
    times: list[Any] = field(default_factory=list)  # parley.time.TimeMention, in text order
    found: dict[str, list[Record]] = field(default_factory=dict)  # records of earlier extractors
    kind_cues: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def add(self, records: list[Record]) -> None:
        for r in records:
            self.found.setdefault(r.kind, []).append(r)


ExtractFn = Callable[[Context], list[Record]]


@dataclass(frozen=True)
class ExtractorSpec:
    name: str
    func: ExtractFn
    produces: tuple[str, ...]
    requires: tuple[str, ...] = ()
    description: str = ""
    order: int = 100
    default: bool = True


REGISTRY: dict[str, ExtractorSpec] = {}


def extractor(name: str, *, produces: tuple[str, ...], requires: tuple[str, ...] = (),
              description: str = "", order: int = 100, default: bool = True
              ) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` under ``name``; the first line of its docstring describes it.

    ``order`` places it in the default run (lower runs first: actors before the records that
    name them); ``default=False`` registers it without running it unless asked for by name.
    """

    def wrap(func: ExtractFn) -> ExtractFn:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ConfigError(f"extractor {name!r} is registered twice: give the new one a new version name")
        summary = description or ((func.__doc__ or "").strip().splitlines() or [""])[0]
        REGISTRY[name] = ExtractorSpec(name, func, produces, requires, summary, order, default)
        return func

    return wrap


def get(name: str) -> ExtractorSpec:
    load_builtins()
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY)) or "none"
        raise ConfigError(f"unknown extractor {name!r}; known extractors: {known}") from None


def all_specs() -> list[ExtractorSpec]:
    load_builtins()
    return [REGISTRY[n] for n in sorted(REGISTRY)]


def default_names() -> list[str]:
    """The extractors that run by default, in order (later ones read earlier ones' records)."""
    load_builtins()
    return [s.name for s in sorted(REGISTRY.values(), key=lambda s: (s.order, s.name)) if s.default]


_loaded = False


def load_builtins() -> None:
    """Import every module of ``parley.extract``: the built-ins register themselves."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib
    import pkgutil

    import parley.extract as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name != "registry" and not info.name.startswith("_"):
            importlib.import_module(f"parley.extract.{info.name}")
