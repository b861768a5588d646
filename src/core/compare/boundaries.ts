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
 * Compares the token boundaries of several encodings of the same text. A boundary is a byte offset where
 * a token ends, other than the end of the text; zero-width tokens add no boundary of their own.
 */
export function diffBoundaries(encodings: readonly Encoding[]): BoundaryDiff {
  const unsharedEnds = encodings.map((encoding) => new Uint8Array(encoding.ids.length));
  if (encodings.length === 0) return { shared: 0, unshared: 0, unsharedEnds };
  const length = encodings[0]!.inputByteLength;
  if (encodings.some((encoding) => encoding.inputByteLength !== length)) {
    throw new Error("diffBoundaries: the encodings are of different texts");
  }
  const counts = new Uint16Array(length + 1);
  for (const encoding of encodings) {
    let previous = 0;
    for (const end of encoding.ends) {
      if (end > previous && end < length) counts[end]!++;
      previous = Math.max(previous, end);
    }
  }
  const lanes = encodings.length;
  let shared = 0;
  let unshared = 0;
  for (let offset = 1; offset < length; offset++) {
    const count = counts[offset]!;
    if (count === lanes) shared++;
    else if (count > 0) unshared++;
  }
  encodings.forEach((encoding, lane) => {
    const marks = unsharedEnds[lane]!;
    encoding.ends.forEach((end, i) => {
      if (end > 0 && end < length && counts[end] !== lanes) marks[i] = 1;
    });
  });
  return { shared, unshared, unsharedEnds };
}
