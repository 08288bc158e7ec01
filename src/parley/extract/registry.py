"""The extractor registry.

An extractor is a function of a ``Context`` (one cleaned document, its parse and its time
mentions, and what earlier extractors found) that returns records. It registers under a
versioned name (``quotes.rules.v1``) with what it requires and produces; changing behaviour
means registering a new version name. Built-ins register exactly as a third party would::

    from parley.extract.registry import extractor

    @extractor("claims.mine.v1", produces=("claims",), requires=("nlp",))
    def my_claims(ctx): ...

``DEFAULT`` is the order the pipeline runs them in: an extractor sees the records of those
before it in ``ctx.found``.
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


REGISTRY: dict[str, ExtractorSpec] = {}


def extractor(name: str, *, produces: tuple[str, ...], requires: tuple[str, ...] = (),
              description: str = "") -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` under ``name``; the first line of its docstring describes it."""

    def wrap(func: ExtractFn) -> ExtractFn:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ConfigError(f"extractor {name!r} is registered twice: give the new one a new version name")
        summary = description or ((func.__doc__ or "").strip().splitlines() or [""])[0]
        REGISTRY[name] = ExtractorSpec(name, func, produces, requires, summary)
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


# The built-ins, in the order the pipeline runs them (later ones read earlier ones' records).
DEFAULT: list[str] = []


def default_names() -> list[str]:
    load_builtins()
    return [n for n in DEFAULT if n in REGISTRY]


_loaded = False


def load_builtins() -> None:
    """Import the built-in extractor modules, which register themselves."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    import parley.extract.builtins  # noqa: F401
