"""Claims on hand-written fictional cases (fixtures/claims_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.claims import extract_claims

CASES = load_cases("claims_cases")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_claim_cases(case):
    ctx = context_for(case)
    records = extract_claims(ctx)
    check_evidence(ctx, records)
    got = sorted((r.value, r.unit) for r in records)
    assert len(records) == len(case["expect"]), got
    for want in case["expect"]:
        hit = [r for r in records if abs(r.value - want["value"]) < 1e-6 and r.unit.startswith(want["unit"])]
        assert hit, (want, got)
        if "source" in want:
            assert names(ctx, hit[0].source) == want["source"]


@pytest.mark.parametrize("phrase,value", [
    ("about 50,000 troops", 50000), ("$2.5bn in aid", 2.5e9), ("€300 million", 3e8),
    ("some 3 million refugees", 3e6), ("a dozen tanks", 12),
])
def test_figures(phrase, value):
    ctx = context_for({"text": f"Reports said {phrase} were involved.", "published": "2026-01-01"})
    assert [r.value for r in extract_claims(ctx)] == [value]
