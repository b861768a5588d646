/**
 * A binary min-heap of numbers (callers pack their keys into one number, e.g. rank · 2³² + position), kept in
 * a Float64Array: a long word's merges push millions of entries, 8 bytes each with no boxing, and the
 * array grows by half instead of doubling.
 */
export class NumberHeap {
  private items: Float64Array;
  private count = 0;

  constructor(capacity = 16) {
    this.items = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.items.length) {
      const grown = new Float64Array(Math.ceil(this.items.length * 1.5) + 16);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }

  /** Removes and returns the smallest value (the heap must not be empty). */
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const n = --this.count;
    const last = items[n]!;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
