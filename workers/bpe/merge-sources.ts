import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import type { RankTable } from "../../src/core/tokenizers/tiktoken/byte-pair-encoder";
import { fetchAssetSource } from "../tokenizer/fetch-assets";

type RanksModule = { default: RankTable };

/** gpt-tokenizer's rank tables, split into their own chunks and loaded only when asked for. */
const RANKS: Record<string, () => Promise<RanksModule>> = {
  o200k_base: () => import("gpt-tokenizer/bpeRanks/o200k_base"),
  cl100k_base: () => import("gpt-tokenizer/bpeRanks/cl100k_base"),
  p50k_base: () => import("gpt-tokenizer/bpeRanks/p50k_base"),
  r50k_base: () => import("gpt-tokenizer/bpeRanks/r50k_base"),
};

/** Built-in vocabularies in the browser: the tokenizer worker's bundled tokenizer.json files and rank tables. */
export const browserMergeSources: MergeListSources = {
  assets: fetchAssetSource,
  async rankTable(id) {
    const load = RANKS[id];
    if (!load) throw new Error(`No rank table for "${id}".`);
    return (await load()).default;
  },
};
