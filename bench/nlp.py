"""Benchmark Parley's shipped language pipeline.

Prints:
- NER precision/recall/F1 (overall and per type) on Universal NER English-EWT test, exact
  character spans, predicted labels mapped PERSON->PER, GPE/LOC/FAC->LOC, ORG->ORG (others
  ignored). Each UNER document is processed as one text with one sentence per line.
- UPOS accuracy, PTB tag accuracy, UAS and LAS on UD English-EWT test with gold tokenization
  and predicted sentences, all tokens (punctuation included). As in the raw text of the CoNLL
  2018 shared task, the pipeline is told where the paragraph breaks are (UD's ``# newpar``);
  within a paragraph it finds the sentences itself. LAS follows the CoNLL 2018 convention
  (universal relation only, subtypes such as ``:poss`` ignored); ``las_full`` also requires the
  subtype. Two reference lines follow: no paragraph breaks given, and gold sentences.
- Throughput (words/s, one process, raw text of UD EWT test documents): per wall-clock second
  and per CPU second of the process (run with OMP_NUM_THREADS=1 for a one-core figure).
- Recall of person names on the seed articles (gold names from eval/gold/seeds.json), if present.

Usage: ``python bench/nlp.py [--shared ../shared] [--data DIR] [--json out.json] [--skip-seeds]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

from convert import read_conllu, read_uner  # noqa: E402

from parley.nlp import load, load_path  # noqa: E402

EVAL_MAP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def token_offsets(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Character offsets of each word in the sentence text (matched left to right)."""
    out, pos = [], 0
    for w in words:
        start = text.find(w, pos)
        if start < 0:
            start = pos
        out.append((start, start + len(w)))
        pos = start + len(w)
    return out


def gold_spans(offsets: list[tuple[int, int]], tags: list[str], base: int) -> set[tuple[int, int, str]]:
    spans, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.add((base + offsets[start][0], base + offsets[i - 1][1], label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bench_ner(nlp, path: Path) -> dict:
    """Exact-span NER scores on a Universal NER file, one text per document."""
    docs: dict[str, list[tuple[str, list[str], list[str]]]] = defaultdict(list)
    for doc_id, text, words, tags in read_uner(path):
        docs[doc_id].append((text, words, tags))
    texts, golds = [], []
    for sents in docs.values():
        parts, gold, base = [], set(), 0
        for text, words, tags in sents:
            gold |= gold_spans(token_offsets(text, words), tags, base)
            parts.append(text)
            base += len(text) + 1
        texts.append("\n".join(parts))
        golds.append(gold)
    return score_entities(nlp, texts, golds)


def score_entities(nlp, texts: list[str], golds: list[set[tuple[int, int, str]]]) -> dict:
    """Exact-span P/R/F1 (overall and per type) of the pipeline's PER/ORG/LOC on the texts."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for doc, gold in zip(nlp.pipe(texts), golds, strict=True):
        pred = {(e.start_char, e.end_char, EVAL_MAP[e.label_]) for e in doc.ents if e.label_ in EVAL_MAP}
        for label in ("PER", "ORG", "LOC"):
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred if s[2] == label}
            tp[label] += len(g & p)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    result = {"all": prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))}
    for label in ("PER", "ORG", "LOC"):
        result[label] = prf(tp[label], fp[label], fn[label])
    return result


SENTENCE_MODES = ("paragraphs", "none", "gold")


def bench_syntax(nlp, path: Path, sentences: str = "paragraphs") -> dict:
    """UPOS/XPOS accuracy and UAS/LAS with gold tokens (each UD document as one Doc).

    ``sentences`` says what the pipeline is told about sentence boundaries:
    ``"paragraphs"`` (the default) marks a sentence start at each paragraph break of the raw
    text (UD's ``# newpar``), as the raw text of the CoNLL 2018 shared task carries them and as
    Parley's line-break component does on real text; ``"none"`` gives only the words;
    ``"gold"`` gives every gold sentence boundary (the usual setting of parser papers).
    """
    from spacy.tokens import Doc

    if sentences not in SENTENCE_MODES:
        raise ValueError(f"sentences must be one of {SENTENCE_MODES}, not {sentences!r}")
    by_doc: dict[str, list[list[dict]]] = defaultdict(list)
    for doc_id, rows in read_conllu(path):
        by_doc[doc_id].append(rows)
    n = pos_ok = tag_ok = uas_ok = las_ok = las_full_ok = 0
    inputs, golds = [], []
    for sents in by_doc.values():
        rows = [r for s in sents for r in s]
        words = [r["form"] for r in rows]
        spaces = [r["space"] for r in rows]
        heads, starts, offset = [], [], 0
        for s in sents:
            heads += [offset + r["head"] - 1 if r["head"] else -1 for r in s]
            if sentences == "gold":
                starts += [True] + [False] * (len(s) - 1)
            else:
                given = offset == 0 or (sentences == "paragraphs" and s[0].get("par_start", False))
                starts += [True if given else None] + [None] * (len(s) - 1)
            offset += len(s)
        inputs.append(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts))
        golds.append((rows, heads))
    for doc, (rows, heads) in zip(nlp.pipe(inputs), golds, strict=True):
        for tok, r, h in zip(doc, rows, heads, strict=True):
            n += 1
            pos_ok += tok.pos_ == r["upos"]
            tag_ok += tok.tag_ == r["xpos"]
            pred_head = -1 if tok.dep_ == "ROOT" else tok.head.i
            if pred_head == h:
                uas_ok += 1
                gold_dep = "ROOT" if h == -1 else r["deprel"]
                las_full_ok += tok.dep_ == gold_dep
                las_ok += tok.dep_.split(":")[0] == gold_dep.split(":")[0]
    return {
        "sentences": sentences,
        "upos": pos_ok / n,
        "xpos": tag_ok / n,
        "uas": uas_ok / n,
        "las": las_ok / n,
        "las_full": las_full_ok / n,
        "tokens": n,
    }


def bench_speed(nlp, path: Path, repeat: int = 1) -> dict:
    """Words per second over raw document texts (one process, after a warm-up)."""
    by_doc: dict[str, list[str]] = defaultdict(list)
    for doc_id, rows in read_conllu(path):
        by_doc[doc_id].append("".join(r["form"] + (" " if r["space"] else "") for r in rows).strip())
    texts = [" ".join(s) for s in by_doc.values()] * repeat
    list(nlp.pipe(texts[:20]))
    start, cpu_start = time.perf_counter(), time.process_time()
    words = sum(len(d) for d in nlp.pipe(texts))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    # CPU time is the fair per-core figure on a shared machine; wall time is what a user waits.
    return {
        "words": words,
        "seconds": seconds,
        "words_per_s": words / seconds,
        "cpu_seconds": cpu_seconds,
        "words_per_cpu_s": words / cpu_seconds,
    }


def bench_seeds(nlp, seeds_dir: Path, gold_path: Path) -> dict | None:
    """Share of gold person actors (mentioned in the seeds) found as a PERSON entity."""
    if not seeds_dir.is_dir() or not gold_path.is_file():
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    found_names: set[str] = set()
    for doc in nlp.pipe(texts):
        found_names |= {e.text for e in doc.ents if e.label_ == "PERSON"}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    total = hit = 0
    missed = []
    for actor in gold.get("actors", []):
        if actor.get("type") != "person":
            continue
        names = [actor["name"], *actor.get("aliases", [])]
        if not any(n in t for n in names for t in texts):
            continue
        total += 1
        if any(n in found_names for n in names):
            hit += 1
        else:
            missed.append(actor["name"])
    return {"recall": hit / total if total else 0.0, "found": hit, "total": total, "missed": missed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the shared folder beside the checkout (corpus/, eval/, data/)",
    )
    parser.add_argument("--data", type=Path, default=None, help="open data folder (default: SHARED/data)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument("--skip-seeds", action="store_true")
    parser.add_argument(
        "--model",
        type=Path,
        default=None,
        help="measure this assembled model folder instead of the shipped one "
        "(e.g. the output of `training/build.py --step assemble --out DIR`)",
    )
    args = parser.parse_args()
    if args.data is None:
        args.data = args.shared / "data"

    nlp = load() if args.model is None else load_path(args.model)
    out: dict = {}
    ner = bench_ner(nlp, args.data / "uner_english_ewt/en_ewt-ud-test.iob2")
    out["ner_uner_ewt_test"] = ner
    print("NER on Universal NER EWT test (exact character spans)")
    for label, (p, r, f) in ner.items():
        print(f"  {label:4s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    conllu = args.data / "ud_english_ewt/en_ewt-ud-test.conllu"
    syn = bench_syntax(nlp, conllu)
    out["syntax_ud_ewt_test"] = syn
    print(
        f"UD EWT test ({syn['tokens']} tokens, gold tokenization, paragraph breaks given): "
        f"UPOS {syn['upos']:.3f}  PTB tag {syn['xpos']:.3f}  UAS {syn['uas']:.3f}  "
        f"LAS {syn['las']:.3f} (with subtypes {syn['las_full']:.3f})"
    )
    for mode, what in (("none", "no paragraph breaks"), ("gold", "gold sentences")):
        other = bench_syntax(nlp, conllu, sentences=mode)
        out[f"syntax_ud_ewt_test_{mode}"] = other
        print(f"  with {what}: UAS {other['uas']:.3f}  LAS {other['las']:.3f}")
    speed = bench_speed(nlp, args.data / "ud_english_ewt/en_ewt-ud-test.conllu", repeat=2)
    out["speed"] = speed
    print(
        f"Throughput: {speed['words_per_s']:.0f} words/s wall clock, {speed['words_per_cpu_s']:.0f} "
        f"words per CPU second ({speed['words']} words, one process)"
    )
    if not args.skip_seeds:
        seeds = bench_seeds(nlp, args.shared / "corpus/seeds", args.shared / "eval/gold/seeds.json")
        if seeds is not None:
            out["seed_person_recall"] = seeds
            print(
                f"Seed person-name recall: {seeds['recall']:.3f} ({seeds['found']}/{seeds['total']}); "
                f"missed: {', '.join(seeds['missed']) or '-'}"
            )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
