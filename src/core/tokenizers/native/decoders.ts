import { fromByteLevel } from "../../bpe/byte-chars";
import { concatBytes } from "../../text/concat-bytes";
import { utf8Decode, utf8DecodeStrict, utf8Encode } from "../../text/utf8";
import {
  asNode,
  optionalBoolean,
  optionalNumber,
  optionalString,
  pattern,
  requiredArray,
  requiredString,
  UnsupportedComponentError,
} from "./json-fields";
import { compileOnigPattern } from "./onig-regex";
import { regexMatches, stringMatches } from "./split";

/** One step of a tokenizer.json decoder: token strings in, token strings out (the Rust library's `decode_chain`). */
export type Decoder = (tokens: string[]) => string[];

const BYTE_TOKEN = /^<0x([0-9A-Fa-f]{2})>$/;

function replaceAll(text: string, matches: Iterable<[number, number]>, content: string): string {
  let out = "";
  let last = 0;
  for (const [start, end] of matches) {
    out += text.slice(last, start) + content;
    last = end;
  }
  return out + text.slice(last);
}

/** Each token's byte-level characters back to bytes (a token with other characters keeps its own), as one string. */
function byteLevel(tokens: string[]): string[] {
  return [utf8Decode(concatBytes(tokens.map((token) => fromByteLevel(token) ?? utf8Encode(token))))];
}

/** Runs of `<0xNN>` tokens become the text their bytes spell, or one U+FFFD per byte when they are not UTF-8. */
function byteFallback(tokens: string[]): string[] {
  const out: string[] = [];
  let pending: number[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = utf8DecodeStrict(Uint8Array.from(pending));
    out.push(text ?? "\uFFFD".repeat(pending.length));
    pending = [];
  };
  for (const token of tokens) {
    const match = BYTE_TOKEN.exec(token);
    if (match) pending.push(parseInt(match[1]!, 16));
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

function stripChars(token: string, content: string, start: number, stop: number): string {
  const chars = Array.from(token);
  let left = 0;
  while (left < start && left < chars.length && chars[left] === content) left++;
  let right = chars.length;
  let removed = 0;
  while (removed < stop && right > left && chars[right - 1] === content) {
    right--;
    removed++;
  }
  return chars.slice(left, right).join("");
}

/** The Rust library's WordPiece `cleanup`: no space before punctuation and English contractions. */
function wordPieceCleanup(text: string): string {
  return text
    .replaceAll(" .", ".")
    .replaceAll(" ?", "?")
    .replaceAll(" !", "!")
    .replaceAll(" ,", ",")
    .replaceAll(" ' ", "'")
    .replaceAll(" n't", "n't")
    .replaceAll(" 'm", "'m")
    .replaceAll(" do not", " don't")
    .replaceAll(" 's", "'s")
    .replaceAll(" 've", "'ve")
    .replaceAll(" 're", "'re");
}

/**
 * Builds the decoder of a tokenizer.json (`decoder` field), as Hugging Face's tokenizers runs it; null when the
 * file has none (tokens are then joined with spaces, as the Rust library does).
 */
export function buildDecoder(value: unknown, path = "decoder"): Decoder | null {
  if (value === null || value === undefined) return null;
  const node = asNode(value, path);
  const type = node.value.type;
  switch (type) {
    case "ByteLevel":
      return byteLevel;
    case "ByteFallback":
      return byteFallback;
    case "Fuse":
      return (tokens) => [tokens.join("")];
    case "Replace": {
      const { kind, source } = pattern(node, "pattern");
      const content = requiredString(node, "content");
      if (kind === "String")
        return (tokens) => tokens.map((t) => replaceAll(t, stringMatches(t, source), content));
      const regexFor = compileOnigPattern(source);
      return (tokens) => tokens.map((t) => replaceAll(t, regexMatches(t, regexFor(t)), content));
    }
    case "Strip": {
      const content = requiredString(node, "content");
      const start = optionalNumber(node, "start") ?? 0;
      const stop = optionalNumber(node, "stop") ?? 0;
      return (tokens) => tokens.map((t) => stripChars(t, content, start, stop));
    }
    case "Metaspace": {
      const replacement = optionalString(node, "replacement") ?? "\u2581";
      const scheme = optionalString(node, "prepend_scheme");
      const stripFirst =
        scheme !== null ? scheme !== "never" : optionalBoolean(node, "add_prefix_space", true);
      return (tokens) =>
        tokens.map((token, index) => {
          let out = "";
          for (const char of token) {
            if (char !== replacement) out += char;
            else if (!(index === 0 && stripFirst)) out += " ";
          }
          return out;
        });
    }
    case "WordPiece": {
      const prefix = optionalString(node, "prefix") ?? "##";
      const cleanup = optionalBoolean(node, "cleanup", true);
      return (tokens) =>
        tokens.map((token, index) => {
          let out = token;
          if (index !== 0) out = out.startsWith(prefix) ? out.slice(prefix.length) : ` ${out}`;
          return cleanup ? wordPieceCleanup(out) : out;
        });
    }
    case "BPEDecoder": {
      const suffix = optionalString(node, "suffix") ?? "</w>";
      return (tokens) =>
        tokens.map((token, index) => token.replaceAll(suffix, index === tokens.length - 1 ? "" : " "));
    }
    case "Sequence": {
      const steps = requiredArray(node, "decoders").map((item, i) =>
        buildDecoder(item, `${path}.decoders[${i}]`),
      );
      return (tokens) => steps.reduce((current, step) => (step ? step(current) : current), tokens);
    }
    default:
      throw new UnsupportedComponentError(`the decoder ${JSON.stringify(type)} (at ${path})`);
  }
}
