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

/** The int64 input of one group: each row is BOS followed by the context (all of length `length`). */
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
    for (let j = 0; j < length; j++) ids[row * seq + 1 + j] = BigInt(context[j]!);
  });
  return ids;
}
