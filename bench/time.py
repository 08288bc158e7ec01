"""Benchmark of ``parley.time.find_times`` on TempEval-3 platinum and MEANTIME (English) TIMEX3.

Prints relaxed span P/R/F1 (any overlap), strict span F1 (exact offsets), value accuracy over
relaxed matches and value F1 (TempEval-3 attribute F1: value accuracy x relaxed F1), type
accuracy, and speed (articles/s, ms per 800 words, one core).

    .venv/bin/python bench/time.py                 # both corpora
    .venv/bin/python bench/time.py --corpus te3 --errors 40   # show value errors and misses
    .venv/bin/python bench/time.py --compare       # value accuracy vs dateparser, gold spans given
    PYTHONPATH=src OTHER_VENV/bin/python bench/time.py --compare-recognizers   # see compare_recognizers

The DCT is the reference date of each document (TempEval-3: the <DCT> element, not scored since
systems receive it; MEANTIME: the CREATION_TIME TIMEX3, which is part of the text and scored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from parley.time import find_times
from parley.time.finder import _cached

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
TE3_DIR = DATA / "tempeval3_platinum" / "te3-platinum"
MEANTIME_DIR = DATA / "meantime_english" / "intra_cross-doc_annotation"


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: dt.date
    gold: list[Gold]
    scored_end: int | None = None  # system mentions after this offset are not scored


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_te3(directory: Path = TE3_DIR) -> list[Doc]:
    """TempEval-3 .tml files: the TEXT element with tags stripped and TIMEX3 offsets kept."""
    docs = []
    for path in sorted(directory.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct_m = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', raw, re.S)
        body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        out: list[str] = []
        gold: list[Gold] = []
        pos = 0
        length = 0
        open_timex: tuple[int, dict[str, str]] | None = None
        for m in _TAG.finditer(body):
            chunk = html.unescape(body[pos : m.start()])
            out.append(chunk)
            length += len(chunk)
            pos = m.end()
            closing, name, attrs = m.group(1), m.group(2), m.group(3)
            if name != "TIMEX3":
                continue
            if not closing:
                open_timex = (length, dict(_ATTR.findall(attrs)))
            elif open_timex is not None:
                a = open_timex[1]
                gold.append(Gold(open_timex[0], length, a.get("type", ""), a.get("value", "")))
                open_timex = None
        out.append(html.unescape(body[pos:]))
        docs.append(Doc(path.stem, "".join(out), dt.date.fromisoformat(dct_m.group(1)), gold))
    return docs


# MEANTIME annotates TIMEX3 only in the title, the date line and the first sentences (sentence
# numbers 0-5); later mentions would all count as false positives.
_MEANTIME_ANNOTATED_SENTENCES = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "%", "n't", "'", "''", "]"}
_NO_SPACE_AFTER = {"(", "$", "``", "["}


def _parse_dct(value: str) -> dt.date | None:
    """MEANTIME DCT values are ISO, with a few in DD-MM-YYYY."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return dt.date.fromisoformat(value[:10])
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None


def load_meantime(directory: Path = MEANTIME_DIR) -> list[Doc]:
    """MEANTIME CAT files: tokens detokenized into text, TIMEX3 spans from their token anchors."""
    docs = []
    for path in sorted(directory.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        parts: list[str] = []
        offsets: dict[str, tuple[int, int]] = {}
        length = 0
        prev_sentence = None
        prev_tok = None
        scored_end = 0
        for tok in root.iter("token"):
            word = tok.text or ""
            sentence = tok.get("sentence")
            if prev_tok is not None:
                sep = "\n" if sentence != prev_sentence and prev_sentence in ("0", "1") else " "
                if sep == " " and (word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER):
                    sep = ""
                parts.append(sep)
                length += len(sep)
            offsets[tok.get("t_id")] = (length, length + len(word))
            if int(sentence) <= _MEANTIME_ANNOTATED_SENTENCES:
                scored_end = length + len(word)
            parts.append(word)
            length += len(word)
            prev_sentence, prev_tok = sentence, word
        text = "".join(parts)
        gold = []
        dct = None
        for tx in root.iter("TIMEX3"):
            anchors = [a.get("t_id") for a in tx.findall("token_anchor")]
            if not anchors:
                continue
            spans = [offsets[a] for a in anchors if a in offsets]
            g = Gold(
                min(s for s, _ in spans), max(e for _, e in spans), tx.get("type", ""), tx.get("value", "")
            )
            gold.append(g)
            if tx.get("functionInDocument") == "CREATION_TIME":
                dct = _parse_dct(g.value)
        if dct is None:
            continue
        docs.append(Doc(path.stem, text, dct, gold, scored_end))
    return docs


def score(docs: list[Doc], errors: int = 0) -> dict[str, float]:
    """TempEval-3 style span and value scores, and timing."""
    n_sys = n_gold = relaxed_sys = relaxed_gold = strict = value_ok = type_ok = 0
    shown = 0
    words = 0
    elapsed = 0.0
    for doc in docs:
        # Best of three runs without the cache: other processes share the machine.
        best = float("inf")
        for _ in range(3):
            _cached.cache_clear()
            t0 = time.perf_counter()
            mentions = find_times(doc.text, doc.dct)
            best = min(best, time.perf_counter() - t0)
        elapsed += best
        words += len(doc.text.split())
        if doc.scored_end is not None:
            mentions = [m for m in mentions if m.start < doc.scored_end]
        n_sys += len(mentions)
        n_gold += len(doc.gold)
        for m in mentions:
            if any(m.start < g.end and g.start < m.end for g in doc.gold):
                relaxed_sys += 1
            elif errors and shown < errors:
                shown += 1
                print(f"  FP {doc.name}: {m.text!r} {m.value}", file=sys.stderr)
        for g in doc.gold:
            match = [m for m in mentions if m.start < g.end and g.start < m.end]
            if not match:
                if errors and shown < errors:
                    shown += 1
                    print(f"  FN {doc.name}: {doc.text[g.start : g.end]!r} {g.value}", file=sys.stderr)
                continue
            relaxed_gold += 1
            m = match[0]
            strict += (m.start, m.end) == (g.start, g.end)
            value_ok += m.value == g.value
            type_ok += m.type == g.type
            if m.value != g.value and errors and shown < errors:
                shown += 1
                print(
                    f"  VAL {doc.name}: {m.text!r} gold {doc.text[g.start : g.end]!r} {g.value} got {m.value}",
                    file=sys.stderr,
                )
    p = relaxed_sys / n_sys if n_sys else 0.0
    r = relaxed_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    sp, sr = strict / n_sys if n_sys else 0.0, strict / n_gold if n_gold else 0.0
    sf1 = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    acc = value_ok / relaxed_gold if relaxed_gold else 0.0
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "relaxed_p": p,
        "relaxed_r": r,
        "relaxed_f1": f1,
        "strict_f1": sf1,
        "value_acc": acc,
        "value_f1": acc * f1,
        "type_acc": type_ok / relaxed_gold if relaxed_gold else 0.0,
        "articles_per_s": len(docs) / elapsed if elapsed else 0.0,
        "ms_per_800_words": 1000 * elapsed / words * 800 if words else 0.0,
    }


_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?")


def _dateparser_value(parser, phrase: str) -> str | None:
    data = parser.get_date_data(phrase)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if data.period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return d.isoformat()


def compare_normalizers(docs: list[Doc]) -> dict[str, float]:
    """Value accuracy on the gold calendar-date spans (year, month, week, day values), spans given.

    ``ours_in_context`` reads the whole document (tense, narrative); ``ours_phrase`` and
    ``dateparser`` see only the gold phrase and the DCT, as the issue's measurements did.
    """
    from dateparser.date import DateDataParser

    n = ours_ctx = ours_phrase = dp_ok = 0
    dp_time = ours_time = 0.0
    for doc in docs:
        mentions = find_times(doc.text, doc.dct)
        parser = DateDataParser(
            languages=["en"],
            settings={
                "RELATIVE_BASE": dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day),
                "PREFER_DATES_FROM": "past",
            },
        )
        for g in doc.gold:
            if g.type != "DATE" or not _CALENDAR.fullmatch(g.value):
                continue
            n += 1
            phrase = doc.text[g.start : g.end]
            ours_ctx += any(m.start < g.end and g.start < m.end and m.value == g.value for m in mentions)
            t0 = time.perf_counter()
            alone = find_times(phrase, doc.dct)
            ours_time += time.perf_counter() - t0
            ours_phrase += bool(alone) and alone[0].value == g.value
            t0 = time.perf_counter()
            dp_ok += _dateparser_value(parser, phrase) == g.value
            dp_time += time.perf_counter() - t0
    return {
        "spans": n,
        "ours_in_context": ours_ctx / n,
        "ours_phrase": ours_phrase / n,
        "dateparser": dp_ok / n,
        "ours_ms_per_phrase": 1000 * ours_time / n,
        "dateparser_ms_per_phrase": 1000 * dp_time / n,
    }


def _rts_value(results, dct: dt.date) -> str | None:
    """A TIMEX3 value from recognizers-text-suite output: the longest entity, the candidate nearest
    the DCT (the past winning ties), fully specified timex as is, else from the resolved dates."""
    if not results:
        return None
    best = max(results, key=lambda r: r.end - r.start)
    values = (best.resolution or {}).get("values") or []
    if not values:
        return None

    def distance(v: dict) -> tuple[int, int]:
        raw = v.get("value") or v.get("start") or ""
        try:
            d = dt.date.fromisoformat(raw[:10])
        except ValueError:
            return (10**6, 0)
        return (abs((d - dct).days), d > dct)

    v = min(values, key=distance)
    timex = v.get("timex", "")
    if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q\d|-(?:SP|SU|FA|WI))?", timex):
        return timex
    if v.get("type") == "date" and v.get("value"):
        return v["value"][:10]
    start = v.get("start")
    if not start:
        return None
    d = dt.date.fromisoformat(start[:10])
    if timex.endswith(("-SP", "-SU", "-FA", "-WI")):
        return f"{d.year:04d}{timex[-3:]}"
    if "P1W" in timex or "W" in timex.split("-")[-1]:
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if "P1Y" in timex or re.fullmatch(r"X{4}", timex):
        return f"{d.year:04d}"
    return f"{d.year:04d}-{d.month:02d}"


def compare_recognizers(docs: list[Doc], full_text_docs: int = 0) -> dict[str, float]:
    """Value accuracy of recognizers-text-suite on the gold calendar-date spans (spans given),
    and its time per article on full text for the first ``full_text_docs`` documents.

    Needs ``pip install --pre recognizers-text-suite==1.0.2a2 "emoji<2"`` in a separate
    environment (run with PYTHONPATH=src); it is not a Parley dependency.
    """
    from recognizers_date_time import Culture, DateTimeRecognizer

    model = DateTimeRecognizer(Culture.English).get_datetime_model()
    n = ok = 0
    elapsed = 0.0
    for doc in docs:
        ref = dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day)
        for g in doc.gold:
            if g.type != "DATE" or not _CALENDAR.fullmatch(g.value):
                continue
            n += 1
            ok += _rts_value(model.parse(doc.text[g.start : g.end], ref), doc.dct) == g.value
    for doc in docs[:full_text_docs]:
        t0 = time.perf_counter()
        model.parse(doc.text, dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day))
        elapsed += time.perf_counter() - t0
    return {
        "spans": n,
        "value_acc": ok / n,
        "ms_per_article": 1000 * elapsed / full_text_docs if full_text_docs else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("te3", "meantime", "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors to stderr")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also compare value accuracy with dateparser on the gold calendar-date spans",
    )
    parser.add_argument(
        "--compare-recognizers",
        action="store_true",
        help="value accuracy of recognizers-text-suite on gold spans (separate environment)",
    )
    args = parser.parse_args(argv)
    if args.compare_recognizers:
        for name, loader in (("te3", load_te3), ("meantime", load_meantime)):
            docs = loader()
            c = compare_recognizers(docs, full_text_docs=len(docs) if name == "te3" else 0)
            print(
                f"{name:9s} recognizers-text-suite on gold calendar dates={c['spans']}: value acc={c['value_acc']:.3f}"
                + (f"  {c['ms_per_article']:.0f} ms/article (full text)" if c["ms_per_article"] else "")
            )
        return 0
    corpora = {"te3": load_te3, "meantime": load_meantime}
    names = list(corpora) if args.corpus == "all" else [args.corpus]
    for name in names:
        docs = corpora[name]()
        s = score(docs, args.errors)
        print(
            f"{name:9s} docs={s['docs']} gold={s['gold']} sys={s['system']}  "
            f"relaxed P={s['relaxed_p']:.3f} R={s['relaxed_r']:.3f} F1={s['relaxed_f1']:.3f}  "
            f"strict F1={s['strict_f1']:.3f}  value acc={s['value_acc']:.3f} F1={s['value_f1']:.3f}  "
            f"type acc={s['type_acc']:.3f}  {s['articles_per_s']:.0f} articles/s  "
            f"{s['ms_per_800_words']:.2f} ms/800 words"
        )
        if args.compare:
            c = compare_normalizers(docs)
            print(
                f"{'':9s} gold calendar dates={c['spans']}  value acc: parley in context={c['ours_in_context']:.3f} "
                f"parley phrase only={c['ours_phrase']:.3f} dateparser phrase only={c['dateparser']:.3f}  "
                f"ms/phrase parley={c['ours_ms_per_phrase']:.2f} dateparser={c['dateparser_ms_per_phrase']:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
