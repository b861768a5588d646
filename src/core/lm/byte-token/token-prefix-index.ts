import type { LemmaTokenizer } from "./lemma-tokenizer";

/**
 * The tokens whose bytes start with a given byte string: ids sorted by their bytes, so every such set is
 * one contiguous run found by binary search (no per-node lists to store).
 */
export class TokenPrefixIndex {
  private readonly sorted: Uint32Array;
  private readonly bytesOf: Uint8Array[];

  /** Indexes every non-empty token of `tokenizer`. */
  constructor(tokenizer: LemmaTokenizer) {
    this.bytesOf = Array.from({ length: tokenizer.vocabSize }, (_, id) => tokenizer.tokenBytes(id));
    const ids: number[] = [];
    this.bytesOf.forEach((bytes, id) => {
      if (bytes.length > 0) ids.push(id);
    });
    ids.sort((a, b) => compareBytes(this.bytesOf[a]!, this.bytesOf[b]!) || a - b);
    this.sorted = Uint32Array.from(ids);
  }

  /** Ids whose bytes start with `prefix` and are at least `minLength` bytes long (ascending by bytes). */
  startingWith(prefix: Uint8Array, minLength = prefix.length): number[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareBytes(this.bytesOf[this.sorted[mid]!]!, prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sorted.length; i++) {
      const id = this.sorted[i]!;
      const bytes = this.bytesOf[id]!;
      if (!hasPrefix(bytes, prefix)) break;
      if (bytes.length >= minLength) out.push(id);
    }
    return out;
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function hasPrefix(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
