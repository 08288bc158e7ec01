"""Pages as HTML: they render on an empty store and with records, validate their parameters,
and never carry inline script or style (the CSP would block them)."""

from __future__ import annotations

import re

import pytest

PAGES = ["/", "/timeline", "/actors", "/proposals", "/positions", "/statements", "/documents", "/search",
         "/search?q=summit", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_on_an_empty_store(empty_client, path):
    r = empty_client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<h1>" in r.text


@pytest.mark.parametrize("path", PAGES + ["/actors/act_castellan", "/documents/doc_plan"])
def test_no_inline_script_or_style(client, path):
    html = client.get(path).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", html)  # no inline event handlers in any tag
    assert "http://" not in html.replace('href="http://', "") and "https://cdn" not in html


def test_timeline_filters_and_zoom(client):
    html = client.get("/timeline", params={"type": "summit", "status": "", "zoom": "year"}).text
    assert "Lindhaven summit" in html and "Castellan and Tebrand met" not in html
    assert '<h2 class="tl-when">2031</h2>' in html
    assert "look-cancelled" in html and "look-postponed" in html
    assert client.get("/timeline", params={"type": "picnic"}).status_code == 400
    assert client.get("/timeline", params={"since": "soon"}).status_code == 400


def test_document_page_marks_noise_evidence_and_the_requested_sentence(client):
    html = client.get("/documents/doc_ministers").text
    assert '<span class="noise" title="byline">By Hanna Ostrova</span>' in html
    assert 'id="ev-' in html and 'class="ev ev-' in html
    text = "We came to listen, not to concede"
    from fixture_store import TEXTS

    s = TEXTS["doc_ministers"].index(text)
    html = client.get(f"/documents/doc_ministers?hl={s}-{s + len(text)}").text
    assert re.search(r'<mark class="ev ev-statements current"[^>]*>We came to listen, not to concede</mark>', html)
    assert client.get("/documents/doc_ministers?hl=junk").status_code == 200
    assert client.get("/documents/nope").status_code == 404


def test_proposals_mark_added_and_dropped_provisions(client):
    html = client.get("/proposals").text
    assert '<li class="prov added"><span class="sr-only">added: </span>prisoner exchange</li>' in html
    assert '<li class="prov dropped"><span class="sr-only">dropped: </span>demilitarized corridor</li>' in html
    assert "12 → 15" in html


def test_positions_matrix_and_shifts(client):
    html = client.get("/positions").text
    assert "security guarantees" in html and 'class="moved"' in html
    st = client.get("/statements").text
    assert "accepts international monitors" in st and "refuses foreign monitors" in st
    assert "reversed" in st
    assert "turned on <strong>security guarantees</strong>" in st
    assert "Where sources disagree" in st and "<strong>5100</strong>" in st


def test_actor_page_has_roles_meetings_and_graph(client):
    html = client.get("/actors/act_castellan").text
    assert "Foreign Minister" in html and "<svg" in html and "Oskar Tebrand" in html
    assert "Meetings and events (4)" in html and "Statements (3)" in html
    assert html.count('<li><strong>security guarantees</strong>') == 0  # a person's page: no state positions
    state = client.get("/actors/act_varenia").text
    assert "Statements (0)" in state and "refuses foreign monitors" in state and "Meetings and events (1)" in state
    assert client.get("/actors/act_nobody").status_code == 404


def test_overview_counts_and_missing_brief(client):
    html = client.get("/").text
    assert "<strong>4</strong> documents" in html and "<strong>5</strong> events" in html
