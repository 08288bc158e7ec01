"""Deadlines on hand-written fictional cases (fixtures/deadlines_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.deadlines import extract_deadlines

CASES = load_cases("deadlines_cases")


def _matches(ctx, rec, want) -> bool:
    if names(ctx, rec.set_by) != want["set_by"]:
        return False
    if "addressee" in want and names(ctx, rec.addressee) != want["addressee"]:
        return False
    if "due" in want and (rec.due is None or not rec.due.start <= want["due"] <= rec.due.end):
        return False
    for key in ("status", "what"):
        if key in want and getattr(rec, key) != want[key]:
            return False
    return "evidence_count" not in want or len(rec.evidence) == want["evidence_count"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_deadline_cases(case):
    ctx = context_for(case)
    records = extract_deadlines(ctx)
    check_evidence(ctx, records)
    assert len(records) == len(case["expect"]), [r.to_dict() for r in records]
    for want in case["expect"]:
        assert any(_matches(ctx, r, want) for r in records), (want, [r.to_dict() for r in records])
