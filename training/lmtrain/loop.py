"""The training loop: optimizer, schedule, one resumable stage, the card's training record."""

import math
import os
import platform
import random
import sys
import time

import torch
import torch.nn.functional as F

from .onnx_init import check_fixture, deepened_state, fixture_for_onnx, layers_from_card, stages_from_card, state_from_onnx


def lr_schedule(args):
    def lr_at(step):
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        progress = (step - args.warmup) / max(1, args.steps - args.warmup)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))

    return lr_at


def make_optimizer(model, args):
    """AdamW (betas 0.9/0.95) with weight decay on matrices other than the positions; the hash n-gram table (if
    any) without decay (a rare n-gram's row would only shrink) and at --hash-lr-scale times the learning rate."""
    named = list(model.named_parameters())
    table = [p for n, p in named if n == "hash.table"]
    decay = [p for n, p in named if p.dim() >= 2 and n not in ("pos", "hash.table")]
    no_decay = [p for n, p in named if p.dim() < 2 or n == "pos"]
    groups = [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    if table:
        groups.append({"params": table, "weight_decay": 0.0, "lr_scale": args.hash_lr_scale})
    return torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.95))


def train_steps(model, sampler, opt, args, steps, vocab_out, unit, device, save_partial=None):
    """The training loop: warm-up + cosine schedule, gradient clip 1, a log line every --log-every steps, and
    `save_partial(steps_done, bits)` every --save-every steps (so a cut run leaves weights to --init from).
    Returns the mean training loss (bits per `unit`) over the last logging interval."""
    lr_at = lr_schedule(args)
    start = time.time()
    recent, final_bits = [], None
    model.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = lr_at(step) * group.get("lr_scale", 1.0)
        ids, targets = sampler.batch(args.batch_size)
        ids, targets = ids.to(device), targets.to(device)
        loss = F.cross_entropy(model(ids).reshape(-1, vocab_out), targets.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        recent.append(loss.item() / math.log(2))
        if (step + 1) % args.log_every == 0 or step + 1 == steps:
            elapsed = time.time() - start
            rate = (step + 1) * args.batch_size * args.context / elapsed
            final_bits = round(sum(recent) / len(recent), 4)
            print(
                f"step {step + 1}/{steps} train {final_bits:.4f} bits/{unit} lr {lr_at(step):.2e} "
                f"{rate:,.0f} {unit}s/s {elapsed:.0f}s",
                flush=True,
            )
            recent = []
        if save_partial and args.save_every and (step + 1) % args.save_every == 0 and step + 1 < steps:
            save_partial(step + 1, final_bits)
    return final_bits


def onnx_init_state(model, path):
    """The weights of the ONNX model at `path` for `model`; when `model` has more blocks, the committed model's
    own weights (checked against its logits fixture) with identity blocks on top (`deepened_state`)."""
    layers = layers_from_card(path)
    if layers == len(model.blocks):
        return state_from_onnx(model, path)
    if layers > len(model.blocks):
        raise SystemExit(f"--init {path} has {layers} layers; --layers {len(model.blocks)} cannot hold them")
    first = model.blocks[0]
    source = type(model)(
        model.embed.weight.shape[1],
        layers,
        first.n_heads,
        first.ff_in.out_features,
        model.context,
        vocab_in=model.embed.weight.shape[0],
        vocab_out=model.head.weight.shape[0],
    )
    source.load_state_dict(state_from_onnx(source, path))
    check_fixture(source, fixture_for_onnx(path), source.embed.weight.shape[0] - 1)
    return deepened_state(model, source)


def train_or_load(model, args, device, make_sampler, vocab_out, unit):
    """--export-only: the weights and stage record of --checkpoint. Otherwise one training stage (from --init's
    weights and record when given; stage k samples with seed + k), saved to --checkpoint. Returns (stages,
    training threads), or None after --bench."""
    if args.export_only:
        state = torch.load(args.checkpoint, map_location=device)
        model.load_state_dict(state["model"])
        return state["stages"], state.get("threads", args.threads)
    deepened_from = 0
    if args.init and args.init.endswith(".onnx"):
        if args.mode != "byte":
            raise SystemExit("--init with an .onnx model works in byte mode only (its fixture checks the weights)")
        init_layers = layers_from_card(args.init)
        deepened_from = init_layers if init_layers < len(model.blocks) else 0
        init_state = {"model": onnx_init_state(model, args.init), "stages": stages_from_card(args.init)}
    else:
        init_state = torch.load(args.init, map_location=device) if args.init else None
    previous_stages = init_state.get("stages", []) if init_state else []
    if init_state:
        load_state_growing_hashes(model, init_state["model"])
        if args.init.endswith(".onnx"):
            check_fixture(model, fixture_for_onnx(args.init), model.embed.weight.shape[0] - 1)
    sampler = make_sampler(torch.Generator().manual_seed(args.seed + len(previous_stages)))
    start = time.time()
    steps = args.bench or args.steps
    os.makedirs(os.path.dirname(args.checkpoint), exist_ok=True)

    def save(steps_done, final_bits):
        stage = {
            "seed": args.seed + len(previous_stages),
            "steps": steps_done,
            "batchSize": args.batch_size,
            "lr": args.lr,
            "warmup": args.warmup,
            "wallSeconds": round(time.time() - start, 1),
            f"finalTrainBitsPer{unit.title()}": final_bits,
            "command": "/usr/bin/python3 training/train.py " + " ".join(sys.argv[1:]),
        }
        if deepened_from:
            stage["layers"] = len(model.blocks)
            stage["deepenedFrom"] = deepened_from
        if steps_done < args.steps:  # a cut stage: its schedule was planned for more steps
            stage["plannedSteps"] = args.steps
        stages = previous_stages + [stage]
        torch.save({"model": model.state_dict(), "stages": stages, "threads": torch.get_num_threads()}, args.checkpoint)
        return stages

    final_bits = train_steps(
        model, sampler, make_optimizer(model, args), args, steps, vocab_out, unit, device, None if args.bench else save
    )
    if args.bench:
        return None
    return save(args.steps, final_bits), torch.get_num_threads()


def load_state_growing_hashes(model, state):
    """load_state_dict, except that a model with hash n-gram embeddings accepts weights without them (an --init
    from a model that had none): its table stays at zero, so it starts out computing what the source computed."""
    result = model.load_state_dict(state, strict=False)
    missing = [name for name in result.missing_keys if not name.startswith("hash.")]
    if missing or result.unexpected_keys:
        raise SystemExit(f"--init weights do not fit: missing {missing}, unexpected {result.unexpected_keys}")


def training_record(stages, args, device):
    """The card's training fields that both modes share."""
    return {
        "stages": stages,
        "steps": sum(st["steps"] for st in stages),
        "weightDecay": args.weight_decay,
        "docStartShare": args.doc_start_share,
        "wallSeconds": round(sum(st["wallSeconds"] for st in stages), 1),
        "device": f"{device.type} ({platform.processor() or platform.machine()})",
        "torch": torch.__version__,
        "python": sys.version.split()[0],
    }


def seed_everything(args):
    """Threads and seeds from the command line; returns the torch device."""
    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    return torch.device(args.device)
