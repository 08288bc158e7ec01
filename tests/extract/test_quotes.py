"""Statements on hand-written fictional cases (fixtures/quotes_cases.json), negatives included."""

from __future__ import annotations

import pytest
from extract_model import context_for
from fixture_context import check_evidence, load_cases

from parley.extract.actors import extract_actors
from parley.extract.quotes import _find_quotes, extract_indirect_statements, extract_statements

CASES = load_cases("quotes_cases")


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_statement_cases(case):
    ctx = context_for(case)
    ctx.add(extract_actors(ctx))
    statements = extract_statements(ctx)
    ctx.add(statements)
    statements = statements + extract_indirect_statements(ctx)
    check_evidence(ctx, statements)
    names = {a.id: a.name for a in ctx.found.get("actors", [])}
    got = [(s.quote, names.get(s.speaker), s.kind_) for s in statements]
    assert len(statements) == len(case["expect"]), got
    for want in case["expect"]:
        hit = [g for g in got if want["quote"] in g[0]]
        assert hit, (want, got)
        assert hit[0][1] == want["speaker"], (want, got)
        assert hit[0][2] == want["kind"], (want, got)
    for absent in case.get("absent", []):
        assert not any(absent in g[0] for g in got)
    for s in statements:
        assert s.date is not None and s.date.start == case.get("published", "2026-03-10")


@pytest.mark.parametrize("text,quotes", [
    ("He said “yes, now” and left.", ["yes, now"]),
    ('She wrote "we agree" twice.', ["we agree"]),
    ("The «plan» and ‘the deal’ were named.", ["plan", "the deal"]),
    ("The rebels’ demands weren’t new.", []),
    ("“An open quotation runs to the end of the paragraph\nNext line.", ["An open quotation runs to the end of the paragraph"]),
])
def test_find_quotes(text, quotes):
    assert [text[q.start:q.end] for q in _find_quotes(text)] == quotes


def test_indirect_speech_is_its_own_extractor():
    from parley.extract.registry import default_names, get

    assert get("quotes.indirect.v1").produces == ("statements",)
    assert default_names().index("quotes.rules.v1") < default_names().index("quotes.indirect.v1")
