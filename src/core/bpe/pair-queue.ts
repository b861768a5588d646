import { PairHeap } from "./pair-heap";

/**
 * Live counts of adjacent token pairs and the order in which BPE training takes them: the most frequent
 * pair first, ties to the smallest (left id, right id) key, each pair at most once. Both trainers (over
 * counted chunks, {@link BpeTrainer}, and over whole files, {@link BinaryBpeTrainer}) choose their merges
 * here, so they agree on the same sequences.
 *
 * The heap is lazy: a count that falls leaves a stale entry (re-queued at its live count when popped), a count
 * that rises is pushed again by {@link requeueIncreased} after each merge.
 */
export class PairQueue {
  private readonly counts = new Map<number, number>();
  private readonly heap = new PairHeap();
  private readonly retired = new Set<number>();
  private readonly increased = new Set<number>();

  /** Pairs that may never be taken (inherited merges). */
  constructor(retired: Iterable<number> = []) {
    for (const key of retired) this.retired.add(key);
  }

  /** Adds `by` occurrences of a pair. */
  add(key: number, by: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
    this.increased.add(key);
  }

  /** Removes `by` occurrences of a pair. */
  remove(key: number, by: number): void {
    const next = (this.counts.get(key) ?? 0) - by;
    if (next > 0) this.counts.set(key, next);
    else this.counts.delete(key);
  }

  /** Forgets a pair's count (every occurrence was just merged). */
  clear(key: number): void {
    this.counts.delete(key);
  }

  /** Builds the heap from the counts added so far (call once, after the initial counting). */
  start(): void {
    this.increased.clear();
    const counts: number[] = [];
    const keys: number[] = [];
    for (const [key, count] of this.counts) {
      counts.push(count);
      keys.push(key);
    }
    this.heap.build(counts, keys);
  }

  /** Queues again, at their new counts, the pairs that gained occurrences since the last call. */
  requeueIncreased(): void {
    for (const key of this.increased) {
      const count = this.counts.get(key);
      if (count !== undefined && count > 0) this.heap.push(count, key);
    }
    this.increased.clear();
  }

  /**
   * Takes the best pair not taken before whose live count is at least `minFrequency` and retires it; null when
   * there is none (the best live pair is below `minFrequency`, or none is left).
   */
  takeBest(minFrequency: number): number | null {
    const heap = this.heap;
    while (heap.size > 0) {
      const recorded = heap.peekCount()!;
      const key = heap.peekKey()!;
      heap.pop();
      const live = this.counts.get(key) ?? 0;
      if (live !== recorded) {
        // Stale: counts only fall between pushes (a rise pushes a fresh entry), so re-queue at the live count.
        if (live > 0 && live < recorded) heap.push(live, key);
        continue;
      }
      if (live < minFrequency) return null;
      if (this.retired.has(key)) continue;
      this.retired.add(key);
      return key;
    }
    return null;
  }
}
