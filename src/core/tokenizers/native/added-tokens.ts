import { isWordChar, WHITE_SPACE_TEST } from "./char-classes";
import { asNode, optionalBoolean, requiredId, requiredString, TokenizerFileError } from "./json-fields";

/** One entry of `added_tokens`. */
export interface AddedToken {
  id: number;
  content: string;
  special: boolean;
  singleWord: boolean;
  lstrip: boolean;
  rstrip: boolean;
  /** Matched against the normalized text (its content normalized too), not the input. */
  normalized: boolean;
}

/** Reads and checks `added_tokens`. */
export function readAddedTokens(value: unknown): AddedToken[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TokenizerFileError("added_tokens must be an array.");
  return value.map((entry, i) => {
    const node = asNode(entry, `added_tokens[${i}]`);
    const special = optionalBoolean(node, "special", false);
    return {
      id: requiredId(node, "id"),
      content: requiredString(node, "content"),
      special,
      singleWord: optionalBoolean(node, "single_word", false),
      lstrip: optionalBoolean(node, "lstrip", false),
      rstrip: optionalBoolean(node, "rstrip", false),
      normalized: optionalBoolean(node, "normalized", !special),
    };
  });
}

/** A part of a text: plain (`token === null`) or one added token, in UTF-16 units. */
export interface AddedSplit {
  start: number;
  end: number;
  token: AddedToken | null;
}

/**
 * Finds added tokens in text the way the Rust library's `AddedVocabulary` does: leftmost-longest matches,
 * a `single_word` token only between non-word characters (else the match is skipped), `lstrip` / `rstrip`
 * taking the whitespace around it.
 */
export class AddedTokenMatcher {
  /** First UTF-16 unit → candidates (pattern, token), longest first. */
  private readonly byFirstUnit = new Map<number, { pattern: string; token: AddedToken }[]>();

  constructor(entries: readonly { pattern: string; token: AddedToken }[]) {
    for (const entry of entries) {
      if (entry.pattern.length === 0) continue;
      const first = entry.pattern.charCodeAt(0);
      const list = this.byFirstUnit.get(first) ?? [];
      list.push(entry);
      this.byFirstUnit.set(first, list);
    }
    for (const list of this.byFirstUnit.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
  }

  get empty(): boolean {
    return this.byFirstUnit.size === 0;
  }

  /** The plain and added-token parts of `text`, in order, covering it. */
  split(text: string): AddedSplit[] {
    const splits: AddedSplit[] = [];
    let plainStart = 0;
    let i = 0;
    while (i < text.length) {
      const candidates = this.byFirstUnit.get(text.charCodeAt(i));
      const found = candidates?.find((c) => text.startsWith(c.pattern, i));
      if (!found) {
        i++;
        continue;
      }
      let start = i;
      let end = i + found.pattern.length;
      const token = found.token;
      if (token.singleWord) {
        const before = start > 0 && isWordChar(charBefore(text, start));
        const after = end < text.length && isWordChar(charAt(text, end));
        if (before || after) {
          i = end;
          continue;
        }
      }
      if (token.lstrip) while (start > plainStart && WHITE_SPACE_TEST.test(text[start - 1]!)) start--;
      if (token.rstrip) while (end < text.length && WHITE_SPACE_TEST.test(text[end]!)) end++;
      if (start > plainStart) splits.push({ start: plainStart, end: start, token: null });
      splits.push({ start, end, token });
      plainStart = end;
      i = end;
    }
    if (plainStart < text.length || splits.length === 0)
      splits.push({ start: plainStart, end: text.length, token: null });
    return splits;
  }
}

function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && (low & 0xfc00) === 0xdc00 && (text.charCodeAt(index - 2) & 0xfc00) === 0xd800)
    return text.slice(index - 2, index);
  return text[index - 1]!;
}

function charAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}
