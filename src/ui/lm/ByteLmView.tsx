import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { utf8Prefix } from "../../core/lm/text-costs";
import { utf8Encode } from "../../core/text/utf8";
import { lmKeys, lmLoadOptions, surprisalOptions } from "../../queries/lm-queries";
import { tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useLanes, useParseSpecials, useText } from "../../state/comparison-store";
import { useScoringProgress } from "../../state/lm-progress-store";
import type { LmBackend } from "../../../workers/lm/api";
import { useLaneResults } from "../comparison/use-lane-results";
import { TextPanel } from "../editor/TextPanel";
import { tokenizeDelay, useDebouncedValue } from "../use-debounced-value";
import { LmStatus } from "./LmStatus";
import { NextBytePanel } from "./NextBytePanel";
import { PatchPanel } from "./PatchPanel";
import { SurprisalText } from "./SurprisalText";
import { TokenCostTable } from "./TokenCostTable";
import { TokenLmSection } from "./TokenLmSection";

const DEFAULT_LIMIT = 64 * 1024;
const LARGE_LIMIT = 1024 * 1024;

/** The tiny byte LM on the text: surprisal, next byte at the caret, entropy patches, and token costs. */
export function ByteLmView() {
  const typed = useText();
  const text = useDebouncedValue(typed, tokenizeDelay);
  const [limit, setLimit] = useState(DEFAULT_LIMIT);
  const [preference, setPreference] = useState<LmBackend | "auto">("auto");
  const [stopped, setStopped] = useState(false);
  const [caret, setCaret] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const scored = useMemo(() => utf8Prefix(text, limit), [text, limit]);
  const scoredBytes = useMemo(() => utf8Encode(scored).length, [scored]);
  const totalBytes = useMemo(() => utf8Encode(text).length, [text]);
  const load = useQuery(lmLoadOptions(preference));
  const surprisal = useQuery({
    ...surprisalOptions(scored, preference),
    enabled: load.isSuccess && !stopped,
  });
  const progress = useScoringProgress();
  const listing = useQuery(tokenizerListOptions());
  const lanes = useLanes().filter((l) => l.tokenizer !== "byte-lm-patches");
  const results = useLaneResults(lanes, scored, useParseSpecials(), listing.data);
  const at = Math.min(caret ?? scoredBytes, scoredBytes);
  const running = surprisal.fetchStatus === "fetching";

  return (
    <section className="lm-view" aria-label="Byte language model" data-testid="lm-view">
      <LmStatus load={load} preference={preference} onPreference={setPreference} />
      <TextPanel />
      {totalBytes > scoredBytes && (
        <p className="note">
          The model scores the first {scoredBytes.toLocaleString()} of {totalBytes.toLocaleString()} bytes.{" "}
          {limit < LARGE_LIMIT && (
            <button type="button" onClick={() => setLimit(LARGE_LIMIT)}>
              Score up to 1 MB
            </button>
          )}
        </p>
      )}
      {scoredBytes === 0 && (
        <p className="empty-state">Type or paste text above to see what the byte model thinks of it.</p>
      )}
      {running && (
        <p data-testid="surprisal-progress">
          Scoring…{" "}
          <progress
            value={progress?.done ?? 0}
            max={progress?.total ?? scoredBytes}
            aria-label="Scoring progress"
          />{" "}
          <button
            type="button"
            onClick={() => {
              setStopped(true);
              void queryClient.cancelQueries({ queryKey: lmKeys.surprisalAll });
            }}
          >
            Cancel
          </button>
        </p>
      )}
      {stopped && !surprisal.data && (
        <p className="note">
          Scoring cancelled.{" "}
          <button type="button" onClick={() => setStopped(false)}>
            Score again
          </button>
        </p>
      )}
      {surprisal.error && (
        <p className="error" role="alert">
          Scoring failed: {(surprisal.error as Error).message}{" "}
          <button type="button" onClick={() => void surprisal.refetch()}>
            Retry
          </button>
        </p>
      )}
      {surprisal.data && scoredBytes > 0 && (
        <>
          <p>
            <strong data-testid="bits-per-byte">{surprisal.data.bitsPerByte.toFixed(3)}</strong> bits per byte
            over {scoredBytes.toLocaleString()} bytes (windows of{" "}
            {load.data?.card.contextLength ? load.data.card.contextLength - 1 : "…"} bytes, each from the
            start state)
          </p>
          <div className="lm-grid">
            <SurprisalText text={scored} bits={surprisal.data.bits} caret={at} onCaret={setCaret} />
            {load.data && <NextBytePanel text={scored} caret={at} backend={preference} />}
          </div>
          <PatchPanel entropy={surprisal.data.entropyNats} />
          <TokenCostTable results={results} bits={surprisal.data.bits} text={scored} />
        </>
      )}
      {load.data && scoredBytes > 0 && (
        <TokenLmSection
          text={scored}
          caret={at}
          totalBytes={scoredBytes}
          onCaret={setCaret}
          backend={preference}
        />
      )}
    </section>
  );
}
