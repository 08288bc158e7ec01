"""Words that look like time but are not, the no-reference behaviour, exact offsets, inference."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.time import find_times, infer_published

WED = dt.date(2025, 11, 19)


@pytest.mark.parametrize(
    "text",
    [
        "We may meet again soon.",
        "May I add one thing?",
        "The mediators May and Hart arrived.",
        "Brussels Morning reported the news.",
        "Prices could fall sharply.",
        "Support for the plan may fall if the talks fail.",
        "A second round of talks began.",
        "She won a second term.",
        "The deal costs $50 million.",
        "We met them at the border.",
        "The fall of the city shocked everyone.",
        "The Arab Spring protests spread.",
        "A 50-year-old diplomat spoke.",
        "Some 2000 troops and 2,000 tanks moved.",
        "The santa days parade was cancelled.",
        "Now that the vote is over, the envoys can leave.",
        "Cattle grazed in the pasture by the river.",
        "The delegation drove to 1600 Pennsylvania Avenue.",
        "Ratios of 1.5.2013x were reported.",
    ],
)
def test_not_a_time_expression(text):
    assert find_times(text, WED) == []


@pytest.mark.parametrize(
    "text,phrase,value,offset",
    [
        ("The talks on October 5 were productive.", "October 5", "XXXX-10-05", None),
        ("Negotiators met in early March.", "early March", "XXXX-03", None),
        ("The convoy left three days ago.", "three days ago", "XXXX-XX-XX", "-P3D"),
        ("He spoke yesterday.", "yesterday", "XXXX-XX-XX", "-P1D"),
        ("The ceasefire collapsed last month.", "last month", "XXXX-XX", "-P1M"),
        ("A truce should hold until New Year's Eve.", "New Year's Eve", "XXXX-12-31", None),
        ("Talks will resume after Easter.", "Easter", "XXXX-XX-XX", None),
        ("Russia invaded on Feb. 24, 2022.", "Feb. 24, 2022", "2022-02-24", None),
    ],
)
def test_without_reference_date_no_year_is_invented(text, phrase, value, offset):
    m = [x for x in find_times(text, None) if x.text == phrase][0]
    assert m.value == value
    assert m.offset == offset
    if "2022" not in text:
        assert m.interval_start is None and m.interval_end is None


_FRAGMENTS = [
    "The envoy met officials on Tuesday",
    "two weeks later",
    "by Thanksgiving",
    "in mid-October",
    "since 2014",
    "within 50 days",
    "we may talk",
    "Brussels Morning",
    "$50",
    "the next day",
    "on March 3, 2025",
    "last summer",
    "every week",
    "at 3 p.m.",
    "a second round",
    "é",
    "\n\n",
    ", ",
    ". ",
    "the end of the month",
    "Christmas",
    "2025-12-02",
    "the 1990s",
    "    ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=12), st.booleans())
def test_offsets_are_exact_and_mentions_do_not_overlap(parts, with_ref):
    text = " ".join(parts)
    mentions = find_times(text, WED if with_ref else None)
    last_end = -1
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        assert m.text == m.text.strip()
        last_end = m.end
        if not with_ref and not re.search(r"\d{4}", text):
            assert not re.match(r"\d{4}", m.value), "a year was invented"


_WORDS = st.sampled_from(
    list("0123456789 -/.,:'’\n")
    + [
        "May",
        "March",
        "Monday",
        "the",
        "next",
        "last",
        "day",
        "week",
        "year",
        "ago",
        "later",
        "by",
        "2025",
        "31",
        "Feb",
        "29",
        "quarter",
        "first",
        "mid-",
        "early",
        "Christmas",
        "a",
        "second",
        "fall",
        "p.m.",
        "GMT",
        "'90s",
        "century",
        "every",
        "since",
        "within",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=120), st.lists(_WORDS, max_size=20).map(" ".join)),
    st.sampled_from([None, dt.date(2024, 2, 29), dt.date(2025, 12, 31), dt.date(2000, 1, 1)]),
)
def test_never_raises_and_offsets_hold_on_arbitrary_text(text, ref):
    for m in find_times(text, ref):
        assert text[m.start : m.end] == m.text
        if m.interval_start and m.interval_end:
            assert m.interval_start <= m.interval_end


def test_bad_arguments_raise_type_errors():
    with pytest.raises(TypeError):
        find_times(None, WED)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_times("on Monday", "2025-11-19")  # type: ignore[arg-type]


def test_a_datetime_reference_is_read_as_its_date():
    m = find_times("The envoys met on Tuesday.", dt.datetime(2025, 11, 19, 23, 30))[0]
    assert m.value == "2025-11-18"


def test_results_are_copies_not_the_cache():
    first = find_times("The envoys met on Tuesday.", WED)
    first[0].value = "changed"
    assert find_times("The envoys met on Tuesday.", WED)[0].value == "2025-11-18"


def test_infer_published_takes_the_latest_full_date():
    text = (
        "Talks in the capital, first held on 4 March 2024, resumed on Friday.\n"
        "Photo: delegates at the venue on November 21, 2025. The next round is in 2026."
    )
    assert infer_published(text, today=dt.date(2025, 12, 1)) == dt.date(2025, 11, 21)


def test_infer_published_ignores_future_dates_and_bare_years():
    assert infer_published("The summit is planned for December 12, 2031.", today=dt.date(2025, 12, 1)) is None
    assert (
        infer_published("The war began in 2022 and the talks in March.", today=dt.date(2025, 12, 1)) is None
    )
    assert infer_published("", today=dt.date(2025, 12, 1)) is None


def test_infer_published_skips_scheduled_dates():
    text = (
        "Updated on February 11, 2025. The exchange, which was scheduled for Saturday, February 15, 2025, "
        "will be postponed."
    )
    assert infer_published(text, today=dt.date(2025, 12, 1)) == dt.date(2025, 2, 11)
