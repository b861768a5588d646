import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { readDeclarations } from "../../../scripts/lib/udhr-text";
import {
  countGraphemes,
  forEachGraphemeEnd,
  GRAPHEME_SIMPLE_RANGES,
  graphemeBoundaries,
  graphemes,
  wordSegments,
} from "./graphemes";

const whole = (granularity: "grapheme" | "word", text: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity }).segment(text), (s) => [
    s.index,
    s.segment,
    s.isWordLike,
  ]);

describe("chunked segmentation", () => {
  it("equals Intl.Segmenter over the whole text (graphemes and words)", () => {
    const long = fc.array(hardUnicode(), { minLength: 50, maxLength: 400 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(long, (text) => {
        expect(Array.from(graphemes(text), (s) => [s.index, s.segment, s.isWordLike])).toEqual(
          whole("grapheme", text),
        );
        expect(Array.from(wordSegments(text), (s) => [s.index, s.segment, s.isWordLike])).toEqual(
          whole("word", text),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("does not cut a chunk between a Prepend character outside the BMP and the space it holds on to", () => {
    // The chunk's end is looked for from unit 2048: here the space there follows U+110BD (a surrogate pair).
    const text = `${"x".repeat(2046)}\u{110BD} ${"y ".repeat(1500)}`;
    expect(Array.from(graphemes(text), (s) => [s.index, s.segment])).toEqual(
      whole("grapheme", text).map(([index, segment]) => [index, segment]),
    );
  });

  it("never hands Intl.Segmenter a long string (V8 slows down badly on those)", () => {
    const text = readDeclarations()
      .map((d) => d.text.slice(0, 2500))
      .join("\n")
      .slice(0, 300_000);
    const lengths: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    Intl.Segmenter.prototype.segment = function (input: string) {
      lengths.push(input.length);
      return original.call(this, input);
    };
    try {
      let count = 0;
      for (const segment of graphemes(text)) count += segment.segment.length;
      expect(count).toBe(text.length);
    } finally {
      Intl.Segmenter.prototype.segment = original;
    }
    expect(Math.max(...lengths)).toBeLessThanOrEqual(5 * 2048);
  });
});

describe("countGraphemes", () => {
  const clusters = (t: string) =>
    [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(t)].length;
  const simpleChar = fc
    .constantFrom(...GRAPHEME_SIMPLE_RANGES)
    .chain(([from, to]) => fc.integer({ min: from, max: to }))
    .map((code) => String.fromCharCode(code));

  it("gives the clusters of Intl.Segmenter (their ends, their number) on random text, ASCII-heavy or not", () => {
    const ascii = fc.string({ unit: "grapheme-ascii", maxLength: 20 });
    const text = fc
      .array(
        fc.oneof(
          ascii,
          fc.string({ unit: simpleChar, maxLength: 12 }),
          fc.string({ unit: "grapheme", maxLength: 4 }),
          hardUnicode(),
          fc.constantFrom(
            "\r\n",
            "\r",
            "\n",
            "\u0085",
            "\u00ad",
            "e\u0301",
            "\u0600a",
            "\u06dd",
            "\u{110BD}a",
            "\u{111C2} ",
            "\u0915\u094d\u0937",
            "\u1100\u1161\u11a8",
            "\uac00\u11a8",
            "\u200d",
            "\u0903",
            "\u3099",
            "\uff9e",
            "👨‍👩‍👧",
            "🇫🇷🇩🇪",
            "1\ufe0f\u20e3",
          ),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const ends: number[] = [];
        forEachGraphemeEnd(t, (end) => ends.push(end));
        const expected = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(t)].map(
          (s) => s.index + s.segment.length,
        );
        expect(ends).toEqual(expected);
        expect(countGraphemes(t)).toBe(clusters(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes as simple only characters that no grapheme rule looks at, one by one (every code point of the ranges)", () => {
    // Not Prepend (c + "a" joins), not Extend / ZWJ / SpacingMark ("a" + c joins), not Control (a combining
    // accent does not attach to it), not a jamo or regional indicator (c + c joins): then GB999 decides every
    // boundary between two of them, which is what the shortcut assumes.
    const wrong: string[] = [];
    for (const [from, to] of GRAPHEME_SIMPLE_RANGES)
      for (let code = from; code <= to; code++) {
        const c = String.fromCharCode(code);
        if (
          clusters(c + "a") !== 2 ||
          clusters("a" + c) !== 2 ||
          clusters(c + "\u0301") !== 1 ||
          clusters(c + c) !== 2
        )
          wrong.push(code.toString(16));
      }
    expect(wrong).toEqual([]);
  });

  it("equals the chunked segmentation on UDHR declarations of every script", () => {
    // graphemes() (chunked, equal to one Intl.Segmenter pass above): a whole declaration in one pass is slow.
    // Every third declaration and the first 4,000 characters of each keep it to a few seconds.
    const count = (text: string) => {
      const segments = graphemes(text)[Symbol.iterator]();
      let n = 0;
      while (!segments.next().done) n++;
      return n;
    };
    for (const d of readDeclarations().filter((_, i) => i % 3 === 0)) {
      const text = d.text.slice(0, 4000);
      expect([d.lang, countGraphemes(text)]).toEqual([d.lang, count(text)]);
    }
  });
});

describe("graphemeBoundaries", () => {
  it("equals Intl.Segmenter on the slice, with the ASCII shortcut, on random mixed text and any slice", () => {
    const ascii = fc.string({ unit: "grapheme-ascii", maxLength: 20 });
    const text = fc
      .array(
        fc.oneof(
          ascii,
          hardUnicode(),
          fc.string({ unit: "grapheme", maxLength: 4 }),
          fc.constantFrom(
            "\r\n",
            "\r",
            "\n",
            "e\u0301",
            "\u0600a",
            "\u0600\u0600b",
            "\u{110BD}a",
            "\u{111C2} x",
            "a\u200d",
            "1\ufe0f\u20e3",
            "👨‍👩‍👧",
            "🇫🇷",
          ),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const start = t.length === 0 ? 0 : a % (t.length + 1);
        const end = start + (t.length - start === 0 ? 0 : b % (t.length - start + 1));
        const expected = new Set([end, ...[...graphemes(t.slice(start, end))].map((s) => start + s.index)]);
        expect([...graphemeBoundaries(t, start, end)].sort((x, y) => x - y)).toEqual(
          [...expected].sort((x, y) => x - y),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
