import { TextPanel } from "../editor/TextPanel";
import { LmStatus } from "./LmStatus";
import { NextBytePanel } from "./NextBytePanel";
import { PatchPanel } from "./PatchPanel";
import { SurprisalText } from "./SurprisalText";
import { TokenCostTable } from "./TokenCostTable";
import { TokenLmSection } from "./TokenLmSection";
import { useByteLm } from "./use-byte-lm";
import { formatCount } from "../format-count";

/** The tiny byte LM on the text: surprisal, next byte at the caret, entropy patches, and token costs. */
export function ByteLmView() {
  const lm = useByteLm();
  const { scored, scoredBytes, totalBytes, load, surprisal, progress, preference, caret: at } = lm;

  return (
    <section className="lm-view" aria-label="Byte language model" data-testid="lm-view">
      <LmStatus load={load} preference={preference} onPreference={lm.setPreference} />
      <TextPanel />
      {totalBytes > scoredBytes && (
        <p className="note">
          The model scores the first {formatCount(scoredBytes)} of {formatCount(totalBytes)} bytes.{" "}
          {lm.canScoreMore && (
            <button type="button" onClick={lm.scoreMore}>
              Score up to 1 MB
            </button>
          )}
        </p>
      )}
      {scoredBytes === 0 && (
        <p className="empty-state">Type or paste text above to see what the byte model thinks of it.</p>
      )}
      {lm.running && (
        <p data-testid="surprisal-progress">
          Scoring…{" "}
          <progress
            value={progress?.done ?? 0}
            max={progress?.total ?? scoredBytes}
            aria-label="Scoring progress"
          />{" "}
          <button type="button" onClick={lm.stop}>
            Cancel
          </button>
        </p>
      )}
      {lm.stopped && !surprisal.data && (
        <p className="note">
          Scoring cancelled.{" "}
          <button type="button" onClick={lm.resume}>
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
            over {formatCount(scoredBytes)} bytes (windows of{" "}
            {load.data?.card.contextLength ? load.data.card.contextLength - 1 : "…"} bytes, each from the
            start state)
          </p>
          <div className="lm-grid">
            <SurprisalText text={scored} bits={surprisal.data.bits} caret={at} onCaret={lm.setCaret} />
            {load.data && <NextBytePanel text={scored} caret={at} backend={preference} />}
          </div>
          <PatchPanel entropy={surprisal.data.entropyNats} />
          <TokenCostTable results={lm.results} bits={surprisal.data.bits} text={scored} />
        </>
      )}
      {load.data && scoredBytes > 0 && (
        <TokenLmSection
          text={scored}
          caret={at}
          totalBytes={scoredBytes}
          onCaret={lm.setCaret}
          backend={preference}
        />
      )}
    </section>
  );
}
