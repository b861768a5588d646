import type { Encoding } from "../tokenizers/types";

/** Which token boundaries the lanes agree on. */
export interface BoundaryDiff {
  /** Internal boundaries (byte offsets strictly inside the text) every lane has. */
  shared: number;
  /** Internal boundaries some lanes have and others do not. */
  unshared: number;
  /** Per lane, per token: 1 when the boundary at the token's end is not shared by every lane. */
  unsharedEnds: Uint8Array[];
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
  if (encodings.length === 0) return { shared: 0, unshared: 0, unsharedEnds };
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
    const to = Math.min(length, from + chunk);
    for (let offset = from; offset < to; offset++) {
      const count = counts[offset]!;
      if (count === lanes) shared++;
      else if (count > 0) unshared++;
    }
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
  return { shared, unshared, unsharedEnds };
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
