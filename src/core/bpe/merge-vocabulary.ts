import { bytesKey, byteTokens, concatBytes } from "./model";
import type { BpeStart } from "./trainer";

/**
 * The vocabulary and merge list a BPE trainer grows: a merge appends `[left, right]` and yields the id of the
 * token it makes — a new id, or the existing one when those bytes are already a token (reached by another pair),
 * as Hugging Face's trainer does. Shared by {@link BpeTrainer} and {@link BinaryBpeTrainer}.
 */
export class MergeVocabulary {
  private readonly tokens: Uint8Array[];
  private readonly merges: [number, number][];
  private readonly index = new Map<string, number>();

  /** From an inherited vocabulary and merge list, or from the 256 single bytes. */
  constructor(start?: BpeStart) {
    this.tokens = start ? [...start.tokens] : byteTokens();
    this.merges = start ? start.merges.map(([a, b]) => [a, b]) : [];
    this.tokens.forEach((bytes, id) => this.index.set(bytesKey(bytes), id));
  }

  get size(): number {
    return this.tokens.length;
  }

  get mergeCount(): number {
    return this.merges.length;
  }

  /** The merges so far, inherited ones included. */
  mergeList(): readonly (readonly [number, number])[] {
    return this.merges;
  }

  /** The bytes merging `left` and `right` would make. */
  joined(left: number, right: number): Uint8Array {
    return concatBytes(this.tokens[left]!, this.tokens[right]!);
  }

  /** Records the merge of `left` and `right` into `bytes` (their {@link joined} bytes); returns its token id. */
  addMerge(left: number, right: number, bytes: Uint8Array): number {
    const key = bytesKey(bytes);
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(bytes);
      this.index.set(key, id);
    }
    this.merges.push([left, right]);
    return id;
  }

  /** The vocabulary and merge list so far (copies). */
  result(): BpeStart {
    return { tokens: [...this.tokens], merges: this.merges.map(([a, b]) => [a, b]) };
  }
}
