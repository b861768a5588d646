import { encodingArrays, sameTokenBytes, type Encoding } from "../types";
import { spliceTokens, type SpliceResult } from "./splice-encoding";

/**
 * How one encoding of a lane differs from the lane's previous one, so that a worker can send an edit's few new
 * tokens instead of the whole lane: the next encoding is the base's first `head` tokens, then `middle`, then the
 * base's tokens from `tailFrom` on, moved by `tailBytes` / `tailUnits`. Exact by construction: a token is kept
 * from the base only where every field of it (id, flags, byte and UTF-16 span after the move, its bytes) equals
 * the next encoding's.
 */
export interface EncodingPatch {
  head: number;
  tailFrom: number;
  tailBytes: number;
  tailUnits: number;
  /** The tokens between head and tail, at their positions in the new text. */
  middle: Encoding;
  inputByteLength: number;
  notes: string[];
}

/** Token `i` of `a` equals token `j` of `b` once `a`'s spans are moved by `bytes` / `units`. */
function sameToken(a: Encoding, i: number, b: Encoding, j: number, bytes: number, units: number): boolean {
  return (
    a.ids[i] === b.ids[j] &&
    a.flags[i] === b.flags[j] &&
    a.starts[i]! + bytes === b.starts[j] &&
    a.ends[i]! + bytes === b.ends[j] &&
    a.utf16Starts[i]! + units === b.utf16Starts[j] &&
    a.utf16Ends[i]! + units === b.utf16Ends[j] &&
    sameTokenBytes(a, i, b, j)
  );
}

/** Tokens `[from, to)` of an encoding, as an encoding of their own (positions unchanged, bytes from 0). */
export function tokenRange(encoding: Encoding, from: number, to: number): Encoding {
  const byteFrom = encoding.tokenByteOffsets[from]!;
  const byteTo = encoding.tokenByteOffsets[to]!;
  const arrays = encodingArrays(to - from, byteTo - byteFrom);
  arrays.ids.set(encoding.ids.subarray(from, to));
  arrays.starts.set(encoding.starts.subarray(from, to));
  arrays.ends.set(encoding.ends.subarray(from, to));
  arrays.utf16Starts.set(encoding.utf16Starts.subarray(from, to));
  arrays.utf16Ends.set(encoding.utf16Ends.subarray(from, to));
  arrays.flags.set(encoding.flags.subarray(from, to));
  arrays.tokenBytes.set(encoding.tokenBytes.subarray(byteFrom, byteTo));
  const offsets = arrays.tokenByteOffsets;
  offsets.set(encoding.tokenByteOffsets.subarray(from, to + 1));
  if (byteFrom !== 0) for (let k = 0; k < offsets.length; k++) offsets[k] = offsets[k]! - byteFrom;
  return {
    tokenizerId: encoding.tokenizerId,
    ...arrays,
    inputByteLength: encoding.inputByteLength,
    notes: [],
  };
}

/** A copy of an encoding whose buffers are its own (to transfer while the original is kept). */
export function copyEncoding(encoding: Encoding): Encoding {
  return { ...tokenRange(encoding, 0, encoding.ids.length), notes: encoding.notes };
}

/**
 * The patch that turns `base` into `next`: their longest common run of tokens at the start, and at the end (moved
 * by the difference in length), with the rest of `next` in between. O(tokens), no allocation beyond the middle.
 */
export function diffEncodings(base: Encoding, next: Encoding): EncodingPatch {
  const baseCount = base.ids.length;
  const nextCount = next.ids.length;
  const shortest = Math.min(baseCount, nextCount);
  let head = 0;
  while (head < shortest && sameToken(base, head, next, head, 0, 0)) head++;
  const tailBytes = next.inputByteLength - base.inputByteLength;
  // The text's change in UTF-16 units, read off the last tokens (a wrong guess only shortens the tail).
  const tailUnits =
    baseCount > 0 && nextCount > 0 ? next.utf16Ends[nextCount - 1]! - base.utf16Ends[baseCount - 1]! : 0;
  let tail = 0;
  while (
    tail < shortest - head &&
    sameToken(base, baseCount - 1 - tail, next, nextCount - 1 - tail, tailBytes, tailUnits)
  )
    tail++;
  return {
    head,
    tailFrom: baseCount - tail,
    tailBytes,
    tailUnits,
    middle: tokenRange(next, head, nextCount - tail),
    inputByteLength: next.inputByteLength,
    notes: next.notes,
  };
}

/**
 * The patch that turns `base` into `next` where `next` was spliced from `base` ({@link SpliceResult.reused}):
 * the splice already knows what it kept, so only the new tokens are copied (no pass over the whole encoding).
 */
export function patchFromSplice(next: Encoding, reused: NonNullable<SpliceResult["reused"]>): EncodingPatch {
  const tail = reused.from.ids.length - reused.tailFrom;
  return {
    head: reused.head,
    tailFrom: reused.tailFrom,
    tailBytes: reused.tailBytes,
    tailUnits: reused.tailUnits,
    middle: tokenRange(next, reused.head, next.ids.length - tail),
    inputByteLength: next.inputByteLength,
    notes: next.notes,
  };
}

/** The encoding a patch describes, built from its base (which is not modified). */
export function applyEncodingPatch(base: Encoding, patch: EncodingPatch): Encoding {
  if (patch.head > patch.tailFrom || patch.tailFrom > base.ids.length)
    throw new Error("applyEncodingPatch: the patch does not fit this encoding");
  const encoding = spliceTokens(
    base,
    patch.middle,
    { leftOld: patch.head, leftWindow: 0, rightWindow: patch.middle.ids.length, rightOld: patch.tailFrom },
    { windowBytes: 0, windowUnits: 0, tailBytes: patch.tailBytes, tailUnits: patch.tailUnits },
    patch.inputByteLength,
  );
  encoding.notes = patch.notes;
  return encoding;
}
