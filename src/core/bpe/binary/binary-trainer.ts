import { MergeVocabulary } from "../merge-vocabulary";
import { PAIR_BASE, pairKey, pairLeft, pairRight } from "../pair-key";
import { PairQueue } from "../pair-queue";
import type { BpeStart, BpeTrainingProgress } from "../trainer";

/** Options of {@link BinaryBpeTrainer}. */
export interface BinaryBpeTrainerOptions {
  /** Stop once the vocabulary has this many tokens. */
  vocabSize: number;
  /** Stop when the best pair occurs fewer times than this (default 2). */
  minFrequency?: number;
}

/**
 * Byte-level BPE over raw byte sequences (whole files) with **no pre-tokenization**: a merge may join any
 * two adjacent tokens of a file, never two files. The merge rule is {@link BpeTrainer}'s (both choose through
 * {@link PairQueue}), so that both give the same merges on the same sequences: the most frequent adjacent pair
 * (overlapping occurrences each count), ties to the smallest (left id, right id); occurrences merged left to
 * right; a merge whose bytes already exist reuses that id; a pair is merged once.
 *
 * BpeTrainer rescans every chunk a merge touches, which is quadratic when a chunk is a whole file. Here the
 * files are one doubly linked list of symbols with the positions of every pair indexed, so a merge costs the
 * occurrences it rewrites: O(n log n) over a training run.
 */
export class BinaryBpeTrainer {
  private readonly minFrequency: number;
  private readonly vocabulary = new MergeVocabulary();
  private readonly symbols: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly pairs = new PairQueue();
  /** Left positions of each pair's occurrences; entries go stale as merges rewrite them (checked on use). */
  private readonly pairPositions = new Map<number, number[]>();
  private finished = false;

  constructor(
    sequences: readonly Uint8Array[],
    private readonly options: BinaryBpeTrainerOptions,
  ) {
    this.minFrequency = options.minFrequency ?? 2;
    if (options.vocabSize >= PAIR_BASE) throw new Error(`vocabSize must be below ${PAIR_BASE}.`);
    let total = 0;
    for (const sequence of sequences) total += sequence.length;
    this.symbols = new Int32Array(total);
    this.next = new Int32Array(total);
    this.prev = new Int32Array(total);
    let offset = 0;
    for (const sequence of sequences) {
      for (let i = 0; i < sequence.length; i++) {
        const at = offset + i;
        this.symbols[at] = sequence[i]!;
        this.prev[at] = i === 0 ? -1 : at - 1;
        this.next[at] = i === sequence.length - 1 ? -1 : at + 1;
        if (i > 0) this.addPair(sequence[i - 1]!, sequence[i]!, at - 1);
      }
      offset += sequence.length;
    }
    this.pairs.start();
  }

  /** Current vocabulary size. */
  get vocabSize(): number {
    return this.vocabulary.size;
  }

  /** True once the target size is reached or no pair is frequent enough. */
  get done(): boolean {
    return this.finished || this.vocabulary.size >= this.options.vocabSize;
  }

  /** Where training stands. */
  progress(): BpeTrainingProgress {
    return {
      merges: this.vocabulary.mergeCount,
      vocabSize: this.vocabulary.size,
      targetVocabSize: this.options.vocabSize,
    };
  }

  /** The vocabulary and merge list so far (copies). */
  result(): BpeStart {
    return this.vocabulary.result();
  }

  /** Learns up to `maxMerges` merges; returns how many it learned (fewer once {@link done}). */
  step(maxMerges: number): number {
    let learned = 0;
    while (learned < maxMerges && !this.done) {
      if (!this.mergeBest()) {
        this.finished = true;
        break;
      }
      learned++;
    }
    return learned;
  }

  /** Takes the best pair and merges it; false when none is left at the minimum frequency. */
  private mergeBest(): boolean {
    const key = this.pairs.takeBest(this.minFrequency);
    if (key === null) return false;
    const left = pairLeft(key);
    const right = pairRight(key);
    const id = this.vocabulary.addMerge(left, right, this.vocabulary.joined(left, right));
    this.apply(key, left, right, id);
    return true;
  }

  /** Rewrites every live occurrence of (left, right), left to right, keeping the pair counts exact. */
  private apply(key: number, left: number, right: number, id: number): void {
    const positions = Int32Array.from(this.pairPositions.get(key) ?? []).sort();
    this.pairPositions.delete(key);
    const sym = this.symbols;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      const q = this.next[p]!;
      // Stale (already rewritten, or the right half was absorbed by the occurrence just before).
      if (sym[p] !== left || q < 0 || sym[q] !== right) continue;
      const before = this.prev[p]!;
      const after = this.next[q]!;
      if (before >= 0) this.removePair(sym[before]!, left);
      this.removePair(left, right);
      if (after >= 0) this.removePair(right, sym[after]!);
      sym[p] = id;
      sym[q] = -1;
      this.next[p] = after;
      if (after >= 0) this.prev[after] = p;
      if (before >= 0) this.addPair(sym[before]!, id, before);
      if (after >= 0) this.addPair(id, sym[after]!, p);
    }
    this.pairs.clear(key);
    this.pairs.requeueIncreased();
  }

  private removePair(a: number, b: number): void {
    this.pairs.remove(pairKey(a, b), 1);
  }

  private addPair(a: number, b: number, position: number): void {
    const key = pairKey(a, b);
    this.pairs.add(key, 1);
    let list = this.pairPositions.get(key);
    if (!list) this.pairPositions.set(key, (list = []));
    list.push(position);
  }
}
