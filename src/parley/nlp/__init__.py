"""Parley's English language pipeline: tokens, sentences, tags, parse and named entities.

The pipeline is a spaCy 3 model trained by ``training/build.py`` from openly licensed data
(UD English-EWT, Universal NER, Wikigold, Broad Twitter Corpus, WNUT17, GeoNames) and shipped
inside the package under ``parley/nlp/model/``. Loading it never touches the network.

>>> nlp = load()                                  # doctest: +SKIP
>>> doc = nlp("Minister Ada Quell met officials in Lisbon.\\nTalks resume Monday.")  # doctest: +SKIP
>>> [(e.text, e.label_) for e in doc.ents]        # doctest: +SKIP
[('Ada Quell', 'PERSON'), ('Lisbon', 'GPE')]
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import use_ops

from parley.errors import ModelError

from . import components as _components  # noqa: F401  (registers Parley's pipeline factories)
from . import lemmatizer as _lemmatizer  # noqa: F401  (registers parley_lemmatizer)
from . import numeric_entities as _numeric_entities  # noqa: F401  (registers parley_numeric_entities)

MODEL_DIR = Path(__file__).parent / "model"

__all__ = ["MODEL_DIR", "ModelNotFoundError", "NlpError", "load", "model_info"]


class NlpError(ModelError):
    """Base class for errors of the language pipeline (a ``ParleyError``: it stops a batch with
    one line, rather than skipping every article)."""


class ModelNotFoundError(NlpError):
    """The shipped model folder is missing or incomplete."""


def _check_model_dir(path: Path) -> None:
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelNotFoundError(
            f"No trained pipeline in {path}. Reinstall Parley, or rebuild it with "
            "`python training/build.py` (see training/README.md)."
        )


@lru_cache(maxsize=1)
def load() -> Language:
    """Return the shipped spaCy pipeline, loaded once per process from the package folder.

    Components: tok2vec (one network shared by the four trained components), tagger (PTB
    ``tag_``), morphologizer (UPOS ``pos_``; no features), lemmatizer (spaCy's rule lemmatizer,
    memoized, plus parley_aux_lemmas), parley_line_breaks (a newline always ends a sentence),
    parser (``dep_``/``head``, sentences), ner, entity_rules (NORP),
    parley_numeric_entities (DATE, TIME, MONEY, PERCENT, CARDINAL) and parley_entities
    (labels PERSON, ORG, GPE, LOC, FAC from the recognizer; titles trimmed; surnames propagated).
    """
    return load_path(MODEL_DIR)


def load_path(path: Path) -> Language:
    """Load a Parley pipeline folder (the shipped one, or a candidate built by training/build.py).

    The networks get thinc's NumPy ops with BLIS turned off, so their matrix products go to
    NumPy's BLAS (OpenBLAS in the NumPy wheels). BLIS, thinc's default, ran these products
    3 to 4 times slower on the machine we measured; on UD EWT test the tags, parses and
    entities came out identical.
    """
    _check_model_dir(path)
    with use_ops("numpy", use_blis=False):
        return spacy.load(path)


def model_info() -> dict[str, Any]:
    """Name, version, pipeline, entity labels, license and training data of the shipped model."""
    _check_model_dir(MODEL_DIR)
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', '')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "pipeline": meta.get("pipeline", []),
        "labels": meta.get("parley_entity_labels", []),
        "license": meta.get("license"),
        "sources": meta.get("sources", []),
        "performance": meta.get("parley_performance", {}),
    }
