"""Benchmark the event resolver on open data: MEANTIME cross-document event coreference and
SemEval-2015 Task 4 timelines.

    python bench/coref.py [--data ../shared/data] [--part meantime|semeval|both]

MEANTIME (CC BY 4.0, ``meantime_english/intra_cross-doc_annotation``): every annotated event of
a document (its mentions joined by the gold within-document annotation, as Parley's extractors
join them) becomes one per-document event record: type = its predicate, participants = the
gold cross-document entity instances of its HAS_PARTICIPANT arguments, date = the TIMEX3 value
it is TLINKed to (else none), publication = the document's creation time. ``EventIndex`` (the
resolver used by ``parley``) then merges them across documents, and the clusters are scored
against the gold cross-document event instances with MUC, B³ and pairwise F1, beside two
baselines (every event alone; every event with the same predicate merged). Only events with a
gold cross-document instance are scored; so this measures cross-document merging given
within-document events and entity linking, not extraction.

SemEval-2015 Task 4 (CC BY 3.0, ``semeval2015_task4_timeline``), Track B input (gold event
mentions marked in the text, no entity or time annotation): for each target entity, the events
in sentences that name it (its full name or its last word) are anchored to the first date in
their sentence (``parley.time.find_times`` against the creation time; else the creation time),
merged across documents by ``EventIndex`` (same predicate, same date, the entity as participant)
and ordered by date. Scored as pairwise ordering F1 between the mentions of a timeline (before /
same time, order-0 gold rows left out), a simplification of the task's temporal-awareness
metric: the published best F1 of 7.85 (Track A, raw text) is not directly comparable. Also
printed: which events were put on a timeline at all (P/R/F1) and the date accuracy of those.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from parley.resolve.events import EventIndex, report_of
from parley.time.finder import find_times

# ---------------------------------------------------------------------------------------------
# clustering metrics


def muc(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    def side(key: dict[str, str], resp: dict[str, str]) -> tuple[int, int]:
        clusters: dict[str, list[str]] = defaultdict(list)
        for m, c in key.items():
            clusters[c].append(m)
        num = den = 0
        for ms in clusters.values():
            parts = {resp.get(m, f"_single_{m}") for m in ms}
            num += len(ms) - len(parts)
            den += len(ms) - 1
        return num, den

    rn, rd = side(gold, pred)
    pn, pd = side(pred, gold)
    r = rn / rd if rd else 0.0
    p = pn / pd if pd else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    g, s = defaultdict(set), defaultdict(set)
    for m, c in gold.items():
        g[c].add(m)
    for m, c in pred.items():
        s[c].add(m)
    ps, rs = [], []
    for m in gold:
        inter = len(g[gold[m]] & s[pred[m]])
        ps.append(inter / len(s[pred[m]]))
        rs.append(inter / len(g[gold[m]]))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    ms = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(ms, 2):
        same_g, same_p = gold[a] == gold[b], pred[a] == pred[b]
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------------------------------------
# MEANTIME


def _date_of_timex(value: str) -> dict[str, Any] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    y, mo, d = m.groups()
    if d:
        return {"start": value, "end": value, "precision": "day", "text": value}
    if mo:
        return {"start": f"{y}-{mo}-01", "end": f"{y}-{mo}-28", "precision": "month", "text": value}
    return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year", "text": value}


def meantime_docs(root: Path) -> list[dict[str, Any]]:
    """Per document: its events (gold within-document groups) with predicate, participants,
    date and gold cross-document instance."""
    out = []
    for f in sorted(root.glob("corpus_*/*.xml")):
        tree = ET.parse(f).getroot()
        topic = f.parent.name
        marks = tree.find("Markables")
        rels = tree.find("Relations")
        tokens = {t.get("t_id"): t.text or "" for t in tree.findall("token")}
        ev_mentions = {e.get("m_id"): _stem(e.get("pred") or " ".join(
            tokens.get(a.get("t_id"), "") for a in e.findall("token_anchor")).split(" ")[-1])
            for e in marks.findall("EVENT_MENTION")}
        ent_mentions = {e.get("m_id") for e in marks.findall("ENTITY_MENTION")}
        instances = {e.get("m_id"): e.get("instance_id") for e in marks.findall("EVENT")}
        ent_instances = {e.get("m_id"): e.get("instance_id") for e in marks.findall("ENTITY")}
        timex = {t.get("m_id"): t.get("value") for t in marks.findall("TIMEX3")}
        dct = next((t.get("value") for t in marks.findall("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
                   None)
        refers: dict[str, str] = {}
        for r in rels.findall("REFERS_TO"):
            tgt = r.find("target").get("m_id")
            for s in r.findall("source"):
                refers[s.get("m_id")] = tgt
        parts: dict[str, set[str]] = defaultdict(set)
        for r in rels.findall("HAS_PARTICIPANT"):
            src, tgt = r.find("source").get("m_id"), r.find("target").get("m_id")
            if tgt in ent_mentions and refers.get(tgt) in ent_instances and ent_instances[refers[tgt]]:
                parts[src].add(ent_instances[refers[tgt]])
        times: dict[str, str] = {}
        for r in rels.findall("TLINK"):
            src, tgt = r.find("source").get("m_id"), r.find("target").get("m_id")
            if src in ev_mentions and tgt in timex and r.get("reltype", r.get("relType", "")) in (
                    "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS", "DURING", "BEGINS_ON", "ENDS_ON", "", None):
                times.setdefault(src, timex[tgt])
        groups: dict[str, list[str]] = defaultdict(list)
        for m in ev_mentions:
            ev = refers.get(m)
            if ev in instances:
                groups[ev].append(m)
        events = []
        for ev, ms in groups.items():
            inst = instances.get(ev)
            if not inst:
                continue
            preds = Counter(ev_mentions[m].lower() for m in ms)
            date = next((d for d in (_date_of_timex(times.get(m, "")) for m in ms) if d), None)
            events.append({"id": f"{f.stem}:{ev}", "type": preds.most_common(1)[0][0],
                           "participants": sorted(set().union(*(parts[m] for m in ms))), "date": date,
                           "gold": inst, "topic": topic})
        out.append({"doc": f.stem, "published": (dct or "")[:10] or None, "events": events, "topic": topic})
    return out


def run_meantime(root: Path) -> None:
    docs = meantime_docs(root)
    gold, ours, lemma, single = {}, {}, {}, {}
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_topic[d["topic"]].append(d)
    for topic, tdocs in by_topic.items():
        idx = EventIndex()
        reports = []
        for d in tdocs:
            for e in d["events"]:
                m = {"id": e["id"], "type": e["type"], "status": "occurred", "date": e["date"], "place": None,
                     "participants": e["participants"], "summary": ""}
                reports.append((report_of(m, d["doc"], d["published"]), e))
        reports.sort(key=lambda x: (x[0]["date"] is None, x[0]["published"] or "", x[0]["doc"], x[0]["mention"]))
        for rep, e in reports:
            ours[e["id"]] = topic + ":" + idx.file(rep, [])
            gold[e["id"]] = e["gold"]
            lemma[e["id"]] = topic + ":" + e["type"]
            single[e["id"]] = e["id"]
    cross = Counter(gold.values())
    print(f"MEANTIME: {len(docs)} documents, {len(gold)} document-level events with a cross-document instance, "
          f"{len(cross)} gold instances ({sum(1 for c in cross.values() if c > 1)} reported by 2+ documents)")
    print(f"{'system':28} {'MUC P/R/F1':>20} {'B3 P/R/F1':>20} {'pairwise P/R/F1':>20}")
    for name, pred in (("singletons", single), ("same predicate", lemma), ("parley EventIndex", ours)):
        cells = [muc(gold, pred), b_cubed(gold, pred), pairwise(gold, pred)]
        print(f"{name:28} " + " ".join(f"{p * 100:5.1f}/{r * 100:5.1f}/{f * 100:5.1f}".rjust(20) for p, r, f in cells))


# ---------------------------------------------------------------------------------------------
# SemEval-2015 Task 4


def _tml(path: Path) -> dict[str, Any]:
    raw = path.read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    doc = root.findtext("DOCID")
    dct = root.find("DCT/TIMEX3").get("value")
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct[:10])
    if m:  # a few creation times are written DD-MM-YYYY
        dct = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    sents = []
    for s in root.find("TEXT").findall("s"):
        text, events = s.text or "", []
        for child in s:
            if child.tag == "EVENT":
                events.append({"eid": child.get("eid"), "word": child.text or "", "start": len(text)})
            text += (child.text or "") + (child.tail or "")
        sents.append({"n": int(s.get("id")), "text": text, "events": events})
    return {"doc": doc, "dct": dct, "sents": sents}


def _stem(word: str) -> str:
    w = word.lower()
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _names(entity: str) -> list[str]:
    words = entity.split()
    return [entity] + ([words[-1]] if len(words) > 1 and len(words[-1]) >= 3 else [])


def _date_value(d: dict[str, Any]) -> str:
    y, m, day = d["start"][:4], d["start"][5:7], d["start"][8:10]
    if d["precision"] == "day":
        return f"{y}-{m}-{day}"
    if d["precision"] in ("month", "week"):
        return f"{y}-{m}-XX"
    return f"{y}-XX-XX"


def build_timelines(corpus: Path) -> dict[str, list[tuple[int, str, list[str]]]]:
    docs = [_tml(p) for p in sorted((corpus / "corpus_trackB_TimeML").glob("*.tml"))]
    targets = [t.strip() for t in (next(corpus.glob("list_target_entities_*.txt"))).read_text().splitlines()
               if t.strip()]
    out = {}
    for target in targets:
        pats = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.I) for n in _names(target)]
        idx = EventIndex()
        members: dict[str, list[str]] = defaultdict(list)
        for d in docs:
            ref = dt.date.fromisoformat(d["dct"][:10])
            for s in d["sents"]:
                if not any(p.search(s["text"]) for p in pats):
                    continue
                dates = [t for t in find_times(s["text"], ref) if t.type == "DATE" and t.interval_start
                         and t.precision in ("day", "week", "month", "season", "year")]
                if dates:
                    t = dates[0]
                    date = {"start": t.interval_start.isoformat(), "end": t.interval_end.isoformat(),
                            "precision": t.precision, "text": t.text}
                else:
                    date = {"start": d["dct"][:10], "end": d["dct"][:10], "precision": "day", "text": "DCT"}
                for e in s["events"]:
                    mention = f"{d['doc']}-{s['n']}-{e['word']}"
                    m = {"id": mention, "type": _stem(e["word"]), "status": "occurred", "date": date, "place": None,
                         "participants": [target], "summary": ""}
                    members[idx.file(report_of(m, d["doc"], d["dct"][:10]), [])].append(mention)
        rows = sorted(((idx.records[i]["date"], ms) for i, ms in members.items()),
                      key=lambda x: (x[0]["start"], x[0]["precision"] != "day"))
        timeline, order, last = [], 0, None
        for date, ms in rows:
            key = (date["start"], date["precision"])
            if key != last:
                order += 1
                last = key
            timeline.append((order, _date_value(date), ms))
        out[target] = timeline
    return out


def read_gold(path: Path) -> list[tuple[int, str, list[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3:
            rows.append((int(cols[0]), cols[1], cols[2:]))
    return rows


def relations(rows: list[tuple[int, str, list[str]]]) -> set[tuple[str, str, str]]:
    flat = [(o, m) for o, _d, ms in rows if o > 0 for m in ms]
    rel = set()
    for (oa, a), (ob, b) in itertools.combinations(flat, 2):
        if a == b:
            continue
        if oa == ob:
            rel.add((min(a, b), max(a, b), "SIMULTANEOUS"))
        elif oa < ob:
            rel.add((a, b, "BEFORE"))
        else:
            rel.add((b, a, "BEFORE"))
    return rel


def run_semeval(root: Path) -> None:
    tp = fp = fn = 0
    sel_tp = sel_fp = sel_fn = 0
    date_ok = date_n = 0
    n_tl = 0
    for corpus in sorted(root.glob("corpus_*")):
        ours = build_timelines(corpus)
        for gf in sorted((corpus / "TimeLines_Gold_Standard").glob("*.txt")):
            target = gf.read_text(encoding="utf-8").splitlines()[0].strip()
            gold = read_gold(gf)
            pred = ours.get(target, [])
            n_tl += 1
            g, p = relations(gold), relations(pred)
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
            gm = {m: d for _o, d, ms in gold for m in ms}
            pm = {m: d for _o, d, ms in pred for m in ms}
            sel_tp += len(gm.keys() & pm.keys())
            sel_fp += len(pm.keys() - gm.keys())
            sel_fn += len(gm.keys() - pm.keys())
            for m in gm.keys() & pm.keys():
                if not gm[m].startswith("XXXX"):
                    date_n += 1
                    date_ok += gm[m] == pm[m]

    def f(tp: int, fp: int, fn: int) -> str:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return f"P {p * 100:5.1f}  R {r * 100:5.1f}  F1 {2 * p * r / (p + r) * 100 if p + r else 0.0:5.1f}"

    print(f"SemEval-2015 Task 4, Track B input, {n_tl} gold timelines:")
    print(f"  ordering relations (pairwise, order-0 rows out): {f(tp, fp, fn)}")
    print(f"  events placed on the right timeline:             {f(sel_tp, sel_fp, sel_fn)}")
    print(f"  date exact on events both placed (gold dated):   {date_ok}/{date_n} = "
          f"{date_ok / date_n * 100 if date_n else 0:.1f}%")
    print("  (published best, Track A official temporal-awareness F1: 7.85; not the same metric)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    ap.add_argument("--part", choices=["meantime", "semeval", "both"], default="both")
    a = ap.parse_args()
    data = Path(a.data)
    if not data.exists():
        sys.exit(f"no data folder at {data}: pass --data")
    if a.part in ("meantime", "both"):
        run_meantime(data / "meantime_english" / "intra_cross-doc_annotation")
    if a.part in ("semeval", "both"):
        run_semeval(data / "semeval2015_task4_timeline")


if __name__ == "__main__":
    main()
