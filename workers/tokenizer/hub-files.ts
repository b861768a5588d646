import { concatBytes } from "../../src/core/text/concat-bytes";
import {
  hubFileUrl,
  hubHttpMessage,
  isCommitRevision,
  MAX_HUB_CONFIG_BYTES,
  type HubRepo,
} from "../../src/core/hub/hub-repo";
import { MAX_TOKENIZER_FILE_BYTES } from "../../src/core/tokenizers/custom-file";
import type { ProgressCallback } from "../../src/core/tokenizers/catalog";

/** Hub downloads, kept apart from the app's own files. */
const HUB_CACHE = "tokenprism-hub-v1";

async function openCache(): Promise<Cache | null> {
  return typeof caches === "undefined" ? null : caches.open(HUB_CACHE).catch(() => null);
}

async function readLimited(
  response: Response,
  maxBytes: number,
  file: string,
  onProgress?: ProgressCallback,
) {
  const declared = Number(response.headers.get("content-length")) || null;
  const tooBig = () =>
    new Error(
      `${file} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than Tokenprism accepts.`,
    );
  if (declared !== null && declared > maxBytes) throw tooBig();
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    if (loaded > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
    onProgress?.(loaded, declared);
  }
  return concatBytes(chunks);
}

/**
 * One file of a Hub repository, or null when `optional` and the Hub says 404. Commit revisions come from Cache
 * Storage when there; branches are fetched again (and the cached copy used only when the network fails).
 * @throws Error with a message for the user (status, gated, network, size).
 */
export async function fetchHubFile(
  endpoint: string,
  repo: HubRepo,
  file: "tokenizer.json" | "tokenizer_config.json",
  options: { optional?: boolean; onProgress?: ProgressCallback } = {},
): Promise<Uint8Array | null> {
  const url = hubFileUrl(endpoint, repo, file);
  const maxBytes = file === "tokenizer.json" ? MAX_TOKENIZER_FILE_BYTES : MAX_HUB_CONFIG_BYTES;
  const cache = await openCache();
  if (isCommitRevision(repo.revision)) {
    const hit = await cache?.match(url);
    if (hit) return readLimited(hit, maxBytes, file, options.onProgress);
  }
  let response: Response;
  try {
    response = await fetch(url, { credentials: "omit", cache: "no-cache" });
  } catch (error) {
    const hit = await cache?.match(url);
    if (hit) return readLimited(hit, maxBytes, file, options.onProgress);
    throw new Error(
      `Could not reach ${endpoint} (${(error as Error).message || "network error"}). The Hub is the only site Tokenprism contacts, and only when asked: check the connection, or the endpoint in “Add from the Hub”.`,
      { cause: error },
    );
  }
  if (response.status === 404 && options.optional) return null;
  if (!response.ok) throw new Error(hubHttpMessage(response.status, repo, file, endpoint));
  const bytes = await readLimited(response, maxBytes, file, options.onProgress);
  await cache
    ?.put(url, new Response(bytes.slice().buffer, { headers: response.headers }))
    .catch(() => undefined);
  return bytes;
}
