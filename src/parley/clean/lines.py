"""A document's text as lines with offsets, and the word-level views the rules read.

The cleaner never rewrites the text: every rule looks at a :class:`Line` (its stripped content
and where that content sits in the text) and the spans it marks point back into the unchanged
string. Both input shapes Parley sees, a ``.txt`` file and trafilatura's extraction of an HTML
page, put one paragraph (or one caption, one menu item) per line, so the line is the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# Glued words from scraped pages ("amUpdated", "TODAYDecember"): split them for reading only.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2,})")
_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*$")
# Opening/closing quotation marks of every common style, for "is this a quote" tests.
QUOTE_CHARS = "\"“”«»„"


@dataclass(frozen=True)
class Line:
    """One line of the text: ``content`` is the line without surrounding whitespace and
    ``start``/``end`` locate that content in the text (``text[start:end] == content``)."""

    index: int
    start: int
    end: int
    content: str

    @property
    def blank(self) -> bool:
        return not self.content

    @cached_property
    def readable(self) -> str:
        """The content with glued words split apart (for matching only, never for offsets)."""
        return _CAMEL.sub(" ", self.content)

    @cached_property
    def words(self) -> list[str]:
        """Word and number tokens of :attr:`readable`."""
        return _WORD.findall(self.readable)

    @cached_property
    def lower_words(self) -> list[str]:
        return [w.lower() for w in self.words]

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def ends_sentence(self) -> bool:
        """True when the line ends like a sentence (period, question or exclamation mark)."""
        return bool(_SENTENCE_END.search(self.content))


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included) with the offsets of its stripped content."""
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip()) if stripped else 0
        start = pos + lead
        lines.append(Line(i, start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def content_words(s: str) -> list[str]:
    """Lower-case words of ``s`` without the most common function words (for similarity)."""
    return [w for w in (t.lower() for t in _WORD.findall(s)) if w not in FUNCTION_WORDS]


FUNCTION_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from into onto over under as than then
    that this these those there here is are was were be been being has have had do does did
    it its it's he she they we you i his her their our your my me him them us who whom whose
    which what when where why how not no nor so too very can could will would shall should may
    might must also just only about after before while during up down out off again further
    once all any both each few more most other some such own same s t""".split()
)
