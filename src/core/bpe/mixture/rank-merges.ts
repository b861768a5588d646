import { utf8Encode } from "../../text/utf8";
import type { RankTable } from "../../tokenizers/tiktoken/byte-pair-encoder";
import { bytesKey, type BpeModel } from "../model";

/** A {@link BpeModel} derived from a rank table, and the multi-byte tokens no merge could build. */
export interface RankModel {
  model: BpeModel;
  /** Ranks (token ids) whose bytes do not split into exactly two lower-ranked tokens. */
  unbuilt: number[];
}

/**
 * tiktoken's merge restricted to ranks below `limit`: merge the adjacent pair whose concatenation has the
 * lowest rank, leftmost on ties, until none is below the limit. Returns the part boundaries.
 */
function mergeBelow(bytes: Uint8Array, index: ReadonlyMap<string, number>, limit: number): number[] {
  const bounds = Array.from({ length: bytes.length + 1 }, (_, i) => i);
  for (;;) {
    let best = limit;
    let at = -1;
    for (let i = 0; i + 2 < bounds.length; i++) {
      const rank = index.get(bytesKey(bytes, bounds[i]!, bounds[i + 2]!));
      if (rank !== undefined && rank < best) {
        best = rank;
        at = i;
      }
    }
    if (at < 0) return bounds;
    bounds.splice(at + 1, 1);
  }
}

/**
 * Derives the merge list of a tiktoken-style rank table (rank = token id = the order training learned the
 * token), the way Hugging Face converts tiktoken files: for each multi-byte token in rank order, run the
 * tiktoken merge on its bytes using only lower ranks; it must end as exactly two parts, which are that
 * rank's merge. Merge t then produces the t-th multi-byte token, so replaying the list follows training
 * order, and encoding with it (lowest merge rank first) matches tiktoken's lowest-rank-first encoding.
 * @param ranks rank → token bytes (a string where the bytes are valid UTF-8), as gpt-tokenizer ships them
 * @param pattern the encoding's pre-tokenization regex
 * @param maxMerges stop after this many merges (the first merges are all mixture inference reads)
 */
export function modelFromRanks(ranks: RankTable, pattern: string, maxMerges = Infinity): RankModel {
  const tokens = ranks.map((value) =>
    typeof value === "string" ? utf8Encode(value) : Uint8Array.from(value),
  );
  const index = new Map<string, number>();
  tokens.forEach((bytes, rank) => {
    const key = bytesKey(bytes);
    if (!index.has(key)) index.set(key, rank);
  });
  const merges: [number, number][] = [];
  const unbuilt: number[] = [];
  for (let rank = 0; rank < tokens.length && merges.length < maxMerges; rank++) {
    const bytes = tokens[rank]!;
    if (bytes.length < 2) continue;
    const bounds = mergeBelow(bytes, index, rank);
    if (bounds.length !== 3) {
      unbuilt.push(rank);
      continue;
    }
    const left = index.get(bytesKey(bytes, 0, bounds[1]!))!;
    const right = index.get(bytesKey(bytes, bounds[1]!, bytes.length))!;
    merges.push([left, right]);
  }
  return { model: { tokens, merges, pattern }, unbuilt };
}
