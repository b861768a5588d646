import { queryOptions } from "@tanstack/react-query";
import { get, set } from "idb-keyval";
import { bundledColumn } from "../core/metrics/bundled-atlas";
import { reportAtlasProgress } from "../state/atlas-progress-store";
import { tokenizerClient } from "../../workers/tokenizer/client";
import type { UdhrIndex } from "../../workers/tokenizer/api";

/** Query keys of the parity atlas. */
export const atlasKeys = {
  all: ["atlas"] as const,
  udhrIndex: ["udhr-index"] as const,
  column: (tokenizer: string, source: string, version: number) =>
    ["atlas", tokenizer, source, version] as const,
};

/** Bump when the way counts are computed changes without a version or dependency change. */
const ATLAS_CACHE_VERSION = 1;

/** Where a column's counts came from: this browser's cache, the app's build, or counted now in a worker. */
export type AtlasColumnOrigin = "cache" | "bundled" | "counted";

/** One tokenizer's atlas column: token counts in corpus order, and where they came from. */
export interface AtlasColumn {
  counts: Uint32Array;
  origin: AtlasColumnOrigin;
}

/**
 * The built-in columns counted when the app was built (`scripts/build-atlas-counts.ts`), fetched once; null
 * in development (the file may be older than the engine being edited), with `?atlas=count` in the page URL
 * (tests and benchmarks count in the page) or when the file cannot be read.
 */
let bundledAtlas: Promise<unknown> | undefined;
function bundledAtlasFile(): Promise<unknown> {
  const countInPage = new URLSearchParams(globalThis.location?.search ?? "").get("atlas") === "count";
  if (import.meta.env.DEV || countInPage) return Promise.resolve(null);
  bundledAtlas ??= fetch(
    `${import.meta.env.BASE_URL}corpora/atlas-counts.json?v=${encodeURIComponent(__BUILD_ID__)}`,
  )
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : null))
    .catch(() => null);
  return bundledAtlas;
}

/** The atlas corpus's languages (no texts). */
export function udhrIndexOptions() {
  return queryOptions({
    queryKey: atlasKeys.udhrIndex,
    queryFn: () => tokenizerClient().udhrIndex(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** Where a column is kept in IndexedDB: tokenizer, corpus version and the build that counted it. */
export function atlasCacheKey(tokenizer: string, index: UdhrIndex): string {
  return `atlas/v${ATLAS_CACHE_VERSION}/${__BUILD_ID__}/${index.source}/corpus-v${index.version}/${tokenizer}`;
}

/**
 * One tokenizer's token counts over every declaration: from IndexedDB when a previous visit computed
 * them, from the app's build for a built-in tokenizer, else counted in a worker (with progress, cancellable)
 * and stored. A storage failure (private mode, quota) only costs the cache.
 */
export function atlasColumnOptions(tokenizer: string, index: UdhrIndex, approximateBytes: number) {
  return queryOptions({
    queryKey: atlasKeys.column(tokenizer, index.source, index.version),
    queryFn: async ({ signal }): Promise<AtlasColumn> => {
      const key = atlasCacheKey(tokenizer, index);
      const stored = await get<Uint32Array>(key).catch(() => undefined);
      if (stored instanceof Uint32Array && stored.length === index.declarations.length) {
        reportAtlasProgress(tokenizer, stored.length, stored.length);
        return { counts: stored, origin: "cache" };
      }
      const corpus = {
        source: index.source,
        version: index.version,
        declarations: index.declarations.length,
      };
      const bundled = bundledColumn(await bundledAtlasFile(), tokenizer, corpus);
      if (bundled) {
        reportAtlasProgress(tokenizer, bundled.length, bundled.length);
        return { counts: bundled, origin: "bundled" };
      }
      const counts = await tokenizerClient().atlasCounts(tokenizer, approximateBytes, signal, (done, total) =>
        reportAtlasProgress(tokenizer, done, total),
      );
      await set(key, counts).catch(() => undefined);
      return { counts, origin: "counted" };
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    structuralSharing: false,
  });
}
