import { profileScriptStats, type ScriptProfile, type ScriptStats } from "../../core/metrics/script-stats";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneResult } from "../comparison/use-lane-results";

const cache = new WeakMap<Encoding, { profile: ScriptProfile; stats: ScriptStats[] }>();

/** One lane's per-script statistics for the current text. */
export interface LaneScriptStats {
  tokenizer: string;
  name: string;
  stats: ScriptStats[];
}

/** Per-script statistics of every ready lane, computed once per encoding (one pass over its tokens). */
export function useScriptStats(
  results: readonly LaneResult[],
  profile: ScriptProfile | undefined,
  text: string,
): LaneScriptStats[] {
  if (!profile) return [];
  return results.flatMap((result) => {
    if (result.status !== "ready" || !result.encoding || result.encodedText !== text) return [];
    let hit = cache.get(result.encoding);
    if (!hit || hit.profile !== profile) {
      hit = { profile, stats: profileScriptStats(profile, result.encoding) };
      cache.set(result.encoding, hit);
    }
    return [
      {
        tokenizer: result.setting.tokenizer,
        name: result.info?.name ?? result.setting.tokenizer,
        stats: hit.stats,
      },
    ];
  });
}
