import { toWellFormed } from "../text/well-formed";
import { codePointUtf8Length } from "../text/utf8";

/** One code point of a scored text, with the mean surprisal of its UTF-8 bytes. */
export interface CharCost {
  utf16Start: number;
  utf16End: number;
  byteStart: number;
  byteEnd: number;
  /** Mean bits per byte over the character's bytes. */
  meanBits: number;
}

/**
 * The longest prefix of `text` (whole code points) whose UTF-8 encoding has at most `maxBytes` bytes,
 * lone surrogates counted as U+FFFD (3 bytes).
 */
export function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  for (const ch of toWellFormed(text)) {
    const n = codePointUtf8Length(ch.codePointAt(0)!);
    if (bytes + n > maxBytes) break;
    bytes += n;
    i += ch.length;
  }
  return text.slice(0, i);
}

/** Per code point of `text`, the mean of `bits` over its bytes (`bits` has one entry per UTF-8 byte). */
export function charCosts(text: string, bits: ArrayLike<number>): CharCost[] {
  const out: CharCost[] = [];
  let utf16 = 0;
  let byte = 0;
  for (const ch of toWellFormed(text)) {
    const n = codePointUtf8Length(ch.codePointAt(0)!);
    let sum = 0;
    for (let b = byte; b < byte + n; b++) sum += bits[b] ?? NaN;
    out.push({
      utf16Start: utf16,
      utf16End: utf16 + ch.length,
      byteStart: byte,
      byteEnd: byte + n,
      meanBits: sum / n,
    });
    utf16 += ch.length;
    byte += n;
  }
  return out;
}

/** The bits of every token: the sum of the per-byte bits over the token's byte span `[starts[i], ends[i])`. */
export function tokenCosts(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  bits: ArrayLike<number>,
): Float64Array {
  // Prefix sums make each token O(1), and overlapping or zero-width spans need no special case.
  const prefix = new Float64Array(bits.length + 1);
  for (let i = 0; i < bits.length; i++) prefix[i + 1] = prefix[i]! + bits[i]!;
  const costs = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const start = Math.min(bits.length, starts[i]!);
    const end = Math.min(bits.length, ends[i]!);
    costs[i] = end > start ? prefix[end]! - prefix[start]! : 0;
  }
  return costs;
}
