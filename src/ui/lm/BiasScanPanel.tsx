import { useMemo } from "react";
import { charCosts, utf8Prefix } from "../../core/lm/text-costs";
import { utf8Encode } from "../../core/text/utf8";
import { useJobMutation } from "../../queries/job-mutation";
import { biasScanJob } from "../../queries/lm-queries";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { formatCount } from "../format-count";

/** Bytes scanned at most: one exact query per character. */
const SCAN_BYTES = 400;
const SHOWN = 8;

interface BiasScanPanelProps {
  text: string;
  onCaret(byteOffset: number): void;
}

/** Colour of a total-variation distance: white (0) to red (1). */
function tvColor(tv: number): string {
  const t = Math.min(1, Math.max(0, tv));
  return `hsl(0 85% ${Math.round(100 - 45 * t)}%)`;
}

/**
 * "Where is the bias": after every character of the text's start, the distance between the naive and the
 * exact next-byte distributions, drawn on the text, with the worst places listed (click to inspect).
 */
export function BiasScanPanel({ text, onCaret }: BiasScanPanelProps) {
  const job = useJobMutation(biasScanJob);
  const bytes = useMemo(() => utf8Encode(text), [text]);
  const scannedText = useMemo(() => utf8Prefix(text, SCAN_BYTES), [text]);
  const points = job.result?.text === text ? job.result.points : null;
  const byEnd = useMemo(() => new Map(points?.map((p) => [p.position, p]) ?? []), [points]);
  const chars = useMemo(
    () => (points ? charCosts(scannedText, new Float32Array(utf8Encode(scannedText).length)) : []),
    [points, scannedText],
  );
  const worst = points ? [...points].sort((a, b) => b.tv - a.tv).slice(0, SHOWN) : [];
  const run = () => job.start({ text, limit: SCAN_BYTES });
  return (
    <section className="bias-scan" aria-label="Where is the bias" data-testid="bias-scan">
      <h3>Where is the bias?</h3>
      <p>
        <button type="button" onClick={run} disabled={job.status === "running" || bytes.length === 0}>
          Scan the first {formatCount(Math.min(bytes.length, SCAN_BYTES))} bytes
        </button>{" "}
        <span className="muted">
          After each character: how far naive prompting (tokenize, then ask for the next token) is from the
          exact next-byte distribution, as total variation.
        </span>
      </p>
      <JobStatusLine
        job={job}
        fraction={job.progress ? job.progress.done / job.progress.total : null}
        label={job.progress ? `${job.progress.done} of ${job.progress.total} positions` : "Starting…"}
        testId="bias-scan-job"
      />
      {points && (
        <>
          <p className="surprisal-text" data-testid="bias-text">
            {chars.map((c) => {
              const point = byEnd.get(c.byteEnd);
              return (
                <span
                  key={c.utf16Start}
                  style={{ background: tvColor(point?.tv ?? 0) }}
                  data-tv={point?.tv.toFixed(3)}
                  title={point ? `TV ${point.tv.toFixed(3)} after byte ${c.byteEnd}` : undefined}
                  onClick={() => onCaret(c.byteEnd)}
                >
                  {scannedText.slice(c.utf16Start, c.utf16End)}
                </span>
              );
            })}
          </p>
          <table data-testid="bias-worst">
            <thead>
              <tr>
                <th>after byte</th>
                <th>total variation</th>
                <th>P(actual next byte): exact</th>
                <th>naive</th>
              </tr>
            </thead>
            <tbody>
              {worst.map((p) => (
                <tr key={p.position}>
                  <td>
                    <button type="button" onClick={() => onCaret(p.position)}>
                      {p.position}
                    </button>
                  </td>
                  <td>{p.tv.toFixed(3)}</td>
                  <td>{p.exactNext.toFixed(4)}</td>
                  <td>{p.naiveNext.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
