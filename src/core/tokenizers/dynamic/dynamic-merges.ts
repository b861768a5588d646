/** A token sequence to learn merges on: ids, the pre-tokenization chunk of each token, and which are fixed. */
export interface MergeInput {
  ids: ArrayLike<number>;
  /** Chunk index of token i (non-decreasing); merges never join tokens of two chunks. */
  chunks: ArrayLike<number>;
  /** True for tokens that never merge (special tokens). */
  fixed: (index: number) => boolean;
}

/** One merge learned on the text: `left` then `right` became `id`, which occurred `count` times when chosen. */
export interface LearnedMerge {
  left: number;
  right: number;
  id: number;
  count: number;
}

/** The learned merges and, for every token of the result, which input tokens `[from, to)` it covers. */
export interface MergeResult {
  merges: LearnedMerge[];
  ids: number[];
  from: number[];
  to: number[];
}

/** Pair keys: ids stay below 2^26, so left · 2^26 + right is an exact double. */
const SHIFT = 2 ** 26;

/**
 * Dynamic tokenization: BPE over a base tokenizer's tokens of one text. Each round counts every adjacent pair of
 * mergeable tokens in the same chunk (overlapping pairs counted, as BPE training counts them), takes the most
 * frequent (ties: the pair seen first), and replaces its occurrences left to right with a new id
 * (`firstNewId`, `firstNewId + 1`, …). Stops after `k` merges or when no pair occurs twice. O(k · n).
 */
export function learnDynamicMerges(input: MergeInput, k: number, firstNewId: number): MergeResult {
  let ids = Array.from(input.ids);
  let chunks = Array.from(input.chunks);
  let fixed = ids.map((_, i) => input.fixed(i));
  let from = ids.map((_, i) => i);
  let to = ids.map((_, i) => i + 1);
  const merges: LearnedMerge[] = [];
  if (firstNewId + k >= SHIFT) throw new Error("Vocabulary too large for dynamic merges.");
  for (let round = 0; round < k; round++) {
    const counts = new Map<number, number>();
    let bestKey = -1;
    let bestCount = 1;
    for (let i = 0; i + 1 < ids.length; i++) {
      if (chunks[i] !== chunks[i + 1] || fixed[i] || fixed[i + 1]) continue;
      const key = ids[i]! * SHIFT + ids[i + 1]!;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      // Strictly greater: among equal counts the pair whose count got there first wins (a stable, documented tie rule).
      if (count > bestCount) {
        bestCount = count;
        bestKey = key;
      }
    }
    if (bestKey < 0) break;
    const left = Math.floor(bestKey / SHIFT);
    const right = bestKey - left * SHIFT;
    const id = firstNewId + round;
    merges.push({ left, right, id, count: bestCount });
    const next = {
      ids: [] as number[],
      chunks: [] as number[],
      fixed: [] as boolean[],
      from: [] as number[],
      to: [] as number[],
    };
    for (let i = 0; i < ids.length; i++) {
      const join =
        i + 1 < ids.length &&
        ids[i] === left &&
        ids[i + 1] === right &&
        chunks[i] === chunks[i + 1] &&
        !fixed[i] &&
        !fixed[i + 1];
      next.ids.push(join ? id : ids[i]!);
      next.chunks.push(chunks[i]!);
      next.fixed.push(fixed[i]!);
      next.from.push(from[i]!);
      next.to.push(join ? to[i + 1]! : to[i]!);
      if (join) i++;
    }
    ({ ids, chunks, fixed, from, to } = next);
  }
  return { merges, ids, from, to };
}
