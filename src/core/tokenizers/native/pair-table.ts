/**
 * A hash table from a pair of ids to a value (a merge rank), open addressing over typed arrays: no boxed
 * keys, no per-entry allocation — the BPE inner loop looks a pair up for every adjacent symbol pair.
 */
export class PairTable {
  private readonly lefts: Int32Array;
  private readonly rights: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.lefts = new Int32Array(size).fill(-1);
    this.rights = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  private slot(left: number, right: number): number {
    return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 0x7f4a7c15, 0x85ebca6b)) & this.mask;
  }

  /** The value of a pair, or -1. */
  get(left: number, right: number): number {
    for (let i = this.slot(left, right); ; i = (i + 1) & this.mask) {
      const l = this.lefts[i]!;
      if (l === -1) return -1;
      if (l === left && this.rights[i] === right) return this.values[i]!;
    }
  }

  /** Sets a pair's value unless it has one already (the first merge of a pair wins); returns whether it was set. */
  setIfAbsent(left: number, right: number, value: number): boolean {
    for (let i = this.slot(left, right); ; i = (i + 1) & this.mask) {
      const l = this.lefts[i]!;
      if (l === -1) {
        this.lefts[i] = left;
        this.rights[i] = right;
        this.values[i] = value;
        return true;
      }
      if (l === left && this.rights[i] === right) return false;
    }
  }
}
