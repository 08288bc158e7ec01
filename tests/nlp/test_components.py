"""Parley's rule components on a blank English pipeline (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from parley.nlp.components import EntityPostprocessor, aux_lemmas, line_breaks


@pytest.fixture()
def nlp():
    return spacy.blank("en")


def with_ents(nlp, text, spans, pos=None):
    """Doc with entities given as (start token, end token, label); optional UPOS per token."""
    doc = nlp.make_doc(text)
    if pos:
        for token, tag in zip(doc, pos, strict=True):
            token.pos_ = tag
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


@pytest.fixture()
def post(nlp):
    return EntityPostprocessor(
        nlp,
        "parley_entities",
        gpe_names={"Lisbon", "Jordan", "Porto", "Quell"},
        norp_names={"Ukrainian"},
        major_places={"Lisbon", "Jordan"},
    )


def test_line_break_starts_a_sentence(nlp):
    doc = line_breaks(nlp.make_doc("first line\nsecond line\n\nthird"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["first", "second", "third"]
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)


def test_labels_are_mapped_and_places_split(nlp, post):
    doc = with_ents(
        nlp,
        "Ada Quell flew to Lisbon over the Tagus River and the Ukrainian border",
        [(0, 2, "PER"), (4, 5, "LOC"), (7, 9, "LOC"), (11, 12, "LOC")],
    )
    assert [(e.text, e.label_) for e in post(doc).ents] == [
        ("Ada Quell", "PERSON"),
        ("Lisbon", "GPE"),
        ("Tagus River", "LOC"),
        ("Ukrainian", "NORP"),
    ]


def test_titles_are_trimmed_from_people(nlp, post):
    doc = with_ents(nlp, "Foreign Minister Ada Quell spoke", [(0, 4, "PER")])
    assert [(e.text, e.label_) for e in post(doc).ents] == [("Ada Quell", "PERSON")]


def test_a_bare_title_is_not_a_person(nlp, post):
    doc = with_ents(nlp, "The President spoke", [(1, 2, "PER")])
    assert list(post(doc).ents) == []


def test_surname_and_first_name_propagate(nlp, post):
    text = "Ada Quell arrived . Quell spoke . Later Ada left ."
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "ADV", "PROPN", "VERB", "PUNCT"]
    doc = post(with_ents(nlp, text, [(0, 2, "PER")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ada Quell", "PERSON"),
        ("Quell", "PERSON"),
        ("Ada", "PERSON"),
    ]


def test_surname_relabels_a_one_word_misfire_but_not_a_known_place(nlp, post):
    text = "Omar Jordan and Ida Brask met . Brask and Jordan left ."
    doc = post(with_ents(nlp, text, [(0, 2, "PER"), (3, 5, "PER"), (7, 8, "ORG"), (9, 10, "GPE")]))
    labels = {(e.start, e.text): e.label_ for e in doc.ents}
    assert labels[(7, "Brask")] == "PERSON"
    assert labels[(9, "Jordan")] == "GPE"  # a known place name keeps its label


def test_no_propagation_from_single_names(nlp, post):
    text = "Quell spoke . Quell left ."
    doc = post(with_ents(nlp, text, [(0, 1, "PER")], ["PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]))
    assert [e.start for e in doc.ents] == [0]


def test_common_words_are_not_propagated(nlp, post):
    text = "Will Brask arrived . Will you go ?"
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "AUX", "PRON", "VERB", "PUNCT"]
    doc = post(with_ents(nlp, text, [(0, 2, "PER")], pos))
    assert [e.text for e in doc.ents] == ["Will Brask"]


def test_auxiliary_lemmas(nlp):
    doc = nlp.make_doc("talks were held and n't")
    for token, tag in zip(doc, ["NOUN", "AUX", "VERB", "CCONJ", "PART"], strict=True):
        token.pos_ = tag
        token.lemma_ = token.lower_
    doc = aux_lemmas(doc)
    assert [t.lemma_ for t in doc] == ["talks", "be", "held", "and", "not"]


def test_postprocessor_round_trips_its_word_lists(nlp, post, tmp_path):
    post.to_disk(tmp_path)
    other = EntityPostprocessor(nlp, "x").from_disk(tmp_path)
    assert other.gpe_names == post.gpe_names and other.norp_names == {"Ukrainian"}
    assert other.major_places == {"Lisbon", "Jordan"}


def test_one_word_person_that_is_a_place(nlp, post):
    text = "Lisbon said yes . They flew to Porto . Porto agreed ."
    doc = post(with_ents(nlp, text, [(0, 1, "PER"), (7, 8, "PER"), (9, 10, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Lisbon", "GPE"),
        ("Porto", "GPE"),
        ("Porto", "PERSON"),
    ]


def test_place_word_used_in_a_full_name_stays_a_person(nlp, post):
    text = "Ada Quell spoke . Quell left ."
    doc = post(with_ents(nlp, text, [(0, 2, "PER"), (4, 5, "PER")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Ada Quell", "PERSON"), ("Quell", "PERSON")]


def test_place_head_words_and_job_titles(nlp, post):
    text = "the Lisbon University and the Gulf War and the National Security Adviser"
    doc = post(with_ents(nlp, text, [(1, 3, "LOC"), (5, 7, "LOC"), (9, 12, "ORG")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Lisbon University", "ORG"), ("Gulf War", "EVENT")]


def test_nationality_before_a_person_is_trimmed(nlp, post):
    doc = with_ents(nlp, "Ukrainian Minister Ada Quell spoke", [(0, 4, "PER")])
    assert [(e.text, e.label_) for e in post(doc).ents] == [("Ada Quell", "PERSON")]


def test_known_full_name_is_cut_from_a_longer_entity(nlp, post):
    text = "Ada Quell spoke . Regional Envoy Ada Quell left ."
    doc = post(with_ents(nlp, text, [(0, 2, "PER"), (4, 8, "LOC")]))
    assert [(e.text, e.label_) for e in doc.ents] == [("Ada Quell", "PERSON"), ("Ada Quell", "PERSON")]
    assert list(doc.ents)[1].start == 6


def parsed(nlp, words, pos, heads, deps, spans):
    """Doc with POS, a dependency parse (absolute head indices) and entities."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def test_untagged_name_after_a_role_noun_is_a_person(nlp, post):
    words = ["Porto", "'s", "defence", "minister", "Ada", "Quell", "said", "Minister", "Office", "no"]
    pos = ["PROPN", "PART", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "DET"]
    doc = post(with_ents(nlp, " ".join(words), [(0, 1, "LOC")], pos))
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("Ada Quell", "PERSON") in found
    assert not any(e.text.startswith("Office") for e in doc.ents)  # an office is not a name


def test_title_rule_stops_at_places_and_verbs(nlp, post):
    words = ["envoy", "Lisbon", "talks", "and", "the", "minister", "said"]
    pos = ["NOUN", "PROPN", "NOUN", "CCONJ", "DET", "NOUN", "VERB"]
    doc = post(with_ents(nlp, " ".join(words), [], pos))
    assert [e for e in doc.ents if e.label_ == "PERSON"] == []


def test_names_coordinated_with_a_person_are_people(nlp, post):
    # "Ada Quell , Berg and Lind met" : Berg and Lind are conjuncts of the person Quell
    words = ["Ada", "Quell", ",", "Berg", "and", "Lind", "met"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"]
    heads = [6, 0, 3, 0, 5, 0, 6]
    deps = ["nsubj", "flat", "punct", "conj", "cc", "conj", "ROOT"]
    doc = post(parsed(nlp, words, pos, heads, deps, [(0, 2, "PER")]))
    assert {(e.text, e.label_) for e in doc.ents} == {
        ("Ada Quell", "PERSON"), ("Berg", "PERSON"), ("Lind", "PERSON")}


def test_no_coordination_rule_in_a_list_with_places(nlp, post):
    words = ["Ada", "Quell", ",", "Porto", "and", "Varn", "met"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"]
    heads = [6, 0, 3, 0, 5, 0, 6]
    deps = ["nsubj", "flat", "punct", "conj", "cc", "conj", "ROOT"]
    doc = post(parsed(nlp, words, pos, heads, deps, [(0, 2, "PER"), (3, 4, "LOC")]))
    assert ("Varn", "PERSON") not in {(e.text, e.label_) for e in doc.ents}


def test_a_word_the_document_uses_as_a_place_is_not_a_person(nlp, post):
    words = ["Varn", "will", "ask", ".", "Talks", "in", "Varn", "ended", "."]
    pos = ["PROPN", "AUX", "VERB", "PUNCT", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    doc = post(with_ents(nlp, " ".join(words), [(0, 1, "PER"), (6, 7, "LOC")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [("Varn", "GPE"), ("Varn", "GPE")]


def test_a_plural_proper_noun_is_a_group_not_a_person(nlp, post):
    doc = with_ents(nlp, "The Varenians objected", [(1, 2, "PER")], ["DET", "PROPN", "VERB"])
    doc[1].tag_ = "NNPS"
    assert [(e.text, e.label_) for e in post(doc).ents] == [("Varenians", "NORP")]


def test_entity_running_from_a_title_into_a_name_gives_the_name_back(nlp, post):
    words = ["by", "Foreign", "Minister", "Eirik", "Baldursson", "today"]
    pos = ["ADP", "ADJ", "PROPN", "PROPN", "PROPN", "NOUN"]
    doc = post(with_ents(nlp, " ".join(words), [(1, 4, "ORG")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [("Eirik Baldursson", "PERSON")]


def test_surname_in_capitals_is_the_person(nlp, post):
    words = ["Envoy", "Ada", "Quell", "spoke", ".", "QUELL", ":", "Thank", "you", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"]
    doc = post(with_ents(nlp, " ".join(words), [(1, 3, "PER"), (5, 6, "ORG")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [("Ada Quell", "PERSON"), ("QUELL", "PERSON")]


def test_name_with_a_role_apposition_is_a_person(nlp, post):
    # "Tomas Brand , the chief negotiator , said": Brand's apposition is a role noun
    words = ["Tomas", "Brand", ",", "the", "chief", "negotiator", ",", "said", "no"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB", "INTJ"]
    heads = [7, 0, 5, 5, 5, 0, 0, 7, 7]
    deps = ["nsubj", "flat", "punct", "det", "amod", "appos", "punct", "ROOT", "obj"]
    doc = post(parsed(nlp, words, pos, heads, deps, []))
    assert [(e.text, e.label_) for e in doc.ents] == [("Tomas Brand", "PERSON")]


def test_entity_of_another_type_right_after_an_office_is_a_person(nlp, post):
    words = ["Foreign", "Minister", "Pavel", "Rusk", "and", "General", "Motors", "met", "in", "Lisbon"]
    pos = ["ADJ", "PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADP", "PROPN"]
    doc = post(with_ents(nlp, " ".join(words), [(2, 4, "LOC"), (5, 7, "ORG"), (9, 10, "LOC")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Pavel Rusk", "PERSON"), ("General Motors", "ORG"), ("Lisbon", "GPE")]


def test_a_newspaper_named_like_a_person_is_an_organization(nlp, post):
    doc = with_ents(nlp, "the Velgrad Herald reported", [(1, 3, "PER")], ["DET", "PROPN", "PROPN", "VERB"])
    assert [(e.text, e.label_) for e in post(doc).ents] == [("Velgrad Herald", "ORG")]


def test_acronym_and_name_read_as_one_organization_are_split_after_an_office(nlp, post):
    words = ["envoy", "to", "the", "UN", "Mika", "Valtz", "said"]
    pos = ["NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "VERB"]
    doc = post(with_ents(nlp, " ".join(words), [(3, 6, "ORG")], pos))
    assert [(e.text, e.label_) for e in doc.ents] == [("UN", "ORG"), ("Mika Valtz", "PERSON")]
