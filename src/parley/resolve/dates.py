"""Export dates (``{"start", "end", "precision", "text"}``) as calendar intervals, and the
comparisons the resolvers need: compatible (could be the same day), more precise, earlier."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}


def _iso(s: str, first: bool) -> date:
    parts = [int(x) for x in str(s)[:10].split("-") if x.isdigit()]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, 1) if first else date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 1, 1) if first else date(parts[0], 12, 31)


def interval(d: Any) -> tuple[date, date] | None:
    """A date value (dict, ISO string or None) as an inclusive interval of days, or None."""
    if not d:
        return None
    try:
        if isinstance(d, str):
            s = e = d
        else:
            s, e = d.get("start"), d.get("end") or d.get("start")
    except AttributeError:
        return None
    if not s or not isinstance(s, str) or not isinstance(e, str):
        return None
    return _interval(s, e)


@lru_cache(maxsize=65536)
def _interval(s: str, e: str) -> tuple[date, date] | None:
    try:
        a, b = _iso(s, True), _iso(e, False)
    except (ValueError, TypeError, IndexError):
        return None
    return (a, b) if a <= b else (b, a)


def precision(d: Any) -> int:
    """Rank of a date's precision: 0 for a day ... 4 for a year, 9 for no date."""
    if not interval(d):
        return 9
    return PRECISION_RANK.get((d.get("precision") if isinstance(d, dict) else "day") or "day", 4)


def compatible(a: Any, b: Any, *, slack_days: int | None = None) -> bool:
    """Could two dates name the same occasion? Intervals overlap, allowing a day between two
    single days ("on Tuesday" resolved one day off by a late-night dateline) and three days at
    the edge of a week or month ("in March" for an event of 28 February is a conflict to keep,
    not a different event). ``slack_days`` overrides."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    if slack_days is None:
        coarse = max(precision(a), precision(b))
        slack_days = 1 if coarse == 0 else 3 if coarse <= 2 else 0
    slack = timedelta(days=slack_days)
    return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack


def same_value(a: Any, b: Any) -> bool:
    ia, ib = interval(a), interval(b)
    return ia == ib


def start_key(d: Any) -> str | None:
    """The ISO start day of a date, for sorting (``None`` when undated)."""
    i = interval(d)
    return i[0].isoformat() if i else None


def days_between(a: Any, b: Any) -> int | None:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0


def label(d: Any) -> str:
    """A short human form: ``2026-03-03``, ``2026-03-03 – 2026-03-05``, ``March 2026`` ... or ``undated``."""
    i = interval(d)
    if i is None:
        return "undated"
    prec = (d.get("precision") if isinstance(d, dict) else "day") or "day"
    if prec == "month":
        return i[0].strftime("%B %Y")
    if prec == "year":
        return str(i[0].year)
    if i[0] == i[1]:
        return i[0].isoformat()
    return f"{i[0].isoformat()} – {i[1].isoformat()}"
