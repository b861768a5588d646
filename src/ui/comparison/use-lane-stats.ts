import { useMemo } from "react";
import { laneStats, type LaneStats, type TextCounts } from "../../core/metrics/lane-stats";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneResult } from "./use-lane-results";

const cache = new WeakMap<Encoding, { counts: TextCounts; stats: LaneStats }>();

/** Per-lane statistics, computed once per encoding (a megabyte lane has a million flags to count). */
export function useLaneStats(
  results: readonly LaneResult[],
  counts: TextCounts | undefined,
  text: string,
): (LaneStats | undefined)[] {
  // One array per (results, counts, text): the panels that take it skip renders that change none of them.
  return useMemo(() => statsOf(results, counts, text), [results, counts, text]);
}

function statsOf(
  results: readonly LaneResult[],
  counts: TextCounts | undefined,
  text: string,
): (LaneStats | undefined)[] {
  return results.map((result) => {
    if (result.status !== "ready" || !result.encoding || result.encodedText !== text || !counts)
      return undefined;
    const hit = cache.get(result.encoding);
    if (hit && hit.counts === counts) return hit.stats;
    const stats = laneStats(result.encoding, counts, result.view?.flagCounts);
    cache.set(result.encoding, { counts, stats });
    return stats;
  });
}

/**
 * The statistics last computed for an encoding a lane still shows while it re-tokenizes (they describe what it
 * draws); undefined when there are none.
 */
export function statsShownWith(encoding: Encoding | undefined): LaneStats | undefined {
  return encoding ? cache.get(encoding)?.stats : undefined;
}
