import type { Tokenizer } from "../tokenizers/types";
import { piecesInRange } from "./token-pieces";

/** One token of the counting probe: its text and how many times it holds the letter. */
export interface LetterToken {
  text: string;
  letters: number;
}

/** One spelling of the probed word (as typed, or with separators between its letters). */
export interface SpellingCut {
  label: string;
  text: string;
  tokens: LetterToken[];
  /** Tokens that hold the letter at least once. */
  tokensWithLetter: number;
}

/** The counting probe of one tokenizer. */
export interface CountingProbe {
  tokenizer: string;
  text: string;
  letter: string;
  /** How many times the letter occurs in the text (what a model asked "how many r's" should answer). */
  letterCount: number;
  /** The text as typed, then spaced, comma-separated and hyphenated letter by letter. */
  spellings: SpellingCut[];
}

/** Occurrences of `letter` in `text`, ignoring case (by code point, so "é" is not "e"). */
export function countLetter(text: string, letter: string): number {
  const wanted = letter.toLowerCase();
  let count = 0;
  for (const ch of text.toLowerCase()) if (ch === wanted) count++;
  return count;
}

/** The spellings the probe compares: as typed, and with a separator between every letter. */
export function spellings(text: string): { label: string; text: string }[] {
  const letters = [...text];
  return [
    { label: "as typed", text },
    { label: "spaces", text: letters.join(" ") },
    { label: "commas", text: letters.join(",") },
    { label: "hyphens", text: letters.join("-") },
  ];
}

/**
 * The counting probe (why models miscount letters): the tokens of each spelling with the letters each holds.
 * A model sees token ids, not letters: the fewer tokens hold the letter, the less its count is visible.
 */
export function countingProbe(tokenizer: Tokenizer, text: string, letter: string): CountingProbe {
  if ([...letter].length !== 1) throw new Error("The letter to count must be one character.");
  return {
    tokenizer: tokenizer.info.id,
    text,
    letter,
    letterCount: countLetter(text, letter),
    spellings: spellings(text).map(({ label, text: spelled }) => {
      const tokens = piecesInRange(tokenizer, spelled).map((p) => ({
        text: p.text,
        letters: countLetter(p.text, letter),
      }));
      return { label, text: spelled, tokens, tokensWithLetter: tokens.filter((t) => t.letters > 0).length };
    }),
  };
}
