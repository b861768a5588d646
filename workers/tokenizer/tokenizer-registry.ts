import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import { AsyncMemo } from "../../src/core/collections/async-memo";
import { fnv1a } from "../../src/core/tokenizers/baselines/baselines";
import { catalogEntry, type AssetSource, type ProgressCallback } from "../../src/core/tokenizers/catalog";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import type { Tokenizer, TokenizerInfo } from "../../src/core/tokenizers/types";
import { createBpeLanes } from "./bpe-lanes";

/** The tokenizers a worker has loaded: built-ins, BPE variants and dropped files, each loaded once. */
export function createTokenizerRegistry(assets: AssetSource, rankTable: MergeListSources["rankTable"]) {
  const loaded = new AsyncMemo<string, Tokenizer>();
  const bpeLanes = createBpeLanes({ assets, rankTable });
  return {
    bpeLanes,

    /** A tokenizer by id (a failed load is forgotten, so "retry" really retries). */
    get(id: string, onProgress?: ProgressCallback): Promise<Tokenizer> {
      return loaded.get(id, () => {
        const entry = catalogEntry(id);
        if (!entry && parseVariantId(id)) return bpeLanes.variantTokenizer(id);
        if (!entry) {
          const message = id.startsWith("custom-")
            ? "This lane used a tokenizer file that is not loaded in this browser tab (files are never uploaded). Add the file again with “Add tokenizer.json / .tiktoken…”."
            : `Unknown tokenizer "${id}" (perhaps from a newer version of Tokenprism).`;
          return Promise.reject(new Error(message));
        }
        return entry.load(assets, onProgress);
      });
    },

    /** Registers a user's tokenizer.json / .tiktoken file; its id is derived from its bytes. */
    async addFile(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
      const id = `custom-${fnv1a(bytes).toString(16).padStart(8, "0")}`;
      if (fileName.toLowerCase().endsWith(".json")) bpeLanes.rememberJson(id, bytes);
      return (await loaded.get(id, async () => tokenizerFromFile(fileName, bytes, id))).info;
    },
  };
}

export type TokenizerRegistry = ReturnType<typeof createTokenizerRegistry>;
