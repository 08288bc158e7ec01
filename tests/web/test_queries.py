"""The query helpers on their own: the cached actor index and the scan answer alike, and the
view helpers shape records as the pages expect."""

from __future__ import annotations

import pytest

from parley.serve import queries as q
from parley.serve import views
from parley.store import Store


@pytest.mark.parametrize("actor", ["act_castellan", "act_varenia", "Tebrand", "talv", "nobody", None])
@pytest.mark.parametrize("kinds", [("events",), ("statements",), q.TIMELINE_KINDS, ("positions", "deadlines")])
def test_actor_index_and_scan_agree(fixture_db, actor, kinds):
    with Store.open(fixture_db) as store, store.engine.connect() as conn:
        for newest_first in (False, True):
            for since, until in ((None, None), ("2031-03-04", "2031-04-30")):
                f = q.Filters(actor=actor, since=since, until=until)
                scanned = q.list_records(conn, kinds, f, limit=100, offset=0, newest_first=newest_first)
                indexed = q.list_records(conn, kinds, f, limit=100, offset=0, newest_first=newest_first, cache={})
                assert [r["id"] for r in indexed.items] == [r["id"] for r in scanned.items]
                assert indexed.total == scanned.total


def test_actor_index_follows_the_store(tmp_path):
    import fixture_store

    path = str(tmp_path / "s.db")
    recs = fixture_store.build(path)
    cache: dict = {}
    with Store.open(path) as store:
        with store.engine.connect() as conn:
            assert q.list_records(conn, ("events",), q.Filters(actor="act_varenia"), limit=50, offset=0,
                                  cache=cache).total == 1
        recs["events"].append({**recs["events"][0], "id": "evt_new", "participants": ["act_varenia"]})
        store.replace_records(recs)
        with store.engine.connect() as conn:
            assert q.list_records(conn, ("events",), q.Filters(actor="act_varenia"), limit=50, offset=0,
                                  cache=cache).total == 2


def test_split_marks():
    assert q.split_marks("a \x02b\x03 c \x02d\x03") == ("a b c d", [[2, 3], [6, 7]])


def test_segments_cover_the_text_exactly():
    text = "Intro. By A. Reporter. The ministers met on Monday. End."
    noise = [[7, 22, "byline"]]
    recs = {"events": [{"id": "e1", "evidence": [{"doc": "d", "start": 23, "end": 51, "quote": text[23:51]}]}],
            "statements": [{"id": "s1", "evidence": [{"doc": "d", "start": 27, "end": 43, "quote": text[27:43]},
                                                     {"doc": "other", "start": 0, "end": 3, "quote": "x"},
                                                     {"doc": "d", "start": 40, "end": 999, "quote": "bad"}]}]}
    segs = views.document_segments(text, noise, recs, "d", current=(23, 51))
    assert "".join(s.text for s in segs) == text
    by_text = {s.text: s for s in segs}
    assert by_text["By A. Reporter."].noise == "byline"
    assert set(by_text["ministers met on"].kinds) == {"events", "statements"}
    assert by_text["ministers met on"].current and not by_text[" End."].current
    assert "ev-23-51" in by_text["The "].anchors


def test_version_columns_mark_changes():
    fam = [{"id": "a", "points": 3, "provisions": ["x", "y", "z"]},
           {"id": "b", "points": 3, "provisions": ["x", "z", "w"], "revises": "a"}]
    cols = views.version_columns(fam)
    assert [r["mark"] for r in cols[1]["rows"]] == ["same", "dropped", "same", "added"]
    assert not cols[1]["points_changed"]


def test_meeting_graph_places_every_partner():
    events = [{"participants": ["a", "b", "c"]}, {"participants": ["a", "b"]}, {"participants": ["b", "c"]}]
    g = views.meeting_graph("a", events, {"a": "A", "b": "B", "c": "C"})
    assert [n["id"] for n in g["nodes"]] == ["a", "b", "c"]
    assert {e["count"] for e in g["edges"] if not e.get("minor")} == {2, 1}
    assert [e["count"] for e in g["edges"] if e.get("minor")] == [1]  # b–c within a's events
