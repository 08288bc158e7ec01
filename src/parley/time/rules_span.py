"""Rules for durations ("two weeks", "the past five years"), offsets ("three days ago",
"two weeks later"), sets ("every week", "annually") and clock times ("8 p.m.", "15:00 GMT")."""

from __future__ import annotations

import re

from parley.time import calendar as cal
from parley.time.lexicon import (
    NUMBER_WORD_RE,
    UNIT_RE,
    UNITS,
    VAGUE_NUMBERS,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    parse_number,
    unit_key,
)
from parley.time.resolve import Context, Result, choose_weekday, offset_text, unresolved

_NUM = rf"(?:\d+(?:\.\d+)?|(?i:{NUMBER_WORD_RE})|(?i:a|an)|(?i:{VAGUE_RE}))"
_APPROX = (
    r"(?P<approx>(?i:about|almost|nearly|around|roughly|approximately|some|more\s+than|less\s+than"
    r"|fewer\s+than|at\s+least|over|up\s+to|just|only|a\s+mere|a\s+full|another|an\s+additional"
    r"|a\s+further|the\s+first|the\s+last|the\s+next|the\s+past|the\s+previous|the\s+coming|the\s+final"
    r"|the(?=\s+[^\s-]+\s))\s+)?"
)
_OFFSET = (
    r"(?P<dir>\s+(?i:ago|later|earlier|afterwards?|from\s+now|hence"
    r"|(?:before|after|prior)(?=\s*(?:[,.;:)]|$)))(?!\s+than\b))?"
)
_APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "almost": "LESS_THAN",
    "nearly": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "up to": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "MORE_THAN",
}


def _size(n: float | None, unit: str) -> str:
    letter, mult, is_time = UNITS[unit]
    if n is None:
        amount = "X"
    else:
        total = n * mult
        amount = str(int(total)) if total == int(total) else f"{total:g}"
    if unit == "decade" and n is None:
        letter, amount = "DE", "X"
    if unit in ("century", "centurie") and n is None:
        letter, amount = "CE", "X"
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _duration(m: re.Match[str], ctx: Context) -> Result | None:
    num_word = m.group("num")
    unit = unit_key(m.group("unit"))
    if unit not in UNITS:
        return None
    low = num_word.lower()
    after = ctx.after(12)
    if unit == "second" and not num_word[0].isdigit() and not m.group("unit").lower().endswith("s"):
        return None  # "a second round", "one second"-style ordinals
    if m.group("old") or re.match(r"\s*-?\s*old\b", after):
        return None  # ages: "a 50-year-old man"
    if low in ("a", "an") and re.search(r"(?i)\b(?:once|twice|times|per)\s+$", ctx.before(10)):
        return Result("SET", _size(1, unit))
    if (
        low in ("a", "an")
        and not m.group("dir")
        and re.search(r"(?:[$€£]\s?\d[\d,.]*\d|\d[\d,]*(?:\.\d+)?)(?:\s+[a-z]+)?\s+$", ctx.before(25))
    ):
        return Result("SET", _size(1, unit))  # "$5 a day", "300 flights a week"
    n = parse_number(num_word)
    if n is None and " ".join(low.split()) not in VAGUE_NUMBERS:
        return None
    approx = " ".join((m.group("approx") or "").lower().split())
    mod = _APPROX_MOD.get(approx)
    direction = " ".join((m.group("dir") or "").lower().split())
    key = {"D": "D", "W": "W", "M": "M", "Y": "Y"}.get(UNITS[unit][0]) if not UNITS[unit][2] else None
    if direction and key:
        steps = (n or 0) * UNITS[unit][1]
        if n is None:
            return Result(
                "DATE",
                "PAST_REF"
                if direction == "ago"
                else "FUTURE_REF"
                if direction in ("from now", "hence")
                else "XXXX-XX-XX",
            )
        if steps != int(steps):
            steps, key = steps * (12 if key == "Y" else 1), ("M" if key == "Y" else key)
        sign = -1 if direction in ("ago", "earlier", "before", "prior") else 1
        if direction in ("ago", "from now", "hence"):
            base, anchored = ctx.ref, False
        else:
            base, anchored = ctx.narrative_base(("day", "week", "month") if key in ("D", "W") else None)
        granularity = "D" if key in ("D", "W") else key
        if base is None:
            return unresolved(
                {"D": "day", "M": "month", "Y": "year"}[granularity],
                offset=offset_text(sign * int(steps), key),
            )
        date = cal.shift(base, key, sign * int(steps))
        anchor = ctx.anchor
        if (
            anchored
            and anchor is not None
            and anchor.end is not None
            and anchor.precision in ("week", "month")
        ):
            # "In mid-October ... two weeks later": the anchor's interval moved by the offset.
            delta = date - base
            label = cal.period_at(date, "W" if anchor.precision == "week" else "M")
            period = cal.Period(label.value, anchor.start + delta, anchor.end + delta, label.precision)
        else:
            period = cal.period_at(date, granularity)
        return Result("DATE", period.value, period, "APPROX" if mod == "APPROX" else None, anchored)
    if direction in ("ago",) and UNITS[unit][2]:
        if ctx.ref is None:
            return unresolved("day", "TIME")
        return Result("TIME", ctx.ref.isoformat(), cal.day(ctx.ref))
    return Result("DURATION", _size(n, unit), None, mod)


def _vague_plural(m: re.Match[str], ctx: Context) -> Result | None:
    """ "for years", "in recent weeks", "the coming days": an unspecified number of units."""
    unit = unit_key(m.group("unit"))
    return Result("DURATION", _size(None, unit))


_SET_UNIT = {
    "day": "P1D",
    "night": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "quarter": "P3M",
    "hour": "PT1H",
    "minute": "PT1M",
    "decade": "P10Y",
    "weekend": "XXXX-WXX-WE",
    "morning": "XXXX-XX-XXTMO",
    "afternoon": "XXXX-XX-XXTAF",
    "evening": "XXXX-XX-XXTEV",
    "season": "P1S",
    "summer": "XXXX-SU",
    "winter": "XXXX-WI",
    "spring": "XXXX-SP",
    "autumn": "XXXX-FA",
}
_ADVERB = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "biweekly": "P2W",
    "biannually": "P6M",
    "annual": "P1Y",
}


def _set(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group("unit")
    if word[0].isupper() and word.lower() in WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[word.lower()] + 1}")
    value = _SET_UNIT.get(word.lower())
    if value is None:
        return None
    every = m.group("every")
    if every and value.startswith("P") and value[1].isdigit():
        n = {"other": 2, "two": 2, "three": 3, "four": 4, "six": 6}.get(every.lower()) or int(every)
        value = value[:-2] + str(n) + value[-1] if not value.startswith("PT") else f"PT{n}{value[-1]}"
    return Result("SET", value)


def _adverb(m: re.Match[str], ctx: Context) -> Result | None:
    word = m.group(0).lower()
    if word in ("daily", "weekly", "monthly") and re.match(
        r"\s+(?:[A-Z][a-z]+|newspaper|paper|magazine|briefing|show|podcast)\b", ctx.after(20)
    ):
        return None  # "the Daily Telegraph", "a weekly newspaper": a name or an adjective
    return Result("SET", _ADVERB[word])


def _clock(m: re.Match[str], ctx: Context) -> Result | None:
    h = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    if h > 23 or (not ampm and not m.group("tz")):
        return None
    hhmm = f"{h:02d}:{minute:02d}"
    wd = m.group("wd")
    date = None
    if ctx.ref is not None:
        date = choose_weekday(ctx.ref, WEEKDAYS[wd.lower()], ctx.tense, None) if wd else ctx.ref
    if date is None:
        return Result("TIME", f"XXXX-XX-XXT{hhmm}", cal.Period(f"XXXX-XX-XXT{hhmm}", None, None, "day"))
    return Result("TIME", f"{date.isoformat()}T{hhmm}", cal.day(date))


def _noon(m: re.Match[str], ctx: Context) -> Result | None:
    hhmm = "12:00" if m.group(0).lower().endswith("noon") or "day" in m.group(0).lower() else "24:00"
    if ctx.ref is None:
        return Result("TIME", f"XXXX-XX-XXT{hhmm}", cal.Period("XXXX-XX-XX", None, None, "day"))
    return Result("TIME", f"{ctx.ref.isoformat()}T{hhmm}", cal.day(ctx.ref))


_TZ = r"(?:GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|MSK|(?i:local\s+time|Moscow\s+time|Kyiv\s+time))"
_AMPM = r"(?:[ap]\.\s?m\.|[ap]m\b|AM\b|PM\b|a\.m\b|p\.m\b)"

RULES = [
    (
        "duration",
        re.compile(
            rf"{_APPROX}(?<![\d.,$€£])(?P<num>{_NUM})(?:\s+|-)(?:(?i:trading|business|working|straight|consecutive|successive|full|long|calendar)[\s-]+)?(?P<unit>(?i:{UNIT_RE}))(?![a-z])(?P<old>-(?:old|olds))?"
            rf"(?:-long)?{_OFFSET}"
        ),
        _duration,
    ),
    (
        "vague_plural",
        re.compile(
            r"(?:(?<=\b[Ff]or\s)|(?<=\b[Ii]n\s)|(?<=\b[Oo]ver\s)|(?<=\b[Ww]ithin\s)|(?<=\b[Ll]asted\s)|(?<=\b[Tt]ake\s)|(?<=\b[Tt]ook\s)"
            r"|(?i:(?:the\s+)?(?:recent|coming|past|last|next|following|preceding)\s+))(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades))\b"
        ),
        _vague_plural,
    ),
    (
        "set",
        re.compile(
            rf"(?i:every|each|per)\s+(?:(?P<every>(?i:other|two|three|four|six|\d+))\s+)?(?P<unit>(?i:days?|weeks?|months?|years?|quarters?|hours?|minutes?|decades?|weekends?|mornings?|afternoons?|evenings?|nights?|seasons?|summer|winter|spring|autumn)|{WEEKDAY_RE})\b"
        ),
        _set,
    ),
    (
        "adverb",
        re.compile(
            r"\b(?i:daily|nightly|weekly|monthly|yearly|annually|annual|quarterly|hourly|biweekly|biannually)\b"
        ),
        _adverb,
    ),
    (
        "clock_military",
        re.compile(
            rf"(?<![\d:.$,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<ampm>)\s*(?P<tz>GMT|UTC|Z\b)(?:\s*(?:on\s+)?(?P<wd>{WEEKDAY_RE}))?"
        ),
        _clock,
    ),
    (
        "clock",
        re.compile(
            rf"(?<![\d:.$])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?:(?P<ampm>{_AMPM})|(?=\s*{_TZ}|\s*h(?:ou)?rs?\b))"
            rf"(?:\s*(?:\(\s*)?(?P<tz>{_TZ})\)?)?(?:\s*(?:on\s+)?(?P<wd>{WEEKDAY_RE}))?"
        ),
        _clock,
    ),
    ("noon", re.compile(r"\b(?i:noon|midnight|midday)\b"), _noon),
]
