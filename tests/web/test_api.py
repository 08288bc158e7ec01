"""The JSON API through FastAPI's test client: lists, filters, pagination, the error envelope,
exports, the write token, and the security headers."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from fixture_store import CASTELLAN, TEBRAND, TEXTS

LISTS = ["/api/documents", "/api/actors", "/api/events", "/api/statements", "/api/proposals", "/api/deadlines",
         "/api/positions", "/api/claims", "/api/predictions", "/api/timeline", "/api/reversals",
         "/api/contradictions"]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_is_empty_and_200_on_an_empty_store(empty_client, path):
    r = empty_client.get(path)
    assert r.status_code == 200
    body = r.json()
    assert body["items"] == [] and body["total"] == 0 and body["offset"] == 0


def test_search_and_export_on_an_empty_store(empty_client):
    assert empty_client.get("/api/search", params={"q": "summit"}).json()["documents"] == []
    assert empty_client.get("/api/export").json()["documents"] == []
    assert empty_client.get("/api/export", params={"format": "jsonl"}).text == ""


def test_documents_newest_first_without_text(client):
    body = client.get("/api/documents").json()
    assert body["total"] == len(TEXTS)
    dates = [d["published"] for d in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert all("text" not in d for d in body["items"])
    ministers = next(d for d in body["items"] if d["id"] == "doc_ministers")
    assert 0 < ministers["noise_share"] < 0.3


def test_documents_filters(client):
    got = client.get("/api/documents", params={"since": "2031-03-10", "until": "2031-05-05"}).json()
    assert {d["id"] for d in got["items"]} == {"doc_plan", "doc_summit_off"}
    # An actor's documents: those of its own record and of every record that names it.
    got = client.get("/api/documents", params={"actor": TEBRAND}).json()
    assert {d["id"] for d in got["items"]} == set(TEXTS)
    assert client.get("/api/documents", params={"type": "opinion"}).json()["items"] == []


def test_one_document_has_text_noise_and_valid_evidence(client):
    d = client.get("/api/documents/doc_plan").json()
    assert d["text"] == TEXTS["doc_plan"]
    assert d["noise"] == []
    kinds = set(d["records"])
    assert {"events", "proposals", "deadlines", "positions", "statements", "claims"} <= kinds
    for recs in d["records"].values():
        for r in recs:
            for e in r["evidence"]:
                if e["doc"] == "doc_plan":
                    assert d["text"][e["start"]:e["end"]] == e["quote"]
    noisy = client.get("/api/documents/doc_ministers").json()
    assert [n[2] for n in noisy["noise"]] == ["byline", "photo_credit", "subscribe"]


def test_errors_share_one_envelope(client):
    for path, status in (("/api/documents/nope", 404), ("/api/events?limit=0", 422),
                         ("/api/events?type=picnic", 422), ("/api/events?since=yesterday", 422),
                         ("/api/documents/bad%20id", 422), ("/api/unknown", 404),
                         ("/api/events?until=0", 422), ("/api/events?since=2031-02-30", 422)):
        r = client.get(path)
        assert r.status_code == status, path
        err = r.json()["error"]
        assert err["status"] == status and err["code"] and err["message"], path
    assert client.get("/api/events?limit=0").json()["error"]["code"] == "invalid_parameter"


def test_events_filters(client):
    def ids(**params):
        return [e["id"] for e in client.get("/api/events", params=params).json()["items"]]

    assert ids(type="summit") == ["evt_summit", "evt_summit_may"]
    assert ids(status="cancelled") == ["evt_summit"]
    assert ids(actor="act_varenia") == ["evt_summit_may"]
    assert ids(actor="castellan") == ["evt_port_selwyn", "evt_summit", "evt_xss", "evt_call"]  # by name
    assert ids(since="2031-04-01", until="2031-04-30") == ["evt_summit"]
    assert ids(actor="nobody at all") == []
    assert ids(since="2031-05-01", until="2031-04-01") == []  # an empty range, not an error


def test_pagination_is_stable_and_complete(client):
    seen = []
    for offset in range(0, 10, 2):
        page = client.get("/api/timeline", params={"limit": 2, "offset": offset}).json()
        assert page["limit"] == 2 and page["offset"] == offset
        seen += [i["id"] for i in page["items"]]
    total = client.get("/api/timeline").json()["total"]
    assert len(seen) == len(set(seen)) == total == 8


def test_timeline_mixes_kinds_in_date_order(client):
    items = client.get("/api/timeline").json()["items"]
    assert {i["record_kind"] for i in items} == {"events", "deadlines", "proposals"}
    starts = [(i.get("date") or i.get("due") or {}).get("start") for i in items]
    dated = [s for s in starts if s]
    assert dated == sorted(dated) and starts[-1] is None  # undated last
    deadlines = client.get("/api/timeline", params={"type": "deadline"}).json()["items"]
    assert [d["id"] for d in deadlines] == ["dl_april30"]


def test_other_record_lists_filter_by_actor_status_and_type(client):
    assert [s["id"] for s in client.get("/api/statements", params={"actor": TEBRAND}).json()["items"]] == ["st_xss"]
    assert client.get("/api/statements", params={"type": "indirect"}).json()["total"] == 2
    assert [p["id"] for p in client.get("/api/proposals", params={"status": "tabled"}).json()["items"]] == ["prop_15"]
    assert client.get("/api/deadlines", params={"actor": "act_varenia"}).json()["total"] == 1
    assert client.get("/api/positions", params={"type": "security_guarantees"}).json()["total"] == 2
    assert client.get("/api/claims").json()["items"][0]["value"] == 4200
    assert client.get("/api/actors", params={"type": "state"}).json()["total"] == 2
    assert client.get(f"/api/actors/{CASTELLAN}").json()["name"] == "Mira Castellan"
    assert [r["id"] for r in client.get("/api/reversals", params={"actor": "Varenia"}).json()["items"]] == [
        "rev_monitors"]
    assert client.get("/api/reversals", params={"actor": CASTELLAN}).json()["total"] == 0
    assert client.get("/api/contradictions").json()["items"][0]["field"] == "people displaced"


def test_search_documents_and_statements(client):
    r = client.get("/api/search", params={"q": "monitors"}).json()
    assert {d["id"] for d in r["documents"]} == {"doc_plan", "doc_summit_off"}
    for d in r["documents"]:
        assert d["marks"] and all(d["snippet"][s:e].lower() == "monitors" for s, e in d["marks"])
    assert {s["id"] for s in r["statements"]} == {"st_monitors_yes", "st_monitors_no"}
    # FTS5 syntax in a query is searched for, never executed.
    for hostile in ('"', "NEAR(", "a OR", "*", "summit)"):
        assert client.get("/api/search", params={"q": hostile}).status_code == 200
    assert client.get("/api/search").status_code == 422


def test_exports(client):
    r = client.get("/api/export")
    assert r.headers["content-type"].startswith("application/json")
    assert "attachment" in r.headers["content-disposition"]
    data = r.json()
    assert data["version"] == 1 and len(data["documents"]) == len(TEXTS) and len(data["events"]) == 5
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert json.loads(lines[0])["record"] == "document"
    assert sum(json.loads(x)["record"] == "event" for x in lines) == 5
    z = zipfile.ZipFile(io.BytesIO(client.get("/api/export", params={"format": "csv"}).content))
    assert {"documents.csv", "events.csv", "actors.csv"} <= set(z.namelist())
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


def test_read_only_without_a_write_token(client):
    r = client.post("/api/documents", json={"text": "Ministers met on Monday."})
    assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"


def test_ingest_needs_the_write_token(tmp_path):
    from fastapi.testclient import TestClient

    from parley.pipeline import Extraction
    from parley.serve import create_app

    app = create_app(str(tmp_path / "w.db"), write_token="s3cret-token")
    app.state.extraction = Extraction(names=[])  # no model: this tests the API, not extraction
    article = {"text": "Envoys of Varenia and Talvessa met in Port Selwyn on Monday to discuss a ceasefire.",
               "title": "Envoys meet", "published": "2031-06-01", "outlet": "Test Wire"}
    with TestClient(app) as c:
        assert c.post("/api/documents", json=article).status_code == 401
        assert c.post("/api/documents", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": "Bearer s3cret-token"}
        r = c.post("/api/documents", json=article, headers=auth)
        assert r.status_code == 201 and r.json()["status"] == "added"
        again = c.post("/api/documents", json=article, headers=auth)
        assert again.status_code == 200 and again.json() == {"id": r.json()["id"], "status": "unchanged"}
        listed = c.get("/api/documents").json()
        assert listed["total"] == 1 and listed["items"][0]["title"] == "Envoys meet"
        assert c.post("/api/documents", json={"text": ""}, headers=auth).status_code == 422


def test_security_headers_everywhere(client):
    for path in ("/", "/api/events", "/api/nope", "/documents/nope", "/static/parley.css", "/openapi.json"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_no_stack_trace_in_responses(client, monkeypatch):
    from parley.serve import queries

    def boom(*a, **k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(queries, "list_records", boom)
    for path in ("/api/events", "/timeline"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret internals" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
    assert client.get("/api/events").json()["error"]["code"] == "internal_error"


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in LISTS + ["/api/documents/{doc_id}", "/api/search", "/api/export", "/api/actors/{actor_id}"]:
        assert p in paths, p
    docs = client.get("/docs").text
    assert "/api/timeline" in docs and "cdn" not in docs.lower()
