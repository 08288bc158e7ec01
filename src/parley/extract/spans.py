"""Span lookups shared by extractors: items sorted by start offset, found by binary search."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def inside(items: Sequence[T], starts: Sequence[int], start: int, end: int) -> list[T]:
    """The items (sorted by ``.start``; ``starts`` their start offsets) that lie wholly inside
    ``start:end``, in order."""
    i = bisect.bisect_left(starts, start)
    out = []
    item: Any
    while i < len(items) and (item := items[i]).start < end:
        if item.end <= end:
            out.append(item)
        i += 1
    return out
