import type { Encoding } from "./types";

/** A run of text drawn as one piece: one token, or several tokens that share a character. */
export interface TokenSegment {
  utf16Start: number;
  utf16End: number;
  /** Index of the first token in the segment. */
  firstToken: number;
  /** Index of the last token in the segment (equal to firstToken unless tokens share a character). */
  lastToken: number;
}

/**
 * Groups tokens so that every character is drawn once, whole: tokens whose highlight ranges overlap
 * (a multi-byte character split between byte-level or byte-fallback tokens) become one segment, and so
 * do tokens that split a grapheme cluster when `boundaries` (grapheme starts) is given — a Devanagari
 * vowel sign or an emoji modifier cannot be drawn apart from its base. Zero-width tokens join the segment
 * they sit in. Segments are in text order and do not overlap.
 */
export function tokenSegments(
  encoding: Encoding,
  fromToken = 0,
  toToken = encoding.ids.length,
  boundaries?: ReadonlySet<number>,
): TokenSegment[] {
  const segments: TokenSegment[] = [];
  let current: TokenSegment | undefined;
  for (let i = fromToken; i < toToken; i++) {
    const start = encoding.utf16Starts[i]!;
    const end = encoding.utf16Ends[i]!;
    const splitsGrapheme =
      boundaries !== undefined && current !== undefined && !boundaries.has(current.utf16End);
    if (
      current &&
      (start < current.utf16End || (start === end && start === current.utf16End) || splitsGrapheme)
    ) {
      current.utf16End = Math.max(current.utf16End, end);
      current.lastToken = i;
      continue;
    }
    current = { utf16Start: start, utf16End: end, firstToken: i, lastToken: i };
    segments.push(current);
  }
  return segments;
}
