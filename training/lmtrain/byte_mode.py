"""The byte mode: train (or load) the byte LM, evaluate it, export the ONNX file, fixture and cards."""

import json
import os

from .cards import model_card_md, write_cards
from .data import Sampler, read_byte_corpus, read_json, sha256, split_documents
from .evaluation import evaluate, evaluate_english
from .export import export_onnx, write_fixture
from .loop import seed_everything, train_or_load, training_record
from .model import BOS, VOCAB_IN, VOCAB_OUT, ByteLM


def main_byte(args):
    """Runs the byte mode with the parsed command line of train.py."""
    device = seed_everything(args)
    manifest = read_json(args.manifest)
    train, valid = read_byte_corpus(args.data, manifest)
    valid_docs = split_documents(valid)
    groups = [d["group"] for d in manifest["validDocuments"]]
    assert len(valid_docs) == len(groups), (len(valid_docs), len(groups))

    model = ByteLM(args.d_model, args.layers, args.heads, args.d_ff, args.context, hashing=args.hashing).to(device)
    params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {params:,}; train {len(train):,} bytes; device {device}", flush=True)

    weights = None
    if args.cjk_weight != 1.0 or args.brown_weight != 1.0:
        # The groups come from the corpus build (src/core/lm/script-group.ts), one per train.txt document; the
        # Brown documents come first in train.txt (scripts/build-lm-corpus.ts), as many as the manifest counts.
        brown = manifest["documents"]["brown"]["train"]
        weights = [
            (args.brown_weight if i < brown else 1.0) * (args.cjk_weight if group == "cjk" else 1.0)
            for i, group in enumerate(manifest["trainGroups"])
        ]
        lengths = [len(document) for document in split_documents(train)]
        total = sum(w * n for w, n in zip(weights, lengths))
        cjk = sum(w * n for w, n, g in zip(weights, lengths, manifest["trainGroups"]) if g == "cjk")
        english = sum(w * n for w, n in zip(weights[:brown], lengths[:brown]))
        print(
            f"documents weighted (CJK x{args.cjk_weight}, Brown x{args.brown_weight}): CJK {cjk / total:.1%}, "
            f"Brown {english / total:.1%} of sampled bytes",
            flush=True,
        )
    trained = train_or_load(
        model,
        args,
        device,
        lambda gen: Sampler(train, args.context, args.doc_start_share, gen, doc_weights=weights),
        VOCAB_OUT,
        "byte",
    )
    if trained is None:
        return
    stages, train_threads = trained
    if args.hashing:
        model.hash.quantize()  # every figure below is the int8 table's, as exported

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
        "hashNgramParameters": model.hash.table.numel() if args.hashing else None,
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
            "hashNgrams": (
                {**args.hashing, "table": "int8 rows, one float32 scale each", "multipliers": model.hash.multipliers}
                if args.hashing
                else None
            ),
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
                "byGroup": group_baselines(args.baseline_group, int(order)),
            }
            for order, bits in (b.split("=") for b in args.baseline)
        ],
    }
    write_cards(args.out, "byte-lm", card, model_card_md(card))
    print(f"wrote {onnx_path} ({card['onnx']['bytes']:,} bytes), card and fixture", flush=True)


def group_baselines(specs, order):
    """`--baseline-group ORDER:GROUP=BITS` entries of one n-gram order, as {group: bits}."""
    found = {}
    for spec in specs:
        head, bits = spec.split("=")
        spec_order, group = head.split(":")
        if int(spec_order) == order:
            found[group] = float(bits)
    return found
