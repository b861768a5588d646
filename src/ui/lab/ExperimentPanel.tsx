import { useState } from "react";
import { useLabCategories } from "../../state/lab-store";
import { useJobMutation } from "../../queries/job-mutation";
import { experimentJob } from "../../queries/lab-queries";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { mixtureProgressLabel } from "./mixture-progress";
import { MixtureResultView } from "./MixtureResultView";

/** Random-looking but fixed proportions for n categories (so a rerun is comparable). */
function defaultProportions(n: number): string {
  const raw = Array.from({ length: n }, (_, i) => n - i + 1);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => (r / sum).toFixed(2)).join(", ");
}

/** Trains BPE on the categories mixed in known proportions and shows how well inference recovers them. */
export function ExperimentPanel() {
  const categories = useLabCategories();
  const [proportionText, setProportionText] = useState("");
  const [vocabSize, setVocabSize] = useState(1256);
  const job = useJobMutation(experimentJob);
  const proportions = (proportionText || defaultProportions(categories.length)).split(/[\s,]+/).map(Number);
  const valid =
    categories.length >= 2 &&
    proportions.length === categories.length &&
    proportions.every((p) => p > 0 && Number.isFinite(p));
  const run = () =>
    job.start({
      categories: categories.map((c) => ({ name: c.label, text: c.text })),
      proportions,
      vocabSize,
    });
  const [fraction, label] = mixtureProgressLabel(job.progress);
  return (
    <div className="lab-experiment" data-testid="lab-experiment">
      <h4>Controlled experiment</h4>
      <p className="muted">
        Each category is split into two disjoint halves (alternate lines, shuffled); BPE is trained on the
        first halves mixed in the proportions below, and the mixture is estimated from the second halves only.
      </p>
      <div className="lab-row">
        <label>
          Proportions{" "}
          <input
            type="text"
            value={proportionText}
            placeholder={defaultProportions(categories.length)}
            onChange={(e) => setProportionText(e.target.value)}
          />
        </label>
        <label>
          Vocabulary{" "}
          <input
            type="number"
            min={300}
            value={vocabSize}
            onChange={(e) => setVocabSize(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          disabled={!valid || job.status === "running"}
          onClick={run}
          data-testid="lab-experiment-run"
        >
          Run the experiment
        </button>
      </div>
      {!valid && (
        <p className="empty-state">Add at least two categories and one positive proportion per category.</p>
      )}
      <JobStatusLine job={job} fraction={fraction} label={label} testId="lab-experiment-status" />
      {job.result && (
        <>
          <p data-testid="lab-experiment-error">
            Mean absolute error: <strong>{(job.result.meanAbsoluteError * 100).toFixed(2)}</strong> percentage
            points (trained on {(job.result.trainingBytes / 1024).toFixed(0)} KB).
          </p>
          <MixtureResultView result={job.result.estimate} truth={job.result.truth} />
        </>
      )}
    </div>
  );
}
