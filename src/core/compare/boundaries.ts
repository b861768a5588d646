import type { Encoding } from "../tokenizers/types";

/** Which token boundaries the lanes agree on. */
export interface BoundaryDiff {
  /** Internal boundaries (byte offsets strictly inside the text) every lane has. */
  shared: number;
  /** Internal boundaries some lanes have and others do not. */
  unshared: number;
  /** Per lane, per token: 1 when the boundary at the token's end is not shared by every lane. */
  unsharedEnds: Uint8Array[];
  /**
   * Per byte offset of the text (0 to its length), how many lanes end a token there, for {@link updateBoundaryDiff};
   * a holder may drop it (an empty array), and the diff is then not updated but computed again.
   */
  counts: Uint16Array;
}

/**
 * {@link diffBoundaries} as a generator that pauses (yields) after about `step` units of work, so that a
 * caller on the main thread can spread a megabyte-sized comparison over several short tasks. The loops run in
 * plain functions over chunks of `step` (a loop that may yield at every iteration runs several times slower).
 */
export function* diffBoundariesStepwise(
  encodings: readonly Encoding[],
  step = 1 << 16,
): Generator<void, BoundaryDiff> {
  const unsharedEnds = encodings.map((encoding) => new Uint8Array(encoding.ids.length));
  if (encodings.length === 0) return { shared: 0, unshared: 0, unsharedEnds, counts: new Uint16Array(1) };
  const length = encodings[0]!.inputByteLength;
  if (encodings.some((encoding) => encoding.inputByteLength !== length)) {
    throw new Error("diffBoundaries: the encodings are of different texts");
  }
  const lanes = encodings.length;
  const chunk = Math.max(1, Math.min(step, 2 ** 31));
  const counts = new Uint16Array(length + 1);
  for (const encoding of encodings) {
    let previous = 0;
    for (let from = 0; from < encoding.ends.length; from += chunk) {
      previous = countEnds(
        encoding.ends,
        from,
        Math.min(encoding.ends.length, from + chunk),
        length,
        counts,
        previous,
      );
      yield;
    }
  }
  let shared = 0;
  let unshared = 0;
  for (let from = 1; from < length; from += chunk) {
    const [chunkShared, chunkUnshared] = tally(
      counts,
      from,
      Math.min(length, from + chunk) - 1,
      length,
      lanes,
    );
    shared += chunkShared;
    unshared += chunkUnshared;
    yield;
  }
  for (let lane = 0; lane < lanes; lane++) {
    const ends = encodings[lane]!.ends;
    for (let from = 0; from < ends.length; from += chunk) {
      markUnshared(
        ends,
        from,
        Math.min(ends.length, from + chunk),
        length,
        counts,
        lanes,
        unsharedEnds[lane]!,
      );
      yield;
    }
  }
  return { shared, unshared, unsharedEnds, counts };
}

/** Counts the boundaries of tokens `from`–`to` (a zero-width token adds none); returns the last end seen. */
function countEnds(
  ends: Uint32Array,
  from: number,
  to: number,
  length: number,
  counts: Uint16Array,
  previous: number,
): number {
  for (let i = from; i < to; i++) {
    const end = ends[i]!;
    if (end > previous) {
      if (end < length) counts[end]!++;
      previous = end;
    }
  }
  return previous;
}

/** Marks tokens `from`–`to` whose end is a boundary that not every lane has. */
function markUnshared(
  ends: Uint32Array,
  from: number,
  to: number,
  length: number,
  counts: Uint16Array,
  lanes: number,
  marks: Uint8Array,
): void {
  for (let i = from; i < to; i++) {
    const end = ends[i]!;
    if (end > 0 && end < length && counts[end] !== lanes) marks[i] = 1;
  }
}

/**
 * What an encoding kept of an earlier one of the same lane (an edit's splice or patch): the first `head` tokens
 * of `from` as they were, and its tokens from `tailFrom` on moved by `tailBytes`.
 */
export interface EncodingEdit {
  from: Encoding;
  head: number;
  tailFrom: number;
  tailBytes: number;
}

/** First index whose value is > `value` in a non-decreasing array. */
function upperBound(values: Uint32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How offsets `from`–`to` inclusive (internal ones only: 1 to length − 1) count towards the shared and unshared totals. */
function tally(
  counts: Uint16Array,
  from: number,
  to: number,
  length: number,
  lanes: number,
): [number, number] {
  let shared = 0;
  let unshared = 0;
  for (let offset = Math.max(1, from); offset <= Math.min(to, length - 1); offset++) {
    const count = counts[offset]!;
    if (count === lanes) shared++;
    else if (count > 0) unshared++;
  }
  return [shared, unshared];
}

/**
 * {@link diffBoundaries} of `encodings` from the diff of the encodings they were edited from, in time
 * proportional to the edited bytes (plus native copies of the rest): every lane keeps its boundaries up to its
 * head and, moved, from its tail on, so only the bytes between the lowest head and the highest tail are counted
 * again. Null when some lane was not edited from the encoding `previous` compared (then diff them whole).
 */
export function updateBoundaryDiff(
  previous: { diff: BoundaryDiff; encodings: readonly Encoding[] },
  encodings: readonly Encoding[],
  edits: readonly (EncodingEdit | undefined)[],
): BoundaryDiff | null {
  const lanes = encodings.length;
  if (lanes === 0 || previous.encodings.length !== lanes) return null;
  const oldLength = previous.encodings[0]!.inputByteLength;
  const length = encodings[0]!.inputByteLength;
  const shift = length - oldLength;
  if (previous.diff.counts.length !== oldLength + 1) return null; // a diff that did not keep its counts
  // The bytes (lo, hiOld] of the old text, (lo, hiNew] of the new, hold every boundary an edit may have changed.
  let lo = Infinity;
  let hiOld = -Infinity;
  for (let lane = 0; lane < lanes; lane++) {
    const edit = edits[lane];
    const old = previous.encodings[lane]!;
    if (!edit || edit.from !== old || edit.tailBytes !== shift || encodings[lane]!.inputByteLength !== length)
      return null;
    lo = Math.min(lo, edit.head > 0 ? old.ends[edit.head - 1]! : 0);
    hiOld = Math.max(hiOld, edit.tailFrom < old.ids.length ? old.starts[edit.tailFrom]! : oldLength);
  }
  const hiNew = hiOld + shift;
  const old = previous.diff.counts;
  const counts = new Uint16Array(length + 1);
  counts.set(old.subarray(0, lo + 1));
  counts.set(old.subarray(hiOld + 1), hiNew + 1);
  encodings.forEach((encoding) =>
    countEnds(
      encoding.ends,
      upperBound(encoding.ends, lo),
      upperBound(encoding.ends, hiNew),
      length,
      counts,
      lo,
    ),
  );
  const [oldShared, oldUnshared] = tally(old, lo + 1, hiOld, oldLength, lanes);
  const [newShared, newUnshared] = tally(counts, lo + 1, hiNew, length, lanes);
  const unsharedEnds = encodings.map((encoding, lane) => {
    // Marks are copied for the lane's own head and tail tokens that end outside the region (their counts are
    // unchanged), and drawn again for every other token.
    const edit = edits[lane]!;
    const oldMarks = previous.diff.unsharedEnds[lane]!;
    const count = encoding.ids.length;
    const first = Math.min(upperBound(encoding.ends, lo), edit.head);
    const last = Math.max(upperBound(encoding.ends, hiNew), count - (oldMarks.length - edit.tailFrom));
    const marks = new Uint8Array(count);
    marks.set(oldMarks.subarray(0, first));
    marks.set(oldMarks.subarray(last - count + oldMarks.length), last);
    markUnshared(encoding.ends, first, last, length, counts, lanes, marks);
    return marks;
  });
  return {
    shared: previous.diff.shared - oldShared + newShared,
    unshared: previous.diff.unshared - oldUnshared + newUnshared,
    unsharedEnds,
    counts,
  };
}

/**
 * Compares the token boundaries of several encodings of the same text. A boundary is a byte offset where
 * a token ends, other than the end of the text; zero-width tokens add no boundary of their own.
 */
export function diffBoundaries(encodings: readonly Encoding[]): BoundaryDiff {
  const steps = diffBoundariesStepwise(encodings, Infinity);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
