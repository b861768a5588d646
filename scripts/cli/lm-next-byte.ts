import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as ort from "onnxruntime-web";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { bpeLemmaTokenizer } from "../../src/core/lm/byte-token/bpe-lemma-tokenizer";
import type { LemmaTokenizer } from "../../src/core/lm/byte-token/lemma-tokenizer";
import { exactNextByte, healedNextByte, naiveNextByte } from "../../src/core/lm/byte-token/next-byte";
import {
  TokenContextModel,
  type NextTokenNormalization,
  type TokenLanguageModel,
} from "../../src/core/lm/byte-token/token-lm";
import { nextByteDistribution, type ByteLanguageModel } from "../../src/core/lm/surprisal";
import { utf8Encode } from "../../src/core/text/utf8";
import { BYTE_LM_PATH, loadByteLmNode } from "../lib/byte-lm-node";
import { parseArgs, UsageError } from "./args";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The token LM and its tokenizer, once trained (ALGORITHMS §1, issue 6). */
export const TOKEN_LM_PATH = join(ROOT, "public", "models", "token-lm.onnx");
export const TOKEN_LM_TOKENIZER_PATH = join(ROOT, "public", "models", "token-lm.tokenizer.json");
export const TOKEN_LM_CARD_PATH = join(ROOT, "public", "models", "token-lm.card.json");

const USAGE =
  "usage: lm next-byte --model <byte|token> --method <exact|naive|healing> --prompt <text> " +
  "[--drop-bytes <n>] [--normalization <local|raw>]";

/** A token LM with the tokenizer it was trained with. */
export interface TokenLmBundle {
  lm: TokenLanguageModel;
  tokenizer: LemmaTokenizer;
  release?(): Promise<void>;
}

/** Where the command gets its models (tests and benchmarks inject their own). */
export interface LmNextByteDeps {
  loadTokenModel?: () => Promise<TokenLmBundle>;
  loadByteModel?: () => Promise<ByteLanguageModel & { release?(): Promise<void> }>;
}

/**
 * `lm next-byte --model <byte|token> --method <exact|naive|healing> --prompt <text>`: the next-byte
 * distribution after the prompt's UTF-8 bytes (minus `--drop-bytes` at the end, to stop inside a character)
 * as `{"dist": {"<byte>" | "eos": p}, "covers": n}` with the bytes of positive probability. `covers`: the
 * exact method's cover encodings, 1 for naive (the prompt's encoding), healing's candidate tokens, 1 for the
 * byte LM (which has no end-of-text and ignores `--method`).
 */
export async function lmNextByteCommand(argv: readonly string[], deps: LmNextByteDeps = {}): Promise<string> {
  const args = parseArgs(argv[0] === "next-byte" ? argv.slice(1) : argv);
  const kind = args.options.get("model");
  const method = args.options.get("method") ?? "exact";
  const prompt = args.options.get("prompt");
  const drop = Number(args.options.get("drop-bytes") ?? 0);
  const normalization = args.options.get("normalization") ?? "local";
  if ((kind !== "byte" && kind !== "token") || typeof prompt !== "string" || args.positional.length > 0)
    throw new UsageError(USAGE);
  if (method !== "exact" && method !== "naive" && method !== "healing") throw new UsageError(USAGE);
  if (normalization !== "local" && normalization !== "raw") throw new UsageError(USAGE);
  const full = utf8Encode(prompt);
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

/** The parts of `token-lm.card.json` the loader reads (the byte LM card's conventions plus `eos`). */
interface TokenLmCard {
  name: string;
  bos: number;
  eos: number;
  contextLength: number;
  onnx: { input: string; output: string };
}

/**
 * Loads the trained token LM with onnxruntime-web (WebAssembly): `token-lm.onnx` taking int64 ids [batch,
 * seq] (BOS first) and returning logits [batch, seq, vocab], `token-lm.tokenizer.json` (this project's BPE
 * export; ordinary ids 0 … n − 1) and `token-lm.card.json` ({@link TokenLmCard}). Rows keep the ordinary ids
 * and EOS, renormalized.
 * @throws Error with what is missing until the model has been trained and committed.
 */
async function loadTokenModel(): Promise<TokenLmBundle> {
  const missing = [TOKEN_LM_PATH, TOKEN_LM_TOKENIZER_PATH, TOKEN_LM_CARD_PATH].filter((p) => !existsSync(p));
  if (missing.length > 0)
    throw new Error(
      `The token LM is not available yet: missing ${missing.join(", ")}. Train it (training/, token mode) ` +
        "and commit the ONNX model, its tokenizer.json and its card.",
    );
  const bpe = fromTokenizerJson(JSON.parse(await readFile(TOKEN_LM_TOKENIZER_PATH, "utf8")));
  const tokenizer = bpeLemmaTokenizer(bpe);
  const card = JSON.parse(await readFile(TOKEN_LM_CARD_PATH, "utf8")) as TokenLmCard;
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(new Uint8Array(await readFile(TOKEN_LM_PATH)), {
    executionProviders: ["wasm"],
  });
  const vocabSize = tokenizer.vocabSize;
  const lm: TokenLanguageModel = {
    name: card.name,
    vocabSize,
    async logProbs(prefixes) {
      const rows: Float64Array[] = [];
      for (const prefix of prefixes) {
        const context = prefix.subarray(Math.max(0, prefix.length - (card.contextLength - 1)));
        const ids = BigInt64Array.from([card.bos, ...context], (id) => BigInt(id));
        const output = await session.run({
          [card.onnx.input]: new ort.Tensor("int64", ids, [1, ids.length]),
        });
        const logits = output[card.onnx.output]!.data as Float32Array;
        const width = logits.length / ids.length;
        const last = logits.subarray((ids.length - 1) * width, ids.length * width);
        const row = Float64Array.from(
          { length: vocabSize + 1 },
          (_, i) => last[i < vocabSize ? i : card.eos]!,
        );
        const max = Math.max(...row);
        const logZ = max + Math.log(row.reduce((sum, v) => sum + Math.exp(v - max), 0));
        rows.push(row.map((v) => v - logZ));
      }
      return rows;
    },
  };
  return { lm, tokenizer, release: () => session.release() };
}
