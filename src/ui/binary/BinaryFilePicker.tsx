import { useState } from "react";
import "./binary.css";
import { splitHeldOut } from "../../core/bpe/binary/binary-report";
import { useBinaryActions, useBinaryFiles } from "../../state/binary-store";
import { dropFilesProps, FileButton } from "../files/file-input";
import { ScrollBox } from "../ScrollBox";
import { formatBytes } from "../lab/text-sources";
import { makePageSamples } from "./page-samples";
import { binaryItem, readBinaryFiles } from "./read-binary-files";

/** Total bytes binary BPE trains on in the page (the trainer holds every byte in typed arrays). */
export const MAX_BINARY_TRAINING_BYTES = 32 * 1024 * 1024;

/**
 * The lab's binary files: open or drop any files (read as bytes, never decoded), or add samples the page makes
 * (PNGs it renders, gzip from its own deflate, slices of its own WebAssembly). Lists each file's kind, size and
 * whether training holds it out.
 */
export function BinaryFilePicker() {
  const files = useBinaryFiles();
  const { addFiles, removeFile, clearFiles } = useBinaryActions();
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { isHeldOut } = splitHeldOut(files);
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);

  const open = async (list: File[]) => {
    const { items, errors } = await readBinaryFiles(list);
    addFiles(items);
    setMessages(errors);
  };
  const addSamples = async () => {
    setBusy(true);
    try {
      const samples = await makePageSamples();
      addFiles(samples.map((s) => binaryItem(s.name, s.bytes, s.kind)));
      setMessages([]);
    } catch (error) {
      setMessages([`Could not make the samples: ${(error as Error).message}`]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="binary-files" data-testid="binary-files" {...dropFilesProps((list) => void open(list))}>
      <div className="lab-row">
        <FileButton
          label="Open files…"
          accept="*/*"
          testId="binary-open"
          onFile={() => undefined}
          onFiles={(list) => void open(list)}
        />
        <button type="button" data-testid="binary-samples" disabled={busy} onClick={() => void addSamples()}>
          {busy ? "Making samples…" : "Add samples this page makes"}
        </button>
        {files.length > 0 && (
          <button type="button" onClick={clearFiles}>
            Remove all
          </button>
        )}
        <span className="muted">or drop files here · any file, read as bytes</span>
      </div>
      {messages.map((m) => (
        <p key={m} className="error" role="alert">
          {m}
        </p>
      ))}
      {files.length === 0 ? (
        <p className="empty-state">No files yet: open some, or add the samples.</p>
      ) : (
        <>
          <p className="muted">
            {files.length} files, {formatBytes(total)}. Within each kind, files 2, 6, 10, … are held out (not
            trained on) and measured.
            {total > MAX_BINARY_TRAINING_BYTES && (
              <span className="error">
                {" "}
                Too much to train on in the page: keep it under {formatBytes(MAX_BINARY_TRAINING_BYTES)}.
              </span>
            )}
          </p>
          <ScrollBox label="Binary files">
            <table className="lab-table">
              <thead>
                <tr>
                  <th>File</th>
                  <th>Kind</th>
                  <th>Size</th>
                  <th>Role</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {files.map((file, i) => (
                  <tr
                    key={file.id}
                    data-testid="binary-file"
                    data-name={file.name}
                    data-held-out={isHeldOut[i]}
                  >
                    <td>{file.name}</td>
                    <td>{file.kind}</td>
                    <td>{formatBytes(file.bytes.length)}</td>
                    <td>{isHeldOut[i] ? "held out" : "training"}</td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Remove ${file.name}`}
                        onClick={() => removeFile(file.id)}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </div>
  );
}
