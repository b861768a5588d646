import { useEffect, useRef, useState } from "react";
import { useLabCorpus, useLabOptions } from "../../state/lab-store";
import type { SweepPoint } from "../../../workers/bpe/api";
import { useJobMutation } from "../../queries/job-mutation";
import { sweepJob } from "../../queries/lab-queries";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { drawSweepChart } from "../charts/sweep-chart";
import { patternOf } from "./TrainPanel";
import { ScrollBox } from "../ScrollBox";

/** Evenly spaced transition points from 30% to 90% of the vocabulary size. */
function defaultTransitions(vocabSize: number): string {
  return [0.3, 0.45, 0.6, 0.75, 0.9].map((f) => Math.round(256 + (vocabSize - 256) * f)).join(", ");
}

/** SuperBPE sweep: bytes/token for several transition points next to plain BPE, as in the paper's table. */
export function SweepPanel() {
  const corpus = useLabCorpus();
  const options = useLabOptions();
  const [transitions, setTransitions] = useState("");
  const job = useJobMutation(sweepJob);
  const chosen = (transitions || defaultTransitions(options.vocabSize))
    .split(/[\s,]+/)
    .map(Number)
    .filter((t) => Number.isInteger(t) && t >= 256 && t < options.vocabSize);
  const run = () =>
    job.start({
      texts: corpus.map((c) => c.text),
      vocabSize: options.vocabSize,
      transitions: chosen,
      pattern: patternOf(options.patternPreset, options.customPattern),
    });
  const fraction = job.progress ? job.progress.done / job.progress.total : null;
  return (
    <section className="lab-panel" data-testid="lab-sweep" aria-label="SuperBPE sweep">
      <h3>SuperBPE sweep</h3>
      <div className="lab-row">
        <label>
          Transition points t{" "}
          <input
            type="text"
            value={transitions}
            placeholder={defaultTransitions(options.vocabSize)}
            onChange={(e) => setTransitions(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={corpus.length === 0 || chosen.length === 0 || job.status === "running"}
          onClick={run}
        >
          Run sweep ({chosen.length + 1} models of {options.vocabSize} tokens)
        </button>
      </div>
      <JobStatusLine
        job={job}
        fraction={fraction}
        label="Training the sweep's models…"
        testId="lab-sweep-status"
      />
      {job.result && <SweepResult points={job.result} />}
    </section>
  );
}

function SweepResult({ points }: { points: SweepPoint[] }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const plain = points.find((p) => p.plain);
    const superbpe = points.filter((p) => !p.plain);
    if (svg.current && plain && superbpe.length > 0)
      drawSweepChart(svg.current, superbpe, plain.bytesPerToken, { width: 560, height: 240 });
  }, [points]);
  const plain = points.find((p) => p.plain);
  const superbpe = points.filter((p) => !p.plain);
  if (!plain || superbpe.length === 0) return <p className="empty-state">No transition point to show.</p>;
  return (
    <figure className="lab-chart" data-testid="lab-sweep-result">
      <ScrollBox label="Bytes per token against the transition point (chart)" kind="chart">
        <svg ref={svg} role="img" aria-label="Bytes per token against the transition point" />
      </ScrollBox>
      <figcaption className="muted">
        Measured on the training corpus. Plain BPE of the same size: {plain.bytesPerToken.toFixed(3)}{" "}
        bytes/token. Superword tokens learned:{" "}
        {superbpe.map((p) => `t=${p.transition}: ${p.superwordCount}`).join(", ")}. The paper (200k
        vocabulary, OLMo-2 text) finds efficiency is not monotone in t.
      </figcaption>
    </figure>
  );
}
