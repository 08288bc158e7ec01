"""Events across documents: one record per real-world meeting, call or summit, every report kept.

A per-document event joins an existing record when all of these hold:

- the same family of type (meeting, summit and talks are one family; a call is another);
- overlapping participants (after actor resolution): at least ``min(2, |A|, |B|)`` in common;
  an event without participants needs the same place instead;
- compatible dates: the intervals overlap (a "March" report fits "3 March"; two single days
  may differ by one, for datelines), so the same parties meeting on other dates stay apart.
  An undated report joins only an event dated within a month of its publication;
- compatible places (the same or one containing the other), unless the days agree exactly and
  two participants are shared (or the dates fit and three are), in which case the places are
  kept as a conflict.

Each record keeps ``reports`` (one entry per document: its date, status, place, participants)
from which the merged fields are derived: the most precise and most reported date, the most
reported place, the status of the latest report (a later "cancelled" beats an earlier
"planned"), and ``conflicts`` listing every disagreement with the documents behind each value.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from parley.models import PLOVER, stable_id
from parley.resolve import dates as dt
from parley.resolve.names import fold

FAMILY = {"meeting": "meet", "summit": "meet", "talks": "meet", "call": "call"}
# Which wording wins when reports disagree on the type within a family.
TYPE_ORDER = ("summit", "talks", "meeting", "call")
# Equal publication dates: the status that ends the story wins.
STATUS_ORDER = ("cancelled", "postponed", "occurred", "rejected", "planned", "proposed", "unknown")
UNDATED_WINDOW_DAYS = 31


def family(type_: str | None) -> str:
    return FAMILY.get(type_ or "other", type_ or "other")


def place_key(place: Any) -> str:
    if isinstance(place, dict):
        place = place.get("name")
    return fold(place or "")


def places_compatible(a: Any, b: Any) -> bool:
    ka, kb = place_key(a), place_key(b)
    return not ka or not kb or ka == kb or ka in kb or kb in ka


def report_of(mention: dict[str, Any], doc_id: str, published: str | None) -> dict[str, Any]:
    """The per-document facts of one event mention, as kept in the merged record."""
    return {
        "doc": doc_id, "published": published, "mention": mention.get("id"),
        "type": mention.get("type") or "other", "status": mention.get("status") or "unknown",
        "date": mention.get("date"), "place": mention.get("place"),
        "participants": [p for p in mention.get("participants") or [] if p],
        "summary": mention.get("summary") or "",
    }


def matches(record: dict[str, Any], rep: dict[str, Any]) -> int:
    """How well a report fits a merged event: 0 for not at all, else a score (higher is better)."""
    if family(record.get("type")) != family(rep["type"]):
        return 0
    # two events of one document are two events: the extractor already merged within it
    if any(r["doc"] == rep["doc"] and r.get("mention") != rep["mention"] for r in record.get("reports") or []):
        return 0
    a, b = set(record.get("participants") or []), set(rep["participants"])
    shared = len(a & b)
    if a and b:
        if shared < min(2, len(a), len(b)) and not _blocs_agree(record, rep):
            return 0
        shared = max(shared, 1)
    else:
        # without participants on one side: the same place, or the very same day
        same_place = place_key(record.get("place")) and place_key(record.get("place")) == place_key(rep["place"])
        same_day = dt.precision(rep["date"]) == 0 and any(
            dt.same_value(r["date"], rep["date"]) for r in record.get("reports") or [] if r.get("date"))
        if not (same_place or same_day):
            return 0
    if rep["date"] and record.get("date"):
        if not any(dt.compatible(r["date"], rep["date"]) for r in record.get("reports") or [] if r.get("date")):
            return 0
        exact_day = dt.precision(rep["date"]) == 0 and any(
            dt.same_value(r["date"], rep["date"]) for r in record.get("reports") or [] if r.get("date"))
    else:
        exact_day = False
        anchor = rep["published"] if not rep["date"] else record.get("reports", [{}])[0].get("published")
        when = record.get("date") or rep["date"]
        gap = dt.days_between(when, anchor) if anchor else None
        if when and gap is None:  # an undated report of an undated article could be any of them
            return 0
        if gap is not None and gap > UNDATED_WINDOW_DAYS:
            return 0
    # places written differently ("Geneva"/"Switzerland", "Anchorage"/"Alaska") are one event
    # when the day agrees and two participants are shared, or the dates fit and three are
    # shared; the places are then kept as a conflict
    dated = bool(rep["date"] and record.get("date"))
    if not places_compatible(record.get("place"), rep["place"]) and not (
            (exact_day and shared >= 2) or (dated and shared >= 3)):
        return 0
    return 1 + shared + (2 if exact_day else 0) + (1 if place_key(record.get("place")) == place_key(rep["place"]) else 0)


def _blocs_agree(record: dict[str, Any], rep: dict[str, Any]) -> bool:
    """"Varenian and Talvessan officials met" and "Voss met Sarkova": when one side names only states
    or bodies, people count for the bodies their roles tie them to (``blocs``), and two in
    common make the same event."""
    a, b = set(record.get("participants") or []), set(rep["participants"])
    bodies_only = not (a & set(record.get("persons") or [])) or not (b & set(rep.get("persons") or []))
    if not bodies_only:
        return False
    return len((a | set(record.get("blocs") or [])) & (b | set(rep.get("blocs") or []))) >= 2


def new_record(rep: dict[str, Any]) -> dict[str, Any]:
    rec = {"id": stable_id("event", rep["doc"], rep["mention"] or rep["summary"]), "reports": [], "evidence": []}
    return rec


def absorb(record: dict[str, Any], rep: dict[str, Any], evidence: list[dict[str, Any]]) -> None:
    """Add one document's report to a merged event and re-derive its fields."""
    reps = [r for r in record.get("reports") or [] if r.get("mention") != rep["mention"] or r["doc"] != rep["doc"]]
    reps.append(rep)
    record["reports"] = sorted(reps, key=lambda r: (r.get("published") or "9999", r["doc"], r.get("mention") or ""))
    seen = {(e["doc"], e["start"], e["end"]) for e in record["evidence"]}
    for e in evidence:
        if (e["doc"], e["start"], e["end"]) not in seen:
            record["evidence"].append(e)
            seen.add((e["doc"], e["start"], e["end"]))
    derive(record)


def derive(record: dict[str, Any]) -> None:
    """Recompute type, date, place, status, participants, summary and conflicts from reports."""
    reps = record["reports"]
    types = Counter(r["type"] for r in reps)
    record["type"] = max(types, key=lambda t: (types[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -99))
    record["plover"] = PLOVER.get(record["type"], "OTHER")
    conflicts = []

    dated = [r for r in reps if dt.interval(r["date"])]
    if dated:
        best_prec = min(dt.precision(r["date"]) for r in dated)
        tops = [r for r in dated if dt.precision(r["date"]) == best_prec]
        votes = Counter(dt.interval(r["date"]) for r in tops)
        win = max(votes, key=lambda v: (votes[v], -[dt.interval(r["date"]) for r in tops].index(v)))
        chosen = next(r["date"] for r in tops if dt.interval(r["date"]) == win)
        record["date"] = chosen
        odd = [r for r in dated if dt.interval(r["date"]) != win
               and (dt.precision(r["date"]) == best_prec or not dt.compatible(r["date"], chosen, slack_days=0))]
        if odd:
            agree = [r for r in dated if dt.interval(r["date"]) == win]
            conflicts.append(_conflict("date", agree + odd, lambda r: dt.label(r["date"])))
    else:
        record["date"] = None

    placed = [r for r in reps if place_key(r["place"])]
    if placed:
        votes = Counter(place_key(r["place"]) for r in placed)
        top = max(votes, key=lambda k: (votes[k], len(k)))
        record["place"] = next(r["place"] for r in placed if place_key(r["place"]) == top)
        if any(not places_compatible(r["place"], record["place"]) for r in placed):
            conflicts.append(_conflict("place", placed, lambda r: r["place"] if isinstance(r["place"], str)
                                       else (r["place"] or {}).get("name")))
    else:
        record["place"] = None

    known = [r for r in reps if r["status"] != "unknown"]
    if known:
        latest = max(r.get("published") or "" for r in known)
        last = [r["status"] for r in known if (r.get("published") or "") == latest]
        record["status"] = min(last, key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else 99)
        if len({r["status"] for r in known}) > 1:
            record["status_history"] = [{"status": r["status"], "doc": r["doc"], "published": r.get("published")}
                                        for r in known]
        else:
            record.pop("status_history", None)
    else:
        record["status"] = "unknown"

    parts: list[str] = []
    for r in reps:
        parts.extend(p for p in r["participants"] if p not in parts)
    record["participants"] = parts
    record["persons"] = sorted({p for r in reps for p in r.get("persons") or []})
    record["blocs"] = sorted({p for r in reps for p in r.get("blocs") or []})
    best = min(reps, key=lambda r: (dt.precision(r["date"]), -len(r["participants"]), not r["summary"]))
    record["summary"] = best["summary"] or next((r["summary"] for r in reps if r["summary"]), "")
    record["sources"] = len({r["doc"] for r in reps})
    if conflicts:
        record["conflicts"] = conflicts
    else:
        record.pop("conflicts", None)


def _conflict(field: str, reps: list[dict[str, Any]], value_of: Any) -> dict[str, Any]:
    values: dict[str, list[str]] = {}
    for r in reps:
        v = str(value_of(r))
        values.setdefault(v, [])
        if r["doc"] not in values[v]:
            values[v].append(r["doc"])
    return {"field": field, "values": [{"value": v, "docs": d} for v, d in values.items()]}


def filing_order(rep: dict[str, Any]) -> tuple:
    """Rebuild order: dated reports found records first (the most precise first), undated ones
    join them afterwards; then by publication so the first report founds the record."""
    return (dt.precision(rep["date"]), rep.get("published") or "9999", rep["doc"], rep.get("mention") or "")


class EventIndex:
    """Merged events, with ``file`` to add one report and ``changed`` the ids touched.

    Blocking keeps filing cheap on large stores: a report is compared only with events sharing
    its family and a participant, its place, or its day (the only ways ``matches`` can accept)."""

    def __init__(self, records: list[dict[str, Any]] | None = None):
        self.records: dict[str, dict[str, Any]] = {}
        self.changed: set[str] = set()
        self._blocks: dict[tuple[str, ...], set[str]] = {}
        for r in records or []:
            if "reports" in r:
                self.records[r["id"]] = r
                self._index(r)

    # Blocks: (family, "p", participant, month) for events with participants, so a busy
    # negotiator's hundred meetings are not all compared; (family, "l", place) and
    # (family, "d", day) for events without participants, and (family, "L"/"D", ...) for every
    # event, which only reports without participants consult.

    @staticmethod
    def _months(d: Any, pad_days: int = 3) -> set[str]:
        """Month buckets (``2026-03``) an interval touches, ``pad_days`` either side; intervals
        over 400 days get year buckets (``y2026``) instead; no date: ``undated``."""
        iv = dt.interval(d)
        if iv is None:
            return {"undated"}
        lo, hi = iv[0] - timedelta(days=pad_days), iv[1] + timedelta(days=pad_days)
        if (hi - lo).days > 400:
            return {f"y{y}" for y in range(lo.year, hi.year + 1)}
        out = set()
        m = date(lo.year, lo.month, 1)
        while m <= hi:
            out.add(m.isoformat()[:7])
            m = (m + timedelta(days=32)).replace(day=1)
        return out

    def _record_keys(self, r: dict[str, Any]) -> set[tuple[str, ...]]:
        fam = family(r.get("type"))
        reps = r.get("reports") or []
        months: set[str] = set()
        for x in reps:
            months |= self._months(x.get("date"), 0)
        keys: set[tuple[str, ...]] = set()
        parts = r.get("participants") or []
        for p in set(parts) | set(r.get("blocs") or []):
            keys.update((fam, "p", p, m) for m in months)
        places = {place_key(x.get("place")) for x in reps} - {""}
        days = {dt.start_key(x.get("date")) for x in reps if dt.precision(x.get("date")) == 0} - {None}
        for pl in places:
            keys.add((fam, "L", pl))
            if not parts:
                keys.add((fam, "l", pl))
        for d in days:
            keys.add((fam, "D", d))
            if not parts:
                keys.add((fam, "d", d))
        return keys

    def candidates(self, rep: dict[str, Any]) -> set[str]:
        """Events ``matches`` could accept for ``rep``: a superset, never a miss."""
        fam = family(rep["type"])
        keys: list[tuple[str, ...]] = []
        pl = place_key(rep["place"])
        day = dt.start_key(rep["date"]) if dt.precision(rep["date"]) == 0 else None
        if rep["participants"]:
            if rep["date"]:
                months = self._months(rep["date"])
            else:  # an undated report may join events dated near its publication
                months = self._months(rep.get("published"), UNDATED_WINDOW_DAYS + 3) - {"undated"}
            years = {m[:4].lstrip("y") for m in months}
            months |= {"undated"} | {f"y{y}" for y in years}
            if any(m.startswith("y") for m in self._months(rep["date"])):
                months |= {f"{y}-{mo:02d}" for y in years for mo in range(1, 13)}
            keys += [(fam, "p", p, m) for p in set(rep["participants"]) | set(rep.get("blocs") or [])
                     for m in months]
            if pl:
                keys.append((fam, "l", pl))
            if day:
                keys.append((fam, "d", day))
        else:
            if pl:
                keys.append((fam, "L", pl))
            if day:
                keys.append((fam, "D", day))
        out: set[str] = set()
        for k in keys:
            out |= self._blocks.get(k, set())
        return out

    def _index(self, r: dict[str, Any]) -> None:
        for k in self._record_keys(r):
            self._blocks.setdefault(k, set()).add(r["id"])

    def file(self, rep: dict[str, Any], evidence: list[dict[str, Any]]) -> str:
        scored = [(matches(self.records[i], rep), i) for i in self.candidates(rep)]
        scored = [(s, i) for s, i in scored if s > 0]
        if scored:
            best = max(scored, key=lambda x: (x[0], len(self.records[x[1]]["reports"]), x[1]))[1]
            record = self.records[best]
        else:
            record = new_record(rep)
            self.records[record["id"]] = record
        absorb(record, rep, evidence)
        self._index(record)
        self.changed.add(record["id"])
        return record["id"]
