import { concatBytes } from "../../src/core/text/concat-bytes";

/** Cache Storage bucket for the app's own files (tokenizers, corpus, models), kept for offline use. */
const CACHE_NAME = "tokenprism-tokenizer-files-v1";

/** Download progress in bytes (`total` null when the server does not say). */
export type FetchProgress = (loaded: number, total: number | null) => void;

/**
 * A cached response when there is one, else the network's (stored for next time, and for offline use).
 * Only for URLs whose content never changes (content-hashed or versioned).
 */
async function cachedFetch(url: string): Promise<Response> {
  const cache = typeof caches === "undefined" ? null : await caches.open(CACHE_NAME).catch(() => null);
  const hit = await cache?.match(url);
  if (hit) return hit;
  const response = await fetch(url);
  // Stored while the caller reads the body: awaiting the write first kept a model's download waiting on it.
  if (response.ok && cache) void cache.put(url, response.clone()).catch(() => undefined);
  return response;
}

/**
 * The bytes of a small same-origin file that may change between builds (a model card): the network's copy
 * when it answers (kept for offline use), else the cached one.
 */
export async function fetchFreshBytes(url: string): Promise<Uint8Array> {
  const cache = typeof caches === "undefined" ? null : await caches.open(CACHE_NAME).catch(() => null);
  try {
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) throw new Error(`Could not load ${url.split("/").pop()}: HTTP ${response.status}`);
    if (cache) await cache.put(url, response.clone()).catch(() => undefined);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const hit = await cache?.match(url);
    if (hit) return new Uint8Array(await hit.arrayBuffer());
    throw error;
  }
}

/** The bytes of a same-origin file, through the cache, reporting download progress. */
export async function fetchBytes(url: string, onProgress?: FetchProgress): Promise<Uint8Array> {
  const response = await cachedFetch(url);
  if (!response.ok) throw new Error(`Could not load ${url.split("/").pop()}: HTTP ${response.status}`);
  const total = Number(response.headers.get("content-length")) || null;
  if (!response.body || !onProgress) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  return concatBytes(chunks);
}
