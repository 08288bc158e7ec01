"""Language identification (py3langid) of a document's body text."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_LETTERS = 40  # under this, a guess is noise: say nothing
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid import langid

    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    sample = text[:6000]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= MIN_CONFIDENCE else None
