import { toWellFormed } from "../text/well-formed";
import { TIKTOKEN_PATTERNS, withUnicodeWhiteSpace } from "../tokenizers/tiktoken/patterns";

/**
 * The default pre-tokenization regex: GPT-4's cl100k pattern (Rust / tokenizer.json flavour, with the
 * contractions spelled out case-insensitively so that JavaScript needs no inline `(?i:…)`).
 */
export const DEFAULT_BPE_PATTERN: string = TIKTOKEN_PATTERNS.cl100k;

/**
 * SuperBPE's stage-2 regex (ALGORITHMS §3.1): only 1–3 digit groups, runs of two or more punctuation
 * characters and spaces before other whitespace are isolated, so single spaces between words stay inside
 * chunks and merges can bridge them.
 */
export const SUPERBPE_STAGE2_PATTERN = String.raw`\p{N}{1,3}| ?[^\s\p{L}\p{N}]{2,}[\r\n/]*| +(?!\S)`;

/**
 * The pattern of a model with **no pre-tokenization** (binary BPE): the whole input is one chunk. In a
 * tokenizer.json this is a lone `ByteLevel` pre-tokenizer with `use_regex: false`.
 */
export const NO_PRETOKENIZATION = "";

/** Matches a whole (well-formed) input as one chunk. */
const WHOLE_INPUT = /[^]+/gu;

/**
 * Compiles a tokenizer.json-style (Rust regex) pattern for JavaScript ({@link NO_PRETOKENIZATION} matches
 * the whole input): `\s` becomes Unicode White_Space
 * as in Rust, inline `(?i:…)` groups are case-folded by hand ({@link foldInlineCaseInsensitive}), and the
 * `u` flag gives `\p{…}`.
 * @throws Error naming the pattern when JavaScript cannot compile it (for example an inline `(?i:…)`).
 */
export function compilePattern(pattern: string): RegExp {
  if (pattern === NO_PRETOKENIZATION) return new RegExp(WHOLE_INPUT);
  try {
    return new RegExp(withUnicodeWhiteSpace(foldInlineCaseInsensitive(pattern)), "gu");
  } catch (error) {
    throw new Error(
      `Cannot compile the pre-tokenization regex ${JSON.stringify(pattern)}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Cuts text into chunks the way a Hugging Face `Split` pre-tokenizer with behaviour "Isolated" does: every
 * non-empty match is a chunk and so is every gap between matches, so the chunks concatenate to the input.
 * (For patterns that match every character, such as cl100k's, this equals keeping the matches only.)
 */
export function splitIsolated(text: string, regex: RegExp): string[] {
  const chunks: string[] = [];
  let previous = 0;
  regex.lastIndex = 0;
  for (const match of text.matchAll(regex)) {
    const index = match.index;
    if (previous < index) chunks.push(text.slice(previous, index));
    if (match[0].length > 0) chunks.push(match[0]);
    previous = index + match[0].length;
  }
  if (previous < text.length) chunks.push(text.slice(previous));
  return chunks;
}

/**
 * Counts the distinct chunks of a corpus (chunk → occurrences), the only view of the text that BPE
 * training needs. Lone surrogates are replaced by U+FFFD first, as the encoder does. Pass `into` to keep
 * adding to earlier counts (one file at a time in a worker).
 */
export function countChunks(
  texts: Iterable<string>,
  pattern: string = DEFAULT_BPE_PATTERN,
  into: Map<string, number> = new Map(),
): Map<string, number> {
  const regex = compilePattern(pattern);
  for (const text of texts) {
    for (const chunk of splitIsolated(toWellFormed(text), regex)) into.set(chunk, (into.get(chunk) ?? 0) + 1);
  }
  return into;
}

/** Rust's simple case folding adds these to the ASCII pairs: `s` ~ `ſ` (U+017F), `k` ~ `K` (U+212A Kelvin). */
const EXTRA_FOLDS: Record<string, string> = { s: "\u017F", k: "\u212A" };

/**
 * Rewrites each `(?i:…)` group (which JavaScript before ES2025 cannot parse) into a plain group whose
 * letters are classes of their case variants under Rust's simple case folding, as in `(?i:'s|'t)` →
 * `(?:'[sSſ]|'[tT])`. Only letters, escapes and alternation are supported inside such a group.
 * @throws Error for a character class or nested group inside `(?i:…)`.
 */
export function foldInlineCaseInsensitive(pattern: string): string {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === "\\") {
      out += pattern.slice(i, i + 2);
      i += 2;
    } else if (pattern.startsWith("(?i:", i)) {
      out += "(?:";
      i += 4;
      while (i < pattern.length && pattern[i] !== ")") {
        const ch = pattern[i]!;
        if (ch === "\\") {
          out += pattern.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (ch === "[" || ch === "(")
          throw new Error(`Unsupported inside (?i:…): ${JSON.stringify(pattern)}`);
        const lower = ch.toLowerCase();
        out += /[a-z]/.test(lower) ? `[${lower}${lower.toUpperCase()}${EXTRA_FOLDS[lower] ?? ""}]` : ch;
        i++;
      }
      out += ")";
      i++;
    } else out += pattern[i++]!;
  }
  return out;
}
