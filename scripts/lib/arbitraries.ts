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
