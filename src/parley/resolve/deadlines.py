"""Deadlines across documents and their fate.

Merging: the same setter (after actor resolution), compatible due dates and a compatible
addressee make one deadline; every report is kept.

Fate, the rule chosen (first that applies):

1. **text**: the latest document that reports an outcome (met, missed, extended, abandoned)
   decides it;
2. **extension**: when the same setter later sets the same demand (same addressee, similar
   words, or words of extension: "moved to", "extended") with a later due date, the earlier deadline is ``extended`` and names the later one in
   ``extended_to``;
3. **calendar**: otherwise the due date is compared with the store's reference day (the newest
   publication date among its documents, not the wall clock, so results do not change with the
   day they are computed): not yet due is ``pending``; past due with no outcome reported is
   ``missed``.

``status_basis`` says which rule decided (``text``, ``extension`` or ``calendar``).
"""

from __future__ import annotations

import re
from typing import Any

from parley.models import stable_id
from parley.resolve import dates as dt
from parley.resolve.names import fold

OUTCOMES = ("met", "missed", "extended", "abandoned")
# A later deadline reported in these words replaces an earlier one of the same setter.
EXTENSION_CUE = re.compile(r"\b(extend\w*|extension|moved (?:back |forward )?to|pushed back|postpon\w*|"
                           r"prolong\w*|delayed|new deadline|deadline (?:is|was) now)\b", re.I)
_STOP = {"the", "a", "an", "to", "by", "of", "and", "on", "in", "for", "its", "their", "his", "her"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if w not in _STOP and len(w) > 2}


def similar_demand(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return True
    return len(wa & wb) / len(wa | wb) >= 0.25


def _compatible_party(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


class DeadlineIndex:
    """Merged deadlines; ``file`` adds one per-document deadline, ``settle`` decides fates."""

    def __init__(self, records: list[dict[str, Any]] | None = None):
        self.records: dict[str, dict[str, Any]] = {r["id"]: r for r in records or [] if "reports" in r}
        self.changed: set[str] = set()
        self._by_setter: dict[str, list[dict[str, Any]]] | None = None

    def file(self, d: dict[str, Any], doc_id: str, published: str | None) -> str:
        if self._by_setter is None:
            self._by_setter = {}
            for r in self.records.values():
                self._by_setter.setdefault(r.get("set_by") or "", []).append(r)
        rec = next((r for r in self._by_setter.get(d.get("set_by") or "", [])
                    if r.get("set_by") == d.get("set_by") and _compatible_party(r.get("addressee"), d.get("addressee"))
                    and dt.interval(r.get("due")) and dt.interval(d.get("due"))
                    and dt.compatible(r["due"], d["due"])
                    and (r.get("set_by") or similar_demand(r.get("what") or "", d.get("what") or ""))), None)
        if rec is None:
            rec = {"id": stable_id("deadline", doc_id, d.get("id")), "set_by": d.get("set_by"),
                   "addressee": d.get("addressee"), "what": d.get("what") or "", "due": d.get("due"),
                   "status": "unknown", "evidence": [], "reports": []}
            self.records[rec["id"]] = rec
            self._by_setter.setdefault(rec.get("set_by") or "", []).append(rec)
        rec["reports"] = [r for r in rec["reports"] if r.get("mention") != d.get("id")] + [{
            "doc": doc_id, "published": published, "mention": d.get("id"), "status": d.get("status") or "unknown",
            "due": d.get("due"), "what": d.get("what") or ""}]
        rec["reports"].sort(key=lambda r: (r.get("published") or "9999", r["doc"]))
        if not rec.get("addressee") and d.get("addressee"):
            rec["addressee"] = d["addressee"]
        # the most precise due date, and the longest wording of the demand
        if dt.precision(d.get("due")) < dt.precision(rec.get("due")):
            rec["due"] = d.get("due")
        if len(d.get("what") or "") > len(rec.get("what") or ""):
            rec["what"] = d["what"]
        seen = {(e["doc"], e["start"], e["end"]) for e in rec["evidence"]}
        rec["evidence"].extend(e for e in d.get("evidence") or [] if (e["doc"], e["start"], e["end"]) not in seen)
        self.changed.add(rec["id"])
        return rec["id"]

    def settle(self, reference_day: str | None) -> None:
        """Decide every deadline's status (see the module docstring for the rule)."""
        recs = list(self.records.values())
        self.changed.update(r["id"] for r in recs)
        by_setter: dict[str, list[dict[str, Any]]] = {}
        for r in recs:
            by_setter.setdefault(r.get("set_by") or "", []).append(r)
        for r in recs:
            r.pop("extended_to", None)
            outcomes = [x for x in r["reports"] if x["status"] in OUTCOMES]
            if outcomes:
                r["status"], r["status_basis"] = outcomes[-1]["status"], "text"
                r["status_source"] = outcomes[-1]["doc"]
                continue
            later = [o for o in by_setter.get(r.get("set_by") or "", []) if o is not r and r.get("set_by")
                     and _compatible_party(o.get("addressee"), r.get("addressee"))
                     and (similar_demand(o.get("what") or "", r.get("what") or "")
                          or any(EXTENSION_CUE.search(e.get("quote") or "") for e in o.get("evidence") or []))
                     and (dt.start_key(o.get("due")) or "") > (dt.start_key(r.get("due")) or "9999")
                     and (o["reports"][0].get("published") or "") >= (r["reports"][0].get("published") or "")]
            if later:
                nxt = min(later, key=lambda o: dt.start_key(o.get("due")) or "")
                r["status"], r["status_basis"], r["extended_to"] = "extended", "extension", nxt["id"]
                continue
            due = dt.interval(r.get("due"))
            if due is None or reference_day is None:
                r["status"], r["status_basis"] = "pending" if due else "unknown", "calendar"
            elif due[1].isoformat() >= reference_day:
                r["status"], r["status_basis"] = "pending", "calendar"
            else:
                r["status"], r["status_basis"] = "missed", "calendar"
            r.pop("status_source", None)
