"""The noise rules: each looks at a page's lines and marks the ones that are not body text.

The rules read the shape of a line (its length, its punctuation, its capitals, where it sits
on the page, what surrounds it) and generic cue words of page furniture. They are ordered from
the surest (a menu item, a "Credit:" line) to the ones that lean on earlier marks (a caption is
the line beside a credit; a teaser is the headline after a "Related article" marker). They are
conservative about body text: a short line that reads like a sentence stays body unless a cue
says otherwise, because a false mark hides real content from extraction.
"""

from __future__ import annotations

import re

from parley.clean import cues
from parley.clean.duplicates import is_copy, normalized
from parley.clean.lines import QUOTE_CHARS, Line
from parley.clean.page import Page

# Longest line (in words) that can be a menu item, a credit, a byline or a box heading.
SHORT = 14
# How many non-blank lines at the top are searched for kickers when the title is unknown.
HEADER_SCAN = 3
# Longest line that can be a photo caption.
CAPTION_MAX_WORDS = 70
# Body prose opens with these; headlines, captions and bylines almost never do.
_CONNECTIVE = re.compile(
    r"^(?:so|but|and|yet|still|now|then|however|meanwhile|instead|indeed|also|moreover|this|that|these"
    r"|those|it|he|she|they|we|i|there|here|thus|hence|even|which|while|although|though)\b[\s,]",
    re.IGNORECASE,
)
# Where a sentence starts inside a line (the line start counts as one).
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?][”’\"')\]])|(?<=[.!?]))\s*(?=[A-Z“\"‘(])")
_AUXILIARY = re.compile(r"\b(?:was|were|had|has|have|is|are|did|will|would|been)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|our|we|us)\b", re.IGNORECASE)
_BY = re.compile(
    r"^(?:by|written by|reported by|reporting by|words by|story by|text by|compiled by|edited by)\s+(?=\S)",
    re.IGNORECASE,
)


# -- helpers ---------------------------------------------------------------------------------
def has_quote(s: str) -> bool:
    """True when the line holds a quotation mark (quoted speech is body text)."""
    return any(c in s for c in QUOTE_CHARS)


def is_name(chunk: str, *, allow_caps: bool = False) -> bool:
    """True when ``chunk`` reads as one person's name: 2-5 capitalized tokens or initials
    (an honorific and particles such as "al-" or "van" allowed), no heading words."""
    tokens = chunk.split()
    if tokens and re.fullmatch(cues.HONORIFIC, tokens[0]):
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= 5:
        return False
    real = 0
    for t in tokens:
        t = t.strip(",")
        if t.lower() in cues.NAME_PARTICLES:
            continue
        if t.lower() in cues.NOT_NAME_WORDS:
            return False
        if cues.NAME_TOKEN.match(t) or (allow_caps and cues.CAPS_NAME_TOKEN.match(t)):
            real += len(t.rstrip(".")) > 1
            continue
        return False
    return real >= 2


def name_list(s: str, *, allow_caps: bool = False) -> bool:
    """True when ``s`` is one or more names joined by commas, "and" or "&"."""
    s = re.sub(r"^(?:and|&)\s+", "", s.strip().rstrip(",;").strip())
    chunks = [c for c in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", s) if c]
    return 1 <= len(chunks) <= 5 and all(is_name(c, allow_caps=allow_caps) for c in chunks)


def is_timestamp(line: Line) -> bool:
    """A line that only gives a date or time, perhaps with "Updated", a name or an outlet."""
    if line.n_words > 22 or not cues.DATE_OR_TIME.search(line.readable):
        return False
    rest = cues.DATE_OR_TIME.sub(" ", line.readable)
    for w in re.findall(r"[^\W\d_]+", rest):
        if w.lower() in cues.TIMESTAMP_WORDS or w[0].isupper():
            continue
        return False
    # A sentence ending in a date ("The vote was held on 3 May.") has lowercase words and
    # fails above; a bare headline-cased sentence with a verb is rare enough to accept.
    return True


def caption_like(line: Line, *, strict: bool = False) -> bool:
    """A line that describes a photograph: one descriptive sentence that ends with where and
    when it was taken, no quotation, no attribution ("said", "told"). ``strict`` (for a line
    with no credit beside it) also wants the caption's present tense: "X speaks during ...",
    not "X was unveiled on ..." (a body sentence that happens to end with a date)."""
    s = line.content
    if line.n_words < 6 or line.n_words > CAPTION_MAX_WORDS or has_quote(s) or cues.ATTRIBUTION.search(s):
        return False
    if _CONNECTIVE.match(s):
        return False
    first = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", s, maxsplit=1)[0]
    dates = list(cues.FULL_DATE.finditer(first))
    if not dates:
        return False
    m = dates[-1]
    if strict and (_AUXILIARY.search(first) or any(w.endswith("ed") and w.islower() for w in first.split()[:8])):
        return False
    tail = first[m.end():]
    # Nothing but a place may follow the date ("... on May 3, 2025 in Cairo, Egypt.").
    return bool(re.fullmatch(r"(?:,?\s*(?:in|at|near)?\s*[A-Z][\w.’'\- ]*(?:,\s*[A-Z][\w.’'\- ]*)*)?\W*", tail))


# -- rules -----------------------------------------------------------------------------------
def mark_furniture(page: Page) -> None:
    """Menus, share bars, logos, boxes, disclaimers: lines that are site furniture by their words."""
    for line in page.nonblank():
        s, n = line.content, line.n_words
        if cues.DISCLAIMER.search(s) and n <= 90:
            page.mark(line, "disclaimer")
        elif n <= SHORT and cues.SHARE.match(s):
            page.mark(line, "share")
        elif n <= SHORT and cues.ABOUT_HEADING.match(s):
            if page.mark(line, "about"):
                nxt = page.next(line)
                # The box's text describes the publication ("X is a daily newspaper", "We are ...").
                if nxt is not None and nxt.n_words <= 120 and (
                        cues.ABOUT_BODY.match(nxt.content) or re.match(r"(?:We|Our)\b", nxt.content)):
                    page.mark(nxt, "about")
        elif cues.ABOUT_BODY.match(s) and page.in_footer(line) and n <= 120:
            page.mark(line, "about")
        elif n <= SHORT and (cues.CHROME_LINE.match(s) or cues.BARE_NUMBER.match(s)):
            page.mark(line, "chrome")
        elif (n <= 45 and cues.FOOTER_LINE.match(s)) or cues.MARKUP_LINE.match(s):
            page.mark(line, "chrome")
        elif n <= 40 and cues.REPORTING_CREDIT.match(s):
            page.mark(line, "byline")
        elif n <= 8 and cues.BREADCRUMB.match(s) and not line.ends_sentence and not _slash_credit(s):
            page.mark(line, "chrome")
        elif n <= 8 and cues.LOGO_LINE.search(s) and not line.ends_sentence:
            page.mark(line, "chrome")
        elif _mojibake(s):
            page.mark(line, "chrome")
        elif n <= 20 and cues.SUBSCRIBE.search(s) and (not line.ends_sentence or _SECOND_PERSON.search(s)):
            if page.mark(line, "subscribe"):
                _mark_box(page, line, "subscribe")


def _mark_box(page: Page, opener: Line, reason: str) -> None:
    """Extend a newsletter or donation box over the short lines that follow its opener: up to the
    next blank line when one comes soon, else while the lines keep the box's voice ("you", "our")."""
    block: list[Line] = []
    i = opener.index + 1
    while i < len(page.lines) and not page.lines[i].blank and len(block) < 8:
        block.append(page.lines[i])
        i += 1
    closed = i < len(page.lines) and page.lines[i].blank
    for line in block:
        if line.n_words > 30 or has_quote(line.content):
            break
        if not closed and not (_SECOND_PERSON.search(line.content) or line.n_words <= 4):
            break
        page.mark(line, reason)


def mark_credits(page: Page) -> None:
    """Photo credits, alone on their line ("Credit: X", "Name/Agency") or closing a caption."""
    for line in page.nonblank():
        s, n = line.content, line.n_words
        if (n <= 20 and cues.CREDIT_PREFIX.match(s)) or cues.AGENCY_ONLY.match(s):
            page.mark(line, "photo_credit")
            continue
        if n <= CAPTION_MAX_WORDS and cues.CAPTION_PREFIX.match(s):
            page.mark(line, "caption")
            continue
        if n <= 16 and not line.ends_sentence and _slash_credit(s):
            page.mark(line, "photo_credit")
            continue
        m = cues.CREDIT_SUFFIX.search(s)
        if not m:
            continue
        if m.start() == 0 or not s[: m.start()].strip(" ."):
            page.mark(line, "photo_credit")
            continue
        # A caption glued to the end of a paragraph: mark the sentence that carries the credit.
        sentences = list(_SENTENCE_START.finditer(s[: m.start()]))
        first = s[: sentences[1].start()] if len(sentences) > 1 else s
        if len(sentences) > 1 and not caption_like(Line(line.index, line.start, line.start + len(first), first)):
            cap_start = sentences[-1].end()
            if not cues.ATTRIBUTION.search(s[cap_start:m.start()]) and not has_quote(s[cap_start:m.start()]):
                page.mark(line, "caption", (line.start + cap_start, line.end))
        elif n <= CAPTION_MAX_WORDS + 12 and not cues.ATTRIBUTION.search(s[: m.start()]):
            page.mark(line, "caption")


def _slash_credit(s: str) -> bool:
    """"Name Surname/Agency", "AGENCY/Name": capitalized words on both sides of a slash."""
    if "/" not in s or "//" in s:
        return False
    parts = [p.strip() for p in s.split("/")]
    if not 2 <= len(parts) <= 4 or not all(parts):
        return False
    for p in parts:
        words = p.split()
        if not 1 <= len(words) <= 8:
            return False
        if not all(w[0].isupper() or w.lower() in cues.NAME_PARTICLES or w.lower() == "via" for w in words):
            return False
    return True


def mark_bylines_and_dates(page: Page) -> None:
    """"By X", "Written by X", lone author names in the header, timestamps."""
    authors = [normalized(a) for a in page.authors if a and normalized(a)]
    for line in page.nonblank():
        s, n = line.content, line.n_words
        if n > 30:
            continue
        m = _BY.match(s)
        if n <= 8 and cues.DATELINE_ONLY.match(s):
            page.mark(line, "dateline")
        elif m and _byline_rest(s[m.end():]):
            page.mark(line, "byline")
        elif authors and n <= SHORT and any(a in normalized(s) for a in authors) and not line.ends_sentence:
            page.mark(line, "byline")
        elif is_timestamp(line) and not page.is_title(line):
            first = re.split(r",|\bPublished\b|\bUpdated\b|\d", line.readable, maxsplit=1)[0]
            page.mark(line, "byline" if name_list(first) else "dateline")
        elif n <= 10 and name_list(s) and _byline_place(page, line):
            page.mark(line, "byline")


def _byline_rest(rest: str) -> bool:
    """The part after "By": names, an outlet, a date; not "By Friday, the two sides agreed"."""
    rest = cues.DATE_OR_TIME.sub(" ", rest)
    words = re.findall(r"[^\W\d_]+(?:[’'.\-][^\W\d_]+)*", rest)
    words = [re.sub(r"^(?:al|el|bin|ibn|abu|ben|de|di|da|van|von)-", "", w) for w in words]
    if not words or len(words) > 16:
        return False
    if words[0].lower() in cues.NOT_NAME_WORDS and words[0].lower() not in ("the",):
        return False
    return all(w[0].isupper() or w.lower() in cues.TIMESTAMP_WORDS or w.lower() in cues.NAME_PARTICLES
               or w.lower() in ("and", "with", "in", "for", "via", "staff", "writer", "reporter", "correspondent", "editor")
               for w in words)


def _byline_place(page: Page, line: Line) -> bool:
    """Where a lone name is a byline: the header, right after another byline, or the footer."""
    prev = page.prev(line)
    if prev is not None and page.reason(prev) in ("byline", "dateline"):
        return True
    return page.in_header(line) or page.from_bottom(line) < 2


def mark_bios(page: Page) -> None:
    """Author bios: "<Name>, <appositive>, is a <role> at ..." at the top or the bottom."""
    role = re.compile(
        r"^(?P<name>(?:[A-Z][\w.’'\-]+\s+){1,4}[A-Z][\w’'\-]+)(?:,[^,]{2,160},)?\s+(?:is|was|serves as|has been)\s+"
        r"(?:(?:a|an|the)\s+)?(?:[\w’'\-]+\s+){0,6}?" + cues.BIO_ROLE + r"s?\b"
    )
    authorish = re.compile(
        r"\b(?:fellow|columnist|analyst|journalist|correspondent|writer|contributor|author|researcher"
        r"|commentator|scholar|professor|lecturer|editor|blogger|host)\b", re.IGNORECASE)
    for line in page.nonblank():
        if not (page.rank(line) < 2 or page.in_footer(line)) or line.n_words > 150:
            continue
        m = role.match(line.content)
        if not m or not is_name(m.group("name").strip()):
            continue
        if authorish.search(line.content[: m.end() + 40]) or cues.BIO_EXTRA.search(line.content):
            page.mark(line, "bio")


def mark_teasers(page: Page) -> None:
    """"Related article" / "Read more" markers, the headlines they introduce, inline teasers."""
    for line in page.nonblank():
        s = line.content
        if line.n_words <= 4 and cues.TEASER_MARKER.match(s):
            if page.mark(line, "teaser") or page.reason(line) == "teaser":
                _mark_teaser_block(page, line)
        elif line.n_words <= 35 and cues.TEASER_INLINE.match(s):
            page.mark(line, "teaser")


def _mark_teaser_block(page: Page, marker: Line) -> None:
    """The cards after a teaser marker: their picture's caption and credit, then headlines."""
    line = page.next(marker)
    headlines = 0
    while line is not None and headlines < 4:
        if page.reason(line) in ("caption", "photo_credit"):
            line = page.next(line)
            continue
        if not _headline_shaped(line):
            if headlines == 0 and caption_like(line):  # the card's picture, credit below it
                page.mark(line, "caption")
                line = page.next(line)
                continue
            break
        page.mark(line, "teaser")
        headlines += 1
        line = page.next(line)


def _headline_shaped(line: Line) -> bool:
    """A headline: at most 25 words, no closing period, not opening like running prose."""
    s = line.content
    return (0 < line.n_words <= 25 and not s.endswith(".") and not _CONNECTIVE.match(s)
            and not s.endswith(":"))


def mark_captions(page: Page) -> None:
    """Captions: the line beside a credit, the twice-printed line (alt text and caption), and
    lines that describe a photo with its place and date."""
    lines = list(page.nonblank())
    # A line printed twice in a row (or once with its credit): alt text and caption.
    for a, b in zip(lines, lines[1:], strict=False):
        if page.is_title(a) or page.is_title(b) or page.rank(a) == 0:
            continue
        if a.n_words >= 6 and is_copy(a.content, b.content) and not has_quote(a.content):
            page.mark(a, "caption")
            page.mark(b, "caption")
    for line in lines:
        credit, name = page.reason(line) == "photo_credit", _lone_name(page, line)
        if not credit and not name:
            continue
        before, after = page.prev(line), page.next(line)
        # A caption that describes its photo (place and date) wins, above or below; else the
        # one-sentence line above a credit (layouts that print the credit under the caption).
        # A lone name only claims the line below it: above a byline sits the headline or dek.
        if after is not None and page.reason(after) is None and caption_like(after):
            page.mark(after, "caption")
            if name:  # the name over a caption is its photographer
                page.marks[line.index] = "photo_credit"
        elif credit and before is not None and page.reason(before) is None and _caption_before_credit(page, before):
            page.mark(before, "caption")
    for line in lines:
        if page.reason(line) is None and caption_like(line, strict=True) and not page.is_title(line):
            page.mark(line, "caption")


def _lone_name(page: Page, line: Line) -> bool:
    return page.reason(line) == "byline" and line.n_words <= 5 and name_list(line.content)


def _caption_before_credit(page: Page, line: Line) -> bool:
    """Layouts that print the credit under the caption: the line above is a one-sentence
    description (a restatement of the body, often), not running prose or a quotation."""
    s = line.content
    if page.is_title(line) or page.rank(line) == 0 or has_quote(s) or cues.ATTRIBUTION.search(s):
        return False
    if caption_like(line):
        return True
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", s)
    return len(sentences) == 1 and 4 <= line.n_words <= 45 and not _CONNECTIVE.match(s) and line.ends_sentence


def presume_title(page: Page) -> None:
    """Without a known title, take the page's first unmarked line when it is shaped like a
    headline: it is then protected like a title (never a caption, never the copy of a
    restated pair). Lines above it are not called chrome on this guess alone."""
    if page.title_index is not None:
        return
    for line in page.nonblank():
        if page.rank(line) >= HEADER_SCAN:
            return
        if page.reason(line) is not None or line.n_words < 3:  # marked, or a kicker
            continue
        if (_headline_shaped(line) and not line.content.endswith("?")
                and not caption_like(line) and page.reason(page.prev(line)) != "photo_credit"):
            page.title_index = line.index
            page.title_presumed = True
        return


def mark_above_title(page: Page) -> None:
    """Short lines printed above the headline: kickers, section names, skip links, stray teasers.
    Without a known title, only the unmistakable one: an all-capitals kicker opening the page."""
    if page.title_index is None or page.title_presumed:
        for line in page.nonblank():
            if page.rank(line) >= HEADER_SCAN:
                break
            letters = [c for c in line.content if c.isalpha()]
            if page.rank(line) == 0 and line.n_words <= 5 and letters and all(c.isupper() for c in letters):
                nxt = page.next(line)
                if nxt is not None and not nxt.content.isupper():
                    page.mark(line, "chrome")
        return
    for line in page.nonblank():
        if line.index >= page.title_index:
            break
        if line.n_words <= 15:
            page.mark(line, "chrome")


def _mojibake(s: str) -> bool:
    """Text decoded with the wrong charset: a short run of accented Latin letters only, with
    capitals in the middle of words ("șÚÁÏ"), unlike a real name such as "Łódź"."""
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 4 or len(s.split()) > 3:
        return False
    if not all("\u00c0" <= c <= "\u024f" for c in letters):
        return False
    return any(a.islower() and b.isupper() for a, b in zip(letters, letters[1:], strict=False))


def mark_near_duplicates(page: Page, pairs: list[tuple[int, int, float]]) -> None:
    """Of two lines that restate each other, mark the later (caption-like) one, never both,
    never the title and never a quotation (an article may quote the same words twice)."""
    for i, j, _score in pairs:
        a, b = page.lines[i], page.lines[j]
        if i in page.marks or j in page.marks:
            continue
        if page.is_title(b) and page.is_title(a):
            continue
        first_line = page.rank(a) == 0 and page.title_index is None
        keep, drop = (a, b)
        if page.is_title(drop):
            keep, drop = drop, keep
        if has_quote(drop.content):
            continue
        # A headline restated by the lead paragraph is normal writing, not a copy.
        if (page.is_title(keep) or first_line) and _score < 0.95:
            continue
        page.mark(drop, "near_duplicate")
