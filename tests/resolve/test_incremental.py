"""Adding articles one at a time gives the records a full rebuild gives, touching only neighbours."""

from __future__ import annotations

import world

from parley.resolve import rebuild, update


def _shape(store):
    """What must not depend on the order documents arrived in."""
    out = {}
    for kind in ("actors", "events", "proposals", "deadlines", "statements", "claims", "reversals", "contradictions"):
        recs = store.records(kind)
        out[kind] = sorted(tuple(sorted({e["doc"] for e in r.get("evidence") or []})) + (r.get("status") or "",)
                           for r in recs)
    out["actor_ids"] = sorted(a["id"] for a in store.records("actors"))
    return out


def test_one_by_one_equals_rebuild(store):
    for doc_id in world.ARTICLES:
        world.add(store, doc_id)
        update(store, [doc_id])
    incremental = _shape(store)
    rebuild(store)
    assert incremental == _shape(store)


def test_out_of_order_arrival_gives_the_same_merges(store):
    for doc_id in reversed(list(world.ARTICLES)):
        world.add(store, doc_id)
        update(store, [doc_id])
    events = store.records("events")
    first = next(e for e in events if (e.get("date") or {}).get("start") == "2026-03-03" and e["type"] != "call")
    assert first["sources"] == 4
    assert len([e for e in events if e["type"] in ("meeting", "talks")]) == 2


def test_ids_stay_stable_as_documents_are_added(store):
    world.add(store, "a1")
    update(store, ["a1"])
    before = {a["name"]: a["id"] for a in store.records("actors")}
    meeting = next(e["id"] for e in store.records("events") if e["type"] == "meeting")
    for doc_id in ("a2", "a3", "a4"):
        world.add(store, doc_id)
        update(store, [doc_id])
    after = {a["name"]: a["id"] for a in store.records("actors")}
    assert all(after[n] == i for n, i in before.items())
    assert meeting in {e["id"] for e in store.records("events")}


def test_update_touches_only_related_records(store):
    for doc_id in ("a1", "a2", "a3"):
        world.add(store, doc_id)
        update(store, [doc_id])
    second = next(e for e in store.records("events") if e["date"]["start"] == "2026-03-17")
    world.add(store, "a4")
    written = update(store, ["a4"])
    assert second["id"] not in {e["id"] for e in written["events"]}
    assert {a["name"] for a in written["actors"]} <= {"Dmitri Solvak", "Kestria"}


def test_updating_twice_changes_nothing(store):
    for doc_id in world.ARTICLES:
        world.add(store, doc_id)
        update(store, [doc_id])
    once = {k: store.records(k) for k in ("actors", "events", "proposals", "deadlines", "contradictions")}
    update(store, ["a2", "a4"])
    assert once == {k: store.records(k) for k in once}


def test_a_later_statement_reacts_to_an_earlier_version(store):
    for doc_id in world.ARTICLES:
        world.add(store, doc_id)
        update(store, [doc_id])
    solvak = next(a["id"] for a in store.records("actors") if a["name"] == "Dmitri Solvak")
    p14 = next(p for p in store.records("proposals") if p["points"] == 14)
    assert solvak in p14["accepted_by"]
    assert p14["status"] == "superseded"
    (rev,) = store.records("reversals")
    assert rev["actor"] == solvak


def test_rebuild_twice_is_stable(world_store):
    first = {k: world_store.records(k) for k in ("actors", "events", "proposals", "deadlines", "reversals",
                                                 "contradictions")}
    rebuild(world_store)
    assert first == {k: world_store.records(k) for k in first}
