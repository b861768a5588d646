"""Weights from an exported ONNX model, so that training can continue from a committed model when its
checkpoint (training/logs/*.pt, gitignored) is gone: `--init public/models/byte-lm.onnx`.

The export keeps parameters by name, except the Linear layers' weights, which the tracer folds into MatMul
constants (transposed, named `onnx::MatMul_N`); those are matched to the model's Linear weights in graph
order and by shape. The stage record comes from the model card beside the ONNX file. The caller checks the
result against the committed logits fixture (see `check_fixture`)."""

import json
import os

import torch


def state_from_onnx(model, path):
    """A state dict for `model` from the ONNX file at `path` (raises when the graph does not fit the model)."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(path).graph
    arrays = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    wanted = model.state_dict()
    state = {name: torch.from_numpy(arrays[name].copy()) for name in wanted if name in arrays}
    if "hash.q" in arrays:  # the hash n-gram table, stored as int8 rows with a scale each (HashNgrams.quantize)
        q, scale = torch.from_numpy(arrays["hash.q"].copy()), torch.from_numpy(arrays["hash.scale"].copy())
        state["hash.table"] = q.float() * scale[:, None]
    elif "hash.table" in wanted:  # a model without hashes: the new table stays at zero (load_state_growing_hashes)
        wanted = {name: value for name, value in wanted.items() if not name.startswith("hash.")}
    folded = [node.input[1] for node in graph.node if node.op_type == "MatMul" and node.input[1] in arrays]
    folded = [name for name in folded if name not in wanted]
    linear = [name for name, value in wanted.items() if name not in state and value.dim() == 2]
    if len(folded) != len(linear):
        raise ValueError(f"{path}: {len(folded)} folded MatMul weights for {len(linear)} Linear layers")
    for name, onnx_name in zip(linear, folded):
        value = torch.from_numpy(arrays[onnx_name].copy()).t().contiguous()
        if value.shape != wanted[name].shape:
            raise ValueError(f"{path}: {onnx_name} {tuple(value.shape)} does not fit {name} {tuple(wanted[name].shape)}")
        state[name] = value
    missing = [name for name in wanted if name not in state]
    if missing:
        raise ValueError(f"{path}: no weights for {', '.join(missing)}")
    return state


def layers_from_card(path):
    """How many blocks the model beside the card has (`x.onnx` → `x.card.json`)."""
    card_path = os.path.splitext(path)[0] + ".card.json"
    with open(card_path, encoding="utf-8") as f:
        return json.load(f)["architecture"]["layers"]


def deepened_state(model, source):
    """A state dict for `model` that computes what the shallower `source` computes: every tensor of `source`
    where it is, and each block that `source` lacks (on top) made an identity: its attention output and second
    MLP layer zeroed, so that it adds nothing to the residual stream until training moves them. Training then
    continues with more depth without starting over (`--layers` above the --init model's)."""
    state = model.state_dict()
    for name, value in source.state_dict().items():
        if state[name].shape != value.shape:
            raise ValueError(f"{name}: {tuple(value.shape)} does not fit {tuple(state[name].shape)}")
        state[name] = value.clone()
    for index in range(len(source.blocks), len(model.blocks)):
        for part in ("proj", "ff_out"):
            state[f"blocks.{index}.{part}.weight"].zero_()
            state[f"blocks.{index}.{part}.bias"].zero_()
    return state


def stages_from_card(path):
    """The training stages recorded in the model card beside an ONNX file (`x.onnx` → `x.card.json`)."""
    card_path = os.path.splitext(path)[0] + ".card.json"
    with open(card_path, encoding="utf-8") as f:
        return json.load(f)["training"]["stages"]


def fixture_for_onnx(path):
    """The logits fixture written with an ONNX file: beside it (an export to another --out with --fixture there),
    else the committed one (src/core/lm/fixtures/byte-lm-fixture.json, for public/models/byte-lm.onnx)."""
    beside = os.path.join(os.path.dirname(os.path.abspath(path)), "byte-lm-fixture.json")
    if os.path.exists(beside):
        return beside
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "src", "core", "lm", "fixtures", "byte-lm-fixture.json")


def check_fixture(model, fixture_path, bos, tolerance=2e-3):
    """Raises unless `model` reproduces the logits of the fixture written when the ONNX file was exported."""
    with open(fixture_path, encoding="utf-8") as f:
        fixture = json.load(f)
    model.eval()
    with torch.no_grad():
        for case in fixture["cases"]:
            ids = torch.tensor([[bos] + case["bytes"]], dtype=torch.long)
            logits = model(ids)[0]
            for k, position in enumerate(case["positions"]):
                expected = torch.tensor(case["logits"][k])
                error = (logits[position] - expected).abs().max().item()
                if error > tolerance:
                    raise ValueError(f"weights from ONNX differ from the fixture at position {position}: {error}")
    model.train()
