/**
 * A binary max-heap of (count, pair key) entries: highest count first, then smallest key. Used lazily by
 * the trainer: entries may be stale, and the caller checks a popped entry against the live count.
 */
export class PairHeap {
  private counts: number[] = [];
  private keys: number[] = [];

  /** Number of entries, stale ones included. */
  get size(): number {
    return this.counts.length;
  }

  /** The top entry's count (undefined when empty). */
  peekCount(): number | undefined {
    return this.counts[0];
  }

  /** The top entry's key (undefined when empty). */
  peekKey(): number | undefined {
    return this.keys[0];
  }

  private before(i: number, j: number): boolean {
    const ci = this.counts[i]!;
    const cj = this.counts[j]!;
    return ci > cj || (ci === cj && this.keys[i]! < this.keys[j]!);
  }

  private swap(i: number, j: number): void {
    const c = this.counts[i]!;
    this.counts[i] = this.counts[j]!;
    this.counts[j] = c;
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
  }

  /** Adds an entry. */
  push(count: number, key: number): void {
    this.counts.push(count);
    this.keys.push(key);
    let i = this.counts.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the top entry. */
  pop(): void {
    const lastCount = this.counts.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.counts.length === 0) return;
    this.counts[0] = lastCount;
    this.keys[0] = lastKey;
    this.siftDown(0);
  }

  /** Replaces the contents by the given entries in O(n). */
  build(counts: number[], keys: number[]): void {
    this.counts = counts;
    this.keys = keys;
    for (let i = (counts.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const n = this.counts.length;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.before(l, m)) m = l;
      if (r < n && this.before(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
