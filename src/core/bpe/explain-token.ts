import { utf8Encode } from "../text/utf8";
import { toWellFormed } from "../text/well-formed";
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

/** One token of a chunk's segmentation. */
export interface ExplainedPiece {
  id: number;
  bytes: number[];
}

/** Why a token is what it is: how merges built it, and how its chunk splits with and without the merge list. */
export interface TokenExplanation {
  tree: ExplainedTree;
  /** The pre-tokenization chunk holding the token (UTF-8 bytes). */
  chunk: number[];
  /** The chunk cut by the merge list (the token among the pieces) and by the least-tokens segmentation. */
  withMerges: ExplainedPiece[];
  leastTokens: ExplainedPiece[];
  /** Least tokens cuts the chunk into other pieces (possibly as many). */
  differs: boolean;
  /** How many more tokens the merge list spends on the chunk than least tokens (0 or more). */
  extraTokens: number;
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

/**
 * Builds explanations for one model, computing merge ranks, the trie and the encoders once (a trie over a
 * 200k vocabulary takes a while).
 */
export function tokenExplainer(model: BpeModel) {
  const ranks = mergeRanks(model);
  const merges = new MergeEncoder(model);
  const least = new LeastTokensEncoder(new VocabularyTrie(model.tokens));
  const regex = compilePattern(model.pattern);
  const segment = (encoder: { encodeChunk(bytes: Uint8Array, out: number[]): void }, bytes: Uint8Array) => {
    const ids: number[] = [];
    encoder.encodeChunk(bytes, ids);
    return ids.map((id) => ({ id, bytes: Array.from(model.tokens[id] ?? []) }));
  };
  /**
   * Explains the token at UTF-8 byte offset `byteStart` of `text`: its merge tree, and the chunk around it
   * cut by the merge list and by least tokens (they differ where BPE's greedy merge order costs extra
   * tokens). `id` names the token when the caller knows it (a lane's token); otherwise it is the merge-list
   * piece that covers `byteStart`.
   */
  return function explain(text: string, byteStart: number, id?: number): TokenExplanation {
    let offset = 0;
    for (const piece of splitIsolated(toWellFormed(text), regex)) {
      const chunk = utf8Encode(piece);
      if (byteStart >= offset + chunk.length) {
        offset += chunk.length;
        continue;
      }
      const withMerges = segment(merges, chunk);
      const leastTokens = segment(least, chunk);
      let at = offset;
      const covering = withMerges.find((p) => (at += p.bytes.length) > byteStart) ?? withMerges[0]!;
      return {
        tree: withBytes(model, mergeTree(model, ranks, id ?? covering.id)),
        chunk: Array.from(chunk),
        withMerges,
        leastTokens,
        differs: withMerges.map((p) => p.id).join() !== leastTokens.map((p) => p.id).join(),
        extraTokens: withMerges.length - leastTokens.length,
      };
    }
    throw new Error(`Byte ${byteStart} is past the end of the text.`);
  };
}
