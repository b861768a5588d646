import { memo, useCallback, useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { textAnalysisOptions } from "../../queries/tokenizer-queries";
import { tokenizeDelay, useDebouncedValue } from "../use-debounced-value";
import { decodeTextFile } from "../../core/text/decode-text-file";
import { useBinaryActions } from "../../state/binary-store";
import { useScrollSyncActions, useScrollTogether } from "../../state/scroll-sync-store";
import { binaryItem } from "../binary/read-binary-files";
import { isStateFile, readStateFile } from "../../core/url-state/state-file";
import { utf8ByteLength } from "../../core/text/utf8";
import {
  useComparisonActions,
  useParseSpecials,
  useShowDiff,
  useShowWhitespace,
  useText,
} from "../../state/comparison-store";
import { SAMPLES } from "../../state/samples";
import { FileButton } from "../files/file-input";
import { TextBox } from "./TextBox";
import { formatCount } from "../format-count";

/** The text box with samples, file open / drop, its length, and the options that apply to every lane. */
export const TextPanel = memo(function TextPanel() {
  const text = useText();
  const countedText = useDebouncedValue(text, tokenizeDelay);
  // The same query as the lanes' (shared through the cache): characters are grapheme clusters, counted in a worker.
  const counts = useQuery(textAnalysisOptions(countedText)).data?.counts;
  // Once per text, not on every render of the panel (a megabyte takes ~10 ms to measure).
  const bytes = useMemo(() => utf8ByteLength(text), [text]);
  const { setText } = useComparisonActions();
  const openFile = useOpenTextFile();

  return (
    <section className="text-panel" aria-label="Text">
      <div className="text-toolbar">
        <span className="label" id="text-label">
          Text
        </span>
        <TextSources onFile={openFile} />
        <span className="muted text-length" data-testid="text-length">
          <span title="Grapheme clusters: what a reader counts as characters">
            {counts && countedText === text ? formatCount(counts.characters) : "…"} characters
          </span>
          {" · "}
          {formatCount(bytes)} bytes (UTF-8) · {formatCount(text.length)} UTF-16 units
        </span>
      </div>
      <TextBox text={text} onChange={setText} onFile={openFile} />
      <TextOptions />
    </section>
  );
});

/**
 * The samples and the file button. Kept out of the keystroke's render (as are the options): React sets an
 * input's `type` and `name` again on every render, and each such write invalidates style and layout.
 */
const TextSources = memo(function TextSources({ onFile }: { onFile(file: File): void }) {
  const { setText } = useComparisonActions();
  return (
    <>
      <span className="samples" role="group" aria-label="Samples">
        {SAMPLES.map((sample) => (
          <button key={sample.id} type="button" onClick={() => setText(sample.text)}>
            {sample.label}
          </button>
        ))}
      </span>
      <FileButton
        label="Open text file…"
        accept="text/*,.txt,.md,.csv,.json,.py,.js,.ts,.tokenprism.json"
        testId="text-file-input"
        onFile={onFile}
      />
    </>
  );
});

/** The options that apply to every lane. */
const TextOptions = memo(function TextOptions() {
  const parseSpecials = useParseSpecials();
  const showWhitespace = useShowWhitespace();
  const showDiff = useShowDiff();
  const { setParseSpecials, setShowWhitespace, setShowDiff } = useComparisonActions();
  const scrollTogether = useScrollTogether();
  const { setTogether: setScrollTogether } = useScrollSyncActions();
  const options = [
    { label: "Parse special tokens", checked: parseSpecials, set: setParseSpecials },
    { label: "Show whitespace", checked: showWhitespace, set: setShowWhitespace },
    { label: "Mark unshared boundaries", checked: showDiff, set: setShowDiff },
    { label: "Scroll lanes together", checked: scrollTogether, set: setScrollTogether },
  ];
  return (
    <div className="options" role="group" aria-label="Options">
      {options.map(({ label, checked, set }) => (
        <label key={label}>
          <input type="checkbox" checked={checked} onChange={(event) => set(event.target.checked)} /> {label}
        </label>
      ))}
    </div>
  );
});

/** Opens a dropped or picked file: a saved view, text (decoded with a clear message), or bytes for binary mode. */
function useOpenTextFile(): (file: File) => void {
  const { setText, notify, applyShareState, setInput } = useComparisonActions();
  const { open: openBinary } = useBinaryActions();
  return useCallback(
    (file: File) => {
      const open = async () => {
        if (isStateFile(file.name, await file.slice(0, 64).text())) {
          const saved = readStateFile(await file.text());
          if (saved.ok) {
            applyShareState(saved.state);
            notify({ kind: "info", text: `Opened the view saved in ${file.name}.` });
          } else notify({ kind: "error", text: `${file.name}: ${saved.reason}` });
          return;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = decodeTextFile(file.name, bytes);
        if (result.ok) {
          setText(result.text);
          notify(null);
        } else
          notify({
            kind: "error",
            text: result.reason,
            action: result.notText
              ? {
                  label: "Open it as bytes (binary mode)",
                  run: () => {
                    openBinary(binaryItem(file.name, bytes));
                    setInput("binary");
                    notify(null);
                  },
                }
              : undefined,
          });
      };
      open().catch((error: unknown) =>
        notify({ kind: "error", text: `Could not read ${file.name}: ${(error as Error).message}` }),
      );
    },
    [setText, notify, applyShareState, setInput, openBinary],
  );
}
