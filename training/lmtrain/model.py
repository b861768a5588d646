"""The decoder: a small pre-LN transformer with learned positions, shared by the byte and the token mode."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

BOS = 256
VOCAB_IN = 257
VOCAB_OUT = 256
GROUPS = ["latin", "cyrillic", "arabic", "indic", "cjk", "other"]
HASH_PAD = 257  # the id the n-gram hashes see before BOS (inputs are 0..256)


def hash_multipliers(count, seed=0x7B17E):
    """Fixed odd multipliers below 2^31, one per distance back: the n-gram hashes are part of the model."""
    gen = torch.Generator().manual_seed(seed)
    return [int(v) | 1 for v in torch.randint(1 << 20, 1 << 31, (count,), generator=gen)]


class HashNgrams(nn.Module):
    """Hash n-gram embeddings (as in BLT, Pagnoni et al. 2024): for each order n, the n input ids ending at a
    position are hashed into one of `buckets` rows of that order's table; the rows of every order are summed,
    projected to the model width and added to the input embedding. They give a small model cheap memory for
    spelling, which its few weights cannot hold. The hash is a fixed linear one over int64, so the ONNX graph
    computes it (Pad, Slice, Mul, Add, Mod) and the model's input stays the byte ids.

    Training keeps the table in float32; `quantize()` rounds it to int8 rows with one scale per row, the form the
    ONNX export stores (so the exported file and the evaluated model compute the same thing)."""

    def __init__(self, orders, buckets, dim, d_model):
        super().__init__()
        self.orders = sorted(orders)
        self.buckets = buckets
        self.multipliers = hash_multipliers(self.orders[-1])
        self.table = nn.Parameter(torch.zeros(len(self.orders) * buckets, dim))
        self.proj = nn.Parameter(torch.empty(dim, d_model))
        nn.init.normal_(self.proj, std=0.02)
        self.quantized = False

    def indices(self, ids):
        """[batch, seq, orders] rows of the table: order k's rows start at k * buckets."""
        longest = self.orders[-1]
        padded = F.pad(ids, (longest - 1, 0), value=HASH_PAD)
        h, rows = None, []
        for back in range(longest):
            shifted = padded[:, longest - 1 - back : padded.shape[1] - back]
            term = shifted * self.multipliers[back]
            h = term if h is None else h + term
            if back + 1 in self.orders:
                rows.append(torch.fmod(h, self.buckets) + self.orders.index(back + 1) * self.buckets)
        return torch.stack(rows, dim=2)

    def forward(self, ids):
        rows = self.indices(ids)
        if self.quantized:
            vectors = self.q[rows].float() * self.scale[rows].unsqueeze(-1)
        else:
            vectors = self.table[rows]
        return vectors.sum(dim=2) @ self.proj

    @torch.no_grad()
    def quantize(self):
        """Rounds the table to int8 rows with a float32 scale each (max |value| / 127), keeps the rounded values in
        the float table too, and makes forward() read the int8 form (as the ONNX graph will)."""
        scale = self.table.abs().amax(dim=1).clamp(min=1e-12) / 127
        q = torch.round(self.table / scale[:, None]).clamp(-127, 127).to(torch.int8)
        self.register_buffer("q", q)
        self.register_buffer("scale", scale.float())
        self.table.copy_(q.float() * scale[:, None])
        self.quantized = True


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

    def __init__(
        self, d_model, n_layers, n_heads, d_ff, context, vocab_in=VOCAB_IN, vocab_out=VOCAB_OUT, tie=False, hashing=None
    ):
        """`hashing`: None, or {"orders": [...], "buckets": B, "dim": D} for hash n-gram embeddings (HashNgrams)."""
        super().__init__()
        self.context = context
        self.embed = nn.Embedding(vocab_in, d_model)
        self.pos = nn.Parameter(torch.zeros(context, d_model))
        self.hashing = dict(hashing) if hashing else None
        self.blocks = nn.ModuleList([Block(d_model, n_heads, d_ff, context) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_out)
        self.apply(self._init)
        if self.hashing:  # after apply(): the table starts at zero, so a model given hashes computes what it did
            self.hash = HashNgrams(self.hashing["orders"], self.hashing["buckets"], self.hashing["dim"], d_model)
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
        if self.hashing:
            x = x + self.hash(ids)
        for block in self.blocks:
            x = block(x)
        if positions is not None:
            x = x.gather(1, positions[:, :, None].expand(-1, -1, x.shape[2]))
        return self.head(self.ln_f(x))
