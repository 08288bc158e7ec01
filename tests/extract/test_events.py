"""Events on hand-written fictional cases (fixtures/events_cases.json), negatives included."""

from __future__ import annotations

import pytest
from fixture_context import check_evidence, context_for, load_cases, names

from parley.extract.events import extract_events
from parley.extract.registry import get

CASES = load_cases("events_cases")


def _matches(ctx, rec, want) -> bool:
    if "type" in want and rec.type != want["type"]:
        return False
    for key in ("status", "plover", "place"):
        if key in want and getattr(rec, key) != want[key]:
            return False
    if "participants" in want and not set(want["participants"]) <= set(names(ctx, rec.participants)):
        return False
    if "date" in want and (rec.date is None or not rec.date.start <= want["date"] <= rec.date.end):
        return False
    return "evidence_count" not in want or len(rec.evidence) == want["evidence_count"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_event_cases(case):
    ctx = context_for(case)
    records = extract_events(ctx)
    check_evidence(ctx, records)
    assert len(records) == len(case["expect"]), [(r.type, r.status, names(ctx, r.participants)) for r in records]
    for want in case["expect"]:
        assert any(_matches(ctx, r, want) for r in records), (want, [r.to_dict() for r in records])


def test_registered_with_order_and_outputs():
    spec = get("events.rules.v1")
    assert spec.order == 30 and spec.produces == ("events",)
    assert {"nlp", "time"} <= set(spec.requires)


def test_same_input_same_ids():
    case = CASES[0]
    a = [r.id for r in extract_events(context_for(case))]
    b = [r.id for r in extract_events(context_for(case))]
    assert a == b and a
