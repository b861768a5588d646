import type { Job } from "../../queries/job-mutation";

interface JobStatusLineProps {
  job: Pick<Job<never, unknown, unknown>, "status" | "error" | "cancel">;
  /** 0–1, or null for an indeterminate bar. */
  fraction: number | null;
  label: string;
  testId: string;
}

/** Progress bar + Cancel while a job runs; the error or "cancelled" afterwards. `data-status` is for tests. */
export function JobStatusLine({ job, fraction, label, testId }: JobStatusLineProps) {
  return (
    <div className="lab-job" data-testid={testId} data-status={job.status} aria-live="polite">
      {job.status === "running" && (
        <>
          <progress max={1} value={fraction ?? undefined} aria-label={label} />{" "}
          <span className="muted">{label}</span>{" "}
          <button type="button" onClick={job.cancel} data-testid={`${testId}-cancel`}>
            Cancel
          </button>
        </>
      )}
      {job.status === "cancelled" && <span className="muted">Cancelled.</span>}
      {job.status === "error" && <span className="error">{job.error}</span>}
    </div>
  );
}
