import { graphemes, wordSegments } from "./graphemes";
import { utf8ByteLength } from "./utf8";

/** One line's grapheme clusters and word-like segments, as UTF-8 byte offsets from the line's start. */
export interface LineSegments {
  /** UTF-8 length of the line. */
  bytes: number;
  graphemeStarts: Uint32Array;
  wordStarts: Uint32Array;
  wordEnds: Uint32Array;
}

function segmentLine(line: string): LineSegments {
  const graphemeStarts: number[] = [];
  let byte = 0;
  for (const { segment } of graphemes(line)) {
    graphemeStarts.push(byte);
    byte += utf8ByteLength(segment);
  }
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  byte = 0;
  for (const { segment, isWordLike } of wordSegments(line)) {
    const length = utf8ByteLength(segment);
    if (isWordLike) {
      wordStarts.push(byte);
      wordEnds.push(byte + length);
    }
    byte += length;
  }
  return {
    bytes: byte,
    graphemeStarts: Uint32Array.from(graphemeStarts),
    wordStarts: Uint32Array.from(wordStarts),
    wordEnds: Uint32Array.from(wordEnds),
  };
}

/** Lines remembered (most recently used kept); a typed keystroke changes one line, so the others are not segmented again. */
const CACHE_LINES = 50_000;
/** Longer lines are segmented every time (remembering them would hold megabytes for one line). */
const CACHE_LINE_CHARS = 4096;
const cache = new Map<string, LineSegments>();

/**
 * Segments a text line by line, each line ending after its `\n` (so `\r\n` stays in one line). Grapheme clusters
 * and words never cross the end of a line (UAX #29 breaks after every LF: rules GB4 and WB3a), so this equals
 * segmenting the whole text; lines seen recently come from a cache. Calls `visit` with each line's segments and
 * the byte offset where the line starts.
 */
export function forEachLineSegments(
  text: string,
  visit: (segments: LineSegments, byteStart: number) => void,
): void {
  let start = 0;
  let byte = 0;
  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    let segments = cache.get(line);
    if (segments) {
      cache.delete(line); // re-inserted below: most recently used last
    } else segments = segmentLine(line);
    if (line.length <= CACHE_LINE_CHARS) {
      cache.set(line, segments);
      if (cache.size > CACHE_LINES) cache.delete(cache.keys().next().value!);
    }
    visit(segments, byte);
    byte += segments.bytes;
    start = end;
  }
}
