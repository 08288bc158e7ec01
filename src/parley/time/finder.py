"""``find_times``: run the rule grammar over a text, pick non-overlapping matches, resolve them
in reading order so that the narrative anchor follows the story.

Speed: each rule has trigger words (month names, unit words, digits...); a literal scan finds
them and the rule only runs in a window around each. Results are cached per (text, reference,
anchoring) because the pipeline asks for the same document more than once. About 5 ms per
800-word article on one core (``bench/time.py``).

Overlaps: the longest match wins, then the leftmost, then the earlier rule; a handler may reject
its match ("May" the modal), and a shorter match can then take the place.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import lru_cache

from parley.time import calendar as cal
from parley.time import rules_absolute, rules_relative, rules_span
from parley.time.mention import TimeMention
from parley.time.resolve import Context, Result
from parley.time.tense import tense_cue

# Order matters only between matches of equal span: earlier rules win. No match starts inside a
# word ("Santa days" is not "a days").
RULES = [
    (name, re.compile(r"(?<![A-Za-z0-9])(?:" + pattern.pattern + ")"), handler)
    for name, pattern, handler in rules_absolute.RULES + rules_relative.RULES + rules_span.RULES
]

# Each rule runs only around its own trigger words: a few literal scans of the whole text are
# cheap, the rule grammars (optional prefixes, alternations) are not.
_MONTH_T = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_UNIT_T = r"[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Qq]uarter|[Dd]ecade|[Cc]entur"
_TRIGGERS = {
    "date_mdy": _MONTH_T,
    "date_dmy": _MONTH_T,
    "month": _MONTH_T,
    "date_iso": r"\d-[01]\d-",
    "date_slash": r"\d[/.]\d",
    "year_apostrophe": r"['’]\d\d",
    "year_range": r"\d\d[^\S\n]*[-–][^\S\n]*\d\d",
    "year": r"1[6-9]\d\d|20\d\d|2100",
    "decade": r"0['’]?s\b",
    "century": r"[Cc]entury",
    "season": r"[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter",
    "quarter": r"[Qq]uarter|QUARTER",
    "quarter_q": r"Q[1-4]",
    "half": r"half",
    "holiday": r"Christmas|Easter|Thanksgiving|New Year|Halloween|Valentine|Labou?r Day|Memorial Day"
    r"|Election Day|Victory Day|Inauguration Day|Boxing Day|Armistice Day|Veterans|Remembrance Day|Good Friday",
    "day_word": r"[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|TODAY|YESTERDAY|TOMORROW",
    "part_of_day": r"morning|afternoon|evening|night",
    "present": r"[Nn]ow|NOW|[Cc]urrently|[Pp]resent|[Nn]owadays|these days|[Pp]ast|[Ff]uture|moment",
    "relative_unit": _UNIT_T,
    "the_unit": _UNIT_T,
    "the_day_bare": r"[Dd]ay",
    "the_day": r"[Dd]ay",
    "weekday": r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day",
    "weekend": r"[Ww]eekend",
    "duration": r"second|minute|hour|[Dd]ay|night|[Ww]eek|fortnight|[Mm]onth|[Yy]ear|[Dd]ecade|[Cc]entur",
    "vague_plural": r"(?:minute|hour|day|week|month|year|decade)s\b",
    "set": r"[Ee]very|[Ee]ach|per\b",
    "adverb": r"[Dd]aily|[Nn]ightly|[Ww]eekly|[Mm]onthly|[Yy]early|[Aa]nnual|[Qq]uarterly|[Hh]ourly|[Bb]i",
    "clock_military": r"\d\d\d\d\s*(?:GMT|UTC|Z)",
    "clock": r"\d\s*(?:[ap]\.?\s?m|AM|PM|GMT|UTC|[ECMP][SD]?T|BST|CE|EE|MSK|h|local|Moscow|Kyiv)|\d[:.][0-5]\d",
    "noon": r"noon|midnight|midday",
}
_TRIGGER_RES = {name: re.compile(pattern) for name, pattern in _TRIGGERS.items()}
_BEFORE, _AFTER = 45, 70
_RELATION = re.compile(
    r"(?i)\b(no\s+later\s+than|not\s+later\s+than|by|until|till|through|before|since|within|after|from"
    r"|ahead\s+of|in\s+the\s+run-up\s+to|in)\s+$"
)
_DEADLINE = {"no later than", "not later than", "by", "until", "till", "within"}


def _windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged spans of text around a rule's trigger words, where its matches can start and end."""
    spans: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return spans


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found: dict[tuple[int, int], tuple[int, int, int, re.Match[str]]] = {}
    windows: dict[str, list[tuple[int, int]]] = {}
    for idx, (name, pattern, _handler) in enumerate(RULES):
        trigger = _TRIGGERS[name]
        if trigger not in windows:
            windows[trigger] = _windows(text, _TRIGGER_RES[name])
        for lo, hi in windows[trigger]:
            for m in pattern.finditer(text, lo, hi):
                s, e = m.span()
                # Trim whitespace the optional groups may have left at the edges.
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e <= s:
                    continue
                key = (s, e)
                if key not in found or found[key][2] > idx:
                    found[key] = (s, e, idx, m)
    return list(found.values())


def _interval_from_duration(value: str, ref: dt.date) -> dt.date | None:
    m = re.fullmatch(r"P(\d+)([DWMY])", value)
    if not m:
        return None
    return cal.shift(ref, m.group(2), int(m.group(1)))


def _mention(text: str, s: int, e: int, res: Result, ctx: Context, ref: dt.date | None) -> TimeMention:
    period = res.period
    mention = TimeMention(
        start=s,
        end=e,
        text=text[s:e],
        type=res.type,
        value=res.value,
        interval_start=period.start if period else None,
        interval_end=period.end if period else None,
        precision=period.precision if period else None,
        mod=res.mod,
        anchored=res.anchored,
        offset=res.offset,
    )
    if res.type in ("DATE", "TIME") and not res.value.endswith("_REF"):
        mention.tense = ctx.tense
    rel = _RELATION.search(text, max(0, s - 30), s)
    if rel:
        word = " ".join(rel.group(1).lower().split())
        mention.relation = word
        if word in _DEADLINE and res.type in ("DATE", "TIME"):
            mention.deadline = True
            if mention.interval_end is not None:
                mention.interval_start = None
        elif word == "within" and res.type == "DURATION":
            mention.deadline = True
            if ref is not None:
                end = _interval_from_duration(res.value, ref)
                if end is not None:
                    mention.interval_start, mention.interval_end, mention.precision = None, end, "day"
        elif word == "since" and mention.interval_start is not None:
            mention.interval_end = ref if ref and ref >= mention.interval_start else None
        elif word == "in" and res.type == "DURATION" and ref is not None and ctx.tense == "future":
            # "the summit will take place in two weeks": a day that far from publication
            day = _interval_from_duration(res.value, ref)
            if day is not None:
                mention.interval_start, mention.interval_end, mention.precision = day, day, "day"
                mention.tense = "future"
        elif word == "in":
            mention.relation = None  # "in 2014", "in recent weeks": no bound worth recording
    return mention


def _resolve(text: str, ref: dt.date | None, narrative: bool) -> list[TimeMention]:
    cands = sorted(_candidates(text), key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        s, e, idx, m = c
        if any(occupied[s:e]):
            continue
        # Acceptance is a property of the words, not of the reference: check it once here.
        probe = Context(text, s, e, ref or dt.date(2000, 6, 15), None, narrative, None)
        if RULES[idx][2](m, probe) is None:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    mentions: list[TimeMention] = []
    anchor: cal.Period | None = None
    for s, e, idx, m in taken:
        ctx = Context(text, s, e, ref, anchor, narrative, lambda s=s, e=e: tense_cue(text, s, e))
        res = RULES[idx][2](m, ctx)
        if res is None:
            continue
        mentions.append(_mention(text, s, e, res, ctx, ref))
        if res.type in ("DATE", "TIME") and res.period is not None and res.period.start is not None:
            anchor = res.period
    return mentions


@lru_cache(maxsize=512)
def _cached(text: str, ref: dt.date | None, narrative: bool) -> tuple[TimeMention, ...]:
    return tuple(_resolve(text, ref, narrative))


def find_times(text: str, ref: dt.date | None = None, *, anchor_narrative: bool = True) -> list[TimeMention]:
    """Temporal expressions in ``text``, normalized against the reference date ``ref``.

    ``ref`` is the publication date (or None: then only what the text makes certain is kept, e.g.
    ``XXXX-10-05`` for "October 5", and no year is invented). With ``anchor_narrative``,
    "two weeks later", "the next day" and "that month" count from the last date the text gave.
    Offsets are exact: ``text[m.start:m.end] == m.text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_times needs a str, not {type(text).__name__}")
    if isinstance(ref, dt.datetime):
        ref = ref.date()  # a datetime would not compare with the dates of the calendar
    elif ref is not None and not isinstance(ref, dt.date):
        raise TypeError(f"ref must be a datetime.date or None, not {type(ref).__name__}")
    if not text:
        return []
    return [copy.copy(m) for m in _cached(text, ref, anchor_narrative)]
