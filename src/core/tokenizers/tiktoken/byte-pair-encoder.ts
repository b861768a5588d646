import { utf8Encode } from "../../text/utf8";

/** rank → token bytes, as a string where the bytes are valid UTF-8 (gpt-tokenizer's and our `.tiktoken` format). */
export type RankTable = readonly (string | readonly number[])[];

/** Pieces longer than this merge with a heap (O(n log n)) instead of rescanning (O(n²)). */
const HEAP_THRESHOLD = 96;
const CACHE_LIMIT = 50_000;

/** Byte sequences up to this long are keyed by a number (cheaper than building a string per lookup). */
const SHORT = 6;

/** An exact numeric key for a short byte sequence: the bytes in base 256 plus a length marker (< 2^53). */
function shortKey(bytes: Uint8Array, start: number, end: number): number {
  let key = 1;
  for (let i = end - 1; i >= start; i--) key = key * 256 + bytes[i]!;
  return key;
}

function binaryKey(bytes: Uint8Array, start: number, end: number): string {
  let key = "";
  for (let i = start; i < end; i++) key += String.fromCharCode(bytes[i]!);
  return key;
}

/**
 * tiktoken's byte-pair merge over a rank table: repeatedly merge the adjacent pair whose concatenation has
 * the lowest rank (leftmost on ties) until no pair is in the vocabulary.
 *
 * Ranks are looked up by raw bytes (one char per byte), never by decoding to text: decoding drops a
 * leading U+FEFF, which is exactly how gpt-tokenizer 4.0.0 loses the BOM token (o200k id 5574).
 */
export class BytePairEncoder {
  private readonly byShortBytes = new Map<number, number>();
  private readonly byLongBytes = new Map<string, number>();
  private readonly byText = new Map<string, number>();
  private cache = new Map<string, number[]>();

  constructor(ranks: RankTable) {
    ranks.forEach((value, rank) => {
      const bytes = typeof value === "string" ? utf8Encode(value) : Uint8Array.from(value);
      if (bytes.length <= SHORT) this.byShortBytes.set(shortKey(bytes, 0, bytes.length), rank);
      else this.byLongBytes.set(binaryKey(bytes, 0, bytes.length), rank);
      if (typeof value === "string") this.byText.set(value, rank);
    });
  }

  /** Forgets cached piece encodings (benchmarks measure a cold cache this way). */
  clearCache(): void {
    this.cache = new Map();
  }

  /** Appends the ids of one pre-tokenized piece (a regex match) to `out`. */
  encodePiece(piece: string, out: number[]): void {
    const whole = this.byText.get(piece);
    if (whole !== undefined) {
      out.push(whole);
      return;
    }
    let ids = this.cache.get(piece);
    if (!ids) {
      const bytes = utf8Encode(piece);
      ids = bytes.length > HEAP_THRESHOLD ? this.mergeWithHeap(bytes) : this.mergeByScan(bytes);
      if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
      this.cache.set(piece, ids);
    }
    for (const id of ids) out.push(id);
  }

  private rankOf(bytes: Uint8Array, start: number, end: number): number {
    const rank =
      end - start <= SHORT
        ? this.byShortBytes.get(shortKey(bytes, start, end))
        : this.byLongBytes.get(binaryKey(bytes, start, end));
    return rank ?? Infinity;
  }

  private idsOf(bytes: Uint8Array, starts: readonly number[]): number[] {
    const ids: number[] = [];
    for (let i = 0; i < starts.length - 1; i++) {
      const rank = this.rankOf(bytes, starts[i]!, starts[i + 1]!);
      if (rank === Infinity)
        throw new Error("byte sequence missing from the vocabulary (a rank table without all 256 bytes?)");
      ids.push(rank);
    }
    return ids;
  }

  private mergeByScan(bytes: Uint8Array): number[] {
    const starts: number[] = [];
    for (let i = 0; i <= bytes.length; i++) starts.push(i);
    const ranks: number[] = [];
    for (let i = 0; i < starts.length - 2; i++) ranks.push(this.rankOf(bytes, starts[i]!, starts[i + 2]!));
    for (;;) {
      let best = Infinity;
      let at = -1;
      for (let i = 0; i < ranks.length; i++) {
        if (ranks[i]! < best) {
          best = ranks[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      starts.splice(at + 1, 1);
      ranks.splice(at, 1);
      if (at < ranks.length)
        ranks[at] = at + 2 < starts.length ? this.rankOf(bytes, starts[at]!, starts[at + 2]!) : Infinity;
      if (at > 0) ranks[at - 1] = this.rankOf(bytes, starts[at - 1]!, starts[at + 1]!);
    }
    return this.idsOf(bytes, starts);
  }

  /** Same result as {@link mergeByScan}, with a binary heap of (rank, position) and a linked list of parts. */
  private mergeWithHeap(bytes: Uint8Array): number[] {
    const n = bytes.length;
    const next = new Int32Array(n + 1);
    const prev = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    const alive = new Uint8Array(n + 1).fill(1);
    const heap = new MinHeap();
    const pairRank = (left: number): number => {
      const mid = next[left]!;
      if (mid >= n) return Infinity;
      return this.rankOf(bytes, left, next[mid]!);
    };
    const current = new Float64Array(n + 1).fill(Infinity);
    for (let i = 0; i < n - 1; i++) {
      current[i] = pairRank(i);
      if (current[i]! < Infinity) heap.push(current[i]!, i);
    }
    while (heap.size > 0) {
      const [rank, left] = heap.pop();
      if (!alive[left] || current[left] !== rank) continue;
      const mid = next[left]!;
      alive[mid] = 0;
      next[left] = next[mid]!;
      prev[next[mid]!] = left;
      current[left] = pairRank(left);
      if (current[left]! < Infinity) heap.push(current[left]!, left);
      const before = prev[left]!;
      if (before >= 0) {
        current[before] = pairRank(before);
        if (current[before]! < Infinity) heap.push(current[before]!, before);
      }
    }
    const starts: number[] = [];
    for (let i = 0; i <= n; i = next[i]!) {
      starts.push(i);
      if (i === n) break;
    }
    return this.idsOf(bytes, starts);
  }
}

/** A binary min-heap of (rank, position) pairs ordered by rank, then position. */
class MinHeap {
  private readonly ranks: number[] = [];
  private readonly positions: number[] = [];

  get size(): number {
    return this.ranks.length;
  }

  private less(a: number, b: number): boolean {
    const ra = this.ranks[a]!;
    const rb = this.ranks[b]!;
    return ra < rb || (ra === rb && this.positions[a]! < this.positions[b]!);
  }

  private swap(a: number, b: number): void {
    [this.ranks[a], this.ranks[b]] = [this.ranks[b]!, this.ranks[a]!];
    [this.positions[a], this.positions[b]] = [this.positions[b]!, this.positions[a]!];
  }

  push(rank: number, position: number): void {
    this.ranks.push(rank);
    this.positions.push(position);
    let i = this.ranks.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.ranks[0]!, this.positions[0]!];
    const lastRank = this.ranks.pop()!;
    const lastPosition = this.positions.pop()!;
    if (this.ranks.length > 0) {
      this.ranks[0] = lastRank;
      this.positions[0] = lastPosition;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.ranks.length && this.less(l, m)) m = l;
        if (r < this.ranks.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
