import { useState } from "react";
import { TIKTOKEN_PATTERNS } from "../../core/tokenizers/tiktoken/patterns";
import { useLabActions, useLabCorpus, useLabOptions, useLabTrained } from "../../state/lab-store";
import { useComparisonActions } from "../../state/comparison-store";
import type { TrainedSummary, TrainProgress } from "../../../workers/bpe/api";
import { useJobMutation } from "../../queries/job-mutation";
import { addTrainedTokenizer, trainJob } from "../../queries/lab-queries";
import { ExportTokenizerButton } from "./ExportTokenizerButton";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { formatBytes } from "./text-sources";

/** Pre-tokenization regexes to pick from (tokenizer.json syntax). */
export const PATTERN_PRESETS: Record<string, { label: string; pattern: string }> = {
  cl100k: { label: "GPT-4 (cl100k)", pattern: TIKTOKEN_PATTERNS.cl100k },
  o200k: { label: "GPT-4o (o200k)", pattern: TIKTOKEN_PATTERNS.o200k },
  r50k: { label: "GPT-2", pattern: TIKTOKEN_PATTERNS.r50k },
};

/** The regex the options name. */
export function patternOf(preset: string, custom: string): string {
  return PATTERN_PRESETS[preset]?.pattern ?? custom;
}

/** Vocabulary size, regex and SuperBPE options; Train with progress and Cancel; the result and its export. */
export function TrainPanel() {
  const corpus = useLabCorpus();
  const options = useLabOptions();
  const trained = useLabTrained();
  const actions = useLabActions();
  const job = useJobMutation(trainJob, { onDone: actions.setTrained });
  const transitionInvalid =
    options.transition !== null && (options.transition < 256 || options.transition > options.vocabSize);
  const train = () =>
    job.start({
      texts: corpus.map((c) => c.text),
      vocabSize: options.vocabSize,
      pattern: patternOf(options.patternPreset, options.customPattern),
      transition: options.transition ?? undefined,
    });
  const fraction = job.progress
    ? (job.progress.vocabSize - 256) / (job.progress.targetVocabSize - 256)
    : null;
  return (
    <section className="lab-panel" data-testid="lab-train" aria-label="Train">
      <h3>Train</h3>
      <div className="lab-row">
        <label>
          Vocabulary size{" "}
          <input
            type="number"
            min={257}
            max={65536}
            value={options.vocabSize}
            data-testid="lab-vocab"
            onChange={(e) => actions.setOptions({ vocabSize: Number(e.target.value) })}
          />
        </label>
        <label>
          Regex{" "}
          <select
            value={options.patternPreset}
            onChange={(e) => actions.setOptions({ patternPreset: e.target.value })}
          >
            {Object.entries(PATTERN_PRESETS).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {options.patternPreset === "custom" && (
          <input
            type="text"
            value={options.customPattern}
            placeholder="tokenizer.json regex"
            aria-label="Custom regex"
            onChange={(e) => actions.setOptions({ customPattern: e.target.value })}
          />
        )}
        <label>
          <input
            type="checkbox"
            checked={options.transition !== null}
            onChange={(e) =>
              actions.setOptions({
                transition: e.target.checked ? Math.round(options.vocabSize * 0.8) : null,
              })
            }
          />{" "}
          SuperBPE, t ={" "}
        </label>
        <input
          type="number"
          disabled={options.transition === null}
          value={options.transition ?? ""}
          aria-label="SuperBPE transition point"
          onChange={(e) => actions.setOptions({ transition: Number(e.target.value) })}
        />
        <button
          type="button"
          data-testid="lab-train-button"
          disabled={
            corpus.length === 0 || job.status === "running" || transitionInvalid || options.vocabSize < 257
          }
          onClick={train}
        >
          Train
        </button>
      </div>
      {transitionInvalid && <p className="error">t must lie between 256 and the vocabulary size.</p>}
      {corpus.length === 0 && <p className="empty-state">Add some text to the corpus first.</p>}
      <JobStatusLine
        job={job}
        fraction={fraction}
        label={stageLabel(job.progress)}
        testId="lab-train-status"
      />
      {trained && <TrainedResult summary={trained} />}
    </section>
  );
}

function stageLabel(progress: TrainProgress | null): string {
  if (!progress) return "Counting chunks…";
  return `${progress.stage === 2 ? "Stage 2 (superwords)" : "Merging"}: ${progress.vocabSize} / ${progress.targetVocabSize} tokens`;
}

/** Makes the trained tokenizer a lane of the comparison view (through its exported tokenizer.json). */
function AddAsLaneButton({ modelId }: { modelId: string }) {
  const { addLane, setView, notify } = useComparisonActions();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      data-testid="lab-add-lane"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void addTrainedTokenizer(modelId)
          .then((info) => {
            addLane(info.id);
            setView("compare");
          })
          .catch((error: Error) =>
            notify({ kind: "error", text: `Could not add the lane: ${error.message}` }),
          )
          .finally(() => setBusy(false));
      }}
    >
      Show as a lane in Compare
    </button>
  );
}

function TrainedResult({ summary }: { summary: TrainedSummary }) {
  return (
    <div className="lab-result" data-testid="lab-trained" data-token-count={summary.vocabSize}>
      <p>
        {summary.transition === null ? "BPE" : `SuperBPE (t = ${summary.transition})`}:{" "}
        <strong data-testid="lab-trained-vocab">{summary.vocabSize}</strong> tokens, {summary.merges} merges,
        trained on {formatBytes(summary.trainingBytes)} in {summary.seconds.toFixed(1)} s;{" "}
        <span data-testid="lab-trained-bpt">{summary.bytesPerToken.toFixed(3)}</span> bytes/token on the
        training text.{" "}
        <ExportTokenizerButton modelId={summary.modelId} fileName="tokenizer.json" testId="lab-export" />{" "}
        <AddAsLaneButton modelId={summary.modelId} />
      </p>
      {summary.superwords.length > 0 && (
        <details>
          <summary>{summary.superwords.length} superword tokens (first learned first)</summary>
          <ol className="lab-superwords">
            {summary.superwords.map((s) => (
              <li key={s.id} title={`merge #${s.rank}`}>
                <code>{`"${s.text}"`}</code>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
