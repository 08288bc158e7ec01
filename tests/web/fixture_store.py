"""A small store with records of every kind, for the web tests. All names and places are fictional.

The resolved records are written with ``Store.replace_records`` (the resolver's output format),
so the tests do not depend on how resolution merges mentions.
"""

from __future__ import annotations

from typing import Any

from parley.models import Document, Evidence, Noise, content_hash
from parley.store import Store

XSS_TITLE = "Leak <script>window.__pwned = 1</script> report"
XSS_SCRIPT = "<script>window.__pwned = 2</script>"
XSS_IMG = '<img src="x" onerror="window.__pwned = 3">'

TEXTS = {
    "doc_ministers": (
        "Foreign ministers meet in Port Selwyn\n"
        "By Hanna Ostrova\n\n"
        "PORT SELWYN — Foreign Minister Mira Castellan of Varenia met Talvessa's envoy Oskar Tebrand in "
        "Port Selwyn on Tuesday, the first direct talks in two years. \"We came to listen, not to concede,\" "
        "Castellan told reporters after the meeting. Tebrand said his government would table a 12-point plan "
        "within a week. Varenia insists that any settlement must restore its border of 2019. The ministers "
        "agreed to hold a summit in Lindhaven in April.\n\n"
        "Photo: Ledger staff\n"
        "Subscribe to our morning briefing.\n"
    ),
    "doc_plan": (
        "Talvessa revises its plan\n\n"
        "Tebrand presented a 15-point plan on Friday, revised from the earlier 12-point draft. The new text "
        "drops the demand for a demilitarized corridor and adds a prisoner exchange. The Lindhaven summit was "
        "postponed until May after Varenia objected to the agenda. Castellan said on Friday that Varenia could "
        "accept international monitors along the line. Officials said 4,200 people had been displaced by the "
        "fighting in March. Tebrand gave Varenia until April 30 to respond to the plan.\n"
    ),
    "doc_summit_off": (
        "Summit called off\n\n"
        "The Lindhaven summit was called off on Friday. A telephone call between Castellan and Tebrand is "
        "planned for next week. Castellan said Varenia would never accept foreign monitors on its soil.\n"
    ),
    "doc_xss": (
        f"{XSS_TITLE}\n\n"
        f"A leaked memo read {XSS_SCRIPT} and then {XSS_IMG} in the middle of a sentence. "
        "Tebrand met Castellan again in Port Selwyn on Monday.\n"
    ),
}
META = {
    "doc_ministers": ("Foreign ministers meet in Port Selwyn", "2031-03-04", "Northgate Ledger", "report"),
    "doc_plan": ("Talvessa revises its plan", "2031-03-20", "Coastline Courier", "report"),
    "doc_summit_off": ("Summit called off", "2031-05-02", "Northgate Ledger", "report"),
    "doc_xss": (XSS_TITLE, "2031-05-10", "Test <b>Outlet</b>", "report"),
}


def ev(doc: str, phrase: str) -> dict[str, Any]:
    """Evidence for the first occurrence of ``phrase`` in a fixture document."""
    text = TEXTS[doc]
    start = text.index(phrase)
    return Evidence.of(doc, text, start, start + len(phrase)).to_dict()


def day(iso: str, words: str = "") -> dict[str, Any]:
    return {"start": iso, "end": iso, "precision": "day", "text": words or iso}


CASTELLAN, TEBRAND, VARENIA, TALVESSA = "act_castellan", "act_tebrand", "act_varenia", "act_talvessa"


def records() -> dict[str, list[dict[str, Any]]]:
    d1, d2, d3, dx = "doc_ministers", "doc_plan", "doc_summit_off", "doc_xss"
    return {
        "actors": [
            {"id": CASTELLAN, "name": "Mira Castellan", "type": "person", "aliases": ["Castellan", "Mira Castellan"],
             "roles": [{"title": "Foreign Minister", "affiliation": "Varenia", "date": "2031-03-04"}],
             "evidence": [ev(d1, "Foreign Minister Mira Castellan")]},
            {"id": TEBRAND, "name": "Oskar Tebrand", "type": "person", "aliases": ["Tebrand", "Oskar Tebrand"],
             "roles": [{"title": "envoy", "affiliation": "Talvessa", "date": "2031-03-04"}],
             "evidence": [ev(d1, "envoy Oskar Tebrand")]},
            {"id": VARENIA, "name": "Varenia", "type": "state", "aliases": ["Varenia"], "roles": [],
             "evidence": [ev(d1, "Varenia insists")]},
            {"id": TALVESSA, "name": "Talvessa", "type": "state", "aliases": ["Talvessa"], "roles": [],
             "evidence": [ev(d2, "Talvessa revises")]},
        ],
        "events": [
            {"id": "evt_port_selwyn", "type": "meeting", "status": "occurred", "date": day("2031-03-04", "Tuesday"),
             "place": "Port Selwyn", "participants": [CASTELLAN, TEBRAND],
             "summary": "Castellan and Tebrand met in Port Selwyn", "plover": "CONSULT",
             "evidence": [ev(d1, "Foreign Minister Mira Castellan of Varenia met Talvessa's envoy Oskar Tebrand in "
                                 "Port Selwyn on Tuesday")]},
            {"id": "evt_summit", "type": "summit", "status": "cancelled",
             "date": {"start": "2031-04-01", "end": "2031-04-30", "precision": "month", "text": "April"},
             "place": "Lindhaven", "participants": [CASTELLAN, TEBRAND], "summary": "Lindhaven summit",
             "plover": "CONSULT", "evidence": [ev(d3, "The Lindhaven summit was called off on Friday.")]},
            {"id": "evt_summit_may", "type": "summit", "status": "postponed",
             "date": {"start": "2031-05-01", "end": "2031-05-31", "precision": "month", "text": "May"},
             "place": "Lindhaven", "participants": [VARENIA, TALVESSA], "summary": "Lindhaven summit moved to May",
             "plover": "CONSULT", "evidence": [ev(d2, "The Lindhaven summit was postponed until May")]},
            {"id": "evt_call", "type": "call", "status": "planned", "date": None, "place": None,
             "participants": [CASTELLAN, TEBRAND], "summary": "A call between Castellan and Tebrand",
             "plover": "CONSULT", "evidence": [ev(d3, "A telephone call between Castellan and Tebrand is planned")]},
            {"id": "evt_xss", "type": "meeting", "status": "occurred", "date": day("2031-05-09", "Monday"),
             "place": "Port <i>Selwyn</i>", "participants": [TEBRAND, CASTELLAN],
             "summary": f"Memo {XSS_SCRIPT} {XSS_IMG}", "plover": "CONSULT",
             "evidence": [ev(dx, XSS_IMG)]},
        ],
        "statements": [
            {"id": "st_listen", "speaker": CASTELLAN, "quote": "We came to listen, not to concede", "kind": "direct",
             "date": day("2031-03-04"), "evidence": [ev(d1, "We came to listen, not to concede")]},
            {"id": "st_monitors_yes", "speaker": CASTELLAN, "quote": "Varenia could accept international monitors "
             "along the line", "kind": "indirect", "date": day("2031-03-14"),
             "evidence": [ev(d2, "Varenia could accept international monitors along the line")]},
            {"id": "st_monitors_no", "speaker": CASTELLAN, "quote": "Varenia would never accept foreign monitors on "
             "its soil", "kind": "indirect", "date": day("2031-05-02"), "reverses": "st_monitors_yes",
             "evidence": [ev(d3, "Varenia would never accept foreign monitors on its soil")]},
            {"id": "st_xss", "speaker": TEBRAND, "quote": XSS_SCRIPT, "kind": "direct", "date": day("2031-05-10"),
             "evidence": [ev(dx, XSS_SCRIPT)]},
        ],
        "proposals": [
            {"id": "prop_12", "name": "12-point plan", "points": 12, "authors": [TALVESSA], "date": day("2031-03-04"),
             "status": "superseded", "revises": None,
             "provisions": ["ceasefire along the current line", "demilitarized corridor", "sanctions relief"],
             "evidence": [ev(d1, "table a 12-point plan")]},
            {"id": "prop_15", "name": "15-point plan", "points": 15, "authors": [TALVESSA, TEBRAND],
             "date": day("2031-03-20"), "status": "tabled", "revises": "prop_12",
             "provisions": ["ceasefire along the current line", "sanctions relief", "prisoner exchange"],
             "evidence": [ev(d2, "Tebrand presented a 15-point plan on Friday")]},
        ],
        "deadlines": [
            {"id": "dl_april30", "set_by": TEBRAND, "addressee": VARENIA, "what": "respond to the plan",
             "due": day("2031-04-30", "April 30"), "status": "missed",
             "evidence": [ev(d2, "Tebrand gave Varenia until April 30 to respond to the plan")]},
        ],
        "positions": [
            {"id": "pos_border", "actor": VARENIA, "issue": "territory", "stance": "restore the 2019 border",
             "date": day("2031-03-04"), "evidence": [ev(d1, "any settlement must restore its border of 2019")]},
            {"id": "pos_monitors_yes", "actor": VARENIA, "issue": "security_guarantees",
             "stance": "accepts international monitors", "date": day("2031-03-20"),
             "evidence": [ev(d2, "Varenia could accept international monitors along the line")]},
            {"id": "pos_monitors_no", "actor": VARENIA, "issue": "security_guarantees",
             "stance": "refuses foreign monitors", "date": day("2031-05-02"),
             "evidence": [ev(d3, "Varenia would never accept foreign monitors on its soil")]},
        ],
        "reversals": [
            {"id": "rev_monitors", "actor": VARENIA, "object": "security_guarantees",
             "before": {"record": "pos_monitors_yes", "date": "2031-03-20", "text": "accepts international monitors",
                        "stance": "for", "doc": d2},
             "after": {"record": "pos_monitors_no", "date": "2031-05-02", "text": "refuses foreign monitors",
                       "stance": "against", "doc": d3},
             "evidence": [ev(d2, "Varenia could accept international monitors along the line"),
                          ev(d3, "Varenia would never accept foreign monitors on its soil")]},
        ],
        "contradictions": [
            {"id": "con_displaced", "about": "figure", "record": None, "field": "people displaced",
             "values": [{"value": 4200, "docs": [d2], "unit": "people"}, {"value": 5100, "docs": [dx], "unit": "people"}],
             "summary": "4,200 people displaced", "claims": ["cl_displaced"],
             "evidence": [ev(d2, "4,200 people had been displaced")]},
        ],
        "claims": [
            {"id": "cl_displaced", "text": "people displaced in March", "value": 4200, "unit": "people",
             "source": None, "evidence": [ev(d2, "4,200 people had been displaced")]},
        ],
    }


def noise_for(doc_id: str) -> list[Noise]:
    text = TEXTS[doc_id]
    out = []
    for phrase, reason in (("By Hanna Ostrova", "byline"), ("Photo: Ledger staff", "photo_credit"),
                           ("Subscribe to our morning briefing.", "subscribe")):
        if phrase in text:
            s = text.index(phrase)
            out.append(Noise(s, s + len(phrase), reason))
    return out


def build(path: str) -> dict[str, list[dict[str, Any]]]:
    """Write the fixture documents and records into a new store at ``path``."""
    recs = records()
    with Store.open(path) as store:
        for doc_id, text in TEXTS.items():
            title, published, outlet, kind = META[doc_id]
            doc = Document(id=doc_id, source=f"fixture/{doc_id}.txt", text=text, title=title, outlet=outlet,
                           published=published, kind=kind, noise=noise_for(doc_id), language="en",
                           hash=content_hash(text))
            store.add_document(doc)
        store.replace_records(recs)
    return recs
