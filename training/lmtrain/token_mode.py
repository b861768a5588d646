"""The token mode: the same decoder over the BPE ids of scripts/build-token-corpus.ts."""

import json
import os

import torch

from .cards import token_card_md, write_cards
from .data import Sampler, read_json, read_token_data, sha256
from .evaluation import evaluate_english_tokens, evaluate_tokens
from .export import export_onnx, write_token_fixture
from .loop import seed_everything, train_or_load, training_record
from .model import ByteLM


def byte_lm_figures(out_dir):
    """The byte LM's protocol and held-out English bits/byte, from its card in `out_dir` (None when absent)."""
    byte_card_path = os.path.join(out_dir, "byte-lm.card.json")
    byte_card = read_json(byte_card_path) if os.path.exists(byte_card_path) else None
    if not byte_card:
        return None, None
    return byte_card["evaluation"]["bitsPerByte"], byte_card.get("english", {}).get("bitsPerByte")


def refresh_card(args):
    """--card-only: the committed token card with the byte LM's figures of today's byte card (no weights needed)."""
    card = read_json(os.path.join(args.out, "token-lm.card.json"))
    card["byteLmBitsPerByte"], card["byteLmEnglishBitsPerByte"] = byte_lm_figures(args.out)
    write_cards(args.out, "token-lm", card, token_card_md(card))
    print(f"refreshed the byte LM's figures in {os.path.join(args.out, 'token-lm.card.json')}", flush=True)


def main_token(args):
    """Runs the token mode with the parsed command line of train.py."""
    if args.card_only:
        return refresh_card(args)
    device = seed_everything(args)
    manifest = read_json(args.manifest)
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
    brown = [(doc, d) for doc, d in zip(valid_docs, manifest["validDocuments"]) if d["source"] == "brown"]
    english = evaluate_english_tokens(
        model,
        [doc for doc, _ in brown],
        [d["bytes"] for _, d in brown],
        [d["id"] for _, d in brown],
        args.context,
        args.context // 2,
        device,
        bos,
    )
    print(f"held-out English: {english['bitsPerByte']} bits/byte", flush=True)

    onnx_path = os.path.join(args.out, "token-lm.onnx")
    export_onnx(model, onnx_path, args.opset, input_name="ids", bos=bos, positions=True)
    write_token_fixture(model, args.fixture, heads, valid_docs, args.context, bos)
    byte_bpb, byte_english = byte_lm_figures(args.out)
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
        "byteLmEnglishBitsPerByte": byte_english,
    }
    write_cards(args.out, "token-lm", card, token_card_md(card))
    print(f"wrote {onnx_path} ({card['onnx']['bytes']:,} bytes), card and fixture", flush=True)
