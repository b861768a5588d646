import { transfer } from "comlink";
import {
  CATALOG,
  catalogEntry,
  type AssetSource,
  type ProgressCallback,
} from "../../src/core/tokenizers/catalog";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import { fnv1a } from "../../src/core/tokenizers/baselines/baselines";
import {
  encodingTransferables,
  type EncodeOptions,
  type Encoding,
  type Tokenizer,
  type TokenizerInfo,
} from "../../src/core/tokenizers/types";

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
export function createTokenizerApi(assets: AssetSource) {
  const loaded = new Map<string, Promise<Tokenizer>>();

  function get(id: string, onProgress?: ProgressCallback): Promise<Tokenizer> {
    let promise = loaded.get(id);
    if (!promise) {
      const entry = catalogEntry(id);
      if (!entry) return Promise.reject(new Error(`Unknown tokenizer "${id}"`));
      promise = entry.load(assets, onProgress);
      loaded.set(id, promise);
      // A failed load is forgotten so that "retry" really retries.
      promise.catch(() => loaded.delete(id));
    }
    return promise;
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

    /** Tokenizes text; the typed arrays are transferred, not copied. */
    async encode(id: string, text: string, options: EncodeOptions = {}): Promise<Encoding> {
      const encoding = (await get(id)).encode(text, options);
      return transfer(encoding, encodingTransferables(encoding));
    },

    /** Display strings of ids (token cards, exports). */
    async tokenTexts(id: string, ids: number[]): Promise<string[]> {
      const tokenizer = await get(id);
      return ids.map((tokenId) => tokenizer.tokenText(tokenId));
    },

    /** Makes a user's tokenizer.json / .tiktoken file a lane; the id is derived from the file's bytes. */
    async addCustomTokenizer(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
      const id = `custom-${fnv1a(bytes).toString(16).padStart(8, "0")}`;
      if (!loaded.has(id)) loaded.set(id, Promise.resolve(tokenizerFromFile(fileName, bytes, id)));
      return (await loaded.get(id)!).info;
    },
  };
}

/** The API type the client wraps. */
export type TokenizerApi = ReturnType<typeof createTokenizerApi>;
