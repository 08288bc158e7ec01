"""Where the document's actors are named: shared look-ups for every extractor after the actors.

The public interface (stable; other extractors build on it):

``actor_ids_in(ctx, start, end) -> list[str]``
    Per-document actor ids (``ctx.found["actors"]``) named inside ``text[start:end]``, in text
    order, repeats kept (an actor named twice appears twice). A name counts when one of the
    actor's evidence spans or an occurrence of its name or aliases lies wholly in the span;
    overlapping names resolve to the longest ("Jared Kushner" beats "Kushner"). Names inside
    noise never count.
``actor_by_name(ctx, name) -> str | None``
    The id of the document's actor whose canonical name or alias is ``name`` (case-insensitive,
    a leading "the" and a possessive "'s" ignored), or None.
``sentence_of(ctx, offset) -> spacy.tokens.Span | None``
    The spaCy sentence that contains ``offset`` (None without a parse or outside every sentence).
``is_noise(ctx, start, end) -> bool``
    True when ``text[start:end]`` overlaps a noise span (noise is never evidence).
``occurrences(ctx) -> list[Occurrence]``
    Every actor occurrence of the document, in text order (start, end, actor id).
``occurrences_in(ctx, start, end) -> list[Occurrence]``
    The occurrences that lie wholly inside ``text[start:end]`` (the spans behind
    ``actor_ids_in``).
``name_key(name) -> str``
    The folded form under which ``actor_by_name`` compares names.

Everything is computed once per document (a single regex pass over the text for all names)
and cached on the context; look-ups are ``bisect`` over sorted offsets, so a per-sentence call
costs O(log n) plus the answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from parley.extract.registry import Context
from parley.extract.spans import inside
from parley.models import Actor

if TYPE_CHECKING:  # spaCy stays an implementation detail of the extract stage
    from spacy.tokens import Span

__all__ = ["Occurrence", "actor_by_name", "actor_ids_in", "is_noise", "name_key", "occurrences", "occurrences_in",
           "sentence_of"]

_CACHE = "_parley_mentions_cache"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# "el-Sisi", "al-Hayya", "van der Berg": a name may open with a lower-case particle
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|ibn|bin|van|von|de|da|di|du|le|la|der)[-\s][A-Z]")


@dataclass(frozen=True)
class Occurrence:
    """Actor ``actor`` is named at ``text[start:end]``."""

    start: int
    end: int
    actor: str


def _cache(ctx: Context) -> dict[str, Any]:
    cache = ctx.__dict__.get(_CACHE)
    if cache is None:
        cache = {}
        ctx.__dict__[_CACHE] = cache
    return cache


def _actors(ctx: Context) -> list[Actor]:
    return [a for a in ctx.found.get("actors", []) if isinstance(a, Actor)]


def name_key(name: str) -> str:
    """The form under which names are compared: lower case, no leading "the", no possessive."""
    key = " ".join(name.replace("’", "'").split()).lower()
    if key.startswith("the "):
        key = key[4:]
    return _POSSESSIVE.sub("", key)


def is_noise(ctx: Context, start: int, end: int) -> bool:
    """True when ``text[start:end]`` overlaps a noise span of the document."""
    return ctx.document.in_noise(start, end)


def _build(ctx: Context) -> tuple[list[Occurrence], list[int]]:
    cache = _cache(ctx)
    # The actor list can grow (tests, third-party extractors): rebuild when it changed.
    stamp = len(ctx.found.get("actors", []))
    if cache.get("stamp") == stamp and "occ" in cache:
        return cache["occ"]
    text = ctx.text
    doc_id = ctx.document.id
    found: dict[tuple[int, int], str] = {}
    names: dict[str, str] = {}
    for a in _actors(ctx):
        for e in a.evidence:
            if e.doc == doc_id and 0 <= e.start < e.end <= len(text):
                found.setdefault((e.start, e.end), a.id)
        for n in (a.name, *a.aliases):
            n = " ".join(n.split())
            if n[:4].lower() == "the ":
                n = "The " + n[4:]
            if len(n) < 2 or not (n[0].isupper() or _PARTICLE_NAME.match(n)) or (
                    n.startswith("The ") and not n[4:5].isupper()):
                continue  # lower-case aliases (role nouns, pronouns) count only as evidence spans
            names.setdefault(n, a.id)
            if n.startswith("The "):
                names.setdefault("the " + n[4:], a.id)
    if names:
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        for m in re.finditer(rf"(?<![\w-])(?:{alt})(?![\w-])", text):
            found.setdefault((m.start(), m.end()), names[m.group(0)])
    spans = sorted(found.items(), key=lambda kv: (kv[0][0], -(kv[0][1] - kv[0][0])))
    out: list[Occurrence] = []
    noise = ctx.document.noise
    for (s, e), aid in spans:
        if out and s < out[-1].end:
            continue  # the longest name at a place wins
        if noise and ctx.document.in_noise(s, e):
            continue
        out.append(Occurrence(s, e, aid))
    cache["stamp"] = stamp
    cache["occ"] = (out, [o.start for o in out])
    cache.pop("by_name", None)
    return cache["occ"]


def occurrences(ctx: Context) -> list[Occurrence]:
    """Every actor occurrence of the document outside noise, in text order."""
    return list(_build(ctx)[0])


def occurrences_in(ctx: Context, start: int, end: int) -> list[Occurrence]:
    """The actor occurrences that lie wholly inside ``text[start:end]``, in text order."""
    occ, starts = _build(ctx)
    return inside(occ, starts, start, end)


def actor_ids_in(ctx: Context, start: int, end: int) -> list[str]:
    """Per-document actor ids named inside ``text[start:end]``, in text order."""
    return [o.actor for o in occurrences_in(ctx, start, end)]


def actor_by_name(ctx: Context, name: str) -> str | None:
    """The id of the document's actor called ``name`` (canonical name or alias), or None."""
    _build(ctx)
    cache = _cache(ctx)
    by_name = cache.get("by_name")
    if by_name is None:
        by_name = {}
        for a in _actors(ctx):
            for n in (a.name, *a.aliases):
                by_name.setdefault(name_key(n), a.id)
        cache["by_name"] = by_name
    return by_name.get(name_key(name))


def sentence_of(ctx: Context, offset: int) -> Span | None:
    """The spaCy sentence containing ``offset`` (None without a parse or between sentences)."""
    if ctx.doc is None:
        return None
    cache = _cache(ctx)
    if "sents" not in cache:
        sents = list(ctx.doc.sents)
        cache["sents"] = (sents, [s.start_char for s in sents])
    sents, starts = cache["sents"]
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(sents) and sents[i].start_char <= offset < sents[i].end_char:
        return sents[i]
    return None
