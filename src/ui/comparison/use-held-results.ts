import { useEffect, useReducer, useRef } from "react";
import type { LaneResult } from "./use-lane-results";

/**
 * Lanes switch to new results together: while some lane is still working on the current input (for at most
 * `holdMs`), a lane that already finished keeps showing its previous result (marked as loading). A keystroke then
 * redraws every lane in one render, with boundary-diff marks computed over all of them, instead of once per
 * arriving lane with marks that change as the set of finished lanes grows. After `holdMs` each lane shows its
 * result as it arrives (a megabyte still paints its first lane early).
 */
export function useHeldResults(results: readonly LaneResult[], holdMs: number): readonly LaneResult[] {
  const settled = results.every((result) => result.status !== "loading");
  const lastSettled = useRef(new Map<string, LaneResult>());
  const pendingSince = useRef<number | null>(null);
  const [, wake] = useReducer((tick: number) => tick + 1, 0);
  const lastHeld = useRef<LaneResult[] | null>(null);

  // Bookkeeping of what was last shown, read and written during render (derived from the results alone).
  if (settled) {
    lastSettled.current = new Map(results.map((result) => [result.setting.key, result]));
    pendingSince.current = null;
  } else pendingSince.current ??= performance.now();
  const since = pendingSince.current;
  const holding = since !== null && performance.now() - since < holdMs;
  const previous = lastSettled.current;

  useEffect(() => {
    if (!holding || since === null) return;
    const timer = setTimeout(wake, Math.max(0, since + holdMs - performance.now()) + 1);
    return () => clearTimeout(timer);
  }, [holding, since, holdMs]);

  if (!holding) {
    lastHeld.current = null;
    return results;
  }
  const held = results.map((result): LaneResult => {
    const before = previous.get(result.setting.key);
    if (result.status !== "ready" || !before?.view || before.setting.tokenizer !== result.setting.tokenizer)
      return result;
    return {
      ...result,
      encoding: before.encoding,
      view: before.view,
      encodedText: before.encodedText,
      chat: before.chat,
      status: "loading",
    };
  });
  // While holding, a lane that finishes changes nothing on screen: the same array as before lets the lanes
  // skip that render (a keystroke's results arrive from each worker separately).
  const last = lastHeld.current;
  if (last && last.length === held.length && held.every((result, i) => sameShown(result, last[i]!)))
    return last;
  lastHeld.current = held;
  return held;
}

/** Whether two results draw the same (their retry callbacks differ from render to render, and do not count). */
function sameShown(a: LaneResult, b: LaneResult): boolean {
  return (
    a.setting === b.setting &&
    a.listing === b.listing &&
    a.info === b.info &&
    a.encoding === b.encoding &&
    a.view === b.view &&
    a.encodedText === b.encodedText &&
    a.chat === b.chat &&
    a.status === b.status &&
    a.error === b.error
  );
}
