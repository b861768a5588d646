import { NumberHeap } from "../collections/number-heap";
import { bytesKey, mergeResults, tokenIndex, type BpeModel } from "./model";

import { pairKey } from "./pair-key";
/** A heap entry packs (rank, position) into one number: rank * POSITION_BASE + position. */
const POSITION_BASE = 2 ** 30;

/**
 * Splits one chunk's bytes into token ids. Implementations: rank-ordered merges ({@link MergeEncoder}) and the
 * merge-list-free segmenters in `merge-free.ts`.
 */
export interface ChunkEncoder {
  /** Appends the ids of `bytes` (one pre-tokenized chunk) to `out`. */
  encodeChunk(bytes: Uint8Array, out: number[]): void;
}

/**
 * Hugging Face BPE over a merge list: repeatedly merge the adjacent pair with the lowest merge rank
 * (leftmost first on ties) until no adjacent pair is in the list. A merge whose result is missing from
 * the vocabulary is never applied. Uses a linked list over byte positions and a min-heap, so long
 * (SuperBPE) chunks cost O(n log n).
 */
export class MergeEncoder implements ChunkEncoder {
  private readonly pairRank = new Map<number, number>();
  private readonly results: Int32Array;
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly whole: Map<string, number> | null;

  /**
   * @param model vocabulary and merges (rank = index in `merges`)
   * @param order optional rank order: `order[rank]` is the index in `model.merges` applied at that rank
   *   (a permuted or thinned merge list); default: the list as it is.
   */
  constructor(model: Pick<BpeModel, "tokens" | "merges" | "ignoreMerges">, order?: ArrayLike<number>) {
    const results = mergeResults(model);
    const ranks = order ?? Array.from({ length: model.merges.length }, (_, i) => i);
    this.results = new Int32Array(ranks.length);
    for (let rank = 0; rank < ranks.length; rank++) {
      const index = ranks[rank]!;
      const [left, right] = model.merges[index]!;
      this.results[rank] = results[index]!;
      const key = pairKey(left, right);
      if (results[index]! >= 0 && !this.pairRank.has(key)) this.pairRank.set(key, rank);
    }
    model.tokens.forEach((bytes, id) => {
      if (bytes.length === 1 && this.byteIds[bytes[0]!] === -1) this.byteIds[bytes[0]!] = id;
    });
    this.whole = model.ignoreMerges ? tokenIndex(model.tokens) : null;
  }

  encodeChunk(bytes: Uint8Array, out: number[]): void {
    const whole = this.whole?.get(bytesKey(bytes));
    if (whole !== undefined) out.push(whole);
    else this.merge(bytes, out);
  }

  private rank(left: number, right: number): number {
    return this.pairRank.get(pairKey(left, right)) ?? -1;
  }

  private merge(bytes: Uint8Array, out: number[]): void {
    const n = bytes.length;
    const sym = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const id = this.byteIds[bytes[i]!]!;
      if (id < 0) throw new Error(`Byte 0x${bytes[i]!.toString(16)} is not in the vocabulary.`);
      sym[i] = id;
    }
    if (n < 2) {
      if (n === 1) out.push(sym[0]!);
      return;
    }
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    const heap = new NumberHeap();
    const push = (position: number): void => {
      const after = next[position]!;
      if (after >= n) return;
      const rank = this.rank(sym[position]!, sym[after]!);
      if (rank >= 0) heap.push(rank * POSITION_BASE + position);
    };
    for (let i = 0; i < n - 1; i++) push(i);
    while (heap.size > 0) {
      const top = heap.pop();
      const rank = Math.floor(top / POSITION_BASE);
      const position = top - rank * POSITION_BASE;
      const after = next[position]!;
      // Stale when the position was absorbed (sym < 0) or its pair changed since the entry was pushed.
      if (sym[position]! < 0 || after >= n || this.rank(sym[position]!, sym[after]!) !== rank) continue;
      sym[position] = this.results[rank]!;
      sym[after] = -1;
      next[position] = next[after]!;
      if (next[after]! < n) prev[next[after]!] = position;
      push(position);
      if (prev[position]! >= 0) push(prev[position]!);
    }
    for (let i = 0; i < n; i = next[i]!) out.push(sym[i]!);
  }
}
