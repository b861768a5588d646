import { useRef } from "react";
import { decodeTextFile } from "../../core/text/decode-text-file";
import {
  useComparisonActions,
  useParseSpecials,
  useShowDiff,
  useShowWhitespace,
  useText,
} from "../../state/comparison-store";
import { SAMPLES } from "./samples";
import { TextBox } from "./TextBox";

/** The text box with samples, file open / drop, and the options that apply to every lane. */
export function TextPanel() {
  const text = useText();
  const parseSpecials = useParseSpecials();
  const showWhitespace = useShowWhitespace();
  const showDiff = useShowDiff();
  const { setText, setParseSpecials, setShowWhitespace, setShowDiff, notify } = useComparisonActions();
  const fileInput = useRef<HTMLInputElement>(null);

  const openFile = async (file: File) => {
    try {
      const result = decodeTextFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (result.ok) {
        setText(result.text);
        notify(null);
      } else notify({ kind: "error", text: result.reason });
    } catch (error) {
      notify({ kind: "error", text: `Could not read ${file.name}: ${(error as Error).message}` });
    }
  };

  return (
    <section className="text-panel" aria-label="Text">
      <div className="text-toolbar">
        <span className="label" id="text-label">
          Text
        </span>
        <span className="samples" role="group" aria-label="Samples">
          {SAMPLES.map((sample) => (
            <button key={sample.id} type="button" onClick={() => setText(sample.text)}>
              {sample.label}
            </button>
          ))}
        </span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open text file…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept="text/*,.txt,.md,.csv,.json,.py,.js,.ts"
          data-testid="text-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void openFile(file);
            event.target.value = "";
          }}
        />
        <span className="muted">{text.length.toLocaleString()} UTF-16 units</span>
      </div>
      <TextBox text={text} onChange={setText} onFile={(file) => void openFile(file)} />
      <div className="options" role="group" aria-label="Options">
        <label>
          <input
            type="checkbox"
            checked={parseSpecials}
            onChange={(event) => setParseSpecials(event.target.checked)}
          />{" "}
          Parse special tokens
        </label>
        <label>
          <input
            type="checkbox"
            checked={showWhitespace}
            onChange={(event) => setShowWhitespace(event.target.checked)}
          />{" "}
          Show whitespace
        </label>
        <label>
          <input type="checkbox" checked={showDiff} onChange={(event) => setShowDiff(event.target.checked)} />{" "}
          Mark unshared boundaries
        </label>
      </div>
    </section>
  );
}
