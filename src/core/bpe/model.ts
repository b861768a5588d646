import { utf8Encode } from "../text/utf8";
import { concatBytes as joinBytes } from "../text/concat-bytes";

/** A special (added) token kept alongside a BPE vocabulary: metadata, never produced by {@link BpeModel} merges. */
export interface BpeSpecialToken {
  id: number;
  content: string;
}

/**
 * A byte-level BPE tokenizer: vocabulary, merge list and pre-tokenization. Trained vocabularies have the
 * 256 single bytes at ids 0–255 and new tokens from 256 upward; imported ones (GPT-2, Llama 3) keep their
 * own numbering.
 */
export interface BpeModel {
  /** id → the token's bytes; an id the vocabulary skips (GPT-4o's reserved ids) holds an empty array. */
  tokens: Uint8Array[];
  /**
   * Merges in rank order as `[left id, right id]`; the result is the token whose bytes are the left
   * token's followed by the right token's.
   */
  merges: [number, number][];
  /** Pre-tokenization regex in tokenizer.json (Rust) syntax, applied with "Isolated" behaviour. */
  pattern: string;
  /** Hugging Face `ignore_merges` (Llama 3): a chunk that is itself a token is emitted whole. */
  ignoreMerges?: boolean;
  /** Added tokens, for export and display only. */
  specialTokens?: BpeSpecialToken[];
}

/** A lookup key for a byte string: one UTF-16 unit per byte (exact, cheap to hash). */
export function bytesKey(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let key = "";
  for (let i = start; i < end; i++) key += String.fromCharCode(bytes[i]!);
  return key;
}

/** The concatenation of two byte strings. */
export function concatBytes(left: Uint8Array, right: Uint8Array): Uint8Array {
  const out = new Uint8Array(left.length + right.length);
  out.set(left, 0);
  out.set(right, left.length);
  return out;
}

/** bytes key → id over a model's vocabulary. */
export function tokenIndex(tokens: readonly Uint8Array[]): Map<string, number> {
  const index = new Map<string, number>();
  tokens.forEach((bytes, id) => {
    if (bytes.length > 0 && !index.has(bytesKey(bytes))) index.set(bytesKey(bytes), id);
  });
  return index;
}

/** The 256 single-byte tokens, id = byte value: the starting vocabulary of byte-level BPE training. */
export function byteTokens(): Uint8Array[] {
  return Array.from({ length: 256 }, (_, byte) => Uint8Array.of(byte));
}

/**
 * The id each merge produces (rank → id), or -1 where the concatenation is not in the vocabulary (such a
 * merge is never applied).
 */
export function mergeResults(model: Pick<BpeModel, "tokens" | "merges">): Int32Array {
  const index = tokenIndex(model.tokens);
  const results = new Int32Array(model.merges.length);
  model.merges.forEach(([left, right], rank) => {
    const a = model.tokens[left];
    const b = model.tokens[right];
    results[rank] = a && b ? (index.get(bytesKey(concatBytes(a, b))) ?? -1) : -1;
  });
  return results;
}

/** The bytes the ids stand for, concatenated (special ids decode to their content's UTF-8). */
export function decodeIds(
  model: Pick<BpeModel, "tokens" | "specialTokens">,
  ids: ArrayLike<number>,
): Uint8Array {
  const specials = new Map((model.specialTokens ?? []).map((s) => [s.id, utf8Encode(s.content)]));
  const parts: Uint8Array[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const bytes = specials.get(id) ?? model.tokens[id];
    if (!bytes) throw new Error(`Token id ${id} is not in the vocabulary.`);
    parts.push(bytes);
  }
  return joinBytes(parts);
}
