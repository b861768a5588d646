import { transfer } from "comlink";
import {
  CATALOG,
  catalogEntry,
  type AssetSource,
  type ProgressCallback,
} from "../../src/core/tokenizers/catalog";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import type { TokenExplanation } from "../../src/core/bpe/explain-token";
import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { createBpeLanes } from "./bpe-lanes";
import { fnv1a } from "../../src/core/tokenizers/baselines/baselines";
import {
  encodingTransferables,
  type EncodeOptions,
  type Tokenizer,
  type TokenizerInfo,
} from "../../src/core/tokenizers/types";
import { analyzeText, type TextAnalysis } from "../../src/core/metrics/text-analysis";
import { scriptProfileTransferables } from "../../src/core/metrics/script-stats";
import { laneViewData, type LaneViewData } from "../../src/core/compare/lane-view-data";
import type { DeclarationInfo, UdhrCorpus } from "../../src/core/corpus/udhr-corpus";
import { Cancellations } from "../shared/cancellation";
import { AsyncMemo, AsyncOnce } from "../../src/core/collections/async-memo";

/** Where the parity atlas's corpus comes from (a fetch in the browser, the file system in Node). */
export type CorpusSource = () => Promise<UdhrCorpus>;

/** The atlas corpus without its texts: what the main thread's tables need. */
export interface UdhrIndex {
  version: number;
  source: string;
  declarations: DeclarationInfo[];
}

/** What the lane picker knows about a built-in tokenizer before loading it. */
export interface TokenizerListing {
  id: string;
  name: string;
  family: string;
  models: string[];
  source: string;
  approximateBytes: number;
}

/** The tokenizer worker's API: plain async functions over src/core, also callable without a worker. */
export function createTokenizerApi(
  assets: AssetSource,
  loadCorpus?: CorpusSource,
  rankTable: MergeListSources["rankTable"] = () => Promise.reject(new Error("no rank tables here")),
) {
  const loaded = new AsyncMemo<string, Tokenizer>();
  const cancellations = new Cancellations();
  const corpus = new AsyncOnce<UdhrCorpus>();
  const bpeLanes = createBpeLanes({ assets, rankTable });

  function udhr(): Promise<UdhrCorpus> {
    if (!loadCorpus) return Promise.reject(new Error("No corpus is available here."));
    return corpus.get(loadCorpus);
  }

  async function startOrCancel(requestId: number | undefined): Promise<void> {
    if (requestId !== undefined) await cancellations.checkpoint(requestId);
  }

  /** A tokenizer, loaded once (a failed load is forgotten, so "retry" really retries). */
  function get(id: string, onProgress?: ProgressCallback): Promise<Tokenizer> {
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
  }

  return {
    /** Every built-in tokenizer. */
    listTokenizers(): TokenizerListing[] {
      return CATALOG.map(({ id, name, family, models, source, approximateBytes }) => ({
        id,
        name,
        family,
        models,
        source,
        approximateBytes,
      }));
    },

    /** Loads (once) and describes a tokenizer; `onProgress` receives download progress. */
    async loadTokenizer(id: string, onProgress?: ProgressCallback): Promise<TokenizerInfo> {
      return (await get(id, onProgress)).info;
    },

    /**
     * Tokenizes text and prepares it for display; the typed arrays are transferred, not copied. With a
     * `requestId`, the request can be dropped by {@link cancel} until it starts.
     */
    async encode(
      id: string,
      text: string,
      options: EncodeOptions = {},
      requestId?: number,
    ): Promise<LaneViewData> {
      const tokenizer = await get(id);
      await startOrCancel(requestId);
      const encoding = tokenizer.encode(text, options);
      const view = laneViewData(text, encoding, options.parseSpecials ? [] : tokenizer.info.specialTokens);
      const buffers = [
        ...encodingTransferables(encoding),
        view.textBlocks.buffer,
        view.chipBlocks.buffer,
      ] as ArrayBuffer[];
      return transfer(view, buffers);
    },

    /** Drops a queued request (one already running finishes; its result is then ignored). */
    cancel(requestId: number): void {
      cancellations.cancel(requestId);
    },

    /** Counts (bytes, code points, characters, words, lines) and the per-script profile of the text. */
    async analyzeText(text: string, requestId?: number): Promise<TextAnalysis> {
      await startOrCancel(requestId);
      const analysis = analyzeText(text);
      return transfer(analysis, scriptProfileTransferables(analysis.profile));
    },

    /** The atlas corpus's languages (no texts), in corpus order. */
    async udhrIndex(): Promise<UdhrIndex> {
      const { version, source, declarations } = await udhr();
      return { version, source, declarations: declarations.map(({ text: _text, ...info }) => info) };
    },

    /** The clean text of one declaration of the atlas corpus. */
    async udhrText(lang: string): Promise<string> {
      const found = (await udhr()).declarations.find((d) => d.lang === lang);
      if (!found) throw new Error(`No UDHR declaration for "${lang}".`);
      return found.text;
    },

    /**
     * Token counts of every declaration (corpus order) under one tokenizer. Yields between declarations
     * every ~100 ms, so progress is reported and a {@link cancel} stops it mid-way.
     */
    async atlasCounts(
      id: string,
      requestId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<Uint32Array> {
      const [tokenizer, { declarations }] = await Promise.all([get(id), udhr()]);
      await startOrCancel(requestId);
      const counts = new Uint32Array(declarations.length);
      let checkpoint = performance.now();
      for (let i = 0; i < declarations.length; i++) {
        const text = declarations[i]!.text;
        counts[i] = tokenizer.countTokens ? tokenizer.countTokens(text) : tokenizer.encode(text).ids.length;
        if (performance.now() - checkpoint > 100) {
          onProgress?.(i + 1, declarations.length);
          await startOrCancel(requestId);
          checkpoint = performance.now();
        }
      }
      onProgress?.(declarations.length, declarations.length);
      return transfer(counts, [counts.buffer]);
    },

    /**
     * How a BPE lane's token came to be: its merge tree, and its chunk cut by the merge list and by least
     * tokens. Null for lanes without a readable merge list (tiktoken rank files, SentencePiece, baselines).
     */
    explainToken(
      laneId: string,
      tokenId: number,
      text: string,
      byteStart: number,
    ): Promise<TokenExplanation | null> {
      return bpeLanes.explainToken(laneId, tokenId, text, byteStart);
    },

    /** For tests of crash recovery: the worker throws outside any call and closes itself. */
    crashForTesting(): void {
      setTimeout(() => {
        throw new Error("simulated worker crash");
      }, 0);
      setTimeout(() => (globalThis as { close?: () => void }).close?.(), 10);
    },

    /** Makes a user's tokenizer.json / .tiktoken file a lane; the id is derived from the file's bytes. */
    async addCustomTokenizer(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
      const id = `custom-${fnv1a(bytes).toString(16).padStart(8, "0")}`;
      if (fileName.toLowerCase().endsWith(".json")) bpeLanes.rememberJson(id, bytes);
      return (await loaded.get(id, async () => tokenizerFromFile(fileName, bytes, id))).info;
    },
  };
}

/** The API type the client wraps. */
export type TokenizerApi = ReturnType<typeof createTokenizerApi>;
