import { queryOptions } from "@tanstack/react-query";
import { get, set } from "idb-keyval";
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

/** One tokenizer's atlas column: token counts in corpus order, and whether they came from the cache. */
export interface AtlasColumn {
  counts: Uint32Array;
  cached: boolean;
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
 * them, else counted in a worker (with progress, cancellable) and stored. A storage failure (private
 * mode, quota) only costs the cache.
 */
export function atlasColumnOptions(tokenizer: string, index: UdhrIndex, weight: number) {
  return queryOptions({
    queryKey: atlasKeys.column(tokenizer, index.source, index.version),
    queryFn: async ({ signal }): Promise<AtlasColumn> => {
      const key = atlasCacheKey(tokenizer, index);
      const stored = await get<Uint32Array>(key).catch(() => undefined);
      if (stored instanceof Uint32Array && stored.length === index.declarations.length) {
        reportAtlasProgress(tokenizer, stored.length, stored.length);
        return { counts: stored, cached: true };
      }
      const counts = await tokenizerClient().atlasCounts(tokenizer, weight, signal, (done, total) =>
        reportAtlasProgress(tokenizer, done, total),
      );
      await set(key, counts).catch(() => undefined);
      return { counts, cached: false };
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    structuralSharing: false,
  });
}
