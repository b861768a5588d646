import { utf8ByteLength } from "../text/utf8";
import type { Tokenizer } from "../tokenizers/types";
import { piecesInRange } from "./token-pieces";

/** How a tokenizer groups the digits of long integers. */
export type DigitGrouping =
  "single digits" | "left-to-right triples" | "right-to-left triples" | "learned chunks";

/** One number as a tokenizer cuts it. */
export interface NumberChunks {
  text: string;
  /** The token texts covering the number (cut to it), left to right. */
  chunks: string[];
  /** Whether every cut inside the number's leading run of digits falls where a group of three from the right ends. */
  aligned: boolean;
}

/** The numbers probe of one tokenizer. */
export interface NumbersProbe {
  tokenizer: string;
  numbers: NumberChunks[];
  /** The share of the numbers whose digit runs are cut on place-value boundaries only. */
  alignedShare: number;
  /** How the longest all-digit integer probed was grouped. */
  grouping: DigitGrouping | null;
}

/** Integers of 1 to 15 digits, decimals, negatives, separators, a date, a time and a phone number. */
export const DEFAULT_NUMBERS: readonly string[] = [
  ...Array.from({ length: 15 }, (_, i) => "123456789012345".slice(0, i + 1)),
  "3.14159",
  "-42",
  "-1234.5",
  "1,234,567",
  "1 234 567",
  "2024-03-15",
  "12:34:56",
  "+1 555-123-4567",
];

/** Numbers as they appear in text: digits with inner separators (`.`, `,`, `:`, `-`, `/`), a leading sign. */
const NUMBER_IN_TEXT = /[-+]?\d+(?:[.,:/-]\d+)*/gu;

/** The numbers written in a text, with their UTF-16 ranges (at most `limit`). */
export function numbersInText(text: string, limit = 200): { text: string; index: number }[] {
  const found: { text: string; index: number }[] = [];
  for (const match of text.matchAll(NUMBER_IN_TEXT)) {
    if (found.length >= limit) break;
    found.push({ text: match[0], index: match.index });
  }
  return found;
}

/**
 * Whether the chunks cut the number's first run of ASCII digits only where the count of digits to the right is a
 * multiple of three (the place-value groups a reader sees in 1,234,567). A run of one to three digits in one
 * chunk is aligned; single-digit tokens are not (they cut inside every group).
 */
export function alignsWithPlaceValue(text: string, chunks: readonly string[]): boolean {
  const run = /\d+/u.exec(text);
  if (!run) return true;
  const runStart = run.index;
  const runEnd = runStart + run[0].length;
  let at = 0;
  for (const chunk of chunks.slice(0, -1)) {
    at += chunk.length;
    if (at > runStart && at < runEnd && (runEnd - at) % 3 !== 0) return false;
  }
  return true;
}

/** The grouping of an all-digit integer's chunks (its chunk lengths, in digits). */
export function digitGrouping(lengths: readonly number[]): DigitGrouping {
  if (lengths.every((n) => n === 1)) return "single digits";
  // Triples from the left leave the remainder last (123|456|7); from the right, first (1|234|567).
  if (lengths.slice(0, -1).every((n) => n === 3) && lengths.at(-1)! <= 3) return "left-to-right triples";
  if (lengths.slice(1).every((n) => n === 3) && lengths[0]! <= 3) return "right-to-left triples";
  return "learned chunks";
}

/** Cuts one number as `tokenizer` encodes it on its own. */
export function numberChunks(tokenizer: Tokenizer, text: string): NumberChunks {
  const chunks = piecesInRange(tokenizer, text).map((p) => p.text);
  return { text, chunks, aligned: alignsWithPlaceValue(text, chunks) };
}

/**
 * The numbers probe (tokenization and counting; right-to-left digit grouping): each number encoded on its own,
 * its chunks from the engine's spans, whether they line up with place value, and the grouping of long integers.
 */
export function numbersProbe(
  tokenizer: Tokenizer,
  numbers: readonly string[] = DEFAULT_NUMBERS,
): NumbersProbe {
  const results = numbers.map((n) => numberChunks(tokenizer, n));
  const integers = results.filter((r) => /^\d{4,}$/u.test(r.text));
  const longest = integers.sort((a, b) => b.text.length - a.text.length)[0];
  return {
    tokenizer: tokenizer.info.id,
    numbers: results,
    alignedShare: results.length === 0 ? 0 : results.filter((r) => r.aligned).length / results.length,
    grouping: longest ? digitGrouping(longest.chunks.map((c) => c.length)) : null,
  };
}

/** The numbers of a text as one encoding of the whole text cuts them (context included). */
export function numbersInContext(tokenizer: Tokenizer, text: string): NumberChunks[] {
  const encoding = tokenizer.encode(text);
  return numbersInText(text).map(({ text: number, index }) => {
    const from = utf8ByteLength(text, 0, index);
    const to = from + utf8ByteLength(number);
    const chunks = piecesInRange(tokenizer, text, from, to, encoding).map((p) => p.text);
    return { text: number, chunks, aligned: alignsWithPlaceValue(number, chunks) };
  });
}
