"""Deadlines: "sign on by Thanksgiving", "until Friday", "within 50 days", "a deadline of
March 6", "an ultimatum": who set it, for whom, what, when it falls due and what became of it.

A bounded date (the time module marks by/until/within/no later than) becomes a deadline when
the sentence also says that someone imposes it (a deadline noun, or an imposing verb together
with an action such as sign, respond, release, withdraw). The setter is the first actor named
before the date; the addressee the actor after "gave/told/ordered/urged".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from parley.extract.patterns import context as pc
from parley.extract.patterns import deadlines as pd
from parley.extract.registry import Context, extractor
from parley.models import DateValue, Deadline, Record, stable_id

NAME = "deadlines.rules.v1"


def _due(mention: Any) -> DateValue | None:
    """The day (or interval) a deadline falls due: a bounded interval's end, as a closed interval."""
    end = getattr(mention, "interval_end", None)
    start = getattr(mention, "interval_start", None)
    if end is None and start is None:
        return None
    if getattr(mention, "deadline", False) or start is None:
        # "by Friday": due on Friday; "within ten days": due on the tenth day; "by late March":
        # due in the last third of March; "by the end of the month": in its last days
        prec = mention.precision or "day"
        if end is None:
            return DateValue(start.isoformat(), start.isoformat(), prec, mention.text)
        if prec == "day":
            return DateValue(end.isoformat(), end.isoformat(), "day", mention.text)
        span = {"week": 6, "month": 10 if re.search(r"\b(?:late|end)\b", mention.text, re.I) else end.day - 1,
                "season": 30, "year": 60}.get(prec, 0)
        return DateValue((end - dt.timedelta(days=span)).isoformat(), end.isoformat(), prec, mention.text)
    return DateValue(start.isoformat(), (end or start).isoformat(), mention.precision or "day", mention.text)


_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|"
                    r"Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_LOOKS_BACK = re.compile(r"\b(?:had (?:passed|expired|lapsed)|passed|expired|missed|lapsed|came and went|ago)\b", re.I)


def _forward_weekday(due: DateValue | None, mention: Any, published: str | None, sentence: str) -> DateValue | None:
    """A deadline set "until Sunday" falls on the coming Sunday: a weekday resolved to a day
    before publication moves a week on, unless the sentence looks back on it ("had given")."""
    if due is None or not published or not due.end or due.end >= published:
        return due
    if not _WEEKDAY.search(mention.text) or _MONTH.search(mention.text) or _LOOKS_BACK.search(sentence):
        return due
    shifted = (dt.date.fromisoformat(due.end) + dt.timedelta(days=7)).isoformat()
    return DateValue(shifted, shifted, due.precision, due.text)


def _status(text: str, due: DateValue | None, published: str | None) -> str:
    for status, cue in pd.STATUS_CUES:
        if cue.search(text):
            return status
    if due is not None and published and due.end:
        return "pending" if due.end >= published else "unknown"
    return "unknown"


def _what(sent: pc.Sentence, at: int) -> str:
    """The action asked for: the clause around the first action verb before the date."""
    before = sent.text[:at]
    acts = list(pd.ACTION.finditer(before))
    after = pd.ACTION.search(sent.text, at)
    if not acts and after:
        # "gave X until Friday to withdraw its troops": the action follows the date
        return " ".join(sent.text[after.start():].split()).rstrip(" .")[:120]
    if acts:
        a = acts[-1]
        what = " ".join(sent.text[a.start():at].split())
        return re.sub(r"\s*\b(?:by|until|within|before|no later than|in)$", "", what).rstrip(" ,")
    return pc.trim(sent.text, 120)


def _parties(ctx: Context, sent: pc.Sentence, at: int) -> tuple[str | None, str | None]:
    ments = pc.mentions_in(ctx, sent.start, sent.end)
    addressee = None
    for m in ments:
        if pd.ADDRESSEE_LEAD.search(ctx.text[max(sent.start, m.start - 25):m.start]) or \
                pd.ADDRESSEE_BEFORE.match(ctx.text[m.end:m.end + 40]):
            addressee = m.actor
            break
    setter = None
    for m in ments:
        if m.start < at and m.actor != addressee:
            setter = m.actor
            break
    if setter is None:
        setter = pc.opening_pronoun_actor(ctx, sent)
    if setter is None:
        rest = [m.actor for m in ments if m.actor != addressee]
        setter = rest[0] if rest else None
    return setter, addressee


@extractor(NAME, produces=("deadlines",), requires=("nlp", "time"), order=50)
def extract_deadlines(ctx: Context) -> list[Record]:
    """Deadlines and ultimatums with setter, addressee, due date and status."""
    out: dict[tuple, Deadline] = {}
    last: Deadline | None = None
    for sent in pc.sentences(ctx):
        if pd.NOT_DEADLINE.search(sent.text):
            continue
        noun = pd.DEADLINE_NOUN.search(sent.text)
        if noun and pd.NEGATED_NOUN.search(sent.text[max(0, noun.start() - 30):noun.start()]):
            noun = None  # "does not set deadlines", "no deadline"
        times = pc.times_in(ctx, sent.start, sent.end)
        # a bounded date ("by Saturday") is the due date; with a deadline noun, any date after it
        chosen = next((t for t in times if getattr(t, "deadline", False)), None)
        if chosen is None and noun:
            chosen = next((t for t in times if t.type in ("DATE", "TIME") and t.start > sent.start + noun.start()),
                          None)
        if chosen is None:
            if noun and last is not None:
                # "The deadline passed without a deal": the fate of the deadline just reported
                st = _status(sent.text, None, None)
                if st != "unknown":
                    last.status = st
                    last.evidence.append(pc.evidence(ctx, sent.start, sent.end, NAME))
            continue
        at = chosen.start - sent.start
        imposing = bool(noun) or bool(pd.IMPOSE_VERB.search(sent.text[:at]) and pd.ACTION.search(sent.text))
        if not imposing:
            continue
        due = pc.near_reference(ctx, chosen, _due(chosen))
        due = _forward_weekday(due, chosen, ctx.document.published, sent.text)
        setter, addressee = _parties(ctx, sent, chosen.start)
        if setter is None:
            continue
        key = (setter, due.end if due else None)
        ev = pc.evidence(ctx, sent.start, sent.end, NAME)
        if key in out:
            rec = out[key]
            if all(e.start != ev.start for e in rec.evidence):
                rec.evidence.append(ev)
            st = _status(sent.text, due, None)
            if st not in ("unknown", "pending"):
                rec.status = st
            rec.addressee = rec.addressee or addressee
            last = rec
            continue
        last = out[key] = Deadline(
            id=stable_id("ddl", ctx.document.id, setter, due.end if due else "", sent.start),
            evidence=[ev], set_by=setter, addressee=addressee, what=_what(sent, at), due=due,
            status=_status(sent.text, due, ctx.document.published),
        )
    return list(out.values())
