import fc from "fast-check";
import { HARD_STRINGS } from "./hard-strings";

const PIECES = [
  "👨‍👩‍👧",
  "🇫🇷",
  "e\u0301",
  "\u0301",
  "中文",
  "ไทย",
  "عربى",
  "\r\n",
  "\r",
  "\n",
  "\t",
  " ",
  "  ",
  "\u00a0",
  "\uD800",
  "\uDFFF",
  "\u0000",
  "\uFEFF",
  "\u0085",
  "\u2028",
  "'s",
  "'S",
  "'ſ",
  "'ll",
  "<|endoftext|>",
  "<s>",
  "1234567",
  "    ",
  "ſ",
  "ﬁ",
  "Ａ",
  "▁",
  "Ġ",
  "\u200d",
  "ß",
  "İ",
  "Σ",
];

/** Random Unicode made of hard pieces, arbitrary code points (lone surrogates included) and runs. */
export function hardUnicode(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 8 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,12}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[ \n]{1,10}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...HARD_STRINGS) },
  );
  return fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
}

/**
 * Code points that normalization changes or reorders: compatibility characters (ligatures, full-width, circled,
 * fractions, superscripts), canonical singletons, composition exclusions, Hangul syllables and jamo, characters
 * that decompose into non-starters, and combining marks of many classes — so that runs compose, reorder and block.
 */
const NORMALIZATION_POOL = [
  ...[0xfb00, 0xfb01, 0xfb02, 0xfb03, 0xfb04, 0xfb05, 0xfb06, 0xff21, 0xff41, 0xff10, 0x2460, 0x2474, 0x00bd],
  ...[0x2153, 0x00b2, 0x2075, 0x3392, 0x33ff, 0x1e9b, 0x017f, 0x01c4, 0x0132, 0x2126, 0x212b, 0x212a, 0x0340],
  ...[0x0344, 0x0374, 0x037e, 0x0387, 0x0958, 0x095f, 0x09dc, 0x09df, 0x0a33, 0x0f43, 0x0f73, 0x0f75, 0x0f81],
  ...[0x1f80, 0x1fb4, 0x1e0a, 0x1ea0, 0x1ec7, 0x00e9, 0x00c5, 0x01fa, 0xac00, 0xac01, 0xd7a3, 0x1100, 0x1161],
  ...[0x11a8, 0x3131, 0xffa1, 0xff76, 0xff9e, 0x304b, 0x3099, 0x309b, 0x0301, 0x0300, 0x0323, 0x0308, 0x0327],
  ...[0x0345, 0x0328, 0x031b, 0x05b0, 0x05bc, 0x0591, 0x064b, 0x0651, 0x0670, 0x093c, 0x094d, 0x09bc, 0x09be],
  ...[0x09c7, 0x09d7, 0x0b47, 0x0b3e, 0x0b56, 0x0c55, 0x0c56, 0x0cbf, 0x0cd5, 0x0e38, 0x0e48, 0x0f71, 0x0f72],
  ...[
    0x0f74, 0x0f80, 0x1dc0, 0x20d0, 0x20e3, 0x302a, 0x302f, 0x1d15e, 0x1d165, 0x1d16d, 0x0061, 0x0041, 0x0065,
  ],
  ...[0x006f, 0x0075, 0x03b1, 0x03c9, 0x0915, 0x0995, 0x0b15, 0x0020, 0x00a0, 0x2002, 0x3000, 0xfe50, 0x2024],
].map((code) => String.fromCodePoint(code));

/** Random text made mostly of {@link NORMALIZATION_POOL}, with some arbitrary code points. */
export function normalizationHeavyUnicode(): fc.Arbitrary<string> {
  const char = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...NORMALIZATION_POOL) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  );
  return fc.array(char, { maxLength: 16 }).map((chars) => chars.join(""));
}
