import { seededRandom } from "../../bpe/random";
import {
  chainLogProb,
  concat,
  enumerateCovers,
  prefixIndexOf,
  type CoverEncoding,
  type CoverOptions,
  type CoverSet,
} from "./covers";
import { idsEqual, tokenIndexAt } from "./lemma-tokenizer";
import { BYTE_EOS, distributionFromCovers } from "./next-byte";
import type { TokenContextModel } from "./token-lm";

/** Where exact byte-by-byte sampling stands: the covers of the text so far and its next-byte distribution. */
export interface ExactSamplerState {
  covers: CoverSet;
  /** log P(next byte | text), bytes 0–255 and end-of-text at 256. */
  logProbs: Float64Array;
  /** log Σ P(cover), relative to `covers.logBase`. */
  logPrefix: number;
  /** True once end-of-text was chosen. */
  done: boolean;
}

/** Starts exact sampling after a prompt: covers from scratch and one batched LM call. */
export async function startExactSampler(
  model: TokenContextModel,
  prompt: Uint8Array,
  options: CoverOptions = {},
): Promise<ExactSamplerState> {
  const covers = await enumerateCovers(model, prompt, options);
  return { covers, ...distributionFromCovers(model, covers), done: false };
}

/**
 * Appends one byte (or {@link BYTE_EOS}) and updates the covers incrementally (ALGORITHMS §1.4): straddling
 * covers whose next byte matches survive; the boundary cover T* grows by every valid token starting with the
 * byte; the cover that now ends exactly at the text's end must be encode(text) and becomes the new T*.
 * Costs one LM context (the new T*).
 * @throws RangeError when the byte has probability 0; Error when the tokenizer is inconsistent (a canonical
 *   cover ending at the text's end other than encode(text)).
 */
export async function advanceExactSampler(
  model: TokenContextModel,
  state: ExactSamplerState,
  byte: number,
): Promise<ExactSamplerState> {
  if (state.done) throw new Error("Sampling already ended.");
  if (!(state.logProbs[byte]! > -Infinity)) throw new RangeError(`Byte ${byte} has probability 0 here.`);
  if (byte === BYTE_EOS) return { ...state, done: true };
  const tokenizer = model.tokenizer;
  const old = state.covers;
  const n = old.bytes.length;
  const bytes = new Uint8Array(n + 1);
  bytes.set(old.bytes, 0);
  bytes[n] = byte;

  const straddling: CoverEncoding[] = [];
  const ending: CoverEncoding[] = [];
  const place = (cover: CoverEncoding, length: number): void => {
    (cover.lastStart + length === n + 1 ? ending : straddling).push(cover);
  };
  for (const cover of old.straddling) {
    const last = tokenizer.tokenBytes(cover.ids[cover.ids.length - 1]!);
    if (last[n - cover.lastStart] === byte) place(cover, last.length);
  }
  const star = old.boundary;
  await model.ensure([star.ids]);
  if (star.logProb > -Infinity) {
    const next = model.next(star.ids);
    for (const id of prefixIndexOf(model).startingWith(Uint8Array.of(byte))) {
      if (next[id] === -Infinity || !model.isValidNext(star.ids, id)) continue;
      const cover = {
        ids: concat(star.ids, Uint32Array.of(id)),
        lastStart: n,
        logProb: star.logProb + next[id]!,
      };
      place(cover, tokenizer.tokenBytes(id).length);
    }
  }

  const anchor = star.ids.subarray(0, old.anchorTokens);
  const expected = concat(anchor, tokenizer.encode(bytes.subarray(old.anchorBytes)));
  const strangers = ending.filter((cover) => !idsEqual(cover.ids, expected));
  if (strangers.length > 0)
    throw new Error(`Cover [${strangers[0]!.ids.join(",")}] ends at the text's end but is not encode(text).`);
  let boundary = ending[0];
  if (!boundary) {
    // encode(text) is not reachable from the old covers, so its probability must be 0; check it.
    await model.ensure(Array.from({ length: expected.length + 1 }, (_, j) => expected.subarray(0, j)));
    const logProb = chainLogProb(model, expected, old.anchorTokens);
    if (logProb > -Infinity)
      throw new Error("encode(text) has probability > 0 but is not a cover extension.");
    boundary = { ids: expected, lastStart: n + 1 - lastLength(model, expected), logProb };
  }
  await model.ensure([boundary.ids]);
  const covers = reanchor(model, { ...old, bytes, straddling, boundary });
  return { covers, ...distributionFromCovers(model, covers), done: false };
}

/** Moves the anchor to the text's stable boundary when every cover shares the tokens before it. */
function reanchor(model: TokenContextModel, covers: CoverSet): CoverSet {
  const d = model.tokenizer.stableBoundary(covers.bytes);
  if (d <= covers.anchorBytes) return covers;
  const ids = covers.boundary.ids;
  const k = tokenIndexAt(model.tokenizer, ids, d, covers.anchorTokens, covers.anchorBytes);
  if (k < 0) return covers;
  const shared = ids.subarray(0, k);
  const agree = covers.straddling.every((c) => c.lastStart >= d && idsEqual(c.ids.subarray(0, k), shared));
  return agree ? { ...covers, anchorBytes: d, anchorTokens: k } : covers;
}

function lastLength(model: TokenContextModel, ids: Uint32Array): number {
  return ids.length === 0 ? 0 : model.tokenizer.tokenBytes(ids[ids.length - 1]!).length;
}

/** Draws an index from log-probabilities with a uniform variate source (inverse CDF). */
export function drawFromLogProbs(logProbs: ArrayLike<number>, random: () => number): number {
  let u = random();
  let last = -1;
  for (let i = 0; i < logProbs.length; i++) {
    const p = Math.exp(logProbs[i]!);
    if (p <= 0) continue;
    last = i;
    if (u < p) return i;
    u -= p;
  }
  if (last < 0) throw new RangeError("The distribution has no mass.");
  return last;
}

/** Options of {@link sampleExactBytes}. */
export interface SampleOptions {
  /** Stop after this many bytes (end-of-text may stop it sooner). */
  maxBytes: number;
  /** Seed of the pseudo-random generator (mulberry32). */
  seed: number;
  /** Called with the state after every sampled byte (for views that show the covers changing). */
  onStep?: (state: ExactSamplerState, byte: number) => void;
}

/** Samples bytes after a prompt with the exact method, one LM context per byte after the first query. */
export async function sampleExactBytes(
  model: TokenContextModel,
  prompt: Uint8Array,
  options: SampleOptions,
): Promise<{ bytes: Uint8Array; ended: boolean; state: ExactSamplerState }> {
  const random = seededRandom(options.seed);
  let state = await startExactSampler(model, prompt);
  for (let i = 0; i < options.maxBytes && !state.done; i++) {
    const byte = drawFromLogProbs(state.logProbs, random);
    state = await advanceExactSampler(model, state, byte);
    options.onStep?.(state, byte);
  }
  return { bytes: state.covers.bytes, ended: state.done, state };
}
