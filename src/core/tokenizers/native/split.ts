import { utf8ByteLength } from "../../text/utf8";
import { sliceAligned, type AlignedText } from "./aligned-text";

/** What becomes of the matched parts when a text is split (the Rust library's `SplitDelimiterBehavior`). */
export type SplitBehavior = "Removed" | "Isolated" | "MergedWithPrevious" | "MergedWithNext" | "Contiguous";

export const SPLIT_BEHAVIORS: readonly SplitBehavior[] = [
  "Removed",
  "Isolated",
  "MergedWithPrevious",
  "MergedWithNext",
  "Contiguous",
];

/** A part of a text in UTF-16 units, and whether the pattern matched it. */
interface Part {
  start: number;
  end: number;
  match: boolean;
}

/** Cuts `text` into alternating non-matching and matching parts from match ranges (sorted, non-overlapping). */
function partsOf(length: number, matches: Iterable<[number, number]>, invert: boolean): Part[] {
  const parts: Part[] = [];
  let previous = 0;
  for (const [start, end] of matches) {
    if (start > previous) parts.push({ start: previous, end: start, match: invert });
    parts.push({ start, end, match: !invert });
    previous = end;
  }
  if (previous < length) parts.push({ start: previous, end: length, match: invert });
  return parts;
}

/** Applies a behavior: which parts are kept and which are merged (as the Rust library's `split` does). */
function applyBehavior(parts: Part[], behavior: SplitBehavior): Part[] {
  switch (behavior) {
    case "Isolated":
      return parts;
    case "Removed":
      return parts.filter((part) => !part.match);
    case "MergedWithPrevious": {
      const out: Part[] = [];
      let previousMatch = false;
      for (const part of parts) {
        const last = out[out.length - 1];
        if (part.match && !previousMatch && last) last.end = part.end;
        else out.push({ ...part });
        previousMatch = part.match;
      }
      return out;
    }
    case "MergedWithNext": {
      const out: Part[] = [];
      let previousMatch = false;
      for (let i = parts.length - 1; i >= 0; i--) {
        const part = parts[i]!;
        const last = out[out.length - 1];
        if (part.match && !previousMatch && last) last.start = part.start;
        else out.push({ ...part });
        previousMatch = part.match;
      }
      return out.reverse();
    }
    case "Contiguous": {
      const out: Part[] = [];
      let previousMatch = false;
      for (const part of parts) {
        const last = out[out.length - 1];
        if (part.match === previousMatch && last) last.end = part.end;
        else out.push({ ...part });
        previousMatch = part.match;
      }
      return out;
    }
  }
}

/**
 * Splits an aligned text at the given match ranges (UTF-16 units) with a behavior, dropping empty parts,
 * and appends the pieces to `out`.
 */
export function splitAligned(
  piece: AlignedText,
  matches: Iterable<[number, number]>,
  behavior: SplitBehavior,
  invert: boolean,
  out: AlignedText[],
): void {
  const parts = applyBehavior(partsOf(piece.text.length, matches, invert), behavior);
  let unit = 0;
  let byte = 0;
  for (const part of parts) {
    if (part.start > unit) {
      byte += utf8ByteLength(piece.text, unit, part.start);
      unit = part.start;
    }
    if (part.end <= part.start) continue;
    const { slice, bytes } = sliceAligned(piece, part.start, part.end, byte);
    out.push(slice);
    byte += bytes;
    unit = part.end;
  }
}

/** Non-empty match ranges of a global RegExp. */
export function* regexMatches(text: string, regex: RegExp): Generator<[number, number]> {
  regex.lastIndex = 0;
  for (const match of text.matchAll(regex)) {
    if (match[0].length > 0) yield [match.index, match.index + match[0].length];
  }
}

/** Ranges of every occurrence of a literal string, left to right, non-overlapping. */
export function* stringMatches(text: string, literal: string): Generator<[number, number]> {
  if (literal === "") return;
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length))
    yield [at, at + literal.length];
}

/** The range of every code point that satisfies a predicate, each on its own. */
export function* codePointsWhere(text: string, test: (char: string) => boolean): Generator<[number, number]> {
  for (let i = 0; i < text.length;) {
    const units = text.codePointAt(i)! > 0xffff ? 2 : 1;
    if (test(units === 2 ? text.slice(i, i + 2) : text[i]!)) yield [i, i + units];
    i += units;
  }
}
