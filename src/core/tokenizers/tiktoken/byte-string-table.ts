/**
 * A hash table from byte strings to ids, open addressing over typed arrays: looking up `bytes[start, end)`
 * allocates nothing and hashes no boxed key (the BPE merge loop asks for the rank of every adjacent pair).
 */
export class ByteStringTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly data: Uint8Array;
  private readonly offsets: Uint32Array;

  /**
   * `data[offsets[id], offsets[id + 1])` = the bytes of id (empty for an id without bytes); the table keeps
   * both arrays.
   */
  constructor(data: Uint8Array, offsets: Uint32Array) {
    const ids = offsets.length - 1;
    let size = 16;
    while (size < ids * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.data = data;
    this.offsets = offsets;
    for (let id = 0; id < ids; id++) {
      const from = offsets[id]!;
      const to = offsets[id + 1]!;
      if (to === from) continue;
      if (this.get(data, from, to) >= 0) continue; // the first id of a byte string wins
      for (let i = hash(data, from, to) & this.mask; ; i = (i + 1) & this.mask) {
        if (this.slots[i] === -1) {
          this.slots[i] = id;
          break;
        }
      }
    }
  }

  /** How many bytes id has (0 for an id without bytes or past the end). */
  byteLength(id: number): number {
    return id + 1 < this.offsets.length ? this.offsets[id + 1]! - this.offsets[id]! : 0;
  }

  /** The id of `bytes[start, end)`, or -1. */
  get(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const data = this.data;
    for (let i = hash(bytes, start, end) & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[i]!;
      if (id === -1) return -1;
      const from = this.offsets[id]!;
      if (this.offsets[id + 1]! - from !== length) continue;
      let k = 0;
      while (k < length && data[from + k] === bytes[start + k]) k++;
      if (k === length) return id;
    }
  }
}

/** FNV-1a over a byte range. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
