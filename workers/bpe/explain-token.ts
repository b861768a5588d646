import { mergeRanks, mergeTree, type MergeTree } from "../../src/core/bpe/explain";
import type { ChunkEncoder } from "../../src/core/bpe/merge-encoder";
import { chunkEncoderFor } from "../../src/core/bpe/merge-free";
import type { BpeModel } from "../../src/core/bpe/model";
import { compilePattern, splitIsolated } from "../../src/core/bpe/pretokenize";
import { utf8Decode, utf8Encode } from "../../src/core/text/utf8";
import { toWellFormed } from "../../src/core/text/well-formed";

/** A merge tree with each node's text, for display. */
export interface LabelledTree {
  id: number;
  rank: number;
  text: string;
  left?: LabelledTree;
  right?: LabelledTree;
}

/** A token of a segmentation: id and text. */
export interface Piece {
  id: number;
  text: string;
}

/** Why a token is what it is, and what least-tokens segmentation would do with its chunk. */
export interface TokenExplanation {
  tree: LabelledTree;
  /** The pre-tokenized chunk the token sits in. */
  chunk: string;
  /** The chunk under the merge list (the token among them), and under least-tokens segmentation. */
  merges: Piece[];
  leastTokens: Piece[];
  /** True when least-tokens cuts the chunk differently. */
  differs: boolean;
}

function label(model: BpeModel, tree: MergeTree): LabelledTree {
  return {
    id: tree.id,
    rank: tree.rank,
    text: utf8Decode(model.tokens[tree.id] ?? new Uint8Array()),
    left: tree.left && label(model, tree.left),
    right: tree.right && label(model, tree.right),
  };
}

/** What explaining needs of a model, built once per model (a trie over a 200k vocabulary takes a while). */
export interface ExplainHelpers {
  ranks: Int32Array;
  merges: ChunkEncoder;
  leastTokens: ChunkEncoder;
}

/** Builds {@link ExplainHelpers} for a model. */
export function explainHelpers(model: BpeModel): ExplainHelpers {
  return {
    ranks: mergeRanks(model),
    merges: chunkEncoderFor(model, { kind: "merges" }),
    leastTokens: chunkEncoderFor(model, { kind: "least-tokens" }),
  };
}

/**
 * Explains the merge-list token that starts at UTF-8 byte `byteStart` of `text`: its merge tree, and the
 * chunk it belongs to segmented by the merge list and by least tokens.
 */
export function explainTokenAt(
  model: BpeModel,
  helpers: ExplainHelpers,
  text: string,
  byteStart: number,
): TokenExplanation {
  let offset = 0;
  for (const chunk of splitIsolated(toWellFormed(text), compilePattern(model.pattern))) {
    const bytes = utf8Encode(chunk);
    if (byteStart < offset + bytes.length) {
      const pieces = (encoder: ChunkEncoder) => {
        const ids: number[] = [];
        encoder.encodeChunk(bytes, ids);
        return ids.map((id) => ({ id, text: utf8Decode(model.tokens[id]!) }));
      };
      const merges = pieces(helpers.merges);
      const leastTokens = pieces(helpers.leastTokens);
      let at = offset;
      const token = merges.find((piece) => {
        const hit = at >= byteStart || at + model.tokens[piece.id]!.length > byteStart;
        at += model.tokens[piece.id]!.length;
        return hit;
      })!;
      const differs = merges.map((p) => p.id).join() !== leastTokens.map((p) => p.id).join();
      return {
        tree: label(model, mergeTree(model, helpers.ranks, token.id)),
        chunk,
        merges,
        leastTokens,
        differs,
      };
    }
    offset += bytes.length;
  }
  throw new Error(`Byte ${byteStart} is past the end of the text.`);
}
