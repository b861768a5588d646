"""ONNX export and the logits fixtures the TypeScript tests check the exported files against."""

import json

import torch

from .model import BOS


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


def write_token_fixture(model, path, heads, valid_docs, context, bos):
    """A few protocol heads and one full-context input → at a few positions, the logits of every 64th id and
    of BOS/EOS (rounded), and the log-sum-exp of the whole row (which checks every logit at once)."""
    model = model.cpu().eval()
    # Heads longer than the context (a 256-byte head of a script the BPE barely saw) are cut to fit.
    cases = [heads[i][: context - 1] for i in (0, 1, len(heads) // 2, len(heads) - 1)]
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
