"""Whole invented articles in three page layouts, with every noise line written down by hand in
``fixtures/expected.json``: an op-ed page (kicker, byline, header credit, reader appeal,
disclaimer, about box, bio, logo, subscribe box), a wire report (byline, timestamp, teasers,
reporting credits, a body sentence opening with "By Friday") and an analysis (credits after
captions, a caption restating the body, a related-article card)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.clean import classify_kind, find_noise

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
TITLES = {"wire.txt": "Kessary, Dolmar agree to border commission after Orvel talks"}
KINDS = {"oped.txt": "opinion", "wire.txt": "report"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_noise_is_exactly_the_hand_marked_lines(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    noise = find_noise(text, title=TITLES.get(name))
    got = {text[n.start:n.end]: n.reason for n in noise}
    assert got == EXPECTED[name]


@pytest.mark.parametrize(("name", "kind"), sorted(KINDS.items()))
def test_fixture_kind(name: str, kind: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert classify_kind(text, find_noise(text))[0] == kind
