"""Properties that hold for any input: find_noise never fails, never rewrites, and its spans are
sorted, disjoint, inside the text and free of surrounding whitespace."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.clean import classify_kind, find_noise
from parley.models import DOC_KINDS, NOISE_REASONS

# Lines built from the vocabulary the rules react to, so that the rules actually fire.
PIECES = ["By", "Ana", "Lind", "Credit:", "Photo", "/", "Reuters", "AFP", "Related", "article", "Read more:",
          "Subscribe", "Share", "About Us", "March 3, 2031", "10:15", "Updated", "(AP Photo/Jon Abela)", "said",
          "the", "talks", "in", "Orvel", "on", ".", ",", "“", "”", "Kessary", "is a", "columnist", "|", ">", "•", "0"]
line = st.lists(st.sampled_from(PIECES), min_size=0, max_size=14).map(" ".join)
texts = st.one_of(
    st.lists(line, min_size=0, max_size=25).map("\n".join),
    st.text(max_size=400),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_spans_are_well_formed(text: str) -> None:
    noise = find_noise(text)
    prev_end = 0
    for n in noise:
        assert prev_end <= n.start < n.end <= len(text)
        assert n.reason in NOISE_REASONS
        assert text[n.start:n.end] == text[n.start:n.end].strip()
        prev_end = n.end
    assert classify_kind(text, noise)[0] in DOC_KINDS


@pytest.mark.parametrize(
    "text",
    [
        "A " * 20000,
        "Ana/" * 5000,
        ("Ana Lind, " * 3000) + "is a columnist",
        "By " + "Ana " * 5000,
        " | ".join(["News"] * 3000),
        "(" * 5000 + "photo credit: " + "X/" * 2000,
        "\n".join(["Share this article"] * 5000),
    ],
)
def test_pathological_lines_stay_fast(text: str) -> None:
    start = time.perf_counter()
    find_noise(text)
    assert time.perf_counter() - start < 3.0
