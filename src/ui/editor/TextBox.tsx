import { useRef, useState } from "react";
import { dropFileProps } from "../files/file-input";
import { useScriptMarks } from "./ScriptMarks";
import { formatCount } from "../format-count";

/** Texts longer than this are shown read-only: laying out a megabyte in a textarea freezes the page. */
export const LARGE_TEXT = 100_000;
const PREVIEW_CHARS = 3_000;

interface TextBoxProps {
  text: string;
  onChange(text: string): void;
  onFile(file: File): void;
}

/**
 * The editable text. A paste that makes the text large is applied without putting it in the textarea;
 * large text is previewed read-only, with a way to edit it anyway.
 */
export function TextBox({ text, onChange, onFile }: TextBoxProps) {
  const [editLarge, setEditLarge] = useState(false);
  const large = text.length > LARGE_TEXT && !editLarge;
  const marks = useScriptMarks(text, large ? PREVIEW_CHARS : LARGE_TEXT);
  const backdrop = useRef<HTMLDivElement | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const dropProps = dropFileProps(onFile);
  if (large) {
    return (
      <div className="large-text" {...dropProps}>
        <p className="note" data-testid="large-text-note">
          Large text: {formatCount(text.length)} UTF-16 units. It is shown read-only (the first{" "}
          {formatCount(PREVIEW_CHARS)} characters) so the page stays fast.{" "}
          <button type="button" onClick={() => setEditLarge(true)}>
            Edit anyway
          </button>{" "}
          <button type="button" onClick={() => onChange("")}>
            Clear
          </button>
        </p>
        <pre
          className="large-preview"
          data-testid="text-input"
          tabIndex={0}
          aria-label="Text (read-only preview)"
        >
          {marks ?? text.slice(0, PREVIEW_CHARS)}
          {text.length > PREVIEW_CHARS ? "…" : ""}
        </pre>
      </div>
    );
  }
  return (
    <div className="text-box">
      {marks && (
        <div
          className="text-backdrop"
          aria-hidden="true"
          ref={(element) => {
            backdrop.current = element;
            if (element && area.current) element.scrollTop = area.current.scrollTop;
          }}
        >
          {marks}
          {"\n"}
        </div>
      )}
      <textarea
        ref={area}
        aria-labelledby="text-label"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData("text/plain");
          const target = event.currentTarget;
          if (text.length - (target.selectionEnd - target.selectionStart) + pasted.length <= LARGE_TEXT)
            return;
          event.preventDefault();
          setEditLarge(false);
          onChange(text.slice(0, target.selectionStart) + pasted + text.slice(target.selectionEnd));
        }}
        {...dropProps}
        rows={6}
        spellCheck={false}
        placeholder="Paste or type text, or drop a text file here"
        data-testid="text-input"
        onScroll={(event) => {
          if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
