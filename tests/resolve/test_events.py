"""Events across documents: one record per real meeting, distinct meetings kept apart."""

from __future__ import annotations

from parley.resolve.events import EventIndex, report_of


def _rep(doc, n, type_, date, parts, place="Vell", status="occurred", published="2026-03-05"):
    d = None
    if date:
        start, end, prec = date
        d = {"start": start, "end": end, "precision": prec, "text": ""}
    m = {"id": f"{doc}_{n}", "type": type_, "status": status, "date": d, "place": place, "participants": parts,
         "summary": f"{type_} {doc}"}
    return report_of(m, doc, published)


DAY3 = ("2026-03-03", "2026-03-03", "day")


def test_wordings_precisions_and_partial_participants_merge():
    idx = EventIndex()
    a = idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    b = idx.file(_rep("d2", 1, "talks", DAY3, ["A", "B", "C"]), [])
    c = idx.file(_rep("d3", 1, "meeting", ("2026-03-01", "2026-03-31", "month"), ["B", "A"]), [])
    d = idx.file(_rep("d4", 1, "summit", ("2026-03-02", "2026-03-08", "week"), ["A", "C"], place=None), [])
    assert a == b == c == d
    rec = idx.records[a]
    assert rec["date"]["start"] == "2026-03-03" and rec["date"]["precision"] == "day"
    assert rec["sources"] == 4 and set(rec["participants"]) == {"A", "B", "C"}
    assert "conflicts" not in rec  # coarser dates that fit are not a conflict


def test_same_parties_on_other_dates_stay_distinct():
    idx = EventIndex()
    a = idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    b = idx.file(_rep("d2", 1, "meeting", ("2026-03-17", "2026-03-17", "day"), ["A", "B"]), [])
    c = idx.file(_rep("d3", 1, "meeting", ("2026-04-01", "2026-04-30", "month"), ["A", "B"]), [])
    assert len({a, b, c}) == 3


def test_a_call_is_not_a_meeting():
    idx = EventIndex()
    assert idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), []) != idx.file(
        _rep("d2", 1, "call", DAY3, ["A", "B"], place=None), [])


def test_different_parties_same_day_stay_distinct():
    idx = EventIndex()
    assert idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), []) != idx.file(
        _rep("d2", 1, "meeting", DAY3, ["C", "D"]), [])


def test_two_events_of_one_document_never_merge():
    idx = EventIndex()
    a = idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    b = idx.file(_rep("d1", 2, "meeting", ("2026-03-01", "2026-03-31", "month"), ["A", "B"]), [])
    assert a != b


def test_conflicting_day_is_kept_with_its_sources():
    idx = EventIndex()
    idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    idx.file(_rep("d2", 1, "meeting", DAY3, ["A", "B"]), [])
    eid = idx.file(_rep("d3", 1, "meeting", ("2026-03-02", "2026-03-02", "day"), ["A", "B"]), [])
    rec = idx.records[eid]
    assert rec["date"]["start"] == "2026-03-03"  # the majority at the best precision
    (conflict,) = rec["conflicts"]
    assert conflict["field"] == "date"
    assert {v["value"]: v["docs"] for v in conflict["values"]} == {"2026-03-03": ["d1", "d2"], "2026-03-02": ["d3"]}


def test_month_against_an_incompatible_day_is_a_conflict():
    idx = EventIndex()
    idx.file(_rep("d1", 1, "meeting", ("2026-02-28", "2026-02-28", "day"), ["A", "B"]), [])
    eid = idx.file(_rep("d2", 1, "meeting", ("2026-03-01", "2026-03-31", "month"), ["A", "B"]), [])
    assert len(idx.records) == 1
    (conflict,) = idx.records[eid]["conflicts"]
    assert {v["value"]: v["docs"] for v in conflict["values"]} == {"2026-02-28": ["d1"], "March 2026": ["d2"]}


def test_later_cancellation_beats_earlier_plan():
    idx = EventIndex()
    d = ("2026-04-10", "2026-04-10", "day")
    idx.file(_rep("d1", 1, "summit", d, ["A", "B"], status="planned", published="2026-03-01"), [])
    eid = idx.file(_rep("d2", 1, "summit", d, ["A", "B"], status="cancelled", published="2026-04-02"), [])
    # an older article filed later does not undo it
    idx.file(_rep("d3", 1, "summit", d, ["A", "B"], status="planned", published="2026-03-10"), [])
    assert idx.records[eid]["status"] == "cancelled"
    assert [h["status"] for h in idx.records[eid]["status_history"]] == ["planned", "planned", "cancelled"]


def test_undated_report_joins_an_event_near_its_publication_only():
    idx = EventIndex()
    eid = idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    assert idx.file(_rep("d2", 1, "meeting", None, ["A", "B"], published="2026-03-06"), []) == eid
    assert idx.file(_rep("d3", 1, "meeting", None, ["A", "B"], published="2026-09-01"), []) != eid


def test_different_places_keep_events_apart_unless_the_day_agrees():
    idx = EventIndex()
    a = idx.file(_rep("d1", 1, "meeting", ("2026-03-01", "2026-03-31", "month"), ["A", "B"], place="Vell"), [])
    b = idx.file(_rep("d2", 1, "meeting", ("2026-03-01", "2026-03-31", "month"), ["A", "B"], place="Port Anselm"), [])
    assert a != b


def test_world_store_events(world_store):
    events = world_store.records("events")
    meetings = [e for e in events if e["type"] in ("meeting", "talks")]
    assert sorted(e["date"]["start"] for e in meetings) == ["2026-03-03", "2026-03-17"]
    first = next(e for e in meetings if e["date"]["start"] == "2026-03-03")
    assert first["sources"] == 4  # a1 "on Tuesday", a2 "3 March", a3 "earlier this month", a4 "2 March"
    assert {e["doc"] for e in first["evidence"]} == {"a1", "a2", "a3", "a4"}
    assert [e["type"] for e in events].count("call") == 1
    (summit,) = [e for e in events if e["type"] == "summit"]
    assert summit["status"] == "cancelled" and summit["sources"] == 2


def test_blocking_never_hides_a_matching_event():
    """Candidates from the blocks are a superset of what ``matches`` accepts (random reports)."""
    import random

    from parley.resolve.events import matches

    rng = random.Random(3)
    idx = EventIndex()
    for i in range(400):
        kind = rng.choice(["day", "day", "month", "week", "year", None])
        start = f"2026-0{rng.randint(1, 4)}-{rng.randint(10, 28):02d}"
        date = {"day": (start, start, "day"), "month": (start[:8] + "01", start[:8] + "28", "month"),
                "week": (start, start[:8] + str(int(start[8:]) + 6 if int(start[8:]) < 22 else 28), "week"),
                "year": ("2026-01-01", "2026-12-31", "year"), None: None}[kind]
        parts = rng.sample("ABCDEFGH", rng.choice([0, 1, 2, 2, 3]))
        rep = _rep(f"d{i}", 1, rng.choice(["meeting", "talks", "call"]), date, parts,
                   place=rng.choice([None, "Vell", "Port Anselm"]), published=f"2026-0{rng.randint(1, 4)}-15")
        accepted = {r for r, rec in idx.records.items() if matches(rec, rep)}
        assert accepted <= idx.candidates(rep), i
        idx.file(rep, [])


def test_states_meet_through_their_officials():
    idx = EventIndex()
    people = _rep("d1", 1, "meeting", DAY3, ["maren", "rusk"])
    people.update(persons=["maren", "rusk"], blocs=["Varenia", "Talvessa"])
    states = _rep("d2", 1, "talks", DAY3, ["Varenia", "Talvessa"], place=None)
    states.update(persons=[], blocs=[])
    other = _rep("d3", 1, "meeting", DAY3, ["Sorvalia", "Talvessa"], place=None)
    other.update(persons=[], blocs=[])
    a = idx.file(people, [])
    assert idx.file(states, []) == a
    assert idx.file(other, []) != a  # one state in common is not enough


def test_undated_report_of_an_undated_article_joins_nothing_dated():
    idx = EventIndex()
    eid = idx.file(_rep("d1", 1, "meeting", DAY3, ["A", "B"]), [])
    assert idx.file(_rep("d2", 1, "meeting", None, ["A", "B"], published=None), []) != eid


def test_a_body_named_like_a_place_is_the_place(store):
    import world

    from parley.resolve import rebuild

    world.ARTICLES["p1"] = {"published": "2026-04-02", "outlet": "Vell Courier", "title": "Vell prepares",
                            "text": "Vell prepares for the summit of 10 April."}
    try:
        for doc_id in ("a2", "a4", "p1"):
            recs = None if doc_id != "p1" else {
                "actors": [world.actor("p1", "Vell", "organization")],
                "events": [world.event("p1", 1, "summit", "planned", world.day("2026-04-10"), None, ["Vell"],
                                       "Vell prepares for the summit of 10 April.")]}
            world.add(store, doc_id, recs)
    finally:
        del world.ARTICLES["p1"]
    rebuild(store)
    (summit,) = [e for e in store.records("events") if e["type"] == "summit"]
    assert summit["sources"] == 3 and summit["place"] == "Vell" and summit["participants"] == []
