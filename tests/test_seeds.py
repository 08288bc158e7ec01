"""The five seed articles with their sidecar: the contract invariants of the export.

Skips only when ../shared (the team's shared folder, present in CI) is absent."""

from __future__ import annotations

import json

import pytest
from helpers import SHARED

from parley import export
from parley.ingest.meta import load_sidecar
from parley.ingest.run import ingest

SEEDS = SHARED / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent (CI has it)")


@pytest.mark.slow
def test_seeds_ingest_and_contract(store):
    sidecar = load_sidecar(str(SHARED / "corpus" / "seeds.meta.json"))
    first = ingest([str(SEEDS)], store, sidecar=sidecar)
    assert len(first.added) == 5 and not first.skipped
    again = ingest([str(SEEDS)], store, sidecar=sidecar)
    assert again.added == [] and len(again.unchanged) == 5
    data = export.build(store)
    meta = json.loads((SHARED / "corpus" / "seeds.meta.json").read_text())
    by_name = {d["source"].rsplit("/", 1)[-1]: d for d in data["documents"]}
    assert set(by_name) == set(meta)
    for name, d in by_name.items():
        assert d["text"] == (SEEDS / name).read_text(encoding="utf-8")
        if meta[name]["published"]:
            assert d["published"] == meta[name]["published"] and d["published_inferred"] is False
        for s, e, reason in d["noise"]:
            assert 0 <= s < e <= len(d["text"]) and reason
    for kind in ("actors", "events", "statements", "proposals", "deadlines", "positions", "claims"):
        for r in data[kind]:
            assert r["evidence"], (kind, r["id"])
            for ev in r["evidence"]:
                assert by_id(data, ev["doc"])["text"][ev["start"]:ev["end"]] == ev["quote"]


def by_id(data, doc_id):
    return next(d for d in data["documents"] if d["id"] == doc_id)
