"""Reading the corpus files of `npm run lm:corpus` / `npm run lm:tokens` and sampling training windows."""

import array
import hashlib
import json
import os
import sys

import torch

from .model import BOS


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def sha256(path):
    return hashlib.sha256(read_bytes(path)).hexdigest()


def read_byte_corpus(data_dir, manifest):
    """train.txt and valid.txt, checked against the manifest's SHA-256 (rebuilt by `npm run lm:corpus`)."""
    files = {}
    for name in ("train", "valid"):
        files[name] = read_bytes(os.path.join(data_dir, f"{name}.txt"))
        if hashlib.sha256(files[name]).hexdigest() != manifest["files"][name]["sha256"]:
            raise SystemExit(f"{name}.txt does not match the manifest; rebuild it with `npm run lm:corpus`")
    return files["train"], files["valid"]


def read_json(path):
    with open(path) as f:
        return json.load(f)


def split_documents(data, separator=b"\n\n"):
    text = data[:-1] if data.endswith(b"\n") else data
    return text.split(separator)


class Sampler:
    """Random training windows: ids [BOS, w0 .. w(C-2)] and targets [w0 .. w(C-1)].

    A share of the windows start at a document start (as the evaluation protocol and the page do); the rest
    start anywhere, even inside a UTF-8 character, as sliding windows over long text do.
    """

    def __init__(self, data, context, doc_start_share, generator, starts=None, bos=BOS, doc_weights=None):
        """`data`: bytes (byte mode) or a long tensor of ids with the document starts in `starts`.

        `doc_weights` (byte mode): one number per document; when given, each document's windows are sampled that
        many times as often as its length alone would (all 1: the plain byte-uniform sampling).
        """
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
        keep = [i for i, s in enumerate(starts) if s + context <= len(data)]
        self.doc_starts = torch.tensor([starts[i] for i in keep], dtype=torch.long)
        self.weighted = None
        if doc_weights is not None:
            if len(doc_weights) != len(starts):
                raise ValueError(f"{len(doc_weights)} document weights for {len(starts)} documents")
            starts_all = torch.tensor(starts, dtype=torch.long)
            lengths = torch.cat([starts_all[1:], torch.tensor([len(data) + 2])]) - starts_all - 2
            w = torch.tensor(doc_weights, dtype=torch.double)
            self.weighted = {
                "starts": starts_all,
                "lengths": lengths.clamp(min=1),
                "by_bytes": w * lengths.clamp(min=1).double(),
                "by_doc": w[keep],
            }

    def batch(self, size):
        c = self.context
        n_doc = int(round(size * self.share))
        if self.weighted is None:
            anywhere = torch.randint(0, len(self.data) - c, (size - n_doc,), generator=self.gen)
            at_doc = self.doc_starts[torch.randint(0, len(self.doc_starts), (n_doc,), generator=self.gen)]
        else:
            w = self.weighted
            docs = torch.multinomial(w["by_bytes"], size - n_doc, replacement=True, generator=self.gen)
            offsets = (torch.rand(size - n_doc, generator=self.gen, dtype=torch.double) * w["lengths"][docs]).long()
            anywhere = (w["starts"][docs] + offsets).clamp(max=len(self.data) - c - 1)
            at_doc = self.doc_starts[torch.multinomial(w["by_doc"], n_doc, replacement=True, generator=self.gen)]
        starts = torch.cat([at_doc, anywhere])
        idx = starts[:, None] + torch.arange(c)[None, :]
        targets = self.data[idx]
        ids = torch.cat([torch.full((size, 1), self.bos, dtype=torch.long), targets[:, :-1]], dim=1)
        return ids, targets


def read_token_data(data_dir, manifest_path, tokenizer_path):
    """The token files of scripts/build-token-corpus.ts, checked against training/token-data-manifest.json.
    Returns the manifest, the train ids, the validation documents' ids and the protocol heads' ids."""
    manifest = read_json(manifest_path)
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
