import { TokenFlag, tokenBytesAt, type Encoding } from "../../src/core/tokenizers/types";
import { utf8Encode } from "../../src/core/text/utf8";

/**
 * Everything that must hold for any encoding of `text`; returns the first violation, or null.
 * Spans are contiguous, non-overlapping and cover the input; a token whose own bytes differ from the input
 * bytes it covers is flagged Normalized; partial-character flags and UTF-16 ranges agree with the bytes.
 */
export function encodingViolation(text: string, encoding: Encoding): string | null {
  const input = utf8Encode(text);
  const n = encoding.ids.length;
  if (encoding.inputByteLength !== input.length)
    return `inputByteLength ${encoding.inputByteLength} ≠ ${input.length}`;
  for (const array of [
    encoding.starts,
    encoding.ends,
    encoding.utf16Starts,
    encoding.utf16Ends,
    encoding.flags,
  ]) {
    if (array.length !== n) return "arrays of different lengths";
  }
  if (encoding.tokenByteOffsets.length !== n + 1) return "tokenByteOffsets must have n + 1 entries";
  if (n === 0) return input.length === 0 || encoding.notes.length > 0 ? null : "no tokens for non-empty text";
  if (encoding.starts[0] !== 0) return "first token does not start at byte 0";
  if (encoding.ends[n - 1] !== input.length)
    return `last token ends at ${encoding.ends[n - 1]}, not ${input.length}`;
  let normalizedSeen = false;
  for (let i = 0; i < n; i++) {
    const start = encoding.starts[i]!;
    const end = encoding.ends[i]!;
    if (end < start) return `token ${i} ends before it starts`;
    if (i > 0 && start !== encoding.ends[i - 1]) return `gap or overlap before token ${i}`;
    const own = tokenBytesAt(encoding, i);
    const covered = input.subarray(start, end);
    const same = own.length === covered.length && own.every((b, k) => b === covered[k]);
    const flagged = (encoding.flags[i]! & TokenFlag.Normalized) !== 0;
    if (!same && !flagged) return `token ${i} bytes differ from the input but it is not flagged Normalized`;
    if (same && flagged) return `token ${i} is flagged Normalized but its bytes are the input's`;
    normalizedSeen ||= flagged;
    const midStart = start < end && start < input.length && (input[start]! & 0xc0) === 0x80;
    const midEnd = start < end && end < input.length && (input[end]! & 0xc0) === 0x80;
    if (midStart !== ((encoding.flags[i]! & TokenFlag.PartialStart) !== 0))
      return `token ${i} PartialStart flag wrong`;
    if (midEnd !== ((encoding.flags[i]! & TokenFlag.PartialEnd) !== 0))
      return `token ${i} PartialEnd flag wrong`;
    const u16s = encoding.utf16Starts[i]!;
    const u16e = encoding.utf16Ends[i]!;
    if (u16s > u16e || u16e > text.length) return `token ${i} UTF-16 range out of order`;
    if (i > 0 && u16s < encoding.utf16Starts[i - 1]!) return `token ${i} UTF-16 start decreases`;
    if (end > start && utf8Encode(text.slice(0, u16s)).length > start)
      return `token ${i} highlight starts after its bytes`;
    if (end > start && utf8Encode(text.slice(0, u16e)).length < end)
      return `token ${i} highlight ends before its bytes`;
  }
  if (!normalizedSeen) {
    const all = encoding.tokenBytes.subarray(0, encoding.tokenByteOffsets[n]);
    if (all.length !== input.length || !all.every((b, k) => b === input[k]))
      return "token bytes do not concatenate to the input";
  }
  return null;
}
