"""Rules for expressions relative to the publication day or to the narrative.

"yesterday", "last week", "this summer" count from the reference date; "the next day", "that
month", "the previous year" count from the last date the text gave (the narrative anchor), and
fall back to the reference date when the text gave none.
"""

from __future__ import annotations

import datetime as dt
import re

from parley.time import calendar as cal
from parley.time.lexicon import PART_OF_DAY_RE, PARTS_OF_DAY, WEEKDAY_RE, WEEKDAYS
from parley.time.resolve import Context, Result, choose_weekday, offset_text, unresolved
from parley.time.rules_absolute import PREMOD, _modifier

_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_UNIT = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "year": "Y",
    "quarter": "Q",
    "decade": "DE",
    "century": "CE",
}
_PRECISION = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _period(base: dt.date, unit: str, n: int) -> cal.Period:
    """The period of ``unit`` that is ``n`` units from the one containing ``base``."""
    if unit == "WE":
        return cal.weekend(base + dt.timedelta(weeks=n))
    if unit == "Q":
        q = (base.month - 1) // 3 + n
        y = base.year + q // 4
        return cal.quarter(y, q % 4 + 1)
    if unit == "DE":
        return cal.decade((base.year // 10 + n) * 10)
    if unit == "CE":
        return cal.century(base.year // 100 + 1 + n)
    return cal.period_at(cal.shift(base, unit, n), unit)


def _day_word(m: re.Match[str], ctx: Context) -> Result | None:
    word = " ".join(m.group("word").lower().split())
    pod = m.group("pod")
    if word == "today" and re.match(r"['’]s\b", ctx.after(3)):
        return Result("DATE", "PRESENT_REF")
    if ctx.ref is None:
        return unresolved(
            "day", "TIME" if pod or word == "tonight" else "DATE", offset_text(_DAY_OFFSETS[word], "D")
        )
    date = ctx.ref + dt.timedelta(days=_DAY_OFFSETS[word])
    if word == "tonight":
        return Result("TIME", f"{date.isoformat()}TNI", cal.day(date))
    if pod:
        return Result("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", cal.day(date))
    return Result("DATE", date.isoformat(), cal.day(date))


def _part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    """ "this morning", "last night"."""
    rel = m.group("rel").lower()
    pod = m.group("pod").lower()
    if ctx.ref is None:
        return unresolved("day", "TIME")
    date = ctx.ref - dt.timedelta(days=1) if rel == "last" else ctx.ref
    return Result("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[pod]}", cal.day(date))


def _present(m: re.Match[str], ctx: Context) -> Result | None:
    word = " ".join(m.group(0).lower().split())
    if word in ("the past", "in the past"):
        if re.match(r"\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b", ctx.after(20)):
            return None
        return Result("DATE", "PAST_REF")
    if word in ("the future", "in the future"):
        return Result("DATE", "FUTURE_REF")
    if (
        word == "now"
        and re.search(r"(?i)\b(?:by|until|till|from|since|than)\s+$|\bright\s+$", ctx.before(8)) is None
        and re.match(r"\s+that\b", ctx.after(6))
    ):
        return None  # "now that ..." is a conjunction
    return Result("DATE", "PRESENT_REF")


def _relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    det = " ".join(m.group("det").lower().split())
    unit = _UNIT[m.group("unit").lower()]
    mod = _modifier(m)
    narrative = det in (
        "that",
        "the same",
        "the following",
        "the next",
        "the previous",
        "the prior",
        "the preceding",
        "the day before",
        "the day after",
    )
    if det.startswith("the ") and re.match(r"\s+of\b", ctx.after(5)):
        return None  # "the last day of the truce" names a day of something else
    if det in ("the past", "the last") and unit in ("M", "Y", "DE", "CE"):
        size = {"M": "P1M", "Y": "P1Y", "DE": "P10Y", "CE": "P100Y"}[unit]
        return Result("DURATION", size)
    if (
        det in ("the next", "the coming")
        and unit in ("DE", "CE")
        or (det == "the next" and unit == "Y" and not ctx.narrative)
    ):
        return Result("DURATION", {"DE": "P10Y", "CE": "P100Y", "Y": "P1Y"}[unit])
    offset = {
        "this": 0,
        "the current": 0,
        "that": 0,
        "the same": 0,
        "last": -1,
        "the past": -1,
        "the last": -1,
        "the previous": -1,
        "the prior": -1,
        "the preceding": -1,
        "next": 1,
        "the next": 1,
        "the following": 1,
        "the coming": 1,
        "this coming": 1,
        "this past": -1,
    }[det]
    if narrative:
        base, anchored = ctx.narrative_base(("day",) if unit in ("D", "W", "WE") else None)
    else:
        base, anchored = ctx.ref, False
    if base is None:
        precision = {"D": "day", "W": "week", "WE": "week", "M": "month", "Y": "year", "Q": "season"}.get(
            unit, "year"
        )
        return unresolved(
            precision, offset=offset_text(offset, unit if unit in ("D", "W", "M", "Y") else unit[:1])
        )
    if unit == "WE" and det == "this" and ctx.tense == "past" and base.weekday() < 5:
        offset = -1  # "met this weekend" in a Monday article: the weekend just gone
    period = _period(base, unit, offset)
    narrowed = cal.edge(period, mod) if m.groupdict().get("edge") and mod else cal.narrow(period, mod)
    return Result("DATE", period.value, narrowed, mod, anchored)


def _the_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the end of the month", "earlier in the year": the unit containing the narrative point."""
    unit = _UNIT[m.group("unit").lower()]
    mod = _modifier(m)
    # A careful reader puts "the end of the month" in the month the story is in.
    base, anchored = ctx.narrative_base()
    if (
        anchored
        and ctx.anchor is not None
        and ctx.anchor.precision not in ("day", "week", "month")
        and unit != "Y"
    ):
        base, anchored = ctx.ref, False
    if base is None:
        return unresolved(_PRECISION.get(unit, "year"))
    period = _period(base, unit, 0)
    narrowed = cal.edge(period, mod) if m.groupdict().get("edge") and mod else cal.narrow(period, mod)
    # "peaked by the end of the year" in a March article: the year that has ended.
    step = -1 if not anchored and ctx.tense == "past" and narrowed.start > base else 0
    if step:
        period = _period(base, unit, step)
        narrowed = cal.edge(period, mod) if m.groupdict().get("edge") and mod else cal.narrow(period, mod)
    return Result("DATE", period.value, narrowed, mod, anchored)


def _the_day(m: re.Match[str], ctx: Context) -> Result | None:
    """ "the day before", "the day after", "the same day": the narrative day."""
    word = " ".join(m.group(0).lower().split())
    base, anchored = ctx.narrative_base(("day",))
    if base is None:
        return unresolved("day")
    n = -1 if word.endswith(("before", "earlier")) else 1 if word.endswith(("after", "later")) else 0
    date = base + dt.timedelta(days=n)
    return Result("DATE", date.isoformat(), cal.day(date), None, anchored)


def _weekday(m: re.Match[str], ctx: Context) -> Result | None:
    rel = " ".join((m.group("rel") or "").lower().split()) or None
    rel = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(rel, rel)
    wd = WEEKDAYS[m.group("wd").lower()]
    pod = m.group("pod")
    if m.group("plural"):
        return Result("SET", f"XXXX-WXX-{wd + 1}")
    if ctx.ref is None:
        return unresolved("day", "TIME" if pod else "DATE")
    tense = ctx.tense
    before = ctx.before(12).lower()
    if (
        re.search(r"\b(?:by|until|till)\s+$", before)
        and ctx.firm_tense != "past"
        or (tense is None and re.search(r"\bbefore\s+$", before))
    ):
        tense = "future"  # "closed until Friday": a bound lies ahead unless a past verb says otherwise
    date = choose_weekday(ctx.ref, wd, tense, rel)
    if pod:
        return Result("TIME", f"{date.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", cal.day(date))
    return Result("DATE", date.isoformat(), cal.day(date))


def _weekend(m: re.Match[str], ctx: Context) -> Result | None:
    det = (m.group("det") or "the").lower()
    if ctx.ref is None:
        return unresolved("week")
    ref = ctx.ref
    if det == "last" or (det in ("the", "this") and ctx.tense == "past" and ref.weekday() < 5):
        n = -1
    elif det == "next" or (det == "the" and ref.weekday() >= 5 and ctx.tense == "future"):
        n = 1 if det == "next" else 0
    else:
        n = 0
    p = cal.weekend(ref + dt.timedelta(weeks=n))
    return Result("DATE", p.value, p)


_DET = (
    r"(?P<det>(?i:this\s+coming|this\s+past|this|the\s+current|that|the\s+same|last|the\s+past|the\s+last"
    r"|the\s+previous|the\s+prior|the\s+preceding|next|the\s+next|the\s+following|the\s+coming))"
)

RULES = [
    (
        "day_word",
        re.compile(
            rf"(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow))(?![\w-])(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?"
        ),
        _day_word,
    ),
    (
        "part_of_day",
        re.compile(r"(?P<rel>(?i:this|last))\s+(?P<pod>(?i:morning|afternoon|evening|night))\b"),
        _part_of_day,
    ),
    (
        "present",
        re.compile(
            r"(?i:\bright\s+now|\bnow|\bcurrently|\bat\s+present|\bpresently|\bnowadays|\bthese\s+days|\bto\s+this\s+day"
            r"|\bthe\s+past(?!\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d))|\bthe\s+future|\bat\s+the\s+moment)"
            r"(?![\w-])"
        ),
        _present,
    ),
    (
        "relative_unit",
        re.compile(
            rf"{PREMOD}{_DET}\s+(?:(?i:fiscal|financial|calendar|school|academic)\s+)?(?P<unit>(?i:day|week|weekend|month|year|quarter|decade|century))\b(?!-)"
        ),
        _relative_unit,
    ),
    (
        "the_unit",
        re.compile(
            r"(?:(?P<mod>[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+in\s+|(?P<edge>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+)))(?:(?i:the)\s+)?(?P<unit>(?i:month|year|week))\b"
        ),
        _the_unit,
    ),
    (
        "the_day_bare",
        re.compile(
            r"(?:(?<=\b[Oo]n\s)|(?<=\b[Ff]or\s)|(?<=\b[Dd]uring\s)|(?<=\bin\s)|(?<=\bof\s)|(?<=\bend\s)"
            r"|(?<=\bclose\s)|(?<=\bfinish\s)|(?<=\bended\s)|(?<=\bclosed\s)|(?<=\bfinished\s))(?i:the\s+day)\b"
            r"(?!\s+(?:of|when|that|before|after|in|on|which|who|he|she|they|it|we|the|a|to|and|or)\b|[-'’])"
        ),
        _the_day,
    ),
    (
        "the_day",
        re.compile(r"(?i:the\s+day\s+(?:before|after|earlier|later)|the\s+same\s+day|that\s+same\s+day)\b"),
        _the_day,
    ),
    (
        "weekday",
        re.compile(
            rf"(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|past))\s+)?(?P<wd>{WEEKDAY_RE})(?P<plural>s)?(?![a-z])(?:\s+(?P<pod>{PART_OF_DAY_RE})\b)?"
        ),
        _weekday,
    ),
    ("weekend", re.compile(r"(?:(?P<det>(?i:this|last|next|the))\s+)weekend\b"), _weekend),
]
