import { decodeTextFile } from "../../core/text/decode-text-file";
import { utf8Encode } from "../../core/text/utf8";
import type { LabText } from "../../state/lab-store";

let nextId = 1;

/** A lab text from a string (its byte size measured once). */
export function labText(label: string, text: string, id = `text-${nextId++}`): LabText {
  return { id, label, text, bytes: utf8Encode(text).length };
}

/** A dropped or picked file as a lab text, or the reason it cannot be used. */
export async function labTextFromFile(file: File): Promise<LabText> {
  const result = decodeTextFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) throw new Error(result.reason);
  return labText(file.name, result.text, `file-${file.name}-${file.size}`);
}

/** "12.3 KB" style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(2)} MB`;
}
