"""Parley's own spaCy pipeline components (registered on import).

- ``parley_aux_lemmas`` (after the lemmatizer): lemmas of auxiliaries ("were" -> "be").
- ``parley_line_breaks`` (before the parser): a line break always ends a sentence, because news
  text here is one paragraph per line.
- ``parley_entities`` (after the recognizer): turns the recognizer's PER/ORG/LOC into the
  OntoNotes-style labels the rest of Parley uses (PERSON, ORG, GPE, LOC, FAC), removes leading
  titles from person names, and propagates a person's name seen in full to later mentions of
  the surname (document level). Its word lists are general (GeoNames places, title words),
  serialized with the pipeline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Title and role words that precede a name but are not part of it ("President", "Mr.").
TITLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madam
    president vice prime premier minister chancellor secretary deputy foreign defense defence
    senator sen sen. rep rep. representative congressman congresswoman governor gov gov.
    mayor ambassador envoy special ex former late acting assistant under general gen gen.
    lt lt. col col. capt capt. maj maj. sgt sgt. adm adm. admiral commander marshal colonel
    captain major lieutenant sergeant king queen prince princess emperor sheikh sheik emir
    ayatollah pope cardinal bishop archbishop rabbi imam reverend rev rev. father saint st st.
    judge justice chief speaker leader chairman chairwoman chair ceo director spokesman
    spokeswoman spokesperson aide adviser advisor negotiator counsellor counselor attorney
    state national security first lady gentleman
    """.split()
)

# Words that make a place a natural feature or region (LOC) or a facility (FAC) rather than a
# country, state or city (GPE) when the gazetteer does not know the name.
LOC_HEADS = frozenset(
    """
    river sea ocean lake gulf bay valley desert island islands peninsula strait straits coast
    mountain mountains mount mt hills range canal channel basin delta plain plains region
    forest border frontier
    """.split()
)
FAC_HEADS = frozenset(
    """
    street st avenue ave road boulevard square airport bridge palace house tower hall
    building centre center stadium arena hotel plaza station port harbour harbor base
    """.split()
)
# Head words that make a recognizer "LOC" an organization or an event instead.
ORG_HEADS = frozenset(
    """
    university college institute school academy ministry department council committee commission
    party bank agency company corporation corp inc ltd group foundation association union army
    navy forces command court parliament assembly congress senate
    """.split()
)
# Last words of the names of newspapers, broadcasters and agencies.
MEDIA_HEADS = frozenset(
    """
    herald times post tribune journal gazette news daily telegraph guardian observer chronicle
    express courier monitor press agency radio television tv channel broadcasting
    """.split()
)
EVENT_HEADS = frozenset("war summit conference olympics games cup election elections revolution".split())
# Role words: an ORG span ending in one of them is a job title ("National Security Adviser").
ROLE_HEADS = frozenset(
    """
    adviser advisor secretary minister president spokesman spokeswoman spokesperson envoy
    ambassador chairman chairwoman director general
    """.split()
)
# Words before a name that make it a place ("in Geneva", "to Kyiv").
LOCATIVE_PREPOSITIONS = frozenset(
    "in to from at near into across outside inside toward towards via around throughout".split()
)
LABEL_MAP = {"PER": "PERSON", "ORG": "ORG", "MISC": "MISC"}
# Role nouns and honorifics that introduce a person's name ("defence minister Ada Quell").
NAME_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame president minister premier chancellor
    secretary senator governor mayor ambassador envoy general admiral colonel commander captain
    king queen prince princess sheikh emir pope judge spokesman spokeswoman spokesperson aide
    adviser advisor negotiator chairman chairwoman
    """.split()
)
# Titles that never open an organization's own name ("General Motors", "King Power" do).
OFFICE_TITLES = NAME_TITLES - frozenset("general captain commander king queen prince princess judge".split())
# Role nouns heading an apposition that makes the name before it a person's.
APPOSITION_ROLES = NAME_TITLES | frozenset(
    "negotiator official diplomat envoy leader head chief spokesman minister deputy".split()
)
# Capitalized words that follow a title without being a name ("Minister Office", "Envoy Team").
NOT_NAME_WORDS = ORG_HEADS | FAC_HEADS | LOC_HEADS | frozenset(
    "office team staff delegation administration government cabinet".split()
)

_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")


@Language.component(
    "parley_line_breaks",
    assigns=["token.is_sent_start", "token.tag", "token.pos"],
)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token holding a line break (and never inside one).

    Whitespace tokens also get spaCy's usual SPACE/_SP tags (the treebank has none to learn from).
    """
    for token in doc:
        if token.is_space:
            token.tag_ = "_SP"
            token.pos_ = "SPACE"
    for token in doc[:-1]:
        if token.is_space and _LINE_BREAK.search(token.text):
            doc[token.i + 1].is_sent_start = True
            if token.i > 0:
                # The line break itself closes the preceding sentence (no sentence of blanks).
                token.is_sent_start = False
    for token in doc[1:]:
        # A token after text that ends in a newline (trailing whitespace of the previous token
        # never contains one in spaCy, but be explicit) also starts a sentence.
        if _LINE_BREAK.search(doc[token.i - 1].whitespace_):
            token.is_sent_start = True
    return doc


# Lemmas of English auxiliaries, which spaCy's rule lemmatizer leaves unchanged (its rule tables
# cover nouns, verbs, adjectives and adverbs only). "'s" and "'d" are ambiguous: left alone.
AUX_LEMMAS = {
    "am": "be",
    "are": "be",
    "is": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "'m": "be",
    "'re": "be",
    "’m": "be",
    "’re": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "'ve": "have",
    "’ve": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "doing": "do",
    "'ll": "will",
    "’ll": "will",
    "wo": "will",
    "ca": "can",
    "sha": "shall",
    "n't": "not",
    "n’t": "not",
}


@Language.component("parley_aux_lemmas", assigns=["token.lemma"], requires=["token.pos"])
def aux_lemmas(doc: Doc) -> Doc:
    """Give auxiliaries and "n't" their dictionary lemma ("were" -> "be")."""
    for token in doc:
        if token.pos_ in {"AUX", "PART", "VERB"}:
            lemma = AUX_LEMMAS.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
    return doc


class EntityPostprocessor:
    """Relabel, trim titles and propagate person names across a document."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        gpe_names: Iterable[str] = (),
        norp_names: Iterable[str] = (),
        major_places: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.gpe_names: set[str] = set(gpe_names)
        self.norp_names: set[str] = set(norp_names)
        self.major_places: set[str] = set(major_places)

    # -- labels -------------------------------------------------------------------------------
    def place_label(self, span: Span) -> str:
        """GPE for known countries, states and cities; LOC/FAC by head word; GPE otherwise."""
        text = span.text
        stripped = text[4:] if text.lower().startswith("the ") else text
        if text in self.gpe_names or stripped in self.gpe_names:
            return "GPE"
        last = span[-1].lower_.rstrip(".")
        first = span[0].lower_
        if len(span) > 1 and last in ORG_HEADS:
            return "ORG"
        if len(span) > 1 and last in EVENT_HEADS:
            return "EVENT"
        if last in FAC_HEADS:
            return "FAC"
        if last in LOC_HEADS or first in {"mount", "mt", "lake", "gulf", "cape"}:
            return "LOC"
        return "GPE"

    def trim_titles(self, span: Span) -> Span | None:
        """Drop leading title and nationality words ("Russian President", "Mr.") from a person."""

        def is_prefix(token) -> bool:
            return token.lower_ in TITLE_WORDS or token.text in self.norp_names

        start = span.start
        while start < span.end - 1 and is_prefix(span.doc[start]):
            start += 1
        if start == span.end - 1 and is_prefix(span.doc[start]):
            return None
        return Span(span.doc, start, span.end, label=span.label_)

    # -- main ----------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        ents: list[Span] = []
        for ent in doc.ents:
            label = ent.label_
            if ent.text in self.norp_names:
                # A nationality or group adjective ("Ukrainian") is never a person or a place.
                label = "NORP"
            elif label == "LOC":
                label = self.place_label(ent)
            else:
                label = LABEL_MAP.get(label, label)
            if label == "PERSON" and len(ent) > 1 and ent[-1].lower_ in MEDIA_HEADS:
                label = "ORG"  # "Velgrad Herald": a newspaper named like a person
            span = Span(doc, ent.start, ent.end, label=label)
            if label == "PERSON":
                span = self.trim_titles(span)
                if span is None:
                    continue
            elif label == "ORG" and len(span) > 1 and span[-1].lower_ in ROLE_HEADS:
                continue  # a job title, not an organization
            ents.append(span)
        ents = self.names_after_titles(doc, ents)
        ents = self.names_with_role_appositions(doc, ents)
        ents = self.coordinated_people(doc, ents)
        ents = self.propagate_names(doc, ents)
        doc.ents = filter_spans(self.persons_that_are_places(doc, ents))
        return doc

    def _name_word(self, token, first: bool = True) -> bool:
        """A word that can be part of a person's name the recognizer missed (a place name only
        after the first word: "Ada Jordan")."""
        return (
            token.pos_ == "PROPN"
            and token.is_alpha
            and token.text[:1].isupper()
            and token.lower_ not in TITLE_WORDS
            and token.lower_ not in NOT_NAME_WORDS
            and (not first or token.text not in self.gpe_names)
            and token.text not in self.norp_names
        )

    def names_after_titles(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Tag an untagged proper-noun run of one to three words right after a role noun or an
        honorific as a person ("the defence minister Ada Quell", "Envoy Quell"). An entity of
        another type that runs from a title into a name ("Foreign Minister Ada" read as an ORG,
        "Quell" left out) gives the name back to the person."""
        kept = []
        for ent in ents:
            if ent.label_ != "PERSON":
                titles = [t.i for t in ent[:-1] if t.lower_ in OFFICE_TITLES]
                if titles and titles[-1] > ent.start and \
                        all(self._name_word(t, first=False) for t in doc[titles[-1] + 1 : ent.end]):
                    continue  # dropped: the title is no entity, the name is found below
                if len(ent) >= 3 and ent[0].text.isupper() and ent[0].is_alpha and \
                        any(t.lower_ in OFFICE_TITLES for t in doc[max(0, ent.start - 4) : ent.start]) and \
                        all(self._name_word(t, first=t.i == ent.start + 1) for t in ent[1:]):
                    # "envoy to the UN Mike Waltz" read as one ORG: the body, then the person
                    kept.append(Span(doc, ent.start, ent.start + 1, label=ent.label_))
                    ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
                elif ent.start > 0 and doc[ent.start - 1].lower_ in OFFICE_TITLES and len(ent) <= 3 and \
                        ent.text not in self.gpe_names and \
                        all(self._name_word(t, first=t.i == ent.start) for t in ent):
                    ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Minister Pavel Rusk" as a place
            kept.append(ent)
        ents = kept
        covered = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for token in doc[:-1]:
            if token.lower_ not in NAME_TITLES or token.i + 1 in covered:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and end not in covered and \
                    self._name_word(doc[end], first=end == token.i + 1):
                end += 1
            if end > token.i + 1 and (end >= len(doc) or not self._name_word(doc[end], first=False)):
                added.append(Span(doc, token.i + 1, end, label="PERSON"))
                covered.update(range(token.i + 1, end))
        return ents + added

    def names_with_role_appositions(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Tag an untagged name of two or three proper nouns whose apposition is a role ("Ada
        Quell, the chief negotiator, said")."""
        covered = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for token in doc:
            if token.i in covered or not self._name_word(token):
                continue
            if not any(c.dep_ == "appos" and c.lower_ in APPOSITION_ROLES for c in token.children):
                continue
            parts = [token.i] + [c.i for c in token.children if c.dep_ in ("flat", "compound")
                                 and self._name_word(c, first=False) and c.i not in covered]
            start, end = min(parts), max(parts) + 1
            if 2 <= end - start <= 3 and len(parts) == end - start:
                added.append(Span(doc, start, end, label="PERSON"))
                covered.update(range(start, end))
        return ents + added

    def coordinated_people(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Tag untagged proper nouns coordinated with a person ("Ada Quell, Berg and Lind"), when
        no member of the coordination is a place or an organization."""
        label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
        added = []
        seen: set[int] = set()
        for token in doc:
            if token.dep_ != "conj" or token.i in label_at or not self._name_word(token):
                continue
            head = token
            while head.dep_ == "conj" and head.head is not head:
                head = head.head
            if head.i in seen or head.pos_ not in ("PROPN", "NOUN"):
                continue
            seen.add(head.i)
            # the conjuncts of the head, and of its conjuncts ("A, B and C")
            members, frontier = [head], [head]
            while frontier:
                nxt = [c for m in frontier for c in m.children if c.dep_ == "conj"]
                members += nxt
                frontier = nxt
            labels = {label_at.get(m.i) for m in members}
            if "PERSON" not in labels or labels & {"GPE", "LOC", "FAC", "ORG", "NORP"}:
                continue
            for member in members:
                if member.i in label_at or not self._name_word(member):
                    continue
                start = member.i
                while start > 0 and start - 1 not in label_at and doc[start - 1].head.i == member.i \
                        and doc[start - 1].dep_ in ("flat", "compound") and self._name_word(doc[start - 1]):
                    start -= 1
                if member is not head and (start == 0 or doc[start - 1].lower_ not in {",", "and", "or", "&"}):
                    continue  # "Marin/Orbis": a slash or other join is no list of people
                added.append(Span(doc, start, member.i + 1, label="PERSON"))
                label_at.update({i: "PERSON" for i in range(start, member.i + 1)})
        return ents + added

    def persons_that_are_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Relabel a one-word PERSON that is a place name: a major place ("Kyiv"), a known place
        after a locative preposition ("to Geneva"), or a word the document itself puts after
        "in", "at" or "near", unless the document uses the word as part of a person's full name.
        A one-word plural proper noun ("the Varenians") is a group (NORP), not a person."""
        name_parts = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        # Words this document uses as a place: right after "in"/"at"/"near", not a possessor.
        placed = {
            t.text
            for t in doc[1:-1]
            if doc[t.i - 1].lower_ in {"in", "at", "near"} and t.text[:1].isupper()
            and doc[t.i + 1].text not in {"'s", "’s", "'"}
        }
        out = []
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) == 1 and ent.text not in name_parts:
                prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                if ent.text in self.major_places or ent.text in placed or (
                    ent.text in self.gpe_names and prev in LOCATIVE_PREPOSITIONS
                ):
                    ent = Span(doc, ent.start, ent.end, label="GPE")
                elif ent[0].tag_ == "NNPS":
                    ent = Span(doc, ent.start, ent.end, label="NORP")  # "the Varenians"
            out.append(ent)
        return out

    def propagate_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Tag other mentions of people named in full in the same document.

        A multi-token PERSON "Firstname Lastname" makes both names person names for the whole
        document: untagged nominal occurrences become PERSON (adjacent pieces are merged, so
        "Firstname" next to a tagged "Lastname" becomes one span); ORG/GPE/LOC/FAC entities equal
        to the full name, or one-token ones equal to the surname (unless it is a major place
        name such as a country), are relabelled PERSON.
        """
        surnames: set[str] = set()
        names: set[str] = set()
        full_names = {e.text for e in ents if e.label_ == "PERSON" and len(e) >= 2}
        ents = self.split_trailing_people(doc, ents, full_names)
        for ent in ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            last, first = ent[-1], ent[0]
            if last.is_title or last.is_upper:
                surnames.add(last.text)
            if first.is_title and len(first) > 1 and first.lower_ not in TITLE_WORDS:
                names.add(first.text)
        names |= surnames
        if not names:
            return ents
        # Capitals-only forms count too ("VOSS:" heading a transcript turn of Henrik Voss).
        surnames |= {n.upper() for n in surnames if len(n) > 2}
        names |= surnames
        covered: set[int] = set()
        out: list[Span] = []
        for ent in ents:
            if ent.label_ in {"ORG", "GPE", "LOC", "FAC"} and (
                ent.text in full_names
                or (len(ent) == 1 and ent.text in surnames and ent.text not in self.major_places)
            ):
                # The same full name, or the surname, of a person named in this document.
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            out.append(ent)
            covered.update(range(ent.start, ent.end))
        for token in doc:
            # Nominal tokens only: a capitalized verb or auxiliary ("Will", "Rose") is left alone.
            if (
                token.i not in covered
                and token.text in names
                and token.pos_ in {"PROPN", "NOUN", "X"}
                and not token.is_stop
            ):
                out.append(Span(doc, token.i, token.i + 1, label="PERSON"))
        return self.merge_adjacent_people(doc, out)

    @staticmethod
    def split_trailing_people(doc: Doc, ents: list[Span], full_names: set[str]) -> list[Span]:
        """Cut a known person's full name off the end of a longer entity of another type
        ("Mideast Envoy Ada Quell" tagged as a place becomes the person "Ada Quell")."""
        if not full_names:
            return ents
        out = []
        for ent in ents:
            if ent.label_ != "PERSON" and len(ent) > 2:
                for start in range(ent.start + 1, ent.end - 1):
                    if doc[start : ent.end].text in full_names:
                        ent = Span(doc, start, ent.end, label="PERSON")
                        break
            out.append(ent)
        return out

    @staticmethod
    def merge_adjacent_people(doc: Doc, ents: list[Span]) -> list[Span]:
        """Join PERSON spans that touch with no token between them ("Firstname" + "Lastname")."""
        ents = sorted(ents, key=lambda e: (e.start, -e.end))
        merged: list[Span] = []
        for ent in ents:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.label_ == "PERSON"
                and ent.label_ == "PERSON"
                and prev.end == ent.start
                and not doc[prev.end - 1].whitespace_.count("\n")
            ):
                merged[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            else:
                merged.append(ent)
        return merged

    # -- serialization -------------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "gpe_names.json").write_text(json.dumps(sorted(self.gpe_names)), encoding="utf-8")
        (path / "norp_names.json").write_text(json.dumps(sorted(self.norp_names)), encoding="utf-8")
        (path / "major_places.json").write_text(json.dumps(sorted(self.major_places)), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityPostprocessor:
        path = Path(path)
        self.gpe_names = set(json.loads((path / "gpe_names.json").read_text(encoding="utf-8")))
        norp = path / "norp_names.json"
        self.norp_names = set(json.loads(norp.read_text(encoding="utf-8"))) if norp.is_file() else set()
        major = path / "major_places.json"
        self.major_places = set(json.loads(major.read_text(encoding="utf-8"))) if major.is_file() else set()
        return self


@Language.factory(
    "parley_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={},
)
def make_entity_postprocessor(nlp: Language, name: str) -> EntityPostprocessor:
    """Factory for :class:`EntityPostprocessor` (word lists are loaded from the model folder)."""
    return EntityPostprocessor(nlp, name)
