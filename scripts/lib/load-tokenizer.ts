import { catalogEntry } from "../../src/core/tokenizers/catalog";
import { DynamicTokenizer, parseDynamicId } from "../../src/core/tokenizers/dynamic/dynamic-tokenizer";
import type { Tokenizer } from "../../src/core/tokenizers/types";
import { nodeAssetSource } from "./node-asset-source";

const loaded = new Map<string, Promise<Tokenizer>>();

/** Loads a built-in tokenizer (or a dynamic lane `<id>.dynamic-<k>` over one) in Node, once per process. */
export function loadTokenizer(id: string): Promise<Tokenizer> {
  let promise = loaded.get(id);
  if (promise) return promise;
  const dynamic = catalogEntry(id) ? null : parseDynamicId(id);
  if (dynamic)
    promise = loadTokenizer(dynamic.base).then((base) => new DynamicTokenizer(base, dynamic.merges));
  else {
    const entry = catalogEntry(id);
    if (!entry) throw new Error(`Unknown tokenizer "${id}". Run \`npm run -s cli -- list\` for the ids.`);
    promise = entry.load(nodeAssetSource);
  }
  loaded.set(id, promise);
  return promise;
}
