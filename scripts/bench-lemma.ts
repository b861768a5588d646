// npm run bench:lemma [-- --vocab 4096 --mb 2 --runs 5]
// Exact next-byte distribution (Byte-Token Representation Lemma, ALGORITHMS §1) in Node for prompts whose last
// word is 4, 8 and 16 bytes long: a byte-level BPE trained on Brown, and a cheap deterministic pseudo-LM
// (hashed trigram logits), so the figures are the lemma's own work. "LM contexts" counts the token-LM rows
// a query needs (one forward pass each without a KV cache): multiply by the real model's time per row.
import { bpeLemmaTokenizer } from "../src/core/lm/byte-token/bpe-lemma-tokenizer";
import { hashedTokenLm } from "../src/core/lm/byte-token/hashed-token-lm";
import { exactNextByte, healedNextByte, naiveNextByte } from "../src/core/lm/byte-token/next-byte";
import { TokenContextModel, type NextTokenNormalization } from "../src/core/lm/byte-token/token-lm";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { utf8Encode } from "../src/core/text/utf8";
import { parseArgs } from "./cli/args";
import { readBrown } from "./lib/brown-text";

const args = parseArgs(process.argv.slice(2));
const vocabSize = Number(args.options.get("vocab") ?? 4096);
const budget = Number(args.options.get("mb") ?? 2) * 1_000_000;
const runs = Number(args.options.get("runs") ?? 5);

const text = readBrown(budget);
const trainStart = performance.now();
const { model: bpe } = trainBpe([text], { vocabSize });
console.log(
  `BPE: ${bpe.tokens.length} tokens from ${(budget / 1e6).toFixed(1)} MB of Brown in ${((performance.now() - trainStart) / 1000).toFixed(1)} s`,
);

/** A Brown sentence prefix (~200 bytes of context) followed by a word of exactly `length` bytes. */
function prompt(length: number): string {
  const words = text.match(/[A-Za-z]+/g) ?? [];
  const word = words.find((w) => w.length === length && w.toLowerCase() === w) ?? "x".repeat(length);
  const at = text.indexOf(` ${word}`);
  return `${text.slice(Math.max(0, at - 200), at)} ${word}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Method = (model: TokenContextModel, bytes: Uint8Array) => Promise<unknown>;
const METHODS: [string, NextTokenNormalization, Method][] = [
  ["exact (local)", "local", exactNextByte],
  ["exact (raw)", "raw", exactNextByte],
  ["naive", "raw", naiveNextByte],
  ["healing", "raw", healedNextByte],
];

/**
 * Times one method: the first query on a fresh tokenizer (cold pair and chunk caches, as for the first caret
 * position), then `runs` queries that share the tokenizer but start with empty LM caches (a new caret position).
 */
async function measure(bytes: Uint8Array, mode: NextTokenNormalization, method: Method) {
  const times: number[] = [];
  let cold = 0;
  let stats = { contexts: 0, masks: 0, covers: 0 };
  const shared = bpeLemmaTokenizer(bpe);
  for (let run = 0; run <= runs; run++) {
    const model = new TokenContextModel(hashedTokenLm(shared.vocabSize), shared, mode);
    const began = performance.now();
    const result = await method(model, bytes);
    const elapsed = performance.now() - began;
    if (run === 0) cold = elapsed;
    else times.push(elapsed);
    const covers = (result as { covers?: { straddling: unknown[] } }).covers;
    stats = {
      contexts: model.evaluatedContexts,
      masks: model.computedMasks,
      covers: covers ? covers.straddling.length + 1 : 0,
    };
  }
  return { cold, warm: median(times), ...stats };
}

const rows: Record<string, string | number>[] = [];
for (const length of [4, 8, 16]) {
  const bytes = utf8Encode(prompt(length));
  const word = new TextDecoder().decode(bytes.subarray(bytes.length - length));
  for (const [name, mode, method] of METHODS) {
    const figure = await measure(bytes, mode, method);
    rows.push({
      "last word": `${word} (${length} B)`,
      method: name,
      "cold ms": Number(figure.cold.toFixed(1)),
      "warm median ms": Number(figure.warm.toFixed(1)),
      "LM contexts": figure.contexts,
      masks: figure.masks,
      covers: figure.covers || "",
    });
  }
}
console.log(
  `prompt: ~200 bytes of Brown context, then the word; ${runs} warm runs each; pseudo-LM rows cost ~0.05 ms`,
);
console.table(rows);
