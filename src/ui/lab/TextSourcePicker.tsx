import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { udhrIndexOptions } from "../../queries/atlas-queries";
import { udhrTextOptions } from "../../queries/lab-queries";
import { useText } from "../../state/comparison-store";
import type { LabText } from "../../state/lab-store";
import { dropFileProps, FileButton } from "../files/file-input";
import { formatBytes, labText, labTextFromFile } from "./text-sources";

interface TextSourcePickerProps {
  items: LabText[];
  onAdd(item: LabText): void;
  onRemove(id: string): void;
  testId: string;
  /** What the list is for, e.g. "Training corpus". */
  title: string;
}

/** A list of texts built from the current text, pasted text, dropped files and UDHR languages. */
export function TextSourcePicker({ items, onAdd, onRemove, testId, title }: TextSourcePickerProps) {
  const current = useText();
  const [paste, setPaste] = useState("");
  const [lang, setLang] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const index = useQuery(udhrIndexOptions());
  const queryClient = useQueryClient();
  const addFile = (file: File) =>
    labTextFromFile(file).then(onAdd, (error: Error) => setProblem(error.message));
  const addLanguage = async () => {
    const declaration = index.data?.declarations.find((d) => d.lang === lang);
    if (!declaration) return;
    try {
      const text = await queryClient.fetchQuery(udhrTextOptions(lang));
      onAdd(labText(`UDHR: ${declaration.name}`, text, `udhr-${lang}`));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <fieldset className="lab-sources" data-testid={testId} {...dropFileProps((file) => void addFile(file))}>
      <legend>{title}</legend>
      <div className="lab-row">
        <button
          type="button"
          disabled={current.length === 0}
          data-testid={`${testId}-current`}
          onClick={() => onAdd(labText("Current text", current, `current-${current.length}`))}
        >
          Add the current text
        </button>
        <FileButton
          label="Add a file…"
          accept=".txt,text/*"
          testId={`${testId}-file`}
          onFile={(f) => void addFile(f)}
        />
        <select value={lang} onChange={(e) => setLang(e.target.value)} aria-label="UDHR language">
          <option value="">{index.isPending ? "Loading languages…" : "UDHR language…"}</option>
          {index.data?.declarations.map((d) => (
            <option key={d.lang} value={d.lang}>
              {d.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!lang} onClick={() => void addLanguage()}>
          Add language
        </button>
      </div>
      <div className="lab-row">
        <textarea
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          placeholder="…or paste text here (files can also be dropped on this box)"
          rows={2}
          aria-label="Text to add"
        />
        <button
          type="button"
          disabled={paste.length === 0}
          onClick={() => {
            onAdd(labText(`Pasted text (${paste.slice(0, 24)}…)`, paste));
            setPaste("");
          }}
        >
          Add pasted text
        </button>
      </div>
      {problem && <p className="error">{problem}</p>}
      {items.length === 0 ? (
        <p className="empty-state">Nothing added yet.</p>
      ) : (
        <ul className="lab-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.label} <span className="muted">{formatBytes(item.bytes)}</span>{" "}
              <button type="button" aria-label={`Remove ${item.label}`} onClick={() => onRemove(item.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
