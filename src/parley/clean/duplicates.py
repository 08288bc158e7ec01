"""Sentences of one document that say the same thing twice.

Pages repeat themselves: a photo caption restates a body sentence in other words, an image's
alt text and its caption print the same line twice, a "teaser" copy of the headline sits under
it. Only one of each pair is body text; the other is marked so that extraction does not count
the same fact twice. Similarity is lexical (content words, rapidfuzz token ratios on lower-case
words) because the restatements share most of their names and nouns even when the verbs change.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from parley.clean.lines import Line, content_words

# A pair at or above this similarity is a restatement (checked on the seeds' and dev corpora's
# repeated captions score 0.88-1.0; body sentences about the same meeting stay below 0.7).
NEAR_DUPLICATE_THRESHOLD = 0.8
# Below this many content words a line is too short to call a restatement (headings, names).
MIN_CONTENT_WORDS = 5

# A word on more lines than this is too common to point at a restatement (long documents only).
MAX_WORD_LINES = 200

_NON_WORD = re.compile(r"[\W_]+")


def normalized(s: str) -> str:
    """Lower-case words joined by single spaces: the form two copies of a line share."""
    return _NON_WORD.sub(" ", s.lower()).strip()


def is_copy(a: str, b: str) -> bool:
    """True when one line is the other, or the other with something added at the end (an
    alt text and its caption, a caption with and without its credit, a truncated copy)."""
    na, nb = normalized(a), normalized(b)
    if not na or not nb:
        return False
    short, long_ = sorted((na, nb), key=len)
    return long_.startswith(short) and len(short.split()) >= 4


def similarity(a: str, b: str) -> float:
    """How far two lines say the same thing, from 0 to 1.

    The mean of two views: the share of the shorter line's content words found in the longer
    one, and rapidfuzz's token-sort ratio over the lower-case words (which penalises a short
    line that merely shares a few names with a long paragraph)."""
    wa, wb = set(content_words(a)), set(content_words(b))
    if len(wa) < MIN_CONTENT_WORDS or len(wb) < MIN_CONTENT_WORDS:
        return 0.0
    overlap = len(wa & wb) / min(len(wa), len(wb))
    ratio = fuzz.token_sort_ratio(normalized(a), normalized(b)) / 100.0
    return (overlap + ratio) / 2


def near_duplicate_pairs(lines: list[Line], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` of line positions (``i < j``) that restate each other.

    Only pairs that share enough content words to reach the threshold are scored: an inverted
    index finds them, so a long document costs about linear time, not a comparison of every
    pair of lines. Words found on more than ``MAX_WORD_LINES`` lines do not count as shared
    (in a very long document they would make every pair a candidate)."""
    words: dict[int, set[str]] = {}
    for k, ln in enumerate(lines):
        if not ln.blank:
            ws = set(content_words(ln.content))
            if len(ws) >= MIN_CONTENT_WORDS:
                words[k] = ws
    index: dict[str, list[int]] = defaultdict(list)
    for k, ws in words.items():
        for w in ws:
            index[w].append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for posting in index.values():
        if len(posting) > MAX_WORD_LINES:
            continue
        for x, i in enumerate(posting):
            for j in posting[x + 1:]:
                shared[(i, j)] += 1
    # Exact copies are found by their normalized text, whatever their words' frequency.
    first_seen: dict[str, int] = {}
    for k in words:
        key = normalized(lines[k].content)
        if key in first_seen:
            shared[(first_seen[key], k)] = len(words[k])
        else:
            first_seen[key] = k
    pairs = []
    for (i, j), n in sorted(shared.items()):
        # similarity >= threshold needs an overlap of at least 2 * threshold - 1.
        if n < (2 * threshold - 1) * min(len(words[i]), len(words[j])):
            continue
        a, b = lines[i].content, lines[j].content
        # Lengths far apart: a headline inside a paragraph is not a restatement.
        if min(len(a), len(b)) < 0.45 * max(len(a), len(b)):
            continue
        score = similarity(a, b)
        if score >= threshold:
            pairs.append((i, j, score))
    return pairs
