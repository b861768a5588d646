import { MergeVocabulary } from "./merge-vocabulary";
import { PAIR_BASE, pairKey, pairLeft, pairRight } from "./pair-key";
import { PairQueue } from "./pair-queue";

/** One distinct chunk of the corpus as a symbol (token id) sequence, with how often it occurs. */
export interface TrainingWord {
  symbols: ArrayLike<number>;
  count: number;
}

/** How far training has got. */
export interface BpeTrainingProgress {
  /** Merges learned so far (in this trainer, inherited ones included). */
  merges: number;
  /** Current vocabulary size. */
  vocabSize: number;
  /** The vocabulary size training stops at. */
  targetVocabSize: number;
}

/** Options of {@link BpeTrainer}. */
export interface BpeTrainerOptions {
  /** Stop once the vocabulary has this many tokens. */
  vocabSize: number;
  /** Stop when the best pair occurs fewer times than this (default 2: a pair seen once is not a pattern). */
  minFrequency?: number;
  /** Report progress and check {@link shouldStop} every this many merges (default 64). */
  progressEvery?: number;
  /** Called every {@link progressEvery} merges and once at the end of {@link BpeTrainer.run}. */
  onProgress?: (progress: BpeTrainingProgress) => void;
  /** Polled every {@link progressEvery} merges; returning true stops {@link BpeTrainer.run} early. */
  shouldStop?: () => boolean;
  /** Rejects a candidate merge by the bytes it would create (SuperBPE's colon and 4-word rules). */
  acceptToken?: (bytes: Uint8Array) => boolean;
}

/** The vocabulary a trainer starts from: tokens and the merges that built them. */
export interface BpeStart {
  tokens: Uint8Array[];
  merges: [number, number][];
}

/**
 * Byte-level BPE training over counted chunks, one merge at a time.
 *
 * Each step merges the adjacent pair with the highest count, where a chunk occurring k times adds k per
 * adjacent occurrence (overlapping occurrences, as in `aaa`, each count). **Ties go to the smallest
 * (left id, right id) pair**; with ids 0–255 being the bytes, early ties are broken by byte order.
 * Merges apply left to right without overlap. A merge whose bytes already exist (reached by another
 * pair) reuses that token's id, as Hugging Face's trainer does, so the merge list may be a little longer
 * than `vocabSize - 256`. A pair is never merged twice.
 *
 * Pair counts are kept incrementally: a pair → chunks index says which chunks a merge touches, only the
 * pairs around each merged occurrence change, and a lazy max-heap finds the next pair. `step` makes the
 * trainer usable from a worker in slices.
 */
export class BpeTrainer {
  private readonly options: Required<Omit<BpeTrainerOptions, "onProgress" | "shouldStop" | "acceptToken">> &
    BpeTrainerOptions;
  private readonly vocabulary: MergeVocabulary;
  private readonly symbols: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly counts: Float64Array;
  private readonly stamps: Int32Array;
  private readonly pairWords = new Map<number, number[]>();
  private readonly pairs: PairQueue;
  private scratch = new Int32Array(64);
  private finished = false;

  constructor(words: Iterable<TrainingWord>, options: BpeTrainerOptions, start?: BpeStart) {
    this.options = { minFrequency: 2, progressEvery: 64, ...options };
    if (this.options.vocabSize >= PAIR_BASE) throw new Error(`vocabSize must be below ${PAIR_BASE}.`);
    this.vocabulary = new MergeVocabulary(start);
    this.pairs = new PairQueue(this.vocabulary.mergeList().map(([a, b]) => pairKey(a, b)));
    const kept = [...words].filter((word) => word.symbols.length > 1 && word.count > 0);
    let total = 0;
    for (const word of kept) total += word.symbols.length;
    this.symbols = new Int32Array(total);
    this.starts = new Int32Array(kept.length);
    this.lengths = new Int32Array(kept.length);
    this.counts = new Float64Array(kept.length);
    this.stamps = new Int32Array(kept.length).fill(-1);
    let offset = 0;
    kept.forEach((word, w) => {
      this.starts[w] = offset;
      this.lengths[w] = word.symbols.length;
      this.counts[w] = word.count;
      for (let i = 0; i < word.symbols.length; i++) this.symbols[offset++] = word.symbols[i]!;
    });
    for (let w = 0; w < kept.length; w++) {
      const s = this.starts[w]!;
      for (let j = 0; j < this.lengths[w]! - 1; j++)
        this.addPair(this.symbols[s + j]!, this.symbols[s + j + 1]!, w);
    }
    this.pairs.start();
  }

  /** Current vocabulary size. */
  get vocabSize(): number {
    return this.vocabulary.size;
  }

  /** Merges learned so far (inherited ones included). */
  get mergeCount(): number {
    return this.vocabulary.mergeCount;
  }

  /** True once the target size is reached or no pair is frequent enough. */
  get done(): boolean {
    return this.finished || this.vocabulary.size >= this.options.vocabSize;
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

  /**
   * Trains to the target size, reporting progress and polling `shouldStop` every `progressEvery` merges.
   * @returns true when training finished, false when `shouldStop` stopped it (the result so far stays valid).
   */
  run(): boolean {
    const { progressEvery, onProgress, shouldStop } = this.options;
    while (!this.done) {
      if (shouldStop?.()) return false;
      this.step(progressEvery);
      onProgress?.(this.progress());
    }
    onProgress?.(this.progress());
    return true;
  }

  /** Where training stands. */
  progress(): BpeTrainingProgress {
    return {
      merges: this.vocabulary.mergeCount,
      vocabSize: this.vocabulary.size,
      targetVocabSize: this.options.vocabSize,
    };
  }

  /** Takes the best pair and merges it; false when none is left at the minimum frequency. */
  private mergeBest(): boolean {
    for (;;) {
      const key = this.pairs.takeBest(this.options.minFrequency);
      if (key === null) return false;
      const left = pairLeft(key);
      const right = pairRight(key);
      const bytes = this.vocabulary.joined(left, right);
      if (this.options.acceptToken && !this.options.acceptToken(bytes)) continue;
      this.apply(key, left, right, this.vocabulary.addMerge(left, right, bytes));
      return true;
    }
  }

  private apply(key: number, left: number, right: number, id: number): void {
    const words = this.pairWords.get(key) ?? [];
    this.pairWords.delete(key);
    const stamp = this.vocabulary.mergeCount;
    for (const w of words) {
      if (this.stamps[w] === stamp) continue;
      this.stamps[w] = stamp;
      this.mergeInWord(w, left, right, id);
    }
    this.pairs.clear(key);
    this.pairs.requeueIncreased();
  }

  /** Merges every (left, right) in chunk `w`, left to right, and updates the counts of the pairs around them. */
  private mergeInWord(w: number, left: number, right: number, id: number): void {
    const s = this.starts[w]!;
    const n = this.lengths[w]!;
    const count = this.counts[w]!;
    const sym = this.symbols;
    if (this.scratch.length < n) this.scratch = new Int32Array(n * 2);
    const at = this.scratch; // positions (in the merged chunk) of the new tokens
    let found = 0;
    let lastRemoved = -1;
    let write = s;
    for (let i = 0; i < n; i++) {
      if (i < n - 1 && sym[s + i] === left && sym[s + i + 1] === right) {
        for (let j = Math.max(i - 1, lastRemoved + 1); j <= Math.min(i + 1, n - 2); j++)
          this.removePair(sym[s + j]!, sym[s + j + 1]!, count);
        lastRemoved = Math.min(i + 1, n - 2);
        at[found++] = write - s;
        sym[write++] = id;
        i++;
      } else sym[write++] = sym[s + i]!;
    }
    if (found === 0) return;
    const m = write - s;
    this.lengths[w] = m;
    let lastAdded = -1;
    for (let f = 0; f < found; f++) {
      const k = at[f]!;
      for (let j = Math.max(k - 1, lastAdded + 1); j <= Math.min(k, m - 2); j++)
        this.addPair(sym[s + j]!, sym[s + j + 1]!, w, count);
      lastAdded = Math.min(k, m - 2);
    }
  }

  private removePair(a: number, b: number, count: number): void {
    this.pairs.remove(pairKey(a, b), count);
  }

  private addPair(a: number, b: number, w: number, count = this.counts[w]!): void {
    const key = pairKey(a, b);
    this.pairs.add(key, count);
    let list = this.pairWords.get(key);
    if (!list) this.pairWords.set(key, (list = []));
    if (list[list.length - 1] !== w) list.push(w);
  }
}
