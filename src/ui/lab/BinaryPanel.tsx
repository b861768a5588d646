import { useState } from "react";
import type { KindReport } from "../../core/bpe/binary/binary-report";
import { trainBinaryJob } from "../../queries/binary-queries";
import { useJobMutation } from "../../queries/job-mutation";
import {
  useBinaryActions,
  useBinaryFiles,
  useBinaryTrained,
  useBinaryVocabSize,
} from "../../state/binary-store";
import { BinaryFilePicker, MAX_BINARY_TRAINING_BYTES } from "../binary/BinaryFilePicker";
import { BinaryFileLanes } from "../binary/BinaryFileLanes";
import { JobStatusLine } from "../jobs/JobStatusLine";
import { ScrollBox } from "../ScrollBox";
import { ExportTokenizerButton } from "./ExportTokenizerButton";
import { formatBytes } from "./text-sources";

/**
 * Binary BPE (Binary BPE; no pre-tokenization, no UTF-8 assumption) on files of any kind: train on three
 * quarters of each kind, report bytes per token per kind on the held-out quarter, look at any file in hex.
 */
export function BinaryPanel() {
  const files = useBinaryFiles();
  const vocabSize = useBinaryVocabSize();
  const trained = useBinaryTrained();
  const { setVocabSize, setTrained } = useBinaryActions();
  const job = useJobMutation(trainBinaryJob, { onDone: setTrained });
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const invalidSize = !Number.isInteger(vocabSize) || vocabSize < 257 || vocabSize > 65_536;
  const fraction = job.progress
    ? (job.progress.vocabSize - 256) / (job.progress.targetVocabSize - 256)
    : null;
  return (
    <section className="lab-panel" data-testid="lab-binary" aria-label="Binary BPE">
      <h3>Binary BPE</h3>
      <p className="muted">
        Byte-level BPE on raw bytes: no pre-tokenization and no UTF-8 assumption, so a token may be any byte
        sequence inside one file (as in Binary BPE). Files never leave this tab.
      </p>
      <BinaryFilePicker />
      <div className="lab-row">
        <label>
          Vocabulary size{" "}
          <input
            type="number"
            min={257}
            max={65536}
            value={vocabSize}
            data-testid="binary-vocab"
            onChange={(e) => setVocabSize(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          data-testid="binary-train"
          disabled={
            files.length === 0 || invalidSize || total > MAX_BINARY_TRAINING_BYTES || job.status === "running"
          }
          onClick={() =>
            job.start({
              files: files.map(({ name, bytes, kind }) => ({ name, bytes, kind })),
              vocabSize,
            })
          }
        >
          Train on bytes
        </button>
      </div>
      {invalidSize && <p className="error">The vocabulary size must be a whole number from 257 to 65,536.</p>}
      <JobStatusLine
        job={job}
        fraction={fraction}
        label={
          job.progress
            ? `Merging: ${job.progress.vocabSize} / ${job.progress.targetVocabSize} tokens`
            : "Indexing pairs…"
        }
        testId="binary-train-status"
      />
      {trained && <BinaryResult />}
    </section>
  );
}

function BinaryResult() {
  const trained = useBinaryTrained()!;
  const files = useBinaryFiles();
  const [viewed, setViewed] = useState<string | null>(null);
  const heldOut = new Set(trained.files.filter((f) => f.heldOut).map((f) => f.name));
  const item = files.find((f) => f.id === viewed) ?? files.find((f) => heldOut.has(f.name)) ?? files[0];
  return (
    <div className="lab-result" data-testid="binary-trained" data-model={trained.modelId}>
      <p>
        <strong data-testid="binary-trained-vocab">{trained.vocabSize}</strong> tokens, {trained.merges}{" "}
        merges, trained on {trained.files.filter((f) => !f.heldOut).length} files in{" "}
        {trained.seconds.toFixed(1)} s.{" "}
        <ExportTokenizerButton
          modelId={trained.modelId}
          fileName="binary-tokenizer.json"
          testId="binary-export"
        />
      </p>
      <ReportTable rows={trained.report} />
      {item && (
        <>
          <div className="lab-row">
            <label>
              Look at{" "}
              <select
                value={item.id}
                onChange={(e) => setViewed(e.target.value)}
                data-testid="binary-view-file"
                className="binary-view-select"
              >
                {files.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.kind}, {formatBytes(f.bytes.length)})
                  </option>
                ))}
              </select>
            </label>
          </div>
          <BinaryFileLanes
            item={item}
            models={[
              { modelId: trained.modelId, laneId: "binary-bpe", label: `Binary BPE ${trained.vocabSize}` },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** Bytes per token per file kind, training vs held-out files. */
function ReportTable({ rows }: { rows: KindReport[] }) {
  const ratio = (value: number | null) => (value === null ? "–" : value.toFixed(3));
  return (
    <ScrollBox label="Bytes per token by file kind">
      <table className="lab-table" data-testid="binary-report">
        <caption className="muted">Bytes per token (raw bytes = 1.000; higher is better)</caption>
        <thead>
          <tr>
            <th>Kind</th>
            <th>Training files</th>
            <th>bytes/token (training)</th>
            <th>Held-out files</th>
            <th>Held-out bytes</th>
            <th>Held-out tokens</th>
            <th>bytes/token (held out)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.kind}
              data-kind={row.kind}
              data-held-out-bytes={row.heldOut.bytes}
              data-held-out-tokens={row.heldOut.tokens}
            >
              <th scope="row">{row.kind}</th>
              <td>{row.train.files}</td>
              <td>{ratio(row.train.bytesPerToken)}</td>
              <td>{row.heldOut.files}</td>
              <td>{formatBytes(row.heldOut.bytes)}</td>
              <td>{row.heldOut.tokens.toLocaleString("en-US")}</td>
              <td>{row.heldOut.files === 0 ? "no held-out file" : ratio(row.heldOut.bytesPerToken)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
