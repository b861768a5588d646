import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { utf8Prefix } from "../../core/lm/text-costs";
import { utf8ByteLength } from "../../core/text/utf8";
import { lmKeys, lmLoadOptions, surprisalOptions } from "../../queries/lm-queries";
import { tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useLanes, useParseSpecials, useText } from "../../state/comparison-store";
import { useScoringProgress } from "../../state/lm-progress-store";
import type { LmBackend } from "../../../workers/lm/api";
import { useLaneResults } from "../comparison/use-lane-results";
import { tokenizeDelay, useDebouncedValue } from "../use-debounced-value";

/** How much text the model scores by default, and at most on request. */
export const DEFAULT_LIMIT = 64 * 1024;
export const LARGE_LIMIT = 1024 * 1024;

/**
 * The Byte LM view's model: the text cut to the scored length, the model load and the scoring (cancellable,
 * with progress), the caret, and the lanes whose token costs the view tabulates.
 */
export function useByteLm() {
  const text = useDebouncedValue(useText(), tokenizeDelay);
  const [limit, setLimit] = useState(DEFAULT_LIMIT);
  const [preference, setPreference] = useState<LmBackend | "auto">("auto");
  const [stopped, setStopped] = useState(false);
  const [caret, setCaret] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const scored = useMemo(() => utf8Prefix(text, limit), [text, limit]);
  const scoredBytes = useMemo(() => utf8ByteLength(scored), [scored]);
  const totalBytes = useMemo(() => utf8ByteLength(text), [text]);
  const load = useQuery(lmLoadOptions(preference));
  const surprisal = useQuery({
    ...surprisalOptions(scored, preference),
    enabled: load.isSuccess && !stopped,
  });
  const progress = useScoringProgress();
  const listing = useQuery(tokenizerListOptions());
  const lanes = useLanes().filter((l) => l.tokenizer !== "byte-lm-patches");
  const results = useLaneResults(
    lanes,
    { kind: "text", text: scored, parseSpecials: useParseSpecials() },
    listing.data,
  );
  return {
    scored,
    scoredBytes,
    totalBytes,
    /** The caret as a byte offset into the scored text (its end when none is set). */
    caret: Math.min(caret ?? scoredBytes, scoredBytes),
    setCaret,
    canScoreMore: limit < LARGE_LIMIT,
    scoreMore: () => setLimit(LARGE_LIMIT),
    preference,
    setPreference,
    load,
    surprisal,
    progress,
    running: surprisal.fetchStatus === "fetching",
    stopped,
    stop: () => {
      setStopped(true);
      void queryClient.cancelQueries({ queryKey: lmKeys.surprisalAll });
    },
    resume: () => setStopped(false),
    results,
  };
}
