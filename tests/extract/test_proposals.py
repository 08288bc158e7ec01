"""Proposals on hand-written fictional cases (fixtures/proposals_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.proposals import extract_proposals

CASES = load_cases("proposals_cases")


def _matches(ctx, rec, want, by_id) -> bool:
    for key in ("name", "points", "status"):
        if key in want and getattr(rec, key) != want[key]:
            return False
    if "authors" in want and not set(want["authors"]) <= set(names(ctx, rec.authors)):
        return False
    if "provisions" in want and rec.provisions != want["provisions"]:
        return False
    if "revises_points" in want and (rec.revises not in by_id or by_id[rec.revises].points != want["revises_points"]):
        return False
    return "evidence_count" not in want or len(rec.evidence) == want["evidence_count"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_proposal_cases(case):
    ctx = context_for(case)
    records = extract_proposals(ctx)
    check_evidence(ctx, records)
    by_id = {r.id: r for r in records}
    assert len(records) == len(case["expect"]), [r.to_dict() for r in records]
    for want in case["expect"]:
        assert any(_matches(ctx, r, want, by_id) for r in records), (want, [r.to_dict() for r in records])
