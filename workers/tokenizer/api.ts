import { transfer } from "comlink";
import type { MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { analyzeText, type TextAnalysis } from "../../src/core/metrics/text-analysis";
import { scriptProfileTransferables } from "../../src/core/metrics/script-stats";
import type { AssetSource } from "../../src/core/tokenizers/catalog";
import { Cancellations } from "../shared/cancellation";
import { createAtlasApi, type CorpusSource } from "./atlas-api";
import { createLanesApi } from "./lanes-api";
import { createProbesApi } from "./probes-api";
import { createTokenizerRegistry } from "./tokenizer-registry";

export type { CorpusSource, UdhrIndex } from "./atlas-api";
export type { TokenizerListing } from "./lanes-api";
export type { NumbersProbeResult } from "./probes-api";

/**
 * The tokenizer worker's API, one part per concern over one registry of loaded tokenizers: lanes (Compare),
 * the atlas, the probes, text analysis; plain async functions over src/core, also callable without a worker.
 */
export function createTokenizerApi(
  assets: AssetSource,
  loadCorpus?: CorpusSource,
  rankTable: MergeListSources["rankTable"] = () => Promise.reject(new Error("no rank tables here")),
) {
  const cancellations = new Cancellations();
  const registry = createTokenizerRegistry(assets, rankTable);
  return {
    ...createLanesApi(registry, cancellations),
    ...createAtlasApi(registry, cancellations, loadCorpus),
    ...createProbesApi(registry),

    /** Counts (bytes, code points, characters, words, lines) and the per-script profile of the text. */
    async analyzeText(text: string, requestId?: number): Promise<TextAnalysis> {
      await cancellations.checkpoint(requestId);
      const analysis = analyzeText(text);
      return transfer(analysis, scriptProfileTransferables(analysis.profile));
    },

    /** Drops a request at its next checkpoint (one that has not started is dropped when it starts). */
    cancel(requestId: number): void {
      cancellations.cancel(requestId);
    },

    /** For tests of crash recovery: the worker throws outside any call and closes itself. */
    crashForTesting(): void {
      setTimeout(() => {
        throw new Error("simulated worker crash");
      }, 0);
      setTimeout(() => (globalThis as { close?: () => void }).close?.(), 10);
    },
  };
}

/** The API type the client wraps. */
export type TokenizerApi = ReturnType<typeof createTokenizerApi>;
