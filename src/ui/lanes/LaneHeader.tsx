import { useState } from "react";
import type { LaneStats } from "../../core/metrics/lane-stats";
import type { LaneMode } from "../../core/url-state/share-state";
import { useComparisonActions } from "../../state/comparison-store";
import { useLoadProgress } from "../../state/load-progress-store";
import { useDelayedFlag } from "../use-delayed-flag";
import type { LaneResult } from "../comparison/use-lane-results";
import { formatCount } from "../format-count";

interface LaneHeaderProps {
  result: LaneResult;
  index: number;
  laneCount: number;
  stats: LaneStats | undefined;
}

function formatRatio(value: number): string {
  return value.toFixed(2);
}

/** Copies the lane's ids as a JSON array. */
function CopyIdsButton({ name, ids }: { name: string; ids: Uint32Array | undefined }) {
  const { notify } = useComparisonActions();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!ids) return;
    try {
      await navigator.clipboard.writeText(JSON.stringify(Array.from(ids)));
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch (error) {
      notify({ kind: "error", text: `Could not copy ${name}'s ids: ${(error as Error).message}` });
    }
  };
  return (
    <button
      type="button"
      disabled={!ids}
      aria-label={`Copy ${name} ids`}
      title="Copy this lane's ids as a JSON array"
      data-testid="copy-ids"
      onClick={() => void copy()}
    >
      {copied ? "Copied" : "Copy ids"}
    </button>
  );
}

/** Lane title, counts, mode and the controls that move or remove it. */
export function LaneHeader({ result, index, laneCount, stats }: LaneHeaderProps) {
  const { removeLane, moveLane, setLaneMode } = useComparisonActions();
  const progress = useLoadProgress(result.setting.tokenizer);
  // Re-tokenizing after an edit takes milliseconds: the note (and the dimmed counts) only when it takes longer.
  const slow = useDelayedFlag(result.status === "loading", 400);
  const name = result.info?.name ?? result.listing?.name ?? result.setting.tokenizer;
  const { key, mode } = result.setting;
  return (
    <header className="lane-header">
      <h2 className="lane-name" title={result.info?.models.join(", ")}>
        {name}
      </h2>
      {stats && (
        <span className={slow ? "lane-stats stale" : "lane-stats"}>
          <strong data-testid="lane-count">{formatCount(stats.tokens)}</strong> tokens ·{" "}
          {formatRatio(stats.charsPerToken)} chars/token · {formatRatio(stats.bytesPerToken)} bytes/token
          {stats.partialCharacterTokens > 0 && (
            <> · {formatCount(stats.partialCharacterTokens)} partial-char</>
          )}
          {" · "}
          <span
            className={stats.roundTripExact ? "ok" : "warn"}
            title={
              stats.roundTripExact
                ? "Token bytes concatenate to the input exactly"
                : `${stats.normalizedTokens} tokens differ from the input they cover (normalization)`
            }
          >
            {stats.roundTripExact ? "round trip exact" : "round trip inexact"}
          </span>
        </span>
      )}
      {result.chat && result.status === "ready" && result.encoding && (
        <span className="lane-stats">
          <strong data-testid="lane-count">{formatCount(result.encoding.ids.length)}</strong> tokens for the
          conversation
        </span>
      )}
      {result.status === "loading" && !result.info && (
        <span className="muted" role="status">
          Loading{progress != null ? ` ${Math.round(progress * 100)}%` : "…"}
          <progress max={1} value={progress ?? undefined} aria-label={`Loading ${name}`} />
        </span>
      )}
      {slow && result.info && <span className="muted">tokenizing…</span>}
      <span className="lane-controls">
        <select
          aria-label={`View of ${name}`}
          value={mode}
          onChange={(event) => setLaneMode(key, event.target.value as LaneMode)}
        >
          <option value="text">text</option>
          <option value="ids">ids</option>
          <option value="bytes">bytes</option>
        </select>
        <CopyIdsButton name={name} ids={result.status === "ready" ? result.encoding?.ids : undefined} />
        <button
          type="button"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => moveLane(key, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${name} down`}
          disabled={index === laneCount - 1}
          onClick={() => moveLane(key, 1)}
        >
          ↓
        </button>
        <button type="button" aria-label={`Remove ${name}`} onClick={() => removeLane(key)}>
          ✕
        </button>
      </span>
    </header>
  );
}
