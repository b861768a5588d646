import { VocabularyTrie } from "../../bpe/vocabulary-trie";

/**
 * Maximal prefix encoding (MPE, WordPiece-style greedy longest match, ALGORITHMS §1.1) over a token table:
 * returns `encode(bytes)`, which throws when some byte starts no token. The worked examples of §1.6 use it.
 */
export function maximalPrefixEncoder(tokens: readonly Uint8Array[]): (bytes: Uint8Array) => number[] {
  const trie = new VocabularyTrie(tokens);
  return (bytes) => {
    const out: number[] = [];
    let position = 0;
    while (position < bytes.length) {
      let node = trie.root;
      let best = -1;
      let bestEnd = position;
      for (let i = position; i < bytes.length; i++) {
        node = trie.child(node, bytes[i]!);
        if (node < 0) break;
        const id = trie.tokenAt(node);
        if (id >= 0) [best, bestEnd] = [id, i + 1];
      }
      if (best < 0) throw new RangeError(`No token starts with byte 0x${bytes[position]!.toString(16)}.`);
      out.push(best);
      position = bestEnd;
    }
    return out;
  };
}
