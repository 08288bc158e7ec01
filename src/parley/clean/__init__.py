"""Cleaning: boilerplate is marked as noise, never deleted.

- :func:`find_noise` marks the spans of one document that are not body text (bylines, bios,
  photo credits, captions, teasers, boxes, chrome, timestamps, restated sentences).
- :mod:`parley.clean.syndication` finds documents that are copies of each other (MinHash).
- :func:`parley.clean.kind.classify_kind` tells a report from an opinion piece, an analysis, a
  transcript or a statement.
"""

from parley.clean.kind import classify_kind
from parley.clean.noise import find_noise, noise_share

__all__ = ["classify_kind", "find_noise", "noise_share"]
