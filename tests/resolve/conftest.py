"""Stores holding the fictional articles of ``world.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import world  # noqa: E402


@pytest.fixture
def world_store(store):
    """A store with the four articles, resolved by a full rebuild."""
    from parley.resolve import rebuild

    for doc_id in world.ARTICLES:
        world.add(store, doc_id)
    rebuild(store)
    return store
