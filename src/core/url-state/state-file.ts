import { validateShareState, type DecodeResult, type ShareState } from "./share-state";

/** What a saved state file says it is (checked when it is opened). */
const FORMAT = "tokenprism-state";
const VERSION = 1;

/** The file name ending that marks a saved view ("Download state"). */
export const STATE_FILE_SUFFIX = ".tokenprism.json";

/** A view saved as a file when it is too big for a link: `{"format","version","state"}`. */
export function stateFileText(state: ShareState): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, state });
}

/** Whether a dropped or opened file is a saved state: by its name, or by how it starts (a renamed file). */
export function isStateFile(name: string, start: string): boolean {
  return (
    name.toLowerCase().endsWith(STATE_FILE_SUFFIX) || /^\s*\{\s*"format"\s*:\s*"tokenprism-state"/.test(start)
  );
}

/** Reads a saved state file with the same checks as a link. Never throws. */
export function readStateFile(text: string): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "This state file is damaged: it is not valid JSON." };
  }
  const record = json as { format?: unknown; version?: unknown; state?: unknown } | null;
  if (!record || typeof record !== "object" || record.format !== FORMAT)
    return { ok: false, reason: "This is not a Tokenprism state file." };
  if (typeof record.version !== "number" || record.version > VERSION)
    return {
      ok: false,
      reason: `This state file was saved by a newer version of Tokenprism (format ${String(record.version)}).`,
    };
  return validateShareState(record.state);
}
