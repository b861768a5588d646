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
  const lastShown = useRef<readonly LaneResult[] | null>(null);

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

  const shown = holding ? heldBack(results, previous) : results;
  // A render that changes nothing on screen returns the same array, so that the lanes and panels skip it: while
  // holding, a lane that finishes (a keystroke's results arrive from each worker separately); and after a new text
  // is shown, the render that its queries' observers cause when they switch to the new keys.
  const last = lastShown.current;
  if (last && last.length === shown.length && shown.every((result, i) => sameShown(result, last[i]!)))
    return last;
  lastShown.current = shown;
  return shown;
}

/** The results with each finished lane showing its previous result (marked as loading) while others work. */
function heldBack(
  results: readonly LaneResult[],
  previous: ReadonlyMap<string, LaneResult>,
): readonly LaneResult[] {
  return results.map((result): LaneResult => {
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
