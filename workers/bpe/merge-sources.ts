import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { fetchAssetSource, fetchRankTable } from "../tokenizer/fetch-assets";

/** Built-in vocabularies in the browser: the bundled tokenizer.json files and gpt-tokenizer's rank tables. */
export const browserMergeSources: MergeListSources = {
  assets: fetchAssetSource,
  rankTable: fetchRankTable,
};
