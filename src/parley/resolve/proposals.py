"""Proposals across documents: one record per version of a plan, versions linked by ``revises``,
and who saw, accepted or rejected which version.

Merging: two per-document proposals are one version when they have the same number of points
(a "28-point plan" and a "28-point peace plan"), or, without a count, the same folded name
("memorandum"); never when both name authors and the authors are disjoint (two different
12-point plans by two governments).

Lineage, in order of trust:

1. the extractor's own ``revises`` link, mapped to the merged records;
2. a sentence that reports a revision and names both versions ("the 28-point plan was cut to 19
   points"): the version first reported earlier is revised by the other;
3. numbered versions of one family (sharing an author, or a name head such as "plan" /
   "framework" when neither names an author) chain by the date they were first reported.

An older version that has been revised becomes ``superseded`` unless it was accepted or rejected.
Reactions come from statements, positions and events whose evidence sentence names the version:
``accepted_by``, ``rejected_by``, ``seen_by`` (actor ids), each reaction with its date and source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Any

from parley.models import stable_id
from parley.resolve import dates as dt
from parley.resolve.names import fold

REVISION_CUES = re.compile(
    r"\b(revis\w*|redraft\w*|rewr[io]t\w*|amend\w*|updat\w*|new version|pared|trimmed|cut (?:down )?to|"
    r"reduced to|down from|replac\w*|overhaul\w*|slimm\w*|streamlin\w*|reworked|narrowed)\b", re.I)
ACCEPT = re.compile(r"\b(accept\w*|agree[sd]? to|endors\w*|welcom\w*|back(?:s|ed)? the|sign(?:s|ed)? (?:on|off)|"
                    r"approv\w*|embrac\w*|support\w*)\b", re.I)
REJECT = re.compile(r"\b(reject\w*|refus\w*|dismiss\w*|non-starter|unacceptable|turn(?:s|ed)? down|"
                    r"oppos\w*|den(?:y|ies|ied)|walk(?:s|ed)? away)\b", re.I)
SEEN = re.compile(r"\b(present\w*|shown|show\w*|deliver\w*|hand\w* (?:over|to)|receiv\w*|brief\w*|shar\w*|"
                  r"sent|studied|review\w*|discuss\w*)\b", re.I)
_HEADS = ("plan", "framework", "memorandum", "proposal", "draft", "deal", "agreement", "roadmap", "charter",
          "ceasefire", "truce", "accord", "document", "initiative", "formula", "peace")


def name_head(name: str) -> str:
    words = fold(name).split()
    heads = [w for w in words if w in _HEADS]
    return heads[-1] if heads else (words[-1] if words else "")


def merge_key(p: dict[str, Any]) -> tuple:
    if p.get("points"):
        return ("points", int(p["points"]))
    name = fold(p.get("name") or "")
    name = re.sub(r"\b(\w) (?=\w\b)", r"\1", name)  # "u s proposal" -> "us proposal"
    name = re.sub(r"(?<=\w)-(?=\w)", "", name)  # "cease-fire" -> "ceasefire"
    words = [w for w in name.split() if w not in ("the", "a", "an", "new", "latest", "draft")]
    return ("name", " ".join(words))


def _authors_clash(a: list[str], b: list[str]) -> bool:
    return bool(a) and bool(b) and not set(a) & set(b)


@lru_cache(maxsize=512)
def _points_pattern(n: int) -> re.Pattern[str]:
    return re.compile(rf"\b{n}\s*(?:-|\s)?\s*(?:point|item|clause|article)s?\b", re.I)


class ProposalIndex:
    """Merged proposal versions; ``file`` adds one per-document proposal."""

    def __init__(self, records: list[dict[str, Any]] | None = None):
        self.records: dict[str, dict[str, Any]] = {r["id"]: r for r in records or []}
        self.changed: set[str] = set()
        self.id_map: dict[str, str] = {}  # per-document id -> merged id
        self.filed: set[str] = set()  # merged ids that received a report in this run
        self._by_points: tuple[int, dict[int, list[dict[str, Any]]]] | None = None
        self._by_key: dict[tuple, list[dict[str, Any]]] | None = None

    def file(self, p: dict[str, Any], doc_id: str, published: str | None) -> str:
        key = merge_key(p)
        if self._by_key is None:
            self._by_key = {}
            for r in self.records.values():
                self._by_key.setdefault(tuple(r.get("key") or ()), []).append(r)
        rec = next((r for r in self._by_key.get(key, [])
                    if not _authors_clash(r.get("authors") or [], p.get("authors") or [])), None)
        if rec is None:
            rec = {"id": stable_id("proposal", *key, *(sorted(p.get("authors") or [])[:1])), "key": list(key),
                   "name": p.get("name") or "", "points": p.get("points"), "authors": [], "date": None,
                   "status": "unknown", "revises": None, "provisions": [], "evidence": [], "reports": []}
            while rec["id"] in self.records:
                rec["id"] = stable_id("proposal", rec["id"], "next")
            self.records[rec["id"]] = rec
            self._by_key.setdefault(key, []).append(rec)
        self.id_map[p["id"]] = rec["id"]
        self.filed.add(rec["id"])
        rec["reports"] = [r for r in rec["reports"] if r.get("mention") != p.get("id")] + [{
            "doc": doc_id, "published": published, "mention": p.get("id"), "status": p.get("status") or "unknown",
            "date": p.get("date"), "revises_mention": p.get("revises"), "name": p.get("name") or ""}]
        for a in p.get("authors") or []:
            if a and a not in rec["authors"]:
                rec["authors"].append(a)
        for prov in p.get("provisions") or []:
            if prov not in rec["provisions"]:
                rec["provisions"].append(prov)
        seen = {(e["doc"], e["start"], e["end"]) for e in rec["evidence"]}
        rec["evidence"].extend(e for e in p.get("evidence") or [] if (e["doc"], e["start"], e["end"]) not in seen)
        self._derive(rec)
        self.changed.add(rec["id"])
        return rec["id"]

    def _derive(self, rec: dict[str, Any]) -> None:
        reps = sorted(rec["reports"], key=lambda r: (r.get("published") or "9999", r["doc"]))
        rec["reports"] = reps
        names = Counter(r["name"] for r in reps if r["name"])
        if names:
            rec["name"] = max(names, key=lambda n: (names[n], -len(n)))
        dated = [r["date"] for r in reps if dt.interval(r["date"])]
        rec["date"] = min(dated, key=lambda d: (dt.start_key(d), dt.precision(d))) if dated else None
        rec["first_reported"] = next((r["published"] for r in reps if r.get("published")), None)
        known = [r for r in reps if r["status"] not in ("unknown", None)]
        rec["stated_status"] = known[-1]["status"] if known else "unknown"

    def link(self, sentences_by_doc: dict[str, list[str]] | None = None) -> None:
        """Recompute ``revises`` and ``status`` over every version (a handful of records)."""
        recs = list(self.records.values())
        for r in recs:
            r["revises"] = None
        # 1. the extractor's own links
        for r in recs:
            for rep in r["reports"]:
                target = self.id_map.get(rep.get("revises_mention") or "")
                if target and target != r["id"] and not r["revises"]:
                    r["revises"] = target
        # 2. a revision sentence that names two versions
        numbered = [r for r in recs if r.get("points")]
        by_points: dict[int, list[dict[str, Any]]] = {}
        for r in numbered:
            by_points.setdefault(int(r["points"]), []).append(r)
        for r in numbered:
            if r["revises"]:
                continue
            for e in r["evidence"]:
                q = e.get("quote") or ""
                if not REVISION_CUES.search(q):
                    continue
                counts = {int(n) for n in re.findall(r"\b(\d{1,3})\b", q)} | {
                    n for n in by_points if _points_pattern(n).search(q)}
                others = [o for n in counts for o in by_points.get(n, []) if o is not r and _older(o, r)
                          and _points_pattern(int(o["points"])).search(q)]
                if others:
                    r["revises"] = max(others, key=lambda o: o.get("first_reported") or "")["id"]
                    break
        # 3. numbered versions of one family, by first report: the latest older member of any
        # family the version belongs to (shared author; or the same head word without authors)
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in numbered:
            for a in r.get("authors") or []:
                groups.setdefault(("author", a), []).append(r)
            head = name_head(r.get("name") or "")
            groups.setdefault(("head", head), []).append(r)
            if not r.get("authors"):
                groups.setdefault(("head-noauthor", head), []).append(r)
        for g in groups.values():
            g.sort(key=_when)
        position = {(k, id(r)): i for k, g in groups.items() for i, r in enumerate(g)}
        for r in numbered:
            if r["revises"]:
                continue
            head = name_head(r.get("name") or "")
            keys = ([("author", a) for a in r["authors"]] + [("head-noauthor", head)]) if r.get("authors") else [
                ("head", head)]
            best = None
            for k in keys:
                g = groups.get(k, [])
                i = position.get((k, id(r)), bisect_left([_when(x) for x in g], _when(r)))
                older = [x for x in g[:i] if _older(x, r)]
                if older and (best is None or _when(older[-1]) > _when(best)):
                    best = older[-1]
            if best is not None:
                r["revises"] = best["id"]
        revised = {r["revises"] for r in recs if r["revises"]}
        for r in recs:
            stated = r.get("stated_status") or "unknown"
            if r["id"] in revised and stated not in ("accepted", "rejected"):
                r["status"] = "superseded"
            else:
                r["status"] = stated
            # a version loaded only as a neighbour (incremental update) keeps what versions
            # outside the loaded set told about it
            old_revises, old_status = r.pop("_before", (None, None))
            if r["id"] not in self.filed:
                r["revises"] = r["revises"] or old_revises
                if old_status == "superseded":
                    r["status"] = "superseded"
            self.changed.add(r["id"])

    def react(self, kind: str, rec: dict[str, Any], doc_dates: dict[str, str | None]) -> None:
        """Note an actor's reaction to any version its evidence sentence names."""
        actors = [rec.get("actor") or rec.get("speaker")] if kind in ("statements", "positions") else rec.get(
            "participants") or []
        actors = [a for a in actors if a]
        if not actors:
            return
        if self._by_points is None or self._by_points[0] != len(self.records):
            table: dict[int, list[dict[str, Any]]] = {}
            for p in self.records.values():
                table.setdefault(int(p["points"] or 0), []).append(p)
            self._by_points = (len(self.records), table)
        by_points = self._by_points[1]
        named = by_points.get(0, [])
        for e in rec.get("evidence") or []:
            q = e.get("quote") or ""
            text = q + " " + (rec.get("stance") or "") + " " + (rec.get("quote") or "")
            numbers = {int(n) for n in re.findall(r"\b(\d{1,3})\b", text)}
            cands = named + [p for n in numbers for p in by_points.get(n, [])]
            for p in cands:
                if not _names_version(p, text):
                    continue
                reaction = "seen" if kind == "events" else _reaction(rec)
                if reaction is None:
                    continue
                for a in actors:
                    _add_reaction(p, a, reaction, doc_dates.get(e["doc"]), e)
                    self.changed.add(p["id"])


def _reaction(rec: dict[str, Any]) -> str | None:
    """Accepted, rejected or seen, from the actor's own words (a statement's quote, a position's
    stance), not from the rest of the sentence, which may report someone else's answer."""
    own = rec.get("stance") or rec.get("quote") or ""
    label = re.match(r"\s*(\w+)", own)
    head = label.group(1).lower() if label else ""
    if head.startswith(("accept", "agree", "endorse", "welcome")):
        return "accepted"
    if head.startswith(("reject", "refus", "oppose", "red")):
        return "rejected"
    if REJECT.search(own):
        return "rejected"
    if ACCEPT.search(own):
        return "accepted"
    if SEEN.search(own):
        return "seen"
    return None


def _names_version(p: dict[str, Any], text: str) -> bool:
    if p.get("points"):
        return bool(_points_pattern(int(p["points"])).search(text))
    words = [w for w in fold(p.get("name") or "").split() if len(w) > 3]
    return bool(words) and all(w in fold(text) for w in words)


def _add_reaction(p: dict[str, Any], actor: str, reaction: str, when: str | None, ev: dict[str, Any]) -> None:
    reactions = p.setdefault("reactions", [])
    if any(r["actor"] == actor and r["reaction"] == reaction and r["evidence"]["doc"] == ev["doc"] for r in reactions):
        return
    reactions.append({"actor": actor, "reaction": reaction, "date": when, "evidence": ev})
    reactions.sort(key=lambda r: (r.get("date") or "9999", r["actor"]))
    for field, word in (("accepted_by", "accepted"), ("rejected_by", "rejected")):
        p[field] = list(dict.fromkeys(r["actor"] for r in reactions if r["reaction"] == word))
    # whoever accepted or rejected a version has seen it
    p["seen_by"] = list(dict.fromkeys(r["actor"] for r in reactions))


def _when(r: dict[str, Any]) -> tuple:
    return (r.get("first_reported") or dt.start_key(r.get("date")) or "9999", -(r.get("points") or 0))


def _older(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _when(a) < _when(b)


def _same_family(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("authors") and b.get("authors"):
        return bool(set(a["authors"]) & set(b["authors"]))
    return name_head(a.get("name") or "") == name_head(b.get("name") or "")
