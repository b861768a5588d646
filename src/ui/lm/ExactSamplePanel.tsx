import { useState } from "react";
import { utf8Encode } from "../../core/text/utf8";
import { useJobMutation } from "../../queries/job-mutation";
import { exactSampleJob } from "../../queries/lm-queries";
import type { SampleStep } from "../../../workers/lm/token-api";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { CoverList } from "./CoverList";
import { byteLabel } from "./NextBytePanel";
import { tokenText } from "./token-text";

const SAMPLE_BYTES = 48;

interface ExactSamplePanelProps {
  /** The prompt: the text up to the caret. */
  prompt: string;
  caret: number;
}

/**
 * Samples bytes after the caret one at a time from the token LM's exact next-byte distribution, updating
 * the covers incrementally; shows each byte, its probability and the covers as they change.
 */
export function ExactSamplePanel({ prompt, caret }: ExactSamplePanelProps) {
  const [seed, setSeed] = useState(1);
  const [steps, setSteps] = useState<SampleStep[]>([]);
  // Progress is the list of steps itself.
  const job = useJobMutation(exactSampleJob, { onProgress: (step) => setSteps((s) => [...s, step]) });
  const run = () => {
    setSteps([]);
    job.start({ prompt: utf8Encode(prompt).subarray(0, caret), count: SAMPLE_BYTES, seed });
  };
  const sampled = Uint8Array.from(steps.filter((s) => s.byte < 256).map((s) => s.byte));
  const last = steps[steps.length - 1];
  return (
    <section className="exact-sample" aria-label="Exact byte sampling" data-testid="exact-sample">
      <h3>Sample byte by byte, exactly</h3>
      <p>
        <label>
          Seed{" "}
          <input type="number" value={seed} min={0} onChange={(e) => setSeed(Number(e.target.value) || 0)} />
        </label>{" "}
        <button type="button" onClick={run} disabled={job.status === "running"}>
          Sample {SAMPLE_BYTES} bytes after the caret
        </button>
      </p>
      <JobStatusLine
        job={job}
        fraction={steps.length / SAMPLE_BYTES}
        label={`${steps.length} of ${SAMPLE_BYTES} bytes`}
        testId="exact-sample-job"
      />
      {steps.length > 0 && (
        <>
          <p>
            Sampled: <code data-testid="sampled-text">{tokenText(sampled)}</code>
            {last?.byte === 256 ? " (end of text)" : ""}
          </p>
          <ol className="sample-steps" data-testid="sample-steps" tabIndex={0} aria-label="Sampled steps">
            {steps.map((s, i) => (
              <li key={i} title={`${s.coverCount} covers after this byte`}>
                {s.byte === 256 ? "end" : byteLabel(s.byte)} · {(s.probability * 100).toFixed(1)} % ·{" "}
                {s.coverCount} cover{s.coverCount === 1 ? "" : "s"}
              </li>
            ))}
          </ol>
          {last && last.covers.length > 0 && <CoverList covers={last.covers} total={last.coverCount} />}
        </>
      )}
    </section>
  );
}
