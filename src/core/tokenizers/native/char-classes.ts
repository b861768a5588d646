import { WHITE_SPACE } from "../tiktoken/patterns";

/** One character that is Unicode White_Space (Rust's `char::is_whitespace`). */
export const WHITE_SPACE_TEST = new RegExp(`^[${WHITE_SPACE}]$`, "u");

const OTHER = /^[\p{Cc}\p{Cf}\p{Co}]$/u;

/**
 * BERT's `is_control`: Cc, Cf or Co, except tab, line feed and carriage return. (The Rust library also names
 * Cn, but its table of unassigned code points is so old that it misses noncharacters such as U+10FFFF;
 * leaving Cn out matches it on every assigned character.)
 */
export function isControl(char: string): boolean {
  return char !== "\t" && char !== "\n" && char !== "\r" && OTHER.test(char);
}

/** The CJK ideograph blocks BERT surrounds with spaces. */
export function isChineseChar(char: string): boolean {
  const c = char.codePointAt(0)!;
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x20000 && c <= 0x2a6df) ||
    (c >= 0x2a700 && c <= 0x2b73f) ||
    (c >= 0x2b740 && c <= 0x2b81f) ||
    (c >= 0x2b920 && c <= 0x2ceaf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2f800 && c <= 0x2fa1f)
  );
}

const PUNCTUATION = /^[\p{P}!-/:-@[-`{-~]$/u;

/** BERT's and the Punctuation pre-tokenizer's `is_punc`: ASCII punctuation or Unicode P*. */
export function isPunctuation(char: string): boolean {
  return PUNCTUATION.test(char);
}

const NUMERIC = /^\p{N}$/u;

/** Rust's `char::is_numeric` (Nd, Nl, No). */
export function isNumeric(char: string): boolean {
  return NUMERIC.test(char);
}

const WORD = /^[\p{Alphabetic}\p{N}_]$/u;

/** A word character for an added token's `single_word` (alphanumeric or `_`). */
export function isWordChar(char: string): boolean {
  return WORD.test(char);
}
