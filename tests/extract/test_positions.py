"""Positions on hand-written fictional cases (fixtures/positions_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.positions import extract_positions
from parley.models import ISSUES

CASES = load_cases("positions_cases")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_position_cases(case):
    ctx = context_for(case)
    records = extract_positions(ctx)
    check_evidence(ctx, records)
    assert all(r.issue in ISSUES for r in records)
    assert len(records) == len(case["expect"]), [r.to_dict() for r in records]
    for want in case["expect"]:
        assert any(names(ctx, r.actor) == want["actor"] and r.issue == want["issue"]
                   and r.stance.startswith(want["stance_prefix"]) for r in records), \
            (want, [r.to_dict() for r in records])
