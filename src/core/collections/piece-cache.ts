/**
 * Encodings of pre-tokenized pieces, looked up by a range of the text itself: a piece seen before costs a
 * hash over its characters and a `startsWith`, with no substring and no Map key built (most pieces of a text
 * repeat). Open addressing; emptied when it gets full.
 */
export class PieceCache<T = readonly number[]> {
  private keys: (string | undefined)[];
  private values: (T | undefined)[];
  private hashes: Int32Array;
  private count = 0;
  private readonly mask: number;

  constructor(private readonly capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Array<string | undefined>(size);
    this.values = new Array<T | undefined>(size);
    this.hashes = new Int32Array(size);
  }

  clear(): void {
    const size = this.mask + 1;
    this.keys = new Array<string | undefined>(size);
    this.values = new Array<T | undefined>(size);
    this.hashes = new Int32Array(size);
    this.count = 0;
  }

  /** The encoding stored for `text[start, end)`, or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    const h = hashRange(text, start, end);
    const length = end - start;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i];
      if (key === undefined) return undefined;
      if (this.hashes[i] === h && key.length === length && text.startsWith(key, start)) return this.values[i];
    }
  }

  set(piece: string, value: T): void {
    if (this.count >= this.capacity) this.clear();
    const h = hashRange(piece, 0, piece.length);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i];
      if (key === undefined) {
        this.keys[i] = piece;
        this.values[i] = value;
        this.hashes[i] = h;
        this.count++;
        return;
      }
      if (this.hashes[i] === h && key === piece) {
        this.values[i] = value;
        return;
      }
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
