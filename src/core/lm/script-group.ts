import { scriptRuns } from "../text/scripts";

/** The coarse script groups that the byte-LM model card reports bits per byte for. */
export type ScriptGroup = "latin" | "cyrillic" | "arabic" | "indic" | "cjk" | "other";

/** Every script group, in the order the model card lists them. */
export const SCRIPT_GROUPS: readonly ScriptGroup[] = ["latin", "cyrillic", "arabic", "indic", "cjk", "other"];

const INDIC = new Set([
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
]);
const CJK = new Set(["Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Yi"]);

/** The group of one Unicode script name (as `resolveScripts` returns it). */
export function groupOfScript(script: string): ScriptGroup {
  if (script === "Latin") return "latin";
  if (script === "Cyrillic") return "cyrillic";
  if (script === "Arabic") return "arabic";
  if (INDIC.has(script)) return "indic";
  if (CJK.has(script)) return "cjk";
  return "other";
}

/**
 * The dominant script group of a text: the group whose resolved scripts cover the most UTF-8 bytes
 * (ties go to the earlier group in {@link SCRIPT_GROUPS}).
 */
export function dominantScriptGroup(text: string): ScriptGroup {
  const bytes = new Map<ScriptGroup, number>();
  for (const run of scriptRuns(text)) {
    const group = groupOfScript(run.script);
    bytes.set(group, (bytes.get(group) ?? 0) + run.byteEnd - run.byteStart);
  }
  let best: ScriptGroup = "other";
  let most = -1;
  for (const group of SCRIPT_GROUPS) {
    const n = bytes.get(group) ?? 0;
    if (n > most) [best, most] = [group, n];
  }
  return best;
}
