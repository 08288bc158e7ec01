"""Benchmark: the time to add one article to stores of 0, 1,000 and 10,000 documents.

    python bench/incremental.py [--sizes 0,1000,10000] [--repeat 5]

Each store is filled with synthetic fictional articles and their per-document records (the
shape the extractors write: actors, one meeting, statements, a figure, sometimes a deadline or
a plan; about a third of the articles re-report a meeting another article reported), resolved
once with ``rebuild``; then ``--repeat`` new articles are added one at a time with
``resolve.update``. Prints the median time of ``update`` (and of writing the document plus
``update``) per store size, and the ratio to the empty store.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from parley.models import Document, content_hash, record_from_dict, stable_id
from parley.resolve import rebuild, update
from parley.store import Store

SYL = ["ka", "lo", "ver", "mi", "tan", "sor", "el", "dru", "bas", "nor", "quil", "ra", "vin", "tes", "ol", "mar"]
STATES = ["Calvaria", "Veridia", "Norland", "Astoria", "Pellan", "Quarro", "Sudmark", "Orlan", "Kestria", "Lissand"]
PLACES = ["Brisa", "Lake Onda", "Port Anselm", "Carrow", "Vell", "Tolle", "Meridan", "Sund"]
DAY0 = date(2026, 1, 1)


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


class World:
    """A fictional cast and a pool of meetings that several articles may report."""

    def __init__(self, seed: int = 7, people: int = 300):
        self.rng = random.Random(seed)
        self.people = list(dict.fromkeys(_name(self.rng) for _ in range(people)))
        self.meetings: list[tuple[list[str], date, str]] = []

    def article(self, i: int) -> tuple[Document, list[Any]]:
        rng = self.rng
        if self.meetings and rng.random() < 0.35:
            parts, day, place = rng.choice(self.meetings)
        else:
            parts, day, place = rng.sample(self.people, 2), DAY0 + timedelta(days=rng.randint(0, 700)), rng.choice(PLACES)
            self.meetings.append((parts, day, place))
        s1, s2 = rng.sample(STATES, 2)
        pub = day + timedelta(days=rng.randint(0, 3))
        n = rng.randint(5, 30)
        big = rng.randint(10, 900) * 1000
        sentences = [
            f"{parts[0]} met {parts[1]} in {place} on {day.isoformat()}.",
            f"{s1} presented a {n}-point plan to {s2}.",
            f"“The door is open,” {parts[0]} said after the session.",
            f"{parts[1]} said that {s2} would answer within ten days.",
            f"More than {big:,} people have been displaced.",
        ]
        text = " ".join(sentences)
        doc_id = f"doc_{i:06d}"

        def ev(quote: str) -> dict[str, Any]:
            s = text.index(quote)
            return {"doc": doc_id, "start": s, "end": s + len(quote), "quote": quote}

        def aid(name: str) -> str:
            return stable_id("m_actor", doc_id, name)

        recs: list[tuple[str, dict[str, Any]]] = []
        for nm, typ in ((parts[0], "person"), (parts[1], "person"), (s1, "state"), (s2, "state")):
            recs.append(("actors", {"id": aid(nm), "name": nm, "type": typ, "aliases": [nm], "roles": [],
                                    "evidence": [ev(nm)]}))
        d = {"start": day.isoformat(), "end": day.isoformat(), "precision": "day", "text": day.isoformat()}
        recs.append(("events", {"id": stable_id("m_event", doc_id), "type": "meeting", "status": "occurred", "date": d,
                                "place": place, "participants": [aid(parts[0]), aid(parts[1])],
                                "summary": sentences[0], "evidence": [ev(sentences[0])]}))
        recs.append(("proposals", {"id": stable_id("m_prop", doc_id), "name": f"{n}-point plan", "points": n,
                                   "authors": [aid(s1)], "date": None, "status": "tabled", "revises": None,
                                   "provisions": [], "evidence": [ev(sentences[1])]}))
        recs.append(("statements", {"id": stable_id("m_st", doc_id), "speaker": aid(parts[0]),
                                    "quote": "The door is open", "kind": "direct", "date": None,
                                    "evidence": [ev(sentences[2])]}))
        recs.append(("claims", {"id": stable_id("m_cl", doc_id), "text": "people displaced", "value": big,
                                "unit": "people displaced", "source": None, "evidence": [ev(sentences[4])]}))
        if rng.random() < 0.2:
            due = pub + timedelta(days=10)
            recs.append(("deadlines", {"id": stable_id("m_dl", doc_id), "set_by": aid(parts[1]), "addressee": aid(s2),
                                       "what": "answer the plan", "status": "pending",
                                       "due": {"start": due.isoformat(), "end": due.isoformat(), "precision": "day",
                                               "text": "within ten days"},
                                       "evidence": [ev(sentences[3])]}))
        doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, title=f"Talks {i}", outlet="Tidewater Wire",
                       published=pub.isoformat(), kind="report", hash=content_hash(text + doc_id))
        return doc, [record_from_dict(k, r) for k, r in recs]


def measure(size: int, repeat: int, tmp: Path) -> dict[str, float]:
    world = World()
    store = Store.open(str(tmp / f"inc_{size}.db"))
    t0 = time.perf_counter()
    for i in range(size):
        doc, recs = world.article(i)
        store.add_document(doc, recs)
    fill = time.perf_counter() - t0
    t0 = time.perf_counter()
    rebuild(store)
    full = time.perf_counter() - t0
    upd, total = [], []
    for j in range(repeat):
        doc, recs = world.article(size + j)
        t0 = time.perf_counter()
        store.add_document(doc, recs)
        t1 = time.perf_counter()
        update(store, [doc.id])
        t2 = time.perf_counter()
        upd.append(t2 - t1)
        total.append(t2 - t0)
    store.close()
    return {"size": size, "fill_s": fill, "rebuild_s": full, "update_ms": statistics.median(upd) * 1000,
            "add_ms": statistics.median(total) * 1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0,1000,10000")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            rows.append(measure(n, a.repeat, Path(tmp)))
            r = rows[-1]
            print(f"store of {n:>6} docs: update {r['update_ms']:8.1f} ms  (document + update {r['add_ms']:8.1f} ms; "
                  f"fill {r['fill_s']:.1f} s, full rebuild {r['rebuild_s']:.1f} s)", file=sys.stderr, flush=True)
    base = rows[0]["update_ms"] or 1e-9
    print("size,update_ms,add_ms,ratio_to_first,rebuild_s")
    for r in rows:
        print(f"{r['size']},{r['update_ms']:.1f},{r['add_ms']:.1f},{r['update_ms'] / base:.2f},{r['rebuild_s']:.2f}")


if __name__ == "__main__":
    main()
