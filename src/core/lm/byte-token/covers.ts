import type { TokenContextModel } from "./token-lm";
import { TokenPrefixIndex } from "./token-prefix-index";

/** One cover encoding of a byte prompt (ALGORITHMS §1.1): a canonical token sequence reaching its end. */
export interface CoverEncoding {
  /** Token ids from the start of the text. */
  ids: Uint32Array;
  /** Byte offset where the last token starts (the prompt length for an empty encoding). */
  lastStart: number;
  /**
   * log P(ids) in nats, relative to the fixed prefix {@link CoverSet.logBase} refers to (add it for the
   * absolute prefix probability).
   */
  logProb: number;
}

/**
 * All covers of a prompt x: the ones whose last token straddles its end, and the boundary cover
 * T* = encode(x), which ends exactly there. By the BTR lemma P(x) = Σ P(cover).
 */
export interface CoverSet {
  /** The prompt x. */
  bytes: Uint8Array;
  /** Covers whose last token starts before x's end and ends after it. */
  straddling: CoverEncoding[];
  /** T* = encode(x). */
  boundary: CoverEncoding;
  /** Bytes before a stable boundary: every cover starts with the same tokens there. */
  anchorBytes: number;
  /** Number of those shared tokens. */
  anchorTokens: number;
  /** log P(shared tokens) when computed (`absolute`), else 0: the base the covers' `logProb` leave out. */
  logBase: number;
}

/** Options of {@link enumerateCovers}. */
export interface CoverOptions {
  /** Also compute the probability of the shared prefix (one LM context per shared token): absolute P(x). */
  absolute?: boolean;
}

const indexes = new WeakMap<object, TokenPrefixIndex>();

/** The (cached) prefix index over the model's tokenizer. */
export function prefixIndexOf(model: TokenContextModel): TokenPrefixIndex {
  let index = indexes.get(model.tokenizer);
  if (!index) {
    index = new TokenPrefixIndex(model.tokenizer);
    indexes.set(model.tokenizer, index);
  }
  return index;
}

/**
 * Enumerates the covers of `bytes` (ALGORITHMS §1.3). Tokens before the prompt's stable boundary d are fixed
 * (F = encode(x[0, d))); for each split i in [d, n) the left part is F ++ encode(x[d, i)), and every token
 * that starts with x[i, n) and runs past n, and keeps the sequence canonical, closes a cover. All contexts
 * are sent to the LM in one batch.
 */
export async function enumerateCovers(
  model: TokenContextModel,
  bytes: Uint8Array,
  options: CoverOptions = {},
): Promise<CoverSet> {
  const tokenizer = model.tokenizer;
  const n = bytes.length;
  const d = Math.min(n, Math.max(0, tokenizer.stableBoundary(bytes)));
  const fixed = tokenizer.encode(bytes.subarray(0, d));
  const lefts: Uint32Array[] = [];
  for (let i = d; i <= n; i++) lefts.push(concat(fixed, tokenizer.encode(bytes.subarray(d, i))));
  const contexts: Uint32Array[] = [];
  for (const left of lefts)
    for (let j = fixed.length; j <= left.length; j++) contexts.push(left.subarray(0, j));
  if (options.absolute) for (let j = 0; j < fixed.length; j++) contexts.push(fixed.subarray(0, j));
  await model.ensure(contexts);

  const logBase = options.absolute ? chainLogProb(model, fixed, 0) : 0;
  const index = prefixIndexOf(model);
  const straddling: CoverEncoding[] = [];
  lefts.forEach((left, offset) => {
    const i = d + offset;
    if (i === n) return;
    const logLeft = chainLogProb(model, left, fixed.length);
    if (logLeft === -Infinity) return;
    const next = model.next(left);
    for (const id of index.startingWith(bytes.subarray(i, n), n - i + 1)) {
      if (next[id] === -Infinity || !model.isValidNext(left, id)) continue;
      straddling.push({ ids: concat(left, Uint32Array.of(id)), lastStart: i, logProb: logLeft + next[id]! });
    }
  });
  const boundaryIds = lefts[lefts.length - 1]!;
  const boundary: CoverEncoding = {
    ids: boundaryIds,
    lastStart: n - lastTokenLength(model, boundaryIds),
    logProb: chainLogProb(model, boundaryIds, fixed.length),
  };
  return { bytes, straddling, boundary, anchorBytes: d, anchorTokens: fixed.length, logBase };
}

/** Σ log P(ids[j] | ids[0, j)) for j ≥ from, under the model's normalization (rows must be cached). */
export function chainLogProb(model: TokenContextModel, ids: Uint32Array, from: number): number {
  let total = 0;
  for (let j = from; j < ids.length && total > -Infinity; j++)
    total += model.next(ids.subarray(0, j))[ids[j]!]!;
  return total;
}

function lastTokenLength(model: TokenContextModel, ids: Uint32Array): number {
  return ids.length === 0 ? 0 : model.tokenizer.tokenBytes(ids[ids.length - 1]!).length;
}

/** The concatenation of two id arrays. */
export function concat(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
