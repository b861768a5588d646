import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { readDeclarations } from "../../../scripts/lib/udhr-text";
import { forEachLineSegments } from "./line-segments";
import { toWellFormed } from "./well-formed";

/** The reference: Intl.Segmenter over the whole text at once. */
function wholeText(text: string) {
  const encoder = new TextEncoder();
  const graphemes: number[] = [];
  let byte = 0;
  for (const { segment } of new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)) {
    graphemes.push(byte);
    byte += encoder.encode(segment).length;
  }
  const words: [number, number][] = [];
  byte = 0;
  for (const { segment, isWordLike } of new Intl.Segmenter("en", { granularity: "word" }).segment(text)) {
    const length = encoder.encode(segment).length;
    if (isWordLike) words.push([byte, byte + length]);
    byte += length;
  }
  return { graphemes, words };
}

function lineByLine(text: string) {
  const graphemes: number[] = [];
  const words: [number, number][] = [];
  forEachLineSegments(text, (segments, base) => {
    for (const start of segments.graphemeStarts) graphemes.push(base + start);
    segments.wordStarts.forEach((start, i) => words.push([base + start, base + segments.wordEnds[i]!]));
  });
  return { graphemes, words };
}

describe("forEachLineSegments", () => {
  it("equals segmenting the whole text at once, on every UDHR declaration", () => {
    for (const declaration of readDeclarations().filter((_, i) => i % 5 === 0)) {
      const text = declaration.text.slice(0, 3000);
      expect(lineByLine(text), declaration.code).toEqual(wholeText(text));
    }
  });

  it("equals segmenting the whole text at once on random text with line ends of every kind", () => {
    const lineEnds = fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\u2028", "\u0085");
    const text = fc
      .array(fc.oneof(hardUnicode(), lineEnds), { maxLength: 12 })
      .map((parts) => toWellFormed(parts.join("")));
    fc.assert(
      fc.property(text, (t) => {
        // Twice: the second pass is served from the cache.
        expect(lineByLine(t)).toEqual(wholeText(t));
        expect(lineByLine(t)).toEqual(wholeText(t));
      }),
      { numRuns: 1500 },
    );
  });
});
