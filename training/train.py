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
import os

import torch

from lmtrain.byte_mode import main_byte
from lmtrain.token_mode import main_token

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
    p.add_argument(
        "--hash-orders",
        default="",
        help="byte mode: hash n-gram embeddings of these orders, e.g. 3,4,5,6,7,8 (default: none)",
    )
    p.add_argument("--hash-buckets", type=int, default=16381, help="rows per order of the hash n-gram table")
    p.add_argument("--hash-dim", type=int, default=64, help="width of the hash n-gram table (projected to --d-model)")
    p.add_argument("--hash-lr-scale", type=float, default=10.0, help="the hash table's learning rate / --lr")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup", type=int, default=150)
    p.add_argument("--doc-start-share", type=float, default=0.25)
    p.add_argument(
        "--cjk-weight",
        type=float,
        default=1.0,
        help="byte mode: sample the windows of CJK documents this many times as often as their length alone would",
    )
    p.add_argument(
        "--brown-weight",
        type=float,
        default=1.0,
        help="byte mode: sample the windows of Brown (English) documents this many times as often as their length alone would",
    )
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
        "--card-only",
        action="store_true",
        help="token mode: rewrite the token card with the byte LM's current figures (after a new byte LM)",
    )
    p.add_argument(
        "--baseline",
        action="append",
        default=[],
        metavar="ORDER=BITS",
        help="protocol bits/byte of a Kneser-Ney n-gram, as scripts/lib/byte-lm-node.test.ts prints it (card only)",
    )
    p.add_argument(
        "--baseline-group",
        action="append",
        default=[],
        metavar="ORDER:GROUP=BITS",
        help="protocol bits/byte of a Kneser-Ney n-gram on one script group (card only)",
    )
    p.add_argument("--save-every", type=int, default=250, help="also save --checkpoint every this many steps (0: off)")
    p.add_argument(
        "--init",
        default=None,
        help="start from the weights of this checkpoint, or of an exported .onnx model (continued training)",
    )
    args = p.parse_args()
    token = args.mode == "token"
    orders = [int(n) for n in args.hash_orders.split(",") if n.strip()]
    args.hashing = {"orders": orders, "buckets": args.hash_buckets, "dim": args.hash_dim} if orders else None
    args.context = args.context or (128 if token else 256)
    args.layers = args.layers or (2 if token else 4)
    args.fixture = args.fixture or os.path.join(ROOT, "src", "core", "lm", "fixtures", f"{args.mode}-lm-fixture.json")
    args.checkpoint = args.checkpoint or os.path.join(ROOT, "training", "logs", f"{args.mode}-lm.pt")
    return main_token(args) if token else main_byte(args)


if __name__ == "__main__":
    main()
