import { isGraphemeBoundary } from "../text/graphemes";
import type { Encoding } from "./types";

/**
 * Cuts a lane into blocks of consecutive tokens for windowed rendering. A block ends after a token that
 * ends a line, or once it holds `maxTokens` tokens; it never ends between tokens that share a character
 * or a grapheme cluster.
 * Returns the index of each block's first token, plus the token count as a final sentinel.
 */
export function tokenBlocks(text: string, encoding: Encoding, maxTokens = 300): Uint32Array {
  const count = encoding.ids.length;
  const starts: number[] = [0];
  let size = 0;
  for (let i = 0; i < count; i++) {
    size++;
    const end = encoding.utf16Ends[i]!;
    const next = i + 1 < count ? encoding.utf16Starts[i + 1]! : Infinity;
    const canCut = next >= end && i + 1 < count;
    const lineEnd = text.charCodeAt(end - 1) === 10;
    if (canCut && (lineEnd || (size >= maxTokens && isGraphemeBoundary(text, end)))) {
      starts.push(i + 1);
      size = 0;
    }
  }
  if (count === 0) return Uint32Array.of(0);
  starts.push(count);
  return Uint32Array.from(starts);
}

/** The block that holds a token (binary search over the block starts). */
export function blockOfToken(blocks: Uint32Array, token: number): number {
  let low = 0;
  let high = blocks.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid]! <= token) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The token whose byte span contains `byte` (the first such token), by binary search over the ends. */
export function tokenAtByte(encoding: Encoding, byte: number): number {
  let low = 0;
  let high = encoding.ids.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (encoding.ends[mid]! <= byte) low = mid + 1;
    else high = mid;
  }
  return low;
}
