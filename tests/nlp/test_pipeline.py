"""Behaviour of the shipped language pipeline on hand-written (fictional) fixture texts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from parley.nlp import MODEL_DIR, load, model_info

pytestmark = pytest.mark.slow  # every test here loads the model

# Fictional people, real places: written for these tests.
FIXTURE = (
    "Foreign Minister Elena Marchetti met President Tomas Varga in Vienna on Tuesday.\n"
    "Marchetti said the talks with the United Nations had been useful.\n"
    "Russian and Ukrainian delegations will meet again in Geneva next month."
)


@pytest.fixture(scope="module")
def nlp():
    return load()


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_load_is_cached(nlp):
    assert load() is nlp


def test_pipeline_provides_all_layers(nlp):
    doc = nlp(FIXTURE)
    assert all(t.tag_ for t in doc if not t.is_space)
    assert all(t.pos_ for t in doc if not t.is_space)
    assert all(t.dep_ for t in doc if not t.is_space)
    assert doc.has_annotation("DEP") and doc.has_annotation("SENT_START")
    met = next(t for t in doc if t.text == "met")
    assert met.pos_ == "VERB" and met.tag_ == "VBD"
    assert met.lemma_ == "meet"


def test_people_places_and_organizations(nlp):
    found = set(ents(nlp(FIXTURE)))
    assert ("Elena Marchetti", "PERSON") in found
    assert ("Tomas Varga", "PERSON") in found
    assert ("Vienna", "GPE") in found
    assert ("Geneva", "GPE") in found
    assert ("United Nations", "ORG") in found or ("the United Nations", "ORG") in found


def test_titles_are_not_part_of_person_names(nlp):
    for e in nlp(FIXTURE).ents:
        if e.label_ == "PERSON":
            assert not e.text.startswith(("President", "Foreign", "Minister")), e.text


def test_surname_propagates_after_full_name(nlp):
    doc = nlp(FIXTURE)
    second_line = [e for e in doc.ents if e.start_char > FIXTURE.index("\n")]
    assert ("Marchetti", "PERSON") in [(e.text, e.label_) for e in second_line]


def test_nationalities_are_norp(nlp):
    found = set(ents(nlp(FIXTURE)))
    assert ("Russian", "NORP") in found and ("Ukrainian", "NORP") in found


def test_surname_alone_is_not_invented(nlp):
    # Without the full name in the document there is nothing to propagate from.
    doc = nlp("The weather in the valley was calm.\nNobody was named.")
    assert [e for e in doc.ents if e.label_ == "PERSON"] == []


@pytest.mark.parametrize(
    "text",
    [
        FIXTURE,
        "one line without a period\nsecond line\n\nthird line after a blank line\n",
        "Mr. Kell arrived. He\nleft at noon.",
    ],
)
def test_sentences_never_cross_a_line_break(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n" not in sent.text.rstrip("\n\r "), repr(sent.text)


def test_output_is_deterministic(nlp):
    def signature(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]

    first = signature(nlp(FIXTURE))
    again = signature(nlp(FIXTURE))
    batched = [signature(d) for d in nlp.pipe([FIXTURE, "Unrelated text.", FIXTURE])]
    assert first == again == batched[0] == batched[2]


def test_networks_use_numpy_blas_and_agree_with_blis(nlp):
    import spacy
    from thinc.api import use_ops

    from parley.nlp import MODEL_DIR

    networks = [name for name, proc in nlp.pipeline if getattr(proc, "model", None) is not None]
    assert {"tok2vec", "tagger", "parser", "ner"} <= set(networks)
    assert not any(nlp.get_pipe(name).model.ops.use_blis for name in networks)
    with use_ops("numpy", use_blis=True):
        blis = spacy.load(MODEL_DIR)
    assert blis.get_pipe("tok2vec").model.ops.use_blis

    def signature(doc):
        return [(t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]

    assert signature(nlp(FIXTURE)) == signature(blis(FIXTURE))


def test_model_info_describes_the_shipped_model():
    info = model_info()
    assert info["license"] == "CC BY-SA 4.0"
    assert {"PERSON", "ORG", "GPE", "LOC", "NORP"} <= set(info["labels"])
    assert any("UD English-EWT" in s["name"] for s in info["sources"])
    assert "ner" in info["pipeline"] and "parser" in info["pipeline"]


def test_model_files_are_small_enough():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 50_000_000


def test_every_component_label_is_in_the_string_store(nlp):
    """The build drops the vectors' key strings from the store; labels that are also words
    ("NN", "ORG") must stay, or reading ``token.tag_`` fails."""
    strings = nlp.vocab.strings
    for name, pipe in nlp.pipeline:
        for label in getattr(pipe, "labels", ()) or ():
            assert label in strings, (name, label)
    doc = nlp("The envoys of Varenia said on Monday that talks would resume in Oslo.")
    assert all(t.tag_ and t.dep_ for t in doc)


def test_vectors_keep_every_key_the_tokenizer_can_produce(nlp):
    """Keys with an inner infix ("free-election") were dropped: the tokenizer splits them."""
    words = ["talks", "Talks", "ceasefire", "negotiators", "Geneva"]
    assert all(nlp.vocab.has_vector(w) for w in words)
    assert not nlp.vocab.has_vector("long-overdue") and nlp.vocab.has_vector("overdue")
    assert len(nlp("long-overdue")) == 3


def test_loads_offline_without_network():
    """Load in a fresh interpreter where any socket connection raises."""
    code = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from parley.nlp import load
        doc = load()("Talks resumed in Oslo.")
        print([(e.text, e.label_) for e in doc.ents])
        """
    )
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_PROXY="*")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Oslo" in result.stdout
