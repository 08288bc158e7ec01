"""Reversals (one speaker, opposite stances on one object over time) and contradictions (sources
disagreeing on one fact), exposed as two extra record lists: ``reversals``, ``contradictions``.

A stance's object is the issue of a position (``territory``, ``nato``...) or, for a statement,
the proposal version or issue its words name. Its polarity comes from a small lexicon with
negation ("do not accept" is against): ownership and support (+1: "we wrote it", "accept",
"welcome") against distance and refusal (-1: "a list of potential ideas", "reject"). A reversal
needs the same actor, the same object, opposite polarities, and two different dates.

Contradictions: an event's conflicting dates or places across documents, and figures (claims)
about the same thing (same unit, similar wording) whose values differ across documents.
"""

from __future__ import annotations

import re
from typing import Any

from parley.models import stable_id
from parley.resolve import dates as dt
from parley.resolve.names import fold

POSITIVE = re.compile(
    r"\b(accept\w*|agree\w*|welcom\w*|endors\w*|support\w*|back(?:s|ed|ing)?|favou?r\w*|willing|ready to|"
    r"authored|wrote|written by|drafted by|our (?:plan|proposal|idea|framework|document)|ours|proud|"
    r"good deal|great deal|constructive|positive|progress|approv\w*|embrac\w*|commit\w*)\b", re.I)
NEGATIVE = re.compile(
    r"\b(reject\w*|refus\w*|oppos\w*|against|dismiss\w*|unacceptable|non-starter|never|"
    r"(?:just|merely|only) (?:a )?(?:list|wish ?list|ideas?|draft|suggestions?)|wish ?list|"
    r"(?:list|menu) of (?:potential |possible )?(?:ideas|options|suggestions)|potential ideas|"
    r"not (?:ours|our (?:plan|proposal))|did ?n[o']t (?:write|author|draft)|red line|absurd|nonsense|"
    r"capitulation|surrender|walk(?:s|ed)? away)\b", re.I)
NEGATION = re.compile(r"\b(not|never|no|n't|cannot|won't|refuse to)\s+(\w+\s+){0,2}$", re.I)
ISSUE_WORDS = {
    "territory": r"territor\w*|land|border|annex\w*|region|occupied",
    "nato": r"\bnato\b|alliance membership",
    "sanctions": r"sanction\w*",
    "ceasefire": r"cease-?fire|truce",
    "security_guarantees": r"security guarantee\w*|guarantee\w*",
    "armed_forces": r"troops|army|armed forces|military (?:size|cap)",
}


def polarity(text: str) -> int:
    """+1 for support or ownership, -1 for refusal or distance, 0 when neither or both."""
    score = 0
    for m in POSITIVE.finditer(text):
        negated = NEGATION.search(text[max(0, m.start() - 30):m.start()])
        score += -1 if negated else 1
    score -= len(NEGATIVE.findall(text))
    return (score > 0) - (score < 0)


def stance_polarity(rec: dict[str, Any]) -> int:
    """A position's polarity: its label when the extractor gave one ("accepts: ...",
    "rejects: ...", "red line: ..."; a demand is neither), else the lexicon on a short stance."""
    text = rec.get("stance") or ""
    label = re.match(r"\s*([a-z ]{3,20}):", text.lower())
    if label:
        head = label.group(1).strip()
        if head.startswith(("accept", "agree", "support", "endorse", "welcome")):
            return 1
        if head.startswith(("reject", "refus", "oppose", "red line")):
            return -1
        return 0
    # no label: only a short stance is read with the lexicon (a long one is a reported sentence
    # whose refusals may be someone else's)
    return polarity(text) if len(text.split()) <= 12 else 0


def objects_of(rec: dict[str, Any], kind: str, proposals: list[dict[str, Any]]) -> list[str]:
    """What a stance is about: proposal ids its words name, else its issue."""
    text = " ".join([rec.get("quote") or "", rec.get("stance") or ""] + [e.get("quote") or "" for e in rec.get(
        "evidence") or []][:1])
    from parley.resolve.proposals import _names_version  # one definition of "names a version"

    found = [p["id"] for p in proposals if _names_version(p, text)]
    if found:
        return found
    if kind == "positions" and rec.get("issue") and rec["issue"] != "other":
        return [rec["issue"]]
    low = fold(text)
    return [issue for issue, pat in ISSUE_WORDS.items() if re.search(pat, low)][:1]


def _stance_text(rec: dict[str, Any]) -> str:
    return rec.get("stance") or rec.get("quote") or ""


def stance_digests(kind: str, rec: dict[str, Any], proposals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The polar stances of one statement or position, one per object: what reversal finding
    needs, small enough to keep on the actor's record (so an update never scans statements)."""
    actor = rec.get("speaker") if kind == "statements" else rec.get("actor")
    day = dt.start_key(rec.get("date"))
    if not actor or not day:
        return []
    if kind == "statements" and rec.get("kind") != "direct":
        # a paraphrase mixes the speaker's words with the reporter's ("followed the
        # movement's refusal..."): only the speaker's own quoted words count
        return []
    pol = stance_polarity(rec) if kind == "positions" else polarity(_stance_text(rec))
    if not pol:
        return []
    ev = (rec.get("evidence") or [])[:1]
    return [{"record": rec["id"], "actor": actor, "object": obj, "date": day, "polarity": pol,
             "text": _stance_text(rec)[:400], "evidence": ev} for obj in objects_of(rec, kind, proposals)]


def find_reversals(digests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first turn of each actor on each object: a stance, then the opposite one on a later
    day. The id depends on the actor and the object only, so a recomputation replaces it."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for d in digests:
        by_key.setdefault((d["actor"], d["object"]), []).append(d)
    out = []
    for (actor, obj), items in sorted(by_key.items()):
        items = sorted({x["record"]: x for x in items}.values(), key=lambda x: (x["date"], x["record"]))
        for i, before in enumerate(items):
            after = next((x for x in items[i + 1:] if x["polarity"] == -before["polarity"]
                          and x["date"] > before["date"]), None)
            if after is None:
                continue
            out.append({
                "id": stable_id("reversal", actor, obj), "actor": actor, "object": obj,
                "before": _side(before), "after": _side(after),
                "evidence": list(before["evidence"]) + list(after["evidence"]),
            })
            break  # the first turn per actor and object; later swings repeat it
    return out


def _side(d: dict[str, Any]) -> dict[str, Any]:
    return {"record": d["record"], "date": d["date"], "text": d["text"],
            "stance": "for" if d["polarity"] > 0 else "against", "doc": (d["evidence"] or [{}])[0].get("doc")}


def event_contradictions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One contradiction per conflicting field of a merged event."""
    out = []
    for e in events:
        for c in e.get("conflicts") or []:
            docs = {d for v in c["values"] for d in v["docs"]}
            ev = []
            for d in sorted(docs):
                ev.extend([x for x in e.get("evidence") or [] if x["doc"] == d][:1])
            out.append({"id": stable_id("contradiction", e["id"], c["field"]), "about": "event", "record": e["id"],
                        "field": c["field"], "values": c["values"], "summary": e.get("summary") or "",
                        "evidence": ev})
    return out


def claim_key(c: dict[str, Any]) -> str:
    return fold(c.get("unit") or "")


_SCALE_WORDS = {"thousand", "thousands", "hundred", "hundreds", "million", "millions", "billion", "billions",
                "trillion", "usd", "dollar", "dollars", "euro", "euros", "pound", "pounds", "percent", "per", "cent",
                "about", "some", "more", "than", "over", "nearly", "almost", "around", "least"}


def _claim_words(c: dict[str, Any]) -> set[str]:
    """What a figure is about: its words without numbers and scale words ("$3.8 billion" says
    nothing about what the money is for)."""
    return {w for w in re.findall(r"[a-z]{3,}", fold(c.get("text") or "")) if w not in _SCALE_WORDS}


CLAIM_WINDOW_DAYS = 3


def _near(a: dict[str, Any], b: dict[str, Any]) -> bool:
    gap = dt.days_between(a.get("date"), b.get("date"))
    return gap is None or gap <= CLAIM_WINDOW_DAYS


def claim_contradictions(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures about the same thing that differ across documents (more than 1% apart): the same
    unit, similar words, reported within a few days of each other (a death toll that grows over
    a month is news, not a dispute)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        if c.get("value") is None or not claim_key(c):
            continue
        groups.setdefault(claim_key(c), []).append(c)
    out = []
    for key, cs in sorted(groups.items()):
        # by date, so each claim is compared only with those reported within the window
        cs.sort(key=lambda c: (dt.start_key(c.get("date")) or "", c["id"]))
        days = [dt.interval(c.get("date")) for c in cs]
        used: set[str] = set()
        for i, c in enumerate(cs):
            if c["id"] in used:
                continue
            w = _claim_words(c)
            window = cs[i:]
            if days[i] is not None:  # stop scanning once past the window (the list is sorted)
                window = []
                for j in range(i, len(cs)):
                    if days[j] is not None and (days[j][0] - days[i][1]).days > CLAIM_WINDOW_DAYS:
                        break
                    window.append(cs[j])
            if not w:  # nothing says what the figure counts: nothing to dispute
                continue
            same = [o for o in window if o["id"] not in used and _near(c, o) and _claim_words(o)
                    and len(w & _claim_words(o)) / len(w | _claim_words(o)) >= 0.5]
            # a document giving two values of one unit is counting two things ("130 launched, 112
            # shot down"), not disputing itself: its claims are left out
            per_doc: dict[str, set[float]] = {}
            for o in same:
                per_doc.setdefault((o.get("evidence") or [{}])[0].get("doc") or "", set()).add(float(o["value"]))
            same = [o for o in same if len(per_doc[(o.get("evidence") or [{}])[0].get("doc") or ""]) == 1]
            docs = {(o.get("evidence") or [{}])[0].get("doc") for o in same}
            vals = {float(o["value"]) for o in same}
            if len(docs) < 2 or len(vals) < 2 or max(vals) <= min(vals) * 1.01:
                continue
            used.update(o["id"] for o in same)
            values: dict[float, list[str]] = {}
            for o in same:
                values.setdefault(float(o["value"]), [])
                d = (o.get("evidence") or [{}])[0].get("doc")
                if d and d not in values[float(o["value"])]:
                    values[float(o["value"])].append(d)
            out.append({"id": figure_id(key, same[0]["id"]),
                        "about": "figure", "record": None, "field": key,
                        "values": [{"value": _num(v), "docs": d, "unit": c.get("unit")} for v, d in sorted(values.items())],
                        "summary": same[0].get("text") or key, "claims": [o["id"] for o in same],
                        "evidence": [(o.get("evidence") or [])[0] for o in same if o.get("evidence")]})
    return out


def figure_id(key: str, first_claim: str) -> str:
    """A figure dispute is named by its unit and its first claim (by date), so adding a claim
    to it replaces it."""
    return stable_id("contradiction", "claim", key, first_claim)


def event_contradiction_ids(event_id: str) -> list[str]:
    return [stable_id("contradiction", event_id, f) for f in ("date", "place")]


def _num(v: float) -> float | int:
    return int(v) if v == int(v) else v
