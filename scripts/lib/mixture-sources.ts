import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import type { RankTable } from "../../src/core/tokenizers/tiktoken/byte-pair-encoder";
import { nodeAssetSource } from "./node-asset-source";

/** Built-in vocabularies in Node: tokenizer.json files and gpt-tokenizer's rank tables from node_modules. */
export const nodeMergeListSources: MergeListSources = {
  assets: nodeAssetSource,
  async rankTable(id) {
    const module = (await import(`gpt-tokenizer/bpeRanks/${id}`)) as { default: RankTable };
    return module.default;
  },
};
