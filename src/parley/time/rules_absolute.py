"""Rules for calendar expressions: dates, months, years, decades, seasons, quarters, holidays.

Each rule is ``(name, regex, handler)``; a handler turns a match into a ``Result`` or rejects it
(returns None) when the words are not a time expression ("May" the modal, "fall" the verb).
"""

from __future__ import annotations

import datetime as dt
import re

from parley.time import calendar as cal
from parley.time.calendar import Period
from parley.time.lexicon import MONTH_RE, MONTHS, SEASON_RE, SEASONS, WEEKDAY_RE, WEEKDAYS
from parley.time.resolve import Context, Result, choose_holiday, choose_year

YEAR = r"(?:1[6-9]\d\d|20\d\d|2100)"
SP = r"[^\S\n]+"  # spaces within a line: a date does not run across a line break
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# early/mid/late and "the end of" style modifiers in front of a period.
PREMOD = (
    r"(?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|[Ee]arlier\s+in|[Ll]ater\s+in)(?:-|\s+)"
    r"|(?P<edge>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn|first\s+days|last\s+days)\s+of\s+)))?"
)
REL = r"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+coming|that))\s+)?"

_MOD = {"early": "START", "mid": "MID", "late": "END"}
_EDGE = {
    "end": "END",
    "close": "END",
    "last days": "END",
    "beginning": "START",
    "start": "START",
    "first days": "START",
    "middle": "MID",
    "turn": "END",
}
# Words after which a capitalized "May" is the month; elsewhere it is usually the modal.
_MAY_BEFORE = re.compile(
    r"(?i)\b(?:in|since|by|until|till|of|from|through|during|before|after|early|mid|late|last|next|this"
    r"|on|and|or|to|between|each|every|end|beginning|start|middle)[\s-]+$"
)
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|(?i:people|troops|soldiers|men|women|children|members|votes|tons|tonnes|km"
    r"|kilomet\w+|miles|met(?:er|re)s|feet|dollars|euros|rubles|pounds|units|cars|jobs|employees|workers"
    r"|points|acres|hectares|barrels|homes|houses|cases|deaths|residents|students|prisoners|delegates"
    r"|pages|words|times|[mb]illion)\b)"
)


def _modifier(m: re.Match[str]) -> str | None:
    if m.groupdict().get("mod"):
        return _MOD.get(" ".join(m.group("mod").lower().split()))
    if m.groupdict().get("edge"):
        words = " ".join(m.group("edge").lower().split())
        for key, mod in _EDGE.items():
            if key in words:
                return mod
    return None


def _apply(period: Period, mod: str | None, m: re.Match[str]) -> Result:
    narrowed = cal.edge(period, mod) if m.groupdict().get("edge") and mod else cal.narrow(period, mod)
    return Result("DATE", period.value, narrowed, mod)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.strip().lstrip("'’")
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if len(text) == 2 else y


def _short_year(m: re.Match[str], ctx: Context) -> Result | None:
    """'82 -> 1982, '19 -> 2019, only after a time preposition ("since '82")."""
    if not re.search(
        r"(?i)\b(?:since|until|before|after|in|of|by|from|to|summer|spring|autumn|fall|winter)\s+$",
        ctx.before(10),
    ):
        return None
    year = _year(m.group("year")) or 0
    return Result("DATE", f"{year:04d}", cal.year(year))


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _full_date(m: re.Match[str], ctx: Context) -> Result | None:
    month = _month_num(m.group("mon"))
    d = int(re.match(r"\d+", m.group("day")).group())
    year = _year(m.group("year"))
    wd = m.group("wd")
    if year is None:
        if ctx.ref is None:
            try:
                dt.date(2000, month, d)
            except ValueError:
                return None
            return Result(
                "DATE", f"XXXX-{month:02d}-{d:02d}", Period(f"XXXX-{month:02d}-{d:02d}", None, None, "day")
            )
        year = choose_year(ctx.ref, month, d, ctx.firm_tense)
    try:
        date = dt.date(year, month, d)
    except ValueError:
        return None
    last = _range_end(m, date)
    if last is not None:
        # "December 2-3": the value names the first day, the interval covers both.
        return Result("DATE", date.isoformat(), Period(date.isoformat(), date, last, "day"))
    if wd and WEEKDAYS[wd.lower()] != date.weekday() and m.group("year") is None and ctx.ref:
        # "Tuesday, March 4": the weekday picks the year when the year is missing.
        for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1):
            try:
                cand = dt.date(y, month, d)
            except ValueError:
                continue
            if cand.weekday() == WEEKDAYS[wd.lower()]:
                date = cand
                break
    return Result("DATE", date.isoformat(), cal.day(date))


def _range_end(m: re.Match[str], first: dt.date) -> dt.date | None:
    """The last day of a "2-3 December" style range, or None for a single day."""
    second = m.groupdict().get("day2")
    if not second:
        return None
    try:
        last = first.replace(day=int(re.match(r"\d+", second).group()))
    except ValueError:
        return None
    return last if last > first else None


def _year_range(m: re.Match[str], ctx: Context) -> Result | None:
    """ "2022-2024", "2014–16": the value names the first year, the interval covers the range."""
    first = int(m.group("year"))
    text2 = m.group("year2")
    last = int(text2) if len(text2) == 4 else first - first % 100 + int(text2)
    if not first < last <= first + 30:
        return None
    if re.search(r"[$€£#]\s*$|\d[,.]?$", ctx.before(3)) or _QUANTITY_AFTER.match(ctx.after(30)):
        return None
    return Result(
        "DATE", f"{first:04d}", Period(f"{first:04d}", dt.date(first, 1, 1), dt.date(last, 12, 31), "year")
    )


def _iso_date(m: re.Match[str], ctx: Context) -> Result | None:
    try:
        date = dt.date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    except ValueError:
        return None
    return Result("DATE", date.isoformat(), cal.day(date))


def _slash_date(m: re.Match[str], ctx: Context) -> Result | None:
    """3/22/2013 (US order) and 22.03.2013 or 22/03/2013 (day first, when the first number
    cannot be a month or the separator is a dot, as in European usage)."""
    first, second = int(m.group("mon")), int(m.group("day"))
    if m.group("sep") == "." or first > 12:
        first, second = second, first
    try:
        date = dt.date(_year(m.group("year")), first, second)
    except ValueError:
        return None
    return Result("DATE", date.isoformat(), cal.day(date))


def _month(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("mon")
    month = _month_num(word)
    year = (
        _year_phrase(m.group("year"), ctx)
        if m.group("year") and m.group("year")[0].isalpha()
        else _year(m.group("year"))
    )
    rel = (m.group("rel") or "").lower()
    mod = _modifier(m)
    bare = year is None and not rel and mod is None
    if bare and word.rstrip(".") in (
        "May",
        "Mar",
        "Jan",
        "Jun",
        "Jul",
        "Aug",
        "Dec",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Feb",
        "Apr",
    ):
        # "May" the modal and "Jun"/"Dec" as names: a month only after a time preposition.
        if not _MAY_BEFORE.search(ctx.before(25)) or (
            word == "May" and re.match(r"\s+(?:be|have|not|also)\b", ctx.after(8))
        ):
            return None
    if (
        word == "March"
        and bare
        and re.match(r"\s+(?:on|to|through|against|for)\b", ctx.after(10))
        and not _MAY_BEFORE.search(ctx.before(25))
    ):
        return None
    if year is None:
        if ctx.ref is None:
            return Result("DATE", f"XXXX-{month:02d}", Period(f"XXXX-{month:02d}", None, None, "month"), mod)
        if rel in ("last", "this past"):
            year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
        elif rel in ("next", "this coming", "the coming"):
            year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
        elif rel == "this":
            year = ctx.ref.year
        elif rel == "that" and ctx.anchor is not None and ctx.anchor.start is not None:
            year = ctx.anchor.start.year
        else:
            tense = ctx.firm_tense
            if mod == "END" and m.groupdict().get("edge") and tense is None:
                tense = "future"  # "by the end of March" looks ahead
            year = choose_year(ctx.ref, month, None, tense)
    return _apply(cal.month(year, month), mod, m)


def _year_rule(m: re.Match[str], ctx: Context) -> Result | None:
    before = ctx.before(12)
    if re.search(
        r"[$€£#]\s*$|\d[,.]?$|(?i:no\.|number|route|flight|article|resolution|chapter|section)\s*$", before
    ):
        return None
    if re.match(r"[,.]\d|\d", ctx.after(2)) or _QUANTITY_AFTER.match(ctx.after(30)):
        return None
    if re.match(
        r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|Square|Place)\b",
        ctx.after(40),
    ):
        return None  # a street number: "1600 Pennsylvania Avenue"
    return _apply(cal.year(int(m.group("year"))), _modifier(m), m)


def _decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m.group("dec"):
        start = int(m.group("dec"))
    else:
        two = int(m.group("dd"))
        start = (1900 if two >= 30 else 2000) + two
    return _apply(cal.decade(start), _modifier(m), m)


_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "eighteenth": 18}


def _century(m: re.Match[str], ctx: Context) -> Result | None:
    c = m.group("c")
    n = int(c) if c.isdigit() else _CENTURY_WORDS[c.lower()]
    return _apply(cal.century(n), _modifier(m), m)


def _season(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("season")
    code = SEASONS[word.lower()]
    year = _year(m.group("year"))
    rel = (m.group("rel") or "").lower()
    mod = _modifier(m)
    before = ctx.before(25)
    if year is None and not rel and mod is None:
        if (
            word[0].isupper()
            and re.search(r"[A-Z][a-z]+\s+$", before)
            and not re.search(r"(?:^|[.!?]\s+)\S+\s+$", before)
        ):
            return None  # "Arab Spring", "Prague Spring"
        if code == "FA" or not re.search(
            r"(?i)\b(?:in|during|by|until|since|through|over|this|each|every)\s+$", before
        ):
            return None
    if (
        rel == "the"
        and year is None
        and not re.search(r"(?i)\b(?:in|during|by|until|since|through|over|of)\s+$", before)
    ):
        return None
    if rel == "the" and code == "FA" and year is None and re.match(r"\s+of\b", ctx.after(5)):
        return None  # "the fall of the city"
    if year is None:
        if ctx.ref is None:
            return Result("DATE", f"XXXX-{code}", Period(f"XXXX-{code}", None, None, "season"), mod)
        ref_code_year = ctx.ref.year if ctx.ref.month >= 3 else ctx.ref.year - 1
        this_year = ref_code_year if code != "WI" or ctx.ref.month in (1, 2, 12) else ctx.ref.year
        if code == "WI" and ctx.ref.month == 12:
            this_year = ctx.ref.year
        this = cal.season(this_year, code)
        tense = ctx.firm_tense
        if rel in ("last", "this past"):
            year = this_year if this.end < ctx.ref else this_year - 1
        elif rel in ("next", "this coming", "the coming"):
            year = this_year if this.start > ctx.ref else this_year + 1
        elif rel == "this":
            year = this_year
        elif tense == "past":
            year = this_year if this.start <= ctx.ref else this_year - 1
        elif tense == "future":
            year = this_year if this.end >= ctx.ref else this_year + 1
        else:
            year = this_year
    return _apply(cal.season(year, code), mod, m)


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _year_phrase(text: str | None, ctx: Context) -> int | None:
    if not text:
        return ctx.ref.year if ctx.ref else None
    t = " ".join(text.lower().split())
    if t[0].isdigit():
        return int(t)
    if ctx.ref is None:
        return None
    return ctx.ref.year + {"last year": -1, "next year": 1}.get(t, 0)


def _quarter(m: re.Match[str], ctx: Context) -> Result | None:
    q = int(m.group("q")) if m.groupdict().get("q") else _ORD[m.group("ord").lower()]
    if m.group("year") is None and ctx.ref is not None:
        # Quarters without a year: the one ahead in future clauses, else the latest begun.
        options = [cal.quarter(y, q) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
        if ctx.firm_tense == "future":
            chosen = next(p for p in options if p.end >= ctx.ref)
        else:
            chosen = [p for p in options if p.start <= ctx.ref][-1]
        return Result("DATE", chosen.value, chosen)
    year = _year_phrase(m.group("year"), ctx)
    if year is None:
        return Result("DATE", f"XXXX-Q{q}", Period(f"XXXX-Q{q}", None, None, "season"))
    return Result("DATE", cal.quarter(year, q).value, cal.quarter(year, q))


def _half(m: re.Match[str], ctx: Context) -> Result | None:
    h = 1 if m.group("ord").lower() == "first" else 2
    year = _year_phrase(m.group("year"), ctx)
    if year is None:
        return Result("DATE", f"XXXX-H{h}", Period(f"XXXX-H{h}", None, None, "year"))
    return Result("DATE", cal.half(year, h).value, cal.half(year, h))


def _holiday(m: re.Match[str], ctx: Context) -> Result | None:
    fn = cal.HOLIDAYS.get(cal.holiday_key(m.group("hol")))
    if fn is None:
        return None
    if re.match(
        r"\s+(?:Island|Rising|Offensive|[Tt]ruce|[Mm]essage|[Aa]ddress)\b", ctx.after(12)
    ) and m.group("hol").startswith(("Easter", "Christmas")):
        return None
    year = _year(m.group("year"))
    rel = (m.group("rel") or "").lower() or None
    if year is not None:
        date = fn(year)
    elif ctx.ref is None:
        # Fixed-date holidays keep their month and day; movable feasts keep nothing.
        a, b = fn(2001), fn(2002)
        value = f"XXXX-{a.month:02d}-{a.day:02d}" if (a.month, a.day) == (b.month, b.day) else "XXXX-XX-XX"
        return Result("DATE", value, Period(value, None, None, "day"))
    else:
        date = choose_holiday(ctx.ref, fn, ctx.firm_tense, rel)
    return Result("DATE", date.isoformat(), cal.day(date))


RULES = [
    (
        "date_mdy",
        re.compile(
            rf"(?:(?P<wd>{WEEKDAY_RE}),?{SP})?(?P<mon>{MONTH_RE}){SP}(?P<day>{DAYNUM})"
            rf"(?:[^\S\n]*[-–][^\S\n]*(?P<day2>{DAYNUM}))?(?![\d:])(?:,?{SP}(?P<year>{YEAR}))?(?!\d)"
        ),
        _full_date,
    ),
    (
        "date_dmy",
        re.compile(
            rf"(?:(?P<wd>{WEEKDAY_RE}),?{SP})?(?:the{SP})?(?<![\d.,$])(?P<day>{DAYNUM})"
            rf"(?:[^\S\n]*[-–][^\S\n]*(?P<day2>{DAYNUM}))?(?:{SP}of)?{SP}(?P<mon>{MONTH_RE})(?:,?{SP}(?P<year>{YEAR}))?(?!\d)"
        ),
        _full_date,
    ),
    (
        "date_iso",
        re.compile(rf"(?<![\d-])(?P<year>{YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)"),
        _iso_date,
    ),
    (
        "date_slash",
        re.compile(
            rf"(?<![\d/.])(?P<mon>[0-3]?\d)(?P<sep>[/.])(?P<day>[0-3]?\d)(?P=sep)(?P<year>{YEAR}|(?<=/\d/)\d\d|(?<=/\d\d/)\d\d)(?![\w/]|\.\d)"
        ),
        _slash_date,
    ),
    ("year_apostrophe", re.compile(r"['’](?P<year>\d\d)\b(?!['’]?s)"), _short_year),
    (
        "year_range",
        re.compile(rf"(?<![\d.,$])(?P<year>{YEAR})[^\S\n]*[-–][^\S\n]*(?P<year2>{YEAR}|\d\d)(?![\d%-])"),
        _year_range,
    ),
    (
        "month",
        re.compile(
            rf"{PREMOD}{REL}(?P<mon>{MONTH_RE})(?![a-z])(?:,?{SP}(?:of{SP})?(?P<year>{YEAR}|['’]\d\d|(?i:next|last|this){SP}year)(?!\d))?"
        ),
        _month,
    ),
    (
        "year",
        re.compile(rf"{PREMOD}(?:(?i:the\s+year)\s+)?(?<![\d.,$])(?P<year>{YEAR})(?![\d%])"),
        _year_rule,
    ),
    (
        "decade",
        re.compile(rf"{PREMOD}(?:(?i:the)\s+)?(?:(?P<dec>(?:1[6-9]|20)\d0)|['’](?P<dd>\d0))['’]?s\b"),
        _decade,
    ),
    (
        "century",
        re.compile(
            rf"{PREMOD}(?:(?i:the)\s+)?(?P<c>\d{{1,2}}(?=st|nd|rd|th)|(?i:nineteenth|twentieth|twenty[- ]first|eighteenth))(?:st|nd|rd|th)?[\s-]+[Cc]entury"
        ),
        _century,
    ),
    (
        "season",
        re.compile(
            rf"{PREMOD}(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+coming|the|that))\s+)?(?P<season>{SEASON_RE})\b(?:,?\s+(?:of\s+)?(?P<year>{YEAR})(?!\d))?"
        ),
        _season,
    ),
    (
        "quarter",
        re.compile(
            rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?i:quarter)(?:\s+of\s+(?P<year>{YEAR}|(?i:this|last|next|the)\s+year))?"
        ),
        _quarter,
    ),
    ("quarter_q", re.compile(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{YEAR}))?\b"), _quarter),
    (
        "half",
        re.compile(
            rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second))\s+half\s+of\s+(?P<year>{YEAR}|(?i:this|last|next|the)\s+year)"
        ),
        _half,
    ),
    (
        "holiday",
        re.compile(
            rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{cal.HOLIDAY_RE})(?![A-Za-z])(?:,?\s+(?P<year>{YEAR})(?!\d))?"
        ),
        _holiday,
    ),
]
