import { useRef } from "react";
import { diffBoundaries, type BoundaryDiff } from "../../core/compare/boundaries";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneResult } from "./use-lane-results";

/** The diff of boundaries, and which lanes (by index) it covers. */
export interface LaneDiff {
  diff: BoundaryDiff;
  lanes: number[];
}

/**
 * The boundary diff over the lanes that are ready for the current text (null with fewer than two),
 * recomputed only when one of those encodings changes.
 */
export function useBoundaryDiff(results: readonly LaneResult[], text: string): LaneDiff | null {
  const cache = useRef<{ encodings: Encoding[]; lanes: number[]; value: LaneDiff | null } | null>(null);
  const lanes: number[] = [];
  const encodings: Encoding[] = [];
  results.forEach((result, index) => {
    if (result.status === "ready" && result.encodedText === text && result.encoding) {
      lanes.push(index);
      encodings.push(result.encoding);
    }
  });
  const previous = cache.current;
  const same =
    previous !== null &&
    previous.encodings.length === encodings.length &&
    previous.encodings.every((encoding, i) => encoding === encodings[i] && previous.lanes[i] === lanes[i]);
  if (same) return previous.value;
  const value = encodings.length < 2 ? null : { diff: diffBoundaries(encodings), lanes };
  cache.current = { encodings, lanes, value };
  return value;
}
