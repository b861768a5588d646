import type { Uint32List } from "../../collections/uint32-list";
import { TokenizerFileError } from "./json-fields";

/** Where a model writes the tokens of one piece: ids and how many units of the piece each covers. */
export interface TokenSink {
  ids: Uint32List;
  /** Per token: the piece's UTF-8 bytes it covers (0 for none, e.g. a fused prefix). */
  lengths: Uint32List;
}

/** A tokenizer.json model (BPE, Unigram, WordPiece, WordLevel) run on one pre-tokenized piece. */
export interface TokenizerModel {
  readonly type: "BPE" | "Unigram" | "WordPiece" | "WordLevel";
  /**
   * Appends the tokens of `piece` to `sink`. With `byteLevel` the piece is seen as GPT-2 byte-level
   * characters (one per UTF-8 byte); otherwise as its characters. Characters the model cannot represent
   * are covered by no token (the Rust library drops them) or by an unknown token.
   */
  tokenize(piece: string, byteLevel: boolean, sink: TokenSink): void;
  /** {@link tokenize} of `text[start, end)`, where the model can look a piece up without slicing it. */
  tokenizeRange?(text: string, start: number, end: number, byteLevel: boolean, sink: TokenSink): void;
  /** The token string of an id (as the vocabulary spells it), if the model has it. */
  idToToken(id: number): string | undefined;
  tokenToId(token: string): number | undefined;
  /** One more than the largest id. */
  readonly vocabSize: number;
  /** The unknown token's id, if the model has one. */
  readonly unkId: number | null;
  /** Whether byte-fallback tokens `<0xXX>` stand for single bytes. */
  readonly byteFallback: boolean;
  /** WordPiece's continuing-subword prefix (for the tokens' own bytes). */
  readonly continuingSubwordPrefix: string | null;
  readonly endOfWordSuffix: string | null;
  clearCache(): void;
}

/** The vocabulary object of a model, validated: token → non-negative integer id. */
export function vocabMap(value: unknown, path: string): Map<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new TokenizerFileError(
      `${path} must be an object of token → id (it is ${Array.isArray(value) ? "an array" : typeof value}).`,
    );
  const map = new Map<string, number>();
  for (const [token, id] of Object.entries(value)) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0xffffffff)
      throw new TokenizerFileError(
        `${path}[${JSON.stringify(token)}] must be a non-negative integer id (it is ${JSON.stringify(id)}).`,
      );
    map.set(token, id);
  }
  return map;
}

/** A vocabulary's tokens by id, and one more than its largest id. */
export function tokensById(vocab: ReadonlyMap<string, number>): { tokens: string[]; size: number } {
  const tokens: string[] = [];
  let size = 0;
  for (const [token, id] of vocab) {
    tokens[id] = token;
    size = Math.max(size, id + 1);
  }
  return { tokens, size };
}
