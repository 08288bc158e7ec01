#!/usr/bin/env python3
"""Measure the cleaner: noise P/R/F1 and kind accuracy on the seed and dev corpora.

    python bench/noise.py [--shared ../shared] [--verbose]

For each corpus it builds a minimal record export (documents only: id, source = the file name,
text = the file's exact content, noise = find_noise(...), kind = classify_kind(...)), writes it
to a temporary file and scores it with ``shared/eval/score.py`` against the hand-written gold.
Title and authors come from the corpus's metadata sidecar when it has them, as in ``parley
ingest --meta``. ``--verbose`` lists the lines that were missed or wrongly flagged.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parley.clean import classify_kind, find_noise
from parley.models import Document, content_hash

CORPORA = (("seeds", "seeds.meta.json", "seeds.json"), ("dev", "dev.meta.json", "dev.json"))


def build_export(folder: Path, meta: dict) -> dict:
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = meta.get(path.name) or {}
        noise = find_noise(text, title=m.get("title"), authors=m.get("authors") or ())
        kind, _ = classify_kind(text, noise)
        docs.append(Document(id=path.stem, source=path.name, text=text, title=m.get("title"),
                             noise=noise, kind=kind, hash=content_hash(text)).to_dict())
    return {"version": 1, "documents": docs}


def explain(export: dict, gold: dict) -> None:
    """Print, per document, gold noise lines that were missed and lines flagged wrongly."""
    for doc in export["documents"]:
        g = gold["documents"].get(doc["source"])
        if g is None:
            continue
        text, spans = doc["text"], doc["noise"]
        want = set(g.get("noise_lines") or []) | {x for p in g.get("duplicate_pairs") or [] for x in p}
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if not line.strip():
                continue
            covered = sum(max(0, min(b, e) - max(a, s)) for a, b, _ in spans)
            flagged = covered >= 0.5 * (e - s)
            reason = next((r for a, b, r in spans if a < e and s < b), "")
            if flagged and line not in want:
                print(f"  FP {doc['source']} [{reason}] {line[:110]!r}")
            elif not flagged and line in (g.get("noise_lines") or []):
                print(f"  FN {doc['source']} {line[:110]!r}")
        flags = {}
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            covered = sum(max(0, min(b, e) - max(a, s)) for a, b, _ in spans)
            flags[line] = flags.get(line, False) or (e > s and covered >= 0.5 * (e - s))
        for a, b in g.get("duplicate_pairs") or []:
            fa, fb = flags.get(a, False), flags.get(b, False)
            if fa == fb:
                print(f"  PAIR {doc['source']} {'both' if fa else 'neither'} flagged: {a[:60]!r} / {b[:60]!r}")
        if doc["kind"] not in g["kind"]:
            print(f"  KIND {doc['source']}: {doc['kind']} (gold {g['kind']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--verbose", action="store_true", help="list missed and wrongly flagged lines")
    ap.add_argument("--no-meta", action="store_true", help="ignore the metadata sidecars (no titles)")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    if not (shared / "eval" / "score.py").exists():
        print(f"noise bench: {shared} has no eval/score.py; pass --shared PATH", file=sys.stderr)
        return 2
    for name, meta_file, gold_file in CORPORA:
        meta_path = shared / "corpus" / meta_file
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() and not a.no_meta else {}
        started = time.perf_counter()
        export = build_export(shared / "corpus" / name, meta)
        elapsed = time.perf_counter() - started
        gold_path = shared / "eval" / "gold" / gold_file
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(export, f)
        out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), f.name, str(gold_path), "--json"],
                             capture_output=True, text=True, check=True)
        Path(f.name).unlink()
        r = json.loads(out.stdout)
        n = r["noise"]
        print(f"{name:5}  noise P {n['precision']:.3f}  R {n['recall']:.3f}  F1 {n['f1']:.3f}"
              f"  (tp {n['tp']} fp {n['fp']} fn {n['fn']})  kind accuracy {r['documents']['kind_accuracy']:.3f}"
              f"  ({r['documents']['found']} documents, {elapsed / len(export['documents']) * 1000:.1f} ms each)")
        if a.verbose:
            explain(export, json.loads(gold_path.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
