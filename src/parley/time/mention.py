"""The record a time expression becomes: ``TimeMention``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.models import DateValue

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class TimeMention:
    """A temporal expression found in a text.

    ``start``/``end`` are ``str`` offsets (``text == source[start:end]``); ``value`` is a TIMEX3
    value as in TempEval-3 (``2025-12-02``, ``2025-W49``, ``2025-SU``, ``P2W``, ``PRESENT_REF``,
    ``XXXX-10-05`` when the year is not known). For dates, ``interval_start``/``interval_end`` are
    the first and last calendar day covered, ``precision`` one of ``parley.models.PRECISIONS``.

    ``relation`` is the preposition that bounds the interval ("by", "until", "before", "since",
    "within"); ``deadline`` is true for by/until/within/no later than, and then the interval has an
    open start and ends at the expression's end. ``anchored`` says whether the value was computed
    from the narrative (the last date the text gave) rather than the reference date. ``mod`` is the
    TIMEX3 modifier (START, MID, END, APPROX, LESS_THAN, MORE_THAN). ``offset`` keeps a relative
    offset that could not be resolved for lack of a reference date ("-P3D" for "three days ago").
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    interval_start: dt.date | None = None
    interval_end: dt.date | None = None
    precision: str | None = None
    deadline: bool = False
    tense: str | None = None
    mod: str | None = None
    relation: str | None = None
    anchored: bool = False
    offset: str | None = None

    def to_date_value(self) -> DateValue | None:
        """The interval as the export's ``DateValue``; None when no calendar day is known."""
        if self.interval_start is None and self.interval_end is None:
            return None
        return DateValue(
            start=self.interval_start.isoformat() if self.interval_start else None,
            end=self.interval_end.isoformat() if self.interval_end else None,
            precision=self.precision or "day",
            text=self.text,
        )
