"""Shared fixtures: temporary stores and the hand-written ingest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def store(db_path: str):
    from parley.store import Store

    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def no_extract():
    from parley.pipeline import Extraction

    return Extraction(names=[])
