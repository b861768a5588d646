/**
 * A growable list of unsigned 32-bit integers in a typed array: 4 bytes an item where a JavaScript array of
 * numbers takes 8, and no copy when the pipeline hands the result on. Token ids and byte offsets of a
 * megabyte-long word are millions of items.
 */
/**
 * The next capacity: half again as much (a list of millions grows by copying, old and new buffer side by side for
 * a moment; doubling left up to half of the final buffer unused).
 */
function grownCapacity(capacity: number): number {
  return Math.ceil(capacity * 1.5) + 16;
}

export class Uint32List {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 16) {
    this.data = new Uint32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(grownCapacity(this.data.length));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Pushes every value of `values`, in order. */
  append(values: ArrayLike<number>): void {
    const needed = this.length + values.length;
    if (needed > this.data.length) {
      const grown = new Uint32Array(Math.max(needed, grownCapacity(this.data.length)));
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    for (let i = 0; i < values.length; i++) data[this.length + i] = values[i]!;
    this.length = needed;
  }

  /**
   * The list's current buffer: items `0 … length − 1` are the list's, the rest is room to grow. For hot loops
   * that read many items without a call each; valid until the next push.
   */
  get items(): Uint32Array {
    return this.data;
  }

  /** The items, as a view of the list's buffer (valid until the next push). */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  /**
   * The items as an array to keep: a view of the buffer when at most a third of it is spare room, else a
   * copy. For a finished list (a copy of millions of items would double them for a moment); the list must not
   * grow afterwards.
   */
  trimmed(): Uint32Array {
    return this.length >= (this.data.length * 2) / 3 ? this.view() : this.toArray();
  }

  /** The items as an array of their own (copied: the list's buffer is larger and may still grow). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}
