"""Restated sentences inside a document, and syndicated copies across documents (invented texts)."""

from __future__ import annotations

import pytest

from parley.clean import find_noise
from parley.clean.duplicates import is_copy, similarity
from parley.clean.syndication import (
    NUM_PERM,
    SYNDICATION_THRESHOLD,
    band_keys,
    body_text,
    is_syndicated,
    signature,
)
from parley.models import Noise

BODY = [
    "Negotiators from Kessary and Dolmar met for six hours in the lakeside town of Orvel on Tuesday.",
    "Foreign Minister Ilse Varga said the border question remained the main obstacle to a settlement.",
    "Dolmar's envoy Tomas Herrek met Kessary's President Anwen Ruth and her security adviser at the palace.",
    "The two sides agreed to set up a commission to map the disputed river crossings before the summer.",
    "Observers in the capital were cautious, noting that three earlier rounds had ended without a text.",
]


def marked(text: str) -> dict[str, str]:
    return {text[n.start:n.end]: n.reason for n in find_noise(text)}


def test_restated_sentence_marks_exactly_one_of_the_pair() -> None:
    restated = "Dolmar's envoy Tomas Herrek held talks with Kessary's President Anwen Ruth and her security adviser at the palace."
    text = "\n".join([*BODY[:3], restated, *BODY[3:]])
    got = marked(text)
    assert got == {restated: "near_duplicate"}


def test_exact_repeat_marks_the_later_copy_only() -> None:
    text = "\n".join([*BODY, BODY[1]])
    noise = find_noise(text)
    assert len(noise) == 1
    assert noise[0].start == text.rindex(BODY[1]) and noise[0].reason == "near_duplicate"


def test_quoted_words_repeated_are_not_marked() -> None:
    q1 = "“We will not sign a map that gives away the river,” Varga said at the press conference in Orvel."
    q2 = "“We will not sign a map that gives away the river,” Varga said again at the press conference."
    assert marked("\n".join([BODY[0], q1, BODY[1], q2, BODY[2]])) == {}


def test_headline_restated_by_the_lead_is_not_a_duplicate() -> None:
    title = "Kessary and Dolmar agree on a border commission in Orvel talks"
    lead = "Kessary and Dolmar agreed on Tuesday to set up a border commission after talks in Orvel."
    assert marked("\n".join([title, lead, *BODY[1:]])) == {}
    assert {v for v in marked("\n".join([title, lead, *BODY[1:]])).values()} == set()


def test_teaser_copy_of_the_title_is_marked_not_the_title() -> None:
    title = "Kessary and Dolmar agree on a border commission in Orvel talks"
    copy = "- - Kessary and Dolmar agree on a border commission in Orvel talks"
    text = "\n".join([title, copy, *BODY])
    assert marked(text) == {copy: "near_duplicate"}
    assert find_noise(text, title=title)[0].reason == "near_duplicate"


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        (BODY[2], BODY[2].replace("met", "held talks with"), 0.8, 1.0),
        (BODY[0], BODY[3], 0.0, 0.5),
        ("Talks resume.", "Talks resume.", 0.0, 0.0),  # too short to call a restatement
    ],
)
def test_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(a, b) <= high


def test_is_copy() -> None:
    assert is_copy("Delegates leave the hall in Orvel", "Delegates leave the hall in Orvel. Picture: Nordpress")
    assert not is_copy("Delegates leave the hall in Orvel", "Delegates stay in the hall in Orvel")
    assert not is_copy("Talks", "Talks resume")


# -- syndication --------------------------------------------------------------------------------
ARTICLE = " ".join(BODY * 2) + " " + " ".join(
    f"Paragraph {i} adds detail about the crossing at Mill {i} and the villages of the upper valley." for i in range(12)
)


def test_signature_is_deterministic_and_128_values() -> None:
    a, b = signature(ARTICLE), signature(ARTICLE)
    assert a == b and len(a) == NUM_PERM
    assert all(isinstance(v, int) for v in a)


def test_copy_with_a_changed_first_line_is_syndicated() -> None:
    copy = "ORVEL (Nordpress) - A new first line written by the reprinting site. " + ARTICLE.split(". ", 1)[1]
    sa, sb = signature(ARTICLE), signature(copy)
    assert is_syndicated(sa, sb)
    assert set(band_keys(sa)) & set(band_keys(sb))


def test_unrelated_article_is_not_syndicated() -> None:
    other = ("The harvest in the northern provinces of Ostral was the largest in a decade, the farmers' union said, "
             "and grain prices fell for the third month in a row as exporters struggled to find ships. ") * 3
    sa, sb = signature(ARTICLE), signature(other)
    assert not is_syndicated(sa, sb)
    assert not set(band_keys(sa)) & set(band_keys(sb))


def test_noise_is_left_out_of_the_signature() -> None:
    header = "Share this article\nBy Ana Lind\n"
    text = header + ARTICLE
    noise = [Noise(0, 18, "share"), Noise(19, 30, "byline")]
    assert body_text(text, noise).strip() == ARTICLE
    assert signature(text, noise) == signature(ARTICLE)


def test_band_keys_shape_and_errors() -> None:
    keys = band_keys(signature(ARTICLE))
    assert len(keys) == 32 and len(set(keys)) == 32
    assert all(k.split(":")[0].isdigit() for k in keys)
    with pytest.raises(ValueError):
        band_keys([1, 2, 3])
    assert 0.0 < SYNDICATION_THRESHOLD < 1.0


def test_empty_text_has_a_signature() -> None:
    assert len(signature("")) == NUM_PERM


def test_long_document_is_cleaned_in_about_linear_time() -> None:
    import time

    lines = [f"Point {i}: the negotiators went through item {i} of the agenda, the river crossing at Mill {i % 50}."
             for i in range(4000)]
    lines[3999] = lines[10]  # one exact repeat far away
    start = time.perf_counter()
    noise = find_noise("\n".join(lines))
    assert time.perf_counter() - start < 5.0
    assert [n.reason for n in noise] == ["near_duplicate"]


def test_without_metadata_the_first_headline_is_protected_like_a_title() -> None:
    title = "Kessary and Dolmar agree on a border commission in Orvel talks"
    text = "\n".join(["ÐšÐ¸Ñ€Ð¸Ð»Ð»Ð¸Ñ†Ð°", "", title, "", "Update " + title, "", title, "", title, *BODY])
    got = marked(text)
    assert got == {"ÐšÐ¸Ñ€Ð¸Ð»Ð»Ð¸Ñ†Ð°": "chrome", "Update " + title: "near_duplicate"}
