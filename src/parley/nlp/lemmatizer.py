"""``parley_lemmatizer``: spaCy's English rule lemmatizer, memoized over whole documents.

spaCy's own component runs its Python rules for every token (about a tenth of the pipeline's
time here). This one reads each document's words, POS and PTB tags as one array, runs the rules
once per distinct (word, POS, tag, features), remembers the answer, and writes the lemmas back as one array.

The rules leave a word alone when it is already a base form. spaCy decides that from
morphological features ("Number=Sing"); Parley's morphologizer predicts UPOS only, so the base
form is read from the PTB tag instead (NN, NNP: singular; VB, VBP: infinitive or present; JJ, RB:
positive degree), as spaCy's own English tag map would set those features. Without it "crisis"
would become "crisi".
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

# PTB tags of base forms, per UPOS (None: whatever the POS), after spaCy's English tag map.
_BASE_TAGS = {"NOUN": {"NN", "NNP"}, "VERB": {"VB", "VBP"}, "ADJ": {"JJ"}, None: {"VB", "JJ", "RB"}}
# Distinct (word, POS, tag, features) keys remembered before the memo starts afresh.
MEMO_LIMIT = 200_000


class MemoLemmatizer(EnglishLemmatizer):
    """English rule lemmatizer whose results are memoized per (word, POS, tag, features)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int, int], int] = {}
        self._fast: Lookups | None = None
        self._fast_of: Lookups | None = None  # the tables ``_fast`` was built from

    def _fast_lookups(self) -> Lookups:
        """The same tables, with each part of speech's word index as a set: spaCy's rules test
        membership in a list of thousands of words for every candidate form. Kept beside the
        real tables, which stay as they are for saving."""
        if self._fast is None or self._fast_of is not self.lookups:
            fast = Lookups()
            for name in self.lookups.tables:
                table = self.lookups.get_table(name)
                if name == "lemma_index":
                    fast.add_table(name, {pos: frozenset(words) for pos, words in table.items()})
                else:
                    fast.set_table(name, table)
            self._fast, self._fast_of = fast, self.lookups
        return self._fast

    def is_base_form(self, token) -> bool:
        """Base form from the features when the pipeline sets them, else from the PTB tag."""
        if str(token.morph):  # features set (an empty analysis still counts as "has morph")
            return super().is_base_form(token)
        return token.tag_ in _BASE_TAGS.get(token.pos_, ()) or token.tag_ in _BASE_TAGS[None]

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        memo, strings = self._memo, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, TAG, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, tag, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, tag, morph)
            value = memo.get(key)
            if value is None:
                self.cache.clear()  # spaCy's own cache is keyed without the tag
                tables, self.lookups = self.lookups, self._fast_lookups()
                try:
                    value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                finally:
                    self.lookups = tables
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
