"""Events on hand-written fictional cases (fixtures/events_cases.json), negatives included."""

from __future__ import annotations

from pathlib import Path

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


MODEL_READY = (Path(__file__).resolve().parents[2] / "src" / "parley" / "nlp" / "model" / "config.cfg").is_file()


@pytest.mark.slow
@pytest.mark.skipif(not MODEL_READY, reason="the shipped language model is not built in this checkout")
def test_full_extraction_with_shipped_model():
    """The built-in chain (actors, then events, proposals, deadlines, claims) on a fictional story."""
    from parley.models import Document
    from parley.pipeline import Extraction

    text = ("Foreign Minister Mira Holt of Aldoria met Brenmark's President Jonas Vell in Castel on Monday.\n"
            "Vell later presented a 12-point plan and gave Aldoria until Friday to respond.\n"
            "Officials said more than 12,000 soldiers had been killed since the war began.")
    doc = Document(id="doc_model", source="fixture", text=text, published="2026-03-10")
    records, _ = Extraction().run(doc)
    kinds = {}
    for r in records:
        kinds.setdefault(r.kind, []).append(r)
    assert any(e.type == "meeting" and len(e.participants) >= 2 for e in kinds.get("events", []))
    assert any(p.points == 12 for p in kinds.get("proposals", []))
    assert any(c.value == 12000 for c in kinds.get("claims", []))


@pytest.mark.parametrize("text", [
    "", "\n\n", "İstanbul talks: İ met Ö on Monday.", "$ billion € 5bn 3m 10k drones",
    "The 0-point plan. A 1000000-point plan. 99999999999999999999 troops.", "“an unterminated quote met",
    "He met. She met. They met?", "Talks in Castel. " * 200, "by Friday until Monday within 3 days deadline",
])
def test_odd_inputs_give_valid_records_or_none(text):
    """Every extractor of this module family survives odd text and only cites the text itself."""
    from parley.extract.claims import extract_claims
    from parley.extract.deadlines import extract_deadlines
    from parley.extract.positions import extract_positions
    from parley.extract.predictions import extract_predictions
    from parley.extract.proposals import extract_proposals

    ctx = context_for({"text": text, "published": "2026-03-10", "actors": [["Mira Holt", "person", ["Holt"]]]})
    for extract in (extract_events, extract_proposals, extract_deadlines, extract_positions, extract_claims,
                    extract_predictions):
        records = extract(ctx)
        ctx.add(records)
        check_evidence(ctx, records)


def test_a_meeting_noun_under_a_present_tense_verb_is_a_habit():
    from types import SimpleNamespace

    from parley.extract.events import _habitual
    from parley.nlp import load

    for text, habit in (("Mira Holt attends meetings with Jonas Vell.", True),
                        ("Mira Holt attended meetings with Jonas Vell.", False),
                        ("Mira Holt meets Jonas Vell.", True)):
        doc = load()(text)
        at = text.index("meet")
        assert _habitual(SimpleNamespace(doc=doc), at) is habit, text
