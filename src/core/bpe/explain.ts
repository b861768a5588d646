import { mergeResults, type BpeModel } from "./model";

/** How a token was built: a byte (a leaf), or the merge of two smaller tokens at some rank. */
export interface MergeTree {
  id: number;
  /** The merge that creates this token (its rank in the merge list), or -1 for a single byte / unbuilt token. */
  rank: number;
  left?: MergeTree;
  right?: MergeTree;
}

/** id → the rank of the first merge that produces it (-1 for tokens no merge produces, such as bytes). */
export function mergeRanks(model: Pick<BpeModel, "tokens" | "merges">): Int32Array {
  const ranks = new Int32Array(model.tokens.length).fill(-1);
  mergeResults(model).forEach((id, rank) => {
    if (id >= 0 && ranks[id] === -1) ranks[id] = rank;
  });
  return ranks;
}

/**
 * The tree of merges that builds token `id` from bytes (the first merge producing each token). Leaves are
 * tokens no merge produces: the single bytes, in a complete BPE vocabulary.
 * @param ranks {@link mergeRanks} of the model, computed once by the caller
 */
export function mergeTree(model: Pick<BpeModel, "merges">, ranks: Int32Array, id: number): MergeTree {
  const rank = ranks[id] ?? -1;
  if (rank < 0) return { id, rank };
  const [left, right] = model.merges[rank]!;
  return { id, rank, left: mergeTree(model, ranks, left), right: mergeTree(model, ranks, right) };
}
