import { useEffect, useMemo, useRef, useState } from "react";
import {
  diffBoundaries,
  diffBoundariesStepwise,
  updateBoundaryDiff,
  type BoundaryDiff,
} from "../../core/compare/boundaries";
import type { Encoding } from "../../core/tokenizers/types";
import { runSliced } from "../run-sliced";
import type { LaneResult } from "./use-lane-results";

/** The diff of boundaries, and which lanes (by index) and encodings it covers. */
export interface LaneDiff {
  diff: BoundaryDiff;
  lanes: number[];
  encodings: Encoding[];
}

/** The diff for the current text, and the latest diff computed, whose marks stay valid for lanes still showing its encodings. */
export interface BoundaryDiffs {
  /** Over the lanes ready for the current text; null with fewer than two, or while it is being computed. */
  current: LaneDiff | null;
  /** `current`, or while it is computed the previous diff (marks only for lanes that still show its encodings). */
  latest: LaneDiff | null;
}

/** Up to this many tokens over all lanes, the diff is computed during render (a few milliseconds), so that the
 * marks change in the same frame as the tokens; above, in short slices after it. */
const SYNCHRONOUS_TOKENS = 100_000;

/** The diff marks of lane `index` showing `encoding`, when `diff` covers that encoding. */
export function marksOf(
  diff: LaneDiff | null,
  index: number,
  encoding: Encoding | undefined,
): Uint8Array | null {
  const at = diff ? diff.lanes.indexOf(index) : -1;
  return at >= 0 && diff!.encodings[at] === encoding ? diff!.diff.unsharedEnds[at]! : null;
}

const NO_COUNTS = new Uint16Array(0);

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
 * The boundary diff over the lanes that are ready for the current text: during render for small texts, in short
 * main-thread slices for large ones, whenever one of those encodings changes.
 */
export function useBoundaryDiff(results: readonly LaneResult[], text: string): BoundaryDiffs {
  const ready = results.flatMap((result, lane) =>
    result.status === "ready" && result.encodedText === text && result.encoding
      ? [{ lane, encoding: result.encoding, edit: result.view?.edit }]
      : [],
  );
  const key = ready.map(({ lane, encoding }) => `${lane}:${identity(encoding)}`).join(",");
  // `ready` is rebuilt on every render; the key names exactly the lanes and encodings it holds.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const inputs = useMemo(() => ready, [key]);
  // Remember the last diff, so that lanes still showing its encodings keep their marks while a new one is computed,
  // and an edit's diff is updated from it. A ref, not state: setting state during render ran the whole comparison
  // view twice on every keystroke. A render React discards may leave its diff here; harmless, since marks apply
  // only to lanes showing its encodings and an update only to encodings edited from its own.
  const previous = useRef<LaneDiff | null>(null);
  const synchronous = useMemo(() => {
    const tokens = inputs.reduce((sum, input) => sum + input.encoding.ids.length, 0);
    if (inputs.length < 2 || tokens > SYNCHRONOUS_TOKENS) return null;
    const encodings = inputs.map((input) => input.encoding);
    const lanes = inputs.map((input) => input.lane);
    // An update checks that every lane was edited from the encoding the last diff compared (else null).
    const last = previous.current;
    const updated = last
      ? updateBoundaryDiff(
          last,
          encodings,
          inputs.map((input) => input.edit),
        )
      : null;
    return { diff: updated ?? diffBoundaries(encodings), lanes, encodings };
  }, [inputs]);
  const [computed, setComputed] = useState<{ key: string; value: LaneDiff } | null>(null);
  useEffect(() => {
    if (inputs.length < 2 || synchronous) return;
    const controller = new AbortController();
    const encodings = inputs.map((input) => input.encoding);
    runSliced(diffBoundariesStepwise(encodings), controller.signal)
      .then((diff) =>
        // A large text's diff is never updated (only diffs computed during render are): its counts (two bytes
        // per byte of text) are not kept.
        setComputed({
          key,
          value: {
            diff: { ...diff, counts: NO_COUNTS },
            lanes: inputs.map((input) => input.lane),
            encodings,
          },
        }),
      )
      .catch(() => undefined);
    return () => controller.abort();
  }, [inputs, key, synchronous]);
  const current = synchronous ?? (computed?.key === key ? computed.value : null);
  if (current) previous.current = current;
  const latest = current ?? previous.current;
  return useMemo(() => ({ current, latest }), [current, latest]);
}
