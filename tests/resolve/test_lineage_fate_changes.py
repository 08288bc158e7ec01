"""Proposal lineage, deadline fate, reversals and contradictions on the fictional articles."""

from __future__ import annotations

from parley.resolve.changes import polarity
from parley.resolve.deadlines import DeadlineIndex


def test_revised_plan_links_to_its_predecessor(world_store):
    props = {p["points"]: p for p in world_store.records("proposals")}
    assert set(props) == {14, 9}
    assert props[9]["revises"] == props[14]["id"]
    assert props[14]["revises"] is None
    assert props[14]["status"] == "superseded"
    assert {r["doc"] for r in props[14]["reports"]} == {"a1", "a3"}


def test_reactions_name_who_accepted_which_version(world_store):
    actors = {a["name"]: a["id"] for a in world_store.records("actors")}
    p14 = next(p for p in world_store.records("proposals") if p["points"] == 14)
    assert actors["Dmitri Solvak"] in p14["accepted_by"]
    assert actors["Dmitri Solvak"] in p14["seen_by"]


def test_deadline_fate_from_a_later_document(world_store):
    (dl,) = world_store.records("deadlines")
    assert dl["status"] == "missed" and dl["status_basis"] == "text" and dl["status_source"] == "a3"
    assert {e["doc"] for e in dl["evidence"]} == {"a1", "a3"}


def _dl(i, due, status="pending", what="withdraw heavy weapons", published="2026-03-01"):
    return {"id": i, "set_by": "X", "addressee": "Y", "what": what, "status": status,
            "due": {"start": due, "end": due, "precision": "day", "text": ""}, "evidence": []}, published


def test_deadline_fate_by_the_calendar_and_by_extension():
    idx = DeadlineIndex()
    for d, pub in (_dl("a", "2026-03-10"), _dl("b", "2026-04-30", published="2026-03-20"),
                   _dl("c", "2026-05-15", what="free the prisoners")):
        idx.file(d, d["id"], pub)
    idx.settle("2026-04-01")
    by = {r["reports"][0]["mention"]: r for r in idx.records.values()}
    assert by["a"]["status"] == "extended" and by["a"]["extended_to"] == by["b"]["id"]
    assert by["b"]["status"] == "pending" and by["b"]["status_basis"] == "calendar"
    assert by["c"]["status"] == "pending"
    idx.settle("2026-06-01")
    assert by["c"]["status"] == "missed" and by["c"]["status_basis"] == "calendar"


def test_reversal_shows_both_quotes_and_dates(world_store):
    (rev,) = world_store.records("reversals")
    assert rev["before"]["date"] == "2026-03-04" and rev["before"]["stance"] == "against"
    assert rev["after"]["date"] == "2026-04-02" and rev["after"]["stance"] == "for"
    assert "potential ideas" in rev["before"]["text"] and "helped to write" in rev["after"]["text"]


def test_contradictions_on_a_date_and_a_figure(world_store):
    cons = world_store.records("contradictions")
    fig = next(c for c in cons if c["about"] == "figure")
    assert {v["value"]: v["docs"] for v in fig["values"]} == {12000: ["a1"], 15000: ["a2"]}
    date = next(c for c in cons if c["about"] == "event")
    assert {v["value"] for v in date["values"]} == {"2026-03-03", "2026-03-02"}


def test_polarity():
    assert polarity("we reject the plan") == -1
    assert polarity("we accept the plan") == 1
    assert polarity("we do not accept the plan") == -1
    assert polarity("it is just a list of potential ideas") == -1
    assert polarity("the weather was fine") == 0


def test_extension_named_in_the_later_sentence():
    idx = DeadlineIndex()
    a, pub_a = _dl("a", "2026-05-31", what="agree on the map")
    b, pub_b = _dl("b", "2026-07-31", what="the talks went on", published="2026-05-29")
    b["evidence"] = [{"doc": "b", "start": 0, "end": 40, "quote": "the deadline had been moved to July 31"}]
    idx.file(a, "a", pub_a)
    idx.file(b, "b", pub_b)
    idx.settle("2026-05-29")
    by = {r["reports"][0]["mention"]: r for r in idx.records.values()}
    assert by["a"]["status"] == "extended" and by["a"]["extended_to"] == by["b"]["id"]


def test_two_values_in_one_document_are_not_a_dispute():
    from parley.resolve.changes import claim_contradictions

    def c(i, doc, value):
        return {"id": i, "text": "drones launched", "value": value, "unit": "drones",
                "date": {"start": "2026-03-03", "end": "2026-03-03", "precision": "day", "text": ""},
                "evidence": [{"doc": doc, "start": 0, "end": 1, "quote": "x"}]}

    # d1 and its syndicated copy d2 each give 130 launched and 112 shot down: no dispute
    assert claim_contradictions([c("a", "d1", 130), c("b", "d1", 112), c("c", "d2", 130), c("d", "d2", 112)]) == []
    (dispute,) = claim_contradictions([c("a", "d1", 130), c("c", "d2", 150)])
    assert {v["value"]: v["docs"] for v in dispute["values"]} == {130: ["d1"], 150: ["d2"]}


def test_stances_from_own_words_only():
    from parley.resolve.changes import find_reversals, stance_digests

    def st(i, day, quote, kind="direct"):
        return {"id": i, "speaker": "X", "quote": quote, "kind": kind, "evidence": [],
                "date": {"start": day, "end": day, "precision": "day", "text": ""}}

    def pos(i, day, stance):
        return {"id": i, "actor": "X", "issue": "ceasefire", "stance": stance, "evidence": [],
                "date": {"start": day, "end": day, "precision": "day", "text": ""}}

    # a paraphrase that reports someone else's refusal is not the speaker's stance
    assert stance_digests("statements", st("s1", "2026-03-01", "after the rebels' refusal of the truce",
                                           kind="indirect"), []) == []
    assert stance_digests("positions", pos("p0", "2026-03-01", "demands: a truce first"), []) == []
    turn = stance_digests("positions", pos("p1", "2026-03-01", "rejects: no truce while shelling goes on"), []) + \
        stance_digests("positions", pos("p2", "2026-04-01", "accepts: a truce along the current line"), [])
    (rev,) = find_reversals(turn)
    assert (rev["before"]["stance"], rev["after"]["stance"], rev["object"]) == ("against", "for", "ceasefire")


def test_proposal_names_fold_spellings():
    from parley.resolve.proposals import merge_key

    assert merge_key({"name": "U.S. proposal"}) == merge_key({"name": "US proposal"})
    assert merge_key({"name": "cease-fire deal"}) == merge_key({"name": "ceasefire deal"})
    assert merge_key({"name": "28-point plan", "points": 28}) != merge_key({"name": "20-point plan", "points": 20})
