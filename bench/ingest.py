"""Benchmark: ingest N synthetic articles into a fresh SQLite store; print documents/s and peak memory.

    python bench/ingest.py [--n 10000] [--words 800] [--extract]

Without --extract this measures the foundation (read, clean, language, near-duplicate check,
store); with --extract it runs the whole pipeline (see also bench/pipeline.py).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synth import article  # noqa: E402

from parley.ingest.run import ingest  # noqa: E402
from parley.pipeline import Extraction  # noqa: E402
from parley.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--extract", action="store_true", help="run the extractors too")
    a = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(a.n):
            (corpus / f"{i:06d}.txt").write_text(article(rng, a.words), encoding="utf-8")
        store = Store.open(str(Path(tmp) / "bench.db"))
        extraction = Extraction() if a.extract else Extraction(names=[])
        t0 = time.perf_counter()
        summary = ingest([str(corpus)], store, extraction=extraction)
        dt = time.perf_counter() - t0
        t1 = time.perf_counter()
        again = ingest([str(corpus)], store, extraction=extraction)
        dt_again = time.perf_counter() - t1
        size = (Path(tmp) / "bench.db").stat().st_size
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents           {len(summary.added)} added, {len(summary.skipped)} skipped "
          f"({a.words} words each, extract={'on' if a.extract else 'off'})")
    print(f"ingest              {dt:.1f} s, {len(summary.added) / dt:.1f} documents/s")
    print(f"re-ingest (no-op)   {dt_again:.1f} s, {len(again.unchanged) / dt_again:.1f} documents/s")
    print(f"store size          {size / 1e6:.1f} MB")
    print(f"peak memory (RSS)   {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
