"""Web benchmark: p50/p95 latency of the main API endpoints and pages over a synthetic store.

Builds a store of N synthetic fictional articles (default 10,000) with records of every kind,
serves it with uvicorn in a subprocess on a free loopback port, sends a bounded number of
requests to each endpoint from this process (httpx, loopback only) and prints the latency
percentiles. Target: p95 <= 100 ms for API lists and pages.

    .venv/bin/python bench/web.py                       # 10,000 documents, 200 requests each
    .venv/bin/python bench/web.py --docs 2000 --requests 50 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from parley.models import PLOVER, Document, Evidence, Noise, content_hash
from parley.store import Store

STATES = ["Calvaro", "Estrenne", "Hollmark", "Ivessia", "Korrin", "Lusavia", "Mornay", "Pellgrave"]
PEOPLE = ["Aurel Vesk", "Brina Holloway", "Cassius Tarn", "Delia Orsk", "Emrys Kald", "Fenna Rook",
          "Gideon Sarr", "Hedda Lune", "Ilian Brask", "Jora Kettle", "Kasimir Dunne", "Liesel Marr",
          "Mattis Orlo", "Nerys Quell", "Osric Fane", "Perrin Albe", "Quilla Stroud", "Rurik Vance"]
TITLES = ["Foreign Minister", "President", "special envoy", "Prime Minister", "chief negotiator"]
PLACES = ["Sorrel Bay", "Kestrel Hall", "Ambervale", "Port Linnet", "Greywater", "Hollin Ridge"]
OUTLETS = ["Harbour Gazette", "Meridian Wire", "Eastgate Post", "Valley Courier"]
ISSUES = ["territory", "nato", "armed_forces", "sanctions", "security_guarantees", "ceasefire",
          "negotiation_format"]
STANCES = ["demands full withdrawal", "open to a phased approach", "rejects any concession",
           "accepts international monitors", "insists on guarantees first", "wants talks at a neutral venue"]
EVENT_TYPES = ["meeting", "summit", "call", "talks", "agreement", "sanction", "ceasefire"]
STATUSES = ["occurred", "occurred", "occurred", "planned", "postponed", "cancelled"]
FILLER = [
    "Diplomats described the atmosphere as cautious but workable.",
    "Neither side released a written statement after the session.",
    "Observers noted that the agenda had been agreed only the night before.",
    "The delegations are expected to reconvene after consulting their capitals.",
    "Local officials reported that shelling along the border had eased this week.",
    "Aid groups asked both sides to open a corridor for medical convoys.",
    "Markets in the region reacted calmly to the news of the talks.",
    "Several lawmakers criticised the government for keeping the terms secret.",
]


def _day(rng: random.Random) -> str:
    return f"20{rng.randint(30, 32)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _date(iso: str) -> dict[str, Any]:
    return {"start": iso, "end": iso, "precision": "day", "text": iso}


def _actor_id(name: str) -> str:
    return "act_" + name.lower().replace(" ", "_")


def synth_document(i: int, rng: random.Random) -> tuple[Document, dict[str, list[dict[str, Any]]]]:
    """One fictional article (about 400 words) and the records drawn from it, with exact evidence."""
    p1, p2 = rng.sample(PEOPLE, 2)
    s1, s2 = rng.sample(STATES, 2)
    place, published = rng.choice(PLACES), _day(rng)
    doc_id = f"doc_{i:06d}"
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}

    def add(key: str | None, sentence: str) -> None:
        start = sum(len(p) for p in parts)
        parts.append(sentence + " ")
        if key:
            spans[key] = (start, start + len(sentence))

    byline = f"By {rng.choice(PEOPLE)}\n"
    parts.append(byline)
    add("meet", f"{rng.choice(TITLES).capitalize()} {p1} of {s1} met {p2} of {s2} in {place} on {published}.")
    add("quote", f"\u201cWe will not sign anything that leaves our people exposed,\u201d {p1} said.")
    n_points = rng.choice([10, 12, 15, 20, 28])
    add("plan", f"{s2} presented a {n_points}-point plan that would freeze the current line.")
    add("position", f"{s1} {rng.choice(STANCES)} on the question of {rng.choice(ISSUES).replace('_', ' ')}.")
    add("deadline", f"{p2} gave {s1} until {_day(rng)} to respond to the plan.")
    add("claim", f"Officials said {rng.randint(2, 90) * 1000:,} people had been displaced since the spring.")
    while sum(len(p.split()) for p in parts) < 400:
        add(None, rng.choice(FILLER))
    parts.append("\nSubscribe to our evening briefing.\n")
    text = "".join(parts)
    noise = [Noise(0, len(byline) - 1, "byline"),
             Noise(len(text) - len("Subscribe to our evening briefing.\n"), len(text) - 1, "subscribe")]
    doc = Document(id=doc_id, source=f"synthetic/{doc_id}.txt", text=text, title=f"{s1} and {s2} talks in {place}",
                   outlet=rng.choice(OUTLETS), published=published, kind="report", noise=noise, language="en",
                   hash=content_hash(text))

    def ev(key: str) -> list[dict[str, Any]]:
        s, e = spans[key]
        return [Evidence.of(doc_id, text, s, e).to_dict()]

    a1, a2, st1, st2 = _actor_id(p1), _actor_id(p2), _actor_id(s1), _actor_id(s2)
    etype = rng.choice(EVENT_TYPES)
    recs = {
        "events": [{"id": f"evt_{i:06d}", "type": etype, "status": rng.choice(STATUSES), "date": _date(published),
                    "place": place, "participants": [a1, a2], "summary": f"{p1} and {p2} met in {place}",
                    "plover": PLOVER[etype], "evidence": ev("meet")}],
        "statements": [{"id": f"st_{i:06d}", "speaker": a1, "kind": "direct", "date": _date(published),
                        "quote": "We will not sign anything that leaves our people exposed", "evidence": ev("quote")}],
        "positions": [{"id": f"pos_{i:06d}", "actor": st1, "issue": rng.choice(ISSUES), "stance": rng.choice(STANCES),
                       "date": _date(published), "evidence": ev("position")}],
        "claims": [{"id": f"cl_{i:06d}", "text": "people displaced", "value": 1000.0, "unit": "people",
                    "source": None, "evidence": ev("claim")}],
    }
    if i % 20 == 0:
        recs["proposals"] = [{"id": f"prop_{i:06d}", "name": f"{n_points}-point plan", "points": n_points,
                              "authors": [st2], "date": _date(published), "status": "tabled", "revises": None,
                              "provisions": rng.sample(["freeze the line", "prisoner exchange", "sanctions relief",
                                                        "monitoring mission", "elections", "reconstruction fund"], 3),
                              "evidence": ev("plan")}]
    if i % 5 == 0:
        recs["deadlines"] = [{"id": f"dl_{i:06d}", "set_by": a2, "addressee": st1, "what": "respond to the plan",
                              "due": _date(published), "status": rng.choice(["pending", "met", "missed"]),
                              "evidence": ev("deadline")}]
    return doc, recs


def build_store(path: str, n_docs: int, seed: int = 7) -> dict[str, int]:
    """Write ``n_docs`` synthetic documents and their resolved records into a new store."""
    rng = random.Random(seed)
    resolved: dict[str, list[dict[str, Any]]] = {"actors": []}
    with Store.open(path) as store:
        for i in range(n_docs):
            doc, recs = synth_document(i, rng)
            store.add_document(doc)
            for kind, rs in recs.items():
                resolved.setdefault(kind, []).extend(rs)
        first_ev = resolved["events"][0]["evidence"]
        for name in PEOPLE:
            resolved["actors"].append({"id": _actor_id(name), "name": name, "type": "person",
                                       "aliases": [name, name.split()[-1]],
                                       "roles": [{"title": TITLES[len(name) % len(TITLES)], "affiliation": None,
                                                  "date": None}], "evidence": first_ev})
        for name in STATES:
            resolved["actors"].append({"id": _actor_id(name), "name": name, "type": "state", "aliases": [name],
                                       "roles": [], "evidence": first_ev})
        store.replace_records(resolved)
    return {k: len(v) for k, v in resolved.items()}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from parley.serve import create_app; "
            f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='warning', access_log=False)")
    return subprocess.Popen([sys.executable, "-c", code])


def endpoints(n_docs: int) -> list[tuple[str, str]]:
    mid = f"doc_{n_docs // 2:06d}"
    actor = _actor_id(PEOPLE[3])
    return [
        ("api", "/api/documents"),
        ("api", f"/api/documents?offset={max(0, n_docs - 60)}"),
        ("api", f"/api/documents/{mid}"),
        ("api", "/api/events"),
        ("api", "/api/events?type=meeting&status=occurred&since=2031-01-01&until=2031-12-31"),
        ("api", "/api/events?actor=Orsk"),
        ("api", f"/api/timeline?actor={actor}"),
        ("api", "/api/timeline?offset=5000"),
        ("api", "/api/statements"),
        ("api", "/api/positions?type=sanctions"),
        ("api", "/api/proposals"),
        ("api", "/api/deadlines?status=missed"),
        ("api", "/api/claims"),
        ("api", "/api/actors"),
        ("api", "/api/search?q=corridor+medical"),
        ("page", "/"),
        ("page", "/timeline"),
        ("page", f"/timeline?actor={actor}&zoom=day"),
        ("page", "/actors"),
        ("page", f"/actors/{actor}"),
        ("page", "/proposals"),
        ("page", "/positions"),
        ("page", "/statements"),
        ("page", "/documents"),
        ("page", f"/documents/{mid}?hl=20-60"),
        ("page", "/search?q=corridor+medical"),
    ]


def _timed_gets(base: str, path: str, n: int) -> tuple[list[float], int]:
    times, size = [], 0
    with httpx.Client(base_url=base, timeout=30) as client:
        for _ in range(n):
            t0 = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
            size = len(r.content)
    return times, size


def measure(base: str, paths: list[tuple[str, str]], requests: int, clients: int = 1) -> list[dict[str, Any]]:
    """Per endpoint: a warm-up, then ``requests`` timed GETs spread over ``clients`` concurrent clients."""
    from concurrent.futures import ThreadPoolExecutor

    rows = []
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for kind, path in paths:
            _timed_gets(base, path, 3)  # warm-up: first-use caches (actor index, brief), SQLite pages
            share = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
            results = list(pool.map(lambda n, p=path: _timed_gets(base, p, n), share))
            times = sorted(t for ts, _ in results for t in ts)
            rows.append({"kind": kind, "path": path, "p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                         "max_ms": round(times[-1], 1), "bytes": results[0][1]})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint")
    ap.add_argument("--db", help="store to build (or reuse with --reuse); default: a temporary file")
    ap.add_argument("--reuse", action="store_true", help="use --db as it is, without building it")
    ap.add_argument("--clients", type=int, default=1, help="concurrent clients (default 1: latency alone)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="parley-web-bench-")
    db = args.db or str(Path(tmp.name) / "bench.db")
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        t0 = time.perf_counter()
        counts = build_store(db, args.docs)
        print(f"built {db}: {args.docs} documents, records {counts} in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
    port = _free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/stats", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        rows = measure(base, endpoints(args.docs), args.requests, max(1, args.clients))
    finally:
        server.terminate()
        server.wait(timeout=10)
    width = max(len(r["path"]) for r in rows)
    print(f"{'':5} {'endpoint':{width}}  {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'bytes':>8}")
    for r in rows:
        flag = "" if r["p95_ms"] <= 100 else "  > 100 ms"
        print(f"{r['kind']:5} {r['path']:{width}}  {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {r['max_ms']:7.1f} "
              f"{r['bytes']:8d}{flag}")
    worst = max(rows, key=lambda r: r["p95_ms"])
    print(f"documents: {args.docs}; requests per endpoint: {args.requests} over {args.clients} client(s); "
          f"worst p95: {worst['p95_ms']} ms ({worst['path']})")
    if args.json:
        Path(args.json).write_text(json.dumps({"documents": args.docs, "requests": args.requests,
                                               "clients": args.clients, "rows": rows},
                                              indent=1) + "\n")
    return 0 if worst["p95_ms"] <= 100 else 1


if __name__ == "__main__":
    sys.exit(main())
