"""What the rule-based extractors read from a ``Context``: body sentences, time mentions, actor
mentions and evidence spans.

Everything is computed once per document and cached on the context, so that each extractor
pays one linear pass over the text and then cheap look-ups per sentence (``bisect``), never a
scan of the whole document per sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from parley.extract import mentions
from parley.extract.registry import Context
from parley.extract.spans import inside
from parley.models import Actor, DateValue, Evidence

_CACHE = "_parley_patterns_cache"
# Fallback sentence split when no parse is available (tests without a model, NLP turned off).
_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
# Pronouns that stand for the most recent person when a sentence opens with one.
_PERSON_PRONOUNS = {"he", "she"}


@dataclass(frozen=True)
class Sentence:
    """A body sentence (noise trimmed away): ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str
    index: int


# An actor named (or referred to) at ``start:end``: the actor helper's occurrence record.
Mention = mentions.Occurrence


def _cache(ctx: Context) -> dict[str, Any]:
    cache = ctx.__dict__.get(_CACHE)
    if cache is None:
        cache = {}
        ctx.__dict__[_CACHE] = cache
    return cache


# --- sentences ------------------------------------------------------------------------------

def _raw_sentences(ctx: Context) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if ctx.doc is not None:
        text = ctx.text
        for sent in ctx.doc.sents:
            # a sentence never crosses a line break (a headline is not the start of the lede)
            s = sent.start_char
            while True:
                nl = text.find("\n", s, sent.end_char)
                if nl < 0:
                    out.append((s, sent.end_char))
                    break
                out.append((s, nl))
                s = nl + 1
        return out
    pos = 0
    for line in ctx.text.split("\n"):
        s = 0
        for m in _SENT_SPLIT.finditer(line):
            out.append((pos + s, pos + m.start()))
            s = m.end()
        out.append((pos + s, pos + len(line)))
        pos += len(line) + 1
    return out


def _clean_part(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(ctx: Context) -> list[Sentence]:
    """The document's body sentences in order. A sentence that overlaps noise keeps only its
    longest noise-free part, and is dropped when that part is less than half of it: noise is
    never evidence."""
    cache = _cache(ctx)
    if "sentences" in cache:
        return cache["sentences"]
    text = ctx.text
    noise = sorted((n.start, n.end) for n in ctx.document.noise)
    out: list[Sentence] = []
    for s, e in _raw_sentences(ctx):
        s, e = _clean_part(text, s, e)
        if e - s < 3:
            continue
        parts = [(s, e)]
        for ns, ne in noise:
            if ne <= s or ns >= e:
                continue
            nxt = []
            for ps, pe in parts:
                if ne <= ps or ns >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < ns:
                    nxt.append((ps, ns))
                if ne < pe:
                    nxt.append((ne, pe))
            parts = nxt
        if not parts:
            continue
        ps, pe = max(parts, key=lambda p: p[1] - p[0])
        ps, pe = _clean_part(text, ps, pe)
        if pe - ps < max(3, (e - s) // 2):
            continue
        out.append(Sentence(ps, pe, text[ps:pe], len(out)))
    cache["sentences"] = out
    cache["sentence_starts"] = [x.start for x in out]
    return out


def sentence_at(ctx: Context, offset: int) -> Sentence | None:
    """The body sentence that contains ``offset`` (None inside noise or between sentences)."""
    sents = sentences(ctx)
    i = bisect.bisect_right(_cache(ctx)["sentence_starts"], offset) - 1
    if 0 <= i < len(sents) and sents[i].start <= offset < sents[i].end:
        return sents[i]
    return None


# --- evidence -------------------------------------------------------------------------------

def evidence(ctx: Context, start: int, end: int, extractor: str) -> Evidence:
    """Evidence for ``text[start:end]`` with surrounding blanks trimmed."""
    start, end = _clean_part(ctx.text, start, end)
    return Evidence.of(ctx.document.id, ctx.text, start, end, extractor)


def trim(text: str, limit: int = 300) -> str:
    """A one-line summary of at most ``limit`` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


# --- time -----------------------------------------------------------------------------------

def _times(ctx: Context) -> tuple[list[Any], list[int]]:
    cache = _cache(ctx)
    if "times" not in cache:
        times = sorted(ctx.times, key=lambda t: t.start)
        cache["times"] = (times, [t.start for t in times])
    return cache["times"]


def times_in(ctx: Context, start: int, end: int) -> list[Any]:
    """Time mentions that lie inside ``start:end``."""
    times, starts = _times(ctx)
    return inside(times, starts, start, end)


def date_of(mention: Any) -> DateValue | None:
    """The calendar interval of a time mention, or None (durations, sets, unknown years)."""
    try:
        value = mention.to_date_value()
    except (AttributeError, ValueError):
        return None
    if value is not None and not value.start and value.end:
        # "by June": an open interval that ends then; the record keeps the bound it names
        value = DateValue(value.end, value.end, value.precision, value.text)
    return value


def near_reference(ctx: Context, mention: Any, value: DateValue | None) -> DateValue | None:
    """Guard for a month-day without a year ("March 6") resolved more than half a year away from
    the publication date: news dates such days within months of publication, so the year closest
    to it is taken. Dates that spell out their year are left alone."""
    if value is None or not value.start or not ctx.document.published or re.search(r"\d{4}", mention.text):
        return value
    if value.precision not in ("day", "week", "month"):
        return value
    try:
        ref = dt.date.fromisoformat(ctx.document.published)
        s = dt.date.fromisoformat(value.start)
        e = dt.date.fromisoformat(value.end or value.start)
    except ValueError:
        return value
    best = min((-1, 0, 1), key=lambda k: abs((_shift_year(s, k) - ref).days))
    if best == 0 or abs((s - ref).days) <= 200:
        return value
    return DateValue(_shift_year(s, best).isoformat(), _shift_year(e, best).isoformat(), value.precision, value.text)


def _shift_year(d: dt.date, k: int) -> dt.date:
    try:
        return d.replace(year=d.year + k)
    except ValueError:  # 29 February
        return d.replace(year=d.year + k, day=28)


def dates_in(ctx: Context, start: int, end: int) -> list[tuple[Any, DateValue]]:
    """``(mention, date)`` for the time mentions in ``start:end`` that name a calendar interval."""
    out = []
    for t in times_in(ctx, start, end):
        d = near_reference(ctx, t, date_of(t))
        if d is not None and d.start:
            out.append((t, d))
    return out


def nearest_date(ctx: Context, start: int, end: int, pos: int) -> DateValue | None:
    """The calendar date in ``start:end`` closest to ``pos`` (None when there is none)."""
    found = dates_in(ctx, start, end)
    if not found:
        return None
    return min(found, key=lambda td: min(abs(td[0].start - pos), abs(td[0].end - pos)))[1]


def anchor_before(ctx: Context, pos: int, window: int = 1500) -> DateValue | None:
    """The last calendar date given before ``pos`` (at most ``window`` characters back): the
    narrative anchor a reader assumes for an undated sentence."""
    times, starts = _times(ctx)
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and times[i].start >= pos - window:
        d = near_reference(ctx, times[i], date_of(times[i]))
        if d is not None and d.start and times[i].type == "DATE" and not ctx.document.in_noise(times[i].start, times[i].end):
            return d
        i -= 1
    return None


# --- actors ---------------------------------------------------------------------------------

def actors(ctx: Context) -> dict[str, Actor]:
    """The actors found in this document, by id."""
    return {a.id: a for a in ctx.found.get("actors", []) if isinstance(a, Actor)}


def mentions_in(ctx: Context, start: int, end: int) -> list[Mention]:
    """Actor mentions inside ``start:end``, in text order (the actor helper's occurrences)."""
    return mentions.occurrences_in(ctx, start, end)


def last_person_before(ctx: Context, pos: int, window: int = 600) -> str | None:
    """The most recent person actor named before ``pos`` (for a sentence that opens with he/she)."""
    ms = mentions.occurrences(ctx)
    starts = [m.start for m in ms]
    acts = actors(ctx)
    i = bisect.bisect_left(starts, pos) - 1
    while i >= 0 and ms[i].start >= pos - window:
        a = acts.get(ms[i].actor)
        if a is not None and a.type == "person":
            return a.id
        i -= 1
    return None


def unique(ids: list[str]) -> list[str]:
    """``ids`` without repeats, first occurrence kept."""
    seen: set[str] = set()
    return [i for i in ids if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]


def opening_pronoun_actor(ctx: Context, sent: Sentence) -> str | None:
    """The person a sentence's opening he/she refers to (the last person named before it)."""
    first = sent.text.split(" ", 1)[0].lower().strip(",")
    if first not in _PERSON_PRONOUNS:
        return None
    # the subject of the previous sentence (its first person named) is the usual antecedent
    sents = sentences(ctx)
    if sent.index > 0:
        prev = sents[sent.index - 1]
        acts = actors(ctx)
        for m in mentions_in(ctx, prev.start, prev.end):
            a = acts.get(m.actor)
            if a is not None and a.type == "person":
                return a.id
    return last_person_before(ctx, sent.start)
