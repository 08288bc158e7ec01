"""Claims: figures stated as facts ("5,000 soldiers", "$50 billion", "8 million people
displaced") with their value, unit and, when the text gives it, their source.

A figure is a claim only when it counts something in ``patterns.numbers.UNIT_NOUNS`` (people,
troops, weapons, money, area). Dates, ages, durations, point counts of plans and percentages
are skipped: they are facts about time or documents, not about the conflict.
"""

from __future__ import annotations

import re

from parley.extract.patterns import context as pc
from parley.extract.patterns import cues
from parley.extract.patterns import numbers as nb
from parley.extract.registry import Context, extractor
from parley.models import Claim, Record, stable_id

NAME = "claims.rules.v1"
_DIGIT = re.compile(r"\d")
_WORD_FIGURE = re.compile(r"\b(?:" + "|".join(nb.WORD_NUMBERS) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.²-]+|[^\w\s]")
# A participle right after the noun says what happened to them ("Ukrainians displaced").
_PARTICIPLE = re.compile(r"^(?:[a-z]+ed|killed|slain|held|taken|freed|hurt|dying|missing|left|"
                         r"displaced|wounded|injured|launched|fired|shot|deployed|stationed)$")


def _words_after(text: str, pos: int, n: int) -> list[re.Match[str]]:
    out = []
    for m in _WORD.finditer(text, pos):
        out.append(m)
        if len(out) >= n:
            break
    return out


def _unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit a figure at ``pos`` counts and where its phrase ends, or None."""
    words = _words_after(text, pos, 6)
    for i, w in enumerate(words):
        raw = w.group(0)
        token = raw if nb.MODIFIER.match(raw) else raw.rstrip(".")  # "U.S." keeps its dot, "troops." not
        low = token.lower()
        if i + 1 < len(words):
            two = f"{low} {words[i + 1].group(0).lower().rstrip('.')}"
            if two in nb.UNIT_NOUNS:
                return nb.UNIT_NOUNS[two], words[i + 1].end()
        if low in nb.UNIT_NOUNS:
            end = w.end()
            if i + 1 < len(words) and _PARTICIPLE.match(words[i + 1].group(0)):
                return f"{nb.UNIT_NOUNS[low]} {words[i + 1].group(0)}", words[i + 1].end()
            return nb.UNIT_NOUNS[low], end
        if nb.DEMONYM_PLURAL.match(token) and (i == 0 or nb.MODIFIER.match(words[i - 1].group(0))):
            if i + 1 < len(words) and _PARTICIPLE.match(words[i + 1].group(0)):
                return f"{token} {words[i + 1].group(0)}", words[i + 1].end()
            return token, w.end()
        if not nb.MODIFIER.match(token):
            return None
    return None


def _unit_before(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """A unit named before a figure that has none after it ("a population of 310,000",
    "displaced about 1.3 million since 2024")."""
    b = nb.UNIT_BEFORE.search(text[:m.start()])
    if b is None:
        return None
    if b.group("noun"):
        return b.group("noun").lower(), m.end()
    return f"people {b.group('verb').lower()}", m.end()


def _source(ctx: Context, sent: pc.Sentence, at: int) -> str | None:
    """The actor a figure is attributed to: "according to X", or the subject of "X said"."""
    acc = cues.ACCORDING_TO.search(sent.text)
    if acc:
        after = pc.mentions_in(ctx, sent.start + acc.end(), sent.end)
        if after:
            return after[0].actor
    for m in cues.SPEECH_VERB.finditer(sent.text):
        verb_at = sent.start + m.start()
        before = [x for x in pc.mentions_in(ctx, max(sent.start, verb_at - 60), verb_at)]
        if before:
            return before[-1].actor
        after = pc.mentions_in(ctx, sent.start + m.end(), min(sent.end, sent.start + m.end() + 40))
        if after:
            return after[0].actor
    return None


def _skip(ctx: Context, sent: pc.Sentence, m: re.Match[str]) -> bool:
    if nb.is_year(m):
        return True
    before = sent.text[:m.start()].rstrip()
    after = sent.text[m.end():]
    last_word = before.rsplit(None, 1)[-1] if before else ""
    if nb.MONTHS.search(last_word) or re.match(r"^\s*(?:[A-Z][a-z]+\.?)", after) and nb.MONTHS.match(
            after.strip().split(" ", 1)[0]):
        return True  # a date: "November 27", "27 November"
    if last_word.lower() in ("no.", "no", "#", "resolution", "article", "paragraph", "point", "section"):
        return True
    if nb.NOT_A_CLAIM_AFTER.match(after):
        return True
    if re.match(r"^-[a-z]", after) and not re.match(r"^-(?:thousand|million|billion|trillion)\b", after):
        return True  # a compound adjective: "five-hour", "12-member", "30-day"
    s = sent.start + m.start("num")
    for t in pc.times_in(ctx, max(sent.start, s - 30), min(sent.end, s + 40)):
        if t.start <= s < t.end and not m.group("cur"):
            return True  # part of a time expression the time module found
    return False


@extractor(NAME, produces=("claims",), requires=("nlp", "time"), order=70)
def extract_claims(ctx: Context) -> list[Record]:
    """Figures with a unit (casualties, money, troops, weapons, displaced people, area)."""
    found: dict[tuple[float, str], Claim] = {}
    last_unit: str | None = None  # "... 58 hostages, 20 of whom are alive"
    for sent in pc.sentences(ctx):
        if not _DIGIT.search(sent.text) and not _WORD_FIGURE.search(sent.text):
            continue  # cheap pre-check: most sentences hold no figure at all
        matches = list(nb.NUMBER.finditer(sent.text))
        for k, m in enumerate(matches):
            value = nb.number_value(m)
            if value is None or value == 0 or _skip(ctx, sent, m):
                continue
            cur = (m.group("cur") or "").lower()
            unit: str | None = None
            end = m.end()
            if cur:
                unit = nb.CURRENCIES[cur]
            else:
                follow = re.match(r"\s*(dollars|euros|pounds)\b", sent.text[m.end():], re.IGNORECASE)
                if follow:
                    unit = nb.CURRENCIES[follow.group(1).lower()]
                    end = m.end() + follow.end()
            if unit is None:
                got = _unit_after(sent.text, m.end())
                between = sent.text[m.end():matches[k + 1].start()] if k + 1 < len(matches) else ""
                if got is None and k + 1 < len(matches) and (
                        nb.RANGE_JOIN.match(between) or nb.PARTITIVE_JOIN.match(between)):
                    # the low end of a range takes the unit of the high end ("990 to 1,650 prisoners")
                    got = _unit_after(sent.text, matches[k + 1].end())
                    if got is not None:
                        got = (got[0], m.end())
                if got is None:
                    got = _unit_before(sent.text, m)
                if got is None and last_unit and nb.OF_THEM.match(sent.text[m.end():]):
                    got = (last_unit, m.end())
                if got is None:
                    continue
                unit, end = got
            last_unit = unit
            start = m.start()
            approx = re.search(rf"{nb.APPROX}\s*$", sent.text[:start], re.IGNORECASE)
            if approx:
                start = approx.start()
            ev = pc.evidence(ctx, sent.start + start, sent.start + end, NAME)
            key = (value, unit.lower())
            if key in found:
                if all(e.start != ev.start for e in found[key].evidence):
                    found[key].evidence.append(ev)
                continue
            found[key] = Claim(
                id=stable_id("clm", ctx.document.id, value, unit.lower(), ev.start),
                evidence=[ev],
                text=pc.trim(ev.quote, 120),
                value=value,
                unit=unit,
                source=_source(ctx, sent, sent.start + m.start()),
            )
    return list(found.values())
