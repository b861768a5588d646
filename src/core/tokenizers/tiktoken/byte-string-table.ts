/**
 * A hash table from byte strings to ids, open addressing over typed arrays: looking up `bytes[start, end)`
 * allocates nothing and hashes no boxed key (the BPE merge loop asks for the rank of every adjacent pair).
 */
export class ByteStringTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly data: Uint8Array;
  private readonly offsets: Uint32Array;

  /** `entries[id]` = the bytes of id (undefined for an id without bytes). */
  constructor(entries: readonly (Uint8Array | undefined)[]) {
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let total = 0;
    for (const entry of entries) total += entry?.length ?? 0;
    this.data = new Uint8Array(total);
    this.offsets = new Uint32Array(entries.length + 1);
    let at = 0;
    entries.forEach((entry, id) => {
      this.offsets[id] = at;
      if (entry) {
        this.data.set(entry, at);
        at += entry.length;
      }
      this.offsets[id + 1] = at;
    });
    entries.forEach((entry, id) => {
      if (!entry || entry.length === 0) return;
      if (this.get(entry, 0, entry.length) >= 0) return; // the first id of a byte string wins
      for (let i = hash(entry, 0, entry.length) & this.mask; ; i = (i + 1) & this.mask) {
        if (this.slots[i] === -1) {
          this.slots[i] = id;
          break;
        }
      }
    });
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
