"""Documents that are copies of each other across the corpus (syndicated or mirrored articles).

A wire story reprinted by ten sites is one story: the copies are linked, never dropped. Each
document gets a MinHash signature of its body text (noise left out, so that two sites' different
menus and bylines do not hide the shared article), and LSH band keys that the store indexes, so
that finding the candidates for a new document is one indexed lookup instead of a scan of every
signature (the store is incremental).

    sig = signature(text, noise)
    keys = band_keys(sig)            # store them; a candidate shares at least one key
    similarity(sig, other) >= SYNDICATION_THRESHOLD   # confirm a candidate
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash

from parley.models import Noise

NUM_PERM = 128
# Fixed, so that signatures computed in different runs and processes can be compared.
SEED = 1
SHINGLE_WORDS = 5
# Estimated Jaccard similarity of the body shingles at or above which two documents are copies.
# A reprint of a 300-word story with a new first paragraph keeps about 0.75 of its 5-word runs;
# two reports of the same event by different writers share few 5-word runs (below 0.1).
SYNDICATION_THRESHOLD = 0.7
THRESHOLD = SYNDICATION_THRESHOLD  # the short name the ingest stage imports
# LSH banding: 32 bands of 4 rows. Two documents share a band key with probability
# 1 - (1 - s^4)^32: above 0.999 at s = 0.7 and 0.56 at s = 0.4, so candidates are cheap to confirm.
BANDS = 32
ROWS = NUM_PERM // BANDS

_WORD = re.compile(r"\w+")


def body_text(text: str, noise: Sequence[Noise]) -> str:
    """The text with its noise spans left out (offsets do not matter here)."""
    parts, pos = [], 0
    for n in sorted(noise, key=lambda n: n.start):
        if n.start > pos:
            parts.append(text[pos:n.start])
        pos = max(pos, n.end)
    parts.append(text[pos:])
    return " ".join(parts)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Runs of ``k`` lower-case words; a text shorter than ``k`` words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str, noise: Sequence[Noise] = ()) -> list[int]:
    """The MinHash signature (128 integers) of the document's body text, deterministic."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    items = [s.encode("utf-8") for s in shingles(body_text(text, noise))]
    if items:
        mh.update_batch(items)
    return [int(v) for v in mh.hashvalues]


def band_keys(sig: Sequence[int]) -> list[str]:
    """One key per LSH band (``"<band>:<hash>"``): documents that share a key are candidates."""
    if len(sig) != NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values, this one has {len(sig)}")
    keys = []
    for b in range(BANDS):
        chunk = ",".join(str(v) for v in sig[b * ROWS:(b + 1) * ROWS])
        keys.append(f"{b}:{hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()}")
    return keys


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets (share of equal values)."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError("signatures of different lengths cannot be compared")
    return sum(a == b for a, b in zip(sig_a, sig_b, strict=True)) / len(sig_a)


def is_syndicated(sig_a: Sequence[int], sig_b: Sequence[int], threshold: float = SYNDICATION_THRESHOLD) -> bool:
    """True when two documents are copies of one article."""
    return similarity(sig_a, sig_b) >= threshold
