import { writeFile } from "node:fs/promises";
import { trainBinaryBpeJob } from "../../src/core/bpe/binary/binary-train-job";
import { trainBpeJob } from "../../src/core/bpe/lab/train-job";
import { checkTransition } from "../../src/core/bpe/superbpe";
import { toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { uninterruptedHooks } from "../../src/core/jobs/job-hooks";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

const USAGE =
  "usage: bpe train --vocab <n> [--superbpe <t>] [--pattern <regex>] [--min-frequency <n>] --out <tokenizer.json> <files...>\n" +
  "       bpe train --binary --vocab <n> [--min-frequency <n>] --out <tokenizer.json> <files...>";

function positiveInteger(value: string | true | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} needs a positive integer`);
  return n;
}

/**
 * `bpe train --vocab <n> [--superbpe <t>] --out <tokenizer.json> <files...>`: trains byte-level BPE (or SuperBPE
 * with transition point t) on the files (`-` is stdin) and writes a Hugging Face tokenizer.json. With
 * `--binary`: binary BPE on the files' raw bytes (no pre-tokenization, no UTF-8 assumption; merges never
 * cross two files). Returns a one-line JSON summary.
 */
export async function bpeCommand(argv: string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub !== "train") throw new UsageError(USAGE);
  const args = parseArgs(rest, ["binary"]);
  const vocabSize = positiveInteger(args.options.get("vocab"), "vocab");
  const transition = positiveInteger(args.options.get("superbpe"), "superbpe");
  const minFrequency = positiveInteger(args.options.get("min-frequency"), "min-frequency");
  const out = args.options.get("out");
  const pattern = args.options.get("pattern");
  if (vocabSize === undefined || typeof out !== "string" || args.positional.length === 0)
    throw new UsageError(USAGE);
  if (vocabSize < 256) throw new UsageError("--vocab must be at least 256 (the byte tokens).");
  if (args.options.get("binary") === true) {
    if (transition !== undefined || pattern !== undefined)
      throw new UsageError("--binary has no pre-tokenization: --superbpe and --pattern do not apply.");
    return binaryTrain(args.positional, vocabSize, minFrequency, out);
  }
  if (transition !== undefined) {
    try {
      checkTransition(transition, vocabSize);
    } catch {
      throw new UsageError("--superbpe must lie between 256 and --vocab.");
    }
  }
  const texts: string[] = [];
  let bytes = 0;
  for (const path of args.positional) {
    const data = await readInput(path);
    bytes += data.length;
    texts.push(new TextDecoder().decode(data)); // UTF-8, BOM dropped, invalid bytes as U+FFFD
  }
  const request = {
    texts,
    vocabSize,
    minFrequency,
    transition,
    pattern: typeof pattern === "string" ? pattern : undefined,
  };
  const start = performance.now();
  // The lab's training job (plain BPE, or SuperBPE with --superbpe), run without interruption.
  const model = await trainBpeJob(request, uninterruptedHooks());
  const seconds = (performance.now() - start) / 1000;
  await writeFile(out, JSON.stringify(toTokenizerJson(model)));
  return JSON.stringify({
    out,
    vocabSize: model.tokens.length,
    merges: model.merges.length,
    superbpe: transition ?? null,
    inputBytes: bytes,
    seconds: Number(seconds.toFixed(2)),
  });
}

/** `bpe train --binary`: raw bytes of each file, one sequence per file. */
async function binaryTrain(
  paths: readonly string[],
  vocabSize: number,
  minFrequency: number | undefined,
  out: string,
): Promise<string> {
  const sequences: Uint8Array[] = [];
  for (const path of paths) sequences.push(new Uint8Array(await readInput(path)));
  const start = performance.now();
  const model = await trainBinaryBpeJob({ sequences, vocabSize, minFrequency }, uninterruptedHooks());
  const seconds = (performance.now() - start) / 1000;
  await writeFile(out, JSON.stringify(toTokenizerJson(model)));
  return JSON.stringify({
    out,
    vocabSize: model.tokens.length,
    merges: model.merges.length,
    binary: true,
    files: sequences.length,
    inputBytes: sequences.reduce((sum, s) => sum + s.length, 0),
    seconds: Number(seconds.toFixed(2)),
  });
}
