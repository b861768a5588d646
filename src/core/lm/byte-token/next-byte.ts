import { enumerateCovers, prefixIndexOf, concat, type CoverOptions, type CoverSet } from "./covers";
import { logAddExp, logSumExp, normalizeLogWeights } from "./log-space";
import type { TokenContextModel } from "./token-lm";

/** Index of end-of-text in a next-byte distribution (bytes are 0–255). */
export const BYTE_EOS = 256;

/** A next-byte distribution: natural-log probabilities of bytes 0–255 and end-of-text (index 256). */
export interface NextByteResult {
  logProbs: Float64Array;
}

/** The exact next-byte distribution with the covers it came from. */
export interface ExactNextByte extends NextByteResult {
  covers: CoverSet;
  /** log Σ P(cover) (relative to `covers.logBase`): log P(x) by the BTR lemma. */
  logPrefix: number;
  /** log of the unnormalized total (equals `logPrefix` under local normalization: mass conservation). */
  logMass: number;
}

/**
 * The exact distribution of the byte after `bytes` (ALGORITHMS §1.2): each straddling cover votes for its
 * byte at position n with P(cover); the boundary cover T* adds P(T*)·q(tok | T*) to the first byte of every
 * valid next token, and P(T*)·q(EOS | T*) to end-of-text unless the prompt ends inside a character. One batched LM call per query.
 */
export async function exactNextByte(
  model: TokenContextModel,
  bytes: Uint8Array,
  options: CoverOptions = {},
): Promise<ExactNextByte> {
  const covers = await enumerateCovers(model, bytes, options);
  return { covers, ...distributionFromCovers(model, covers) };
}

/**
 * The next-byte distribution of a cover set whose boundary cover's row is cached (shared by
 * {@link exactNextByte} and incremental sampling).
 */
export function distributionFromCovers(
  model: TokenContextModel,
  covers: CoverSet,
): { logProbs: Float64Array; logPrefix: number; logMass: number } {
  const tokenizer = model.tokenizer;
  const n = covers.bytes.length;
  const weights = new Float64Array(257).fill(-Infinity);
  const logs: number[] = [];
  for (const cover of covers.straddling) {
    const last = tokenizer.tokenBytes(cover.ids[cover.ids.length - 1]!);
    const byte = last[n - cover.lastStart]!;
    weights[byte] = logAddExp(weights[byte]!, cover.logProb);
    logs.push(cover.logProb);
  }
  const boundary = covers.boundary;
  logs.push(boundary.logProb);
  if (boundary.logProb > -Infinity) {
    const next = model.next(boundary.ids);
    const mask = model.mask(boundary.ids);
    addFirstByteMarginal(model, next, mask, boundary.logProb, weights, model.endAllowed(boundary.ids));
  }
  const logMass = normalizeLogWeights(weights);
  return { logProbs: weights, logPrefix: logSumExp(logs), logMass };
}

/**
 * The naive distribution: encode the prompt, run the LM once, and read the first-byte marginal of its
 * next-token distribution (unmasked, as plain prompting does). Biased whenever the prompt ends inside a token.
 */
export async function naiveNextByte(
  model: TokenContextModel,
  bytes: Uint8Array,
): Promise<NextByteResult & { ids: Uint32Array }> {
  const ids = model.tokenizer.encode(bytes);
  await model.ensure([ids]);
  const weights = new Float64Array(257).fill(-Infinity);
  addFirstByteMarginal(model, model.raw(ids), null, 0, weights);
  normalizeLogWeights(weights);
  return { logProbs: weights, ids };
}

/**
 * One-token healing (ALGORITHMS §1.5): drop the prompt's last token, let the LM choose any token that starts
 * with the dropped bytes, and read the byte after them (a candidate equal to the dropped bytes hands over to
 * the naive distribution after it). Sees only one token back and does not mask invalid candidates.
 */
export async function healedNextByte(
  model: TokenContextModel,
  bytes: Uint8Array,
): Promise<NextByteResult & { ids: Uint32Array; candidates: number }> {
  const tokenizer = model.tokenizer;
  const encoded = tokenizer.encode(bytes);
  if (encoded.length === 0) return { ...(await naiveNextByte(model, bytes)), candidates: 0 };
  const ids = encoded.subarray(0, encoded.length - 1);
  const removed = tokenizer.tokenBytes(encoded[encoded.length - 1]!);
  const candidates = prefixIndexOf(model).startingWith(removed);
  const exact = candidates.filter((id) => tokenizer.tokenBytes(id).length === removed.length);
  const continued = exact.map((id) => concat(ids, Uint32Array.of(id)));
  await model.ensure([ids, ...continued]);
  const row = model.raw(ids);
  const weights = new Float64Array(257).fill(-Infinity);
  for (const id of candidates) {
    const token = tokenizer.tokenBytes(id);
    if (token.length > removed.length)
      weights[token[removed.length]!] = logAddExp(weights[token[removed.length]!]!, row[id]!);
  }
  continued.forEach((context, i) => {
    const weight = row[exact[i]!]!;
    if (weight > -Infinity) addFirstByteMarginal(model, model.raw(context), null, weight, weights);
  });
  normalizeLogWeights(weights);
  return { logProbs: weights, ids, candidates: candidates.length };
}

/** Adds weight + next[tok] to the first byte of every (unmasked) token, and weight + next[EOS] to EOS if `end`. */
function addFirstByteMarginal(
  model: TokenContextModel,
  next: Float64Array,
  mask: Uint8Array | null,
  weight: number,
  out: Float64Array,
  end = true,
): void {
  const firstBytes = firstByteTable(model);
  const perByte = new Float64Array(256).fill(-Infinity);
  for (let id = 0; id < model.eos; id++) {
    const byte = firstBytes[id]!;
    if (byte < 0 || (mask && mask[id] === 0) || next[id] === -Infinity) continue;
    perByte[byte] = logAddExp(perByte[byte]!, next[id]!);
  }
  for (let byte = 0; byte < 256; byte++)
    if (perByte[byte]! > -Infinity) out[byte] = logAddExp(out[byte]!, weight + perByte[byte]!);
  if (end) out[BYTE_EOS] = logAddExp(out[BYTE_EOS]!, weight + next[model.eos]!);
}

const firstBytesCache = new WeakMap<object, Int16Array>();

/** id → first byte (−1 for an empty token): the 256×|V| aggregation matrix of the official code, as a list. */
function firstByteTable(model: TokenContextModel): Int16Array {
  let table = firstBytesCache.get(model.tokenizer);
  if (!table) {
    table = Int16Array.from({ length: model.eos }, (_, id) => model.tokenizer.tokenBytes(id)[0] ?? -1);
    firstBytesCache.set(model.tokenizer, table);
  }
  return table;
}
