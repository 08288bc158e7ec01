"""The numeric and calendar entity patterns (``parley_numeric_entities``) on a blank pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from parley.nlp.numeric_entities import numeric_entities


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def ents(nlp, text, existing=()):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in existing]
    return [(e.text, e.label_) for e in numeric_entities(doc).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resume on March 3, 2031 in Vell.", [("March 3, 2031", "DATE")]),
        ("Talks resume on 3 March 2031.", [("3 March 2031", "DATE")]),
        ("Talks resumed in June 2030.", [("June 2030", "DATE")]),
        ("They met on Tuesday, Oct. 14 at noon.", [("Tuesday, Oct. 14", "DATE")]),
        ("They meet again next week.", [("next week", "DATE")]),
        ("The envoy arrives tomorrow.", [("tomorrow", "DATE")]),
        ("The call began at 10:30 a.m. sharp.", [("10:30 a.m.", "TIME")]),
        ("The call began at 9 pm.", [("9 pm", "TIME")]),
        ("A fund of $40 million was pledged.", [("$40 million", "MONEY")]),
        ("A fund of 12 billion euros was pledged.", [("12 billion euros", "MONEY")]),
        ("Turnout fell 7 percent.", [("7 percent", "PERCENT")]),
        ("About 3 million people fled.", [("3 million", "CARDINAL")]),
        # A bare year is a date, not a number.
        ("The accord of 1994 lapsed.", [("1994", "DATE")]),
        # "May" and "March" alone are verbs or modals as often as months.
        ("They may march on.", []),
        ("Delegates May agree.", []),
    ],
)
def test_patterns(nlp, text, expected):
    assert ents(nlp, text) == expected


def test_an_existing_entity_is_kept(nlp):
    # "2031 Accord" is already an entity: the year inside it is not re-labelled.
    assert ents(nlp, "The 2031 Accord held.", existing=[(1, 3, "EVENT")]) == [("2031 Accord", "EVENT")]


def test_longest_match_wins(nlp):
    assert ents(nlp, "Signed on May 5, 2030 by both.") == [("May 5, 2030", "DATE")]
