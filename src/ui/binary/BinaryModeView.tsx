import { useState } from "react";
import { useBinaryActions, useBinaryModels, useOpenedBinary } from "../../state/binary-store";
import { useComparisonActions } from "../../state/comparison-store";
import { dropFilesProps, FileButton } from "../files/file-input";
import { BinaryFileLanes } from "./BinaryFileLanes";
import { formatBytes } from "../lab/text-sources";
import { readBinaryFiles } from "./read-binary-files";

/**
 * Compare's binary mode: any file opened as raw bytes (never decoded), shown in the bytes lane in hex and in
 * the binary BPE lane trained in the lab. Text tokenizers need text, so their lanes wait in text mode.
 */
export function BinaryModeView() {
  const opened = useOpenedBinary();
  const models = useBinaryModels();
  const { open } = useBinaryActions();
  const { setView } = useComparisonActions();
  const [error, setError] = useState<string | null>(null);
  const openFiles = async (files: File[]) => {
    const { items, errors } = await readBinaryFiles(files.slice(0, 1));
    setError(errors[0] ?? null);
    if (items[0]) open(items[0]);
  };
  return (
    <section className="binary-mode" aria-label="Binary input" data-testid="binary-mode">
      <div className="text-toolbar" {...dropFilesProps((files) => void openFiles(files))}>
        <span className="label">File</span>
        <FileButton
          label="Open a file as bytes…"
          accept="*/*"
          testId="binary-mode-open"
          onFile={(file) => void openFiles([file])}
        />
        {opened ? (
          <span data-testid="binary-mode-file">
            {opened.name} · {opened.kind} · {formatBytes(opened.bytes.length)}
          </span>
        ) : (
          <span className="muted">
            or drop one here · any file: PNG, gzip, WebAssembly, executables, text…
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="muted">
        Binary mode reads the file&apos;s bytes as they are (no UTF-8 decoding), so only byte-level lanes
        apply: the bytes lane and binary BPE, which has no pre-tokenization. The file stays in this tab; links
        do not carry it.{" "}
        {models.length === 0 && (
          <>
            No binary BPE yet:{" "}
            <button type="button" data-testid="binary-mode-to-lab" onClick={() => setView("lab")}>
              train one in the Lab
            </button>
          </>
        )}
      </p>
      {opened ? (
        <BinaryFileLanes
          item={opened}
          models={models.map((m, i) => ({
            modelId: m.modelId,
            // The latest model is "binary-bpe"; earlier ones keep their worker ids.
            laneId: i === models.length - 1 ? "binary-bpe" : m.modelId,
            label: `Binary BPE ${m.vocabSize} (lab model ${i + 1}, ${m.files.filter((f) => !f.heldOut).length} training files)`,
          }))}
        />
      ) : (
        <p className="empty-state">Open a file to see its bytes.</p>
      )}
    </section>
  );
}
