"""Calendar arithmetic: month shifts, ISO weeks, seasons, thirds of a period, holidays."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Period:
    """A resolved calendar period: TIMEX3 value, interval (inclusive days) and precision."""

    value: str
    start: dt.date | None
    end: dt.date | None
    precision: str | None


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def month(year: int, m: int) -> Period:
    return Period(f"{year:04d}-{m:02d}", dt.date(year, m, 1), dt.date(year, m, last_day(year, m)), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def iso_week(d: dt.date) -> Period:
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(f"{y:04d}-W{w:02d}", monday, monday + dt.timedelta(days=6), "week")


def weekend(d: dt.date) -> Period:
    y, w, _ = d.isocalendar()
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Period(f"{y:04d}-W{w:02d}-WE", saturday, saturday + dt.timedelta(days=1), "week")


def season(y: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if code == "WI" else y
    return Period(
        f"{y:04d}-{code}", dt.date(y, first, 1), dt.date(end_year, last, last_day(end_year, last)), "season"
    )


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(
        f"{y:04d}-Q{q}", dt.date(y, first, 1), dt.date(y, first + 2, last_day(y, first + 2)), "season"
    )


def half(y: int, h: int) -> Period:
    if h == 1:
        return Period(f"{y:04d}-H1", dt.date(y, 1, 1), dt.date(y, 6, 30), "year")
    return Period(f"{y:04d}-H2", dt.date(y, 7, 1), dt.date(y, 12, 31), "year")


def decade(d: int) -> Period:
    """``d`` is the first year of the decade (1990)."""
    return Period(f"{d // 10:03d}", dt.date(d, 1, 1), dt.date(d + 9, 12, 31), "year")


def century(c: int) -> Period:
    """``c`` is the ordinal century (20 for the twentieth, 1901-2000 by usage 1900-1999)."""
    first = (c - 1) * 100
    return Period(f"{c - 1:02d}", dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "year")


def narrow(p: Period, mod: str | None) -> Period:
    """Thirds of a month or a year for early/mid/late; the value string keeps the whole period."""
    if mod not in ("START", "MID", "END") or p.start is None or p.end is None:
        return p
    if p.precision == "month":
        y, m = p.start.year, p.start.month
        bounds = {"START": (1, 10), "MID": (11, 20), "END": (21, last_day(y, m))}[mod]
        return Period(p.value, dt.date(y, m, bounds[0]), dt.date(y, m, bounds[1]), p.precision)
    if p.precision == "year" and p.start.year == p.end.year:
        y = p.start.year
        first, last = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
        return Period(p.value, dt.date(y, first, 1), dt.date(y, last, last_day(y, last)), p.precision)
    return p


def edge(p: Period, which: str) -> Period:
    """ "The beginning/end of" a month (first/last ten days) or a year (January/December)."""
    if p.start is None or p.end is None:
        return p
    if p.precision == "year" and p.start.year == p.end.year:
        y = p.start.year
        if which == "START":
            return Period(p.value, dt.date(y, 1, 1), dt.date(y, 1, 31), p.precision)
        return Period(p.value, dt.date(y, 12, 1), dt.date(y, 12, 31), p.precision)
    return narrow(p, which)


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (D, W, M, Y), clamping the day of the month."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    months = n if unit == "M" else 12 * n
    y, m = add_months(d.year, d.month, months)
    return dt.date(y, m, min(d.day, last_day(y, m)))


def period_at(d: dt.date, unit: str) -> Period:
    """The period of granularity ``unit`` (D, W, M, Y) containing ``d``."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return iso_week(d)
    if unit == "M":
        return month(d.year, d.month)
    return year(d.year)


# --- holidays -------------------------------------------------------------------------------


def western_easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    mo = (h + l_ - 7 * m + 114) // 31
    da = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(y, mo, da)


def orthodox_easter(y: int) -> dt.date:
    """Orthodox Easter Sunday (Meeus' Julian algorithm), as a Gregorian date."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    mo = (d + e + 114) // 31
    da = (d + e + 114) % 31 + 1
    return dt.date(y, mo, da) + dt.timedelta(days=13)


def nth_weekday(y: int, m: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n = -1 for the last)."""
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, m, last_day(y, m))
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _election_day(y: int) -> dt.date:
    return nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)


# Lower-cased canonical names -> function of the year. Only holidays whose date is fixed by rule.
HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "orthodox christmas": lambda y: dt.date(y, 1, 7),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's": lambda y: dt.date(y, 1, 1),
    "new year": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "easter": western_easter,
    "easter sunday": western_easter,
    "good friday": lambda y: western_easter(y) - dt.timedelta(days=2),
    "orthodox easter": orthodox_easter,
    "victory day": lambda y: dt.date(y, 5, 9),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "election day": _election_day,
    "inauguration day": lambda y: dt.date(y, 1, 20),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "armistice day": lambda y: dt.date(y, 11, 11),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "remembrance day": lambda y: dt.date(y, 11, 11),
}
HOLIDAY_RE = (
    r"(?:Orthodox\s+(?:Easter|Christmas)|Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s?(?:\s+(?:Day|Eve))?"
    r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Good\s+Friday|Victory\s+Day|Halloween"
    r"|Valentine'?s\s+Day|Labou?r\s+Day|Memorial\s+Day|Election\s+Day|Inauguration\s+Day|Boxing\s+Day"
    r"|Armistice\s+Day|Veterans'?\s+Day|Remembrance\s+Day)"
)


def holiday_key(text: str) -> str:
    """Canonical lower-case key of a holiday phrase ("New Year's Eve" -> "new year's eve")."""
    key = (
        " ".join(text.lower().replace("’", "'").split())
        .replace("labour", "labor")
        .replace("veterans'", "veterans")
    )
    if key.startswith("new year") and not key.startswith("new year's"):
        key = key.replace("new years", "new year's")
    if key == "valentines day":
        key = "valentine's day"
    return key
