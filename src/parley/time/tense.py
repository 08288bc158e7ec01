"""Light tense cues in the clause around a time expression ("past", "future" or None).

No parser: the nearest cue word within the clause wins. Future cues are modals and plans
("will", "is set to", "plans to", "scheduled"); past cues are past auxiliaries, common
irregular past forms, "-ed" forms and "ago".
"""

from __future__ import annotations

import re

_FUTURE = re.compile(
    r"\b(?:will|won't|'ll|shall|would|should|could|might|must|(?-i:may)|going\s+to|plans?\s+to|planned\s+to|planning"
    r"|intends?\s+to|is\s+to|are\s+to|wants?\s+to|seeks?\s+to|(?:postponed|delayed|rescheduled|deferred|pushed\s+back|extended|adjourned|moved)\s+(?:until|till|to)"
    r"|set\s+to|due\s+to|expected\s+to|scheduled|slated|upcoming|next|coming|aims?\s+to|hopes?\s+to"
    r"|to\s+be\s+held|ahead\s+of)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|didn't|wasn't|weren't|ago|last|earlier|previously|said|met|held|told|spoke|took"
    r"|made|went|came|gave|began|saw|left|wrote|sent|won|lost|fell|rose|flew|led|fled|brought|became|found"
    r"|kept|thought|knew|got|struck|ran|sat|stood|broke|chose|drove|ate|paid|sold|spent|drew|grew|threw"
    r"|blew|wore|tore|swore|bore|woke|rode|froze|stole|sang|rang|sank|fought|bought|caught|taught|sought"
    r"|felt|slept|meant|lent|built|dealt|heard|understood|forgave|overcame|hid|shot|stuck|hung|spun|dug"
    r"|withdrew|undertook|oversaw|foresaw|upheld|withheld|overthrew|forbade|arose|awoke"
    r"|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!n't\s)(?<!\bget\s)"
    r"(?<!\bremain\s)(?<!\bremains\s)(?<!\bstay\s)(?<!\bstays\s)(?!(?:need|proceed|exceed|succeed|indeed|speed|feed|seed|breed|bleed"
    r"|red|bed|wed|shed|based|scheduled|planned|expected|slated)\b)(?-i:[a-z]{2,}ed))\b",
    re.IGNORECASE,
)
# An infinitive ("to run through June") points ahead of its clause; a weak cue. So does a
# present progressive with a time ("is traveling to the capital on Tuesday"). "-ed" forms are
# read in lower case only: "Ahmed" is a name, not a past tense.
_INFINITIVE = re.compile(
    r"\bto\s+(?!be\b|have\b|the\b|a\b|an\b|his\b|her\b|its\b|their\b|[A-Z])[a-z]+\b"
    r"|\b(?:is|are|'s|'re|am)\s+(?:[a-z]+ly\s+)?(?!being\b)[a-z]{2,}ing\b"
)
# A clause ends at sentence punctuation (closing quotes included), a semicolon or a line break;
# commas are kept inside because "said on Friday, adding that..." still belongs together.
_BOUNDARY = re.compile(r"[.!?;][\"'”’)]*(?:\s|$)|\n")
_WINDOW = 120


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the clause around ``text[start:end]`` (at most 120 chars each side)."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = None
    for m in _BOUNDARY.finditer(left):
        cut = m.end()
    c_start = lo + cut if cut is not None else lo
    right = text[end : end + _WINDOW]
    m = _BOUNDARY.search(right)
    c_end = end + (m.start() + 1 if m else len(right))
    return c_start, c_end


def tense_of(text: str, start: int, end: int) -> str | None:
    """ "past", "future" or None from the cue nearest to ``text[start:end]`` in its clause."""
    return tense_cue(text, start, end)[0]


def tense_cue(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """The tense and whether its cue is strong (a verb form, not only an infinitive)."""
    c_start, c_end = clause_bounds(text, start, end)
    best: tuple[int, str, bool] | None = None
    for label, pattern, penalty in (("past", _PAST, 0), ("future", _FUTURE, 0), ("future", _INFINITIVE, 5)):
        for m in pattern.finditer(text, c_start, c_end):
            if start <= m.start() < end:
                continue  # the expression's own words ("last", "next") are read by the grammar
            dist = start - m.end() if m.end() <= start else m.start() - end
            # A cue before the expression reads as its verb more often than one after it.
            dist = (dist if m.end() <= start else dist + 15) + penalty
            if best is None or dist < best[0]:
                best = (dist, label, penalty == 0)
    return (best[1], best[2]) if best else (None, False)
