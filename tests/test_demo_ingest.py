"""The demo corpus end to end through ingest (no extraction): formats, languages, inferred
dates and syndicated copies linked, not dropped."""

from __future__ import annotations

from helpers import ROOT

from parley.ingest.meta import load_sidecar
from parley.ingest.run import ingest

DEMO = ROOT / "demo"


def test_demo_corpus_ingests_cleanly(store, no_extract):
    summary = ingest([str(DEMO / "corpus")], store, sidecar=load_sidecar(str(DEMO / "demo.meta.json")),
                     extraction=no_extract)
    assert summary.skipped == []
    docs = {d.source.rsplit("/", 1)[-1]: d for d in store.iter_documents()}
    assert len(docs) == len(summary.added) == 16  # 12 files, 3 JSONL items, 1 JSON item
    wire, copy = docs["01_northwire_port_anselm_talks.txt"], docs["03_coastal_daily_syndicated.txt"]
    assert wire.id in copy.duplicate_of and copy.id in wire.duplicate_of
    assert not docs["02_velgrad_herald_talks.txt"].duplicate_of  # same meeting, other words: not a copy
    assert docs["11_courrier_cessez_le_feu.txt"].language == "fr"
    assert {d.language for n, d in docs.items() if not n.startswith("11_")} == {"en"}
    undated = docs["10_feature_ceasefire_undated.txt"]
    assert (undated.published, undated.published_inferred) == ("2026-05-09", True)
    assert docs["01_northwire_port_anselm_talks.txt"].published == "2026-03-03"
    assert all(d.noise for n, d in docs.items() if n.endswith(".txt") and not n.startswith("11_"))
