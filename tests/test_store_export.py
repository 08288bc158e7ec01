"""The store round trip, full-text search, schema versioning and the three export formats."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley import export
from parley.errors import StoreError
from parley.models import Actor, Document, Evidence, Noise, Role, Statement, content_hash
from parley.resolve import rebuild
from parley.store import Store
from parley.store.schema import SCHEMA_VERSION

TEXT = "Foreign Minister Petra Lindqvist met envoy Corin Vale in Brisa.\nLindqvist said: “We are in the room.”\n"


def make_doc(text: str = TEXT, **kw) -> Document:
    h = content_hash(text)
    return Document(id=f"doc_{h[:12]}", source="a.txt", text=text, hash=h, **kw)


def records_for(doc: Document):
    start = doc.text.index("Petra Lindqvist")
    actor = Actor(id="a1", evidence=[Evidence.of(doc.id, doc.text, start, start + 15, "test.v1")],
                  name="Petra Lindqvist", type="person", aliases=["Lindqvist"],
                  roles=[Role("Foreign Minister")])
    q0 = doc.text.index("We are")
    stmt = Statement(id="s1", evidence=[Evidence.of(doc.id, doc.text, q0, q0 + len("We are in the room"))],
                     speaker="a1",
                     quote="We are in the room", kind_="direct")
    return [actor, stmt]


def test_round_trip_and_wal(db_path: str):
    doc = make_doc(title="Brisa", outlet="Wire", authors=["A. Writer"], published="2026-04-02",
                   noise=[Noise(0, 5, "byline")], language="en", kind="report", kind_cues=["dateline"])
    with Store.open(db_path) as s:
        s.add_document(doc, records_for(doc))
        rebuild(s)
        got = s.get_document(doc.id)
        assert got is not None and got.to_dict() == doc.to_dict()
        assert s.find_hash(doc.hash) == doc.id
        actors = s.records("actors")
        statements = s.records("statements")
    assert actors[0]["name"] == "Petra Lindqvist" and actors[0]["roles"][0]["title"] == "Foreign Minister"
    assert statements[0]["speaker"] == actors[0]["id"]  # references follow the merged actor id
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT value FROM parley_meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_duplicate_hash_is_refused_by_the_store(store: Store):
    doc = make_doc()
    store.add_document(doc)
    with pytest.raises(StoreError):
        store.add_document(doc)
    assert store.stats()["documents"] == 1


def test_failed_write_leaves_nothing_behind(store: Store):
    doc = make_doc()
    bad = records_for(doc) + records_for(doc)  # the same record ids twice: the insert fails
    with pytest.raises(StoreError):
        store.add_document(doc, bad)
    assert store.stats()["documents"] == 0 and store.mentions() == []
    assert store.search("Lindqvist")["documents"] == []


def test_an_older_store_is_migrated_in_place(db_path: str):
    """A store made by the first schema version gains what later versions add, data kept."""
    from sqlalchemy import create_engine

    from parley.store import schema

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        schema.MIGRATIONS[0](conn)
        conn.execute(schema.parley_meta.insert().values(key="schema_version", value="1"))
    engine.dispose()
    doc = make_doc()
    with Store.open(db_path) as s:
        s.add_document(doc)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT value FROM parley_meta WHERE key='schema_version'").fetchone()[0] == "2"
    assert con.execute("SELECT name FROM sqlite_master WHERE name='ix_records_kind_sort'").fetchone()
    with Store.open(db_path) as s:  # opening again changes nothing
        assert s.get_document(doc.id).text == doc.text


def test_newer_schema_is_refused(db_path: str):
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE parley_meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer than this Parley"):
        Store.open(db_path)


def test_open_errors(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at"):
        Store.open(str(tmp_path / "none.db"), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "dir.db"))


@pytest.mark.parametrize("query,hit", [
    ("Lindqvist", True), ('lindqvist "', True), ("Brisa (", True), ('"Corin', True), ("vale)", True),
    ("NEAR(Brisa", False), ("Brisa AND Mars", False), ("*", False), ("", False),
])
def test_search_never_fails_on_odd_queries(store: Store, query: str, hit: bool):
    """Every word must appear; FTS5 syntax in a query is just words, never an error."""
    doc = make_doc()
    store.add_document(doc)
    hits = store.search(query)["documents"]
    assert [h["id"] for h in hits] == ([doc.id] if hit else [])


def test_export_json_jsonl_csv(store: Store, tmp_path: Path):
    doc = make_doc(noise=[Noise(0, 7, "byline")], published="2026-04-02")
    store.add_document(doc, records_for(doc))
    rebuild(store)
    data = export.build(store)
    assert set(data) >= {"documents", "actors", "events", "statements", "proposals", "deadlines",
                         "positions", "claims", "predictions", "reversals", "contradictions"}
    d = data["documents"][0]
    for key in ("id", "source", "text", "title", "url", "outlet", "authors", "published",
                "published_inferred", "kind", "noise"):
        assert key in d
    assert d["noise"] == [[0, 7, "byline"]]
    for kind in ("actors", "statements"):
        for r in data[kind]:
            for e in r["evidence"]:
                assert doc.text[e["start"]:e["end"]] == e["quote"]
    assert data["statements"][0]["kind"] == "direct"

    jl = tmp_path / "e.jsonl"
    with jl.open("w") as fh:
        export.write_jsonl(store, fh)
    rows = [json.loads(line) for line in jl.read_text().splitlines()]
    assert [r["record"] for r in rows] == ["document", "actor", "statement"]

    names = export.write_csv(store, tmp_path / "e.zip")
    with zipfile.ZipFile(tmp_path / "e.zip") as zf:
        assert sorted(zf.namelist()) == names
        assert "Petra Lindqvist" in zf.read("actors.csv").decode()
    export.write_csv(store, tmp_path / "csvdir")
    assert (tmp_path / "csvdir" / "documents.csv").read_text().startswith("id,")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300), title=st.one_of(st.none(), st.text(max_size=40)))
def test_any_text_round_trips_exactly(tmp_path: Path, text: str, title: str | None):
    """Whatever the characters, the stored text is the ingested text, byte for byte."""
    with Store.open(str(tmp_path / f"h{abs(hash(text))}.db")) as s:
        doc = make_doc(text, title=title)
        if s.find_hash(doc.hash) is None:
            s.add_document(doc)
        assert s.get_document(doc.id).text == text
