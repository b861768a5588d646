import { utf8Encode } from "../text/utf8";
import { mergeRanks, mergeTree, type MergeTree } from "./explain";
import { LeastTokensEncoder } from "./merge-free";
import { MergeEncoder } from "./merge-encoder";
import type { BpeModel } from "./model";
import { compilePattern, splitIsolated } from "./pretokenize";
import { VocabularyTrie } from "./vocabulary-trie";

/** A merge tree with each node's bytes, ready to draw. */
export interface ExplainedTree {
  id: number;
  /** Merge rank that creates the token, -1 for a byte. */
  rank: number;
  bytes: number[];
  left?: ExplainedTree;
  right?: ExplainedTree;
}

/** Why a token is what it is: how merges built it, and how its chunk splits with and without the merge list. */
export interface TokenExplanation {
  tree: ExplainedTree;
  /** The pre-tokenization chunk holding the token (UTF-8 bytes). */
  chunk: number[];
  /** The chunk cut by the merge list and by the least-tokens segmentation, as token byte strings. */
  withMerges: number[][];
  leastTokens: number[][];
}

function withBytes(model: BpeModel, tree: MergeTree): ExplainedTree {
  return {
    id: tree.id,
    rank: tree.rank,
    bytes: Array.from(model.tokens[tree.id] ?? []),
    left: tree.left && withBytes(model, tree.left),
    right: tree.right && withBytes(model, tree.right),
  };
}

/** Builds explanations for one model, computing merge ranks, the trie and the encoders once. */
export function tokenExplainer(model: BpeModel) {
  const ranks = mergeRanks(model);
  const merges = new MergeEncoder(model);
  const least = new LeastTokensEncoder(new VocabularyTrie(model.tokens));
  const regex = compilePattern(model.pattern);
  const segment = (encoder: { encodeChunk(bytes: Uint8Array, out: number[]): void }, bytes: Uint8Array) => {
    const ids: number[] = [];
    encoder.encodeChunk(bytes, ids);
    return ids.map((id) => Array.from(model.tokens[id] ?? []));
  };
  /**
   * Explains token `id`, found at UTF-8 byte offset `byteStart` of `text`: its merge tree, and the chunk
   * around it cut by the merge list and by least tokens (they differ where BPE's greedy merge order costs
   * extra tokens).
   */
  return function explain(id: number, text: string, byteStart: number): TokenExplanation {
    const tree = withBytes(model, mergeTree(model, ranks, id));
    let offset = 0;
    let chunk: Uint8Array = new Uint8Array(0);
    for (const piece of splitIsolated(text, regex)) {
      const bytes = utf8Encode(piece);
      if (byteStart < offset + bytes.length) {
        chunk = bytes;
        break;
      }
      offset += bytes.length;
    }
    return {
      tree,
      chunk: Array.from(chunk),
      withMerges: segment(merges, chunk),
      leastTokens: segment(least, chunk),
    };
  };
}
