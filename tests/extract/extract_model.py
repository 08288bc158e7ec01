"""Runs the actor and statement extractors on a fixture text with the shipped language model.

Tests that use it are marked ``slow`` and skip, with the reason, when the model has not been
built into ``parley/nlp/model`` yet (``python training/build.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.extract.registry import Context
from parley.models import Document, Noise


def nlp():  # type: ignore[no-untyped-def]
    from parley.nlp import ModelNotFoundError, load

    try:
        return load()
    except ModelNotFoundError as e:
        pytest.skip(f"the shipped language model is not built yet: {e}")


def context_for(case: dict[str, Any]) -> Context:
    """A context with the case's text parsed, its time mentions, and its noise spans."""
    from parley.time import find_times

    text = case["text"]
    published = case.get("published", "2026-03-10")
    doc = Document(id="doc_test", source="fixture", text=text, published=published,
                   noise=[Noise(s, e, r) for s, e, r in case.get("noise", [])])
    ctx = Context(document=doc, doc=nlp()(text), times=find_times(text, dt.date.fromisoformat(published)))
    return ctx
