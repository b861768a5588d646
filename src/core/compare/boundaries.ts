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
 * caller on the main thread can spread a megabyte-sized comparison over several short tasks.
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
  const counts = new Uint16Array(length + 1);
  let work = 0;
  for (const encoding of encodings) {
    const ends = encoding.ends;
    let previous = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      if (end > previous && end < length) counts[end]!++;
      if (end > previous) previous = end;
      if (++work >= step) {
        work = 0;
        yield;
      }
    }
  }
  let shared = 0;
  let unshared = 0;
  for (let offset = 1; offset < length; offset++) {
    const count = counts[offset]!;
    if (count === lanes) shared++;
    else if (count > 0) unshared++;
    if (++work >= step) {
      work = 0;
      yield;
    }
  }
  for (let lane = 0; lane < lanes; lane++) {
    const ends = encodings[lane]!.ends;
    const marks = unsharedEnds[lane]!;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      if (end > 0 && end < length && counts[end] !== lanes) marks[i] = 1;
      if (++work >= step) {
        work = 0;
        yield;
      }
    }
  }
  return { shared, unshared, unsharedEnds };
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
