import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import { AsyncMemo } from "../../src/core/collections/async-memo";
import { fnv1a } from "../../src/core/tokenizers/baselines/baselines";
import { chatFormatFor, type ChatFormatResult } from "../../src/core/chat/chat-formats";
import { DEFAULT_HUB_ENDPOINT, hubRepoOfId, type HubRepo } from "../../src/core/hub/hub-repo";
import { utf8DecodeStrict } from "../../src/core/text/utf8";
import { catalogEntry, type AssetSource, type ProgressCallback } from "../../src/core/tokenizers/catalog";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import { DynamicTokenizer, parseDynamicId } from "../../src/core/tokenizers/dynamic/dynamic-tokenizer";
import type { Tokenizer, TokenizerInfo } from "../../src/core/tokenizers/types";
import { createBpeLanes } from "./bpe-lanes";
import { fetchHubFile } from "./hub-files";

/** A Hub repository's tokenizer_config.json: the parsed object, or why there is none. */
type HubConfig = { config: Record<string, unknown> } | { config: null; problem: string };

function parseConfig(bytes: Uint8Array | null, where: string): HubConfig {
  if (!bytes) return { config: null, problem: `${where} has no tokenizer_config.json, so no chat template.` };
  const text = utf8DecodeStrict(bytes);
  try {
    const value = text === null ? null : (JSON.parse(text) as unknown);
    if (value && typeof value === "object" && !Array.isArray(value))
      return { config: value as Record<string, unknown> };
  } catch {
    // Not fatal: the tokenizer works without its config; only chat mode needs it.
  }
  return {
    config: null,
    problem: `${where}'s tokenizer_config.json is not a JSON object, so its chat template cannot be read.`,
  };
}

/** The tokenizers a worker has loaded: built-ins, BPE variants and dropped files, each loaded once. */
export function createTokenizerRegistry(assets: AssetSource, rankTable: MergeListSources["rankTable"]) {
  const loaded = new AsyncMemo<string, Tokenizer>();
  const bpeLanes = createBpeLanes({ assets, rankTable });
  const hubConfigs = new Map<string, HubConfig>();
  let hubEndpoint = DEFAULT_HUB_ENDPOINT;

  async function loadFromHub(id: string, repo: HubRepo, onProgress?: ProgressCallback): Promise<Tokenizer> {
    const where = `${repo.owner}/${repo.name}`;
    const json = await fetchHubFile(hubEndpoint, repo, "tokenizer.json", { onProgress });
    const config = await fetchHubFile(hubEndpoint, repo, "tokenizer_config.json", { optional: true });
    hubConfigs.set(id, parseConfig(config, where));
    return tokenizerFromFile(`${where}'s tokenizer.json`, json!, id, {
      name: where,
      source: `${hubEndpoint}/${where} @ ${repo.revision}`,
    });
  }

  return {
    bpeLanes,

    /** Where `hf:` tokenizers are downloaded from (a mirror may replace the Hub). */
    setHubEndpoint(endpoint: string): void {
      hubEndpoint = endpoint;
    },

    /** How a lane's models render a conversation, or why it has no chat format. */
    async chatFormat(id: string): Promise<ChatFormatResult> {
      const base = parseVariantId(id)?.base ?? id;
      const entry = catalogEntry(base);
      if (entry) return entry.chatFormat(assets);
      const repo = hubRepoOfId(id);
      if (repo) {
        await this.get(id);
        const hub = hubConfigs.get(id);
        if (!hub?.config)
          return { ok: false, reason: hub && !hub.config ? hub.problem : "No chat template." };
        return chatFormatFor(id, hub.config, `${repo.owner}/${repo.name}`);
      }
      return {
        ok: false,
        reason:
          "A dropped tokenizer file carries no chat template (that lives in tokenizer_config.json). Add the model from the Hub to use its template.",
      };
    },

    /** A tokenizer by id (a failed load is forgotten, so "retry" really retries). */
    get(id: string, onProgress?: ProgressCallback): Promise<Tokenizer> {
      return loaded.get(id, () => {
        const entry = catalogEntry(id);
        const dynamic = entry ? null : parseDynamicId(id);
        if (dynamic)
          return this.get(dynamic.base, onProgress).then(
            (base) => new DynamicTokenizer(base, dynamic.merges),
          );
        if (!entry && parseVariantId(id)) return bpeLanes.variantTokenizer(id);
        const repo = entry ? null : hubRepoOfId(id);
        if (repo) return loadFromHub(id, repo, onProgress);
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
