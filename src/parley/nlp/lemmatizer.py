"""``parley_lemmatizer``: spaCy's English rule lemmatizer, memoized over whole documents.

spaCy's own component runs its Python rules for every token (about a tenth of the pipeline's
time here). This one reads each document's words, POS and features as one array, runs the rules
once per distinct (word, POS, features) triple, remembers the answer, and writes the lemmas back
as one array. The lemmas are the ones spaCy's rule lemmatizer gives (a test checks it).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

# Distinct (word, POS, features) triples remembered before the memo starts afresh.
MEMO_LIMIT = 200_000


class MemoLemmatizer(EnglishLemmatizer):
    """English rule lemmatizer whose results are memoized per (word, POS, features)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        memo, strings = self._memo, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@Language.factory(
    "parley_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_memo_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer):
    """Factory for :class:`MemoLemmatizer`."""
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
