"""Scoring held-out text: the shared validation protocol, the held-out English set, token sequences."""

import math

import torch
import torch.nn.functional as F

from .model import BOS, GROUPS


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
    [0, context) from BOS, each later one the next `stride` positions after `context - stride` positions of context."""
    out, start = [], 0
    while start < length:
        end = min(length, context if start == 0 else start + stride)
        out.append((max(0, start - (context - stride)), start, end))
        start = end
    return out


def sliding_bits(model, seq, context, stride, device, bos=BOS, batch_size=32):
    """Bits of every element of `seq` (bytes or token ids), each scored once in sliding windows from BOS with
    up to `context - stride` elements of context (as the page scores long text)."""
    windows = context_windows(len(seq), context, stride)
    bits = [0.0] * len(seq)
    model.eval()
    with torch.no_grad():
        for i in range(0, len(windows), batch_size):
            chunk = windows[i : i + batch_size]
            by_len = {}
            for w in chunk:
                by_len.setdefault(w[2] - w[0], []).append(w)
            for members in by_len.values():
                tgt = torch.tensor([list(seq[ws:end]) for ws, _, end in members], dtype=torch.long, device=device)
                inp = torch.cat([torch.full((len(members), 1), bos, dtype=torch.long, device=device), tgt[:, :-1]], 1)
                logp = F.log_softmax(model(inp).float(), dim=-1).gather(2, tgt[:, :, None])[:, :, 0]
                rows = (-logp / math.log(2)).cpu().tolist()
                for (ws, start, end), row in zip(members, rows):
                    bits[start:end] = row[start - ws : end - ws]
    return bits


def evaluate_english(model, docs, ids, context, stride, device):
    """The held-out English set: whole held-out Brown documents, every byte scored once by
    {@link sliding_bits}. Also the bytes inside words (after a word's first two letters)."""
    per_doc = []
    for doc, doc_id in zip(docs, ids):
        bits = sliding_bits(model, doc, context, stride, device)
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


def evaluate_english_tokens(model, docs, doc_bytes, ids, context, stride, device, bos):
    """The held-out English set for the token LM: the same whole Brown documents as {@link evaluate_english},
    their canonical token ids scored by {@link sliding_bits} (windows of tokens); bits/byte = bits ÷ the
    documents' bytes, so both models are measured on the same bytes."""
    per_doc = []
    for doc, size, doc_id in zip(docs, doc_bytes, ids):
        bits = sliding_bits(model, doc, context, stride, device, bos=bos)
        per_doc.append({"id": doc_id, "bytes": size, "tokens": len(doc), "bits": round(sum(bits), 3)})
    total_bytes = sum(d["bytes"] for d in per_doc)
    return {
        "windows": {"context": context, "stride": stride, "unit": "token"},
        "documents": len(per_doc),
        "bytes": total_bytes,
        "tokens": sum(d["tokens"] for d in per_doc),
        "bitsPerByte": round(sum(d["bits"] for d in per_doc) / total_bytes, 4),
        "perDocument": per_doc,
    }


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
