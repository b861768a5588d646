/** Indices of the contexts, grouped by context length (one batched session run per group). */
export function groupByLength(contexts: readonly ArrayLike<number>[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  contexts.forEach((context, i) => {
    const group = groups.get(context.length);
    if (group) group.push(i);
    else groups.set(context.length, [i]);
  });
  return groups;
}

/**
 * Indices of the contexts in padded batches for a causal model (right padding changes no earlier position):
 * longest first, a context joins the current batch while padding stays within `maxWaste` of the real tokens.
 * Fewer, larger session runs than {@link groupByLength} when lengths are close. Keys are the padded length.
 */
export function paddedBatches(contexts: readonly ArrayLike<number>[], maxWaste = 0.25): [number, number[]][] {
  const order = contexts.map((_, i) => i).sort((a, b) => contexts[b]!.length - contexts[a]!.length);
  const batches: [number, number[]][] = [];
  let current: number[] = [];
  let width = 0;
  let real = 0;
  for (const index of order) {
    const length = contexts[index]!.length;
    if (
      current.length > 0 &&
      (current.length + 1) * (width + 1) > (1 + maxWaste) * (real + length + 1 + current.length)
    ) {
      batches.push([width, current]);
      current = [];
    }
    if (current.length === 0) [width, real] = [length, 0];
    current.push(index);
    real += length;
  }
  if (current.length > 0) batches.push([width, current]);
  return batches;
}

/**
 * The int64 input of one batch: each row is BOS followed by the context, right-padded with BOS to `length`
 * tokens when shorter.
 */
export function batchInput(
  contexts: readonly ArrayLike<number>[],
  members: readonly number[],
  length: number,
  bos: number,
): BigInt64Array {
  const seq = length + 1;
  const ids = new BigInt64Array(members.length * seq);
  members.forEach((index, row) => {
    ids[row * seq] = BigInt(bos);
    const context = contexts[index]!;
    for (let j = 0; j < length; j++) ids[row * seq + 1 + j] = BigInt(j < context.length ? context[j]! : bos);
  });
  return ids;
}
