"""``find_noise``: the spans of a document's text that are not body text, with their reasons."""

from __future__ import annotations

from collections.abc import Sequence

from parley.clean import rules
from parley.clean.duplicates import near_duplicate_pairs
from parley.clean.page import Page
from parley.models import Noise

# The order matters: later rules read the marks of earlier ones (a caption is found beside a
# credit, a teaser block after its marker), and the first reason given to a line stays.
RULES = (
    rules.mark_furniture,
    rules.mark_credits,
    rules.mark_bylines_and_dates,
    rules.presume_title,
    rules.mark_bios,
    rules.mark_teasers,
    rules.mark_captions,
    rules.mark_above_title,
)


def find_noise(text: str, *, title: str | None = None, authors: Sequence[str] = ()) -> list[Noise]:
    """Mark the boilerplate of one document: bylines, bios, photo credits, captions, teasers,
    share/subscribe/about boxes, disclaimers, site chrome, timestamps, and sentences that
    restate another sentence of the same document.

    ``text`` is never changed: each :class:`~parley.models.Noise` is a ``[start, end)`` span of
    one line's content (surrounding whitespace left out), and the list is sorted and
    non-overlapping. ``title`` and ``authors`` (metadata, when known) sharpen the rules: the
    title line itself is never noise, lines above it are page chrome, a short line naming an
    author is a byline.

    >>> [n.reason for n in find_noise("Talks resume\\nBy Ana Lind\\nThe talks resumed on Monday.")]
    ['byline']
    """
    page = Page(text, title=title, authors=tuple(authors))
    for rule in RULES:
        rule(page)
    rules.mark_near_duplicates(page, near_duplicate_pairs(page.lines))
    out = []
    for index in sorted(page.marks):
        start, end = page.span(index)
        out.append(Noise(start, end, page.marks[index]))
    return out


def noise_share(text: str, noise: Sequence[Noise]) -> float:
    """The share of the text's non-blank characters covered by noise (``parley ls`` shows it)."""
    total = sum(1 for c in text if not c.isspace())
    if not total:
        return 0.0
    covered = sum(1 for n in noise for c in text[n.start:n.end] if not c.isspace())
    return covered / total
