import { fromByteLevel } from "../../bpe/byte-chars";
import { firstInvalidUtf8Offset } from "../../text/utf8";
import { TokenizerFileError, type JsonNode } from "./json-fields";
import { vocabMap } from "./model";

/**
 * What a BPE model is made of once its file is read: the vocabulary, the merges as ids, and what the model
 * would otherwise derive from the whole vocabulary when it loads or first encodes. Read from a tokenizer.json
 * ({@link bpeTablesFromJson}, with the Rust library's checks) or from a compiled asset made of the same
 * tables at build time (`compiled-tokenizer.ts`), which skips parsing and splitting half a million strings.
 */
export interface BpeTables {
  /** token → id. */
  vocab: Map<string, number>;
  /** Per merge rank: left id, right id, id of the merged token (three entries a rank). */
  merges: Uint32Array;
  /** {@link charsBeforeSets}, when already known. */
  cutBefore?: Map<string, Set<string>>;
  /** {@link byteLevelTexts}, when already known. */
  byteLevelByText?: Map<string, number>;
}

/** The characters a character-level word may be cut before (see `BpeModel`). */
export const CUT_CHARACTERS = ["\u2581", "\n", " "] as const;

/**
 * Reads `model.vocab` and `model.merges` (`"a b"` or `["a", "b"]`): every merge must name two tokens of the
 * vocabulary and make one (the right side loses the continuing-subword prefix, as in the Rust library).
 */
export function bpeTablesFromJson(node: JsonNode, continuingSubwordPrefix: string | null): BpeTables {
  const vocab = vocabMap(node.value.vocab, `${node.path}.vocab`);
  const list = node.value.merges ?? [];
  if (!Array.isArray(list)) throw new TokenizerFileError(`${node.path}.merges must be an array.`);
  const merges = new Uint32Array(list.length * 3);
  list.forEach((merge: unknown, rank) => {
    const path = `${node.path}.merges[${rank}]`;
    const [left, right] = mergeSides(merge, path);
    const a = vocab.get(left);
    const b = vocab.get(right);
    if (a === undefined)
      throw new TokenizerFileError(`${path} names ${JSON.stringify(left)}, which is not in the vocabulary.`);
    if (b === undefined)
      throw new TokenizerFileError(`${path} names ${JSON.stringify(right)}, which is not in the vocabulary.`);
    const prefix = continuingSubwordPrefix;
    const joined = left + (prefix !== null && right.startsWith(prefix) ? right.slice(prefix.length) : right);
    const result = vocab.get(joined);
    if (result === undefined)
      throw new TokenizerFileError(
        `${path} makes ${JSON.stringify(joined)}, which is not in the vocabulary.`,
      );
    merges[rank * 3] = a;
    merges[rank * 3 + 1] = b;
    merges[rank * 3 + 2] = result;
  });
  return { vocab, merges };
}

function mergeSides(merge: unknown, path: string): [string, string] {
  let left: unknown;
  let right: unknown;
  if (typeof merge === "string") {
    const parts = merge.split(" ");
    if (parts.length !== 2)
      throw new TokenizerFileError(
        `${path} ${JSON.stringify(merge)} must be two tokens separated by one space.`,
      );
    [left, right] = parts;
  } else if (Array.isArray(merge) && merge.length === 2) [left, right] = merge as unknown[];
  if (typeof left !== "string" || typeof right !== "string")
    throw new TokenizerFileError(`${path} must be "a b" or ["a", "b"] (it is ${JSON.stringify(merge)}).`);
  return [left, right];
}

/** For each of {@link CUT_CHARACTERS}: the characters other than itself that some token has right before it. */
export function charsBeforeSets(vocab: ReadonlyMap<string, number>): Map<string, Set<string>> {
  const sets = new Map<string, Set<string>>();
  for (const char of CUT_CHARACTERS) {
    const before = new Set<string>();
    for (const token of vocab.keys()) {
      for (let at = token.indexOf(char, 1); at > 0; at = token.indexOf(char, at + 1))
        if (token[at - 1] !== char) before.add(token[at - 1]!);
    }
    sets.set(char, before);
  }
  return sets;
}

/**
 * Byte-level tokens whose bytes are UTF-8 on their own, by the text they spell (the first id wins), so a
 * piece of text is looked up as a whole token without spelling it in the byte alphabet (`ignore_merges`).
 */
export function byteLevelTexts(vocab: ReadonlyMap<string, number>): Map<string, number> {
  const texts = new Map<string, number>();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const [token, id] of vocab) {
    const bytes = fromByteLevel(token);
    if (!bytes || firstInvalidUtf8Offset(bytes) >= 0) continue;
    const text = decoder.decode(bytes);
    if (!texts.has(text)) texts.set(text, id);
  }
  return texts;
}
