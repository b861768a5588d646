"""The decoder: a small pre-LN transformer with learned positions, shared by the byte and the token mode."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

BOS = 256
VOCAB_IN = 257
VOCAB_OUT = 256
GROUPS = ["latin", "cyrillic", "arabic", "indic", "cjk", "other"]


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
