"""Convert the openly licensed corpora in ``/work/shared/data`` into spaCy DocBin files.

Outputs (under ``training/corpus/``, git-ignored), what ``config_joint.cfg`` trains on:

- ``joint_train.spacy``: UD English-EWT train with tags, UPOS, lemmas, heads and dependency
  labels, carrying the teacher's entities (when ``teacher_ud_train.jsonl`` exists); then the gold
  PER/ORG/LOC docs without syntax: Universal NER EWT dev (split by document: most for training),
  Wikigold, the Broad Twitter Corpus and WNUT17.
- ``joint_dev.spacy``: UD English-EWT dev (syntax) and the held-out Universal NER dev documents
  (entities), for model selection.
- ``morphologizer_labels.json``: the morphologizer's labels.

Universal NER EWT *test* and UD EWT *test* are never read here: they are the benchmark.

Usage: ``python training/convert.py [--data /work/shared/data] [--out training/corpus]``
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training import biluo_tags_to_spans, iob_to_biluo

NLP = spacy.blank("en")

# WNUT17 types mapped onto the three Universal NER types; products and creative works are not
# PER/ORG/LOC and are left as "O" (Universal NER does not annotate them either).
WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}
# Share of Universal NER dev documents held out for model selection (never trained on).
UNER_HELDOUT_SHARE = 0.2
SEED = 13


# ---------------------------------------------------------------------------------------------
# CoNLL-U (UD English-EWT)
# ---------------------------------------------------------------------------------------------
def read_conllu(path: Path) -> Iterator[tuple[str, list[dict]]]:
    """Yield (newdoc id or "", word rows) per sentence, skipping multiword-token range lines.

    The first row of a sentence that opens a paragraph (a ``# newpar`` or ``# newdoc`` comment
    before it) carries ``"par_start": True``: the raw text has a paragraph break there.
    """
    doc_id = ""
    rows: list[dict] = []
    par_start = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
            par_start = True
        elif line.startswith("# newpar"):
            par_start = True
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield doc_id, rows
                rows = []
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword range or empty node: the words themselves follow
            rows.append(
                {
                    "id": int(cols[0]),
                    "form": cols[1],
                    "lemma": cols[2],
                    "upos": cols[3],
                    "xpos": cols[4],
                    "feats": "" if cols[5] == "_" else cols[5],
                    "head": int(cols[6]),
                    "deprel": cols[7],
                    "space": "SpaceAfter=No" not in cols[9],
                }
            )
            if par_start:
                rows[0]["par_start"] = True
                par_start = False
    if rows:
        yield doc_id, rows


def ud_doc(sentences: list[list[dict]]) -> Doc:
    """Build one spaCy Doc from consecutive UD sentences (gold sentence starts kept)."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    offset = 0
    for sent in sentences:
        for i, r in enumerate(sent):
            words.append(r["form"])
            spaces.append(r["space"] if i < len(sent) - 1 else True)
            tags.append(r["xpos"])
            pos.append(r["upos"])
            morphs.append(r["feats"])
            lemmas.append(r["lemma"])
            heads.append(offset + (r["head"] - 1 if r["head"] else i))
            # spaCy's English convention: lowercase labels, "ROOT" for the root.
            deps.append("ROOT" if r["head"] == 0 else r["deprel"])
            starts.append(i == 0)
        offset += len(sent)
    return Doc(
        NLP.vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def convert_ud(path: Path, per_doc: int = 8) -> list[Doc]:
    """Group UD sentences into documents of at most ``per_doc`` sentences (within one newdoc)."""
    docs: list[Doc] = []
    group: list[list[dict]] = []
    current = None
    for doc_id, rows in read_conllu(path):
        if group and (doc_id != current or len(group) >= per_doc):
            docs.append(ud_doc(group))
            group = []
        current = doc_id
        group.append(rows)
    if group:
        docs.append(ud_doc(group))
    return docs


# ---------------------------------------------------------------------------------------------
# IOB corpora
# ---------------------------------------------------------------------------------------------
def iob_doc(words: list[str], tags: list[str], spaces: list[bool] | None = None) -> Doc:
    """Doc with entities from IOB2 tags (labels already mapped; unknown types become O)."""
    doc = Doc(NLP.vocab, words=words, spaces=spaces)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def iob1_to_iob2(tags: list[str]) -> list[str]:
    """Wikigold uses IOB1 (I- opens an entity unless it continues one of the same type)."""
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def map_tags(tags: list[str], mapping: dict[str, str] | None) -> list[str]:
    """Map entity types; types absent from the mapping become O (a dangling I- becomes B-)."""
    out: list[str] = []
    for t in tags:
        if t == "O":
            out.append("O")
            continue
        prefix, label = t.split("-", 1)
        new = mapping.get(label) if mapping is not None else label
        if new is None:
            out.append("O")
            continue
        if prefix == "I" and (not out or out[-1] == "O" or out[-1][2:] != new):
            prefix = "B"
        out.append(f"{prefix}-{new}")
    return out


def read_columns(path: Path, sep: str | None, tag_col: int = -1) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, tags) per blank-line separated sentence of a token/tag column file."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield words, tags
                words, tags = [], []
            continue
        cols = line.split(sep)
        if len(cols) < 2 or not cols[0].strip():
            continue  # malformed line or an empty/whitespace token (a few occur in BTC)
        words.append(cols[0])
        tags.append(cols[tag_col].strip())
    if words:
        yield words, tags


def batch_sentences(
    sents: Iterable[tuple[list[str], list[str]]], n: int
) -> Iterator[tuple[list[str], list[str]]]:
    """Join ``n`` consecutive sentences into one training doc (more context per example)."""
    words: list[str] = []
    tags: list[str] = []
    count = 0
    for w, t in sents:
        words += w
        tags += t
        count += 1
        if count == n:
            yield words, tags
            words, tags, count = [], [], 0
    if words:
        yield words, tags


def convert_wikigold(path: Path) -> list[Doc]:
    sents = (
        (w, map_tags(iob1_to_iob2(t), {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}))
        for w, t in read_columns(path, " ")
    )
    return [iob_doc(w, t) for w, t in batch_sentences(sents, 5)]


def convert_btc(folder: Path) -> list[Doc]:
    docs = []
    for part in sorted(folder.glob("*.conll")):
        for w, t in read_columns(part, "\t"):
            docs.append(iob_doc(w, map_tags(t, {"PER": "PER", "ORG": "ORG", "LOC": "LOC"})))
    return docs


def convert_wnut(folder: Path) -> list[Doc]:
    docs = []
    for name in ("wnut17train.conll", "emerging.dev.conll"):
        for w, t in read_columns(folder / name, "\t"):
            docs.append(iob_doc(w, map_tags(t, WNUT_MAP)))
    return docs


def read_uner(path: Path) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """Yield (doc id, sentence text, words, IOB2 tags) from a Universal NER .iob2 file."""
    doc_id, text, words, tags = "", "", [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if words:
                yield doc_id, text, words, tags
            text, words, tags = "", [], []
        else:
            cols = line.split("\t")
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield doc_id, text, words, tags


def spaces_from_text(text: str, words: list[str]) -> list[bool]:
    """Recover SpaceAfter from the sentence text (words are matched left to right)."""
    spaces = []
    pos = 0
    for w in words:
        found = text.find(w, pos)
        if found < 0:  # should not happen; fall back to a space
            spaces.append(True)
            continue
        pos = found + len(w)
        spaces.append(pos < len(text) and text[pos].isspace())
    if spaces:
        spaces[-1] = True
    return spaces


def convert_uner(path: Path) -> dict[str, list[Doc]]:
    """Universal NER sentences grouped by document id (one Doc per <= 8 sentences)."""
    by_doc: dict[str, list[tuple[list[str], list[str], list[bool]]]] = {}
    for doc_id, text, words, tags in read_uner(path):
        by_doc.setdefault(doc_id, []).append((words, tags, spaces_from_text(text, words)))
    out: dict[str, list[Doc]] = {}
    for doc_id, sents in by_doc.items():
        docs = []
        for i in range(0, len(sents), 8):
            chunk = sents[i : i + 8]
            w = [x for s in chunk for x in s[0]]
            t = [x for s in chunk for x in s[1]]
            sp = [x for s in chunk for x in s[2]]
            docs.append(iob_doc(w, t, sp))
        out[doc_id] = docs
    return out


SILVER_TRIM_START = {"the", "The", "THE"}
SILVER_TRIM_END = {"'s", "’s", "'", ",", ".", "-"}


def trim_silver_span(span):
    """Universal NER spans exclude a leading "the" and a trailing possessive; OntoNotes' don't."""
    start, end = span.start, span.end
    while start < end and span.doc[start].text in SILVER_TRIM_START:
        start += 1
    while end > start and span.doc[end - 1].text in SILVER_TRIM_END:
        end -= 1
    if start >= end:
        return None
    return Span(span.doc, start, end, label=span.label_)


def convert_teacher(path: Path, per_doc: int = 8) -> list[Doc]:
    """Silver-labelled UD train sentences (see teacher_label.py), grouped like the UD docs."""
    docs: list[Doc] = []
    group: list[dict] = []
    current = None

    def flush() -> None:
        w = [x for g in group for x in g["words"]]
        t = [x for g in group for x in g["tags"]]
        sp = [x for g in group for x in g["spaces"][:-1] + [True]]
        doc = iob_doc(w, t, sp)
        doc.ents = [s for s in (trim_silver_span(e) for e in doc.ents) if s is not None]
        docs.append(doc)

    for line in path.read_text(encoding="utf-8").splitlines():
        sent = json.loads(line)
        if group and (sent["doc"] != current or len(group) >= per_doc):
            flush()
            group = []
        current = sent["doc"]
        group.append(sent)
    if group:
        flush()
    return docs


def uner_split(path: Path) -> tuple[list[Doc], list[Doc]]:
    """Split Universal NER dev by document: (train docs, held-out docs)."""
    by_doc = convert_uner(path)
    ids = sorted(by_doc)
    random.Random(SEED).shuffle(ids)
    n_held = int(len(ids) * UNER_HELDOUT_SHARE)
    held = [d for i in ids[:n_held] for d in by_doc[i]]
    train = [d for i in ids[n_held:] for d in by_doc[i]]
    return train, held


def without_features(doc: Doc) -> Doc:
    """The same doc with morphological features cleared (the morphologizer then predicts UPOS
    alone: 17 labels instead of about 320, which makes it several times cheaper)."""
    for token in doc:
        token.set_morph(None)
    return doc


def joint_docs(ud_docs: list[Doc], teacher_docs: list[Doc], ner_docs: list[Doc]) -> list[Doc]:
    """UD train docs carrying the teacher's entities, then the NER-only docs (no syntax).

    The teacher labelled the same UD sentences in the same grouping, so docs pair one to one;
    a doc without a teacher doc, or whose words differ, keeps its syntax and gets no entity
    annotation (missing, not O).
    """
    out = []
    for i, ud in enumerate(ud_docs):
        ud = without_features(ud)
        silver = teacher_docs[i] if i < len(teacher_docs) else None
        if silver is not None and [t.text for t in ud] == [t.text for t in silver]:
            ud.ents = [Span(ud, e.start, e.end, label=e.label_) for e in silver.ents]
        out.append(ud)
    return out + ner_docs


def morphologizer_labels(docs: list[Doc]) -> dict:
    """The morphologizer's labels ("POS=NOUN", ...) from docs with UPOS and no features.

    Given to spaCy explicitly: otherwise the lower-casing augmenter, which turns a doc without
    morphology into one with an empty analysis, adds an empty label that the model then learns.
    """
    from spacy.parts_of_speech import IDS as POS_IDS

    tags = sorted({t.pos_ for d in docs for t in d if t.pos_})
    return {"morph": {f"POS={p}": "" for p in tags}, "pos": {f"POS={p}": POS_IDS[p] for p in tags}}


def save(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    print(
        f"{path}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, "
        f"{sum(len(d.ents) for d in docs)} entities"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument(
        "--uner-repeat",
        type=int,
        default=2,
        help="copies of the in-domain Universal NER training docs (upweighting)",
    )
    parser.add_argument(
        "--all-uner",
        action="store_true",
        help="also train on the 20%% of Universal NER dev documents held out for model selection "
        "(measured with --uner-repeat 3: +0.01 F1 on UNER test but lower recall of person names "
        "in news; not used for the shipped model)",
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        default=Path(__file__).parent / "corpus" / "teacher_ud_train.jsonl",
        help="silver labels from teacher_label.py; skipped when the file is absent",
    )
    args = parser.parse_args()
    d = args.data
    ud_train = convert_ud(d / "ud_english_ewt/en_ewt-ud-train.conllu")
    ud_dev = convert_ud(d / "ud_english_ewt/en_ewt-ud-dev.conllu")
    uner_train, uner_held = uner_split(d / "uner_english_ewt/en_ewt-ud-dev.iob2")
    if args.all_uner:
        uner_train = uner_train + uner_held
    gold_ner = (
        uner_train * args.uner_repeat
        + convert_wikigold(d / "ner_wikigold/wikigold.conll.txt")
        + convert_btc(d / "ner_btc")
        + convert_wnut(d / "ner_wnut17")
    )
    teacher: list[Doc] = []
    if args.teacher.is_file():
        teacher = convert_teacher(args.teacher)
    else:
        print(f"no teacher labels at {args.teacher}: UD train docs get no entity annotation")
    # Syntax and silver entities on UD train, gold entities alone on the NER corpora;
    # dev = UD dev (syntax) + held-out UNER (entities).
    joint = joint_docs(ud_train, teacher, gold_ner)
    random.Random(SEED).shuffle(joint)
    save(joint, args.out / "joint_train.spacy")
    save([without_features(d) for d in ud_dev] + uner_held, args.out / "joint_dev.spacy")
    labels = args.out / "morphologizer_labels.json"
    labels.write_text(json.dumps(morphologizer_labels(ud_train)), encoding="utf-8")


if __name__ == "__main__":
    main()
