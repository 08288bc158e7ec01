"""Imports the built-in extractors (each registers itself) and fixes the order they run in."""

from parley.extract import kind  # noqa: F401
from parley.extract.registry import DEFAULT

DEFAULT.extend([
    "kind.rules.v1",
])
