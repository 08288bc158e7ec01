"""Publication-date inference for documents that come without one."""

from __future__ import annotations

import datetime as dt

from parley.time.finder import find_times


def infer_published(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The latest plausible explicit full date in ``text`` (month, day and year all written).

    A photo caption's "November 23, 2025" or a dateline's "2025-11-23" counts; a bare year, a
    month-year or a weekday never does, and dates after ``today`` (default: the system date) are
    not plausible for a text that already exists. Callers should flag the result as inferred.
    """
    today = today or dt.date.today()
    best: dt.date | None = None
    for m in find_times(text, None, anchor_narrative=False):
        if m.type != "DATE" or m.precision != "day" or m.interval_start is None:
            continue
        if m.tense == "future" or m.relation in ("by", "until", "till", "before", "after", "since"):
            continue  # a scheduled or bounding date, not the day of writing
        if m.interval_start != m.interval_end or m.interval_start > today:
            continue
        if best is None or m.interval_start > best:
            best = m.interval_start
    return best
