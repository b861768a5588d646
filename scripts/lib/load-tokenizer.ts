import { catalogEntry } from "../../src/core/tokenizers/catalog";
import type { Tokenizer } from "../../src/core/tokenizers/types";
import { nodeAssetSource } from "./node-asset-source";

const loaded = new Map<string, Promise<Tokenizer>>();

/** Loads a built-in tokenizer in Node, once per process. */
export function loadTokenizer(id: string): Promise<Tokenizer> {
  const entry = catalogEntry(id);
  if (!entry) throw new Error(`Unknown tokenizer "${id}". Run \`npm run -s cli -- list\` for the ids.`);
  let promise = loaded.get(id);
  if (!promise) {
    promise = entry.load(nodeAssetSource);
    loaded.set(id, promise);
  }
  return promise;
}
