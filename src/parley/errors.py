"""Parley's exceptions, in one hierarchy::

    ParleyError
    ├── InputError        an input cannot be ingested (the batch records the reason and goes on)
    │   ├── EmptyInput, BinaryInput, UndecodableInput, TooLarge, UnreadableInput,
    │   └── FetchError    an unreachable URL, a bad status, a wrong content type
    ├── StoreError        the store cannot be opened or written (never swallowed)
    ├── ConfigError       a bad option, an unknown extractor name, a bad sidecar
    └── ModelError        the shipped language model is missing or broken

Every message is one line that says what went wrong and, where it can, how to fix it.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base of every error Parley raises on purpose."""


class InputError(ParleyError):
    """An input that cannot be ingested; ``str(e)`` is the skip reason."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


class TooLarge(InputError):
    pass


class UnreadableInput(InputError):
    pass


class FetchError(InputError):
    pass


class StoreError(ParleyError):
    pass


class ConfigError(ParleyError):
    pass


class ModelError(ParleyError):
    pass
