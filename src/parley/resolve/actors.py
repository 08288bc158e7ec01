"""Actors across documents: one record per person or body, aliases and roles merged."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from parley.models import stable_id


def name_key(name: str) -> str:
    """A name folded for matching: no accents, no case, no punctuation, no possessive."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’']s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def global_actor_id(name: str, type_: str) -> str:
    return stable_id("actor", type_ if type_ == "person" else "body", name_key(name))


def merge_actors(actors: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Merge per-document actors; returns the merged actors and a map old id -> merged id."""
    groups: dict[str, dict[str, Any]] = {}
    id_map: dict[str, str] = {}
    # Longest names first, so a full name founds the group a lone surname then joins.
    for a in sorted(actors, key=lambda a: (-len(name_key(a.get("name") or "").split()), a.get("id") or "")):
        key = _group_key(a, groups)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "id": global_actor_id(a.get("name") or "", a.get("type") or "person"),
                "name": a.get("name") or "", "type": a.get("type") or "person",
                "aliases": [], "roles": [], "evidence": [],
            }
        _absorb(g, a)
        id_map[a["id"]] = g["id"]
    merged = sorted(groups.values(), key=lambda g: (g["type"], g["name"]))
    return merged, id_map


def _group_key(actor: dict[str, Any], groups: dict[str, dict[str, Any]]) -> str:
    key = name_key(actor.get("name") or "")
    type_ = actor.get("type") or "person"
    if key in groups and groups[key]["type"] == type_:
        return key
    for g_key, g in groups.items():  # an alias already known
        if g["type"] == type_ and key in {name_key(x) for x in g["aliases"]}:
            return g_key
    if type_ == "person" and len(key.split()) == 1:
        fulls = [k for k, g in groups.items() if g["type"] == "person" and k.split()[-1:] == [key]]
        if len(fulls) == 1:  # a surname joins a full name only when unambiguous
            return fulls[0]
    return key


def _absorb(group: dict[str, Any], actor: dict[str, Any]) -> None:
    for alias in [actor.get("name") or "", *(actor.get("aliases") or [])]:
        if alias and alias not in group["aliases"]:
            group["aliases"].append(alias)
    seen = {(r.get("title"), r.get("affiliation")) for r in group["roles"]}
    for r in actor.get("roles") or []:
        if (r.get("title"), r.get("affiliation")) not in seen:
            group["roles"].append(r)
            seen.add((r.get("title"), r.get("affiliation")))
    group["evidence"].extend(actor.get("evidence") or [])
