"""Resolution context and the choices a careful reader makes: which year, which weekday.

Rule handlers (``rules_*.py``) get a ``Context`` and return a ``Result``. The context carries the
reference date (publication day), the tense of the clause, and the narrative anchor (the last
date the text established), so that "two weeks later" or "that month" follow the story.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from parley.time import calendar as cal
from parley.time.calendar import Period


@dataclass
class Result:
    """What a rule made of its match; ``period`` is None for durations, sets and ``*_REF``."""

    type: str
    value: str
    period: Period | None = None
    mod: str | None = None
    anchored: bool = False
    offset: str | None = None  # unresolved relative offset ("-P3D"), kept when no date to count from


@dataclass
class Context:
    """What a handler may read: the whole text, the match position, the reference and anchor."""

    text: str
    start: int
    end: int
    ref: dt.date | None
    anchor: Period | None = None
    narrative: bool = True
    _tense: Callable[[], tuple[str | None, bool]] | None = field(default=None, repr=False)
    _tense_value: tuple[str | None, bool] = field(default=(None, False), repr=False)
    _tense_done: bool = field(default=False, repr=False)

    def _cue(self) -> tuple[str | None, bool]:
        if not self._tense_done:
            self._tense_value = self._tense() if self._tense else (None, False)
            self._tense_done = True
        return self._tense_value

    @property
    def tense(self) -> str | None:
        """ "past", "future" or None, from the nearest cue in the clause."""
        return self._cue()[0]

    @property
    def firm_tense(self) -> str | None:
        """The tense only when a verb form says it: an infinitive alone ("told them to sign by
        Thanksgiving") is not enough to move a month or a holiday a year away."""
        label, strong = self._cue()
        return label if strong else None

    def before(self, n: int = 30) -> str:
        """Up to ``n`` characters of text before the match."""
        return self.text[max(0, self.start - n) : self.start]

    def after(self, n: int = 30) -> str:
        return self.text[self.end : self.end + n]

    def narrative_base(self, accept: tuple[str, ...] | None = None) -> tuple[dt.date | None, bool]:
        """The date a narrative expression counts from: the anchor if any, else the reference.

        ``accept`` lists the anchor precisions the expression can count from: "the next day"
        needs a day ("a year ago ... the next day" does not mean January 2nd), "two weeks later"
        can follow a month ("in mid-October ... two weeks later": early November).
        """
        if self.narrative and self.anchor is not None and self.anchor.start is not None:
            if accept is None or self.anchor.precision in accept:
                return self.anchor.start, True
        return self.ref, False


GRANULARITY = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "season": "XXXX-XX",
    "year": "XXXX",
}


def unresolved(precision: str, type_: str = "DATE", offset: str | None = None) -> Result:
    """A relative expression with no date to count from: keep the granularity and the offset
    ("-P3D" for "three days ago"), invent nothing."""
    value = GRANULARITY.get(precision, "XXXX-XX-XX")
    return Result(type_, value, Period(value, None, None, precision), offset=offset)


def offset_text(n: int, unit: str) -> str | None:
    """A signed TIMEX3-style offset: ``-P3D``, ``+P1W``; None for zero ("this week")."""
    if n == 0:
        return None
    return f"{'-' if n < 0 else '+'}P{abs(n)}{unit}"


def choose_year(ref: dt.date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) given without one: nearest to ``ref``, past-first in past clauses.

    Past tense: the latest occurrence on or before the reference. Future: the earliest on or after.
    No cue: the nearest occurrence, the past winning ties (news mostly reports what happened).
    """
    candidates = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is None:
            first, last = dt.date(y, month, 1), dt.date(y, month, cal.last_day(y, month))
        else:
            try:
                first = last = dt.date(y, month, day)
            except ValueError:
                continue
        candidates.append((y, first, last))
    if not candidates:
        return ref.year
    if tense == "past":
        past = [c for c in candidates if c[1] <= ref]
        if past:
            return past[-1][0]
    if tense == "future":
        future = [c for c in candidates if c[2] >= ref]
        if future:
            return future[0][0]

    def distance(c: tuple[int, dt.date, dt.date]) -> tuple[int, int]:
        if c[1] <= ref <= c[2]:
            return (0, 0)
        gap = (ref - c[2]).days if c[2] < ref else (c[1] - ref).days
        return (gap, 0 if c[2] < ref else 1)

    return min(candidates, key=distance)[0]


def choose_holiday(ref: dt.date, fn: Callable[[int], dt.date], tense: str | None, rel: str | None) -> dt.date:
    """The occurrence of a holiday meant: "last"/"next" are explicit, else by tense, else nearest."""
    days = [fn(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "last" or (rel is None and tense == "past"):
        past = [d for d in days if d <= ref]
        return past[-1]
    if rel == "next" or (rel is None and tense == "future"):
        return next(d for d in days if d >= ref)
    if rel == "this":
        return days[1]
    return min(days, key=lambda d: (abs((d - ref).days), d > ref))


def choose_weekday(ref: dt.date, weekday: int, tense: str | None, rel: str | None) -> dt.date:
    """The date of a weekday named in a text published on ``ref``.

    "met on Tuesday" in a Wednesday article is the day before; "will meet on Monday" is ahead;
    the publication weekday itself is the publication day. "last"/"next" skip the reference day;
    "this" stays in the reference week. With no cue, the past wins: news reports what happened.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if rel == "last":
        return ref - dt.timedelta(days=back or 7)
    if rel == "next":
        return ref + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return ref + dt.timedelta(days=weekday - ref.weekday())
    if tense == "future":
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)
