"""Forecasts on hand-written fictional cases (fixtures/predictions_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.predictions import extract_predictions

CASES = load_cases("predictions_cases")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_prediction_cases(case):
    ctx = context_for(case)
    records = extract_predictions(ctx)
    check_evidence(ctx, records)
    assert len(records) == len(case["expect"]), [r.to_dict() for r in records]
    for want in case["expect"]:
        assert any(names(ctx, r.author) == want["author"] and (
            "horizon_month" not in want or (r.horizon and r.horizon.end.startswith(want["horizon_month"])))
            for r in records), (want, [r.to_dict() for r in records])
