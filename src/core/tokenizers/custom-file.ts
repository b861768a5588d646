import { utf8DecodeStrict } from "../text/utf8";
import { fromBase64 } from "../text/base64";
import { NativeTokenizer } from "./native/native-tokenizer";
import { TiktokenTokenizer } from "./tiktoken/tiktoken-tokenizer";
import type { TiktokenPatternName } from "./tiktoken/patterns";
import type { Tokenizer } from "./types";

/** Largest file accepted (the biggest shipped tokenizer.json, Gemma 3's, is 33 MB). */
export const MAX_TOKENIZER_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Parses a `.tiktoken` rank file (`<base64 token> <rank>` per line) into gpt-tokenizer's rank table.
 * @throws Error naming the first bad line.
 */
export function parseTiktokenRanks(text: string): (string | number[])[] {
  const ranks: (string | number[])[] = [];
  const lines = text.split("\n");
  let count = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === "") continue;
    const parts = line.split(" ");
    const rank = Number(parts[1]);
    const bytes = parts.length === 2 ? fromBase64(parts[0]!) : null;
    if (!bytes || bytes.length === 0 || !Number.isInteger(rank) || rank < 0 || rank > 10_000_000) {
      throw new Error(`Not a .tiktoken file: line ${index + 1} is not "<base64 token> <rank>".`);
    }
    if (ranks[rank] !== undefined)
      throw new Error(`Not a valid .tiktoken file: rank ${rank} appears twice (line ${index + 1}).`);
    const asText = utf8DecodeStrict(bytes);
    ranks[rank] = asText ?? Array.from(bytes);
    count++;
  }
  if (count < 256)
    throw new Error(`Not a .tiktoken file: ${count} ranks found, a byte-level vocabulary has at least 256.`);
  return ranks;
}

/** The pre-tokenization pattern a `.tiktoken` file most likely expects, judged by its size. */
export function guessTiktokenPattern(vocabSize: number): TiktokenPatternName {
  if (vocabSize >= 190_000) return "o200k";
  if (vocabSize >= 90_000) return "cl100k";
  return "r50k";
}

/**
 * Builds a tokenizer from a user's file: a Hugging Face `tokenizer.json` (BPE, Unigram, WordPiece) or a
 * `.tiktoken` rank file. `laneId` should be stable for the file (for example derived from its hash).
 * @throws Error with a message meant for the user when the file is neither.
 */
export function tokenizerFromFile(
  fileName: string,
  bytes: Uint8Array,
  laneId: string,
  label: { name: string; source: string } = { name: fileName, source: fileName },
): Tokenizer {
  if (bytes.length > MAX_TOKENIZER_FILE_BYTES) {
    throw new Error(
      `${fileName} is ${(bytes.length / 1e6).toFixed(0)} MB; tokenizer files up to ${MAX_TOKENIZER_FILE_BYTES / 1024 / 1024} MB are accepted.`,
    );
  }
  const text = utf8DecodeStrict(bytes);
  if (text === null)
    throw new Error(
      `${fileName} is not a text file (it is not valid UTF-8), so it is neither a tokenizer.json nor a .tiktoken file.`,
    );
  const info = { id: laneId, name: label.name, family: "custom" as const, models: [], source: label.source };
  if (text.trimStart().startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${fileName} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return new NativeTokenizer({ info, json });
  }
  const ranks = parseTiktokenRanks(text);
  return new TiktokenTokenizer({
    info,
    ranks,
    specialTokens: {},
    pattern: guessTiktokenPattern(ranks.length),
  });
}
