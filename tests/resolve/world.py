"""A fictional negotiation reported by four short articles, and their per-document records
(the shape extractors write into ``mentions``), for the resolver tests.

Orlan and Kestria talk through a mediator from Lissand. The foreign ministers meet in Vell on
Tuesday 3 March 2026 (reported as "on Tuesday", "3 March", "earlier this month", and once,
wrongly, as 2 March), talk by phone the same day, meet again on 17 March (a distinct meeting),
and plan a summit for 10 April that a later article reports as called off. A 14-point plan is cut
to a 9-point framework; a deadline of 10 March passes; one envoy turns around on the plan.
"""

from __future__ import annotations

from typing import Any

from parley.models import Document, content_hash, record_from_dict, stable_id

ARTICLES: dict[str, dict[str, Any]] = {
    "a1": {"published": "2026-03-04", "outlet": "Vell Courier", "title": "Ministers meet in Vell",
           "text": (
               "Foreign Minister Mira Halvorsen of Orlan met Kestrian envoy Dmitri Solvak in Vell on Tuesday. "
               "Halvorsen and Solvak also spoke by phone on Tuesday evening. "
               "Orlan tabled a 14-point plan. "
               "Solvak said: \u201cThe 14-point plan is merely a list of potential ideas.\u201d "
               "Halvorsen gave Kestria until 10 March to respond to the plan. "
               "About 12,000 people have been displaced by the fighting.")},
    "a2": {"published": "2026-03-05", "outlet": "Lissand Ledger", "title": "Mediated talks open",
           "text": (
               "On 3 March Mira Halvorsen, Dmitri Solvak and the mediator Teodor Brannick held talks in Vell. "
               "The foreign minister said the talks were useful. "
               "A summit of the two presidents is planned for 10 April in Vell. "
               "Some 15,000 people have been displaced by the fighting.")},
    "a3": {"published": "2026-03-20", "outlet": "Vell Courier", "title": "Second round",
           "text": (
               "Halvorsen met Dmitry Solvak again in Vell on 17 March, after their first meeting earlier this month. "
               "The 14-point plan was cut to 9 points in a revised framework. "
               "The deadline of 10 March passed without an answer from Kestria.")},
    "a4": {"published": "2026-04-02", "outlet": "Kestria Today", "title": "Summit off",
           "text": (
               "The summit planned for 10 April has been called off. "
               "Solvak said: \u201cKestria supports the 14-point plan, which we helped to write.\u201d "
               "Reports that the ministers first met on 2 March in Vell were repeated by state media.")},
}


def ev(doc: str, quote: str) -> dict[str, Any]:
    text = ARTICLES[doc]["text"]
    start = text.index(quote)
    return {"doc": doc, "start": start, "end": start + len(quote), "quote": quote}


def day(iso: str, text: str = "") -> dict[str, Any]:
    return {"start": iso, "end": iso, "precision": "day", "text": text}


def month(iso_month: str, end_day: str, text: str = "") -> dict[str, Any]:
    return {"start": f"{iso_month}-01", "end": f"{iso_month}-{end_day}", "precision": "month", "text": text}


def actor(doc: str, name: str, type_: str = "person", roles: list | None = None) -> dict[str, Any]:
    return {"id": stable_id("m_actor", doc, name), "name": name, "type": type_, "aliases": [name],
            "roles": roles or [], "evidence": [ev(doc, name)]}


def aid(doc: str, name: str) -> str:
    return stable_id("m_actor", doc, name)


def event(doc: str, n: int, type_: str, status: str, date: Any, place: str | None, names: list[str],
          quote: str) -> dict[str, Any]:
    return {"id": stable_id("m_event", doc, n), "type": type_, "status": status, "date": date, "place": place,
            "participants": [aid(doc, x) for x in names], "summary": quote, "evidence": [ev(doc, quote)]}


def mentions() -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per document: kind -> records."""
    fm = [{"title": "Foreign Minister", "affiliation": "Orlan"}]
    return {
        "a1": {
            "actors": [actor("a1", "Mira Halvorsen", roles=fm), actor("a1", "Dmitri Solvak", roles=[{"title": "envoy"}]),
                       actor("a1", "Orlan", "state"), actor("a1", "Kestria", "state"), actor("a1", "Halvorsen"),
                       actor("a1", "Solvak")],
            "events": [
                event("a1", 1, "meeting", "occurred", day("2026-03-03", "on Tuesday"), "Vell",
                      ["Mira Halvorsen", "Dmitri Solvak"],
                      "Foreign Minister Mira Halvorsen of Orlan met Kestrian envoy Dmitri Solvak in Vell on Tuesday."),
                event("a1", 2, "call", "occurred", day("2026-03-03", "on Tuesday evening"), None,
                      ["Halvorsen", "Solvak"], "Halvorsen and Solvak also spoke by phone on Tuesday evening."),
            ],
            "proposals": [{"id": stable_id("m_prop", "a1", 1), "name": "14-point plan", "points": 14,
                           "authors": [aid("a1", "Orlan")], "date": None, "status": "tabled", "revises": None,
                           "provisions": [], "evidence": [ev("a1", "Orlan tabled a 14-point plan.")]}],
            "statements": [{"id": stable_id("m_st", "a1", 1), "speaker": aid("a1", "Solvak"),
                            "quote": "The 14-point plan is merely a list of potential ideas.", "kind": "direct",
                            "date": None,
                            "evidence": [ev("a1", "Solvak said: \u201cThe 14-point plan is merely a list of potential ideas.\u201d")]}],
            "deadlines": [{"id": stable_id("m_dl", "a1", 1), "set_by": aid("a1", "Halvorsen"),
                           "addressee": aid("a1", "Kestria"), "what": "respond to the plan",
                           "due": day("2026-03-10", "until 10 March"), "status": "pending",
                           "evidence": [ev("a1", "Halvorsen gave Kestria until 10 March to respond to the plan.")]}],
            "claims": [{"id": stable_id("m_cl", "a1", 1), "text": "people displaced by the fighting", "value": 12000,
                        "unit": "people displaced", "source": None,
                        "evidence": [ev("a1", "About 12,000 people have been displaced by the fighting.")]}],
        },
        "a2": {
            "actors": [actor("a2", "Mira Halvorsen"), actor("a2", "Dmitri Solvak"),
                       actor("a2", "Teodor Brannick", roles=[{"title": "mediator"}]),
                       actor("a2", "The foreign minister")],
            "events": [
                event("a2", 1, "talks", "occurred", day("2026-03-03", "On 3 March"), "Vell",
                      ["Mira Halvorsen", "Dmitri Solvak", "Teodor Brannick"],
                      "On 3 March Mira Halvorsen, Dmitri Solvak and the mediator Teodor Brannick held talks in Vell."),
                event("a2", 2, "summit", "planned", day("2026-04-10", "10 April"), "Vell", [],
                      "A summit of the two presidents is planned for 10 April in Vell."),
            ],
            "statements": [{"id": stable_id("m_st", "a2", 1), "speaker": aid("a2", "The foreign minister"),
                            "quote": "the talks were useful", "kind": "indirect", "date": None,
                            "evidence": [ev("a2", "The foreign minister said the talks were useful.")]}],
            "claims": [{"id": stable_id("m_cl", "a2", 1), "text": "people displaced by the fighting", "value": 15000,
                        "unit": "people displaced", "source": None,
                        "evidence": [ev("a2", "Some 15,000 people have been displaced by the fighting.")]}],
        },
        "a3": {
            "actors": [actor("a3", "Halvorsen"), actor("a3", "Dmitry Solvak"), actor("a3", "Kestria", "state")],
            "events": [
                event("a3", 1, "meeting", "occurred", day("2026-03-17", "on 17 March"), "Vell",
                      ["Halvorsen", "Dmitry Solvak"],
                      "Halvorsen met Dmitry Solvak again in Vell on 17 March"),
                event("a3", 2, "meeting", "occurred", month("2026-03", "31", "earlier this month"), "Vell",
                      ["Halvorsen", "Dmitry Solvak"], "their first meeting earlier this month"),
            ],
            "proposals": [
                {"id": stable_id("m_prop", "a3", 1), "name": "14-point plan", "points": 14, "authors": [], "date": None,
                 "status": "revised", "revises": None, "provisions": [],
                 "evidence": [ev("a3", "The 14-point plan was cut to 9 points in a revised framework.")]},
                {"id": stable_id("m_prop", "a3", 2), "name": "9-point framework", "points": 9, "authors": [],
                 "date": None, "status": "tabled", "revises": None, "provisions": [],
                 "evidence": [ev("a3", "The 14-point plan was cut to 9 points in a revised framework.")]},
            ],
            "deadlines": [{"id": stable_id("m_dl", "a3", 1), "set_by": aid("a3", "Halvorsen"),
                           "addressee": aid("a3", "Kestria"), "what": "answer",
                           "due": day("2026-03-10", "10 March"), "status": "missed",
                           "evidence": [ev("a3", "The deadline of 10 March passed without an answer from Kestria.")]}],
        },
        "a4": {
            "actors": [actor("a4", "Solvak"), actor("a4", "Kestria", "state")],
            "events": [
                event("a4", 1, "summit", "cancelled", day("2026-04-10", "10 April"), None, [],
                      "The summit planned for 10 April has been called off."),
                event("a4", 2, "meeting", "occurred", day("2026-03-02", "on 2 March"), "Vell", [],
                      "Reports that the ministers first met on 2 March in Vell were repeated by state media."),
            ],
            "statements": [{"id": stable_id("m_st", "a4", 1), "speaker": aid("a4", "Solvak"),
                            "quote": "Kestria supports the 14-point plan, which we helped to write.", "kind": "direct",
                            "date": None,
                            "evidence": [ev("a4", "Solvak said: \u201cKestria supports the 14-point plan, which we helped to write.\u201d")]}],
        },
    }


def document(doc_id: str) -> Document:
    a = ARTICLES[doc_id]
    return Document(id=doc_id, source=f"{doc_id}.txt", text=a["text"], title=a["title"], outlet=a["outlet"],
                    published=a["published"], kind="report", hash=content_hash(a["text"]))


def add(store: Any, doc_id: str, records: dict[str, list[dict[str, Any]]] | None = None) -> None:
    """Write one article and its per-document records into a store (no resolution)."""
    recs = records if records is not None else mentions()[doc_id]
    store.add_document(document(doc_id), [record_from_dict(k, r) for k, rs in recs.items() for r in rs])
