import { useEffect, useState } from "react";
import { diffBoundariesStepwise, type BoundaryDiff } from "../../core/compare/boundaries";
import type { Encoding } from "../../core/tokenizers/types";
import { runSliced } from "../run-sliced";
import type { LaneResult } from "./use-lane-results";

/** The diff of boundaries, and which lanes (by index) it covers. */
export interface LaneDiff {
  diff: BoundaryDiff;
  lanes: number[];
  encodings: Encoding[];
}

/**
 * The boundary diff over the lanes that are ready for the current text (null with fewer than two),
 * computed in short main-thread slices whenever one of those encodings changes.
 */
export function useBoundaryDiff(results: readonly LaneResult[], text: string): LaneDiff | null {
  const lanes: number[] = [];
  const encodings: Encoding[] = [];
  results.forEach((result, index) => {
    if (result.status === "ready" && result.encodedText === text && result.encoding) {
      lanes.push(index);
      encodings.push(result.encoding);
    }
  });
  const [computed, setComputed] = useState<LaneDiff | null>(null);
  const upToDate =
    computed !== null &&
    computed.encodings.length === encodings.length &&
    computed.encodings.every((encoding, i) => encoding === encodings[i] && computed.lanes[i] === lanes[i]);
  const key = upToDate ? "same" : `${lanes.join(",")}|${encodings.length}`;
  useEffect(() => {
    if (upToDate) return;
    if (encodings.length < 2) {
      setComputed(null);
      return;
    }
    const controller = new AbortController();
    runSliced(diffBoundariesStepwise(encodings), controller.signal)
      .then((diff) => setComputed({ diff, lanes, encodings }))
      .catch(() => undefined);
    return () => controller.abort();
    // The key captures which encodings are ready; the arrays are rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, upToDate, ...padded(encodings)]);
  return upToDate ? computed : null;
}

/** A fixed-length dependency list (hooks need one) holding up to 24 encodings. */
function padded(encodings: Encoding[]): (Encoding | null)[] {
  return Array.from({ length: 24 }, (_, i) => encodings[i] ?? null);
}
