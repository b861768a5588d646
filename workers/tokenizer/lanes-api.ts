import { transfer } from "comlink";
import type { TokenExplanation } from "../../src/core/bpe/explain-token";
import { laneViewData, type LaneViewData } from "../../src/core/compare/lane-view-data";
import { CATALOG, type ProgressCallback } from "../../src/core/tokenizers/catalog";
import {
  encodingTransferables,
  type EncodeOptions,
  type TokenizerInfo,
} from "../../src/core/tokenizers/types";
import type { Cancellations } from "../shared/cancellation";
import type { TokenizerRegistry } from "./tokenizer-registry";

/** What the lane picker knows about a built-in tokenizer before loading it. */
export interface TokenizerListing {
  id: string;
  name: string;
  family: string;
  models: string[];
  source: string;
  approximateBytes: number;
}

/** The Compare view's calls: the catalogue, loading, encoding lanes, dropped files, token explanations. */
export function createLanesApi(registry: TokenizerRegistry, cancellations: Cancellations) {
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
      return (await registry.get(id, onProgress)).info;
    },

    /**
     * Tokenizes text and prepares it for display; the typed arrays are transferred, not copied. With a
     * `requestId`, the request can be dropped by `cancel` until it starts.
     */
    async encode(
      id: string,
      text: string,
      options: EncodeOptions = {},
      requestId?: number,
    ): Promise<LaneViewData> {
      const tokenizer = await registry.get(id);
      await cancellations.checkpoint(requestId);
      const encoding = tokenizer.encode(text, options);
      const view = laneViewData(text, encoding, options.parseSpecials ? [] : tokenizer.info.specialTokens);
      const buffers = [
        ...encodingTransferables(encoding),
        view.textBlocks.buffer,
        view.chipBlocks.buffer,
      ] as ArrayBuffer[];
      return transfer(view, buffers);
    },

    /** Makes a user's tokenizer.json / .tiktoken file a lane; the id is derived from the file's bytes. */
    addCustomTokenizer(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
      return registry.addFile(fileName, bytes);
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
      return registry.bpeLanes.explainToken(laneId, tokenId, text, byteStart);
    },
  };
}
