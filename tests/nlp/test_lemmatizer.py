"""parley_lemmatizer: spaCy's English rules, base forms read from PTB tags, memoized."""

from __future__ import annotations

from parley.nlp import load

TEXT = (
    "The envoys were meeting in Lisbon on Monday, and the ministers said the talks had gone well.\n"
    "Officials are drafting two memoranda; the mediators' proposals were rejected, then revised.\n"
    "The crisis, the process and the news of the analysis were a success for the boss.\n"
    "She has left. They'd been better prepared than their rivals, who ran out of time."
)


def _before_lemmatizer(nlp, text):
    names = [n for n, _ in nlp.pipeline]
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        return nlp(text)


def test_lemmas_of_inflected_and_base_forms():
    nlp = load()
    ours = nlp.get_pipe("lemmatizer")
    assert type(ours).__name__ == "MemoLemmatizer"
    doc = ours(_before_lemmatizer(nlp, TEXT))
    lemma = {t.text: t.lemma_ for t in doc}
    assert lemma["meeting"] == "meet" and lemma["ministers"] == "minister" and lemma["said"] == "say"
    assert lemma["talks"] == "talk" and lemma["revised"] == "revise" and lemma["ran"] == "run"
    # singular nouns ending in -s stay whole: the tagger's NN marks the base form
    assert [lemma[w] for w in ("crisis", "process", "news", "analysis", "success", "boss")] == [
        "crisis", "process", "news", "analysis", "success", "boss"]


def test_memo_gives_the_same_lemmas_as_a_cold_run():
    nlp = load()
    ours = nlp.get_pipe("lemmatizer")
    doc = _before_lemmatizer(nlp, TEXT)
    ours._memo.clear()
    cold = [t.lemma_ for t in ours(doc.copy())]
    warm = [t.lemma_ for t in ours(doc.copy())]  # every answer now comes from the memo
    assert cold == warm


def test_lemmatizer_keeps_lemmas_already_set():
    nlp = load()
    doc = _before_lemmatizer(nlp, "Talks resumed.")
    doc[0].lemma_ = "negotiation"
    assert [t.lemma_ for t in nlp.get_pipe("lemmatizer")(doc)][:2] == ["negotiation", "resume"]


def test_set_index_gives_the_same_lemmas_as_spacys_list_index():
    nlp = load()
    ours = nlp.get_pipe("lemmatizer")
    doc = _before_lemmatizer(nlp, TEXT + "\nThe delegates argued, wrote, fled and were seated; prices rose.")
    ours._memo.clear()
    fast = [t.lemma_ for t in ours(doc.copy())]
    saved, ours._fast = ours._fast, ours.lookups  # the tables as spaCy ships them
    try:
        ours._memo.clear()
        plain = [t.lemma_ for t in ours(doc.copy())]
    finally:
        ours._fast = saved
        ours._memo.clear()
    assert fast == plain
