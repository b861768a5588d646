import { useEffect, useMemo, useRef, useState } from "react";
import {
  findThresholdForMeanPatchSize,
  patchLengthsFromStarts,
  patchStarts,
  type PatchingRule,
} from "../../core/lm/entropy-patching";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import { useComparisonActions, useLanes, usePatching } from "../../state/comparison-store";
import { drawEntropyLine } from "../charts/entropy-line";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

const RULES: { rule: PatchingRule; label: string }[] = [
  { rule: "global", label: "global: H(t) > θ" },
  { rule: "monotonic", label: "monotonic: H(t) − H(t−1) > θ" },
  { rule: "combined", label: "combined: both" },
];

/** BLT entropy patching: the entropy curve, the rule and threshold, a target patch size, and the patch lane. */
export function PatchPanel({ entropy }: { entropy: Float32Array }) {
  const patching = usePatching();
  const lanes = useLanes();
  const { setPatching, addLane } = useComparisonActions();
  const [target, setTarget] = useState(6);
  const ref = useRef<SVGSVGElement>(null);
  const thresholdKey = patching.rule === "monotonic" ? "relativeThreshold" : "globalThreshold";
  const threshold = patching[thresholdKey];
  const options = { ...patching, maxPatchLength: undefined };
  const starts = useMemo(() => patchStarts(entropy, patching), [entropy, patching]);
  const lengths = useMemo(() => patchLengthsFromStarts(starts), [starts]);
  useEffect(() => {
    if (!ref.current) return;
    drawEntropyLine(ref.current, entropy, {
      width: 900,
      height: 220,
      threshold: patching.rule === "monotonic" ? null : patching.globalThreshold,
      starts,
    });
  }, [entropy, starts, patching]);
  const mean = lengths.length === 0 ? 0 : entropy.length / lengths.length;
  return (
    <div className="patch-panel" data-testid="patch-panel">
      <h3>Entropy patching (Byte Latent Transformer)</h3>
      <p className="muted">
        A byte starts a new patch where the model&apos;s next-byte entropy (before seeing it) crosses the
        threshold; the decision uses only the bytes before it. BLT&apos;s released global threshold is 1.3354
        nats.
      </p>
      <div className="patch-controls">
        <label>
          Rule{" "}
          <select
            value={patching.rule}
            onChange={(e) => setPatching({ rule: e.target.value as PatchingRule })}
          >
            {RULES.map((r) => (
              <option key={r.rule} value={r.rule}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          θ = <strong>{threshold.toFixed(3)}</strong> nats{" "}
          <input
            type="range"
            min={patching.rule === "monotonic" ? -1 : 0}
            max={patching.rule === "monotonic" ? 3 : 5.6}
            step={0.01}
            value={threshold}
            onChange={(e) => setPatching({ [thresholdKey]: Number(e.target.value) })}
            aria-label="Threshold"
          />
        </label>
        <label>
          Target bytes per patch{" "}
          <input
            type="number"
            min={1}
            max={64}
            step={0.5}
            value={target}
            onChange={(e) => setTarget(Number(e.target.value))}
            style={{ width: "5em" }}
          />
        </label>
        <button
          type="button"
          disabled={entropy.length === 0 || !(target >= 1)}
          onClick={() =>
            setPatching({ [thresholdKey]: findThresholdForMeanPatchSize(entropy, target, options).threshold })
          }
        >
          Find θ
        </button>
        {!lanes.some((l) => l.tokenizer === PATCH_LANE_ID) && (
          <button type="button" onClick={() => addLane(PATCH_LANE_ID)}>
            Show patches as a lane
          </button>
        )}
      </div>
      <p data-testid="patch-summary">
        <strong>{formatCount(lengths.length)}</strong> patches over {formatCount(entropy.length)} bytes ·{" "}
        <strong>{mean.toFixed(2)}</strong> bytes per patch · longest {Math.max(0, ...lengths)} bytes
      </p>
      <ScrollBox label="Entropy chart" kind="chart">
        <svg ref={ref} role="img" aria-label="Next-byte entropy over the text" data-testid="entropy-chart" />
      </ScrollBox>
    </div>
  );
}
