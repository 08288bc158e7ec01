"""Phrase -> interval cases with reference dates and tenses, written for these tests (fictional)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.time import find_times

WED = dt.date(2025, 11, 19)  # a Wednesday
FRI_2013 = dt.date(2013, 3, 22)  # a Friday
SAT_2026 = dt.date(2026, 1, 10)  # a Saturday


def _only(text: str, phrase: str, ref: dt.date | None):
    found = [m for m in find_times(text, ref) if m.text == phrase]
    assert found, f"{phrase!r} not found in {[m.text for m in find_times(text, ref)]}"
    return found[0]


def _d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


# fmt: off
CASES = [
    # (text, phrase, ref, value, interval start, interval end, precision)
    ("The envoys met on Tuesday in the capital.", "Tuesday", WED, "2025-11-18", "2025-11-18", "2025-11-18", "day"),
    ("The delegations will meet on Monday.", "Monday", WED, "2025-11-24", "2025-11-24", "2025-11-24", "day"),
    ("Talks resumed on Wednesday after a pause.", "Wednesday", WED, "2025-11-19", "2025-11-19", "2025-11-19", "day"),
    ("The foreign ministers spoke by phone on Sunday.", "Sunday", WED, "2025-11-16", "2025-11-16", "2025-11-16", "day"),
    ("A second session is scheduled for Friday.", "Friday", WED, "2025-11-21", "2025-11-21", "2025-11-21", "day"),
    ("The summit was held last Friday.", "last Friday", WED, "2025-11-14", "2025-11-14", "2025-11-14", "day"),
    ("The ceasefire collapsed last month.", "last month", WED, "2025-10", "2025-10-01", "2025-10-31", "month"),
    ("The mediators return next month.", "next month", WED, "2025-12", "2025-12-01", "2025-12-31", "month"),
    ("A vote is expected in mid-December.", "mid-December", WED, "2025-12", "2025-12-11", "2025-12-20", "month"),
    ("Negotiators met in early March.", "early March", WED, "2025-03", "2025-03-01", "2025-03-10", "month"),
    ("Envoys will gather in late February.", "late February", WED, "2026-02", "2026-02-21", "2026-02-28", "month"),
    ("Fighting paused over Orthodox Easter.", "Orthodox Easter", WED, "2025-04-20", "2025-04-20", "2025-04-20", "day"),
    ("Talks will resume after Easter.", "Easter", WED, "2026-04-05", "2026-04-05", "2026-04-05", "day"),
    ("The parade on Victory Day drew crowds.", "Victory Day", WED, "2025-05-09", "2025-05-09", "2025-05-09", "day"),
    ("Both leaders spoke at Christmas.", "Christmas", SAT_2026, "2025-12-25", "2025-12-25", "2025-12-25", "day"),
    ("The offensive stalled this summer.", "this summer", WED, "2025-SU", "2025-06-01", "2025-08-31", "season"),
    ("A new round is planned for next summer.", "next summer", WED, "2026-SU", "2026-06-01", "2026-08-31", "season"),
    ("The grid was hit last winter.", "last winter", WED, "2024-WI", "2024-12-01", "2025-02-28", "season"),
    ("The mission ended in the autumn of 2023.", "the autumn of 2023", WED, "2023-FA", "2023-09-01", "2023-11-30", "season"),
    ("Payments are due at the end of the month.", "the end of the month", WED, "2025-11", "2025-11-21", "2025-11-30", "month"),
    ("The convoy left three days ago.", "three days ago", WED, "2025-11-16", "2025-11-16", "2025-11-16", "day"),
    ("The accord was signed two years ago.", "two years ago", WED, "2023", "2023-01-01", "2023-12-31", "year"),
    ("Elections are set for the second quarter of 2026.", "the second quarter of 2026", WED, "2026-Q2", "2026-04-01", "2026-06-30", "season"),
    ("In the 1990s the border was open.", "the 1990s", WED, "199", "1990-01-01", "1999-12-31", "year"),
    ("Troops will withdraw in the first half of next year.", "the first half of next year", WED, "2026-H1", "2026-01-01", "2026-06-30", "year"),
    ("He spoke yesterday.", "yesterday", WED, "2025-11-18", "2025-11-18", "2025-11-18", "day"),
    ("A statement dated 2025-12-02 was released.", "2025-12-02", WED, "2025-12-02", "2025-12-02", "2025-12-02", "day"),
    ("Ministers meet this week.", "this week", WED, "2025-W47", "2025-11-17", "2025-11-23", "week"),
    ("They had met the previous week.", "the previous week", WED, "2025-W46", "2025-11-10", "2025-11-16", "week"),
    ("The leaders will sign the accord on Dec. 5.", "Dec. 5", WED, "2025-12-05", "2025-12-05", "2025-12-05", "day"),
    ("Russia invaded on Feb. 24, 2022.", "Feb. 24, 2022", WED, "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("The memo was dated 14 September 2024.", "14 September 2024", WED, "2024-09-14", "2024-09-14", "2024-09-14", "day"),
    ("In December, the envoy flew to the region.", "December", SAT_2026, "2025-12", "2025-12-01", "2025-12-31", "month"),
    ("Fighting resumed late last July.", "late last July", FRI_2013, "2012-07", "2012-07-21", "2012-07-31", "month"),
    ("The accord expired in 2014.", "2014", WED, "2014", "2014-01-01", "2014-12-31", "year"),
    ("Early 2026 is the target.", "Early 2026", WED, "2026", "2026-01-01", "2026-04-30", "year"),
    ("The talks took place in the spring.", "the spring", WED, "2025-SP", "2025-03-01", "2025-05-31", "season"),
    ("Results for the fourth quarter were weak.", "the fourth quarter", dt.date(2026, 2, 3), "2025-Q4", "2025-10-01", "2025-12-31", "season"),
    ("The protocol was signed on 22.03.2013 in the capital.", "22.03.2013", WED, "2013-03-22", "2013-03-22", "2013-03-22", "day"),
    ("The protocol was signed on 3/22/2013.", "3/22/2013", WED, "2013-03-22", "2013-03-22", "2013-03-22", "day"),
    ("The index last peaked in '82.", "'82", WED, "1982", "1982-01-01", "1982-12-31", "year"),
    ("The envoy will arrive on the 23rd of November.", "the 23rd of November", WED, "2025-11-23", "2025-11-23", "2025-11-23", "day"),
    ("The envoy left on Sunday 23 November 2025.", "Sunday 23 November 2025", WED, "2025-11-23", "2025-11-23", "2025-11-23", "day"),
    ("Shares closed higher for the day.", "the day", WED, "2025-11-19", "2025-11-19", "2025-11-19", "day"),
]
# fmt: on


@pytest.mark.parametrize("text,phrase,ref,value,start,end,precision", CASES)
def test_phrase_resolves_to_interval(text, phrase, ref, value, start, end, precision):
    m = _only(text, phrase, ref)
    assert m.type == "DATE"
    assert m.value == value
    assert (m.interval_start, m.interval_end) == (_d(start), _d(end))
    assert m.precision == precision


@pytest.mark.parametrize(
    "text,phrase,value,start,end",
    [
        (
            "The envoy arrived on March 3, 2025. Two weeks later, he left.",
            "Two weeks later",
            "2025-03-17",
            "2025-03-17",
            "2025-03-17",
        ),
        (
            "The first round was held on 5 June 2024; the next day, both sides issued statements.",
            "the next day",
            "2024-06-06",
            "2024-06-06",
            "2024-06-06",
        ),
        (
            "In April 2023 the talks broke down. That month, the envoy resigned.",
            "That month",
            "2023-04",
            "2023-04-01",
            "2023-04-30",
        ),
        (
            "The treaty was initialled on 2 May 2019. A year later, it lapsed.",
            "A year later",
            "2020",
            "2020-01-01",
            "2020-12-31",
        ),
        (
            "Talks opened on October 7, 2024. The day before, shelling hit the port.",
            "The day before",
            "2024-10-06",
            "2024-10-06",
            "2024-10-06",
        ),
        (
            "The mission began in 2016. The following year it was expanded.",
            "The following year",
            "2017",
            "2017-01-01",
            "2017-12-31",
        ),
    ],
)
def test_narrative_anchoring_follows_the_last_date(text, phrase, value, start, end):
    m = _only(text, phrase, WED)
    assert m.value == value
    assert (m.interval_start, m.interval_end) == (_d(start), _d(end))
    assert m.anchored


def test_narrative_anchoring_can_be_switched_off():
    text = "The envoy arrived on March 3, 2025. Two weeks later, he left."
    m = [x for x in find_times(text, WED, anchor_narrative=False) if x.text == "Two weeks later"][0]
    assert m.value == "2025-12-03" and not m.anchored


def test_without_an_earlier_date_narrative_words_count_from_the_reference():
    m = _only("The next day, the talks resumed.", "The next day", WED)
    assert m.value == "2025-11-20" and not m.anchored


@pytest.mark.parametrize(
    "text,phrase,tense,value",
    [
        (
            "The envoy had met him on Thursday, and the two will meet again on Tuesday.",
            "Thursday",
            "past",
            "2025-11-13",
        ),
        (
            "The envoy had met him on Thursday, and the two will meet again on Tuesday.",
            "Tuesday",
            "future",
            "2025-11-25",
        ),
        ("The ministers are set to sign the text on Saturday.", "Saturday", "future", "2025-11-22"),
        ("The ministers signed the text on Saturday.", "Saturday", "past", "2025-11-15"),
        ("The talks were postponed until Friday.", "Friday", "future", "2025-11-21"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(text, phrase, tense, value):
    m = _only(text, phrase, WED)
    assert m.tense == tense
    assert m.value == value


@pytest.mark.parametrize(
    "text,phrase,relation,start,end",
    [
        ("The plan must be agreed by Thanksgiving.", "Thanksgiving", "by", None, "2025-11-27"),
        ("He hopes for a deal by late January.", "late January", "by", None, "2026-01-31"),
        ("A truce should hold until New Year's Eve.", "New Year's Eve", "until", None, "2025-12-31"),
        ("By the end of the year, a deal must be signed.", "the end of the year", "by", None, "2025-12-31"),
        ("Kyiv has to respond within 50 days.", "50 days", "within", None, "2026-01-08"),
    ],
)
def test_deadlines_have_an_open_start(text, phrase, relation, start, end):
    m = _only(text, phrase, WED)
    assert m.deadline and m.relation == relation
    assert (m.interval_start, m.interval_end) == (_d(start), _d(end))


def test_since_runs_to_the_reference_date():
    m = _only("There has been no contact since October.", "October", WED)
    assert m.relation == "since" and not m.deadline
    assert (m.interval_start, m.interval_end) == (dt.date(2025, 10, 1), WED)


@pytest.mark.parametrize(
    "text,phrase,type_,value",
    [
        ("The war has lasted two years.", "two years", "DURATION", "P2Y"),
        ("The past six months were the worst.", "The past six months", "DURATION", "P6M"),
        ("A four-week pause was agreed.", "four-week", "DURATION", "P4W"),
        ("Monitors stayed for several days.", "several days", "DURATION", "PXD"),
        ("The talks lasted 36 hours.", "36 hours", "DURATION", "PT36H"),
        ("Inspectors visit every week.", "every week", "SET", "P1W"),
        ("The council meets annually.", "annually", "SET", "P1Y"),
        ("The briefing starts at 3 p.m. local time.", "3 p.m. local time", "TIME", "2025-11-19T15:00"),
        ("He will travel tomorrow morning.", "tomorrow morning", "TIME", "2025-11-20TMO"),
        ("Right now the front is quiet.", "Right now", "DATE", "PRESENT_REF"),
    ],
)
def test_types_and_values(text, phrase, type_, value):
    m = _only(text, phrase, WED)
    assert (m.type, m.value) == (type_, value)


def test_to_date_value_exports_iso_interval():
    m = _only("Negotiators met in early March.", "early March", WED)
    dv = m.to_date_value()
    assert dv is not None
    assert dv.to_dict() == {
        "start": "2025-03-01",
        "end": "2025-03-10",
        "precision": "month",
        "text": "early March",
    }
    assert _only("The war has lasted two years.", "two years", WED).to_date_value() is None


def test_in_n_units_in_a_future_clause_is_a_day_ahead():
    m = _only("The summit will take place in two weeks.", "two weeks", WED)
    assert (m.type, m.value) == ("DURATION", "P2W")
    assert (m.interval_start, m.interval_end) == (dt.date(2025, 12, 3), dt.date(2025, 12, 3))
    past = _only("The deal was reached in 10 days.", "10 days", WED)
    assert past.interval_start is None and past.relation is None


def test_end_of_the_month_follows_the_story():
    text = (
        "In mid-October the ministers met in a lakeside town. A summit was planned for the end of the month."
    )
    m = _only(text, "the end of the month", WED)
    assert m.value == "2025-10" and m.anchored
    assert (m.interval_start, m.interval_end) == (dt.date(2025, 10, 21), dt.date(2025, 10, 31))


def test_offsets_after_a_month_anchor_move_its_interval():
    text = "In mid-October the ministers met. Two weeks later, the envoys flew to the capital."
    m = _only(text, "Two weeks later", dt.date(2025, 12, 3))
    assert m.anchored and m.precision == "month"
    assert (m.interval_start, m.interval_end) == (dt.date(2025, 10, 25), dt.date(2025, 11, 3))


def test_day_words_do_not_count_from_a_year():
    text = "A year ago the talks failed; the next day nobody came."
    m = _only(text, "the next day", dt.date(2025, 12, 3))
    assert m.value == "2025-12-04" and not m.anchored


@pytest.mark.parametrize(
    "text,phrase,value,start,end",
    [
        (
            "Talks are set for December 2-3, 2025.",
            "December 2-3, 2025",
            "2025-12-02",
            "2025-12-02",
            "2025-12-03",
        ),
        (
            "Delegates will meet 9–11 January 2026.",
            "9–11 January 2026",
            "2026-01-09",
            "2026-01-09",
            "2026-01-11",
        ),
        ("The 2014-2016 talks failed.", "2014-2016", "2014", "2014-01-01", "2016-12-31"),
        ("The war of 1914-18 reshaped the map.", "1914-18", "1914", "1914-01-01", "1918-12-31"),
    ],
)
def test_ranges_name_their_first_day_and_cover_the_whole_span(text, phrase, value, start, end):
    m = _only(text, phrase, WED)
    assert m.value == value
    assert (m.interval_start, m.interval_end) == (_d(start), _d(end))


def test_names_ending_in_ed_are_not_past_tense():
    m = _only("Ahmed will meet the mediators on Friday.", "Friday", WED)
    assert m.tense == "future" and m.value == "2025-11-21"
