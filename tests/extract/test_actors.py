"""Actors on hand-written fictional cases (fixtures/actors_cases.json), negatives included."""

from __future__ import annotations

import pytest
from extract_model import check_evidence, context_for
from fixture_context import load_cases

from parley.extract.actors import extract_actors
from parley.extract.lexicon import country_of, metonym_state

CASES = load_cases("actors_cases")


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_actor_cases(case):
    ctx = context_for(case)
    actors = extract_actors(ctx)
    check_evidence(ctx, actors)
    by_name = {a.name: a for a in actors}
    for want in case["expect"]:
        assert want["name"] in by_name, (want["name"], sorted(by_name))
        got = by_name[want["name"]]
        assert got.type == want["type"]
        for alias in want.get("aliases", []):
            assert alias in got.aliases or alias == got.name, (alias, got.aliases)
        titles = " | ".join(r.title.lower() for r in got.roles)
        for role in want.get("roles", []):
            assert role.lower() in titles, (role, got.roles)
    names = {n for a in actors for n in [a.name, *a.aliases]}
    for absent in case.get("absent", []):
        assert absent not in names


@pytest.mark.slow
def test_ids_are_per_document_and_stable():
    case = CASES[0]
    first = [a.id for a in extract_actors(context_for(case))]
    assert first == [a.id for a in extract_actors(context_for(case))]
    assert len(set(first)) == len(first)


@pytest.mark.parametrize("name,country", [
    ("U.S.", "United States"), ("the United States", "United States"), ("Britain", "United Kingdom"),
    ("Ukrainian", "Ukraine"), ("Russians", "Russia"), ("Germany", "Germany"), ("Tuesday", None),
])
def test_country_of(name, country):
    assert country_of(name) == country


@pytest.mark.parametrize("name,state", [
    ("the Kremlin", "Russia"), ("White House", "United States"), ("Kyiv", "Ukraine"),
    ("Paris", "France"), ("Lisbon", "Portugal"), ("Springfield", None),
])
def test_metonym_state(name, state):
    assert metonym_state(name) == state
