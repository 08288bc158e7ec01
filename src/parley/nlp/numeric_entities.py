"""DATE, TIME, MONEY, PERCENT and CARDINAL entities from a few token patterns (component).

The statistical recognizer is trained on PER/ORG/LOC data only; these general patterns add the
numeric and calendar entity types (OntoNotes names) on tokens the recognizer left untagged.
They are deliberately conservative: a bare "May" or "March" is not a date.

This used to be token patterns in spaCy's entity ruler. Its Matcher evaluates every set or
regular-expression predicate in Python at every token, which made these 18 patterns cost more
than the entity recognizer's decoding. Here each token is first sorted by a dictionary lookup
(or, for tokens that start with a digit, a few regular expressions), and only the patterns that
can start with it are tried. The result is the entity ruler's: all matches, longest first, each
kept unless it overlaps a kept match or an entity already on the doc.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.".split()
)
AMBIGUOUS_MONTHS = frozenset({"May", "March"})  # a modal verb, a verb or a noun as often
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
SCALES = frozenset({"thousand", "million", "billion", "trillion", "mn", "bn", "m", "b"})
WORD_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "¥", "₽", "₴", "US$"})
CURRENCY_WORDS = frozenset(
    "dollars dollar euros euro pounds rubles roubles ruble rouble hryvnias hryvnia yuan yen "
    "shekels rupees francs lira".split()
)
RELATIVE = frozenset({"last", "next", "this", "early", "late", "mid"})
PERIODS = frozenset(
    {"week", "month", "year", "weekend", "spring", "summer", "autumn", "fall", "winter", "decade"}
)
DEICTIC_DAYS = frozenset({"today", "yesterday", "tomorrow"})
MERIDIEM = frozenset({"a.m.", "p.m.", "am", "pm"})
PERCENT_WORDS = frozenset({"%", "percent", "per-cent"})

_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAY = re.compile(r"([1-9]|[12]\d|3[01])(st|nd|rd|th)?")
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
_HOUR = re.compile(r"\d{1,2}")
_PERCENT_TOKEN = re.compile(r"\d+(\.\d+)?%")

Test = Callable[[Token], bool]


def _month(t: Token) -> bool:
    return t.text in MONTHS


def _day(t: Token) -> bool:
    return _DAY.fullmatch(t.text) is not None


def _year(t: Token) -> bool:
    return _YEAR.fullmatch(t.text) is not None


def _comma(t: Token) -> bool:
    return t.text == ","


def _number(t: Token) -> bool:
    return t.like_num


def _in_lower(words: frozenset[str]) -> Test:
    return lambda t: t.lower_ in words


# A pattern: (label, first-token kind, the tests of the following tokens as (test, optional)).
# The first token's kind is decided once per token by ``_kinds``.
Step = tuple[Test, bool]
PATTERNS: list[tuple[str, str, list[Step]]] = [
    ("DATE", "month", [(_day, False), (_comma, True), (_year, False)]),  # May 5, 2025
    ("DATE", "month", [(_day, False)]),  # May 5
    ("DATE", "day", [(_month, False), (_year, False)]),  # 5 May 2025
    ("DATE", "day", [(_month, False)]),  # 5 May
    ("DATE", "month", [(_year, False)]),  # May 2025
    ("DATE", "safe_month", []),  # November
    ("DATE", "weekday", []),  # Monday
    ("DATE", "weekday", [(_comma, False), (_month, False), (_day, False)]),  # Monday, May 5
    ("DATE", "relative", [(_in_lower(PERIODS), False)]),  # last week
    ("DATE", "deictic", []),  # today
    ("DATE", "year", []),  # 2025
    ("TIME", "clock", [(_in_lower(MERIDIEM), True)]),  # 10:30 a.m.
    ("TIME", "hour", [(_in_lower(MERIDIEM), False)]),  # 10 pm
    ("MONEY", "currency", [(_number, False), (_in_lower(SCALES), True)]),  # $5 million
    ("MONEY", "number", [(_in_lower(SCALES), True), (_in_lower(CURRENCY_WORDS), False)]),
    ("PERCENT", "number", [(_in_lower(PERCENT_WORDS), False)]),  # 5 percent
    ("PERCENT", "percent", []),  # 5%
    ("CARDINAL", "number", [(_in_lower(WORD_SCALES), True)]),  # 5 million
]
_BY_KIND: dict[str, list[tuple[int, str, list[Step]]]] = {}
for _rank, (_label, _kind, _steps) in enumerate(PATTERNS):
    _BY_KIND.setdefault(_kind, []).append((_rank, _label, _steps))

_WORD_KINDS: dict[str, tuple[str, ...]] = {}
for _word in MONTHS:
    _WORD_KINDS[_word] = ("month",) if _word in AMBIGUOUS_MONTHS else ("month", "safe_month")
for _word in WEEKDAYS:
    _WORD_KINDS[_word] = ("weekday",)
for _word in CURRENCY_SYMBOLS:
    _WORD_KINDS[_word] = ("currency",)
_LOWER_KINDS = {**{w: ("relative",) for w in RELATIVE}, **{w: ("deictic",) for w in DEICTIC_DAYS}}


def _kinds(token: Token) -> list[str]:
    """The first-token kinds of one token (usually none)."""
    text = token.text
    kinds = list(_WORD_KINDS.get(text, ()))
    lower = _LOWER_KINDS.get(token.lower_)
    if lower:
        kinds += lower
    if text[:1].isdigit():
        if _day(token):
            kinds.append("day")
        if _year(token):
            kinds.append("year")
        if _CLOCK.fullmatch(text):
            kinds.append("clock")
        if _HOUR.fullmatch(text):
            kinds.append("hour")
        if _PERCENT_TOKEN.fullmatch(text):
            kinds.append("percent")
    if token.like_num:
        kinds.append("number")
    return kinds


def _ends(doc: Doc, i: int, steps: list[Step], k: int = 0) -> Iterator[int]:
    """Every end position of ``steps[k:]`` matched from token ``i`` (optional steps may skip)."""
    if k == len(steps):
        yield i
        return
    test, optional = steps[k]
    if optional:
        yield from _ends(doc, i, steps, k + 1)
    if i < len(doc) and test(doc[i]):
        yield from _ends(doc, i + 1, steps, k + 1)


def find_matches(doc: Doc) -> dict[tuple[int, int], str]:
    """Every (start, end) span some pattern matches, overlapping ones included, with the label
    of the first pattern in ``PATTERNS`` that matches it ("2025" is a DATE, not a CARDINAL)."""
    found: dict[tuple[int, int], tuple[int, str]] = {}
    for token in doc:
        for kind in _kinds(token):
            for rank, label, steps in _BY_KIND[kind]:
                for end in _ends(doc, token.i + 1, steps):
                    key = (token.i, end)
                    if key not in found or rank < found[key][0]:
                        found[key] = (rank, label)
    return {key: label for key, (_, label) in found.items()}


@Language.component("parley_numeric_entities", assigns=["doc.ents"])
def numeric_entities(doc: Doc) -> Doc:
    """Add the pattern matches that overlap no entity already on the doc, longest first."""
    found = find_matches(doc)
    if not found:
        return doc
    matches = sorted(found, key=lambda m: (m[0] - m[1], m[0]))  # longest first, then leftmost
    taken = bytearray(len(doc))
    for ent in doc.ents:
        taken[ent.start : ent.end] = b"\x01" * len(ent)
    new: list[Span] = []
    for start, end in matches:
        if any(taken[start:end]):
            continue
        new.append(Span(doc, start, end, label=found[start, end]))
        taken[start:end] = b"\x01" * (end - start)
    if new:
        doc.ents = list(doc.ents) + new
    return doc
