import { utf8Encode } from "../../text/utf8";
import { mergeResults, type BpeModel } from "../model";

import { pairKey } from "../pair-key";

export { pairKey };

/**
 * One category's pair statistics along a merge list (ALGORITHMS §5.1): the count of every adjacent pair
 * before the first merge, and how each merge changed the counts. Counts are raw (occurrences in the
 * sample, a chunk seen k times adding k per adjacent occurrence, overlapping ones included, as the
 * trainer counts them); normalizing by {@link pairs} is the caller's business.
 */
export interface CategoryPairCounts {
  /** Merges replayed (steps 0 .. merges − 1). */
  merges: number;
  /** UTF-8 bytes of the sample. */
  bytes: number;
  /** Adjacent pairs inside chunks before any merge: the "pairs" denominator. */
  pairs: number;
  /** Pair keys and their counts before step 0. */
  initialKeys: Float64Array;
  initialCounts: Float64Array;
  /** `mergeKeys[t]`: the pair key of merge t (the same for every category of one merge list). */
  mergeKeys: Float64Array;
  /**
   * `chosen[t]`: the count of merge t's own pair just before it was applied; NaN for a merge that is not a
   * training step (its result is not in the vocabulary, or an earlier merge already produced that token).
   */
  chosen: Float64Array;
  /** The count changes made by applying merge t lie at `deltaStarts[t] .. deltaStarts[t + 1]` (length merges + 1). */
  deltaStarts: Int32Array;
  deltaKeys: Float64Array;
  deltaValues: Float64Array;
}

/**
 * Replays a merge list on one category's counted chunks, step by step, the way BPE training applied it:
 * merge t replaces every occurrence of its pair, left to right without overlap, in every chunk, and the
 * replay records the resulting pair-count changes. Sliceable with {@link step} so a worker can yield.
 */
export class MergeReplay {
  private readonly results: Int32Array;
  /** Merges whose token an earlier merge already produced (Llama 3 lists several splits per token). */
  private readonly repeats: Uint8Array;
  private readonly symbols: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly counts: Float64Array;
  private readonly stamps: Int32Array;
  private readonly pairCounts = new Map<number, number>();
  private readonly pairWords = new Map<number, number[]>();
  private readonly chosen: Float64Array;
  private readonly deltaStarts: Int32Array;
  private readonly deltaKeys: number[] = [];
  private readonly deltaValues: number[] = [];
  private readonly initialKeys: Float64Array;
  private readonly initialCounts: Float64Array;
  private readonly bytes: number;
  private readonly pairs: number;
  private t = 0;

  /**
   * @param model the vocabulary and merge list (every single byte must be a token)
   * @param chunks the category sample pre-tokenized with the model's regex (`countChunks`)
   * @param maxMerges replay only the first this many merges (default all)
   */
  constructor(
    private readonly model: Pick<BpeModel, "tokens" | "merges">,
    chunks: ReadonlyMap<string, number>,
    maxMerges = model.merges.length,
  ) {
    this.results = mergeResults(model).subarray(0, Math.min(maxMerges, model.merges.length));
    this.repeats = new Uint8Array(this.results.length);
    const produced = new Set<number>();
    this.results.forEach((id, t) => {
      if (produced.has(id)) this.repeats[t] = 1;
      produced.add(id);
    });
    const byteIds = new Int32Array(256).fill(-1);
    model.tokens.forEach((token, id) => {
      if (token.length === 1 && byteIds[token[0]!] === -1) byteIds[token[0]!] = id;
    });
    const encoded: Uint8Array[] = [];
    const weights: number[] = [];
    let total = 0;
    let bytes = 0;
    for (const [chunk, count] of chunks) {
      const utf8 = utf8Encode(chunk);
      bytes += utf8.length * count;
      if (utf8.length < 2 || count <= 0) continue;
      encoded.push(utf8);
      weights.push(count);
      total += utf8.length;
    }
    this.bytes = bytes;
    this.symbols = new Int32Array(total);
    this.starts = new Int32Array(encoded.length);
    this.lengths = new Int32Array(encoded.length);
    this.counts = Float64Array.from(weights);
    this.stamps = new Int32Array(encoded.length).fill(-1);
    let offset = 0;
    let pairs = 0;
    encoded.forEach((utf8, w) => {
      this.starts[w] = offset;
      this.lengths[w] = utf8.length;
      for (const byte of utf8) {
        const id = byteIds[byte]!;
        if (id < 0) throw new Error(`Byte 0x${byte.toString(16)} is not in the vocabulary.`);
        this.symbols[offset++] = id;
      }
      for (let j = this.starts[w]!; j < offset - 1; j++)
        this.addPair(w, this.symbols[j]!, this.symbols[j + 1]!);
      pairs += (utf8.length - 1) * weights[w]!;
    });
    this.pairs = pairs;
    this.initialKeys = Float64Array.from(this.pairCounts.keys());
    this.initialCounts = Float64Array.from(this.pairCounts.values());
    this.chosen = new Float64Array(this.results.length).fill(Number.NaN);
    this.deltaStarts = new Int32Array(this.results.length + 1);
  }

  /** True once every merge has been replayed. */
  get done(): boolean {
    return this.t >= this.results.length;
  }

  /** Merges replayed so far and in all. */
  progress(): { done: number; total: number } {
    return { done: this.t, total: this.results.length };
  }

  /** Replays up to `maxMerges` more merges; returns how many it replayed. */
  step(maxMerges: number): number {
    let replayed = 0;
    while (replayed < maxMerges && !this.done) {
      this.replay(this.t);
      this.t++;
      this.deltaStarts[this.t] = this.deltaKeys.length;
      replayed++;
    }
    return replayed;
  }

  /** The statistics (call once {@link done}). */
  result(): CategoryPairCounts {
    if (!this.done) throw new Error("The replay has not finished.");
    return {
      merges: this.results.length,
      bytes: this.bytes,
      pairs: this.pairs,
      initialKeys: this.initialKeys,
      initialCounts: this.initialCounts,
      mergeKeys: Float64Array.from(this.results, (_, t) => pairKey(...this.model.merges[t]!)),
      chosen: this.chosen,
      deltaStarts: this.deltaStarts,
      deltaKeys: Float64Array.from(this.deltaKeys),
      deltaValues: Float64Array.from(this.deltaValues),
    };
  }

  private replay(t: number): void {
    const id = this.results[t]!;
    if (id < 0) return; // the merge's result is not in the vocabulary: it is never applied
    const [left, right] = this.model.merges[t]!;
    const key = pairKey(left, right);
    // A repeat is applied (inference applies it) but was not a training step of its own: no constraint.
    if (!this.repeats[t]) this.chosen[t] = this.pairCounts.get(key) ?? 0;
    const words = this.pairWords.get(key) ?? [];
    this.pairWords.delete(key);
    const delta = new Map<number, number>();
    for (const w of words) {
      if (this.stamps[w] === t) continue;
      this.stamps[w] = t;
      this.mergeInWord(w, left, right, id, delta);
    }
    for (const [k, d] of delta) {
      if (d === 0) continue;
      const next = (this.pairCounts.get(k) ?? 0) + d;
      if (next > 0) this.pairCounts.set(k, next);
      else this.pairCounts.delete(k);
      this.deltaKeys.push(k);
      this.deltaValues.push(d);
    }
  }

  /** Merges (left, right) throughout chunk `w`; the chunk's pairs before and after go into `delta`. */
  private mergeInWord(w: number, left: number, right: number, id: number, delta: Map<number, number>): void {
    const s = this.starts[w]!;
    const n = this.lengths[w]!;
    const sym = this.symbols;
    let found = false;
    for (let i = s; i < s + n - 1 && !found; i++) found = sym[i] === left && sym[i + 1] === right;
    if (!found) return; // a stale entry: an earlier merge already took this chunk's occurrences
    const count = this.counts[w]!;
    for (let i = s; i < s + n - 1; i++) bump(delta, pairKey(sym[i]!, sym[i + 1]!), -count);
    let write = s;
    for (let i = s; i < s + n; i++) {
      if (i < s + n - 1 && sym[i] === left && sym[i + 1] === right) {
        sym[write++] = id;
        i++;
      } else sym[write++] = sym[i]!;
    }
    this.lengths[w] = write - s;
    for (let i = s; i < write - 1; i++) {
      bump(delta, pairKey(sym[i]!, sym[i + 1]!), count);
      if (sym[i] === id || sym[i + 1] === id) this.registerPair(w, sym[i]!, sym[i + 1]!);
    }
  }

  private addPair(w: number, a: number, b: number): void {
    const key = pairKey(a, b);
    this.pairCounts.set(key, (this.pairCounts.get(key) ?? 0) + this.counts[w]!);
    this.registerPair(w, a, b);
  }

  private registerPair(w: number, a: number, b: number): void {
    const key = pairKey(a, b);
    let list = this.pairWords.get(key);
    if (!list) this.pairWords.set(key, (list = []));
    if (list[list.length - 1] !== w) list.push(w);
  }
}

function bump(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Replays the first `maxMerges` merges on one category's chunks at once (see {@link MergeReplay}). */
export function replayMerges(
  model: Pick<BpeModel, "tokens" | "merges">,
  chunks: ReadonlyMap<string, number>,
  maxMerges?: number,
): CategoryPairCounts {
  const replay = new MergeReplay(model, chunks, maxMerges);
  replay.step(Number.POSITIVE_INFINITY);
  return replay.result();
}
