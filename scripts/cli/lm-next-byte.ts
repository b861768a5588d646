import { existsSync } from "node:fs";
import { exactNextByte, healedNextByte, naiveNextByte } from "../../src/core/lm/byte-token/next-byte";
import { TokenContextModel, type NextTokenNormalization } from "../../src/core/lm/byte-token/token-lm";
import { nextByteDistribution, type ByteLanguageModel } from "../../src/core/lm/surprisal";
import { utf8Encode } from "../../src/core/text/utf8";
import { BYTE_LM_PATH, loadByteLmNode } from "../lib/byte-lm-node";
import { loadTokenLmNode, type TokenLmBundle } from "../lib/token-lm-node";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

export type { TokenLmBundle } from "../lib/token-lm-node";

const USAGE =
  "usage: lm next-byte --model <byte|token> --method <exact|naive|healing> (--prompt <text> | --prompt-file <file|->) " +
  "[--drop-bytes <n>] [--normalization <local|raw>]";

/** Where the command gets its models (tests and benchmarks inject their own). */
export interface LmNextByteDeps {
  loadTokenModel?: () => Promise<TokenLmBundle>;
  loadByteModel?: () => Promise<ByteLanguageModel & { release?(): Promise<void> }>;
}

/**
 * `lm next-byte --model <byte|token> --method <exact|naive|healing> --prompt <text>` (or `--prompt-file
 * <file|->`, any size, its bytes as they are): the next-byte distribution after the prompt's UTF-8 bytes (minus `--drop-bytes` at the end, to stop inside a character)
 * as `{"dist": {"<byte>" | "eos": p}, "covers": n}` with the bytes of positive probability. `covers`: the
 * exact method's cover encodings, 1 for naive (the prompt's encoding), healing's candidate tokens, 1 for the
 * byte LM (which has no end-of-text and ignores `--method`).
 */
export async function lmNextByteCommand(argv: readonly string[], deps: LmNextByteDeps = {}): Promise<string> {
  const args = parseArgs(argv[0] === "next-byte" ? argv.slice(1) : argv);
  const kind = args.options.get("model");
  const method = args.options.get("method") ?? "exact";
  const prompt = args.options.get("prompt");
  const promptFile = args.options.get("prompt-file");
  const drop = Number(args.options.get("drop-bytes") ?? 0);
  const normalization = args.options.get("normalization") ?? "local";
  const hasPrompt = typeof prompt === "string";
  const hasFile = typeof promptFile === "string";
  if ((kind !== "byte" && kind !== "token") || hasPrompt === hasFile || args.positional.length > 0)
    throw new UsageError(USAGE);
  if (method !== "exact" && method !== "naive" && method !== "healing") throw new UsageError(USAGE);
  if (normalization !== "local" && normalization !== "raw") throw new UsageError(USAGE);
  // A prompt file's bytes are the prompt exactly (no decoding: it may end inside a character).
  const full = hasFile ? new Uint8Array(await readInput(promptFile as string)) : utf8Encode(prompt as string);
  if (!Number.isInteger(drop) || drop < 0 || drop > full.length)
    throw new UsageError(`--drop-bytes must be an integer from 0 to ${full.length}`);
  const bytes = full.subarray(0, full.length - drop);

  if (kind === "byte") {
    const model = await (deps.loadByteModel ?? loadByteModel)();
    try {
      const { probs } = await nextByteDistribution(model, bytes);
      return format(probs, null, 1);
    } finally {
      await model.release?.();
    }
  }
  const bundle = await (deps.loadTokenModel ?? loadTokenModel)();
  try {
    const model = new TokenContextModel(bundle.lm, bundle.tokenizer, normalization as NextTokenNormalization);
    if (method === "naive") return formatLog((await naiveNextByte(model, bytes)).logProbs, 1);
    if (method === "healing") {
      const healed = await healedNextByte(model, bytes);
      return formatLog(healed.logProbs, healed.candidates);
    }
    const exact = await exactNextByte(model, bytes);
    return formatLog(exact.logProbs, exact.covers.straddling.length + 1);
  } finally {
    await bundle.release?.();
  }
}

function formatLog(logProbs: Float64Array, covers: number): string {
  return format(
    Array.from(logProbs.subarray(0, 256), (v) => Math.exp(v)),
    Math.exp(logProbs[256]!),
    covers,
  );
}

function format(probs: ArrayLike<number>, eos: number | null, covers: number): string {
  const dist: Record<string, number> = {};
  for (let byte = 0; byte < 256; byte++) if (probs[byte]! > 0) dist[String(byte)] = probs[byte]!;
  if (eos !== null && eos > 0) dist.eos = eos;
  return JSON.stringify({ dist, covers });
}

async function loadByteModel(): Promise<ByteLanguageModel & { release(): Promise<void> }> {
  if (!existsSync(BYTE_LM_PATH)) throw new Error(`The byte LM is not available: ${BYTE_LM_PATH} is missing.`);
  return loadByteLmNode();
}

function loadTokenModel(): Promise<TokenLmBundle> {
  return loadTokenLmNode();
}
