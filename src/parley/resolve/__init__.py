"""Resolution: the records of many documents become one record per real-world fact.

``rebuild(store)`` recomputes every merged record from the per-document records (after
``parley extract``); ``update(store, doc_ids)`` files only the records of newly added documents
into the merged records they touch (after ``parley ingest``), so adding one article costs work
proportional to that article and its neighbours, not to the corpus.

Order of work, the same in both: actors first (every other record names actors), then events,
proposals (with lineage and reactions), deadlines (with their fate), the per-document kinds
(statements, positions, claims, predictions: actor references rewritten, an undated one dated
by its publication), and last the derived lists ``reversals`` and ``contradictions``.
One module per step: ``actors``, ``events``, ``proposals``, ``deadlines``, ``changes``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from parley.resolve import changes, storeio
from parley.resolve.actors import ActorIndex, founding_order
from parley.resolve.deadlines import DeadlineIndex
from parley.resolve.events import EventIndex, filing_order, place_key, report_of
from parley.resolve.names import is_role_noun
from parley.resolve.proposals import ProposalIndex
from parley.store import Store

ACTOR_REFS = {
    "events": ("participants",), "statements": ("speaker",), "proposals": ("authors",),
    "deadlines": ("set_by", "addressee"), "positions": ("actor",), "claims": ("source",),
    "predictions": ("author",),
}
PER_DOCUMENT = ("statements", "positions", "claims", "predictions")
DERIVED = ("reversals", "contradictions")


class Batch:
    """Per-document records grouped by kind, with their document's id and publication date."""

    def __init__(self, mentions: list[dict[str, Any]], meta: dict[str, dict[str, Any]]):
        self.by_kind: dict[str, list[dict[str, Any]]] = {}
        self.meta = meta
        for m in mentions:
            m = dict(m)
            kind = m.pop("record_kind")
            self.by_kind.setdefault(kind, []).append(m)

    def published(self, doc_id: str) -> str | None:
        return (self.meta.get(doc_id) or {}).get("published")

    def get(self, kind: str) -> list[dict[str, Any]]:
        return self.by_kind.get(kind, [])


def _file_actors(batch: Batch, actors: ActorIndex) -> dict[tuple[str, str], str | None]:
    """File every actor mention; returns ``(doc_id, mention id) -> merged id`` (None: dropped)."""
    id_map: dict[tuple[str, str], str | None] = {}
    in_doc: dict[str, set[str]] = {}
    mentions = sorted(batch.get("actors"), key=founding_order)
    for roles_pass in (False, True):
        for m in mentions:
            is_role = (m.get("type") or "person") == "person" and is_role_noun(m.get("name") or "")
            if is_role != roles_pass:
                continue
            doc = m["doc_id"]
            gid = actors.add(m, doc_date=batch.published(doc), doc_actor_ids=in_doc.get(doc, set()))
            id_map[(doc, m["id"])] = gid
            if gid:
                in_doc.setdefault(doc, set()).add(gid)
    return id_map


def _remap(rec: dict[str, Any], kind: str, id_map: dict[tuple[str, str], str | None]) -> dict[str, Any]:
    out = dict(rec)
    doc = out.pop("doc_id", None)

    def one(v: Any) -> Any:
        return id_map.get((doc, v), v) if isinstance(v, str) else v

    for f in ACTOR_REFS.get(kind, ()):
        value = out.get(f)
        if isinstance(value, list):
            out[f] = list(dict.fromkeys(x for x in (one(v) for v in value) if x))
        elif value is not None:
            out[f] = one(value)
    return out


def _event_report(rec: dict[str, Any], mention: dict[str, Any], batch: Batch, actors: ActorIndex,
                  places: set[str] | None = None) -> dict[str, Any]:
    """One document's event, with the persons among its participants and the bodies their roles
    tie them to (so "Varenia and Talvessa met" can meet "Maren met Rusk"). A participant that
    is no state and bears the name of a place where events happen is that place, not a party."""
    rep = report_of(rec, mention["doc_id"], batch.published(mention["doc_id"]))
    for p in list(rep["participants"]):
        g = actors.groups.get(p) or {}
        if places and g.get("type") not in (None, "state") and place_key(g.get("name")) in places:
            rep["participants"].remove(p)
            rep["place"] = rep["place"] or g.get("name")
    rep["persons"] = [p for p in rep["participants"] if (actors.groups.get(p) or {}).get("type") == "person"]
    rep["blocs"] = sorted(set().union(*(actors.blocs(p) for p in rep["persons"])) - set(rep["participants"])) \
        if rep["persons"] else []
    return rep


def _date_of(rec: dict[str, Any], published: str | None) -> dict[str, Any]:
    """An undated statement or position takes its document's publication day (marked inferred)."""
    if rec.get("date") or not published:
        return rec
    return {**rec, "date": {"start": published, "end": published, "precision": "day", "text": ""},
            "date_inferred": True}


def _resolve(store: Store, batch: Batch, *, actors: ActorIndex, events: EventIndex, proposals: ProposalIndex,
             deadlines: DeadlineIndex, history: list[tuple[str, dict[str, Any]]],
             id_map: dict[tuple[str, str], str | None]) -> dict[str, list[dict[str, Any]]]:
    """File one batch (its actors already filed: ``id_map``) into the indexes; returns the
    records to write (changed or new)."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("actors", "events", "proposals", "deadlines",
                                                           *PER_DOCUMENT)}
    reports = []
    places = {place_key(m.get("place")) for m in batch.get("events")} | {
        place_key(e.get("place")) for e in events.records.values()}
    places.discard("")
    for m in batch.get("events"):
        rec = _remap(m, "events", id_map)
        reports.append((_event_report(rec, m, batch, actors, places), rec.get("evidence") or []))
    for rep, ev in sorted(reports, key=lambda x: filing_order(x[0])):
        events.file(rep, ev)
    for m in batch.get("proposals"):
        proposals.file(_remap(m, "proposals", id_map), m["doc_id"], batch.published(m["doc_id"]))
    proposals.link()
    for m in batch.get("deadlines"):
        deadlines.file(_remap(m, "deadlines", id_map), m["doc_id"], batch.published(m["doc_id"]))
    deadlines.settle(storeio.reference_day(store))
    doc_dates = {d: (batch.meta.get(d) or {}).get("published") for d in batch.meta}
    for kind in PER_DOCUMENT:
        for m in batch.get(kind):
            rec = _remap(m, kind, id_map)
            if kind in ("statements", "positions", "claims"):
                rec = _date_of(rec, batch.published(m["doc_id"]))
            if kind in ("statements", "positions"):
                history.append((kind, rec))
            out[kind].append(rec)
    handled = {"actors", "events", "proposals", "deadlines", *PER_DOCUMENT}
    for kind in sorted(set(batch.by_kind) - handled):  # a kind this resolver does not know: kept as is
        out[kind] = [_remap(m, kind, id_map) for m in batch.get(kind)]
    for kind, rec in [(k, r) for k in ("statements", "positions") for r in out[k]] + [
            ("events", events.records[i]) for i in events.changed]:
        proposals.react(kind, rec, doc_dates)
    out["actors"] = [actors.groups[i] for i in sorted(actors.changed)]
    out["events"] = [events.records[i] for i in sorted(events.changed)]
    out["proposals"] = [proposals.records[i] for i in sorted(proposals.changed)]
    out["deadlines"] = [deadlines.records[i] for i in sorted(deadlines.changed)]
    return out


def rebuild(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Recompute every merged record from the per-document records and store them."""
    batch = Batch(store.mentions(), storeio.doc_meta(store))
    actors, events, proposals, deadlines = ActorIndex(), EventIndex(), ProposalIndex(), DeadlineIndex()
    history: list[tuple[str, dict[str, Any]]] = []
    id_map = _file_actors(batch, actors)
    out = _resolve(store, batch, actors=actors, events=events, proposals=proposals, deadlines=deadlines,
                   history=history, id_map=id_map)
    _attach_stances(actors, history, out["proposals"])
    out["actors"] = [actors.groups[i] for i in sorted(actors.changed)]
    out["reversals"] = changes.find_reversals([d for g in actors.groups.values() for d in g.get("stances") or []])
    out["contradictions"] = changes.event_contradictions(out["events"]) + changes.claim_contradictions(out["claims"])
    store.replace_records(out)
    return out


def _attach_stances(actors: ActorIndex, history: list[tuple[str, dict[str, Any]]],
                    proposals: list[dict[str, Any]]) -> set[str]:
    """Keep each actor's polar stances (small digests) on its record, so reversals can be
    recomputed from the actor alone; returns the actors that gained one."""
    touched: set[str] = set()
    for kind, rec in history:
        for d in changes.stance_digests(kind, rec, proposals):
            g = actors.groups.get(d["actor"])
            if g is None:
                continue
            held = g.setdefault("stances", [])
            if not any(x["record"] == d["record"] and x["object"] == d["object"] for x in held):
                held.append(d)
                actors.changed.add(g["id"])
                touched.add(g["id"])
    return touched


def update(store: Store, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """File the records of newly added documents ``doc_ids``; only the merged records they touch
    are read and rewritten. Returns what was written."""
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return {}
    batch = Batch(store.mentions(doc_ids=doc_ids), storeio.doc_meta(store, doc_ids))
    actors = ActorIndex(storeio.actor_candidates(store, batch.get("actors")))
    id_map = _file_actors(batch, actors)
    events = EventIndex(storeio.event_candidates(store, [
        _event_report(_remap(m, "events", id_map), m, batch, actors,
                      {place_key(x.get("place")) for x in batch.get("events")} - {""})
        for m in batch.get("events")]))
    proposals = ProposalIndex(_proposal_candidates(store, batch, id_map))
    for p in proposals.records.values():  # earlier documents' links resolve through the merged ids
        for rep in p.get("reports") or []:
            proposals.id_map[rep.get("mention") or ""] = p["id"]
    setters = {id_map.get((m["doc_id"], m.get("set_by")), m.get("set_by")) for m in batch.get("deadlines")} - {None}
    before = storeio.reference_day(store, excluding=doc_ids)
    dues = [m.get("due") for m in batch.get("deadlines")]
    loaded = {r["id"]: r for r in storeio.deadlines_of(store, setters, dues)}
    now = storeio.reference_day(store)
    if now != before:
        loaded.update({r["id"]: r for r in storeio.deadlines_due_between(store, before, now)})
    deadlines = DeadlineIndex(list(loaded.values()))
    snapshot = {i: json.dumps({k: v for k, v in r.items() if k != "_before"}, sort_keys=True)
                for i, r in [*proposals.records.items(), *deadlines.records.items()]}
    history: list[tuple[str, dict[str, Any]]] = []
    out = _resolve(store, batch, actors=actors, events=events, proposals=proposals, deadlines=deadlines,
                   history=history, id_map=id_map)
    for kind in ("proposals", "deadlines"):  # write back only what changed
        out[kind] = [r for r in out[kind] if snapshot.get(r["id"]) != json.dumps(r, sort_keys=True)]
    # derived lists: recomputed for the actors and figures this batch touched, found by id
    counts = {json.dumps(["points", int(n)]) for _, r in history
              for n in re.findall(r"\b(\d{1,3})\b", (r.get("quote") or "") + " " + (r.get("stance") or ""))}
    props = list({**{p["id"]: p for p in storeio.records_mentioning(store, "proposals", counts)},
                  **proposals.records}.values()) if history else []
    touched = _attach_stances(actors, history, props)
    out["actors"] = [actors.groups[i] for i in sorted(actors.changed)]
    reversals = changes.find_reversals([d for i in touched for d in actors.groups[i].get("stances") or []])
    claims: dict[str, dict[str, Any]] = {}
    for c in out["claims"]:
        if c.get("unit"):
            near = storeio.claims_near(store, c["unit"], changes.dt.start_key(c.get("date")),
                                       2 * changes.CLAIM_WINDOW_DAYS)
            claims.update({x["id"]: x for x in near})
    claims.update({c["id"]: c for c in out["claims"]})
    figure = changes.claim_contradictions(list(claims.values()))
    ev = changes.event_contradictions(out["events"])
    stale = [i for e in out["events"] for i in changes.event_contradiction_ids(e["id"])]
    stale += [changes.figure_id(changes.claim_key(c), c["id"]) for c in claims.values()]
    out["reversals"], out["contradictions"] = reversals, ev + figure
    scope = {r["id"] for recs in out.values() for r in recs} | set(stale)
    store.replace_records(out, scope=scope)
    return out


def _proposal_candidates(store: Store, batch: Batch, id_map: dict[tuple[str, str], str | None]
                         ) -> list[dict[str, Any]]:
    """Merged proposals the batch's proposals may join or link to: the same point count or name,
    a shared author, the counts named in their sentences; versions loaded this way keep a
    ``revises`` link or a ``superseded`` status that only records outside the set could explain."""
    from parley.resolve.proposals import merge_key, name_head

    needles: set[str] = set()
    for m in batch.get("proposals"):
        needles.add(json.dumps(list(merge_key(m))))
        authors = [id_map.get((m["doc_id"], a), a) for a in m.get("authors") or []]
        needles.update(a for a in authors if a)
        if not authors:
            needles.add(json.dumps(name_head(m.get("name") or "")))
    # versions named where this batch's proposals, statements and positions are (for lineage
    # and reactions)
    for m in batch.get("proposals") + batch.get("statements") + batch.get("positions"):
        for e in m.get("evidence") or []:
            for n in re.findall(r"\b(\d{1,3})\b", e.get("quote") or ""):
                needles.add(json.dumps(["points", int(n)]))
    found = storeio.records_mentioning(store, "proposals", needles)
    for r in found:
        r["_before"] = (r.get("revises"), r.get("status"))
    return found
