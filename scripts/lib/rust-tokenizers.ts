// Hugging Face's Rust `tokenizers` through its Node binding (the npm package `tokenizers`, a devDependency):
// the reference our own tokenizer.json engine is checked and benchmarked against. Never used by the app.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface RustEncoding {
  getIds(): number[];
  /** Offsets in code points of the input. */
  getOffsets(): number[][];
}
interface RustTokenizer {
  encode(text: string, pair: null, options: { addSpecialTokens: boolean }): Promise<RustEncoding>;
  decode(ids: number[], skipSpecialTokens: boolean): Promise<string>;
}
interface RustModule {
  Tokenizer: { fromString(json: string): RustTokenizer };
}

/** The Rust library's result: ids, and each token's span as UTF-8 byte offsets of the input. */
export interface RustResult {
  ids: number[];
  spans: [number, number][];
}

/**
 * The tokens whose Rust span is byte-exact: it starts where the previous one ends and ends where the next one
 * starts (the library widens a byte-level token that cuts a character to the character, and leaves dropped bytes
 * uncovered). Spans are compared only there.
 */
export function exactSpans(result: RustResult, byteLength: number): number[] {
  return result.spans.flatMap(([start, end], i, spans) => {
    const previousEnd = i === 0 ? 0 : spans[i - 1]![1];
    const nextStart = i === spans.length - 1 ? byteLength : spans[i + 1]![0];
    return start < end && start === previousEnd && end === nextStart ? [i] : [];
  });
}

/**
 * A tokenizer.json whose special added tokens can never match, so that their text reads as plain text (as
 * our lanes do by default). They keep their place in the list: the Rust library assigns added tokens' ids
 * in list order, so dropping entries would renumber the ones after them.
 */
export function withoutSpecialTokens(json: unknown): unknown {
  const record = json as { added_tokens?: { special?: boolean; content: string }[] };
  return {
    ...record,
    added_tokens: (record.added_tokens ?? []).map((token, i) =>
      token.special ? { ...token, content: `\u{F0000}never-in-text-${i}\u{F0000}` } : token,
    ),
  };
}

/** Loads a tokenizer.json into the Rust library (throws its error when it rejects the file). */
export function rustTokenizer(json: unknown, keepSpecials = false): (text: string) => Promise<RustResult> {
  const { Tokenizer } = require("tokenizers") as RustModule;
  const tokenizer = Tokenizer.fromString(JSON.stringify(keepSpecials ? json : withoutSpecialTokens(json)));
  return async (text) => {
    const encoding = await tokenizer.encode(text, null, { addSpecialTokens: false });
    const byteAt = codePointToByte(text);
    return {
      ids: encoding.getIds(),
      spans: encoding.getOffsets().map(([start, end]) => [byteAt[start!]!, byteAt[end!]!]),
    };
  };
}

/** The Rust library's `decode` (special tokens kept) for a tokenizer.json. */
export function rustDecoder(json: unknown): (ids: number[]) => Promise<string> {
  const { Tokenizer } = require("tokenizers") as RustModule;
  const tokenizer = Tokenizer.fromString(JSON.stringify(json));
  return (ids) => tokenizer.decode(ids, false);
}

/** Loads a tokenizer.json string into the Rust library; null when it loads, else its error message. */
export function rustRejects(json: string): string | null {
  const { Tokenizer } = require("tokenizers") as RustModule;
  try {
    Tokenizer.fromString(json);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Byte offset of every code point boundary of `text` (index = code point offset). */
function codePointToByte(text: string): number[] {
  const out = [0];
  let byte = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    out.push(byte);
  }
  return out;
}
