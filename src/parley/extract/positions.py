"""Positions: what each party demands, refuses, accepts or holds as a red line, issue by issue
(territory, NATO, armed forces, sanctions, security guarantees, ceasefire, negotiation format).

A sentence gives a position when it holds a stance cue ("demands", "rejected", "red line",
"ready to accept") and an issue keyword; the holder is the first actor named before the cue
(or the person an opening he/she stands for). The stance is the clause from the cue on.
"""

from __future__ import annotations

import re

from parley.extract.patterns import context as pc
from parley.extract.patterns import issues as pi
from parley.extract.registry import Context, extractor
from parley.models import Position, Record, stable_id

NAME = "positions.rules.v1"


def _issue(text: str) -> str | None:
    for issue, rx in pi.ISSUES:
        if rx.search(text):
            return issue
    return None


_PASSIVE_BY = re.compile(r"^\s*(?:outright\s+|flatly\s+|firmly\s+)?by\s+(?:the\s+)?")


def _holder(ctx: Context, sent: pc.Sentence, cue: re.Match[str]) -> str | None:
    """Who holds the stance: the agent of a passive ("rejected by X"), else the actor named
    closest before the cue, else the person an opening he/she stands for."""
    by = _PASSIVE_BY.match(sent.text[cue.end():])
    if by:
        after = pc.mentions_in(ctx, sent.start + cue.end() + by.end(), sent.end)
        if after and after[0].start == sent.start + cue.end() + by.end():
            return after[0].actor
    before = pc.mentions_in(ctx, sent.start, sent.start + cue.start())
    if before:
        return before[-1].actor
    return pc.opening_pronoun_actor(ctx, sent)


@extractor(NAME, produces=("positions",), requires=("nlp", "time"), order=60)
def extract_positions(ctx: Context) -> list[Record]:
    """Demands, refusals, acceptances and red lines per actor and issue."""
    out: dict[tuple, Position] = {}
    for sent in pc.sentences(ctx):
        low = sent.text.lower()
        if not any(g in low for g in pi.GATE):
            continue
        cue = None
        kind = ""
        for k, rx in pi.STANCES:
            cue = rx.search(sent.text)
            if cue:
                kind = k
                break
        if cue is None:
            continue
        clause = sent.text[cue.start():]
        issue = _issue(clause) or _issue(sent.text)
        if issue is None:
            continue
        actor = _holder(ctx, sent, cue)
        if actor is None:
            continue
        stance = f"{kind}: {pc.trim(clause if len(clause) > 40 else sent.text, 200)}"
        key = (actor, issue, kind)
        ev = pc.evidence(ctx, sent.start, sent.end, NAME)
        if key in out:
            if all(e.start != ev.start for e in out[key].evidence):
                out[key].evidence.append(ev)
            continue
        out[key] = Position(
            id=stable_id("pos", ctx.document.id, actor, issue, kind, sent.start),
            evidence=[ev], actor=actor, issue=issue, stance=stance,
            date=pc.nearest_date(ctx, sent.start, sent.end, sent.start + cue.start()),
        )
    return list(out.values())
