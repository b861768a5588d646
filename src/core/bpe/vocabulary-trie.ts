/**
 * A byte trie over a vocabulary, for merge-list-free segmentation. Children live in one map keyed
 * `node * 256 + byte` (small integers, cheap to hash); `tokenAt[node]` is the id ending there or -1.
 */
export class VocabularyTrie {
  private readonly children = new Map<number, number>();
  private readonly ids: number[] = [-1];

  /** Builds the trie of `tokens` (id → bytes); where two ids share bytes the lower id wins. */
  constructor(tokens: readonly Uint8Array[]) {
    tokens.forEach((bytes, id) => {
      let node = 0;
      for (const byte of bytes) {
        const key = node * 256 + byte;
        let child = this.children.get(key);
        if (child === undefined) {
          child = this.ids.length;
          this.ids.push(-1);
          this.children.set(key, child);
        }
        node = child;
      }
      if (node !== 0 && this.ids[node] === -1) this.ids[node] = id;
    });
  }

  /** The root node. */
  get root(): number {
    return 0;
  }

  /** The child of `node` along `byte`, or -1. */
  child(node: number, byte: number): number {
    return this.children.get(node * 256 + byte) ?? -1;
  }

  /** The token id spelled by the path to `node`, or -1. */
  tokenAt(node: number): number {
    return this.ids[node]!;
  }
}
