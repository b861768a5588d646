import { MergeEncoder, type ChunkEncoder } from "./merge-encoder";
import type { BpeModel } from "./model";
import { seededPermutation, seededRandom } from "./random";
import { VocabularyTrie } from "./vocabulary-trie";

/**
 * How a chunk is cut into vocabulary tokens (ALGORITHMS §4): with the merge list, or without it
 * (greedy longest prefix, fewest tokens), or with a deliberately damaged merge list.
 */
export type InferenceMethod =
  | { kind: "merges" }
  | { kind: "greedy" }
  | { kind: "least-tokens" }
  | { kind: "permuted-merges"; seed: number }
  | { kind: "deleted-merges"; seed: number; share: number };

function missingByte(byte: number): Error {
  return new Error(`Byte 0x${byte.toString(16).padStart(2, "0")} is not in the vocabulary.`);
}

/** Left to right, take the longest vocabulary token that is a prefix of the rest: O(n · longest token). */
export class GreedyEncoder implements ChunkEncoder {
  constructor(private readonly trie: VocabularyTrie) {}

  encodeChunk(bytes: Uint8Array, out: number[]): void {
    const trie = this.trie;
    let i = 0;
    while (i < bytes.length) {
      let node = trie.root;
      let best = -1;
      let end = i;
      for (let j = i; j < bytes.length; j++) {
        node = trie.child(node, bytes[j]!);
        if (node < 0) break;
        const id = trie.tokenAt(node);
        if (id >= 0) {
          best = id;
          end = j + 1;
        }
      }
      if (best < 0) throw missingByte(bytes[i]!);
      out.push(best);
      i = end;
    }
  }
}

/**
 * Exact compression: the fewest vocabulary tokens that spell the chunk (dynamic programming over byte
 * positions, O(n · longest token)). **Tie-break: among shortest segmentations, the last token is the
 * longest possible, then the same rule for the rest** (dp[j] keeps the smallest start i reaching it).
 */
export class LeastTokensEncoder implements ChunkEncoder {
  constructor(private readonly trie: VocabularyTrie) {}

  encodeChunk(bytes: Uint8Array, out: number[]): void {
    const n = bytes.length;
    const trie = this.trie;
    const cost = new Int32Array(n + 1).fill(0x7fffffff);
    const from = new Int32Array(n + 1);
    const token = new Int32Array(n + 1);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      if (cost[i] === 0x7fffffff) continue;
      const next = cost[i]! + 1;
      let node = trie.root;
      for (let j = i; j < n; j++) {
        node = trie.child(node, bytes[j]!);
        if (node < 0) break;
        const id = trie.tokenAt(node);
        if (id >= 0 && next < cost[j + 1]!) {
          cost[j + 1] = next;
          from[j + 1] = i;
          token[j + 1] = id;
        }
      }
    }
    if (n > 0 && cost[n] === 0x7fffffff) {
      let j = 0;
      while (j < n && cost[j + 1] !== 0x7fffffff) j++;
      throw missingByte(bytes[j]!);
    }
    const ids: number[] = [];
    for (let j = n; j > 0; j = from[j]!) ids.push(token[j]!);
    for (let k = ids.length - 1; k >= 0; k--) out.push(ids[k]!);
  }
}

/** The merge indices kept, in order, when each merge is deleted with probability `share` (seeded). */
export function keptMerges(mergeCount: number, share: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const kept: number[] = [];
  for (let i = 0; i < mergeCount; i++) if (random() >= share) kept.push(i);
  return Int32Array.from(kept);
}

/**
 * The chunk encoder for an inference method. Byte tokens are never deleted (they are not merges), so every
 * method can spell every input; deleting a merge also makes the tokens built only through it unreachable.
 */
export function chunkEncoderFor(model: BpeModel, method: InferenceMethod): ChunkEncoder {
  switch (method.kind) {
    case "merges":
      return new MergeEncoder(model);
    case "greedy":
      return new GreedyEncoder(new VocabularyTrie(model.tokens));
    case "least-tokens":
      return new LeastTokensEncoder(new VocabularyTrie(model.tokens));
    case "permuted-merges":
      return new MergeEncoder(model, seededPermutation(model.merges.length, method.seed));
    case "deleted-merges":
      return new MergeEncoder(model, keptMerges(model.merges.length, method.share, method.seed));
  }
}

/** A short label for an inference method (lane names, the least-tokens tie-break shown in the UI). */
export function describeInferenceMethod(method: InferenceMethod): string {
  switch (method.kind) {
    case "merges":
      return "merge list";
    case "greedy":
      return "greedy longest prefix";
    case "least-tokens":
      return "least tokens (ties: longest last token)";
    case "permuted-merges":
      return `permuted merge order (seed ${method.seed})`;
    case "deleted-merges":
      return `${Math.round(method.share * 100)}% of merges deleted (seed ${method.seed})`;
  }
}
