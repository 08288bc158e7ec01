"""Actors across documents: one record per person or body, aliases and dated roles merged.

How a per-document actor finds its record (first rule that applies):

1. the same folded name or a known alias (``Vinter`` after ``President Vinter``);
2. a body's metonym or common short form (``the Kremlin`` -> Russia, ``U.S.`` -> United States,
   an acronym of a known body: ``UN`` -> United Nations);
3. a person's transliteration variant (Zelensky ~ Zelenskyy, given names compatible);
4. a lone surname joins the one full name that ends with it (two candidates: it stays apart);
5. a role noun alone ("the president") joins the one person holding that office in the same
   document, else in the whole store; when nobody or several people fit, it is dropped
   (an office is not an actor, and guessing would credit words to the wrong person).

An actor's id is derived from its canonical folded name when the record is founded and never
changes afterwards, so ids stay stable as documents are added.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from typing import Any

from parley.models import stable_id
from parley.resolve.names import (
    TITLE_WORDS,
    close_short_spelling,
    fold,
    is_people_noun,
    is_role_noun,
    name_key,
    person_names_match,
    same_spelling_family,
    surname,
)

# Seats of government and common short forms that stand for a state or body. General
# knowledge of international news, not of any corpus.
METONYMS = {
    "kremlin": "Russia", "moscow": "Russia", "russian federation": "Russia",
    "white house": "United States", "washington": "United States", "us": "United States",
    "usa": "United States", "america": "United States", "united states of america": "United States",
    "kyiv": "Ukraine", "kiev": "Ukraine", "bankova": "Ukraine",
    "downing street": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "london": "United Kingdom",
    "elysee": "France", "elysee palace": "France", "paris": "France",
    "beijing": "China", "zhongnanhai": "China", "berlin": "Germany", "tehran": "Iran",
    "ankara": "Turkey", "turkiye": "Turkey", "riyadh": "Saudi Arabia", "doha": "Qatar",
    "cairo": "Egypt", "minsk": "Belarus", "warsaw": "Poland", "tokyo": "Japan", "seoul": "South Korea",
    "pyongyang": "North Korea", "new delhi": "India", "brasilia": "Brazil",
}
_SMALL = {"of", "the", "and", "for", "on", "in", "de"}
# An actor named in thousands of articles keeps a sample of its evidence (the first spans of
# the first documents), not all of it, so that adding an article rewrites a record of bounded
# size; ``mention_count`` keeps the full count.
MAX_ACTOR_EVIDENCE = 50
PERSON = "person"


def actor_class(type_: str | None) -> str:
    """Persons and bodies never merge with each other; states, organizations and groups may."""
    return PERSON if (type_ or PERSON) == PERSON else "body"


def global_actor_id(name: str, type_: str) -> str:
    """The id of a resolved actor: a function of its canonical folded name and class only."""
    person = actor_class(type_) == PERSON
    return stable_id("actor", "person" if person else "body", name_key(name, person=person))


def _body_key(name: str) -> str:
    key = name_key(name, person=False)
    key = re.sub(r"\b(\w) (?=\w\b)", r"\1", key)  # "u s" -> "us", "u n" -> "un"
    return key


def _acronym(key: str) -> str:
    words = [w for w in key.replace("-", " ").split() if w not in _SMALL]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def leading_title(name: str) -> str | None:
    """The office words that open a person's name ("Foreign Minister" in "Foreign Minister Ilse
    Maren"), or None."""
    raw = re.sub(r"\s+", " ", (name or "").strip()).split(" ")
    words = fold(name).split()
    if len(words) != len(raw):
        return None
    skip = {"mr", "mrs", "ms", "miss", "dr", "sir", "the", "his", "her", "their", "us", "u", "s"}
    i = 0
    while i < len(words) - 1 and words[i] in TITLE_WORDS:
        i += 1
    title = [w for w, f in zip(raw[:i], words[:i], strict=True) if f not in skip]
    return " ".join(title).strip(" ,") or None


def display_name(name: str, *, person: bool = True) -> str:
    """A name as written, without the titles that open a person's name, a body's leading
    article, or a possessive ending (``Vinter's`` -> ``Vinter``)."""
    name = re.sub(r"[’']s?$", "", name.strip())
    words = name.split()
    n = len(name_key(name, person=person).split())
    return " ".join(words[-n:]) if n and len(words) >= n else name


class ActorIndex:
    """Resolved actors and the lookups that let a new mention find its record.

    ``add`` files one per-document actor and returns the resolved id (``None`` for a role noun
    that fits nobody); ``changed`` holds the ids whose record was created or modified."""

    def __init__(self, records: list[dict[str, Any]] | None = None):
        self.groups: dict[str, dict[str, Any]] = {}
        self.changed: set[str] = set()
        self._keys: dict[tuple[str, str], str] = {}  # (class, folded alias) -> id
        self._surnames: dict[str, set[str]] = defaultdict(set)  # person surname -> ids
        self._acronyms: dict[str, str] = {}
        self._lone: dict[str, set[str]] = defaultdict(set)  # person keys of one word -> ids
        self._seen: dict[str, set[tuple[str, int, int]]] = {}  # evidence already held, per id
        for r in records or []:
            self.groups[r["id"]] = r
            self._index(r)

    # lookups ------------------------------------------------------------------------------

    def _index(self, g: dict[str, Any]) -> None:
        cls = actor_class(g.get("type"))
        for alias in [g["name"], *g.get("aliases", [])]:
            key = name_key(alias) if cls == PERSON else _body_key(alias)
            if not key or (cls == PERSON and is_role_noun(alias)):
                continue
            self._keys.setdefault((cls, key), g["id"])
            if cls == PERSON and " " not in key:
                self._lone[key].add(g["id"])
            if cls == PERSON and len(key.split()) >= 2:
                self._surnames[surname(key)].add(g["id"])
            if cls != PERSON and _acronym(key):
                self._acronyms.setdefault(_acronym(key), g["id"])

    def _person_match(self, key: str) -> str | None:
        hit = self._keys.get((PERSON, key))
        if hit:
            return hit
        words = key.split()
        if len(words) == 1:
            fulls = set(self._surnames.get(key, set()))
            if not fulls:
                fulls = {i for s, ids in self._surnames.items() if same_spelling_family(s, key) for i in ids}
            if len(fulls) == 1:
                return next(iter(fulls))
            return None
        # a full name: transliteration variants of a known full name, else a lone surname seen first
        sur = surname(key)
        cands = {gid for s, ids in self._surnames.items()
                 if same_spelling_family(s, sur) or close_short_spelling(s, sur) for gid in ids
                 if any(person_names_match(key, name_key(a)) for a in self._aliases(gid))}
        if len(cands) == 1:
            return next(iter(cands))
        if not cands:
            sur = surname(key)
            lone = sorted(self._lone.get(sur, set()) or {
                gid for k, ids in self._lone.items() if same_spelling_family(k, sur) for gid in ids})
            if len(lone) == 1 and not self._surnames.get(surname(key)):
                return lone[0]
        return None

    def _aliases(self, gid: str) -> list[str]:
        g = self.groups[gid]
        return [g["name"], *g.get("aliases", [])]

    def _body_match(self, name: str, type_: str | None = None) -> tuple[str | None, str]:
        key = _body_key(name)
        canonical = METONYMS.get(key)
        for k in (key, _body_key(canonical) if canonical else None):
            if k and ("body", k) in self._keys:
                return self._keys[("body", k)], canonical or name
        if key in self._acronyms:
            return self._acronyms[key], name
        if " " not in key and not canonical:
            hit = self._demonym_of(key) or self._lone_body_word(key, type_)
            if hit:
                return hit, name
        return None, canonical or name

    def _demonym_of(self, key: str) -> str | None:
        """``talvessan`` -> the state ``Talvessa``, ``ukrainian`` -> ``Ukraine``: a one-word body
        ending like a demonym whose stem starts a known one-word state or body name."""
        if not re.search(r"(an|ian|ean|ese|i|ish)$", key):
            return None
        best, best_len = None, 0
        for (cls, k), gid in self._keys.items():
            if cls != "body" or " " in k or k == key or len(k) < 4:
                continue
            n = len(os.path.commonprefix([k, key]))
            if n >= max(4, len(k) - 1) and n > best_len and self.groups[gid].get("type") in ("state", "group", None):
                best, best_len = gid, n
        return best

    def _lone_body_word(self, key: str, type_: str | None = None) -> str | None:
        """A one-word body name that ends or opens exactly one known multiword body name of the
        same type ("Council" -> "Meridian Cooperation Council"; the state "Israel" is not the
        organization "Israel Defense Forces"); two candidates: none."""
        if len(key) < 4 or key in _SMALL:
            return None
        hits = {gid for (cls, k), gid in self._keys.items()
                if cls == "body" and " " in k and key in (k.split()[-1], k.split()[0])
                and (type_ is None or self.groups[gid].get("type") in (type_, None))}
        return next(iter(hits)) if len(hits) == 1 else None

    def blocs(self, gid: str) -> set[str]:
        """The states or bodies a person's roles tie them to ("Foreign Minister, Varenia" ->
        Varenia), when that body is known; empty for a body."""
        g = self.groups.get(gid)
        if not g or g.get("type") != PERSON:
            return set()
        out = set()
        for r in g.get("roles") or []:
            aff = r.get("affiliation")
            if aff:
                hit, _ = self._body_match(aff)
                if hit:
                    out.add(hit)
        return out

    def holders(self, role_key: str, gids: set[str] | None = None) -> list[str]:
        """Persons (among ``gids`` if given) holding an office whose title contains ``role_key``."""
        out = []
        for gid, g in self.groups.items():
            if g.get("type") != PERSON or (gids is not None and gid not in gids):
                continue
            titles = [fold(r.get("title") or "") for r in g.get("roles") or []]
            if any(re.search(rf"\b{re.escape(role_key)}\b", t) and "former" not in t for t in titles):
                out.append(gid)
        return out

    # filing -------------------------------------------------------------------------------

    def add(self, mention: dict[str, Any], *, doc_date: str | None = None,
            doc_actor_ids: set[str] | None = None) -> str | None:
        """File one per-document actor; returns the resolved id, or None for an office nobody
        (or several people) could hold. ``doc_actor_ids``: resolved ids already seen in the same
        document, for role nouns."""
        name = (mention.get("name") or "").strip()
        type_ = mention.get("type") or PERSON
        if not name:
            return None
        if actor_class(type_) == PERSON and is_role_noun(name):
            role_key = " ".join(w for w in fold(name).split() if w not in ("the", "a", "an"))
            local = self.holders(role_key, doc_actor_ids or set())
            found = local if len(local) == 1 else (self.holders(role_key) if not local else [])
            if len(found) != 1:
                return None
            gid = found[0]
            self._absorb(self.groups[gid], mention, doc_date, alias=False)
            return gid
        if actor_class(type_) != PERSON and is_people_noun(name):
            return None  # "Negotiators", "the officials": an office, not a body
        if actor_class(type_) == PERSON:
            key = name_key(name)
            gid = self._person_match(key)
            if gid is None and " " not in key:  # a one-word "person" that is a known body
                gid = self._keys.get(("body", _body_key(name)))
            canonical = display_name(name)
        else:
            gid, canonical = self._body_match(name, type_)
            if gid is None:  # a person typed as a body ("Presidents Aurel Vinter")
                pkey = name_key(name)
                if len(pkey.split()) >= 2:
                    gid = self._keys.get((PERSON, pkey))
                elif type_ in ("organization", "group") and not name.isupper() and \
                        len(self._surnames.get(pkey, ())) == 1:
                    # "Netanyahu" typed as a body: the surname of exactly one person named in full
                    gid = next(iter(self._surnames[pkey]))
            canonical = display_name(canonical, person=False)
        if gid is None:
            gid = global_actor_id(canonical, type_)
            if gid in self.groups:  # same canonical key under another class/type guard
                gid = stable_id("actor", type_, name_key(canonical, person=actor_class(type_) == PERSON), "2")
            self.groups[gid] = {"id": gid, "name": canonical.strip(), "type": type_, "aliases": [],
                                "roles": [], "evidence": []}
            if canonical != name:
                self.groups[gid]["aliases"].append(canonical)
        g = self.groups[gid]
        self._upgrade_name(g, name)
        self._absorb(g, mention, doc_date)
        self._index(g)
        return gid

    def _upgrade_name(self, g: dict[str, Any], name: str) -> None:
        """A person's display name becomes the fullest form seen (the id does not change)."""
        if g.get("type") != PERSON:
            return
        cur, new = name_key(g["name"]), name_key(name)
        if len(new.split()) > len(cur.split()) and not is_role_noun(name):
            g["name"] = display_name(name)

    def _absorb(self, g: dict[str, Any], mention: dict[str, Any], doc_date: str | None, alias: bool = True) -> None:
        self.changed.add(g["id"])
        if alias:
            for a in [mention.get("name") or "", *(mention.get("aliases") or [])]:
                a = a.strip()
                if a and a not in g["aliases"] and not is_role_noun(a):
                    g["aliases"].append(a)
        roles = list(mention.get("roles") or [])
        if g.get("type") == PERSON:
            for a in [mention.get("name") or "", *(mention.get("aliases") or [])]:
                title = leading_title(a)
                if title and not is_role_noun(a):
                    roles.append({"title": title, "affiliation": None})
        for r in roles:
            _add_role(g, r, doc_date)
        seen = self._seen.get(g["id"])
        if seen is None:
            seen = self._seen[g["id"]] = {(e["doc"], e["start"], e["end"]) for e in g["evidence"]}
        for e in mention.get("evidence") or []:
            key = (e["doc"], e["start"], e["end"])
            if key in seen:
                continue
            g["mention_count"] = g.get("mention_count", len(g["evidence"])) + 1
            if len(g["evidence"]) < MAX_ACTOR_EVIDENCE:
                g["evidence"].append(e)
                seen.add(key)


def _add_role(g: dict[str, Any], role: dict[str, Any] | str, doc_date: str | None) -> None:
    """Roles accumulate: one per title, the affiliation filled when first known, ``date`` the
    first day it was reported. The last day goes to ``role_last_seen`` (title -> day), so that
    each role keeps exactly the shape of ``parley.models.Role``."""
    if isinstance(role, str):
        role = {"title": role}
    title = (role.get("title") or "").strip()
    if not title:
        return
    when = role.get("date") or doc_date
    key = fold(title)
    last = g.setdefault("role_last_seen", {})
    if when and (not last.get(title) or when > last[title]):
        last[title] = when
    for r in g["roles"]:
        if fold(r.get("title") or "") == key and (not role.get("affiliation") or not r.get("affiliation")
                                                   or fold(r["affiliation"]) == fold(role["affiliation"])):
            if role.get("affiliation") and not r.get("affiliation"):
                r["affiliation"] = role["affiliation"]
            if when and (not r.get("date") or when < r["date"]):
                r["date"] = when
            return
    g["roles"].append({"title": title, "affiliation": role.get("affiliation"), "date": when})


def founding_order(mention: dict[str, Any]) -> tuple:
    """Rebuild order: persons with full names first (a lone surname then finds its full name),
    then bodies, the longest names first ("Council" finds "Meridian Cooperation Council"), then
    one-word persons (a mistyped state finds its body), role nouns last (they need the holders)."""
    name = mention.get("name") or ""
    person = actor_class(mention.get("type")) == PERSON
    role = person and is_role_noun(name)
    words = len(name_key(name, person=person).split())
    rank = 0 if person and words >= 2 else 1 if not person else 2
    return (role, rank, -words, mention.get("id") or "")
