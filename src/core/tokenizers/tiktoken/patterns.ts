import { asciiClassBody, engineAgreesOn, pinnedClassBody } from "./pinned-unicode";

/**
 * tiktoken's pre-tokenization patterns, rewritten for JavaScript RegExp so that they split exactly as
 * tiktoken's Rust regex engine does.
 *
 * Three semantic gaps matter. JavaScript's `\s` includes U+FEFF and excludes U+0085, while Rust's `\s` is
 * Unicode White_Space (the reverse) — that is why gpt-tokenizer 4.0.0 splits a BOM wrongly. And JavaScript
 * has no inline `(?i:…)`; under Rust's Unicode case folding `'s` also matches `'S` and `'ſ` (U+017F). And
 * `\p{L}` means whatever Unicode version the engine ships, so the classes are pinned (see below).
 */

/** Unicode White_Space, the set Rust's `\s` matches (without the enclosing brackets). */
export const WHITE_SPACE = String.raw`\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;

/**
 * Rewrites a pattern so that it means the same in every JavaScript engine: `\s` / `\S` become explicit Unicode
 * White_Space classes and `\p{X}` becomes the General_Category class of the pinned Unicode version (the
 * version of the Rust regex tables in the tiktoken we match), inside and outside character classes. An engine
 * with newer Unicode data (Node 20 has 17.0) would otherwise treat newly assigned letters as letters where
 * tiktoken does not.
 */
export function withPinnedClasses(pattern: string): string {
  return rewriteClasses(pattern, "pin");
}

/**
 * {@link withPinnedClasses} for patterns from files: a property with no pinned class (`\p{P}`, a script)
 * keeps the engine's meaning instead of being refused.
 */
export function withPinnedClassesWherePinned(pattern: string): string {
  return rewriteClasses(pattern, "pin-where-pinned");
}

/** Replaces only `\s` / `\S` (for user patterns, whose `\p{…}` may name any property). */
export function withUnicodeWhiteSpace(pattern: string): string {
  return rewriteClasses(pattern, "engine");
}

/**
 * The pattern for ASCII-only text, to be compiled without the u flag: every class cut down to its ASCII members
 * (of the pinned classes, and `\t`–`\r` and space for `\s`). On ASCII text it matches exactly what the full
 * pattern matches — the same alternatives, quantifiers and lookaheads, over classes that agree on every ASCII
 * character — and V8 runs it faster on one-byte strings (a whole cl100k encode of 1 MB of English: ~1.4×).
 */
export function withAsciiClasses(pattern: string): string {
  return rewriteClasses(pattern, "ascii");
}

/** The ASCII members of Unicode White_Space. */
const ASCII_WHITE_SPACE = String.raw`\t-\r `;

function rewriteClasses(
  pattern: string,
  properties: "pin" | "pin-where-pinned" | "engine" | "ascii",
): string {
  const space = properties === "ascii" ? ASCII_WHITE_SPACE : WHITE_SPACE;
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1] ?? "";
      i++;
      if (next === "s") out += inClass ? space : `[${space}]`;
      else if (next === "S") {
        if (inClass) throw new Error("\\S inside a character class is not supported");
        out += `[^${space}]`;
      } else if (properties !== "engine" && next === "p" && pattern[i + 1] === "{") {
        const close = pattern.indexOf("}", i);
        const name = pattern.slice(i + 2, close);
        const body = properties === "ascii" ? asciiClassBody(name) : pinnedClassBody(name);
        if (body !== undefined) out += inClass ? body : `[${body}]`;
        else if (properties === "pin-where-pinned") out += `\\p{${name}}`;
        else throw new Error(`\\p{${name}} has no pinned class`);
        i = close;
      } else out += ch + next;
      continue;
    }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    out += ch;
  }
  return out;
}

/** `(?i:'s|'t|'re|'ve|'m|'ll|'d)` under Unicode simple case folding. */
const CONTRACTIONS_ANY_CASE = String.raw`'(?:[sSſ]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD])`;

/** The patterns keyed by encoding, as tiktoken writes them (modulo the rewrites above). */
export const TIKTOKEN_PATTERNS = {
  r50k: String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`,
  cl100k: String.raw`${CONTRACTIONS_ANY_CASE}|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  o200k: [
    String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?:${CONTRACTIONS_ANY_CASE})?`,
    String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?:${CONTRACTIONS_ANY_CASE})?`,
    String.raw`\p{N}{1,3}`,
    String.raw` ?[^\s\p{L}\p{N}]+[\r\n/]*`,
    String.raw`\s*[\r\n]+`,
    String.raw`\s+(?!\S)`,
    String.raw`\s+`,
  ].join("|"),
} as const;

/** A pattern family name. */
export type TiktokenPatternName = keyof typeof TIKTOKEN_PATTERNS;

/** The global, Unicode-aware RegExp for a pattern family, with pinned Unicode classes. */
export function tiktokenSplitRegex(name: TiktokenPatternName): RegExp {
  return new RegExp(withPinnedClasses(TIKTOKEN_PATTERNS[name]), "gu");
}

/**
 * The split RegExp to use for one text: for ASCII-only text the ASCII one ({@link withAsciiClasses}); else the
 * engine's own `\p{…}` (2–5× faster in V8 than the long pinned classes) when the engine and the pinned Unicode
 * agree on every code point of the text, the pinned one otherwise. All split such text identically, so the
 * result never depends on the engine.
 */
export function tiktokenSplitter(name: TiktokenPatternName): (text: string) => RegExp {
  const pinned = tiktokenSplitRegex(name);
  const engine = new RegExp(withUnicodeWhiteSpace(TIKTOKEN_PATTERNS[name]), "gu");
  const ascii = new RegExp(withAsciiClasses(TIKTOKEN_PATTERNS[name]), "g");
  return (text) => (!NOT_ASCII.test(text) ? ascii : engineAgreesOn(text) ? engine : pinned);
}

// eslint-disable-next-line no-control-regex -- the class is everything outside ASCII
const NOT_ASCII = /[^\x00-\x7F]/;

const stickyClones = new WeakMap<RegExp, { sticky: RegExp; global: RegExp }>();

/**
 * Calls `visit(start, end)` with every non-empty match of a global RegExp, in order — what
 * `text.matchAll(regex)` gives, without a match array or substring per piece: a sticky copy is tried where
 * the last match ended (pre-tokenization patterns cover nearly all text), and the global search runs only
 * past text the pattern skips.
 */
export function forEachMatch(text: string, regex: RegExp, visit: (start: number, end: number) => void): void {
  let clones = stickyClones.get(regex);
  if (!clones) {
    clones = {
      sticky: new RegExp(regex.source, regex.flags.replace("g", "") + "y"),
      global: new RegExp(regex.source, regex.flags),
    };
    stickyClones.set(regex, clones);
  }
  const { sticky, global } = clones;
  let position = 0;
  while (position < text.length) {
    sticky.lastIndex = position;
    if (sticky.test(text) && sticky.lastIndex > position) {
      visit(position, sticky.lastIndex);
      position = sticky.lastIndex;
      continue;
    }
    global.lastIndex = position;
    const match = global.exec(text);
    if (!match) return;
    if (match[0].length === 0) {
      position = match.index + 1;
      continue;
    }
    visit(match.index, match.index + match[0].length);
    position = match.index + match[0].length;
  }
}
