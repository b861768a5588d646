import { useState } from "react";
import { useLabActions, useLabCategories } from "../../state/lab-store";
import type { ModelRef } from "../../../workers/bpe/api";
import { useJobMutation } from "../../queries/job-mutation";
import { mixtureJob } from "../../queries/lab-queries";
import { mixtureProgressLabel } from "./mixture-progress";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { ExperimentPanel } from "./ExperimentPanel";
import { MixtureResultView } from "./MixtureResultView";
import { TextSourcePicker } from "./TextSourcePicker";

/** Data-mixture inference on a merge list (Hayase et al. 2024), and the controlled experiment. */
export function MixturePanel({ modelRef }: { modelRef: ModelRef | null }) {
  const categories = useLabCategories();
  const actions = useLabActions();
  const [merges, setMerges] = useState(1000);
  const job = useJobMutation(mixtureJob);
  const run = () =>
    job.start({
      ref: modelRef!,
      categories: categories.map((c) => ({ name: c.label, texts: [c.text] })),
      options: { merges, timeLimitMs: 30_000 },
    });
  const [fraction, label] = mixtureProgressLabel(job.progress);
  return (
    <section className="lab-panel" data-testid="lab-mixture" aria-label="Data-mixture inference">
      <h3>Data-mixture inference</h3>
      <p className="muted">
        BPE&apos;s t-th merge was the most frequent pair at step t, so the merge order constrains the mixture
        of the training data. Each category&apos;s sample is replayed through the merges and a linear program
        (HiGHS) finds the proportions that explain the order best.
      </p>
      <TextSourcePicker
        title="Categories"
        items={categories}
        onAdd={actions.addCategory}
        onRemove={actions.removeCategory}
        testId="lab-categories"
      />
      <div className="lab-row">
        <label>
          Merges to replay{" "}
          <input
            type="number"
            min={10}
            max={30000}
            value={merges}
            onChange={(e) => setMerges(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          data-testid="lab-mixture-run"
          disabled={!modelRef || categories.length === 0 || job.status === "running"}
          onClick={run}
        >
          Estimate the mixture
        </button>
      </div>
      <JobStatusLine job={job} fraction={fraction} label={label} testId="lab-mixture-status" />
      {job.result && <MixtureResultView result={job.result} />}
      <ExperimentPanel />
    </section>
  );
}
