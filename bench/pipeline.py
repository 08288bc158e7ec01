"""Benchmark: the whole per-article pipeline (clean → language → NLP → time → extractors) on one
process, over synthetic 800-word articles; prints articles/s and the time per stage.

    python bench/pipeline.py [--n 200] [--words 800]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import article  # noqa: E402

from parley.extract.registry import Context  # noqa: E402
from parley.ingest.readers import RawArticle  # noqa: E402
from parley.pipeline import Extraction, prepare  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--words", type=int, default=800)
    a = ap.parse_args()
    rng = random.Random(11)
    texts = [article(rng, a.words) for _ in range(a.n)]
    extraction = Extraction()
    t0 = time.perf_counter()
    nlp = extraction.nlp()
    load_s = time.perf_counter() - t0
    from parley.time import find_times

    stages: dict[str, float] = defaultdict(float)
    words = 0
    start = time.perf_counter()
    for i, text in enumerate(texts):
        words += len(text.split())
        t = time.perf_counter()
        doc = prepare(RawArticle(source=f"s{i}.txt", text=text, key=f"s{i}.txt", published="2026-04-02"))
        stages["clean+language"] += time.perf_counter() - t
        t = time.perf_counter()
        ctx = Context(document=doc, doc=nlp(doc.text))
        stages["nlp (spaCy)"] += time.perf_counter() - t
        t = time.perf_counter()
        ctx.times = find_times(doc.text, dt.date(2026, 4, 2))
        stages["time"] += time.perf_counter() - t
        for spec in extraction.specs:
            t = time.perf_counter()
            ctx.add(spec.func(ctx))
            stages[spec.name] += time.perf_counter() - t
    total = time.perf_counter() - start
    print(f"articles            {a.n} x ~{words // a.n} words (model load {load_s:.2f} s, not counted)")
    print(f"throughput          {a.n / total:.1f} articles/s, {words / total:,.0f} words/s (one process)")
    for name, s in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28} {1000 * s / a.n:7.2f} ms/article")


if __name__ == "__main__":
    main()
