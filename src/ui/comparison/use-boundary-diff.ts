import { useEffect, useMemo, useState } from "react";
import { diffBoundariesStepwise, type BoundaryDiff } from "../../core/compare/boundaries";
import type { Encoding } from "../../core/tokenizers/types";
import { runSliced } from "../run-sliced";
import type { LaneResult } from "./use-lane-results";

/** The diff of boundaries, and which lanes (by index) it covers. */
export interface LaneDiff {
  diff: BoundaryDiff;
  lanes: number[];
}

const identities = new WeakMap<Encoding, number>();
let nextIdentity = 0;

/** A number naming an encoding object, for cache keys. */
function identity(encoding: Encoding): number {
  let id = identities.get(encoding);
  if (id === undefined) {
    id = ++nextIdentity;
    identities.set(encoding, id);
  }
  return id;
}

/**
 * The boundary diff over the lanes that are ready for the current text (null with fewer than two, or while
 * it is being computed), in short main-thread slices whenever one of those encodings changes.
 */
export function useBoundaryDiff(results: readonly LaneResult[], text: string): LaneDiff | null {
  const ready = results.flatMap((result, lane) =>
    result.status === "ready" && result.encodedText === text && result.encoding
      ? [{ lane, encoding: result.encoding }]
      : [],
  );
  const key = ready.map(({ lane, encoding }) => `${lane}:${identity(encoding)}`).join(",");
  // `ready` is rebuilt on every render; the key names exactly the lanes and encodings it holds.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const inputs = useMemo(() => ready, [key]);
  const [computed, setComputed] = useState<{ key: string; value: LaneDiff } | null>(null);
  useEffect(() => {
    if (inputs.length < 2) return;
    const controller = new AbortController();
    runSliced(diffBoundariesStepwise(inputs.map((input) => input.encoding)), controller.signal)
      .then((diff) => setComputed({ key, value: { diff, lanes: inputs.map((input) => input.lane) } }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [inputs, key]);
  return computed?.key === key ? computed.value : null;
}
