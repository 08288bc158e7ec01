"""Resolution: the records of many documents become one record per real-world fact.

``update(store, doc_ids)`` is called after documents are added; ``rebuild(store)`` recomputes
everything from the stored per-document records (after ``parley extract``).

This first version merges actors across documents by name (a surname alone joins the one full
name that ends with it) and rewrites every actor reference to the merged id; other records are
kept per document. Event merging, proposal lineage and deadline fate build on it.
"""

from __future__ import annotations

from typing import Any

from parley.resolve.actors import merge_actors
from parley.store import Store

ACTOR_REFS = {
    "events": ("participants",), "statements": ("speaker",), "proposals": ("authors",),
    "deadlines": ("set_by", "addressee"), "positions": ("actor",), "claims": ("source",),
    "predictions": ("author",),
}


def update(store: Store, doc_ids: list[str]) -> None:
    """Bring the resolved records up to date after ``doc_ids`` were added."""
    rebuild(store)


def rebuild(store: Store) -> dict[str, list[dict[str, Any]]]:
    mentions = store.mentions()
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        kind = m.pop("record_kind")
        m.pop("doc_id")
        by_kind.setdefault(kind, []).append(m)
    actors, id_map = merge_actors(by_kind.get("actors", []))
    resolved: dict[str, list[dict[str, Any]]] = {"actors": actors}
    for kind, recs in by_kind.items():
        if kind == "actors":
            continue
        resolved[kind] = [_remap(r, ACTOR_REFS.get(kind, ()), id_map) for r in recs]
    store.replace_records(resolved)
    return resolved


def _remap(record: dict[str, Any], fields: tuple[str, ...], id_map: dict[str, str]) -> dict[str, Any]:
    out = dict(record)
    for f in fields:
        value = out.get(f)
        if isinstance(value, list):
            seen: list[str] = []
            for v in value:
                v = id_map.get(v, v)
                if v not in seen:
                    seen.append(v)
            out[f] = seen
        elif isinstance(value, str):
            out[f] = id_map.get(value, value)
    return out
