"""Actors on hand-written fictional cases (fixtures/actors_cases.json), negatives included."""

from __future__ import annotations

import pytest
from extract_model import context_for
from fixture_context import check_evidence, load_cases

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
        if "affiliation" in want:
            assert want["affiliation"] in {r.affiliation for r in got.roles}, got.roles
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


def _mentions_context():
    from parley.extract.registry import Context
    from parley.models import Actor, Document, Evidence, Noise

    text = "By Lena Ostrander\nAda Quell met Bo Rix. Quell said the Kremlin agreed, and Rix's aide left."
    doc = Document(id="d", source="x", text=text, noise=[Noise(0, 17, "byline")])
    ctx = Context(document=doc)
    q = text.index("Ada Quell")
    r = text.index("Bo Rix")
    ctx.found["actors"] = [
        Actor(id="a1", evidence=[Evidence.of("d", text, q, q + 9)], name="Ada Quell", aliases=["Quell"]),
        Actor(id="a2", evidence=[Evidence.of("d", text, r, r + 6)], name="Bo Rix", aliases=["Rix"]),
        Actor(id="a3", evidence=[Evidence.of("d", text, q, q + 3)], name="Russia", type="state",
              aliases=["the Kremlin"]),
        Actor(id="a4", evidence=[Evidence.of("d", text, 3, 17)], name="Lena Ostrander"),
    ]
    return ctx, text


def test_mentions_helpers():
    from parley.extract import mentions as mn

    ctx, text = _mentions_context()
    # longest name wins at a place, text order, repeats kept, noise never counts
    assert mn.actor_ids_in(ctx, 0, len(text)) == ["a1", "a2", "a1", "a3", "a2"]
    assert mn.actor_ids_in(ctx, text.index("Quell said"), len(text)) == ["a1", "a3", "a2"]
    assert mn.actor_by_name(ctx, "Rix's") == "a2"
    assert mn.actor_by_name(ctx, "kremlin") == "a3"
    assert mn.actor_by_name(ctx, "Nobody") is None
    assert mn.is_noise(ctx, 5, 8) and not mn.is_noise(ctx, 20, 25)
    assert mn.sentence_of(ctx, 20) is None  # no parse, no sentences
