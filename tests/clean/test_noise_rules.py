"""find_noise on hand-written lines: each noise kind, and body text that must stay body.

Every text here is invented for the tests (fictional places and people)."""

from __future__ import annotations

import pytest

from parley.clean import find_noise, noise_share
from parley.models import NOISE_REASONS

BODY_A = "Negotiators from Kessary and Dolmar met for six hours in the lakeside town of Orvel on Tuesday."
BODY_B = "The talks ended without a joint text, but both delegations agreed to return next week."
BODY_C = "Foreign Minister Ilse Varga said the border question remained the main obstacle."


def reasons(text: str, **kw) -> dict[str, str]:
    """{line: reason} for every marked line (the whole line must be covered)."""
    out = {}
    for n in find_noise(text, **kw):
        out[text[n.start:n.end]] = n.reason
    return out


def doc(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Tomas Herrek", "byline"),
        ("By TOMAS HERREK and ANA LIND", "byline"),
        ("By Tomas Herrek, Ana Lind and Piet van Doorn", "byline"),
        ("Written by Marta Quell.", "byline"),
        ("By Orvel Daily (World Desk) | Updated at 2031-04-02 10:15", "byline"),
        ("Credit: Jon Abela/Nordpress", "photo_credit"),
        ("Photo: Kessary Ministry of Defence", "photo_credit"),
        ("Lea Marsh/Reuters", "photo_credit"),
        ("AFP/Getty Images", "photo_credit"),
        ("(photo credit: JON ABELA/NORDPRESS)", "photo_credit"),
        ("Related article", "teaser"),
        ("Read more: Dolmar recalls its envoy after the border incident", "teaser"),
        ("Follow live: talks in Orvel", "teaser"),
        ("Share this article", "share"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Donate now", "subscribe"),
        ("The views expressed here do not necessarily reflect those of the editors.", "disclaimer"),
        ("Sign up for the Morning Brief newsletter", "subscribe"),
        ("About Us", "about"),
        ("Advertisement", "chrome"),
        ("Skip to content", "chrome"),
        ("Listen to this article", "chrome"),
        ("News > World > Europe", "chrome"),
        ("The Orvel Courier Logo", "chrome"),
        ("Updated March 4, 2031 at 9:12 AM EST", "dateline"),
        ("14 March 2031, 08:05 | Updated: 14 March 2031, 11:40", "dateline"),
        ("Getty Images", "photo_credit"),
        ("Image source, Nordpress", "photo_credit"),
        ("Image caption, Delegates leave the conference hall in Orvel", "caption"),
        ("ORVEL, Kessary (Nordpress) —", "dateline"),
        ("AP Photo/Jon Abela", "photo_credit"),
        ("(Reporting by Ana Lind in Orvel; Editing by Tomas Herrek)", "byline"),
        ("Ana Lind in Orvel contributed reporting.", "byline"),
        ("Copyright 2031 Nordpress. All rights reserved. This material may not be published or redistributed.",
         "chrome"),
        ("Topics: Kessary, Dolmar, border talks", "chrome"),
        ("5 min read", "chrome"),
        ("We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of"
         " cookies. Accept all", "chrome"),
        ("![](https://example.org/orvel.jpg)", "chrome"),
        ("Opinions expressed in this column are those of the author and do not reflect the views of the paper.",
         "disclaimer"),
    ],
)
def test_each_noise_kind_is_marked(line: str, reason: str) -> None:
    text = doc(BODY_A, line, BODY_B, BODY_C)
    assert reasons(text) == {line: reason}


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the two sides had agreed on a timetable for the withdrawal.",
        "By 2032, the plan foresees a joint customs post at every crossing.",
        "“We deserve credit for this deal, and so does Dolmar,” Varga said.",
        "The ministry gave no credit to the mediators in its statement.",
        "Talks resume.",
        "Nobody signed.",
        "Both sides said they would share the costs of the commission.",
        "Ana Lind is a veteran of three earlier rounds and leads the Dolmar team.",
        "Subscribers of the state broadcaster were told the talks had collapsed.",
        "What comes next",
        "The sticking points",
        "A deal by the summer?",
        "- 2 -",
        "Łódź",
        "Çağlayan",
        "Donation pledges for reconstruction",
        "Varga said the leaked draft does not represent the position of Kessary.",
        "Subscription fees for the treaty archive were waived.",
        "March 3, 2031: delegations open the fourth round in Orvel",
        "The vote was held in Orvel, Kessary, on March 4, 2031.",
        "The treaty was signed in Orvel on May 3, 2031 in front of both cabinets.",
    ],
)
def test_body_lines_stay_body(line: str) -> None:
    text = doc(BODY_A, BODY_B, line, BODY_C, BODY_A.replace("Tuesday", "Friday"))
    assert line not in reasons(text)


def test_spans_are_sorted_non_overlapping_and_inside_the_text() -> None:
    text = doc("", "By Ana Lind", "  Credit: Jon Abela/Nordpress  ", BODY_A, "", "Share this article", BODY_B)
    noise = find_noise(text)
    assert [n.start for n in noise] == sorted(n.start for n in noise)
    for a, b in zip(noise, noise[1:], strict=False):
        assert a.end <= b.start
    for n in noise:
        assert 0 <= n.start < n.end <= len(text)
        assert text[n.start:n.end] == text[n.start:n.end].strip()
        assert n.reason in NOISE_REASONS
    assert text[noise[1].start:noise[1].end] == "Credit: Jon Abela/Nordpress"


def test_text_without_noise_gives_nothing() -> None:
    assert find_noise(doc(BODY_A, BODY_B, BODY_C)) == []
    assert find_noise("") == []
    assert find_noise("\n\n  \n") == []


def test_lone_author_name_in_the_header_is_a_byline() -> None:
    text = doc("Orvel talks stall over the border map", "", "Dr. Marta Quell", "", BODY_A, BODY_B, BODY_C)
    assert reasons(text) == {"Dr. Marta Quell": "byline"}


def test_names_continuing_a_byline() -> None:
    text = doc("By Tomas Herrek,", "Ana Lind", "and Piet van Doorn", BODY_A, BODY_B)
    assert reasons(text) == {"By Tomas Herrek,": "byline", "Ana Lind": "byline", "and Piet van Doorn": "byline"}


def test_known_author_line_is_a_byline() -> None:
    text = doc(BODY_A, "Marta Quell, Orvel correspondent", BODY_B)
    assert reasons(text, authors=["Marta Quell"]) == {"Marta Quell, Orvel correspondent": "byline"}


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_author_bio(where: str) -> None:
    bio = ("Ilona Presk, a former envoy of Kessary to the Northern League, is a senior fellow at the Orvel "
           "Institute. She writes a weekly column on diplomacy.")
    lines = [BODY_A, BODY_B, BODY_C]
    text = doc(bio, *lines) if where == "top" else doc(*lines, bio)
    assert reasons(text) == {bio: "bio"}


def test_a_body_sentence_about_an_official_is_not_a_bio() -> None:
    line = "Ilse Varga, who has led the delegation since March, is a former judge of the border court."
    text = doc(BODY_A, BODY_B, line, BODY_C, "The next round is planned for May.", "Observers were hopeful.",
               "Nobody expected a deal before the elections in Dolmar.")
    assert reasons(text) == {}


def test_caption_beside_a_credit() -> None:
    caption = "Soldiers of the Dolmar border guard patrol the river crossing near Orvel."
    text = doc(BODY_A, BODY_B, caption, "Lea Marsh/Nordpress", BODY_C)
    assert reasons(text) == {caption: "caption", "Lea Marsh/Nordpress": "photo_credit"}


def test_caption_under_a_credit_ends_with_place_and_date() -> None:
    caption = "Ilse Varga speaks to reporters outside the town hall in Orvel, Kessary, on March 3, 2031"
    text = doc("Photo credit: Jon Abela/Nordpress", caption, BODY_A, BODY_B)
    assert reasons(text) == {"Photo credit: Jon Abela/Nordpress": "photo_credit", caption: "caption"}


def test_header_image_credit_does_not_swallow_the_first_paragraph() -> None:
    text = doc("Orvel talks stall", "", "Credit: Jon Abela/Nordpress", "", BODY_A + " " + BODY_B, "", BODY_C)
    assert reasons(text) == {"Credit: Jon Abela/Nordpress": "photo_credit"}


@pytest.mark.parametrize(
    "caption",
    [
        "Delegates leave the conference hall in Orvel on March 3, 2031. (AP Photo/Lea Marsh)",
        "Delegates leave the conference hall in Orvel on March 3, 2031. (LEA MARSH / NORDPRESS)",
        "Delegates leave the conference hall in Orvel. (photo credit: LEA MARSH/NORDPRESS)",
        "Delegates leave the conference hall in Orvel. Picture: Getty",
        "Delegates leave the conference hall in Orvel. / Reuters",
    ],
)
def test_caption_with_its_credit_inline(caption: str) -> None:
    assert reasons(doc(BODY_A, caption, BODY_B, BODY_C)) == {caption: "caption"}


def test_caption_printed_twice_marks_both_copies() -> None:
    caption = "Delegates leave the conference hall in Orvel after the second round of talks"
    text = doc(BODY_A, "", caption, caption + ".", "", BODY_B, BODY_C)
    assert reasons(text) == {caption: "caption", caption + ".": "caption"}


def test_caption_glued_to_a_paragraph_marks_only_the_caption_sentence() -> None:
    caption = "Ilse Varga and Tomas Herrek shake hands in Orvel on March 3, 2031.(AFP)"
    line = BODY_A + " " + BODY_B + " " + caption
    text = doc(line, BODY_C)
    (n,) = find_noise(text)
    assert text[n.start:n.end] == caption and n.reason == "caption"


def test_standalone_photo_description_with_place_and_date() -> None:
    caption = "Ilse Varga talks to reporters as she arrives at the border post on March 3, 2031 in Orvel, Kessary."
    assert reasons(doc(BODY_A, BODY_B, caption, BODY_C)) == {caption: "caption"}


def test_teaser_block_after_a_marker() -> None:
    text = doc(BODY_A, "Related article", "Dolmar recalls its envoy after the border incident", "So, what now?", BODY_B)
    assert reasons(text) == {"Related article": "teaser", "Dolmar recalls its envoy after the border incident": "teaser"}


def test_teaser_list_with_blank_lines() -> None:
    text = doc(BODY_A, "", "READ:", "", "Orvel talks: what is on the table?", "", "Five moments that shaped the border dispute",
               "", BODY_B, "", BODY_C)
    assert reasons(text) == {"READ:": "teaser", "Orvel talks: what is on the table?": "teaser",
                             "Five moments that shaped the border dispute": "teaser"}


def test_donation_box_up_to_the_blank_line() -> None:
    box = ["This season, give to:", "Independent reporting", "Our reporters are in Orvel and the border towns.",
           "We stay there."]
    text = doc(BODY_A, BODY_B, *box, "", "", BODY_C)
    assert reasons(text) == {box[0]: "subscribe", box[1]: "subscribe", box[2]: "subscribe", box[3]: "subscribe"}


def test_newsletter_promo_without_a_blank_line_stops_at_the_body() -> None:
    text = doc("Unlock the Border Watch newsletter for free", "Your guide to the talks, every Friday", BODY_A, BODY_B)
    assert reasons(text) == {"Unlock the Border Watch newsletter for free": "subscribe",
                             "Your guide to the talks, every Friday": "subscribe"}


def test_about_box_takes_its_paragraph() -> None:
    about = "The Orvel Courier is an independent daily newspaper based in Kessary."
    text = doc(BODY_A, BODY_B, BODY_C, "About Us", about)
    assert reasons(text) == {"About Us": "about", about: "about"}


def test_lines_above_the_title_are_chrome() -> None:
    title = "Kessary and Dolmar agree to a second round of talks"
    text = doc("BORDER TALKS", "Back to World", title, "The agreement came after six hours.", BODY_A, BODY_B)
    assert reasons(text, title=title) == {"BORDER TALKS": "chrome", "Back to World": "chrome"}


def test_all_caps_kicker_at_the_top_without_a_title() -> None:
    text = doc("BORDER TALKS", "Kessary and Dolmar agree to a second round of talks", BODY_A, BODY_B)
    assert reasons(text) == {"BORDER TALKS": "chrome"}


def test_title_is_never_noise_even_when_repeated() -> None:
    title = "Kessary and Dolmar agree to a second round of talks"
    text = doc(title, "", title, "", BODY_A, BODY_B)
    assert reasons(text, title=title) == {}


def test_bare_counter_is_chrome_but_an_ornamented_section_number_is_not() -> None:
    text = doc(BODY_A, "0", BODY_B, "• 2 •", BODY_C)
    assert reasons(text) == {"0": "chrome"}


def test_noise_share() -> None:
    text = doc("By Ana Lind", BODY_A)
    share = noise_share(text, find_noise(text))
    assert 0.05 < share < 0.2
    assert noise_share("", []) == 0.0


def test_credit_above_a_dated_caption_claims_the_caption_not_the_body_line_above() -> None:
    caption = "Ilse Varga speaks to reporters outside the town hall in Orvel, Kessary, on March 3, 2031."
    text = doc(BODY_A, "Nobody expected a deal before the elections.", "Photo: Jon Abela/Nordpress", caption, BODY_B)
    assert reasons(text) == {"Photo: Jon Abela/Nordpress": "photo_credit", caption: "caption"}


def test_dek_above_a_lone_byline_stays_body() -> None:
    dek = "Both capitals need the dispute more than they need a solution."
    text = doc("The river will not wait for the mapmakers", dek, "Marta Quell", BODY_A, BODY_B)
    assert reasons(text) == {"Marta Quell": "byline"}


def test_crlf_text_offsets_leave_out_the_carriage_return() -> None:
    text = "By Ana Lind\r\n" + BODY_A + "\r\n"
    (n,) = find_noise(text)
    assert text[n.start:n.end] == "By Ana Lind"
