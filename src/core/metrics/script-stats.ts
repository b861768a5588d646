import { forEachLineSegments } from "../text/line-segments";
import { scriptRuns, type ScriptRun } from "../text/scripts";
import { toWellFormed } from "../text/well-formed";
import { TokenFlag, type Encoding } from "../tokenizers/types";

/** How one tokenizer treats the part of a text written in one script. */
export interface ScriptStats {
  script: string;
  bytes: number;
  /** Grapheme clusters. */
  characters: number;
  /** Word-like `Intl.Segmenter` segments. */
  words: number;
  tokens: number;
  /** Compression: bytes per token. */
  bytesPerToken: number;
  /** Fertility: tokens per word (tokens overlapping each word, averaged). */
  tokensPerWord: number;
  /** Share of words cut into two or more tokens. */
  splitWordShare: number;
  /** Share of tokens that start or end inside a multi-byte character. */
  partialTokenShare: number;
  byteFallbackTokens: number;
}

/**
 * What a text is made of, script by script, independent of any tokenizer: computed once per text (grapheme
 * and word segmentation are the slow part) and then applied to every lane's encoding. Typed arrays only,
 * so it crosses a worker boundary by transfer.
 */
export interface ScriptProfile {
  /** The scripts in order of first appearance; the arrays below index into it. */
  scripts: string[];
  /** Script runs: UTF-8 and UTF-16 ranges and the script's index. */
  runByteStarts: Uint32Array;
  runByteEnds: Uint32Array;
  runUtf16Starts: Uint32Array;
  runUtf16Ends: Uint32Array;
  runScripts: Uint16Array;
  /** Per script: UTF-8 bytes, grapheme clusters and word-like segments. */
  bytes: Float64Array;
  characters: Float64Array;
  words: Float64Array;
  /** Word-like segments as byte ranges, with the script of their first code point. */
  wordByteStarts: Uint32Array;
  wordByteEnds: Uint32Array;
  wordScripts: Uint16Array;
}

/** The run index holding a byte offset, moving forward only. */
function makeRunCursor(runByteEnds: Uint32Array) {
  let k = 0;
  return (byte: number): number => {
    while (k < runByteEnds.length - 1 && runByteEnds[k]! <= byte) k++;
    return k;
  };
}

/**
 * Profiles a text: script runs (Script_Extensions resolved, Common and Inherited taking their neighbours'
 * script), and per script its bytes, characters (grapheme clusters, counted in the script of their first
 * code point) and words (likewise).
 */
export function scriptProfile(text: string, runs: readonly ScriptRun[] = scriptRuns(text)): ScriptProfile {
  const wellFormed = toWellFormed(text);
  const scripts: string[] = [];
  const indexOf = new Map<string, number>();
  const runScripts = new Uint16Array(runs.length);
  runs.forEach((run, i) => {
    let index = indexOf.get(run.script);
    if (index === undefined) {
      index = scripts.push(run.script) - 1;
      indexOf.set(run.script, index);
    }
    runScripts[i] = index;
  });
  const runByteEnds = Uint32Array.from(runs, (r) => r.byteEnd);
  const bytes = new Float64Array(scripts.length);
  runs.forEach((run, i) => (bytes[runScripts[i]!]! += run.byteEnd - run.byteStart));

  // Graphemes and words, segmented line by line (a line seen before is not segmented again while typing).
  const characters = new Float64Array(scripts.length);
  const words = new Float64Array(scripts.length);
  const starts: number[] = [];
  const ends: number[] = [];
  const wordScripts: number[] = [];
  if (runs.length > 0) {
    const charRun = makeRunCursor(runByteEnds);
    const wordRun = makeRunCursor(runByteEnds);
    forEachLineSegments(wellFormed, (line, base) => {
      for (const start of line.graphemeStarts) characters[runScripts[charRun(base + start)]!]!++;
      for (let i = 0; i < line.wordStarts.length; i++) {
        const start = base + line.wordStarts[i]!;
        const script = runScripts[wordRun(start)]!;
        words[script]!++;
        starts.push(start);
        ends.push(base + line.wordEnds[i]!);
        wordScripts.push(script);
      }
    });
  }

  return {
    scripts,
    runByteStarts: Uint32Array.from(runs, (r) => r.byteStart),
    runByteEnds,
    runUtf16Starts: Uint32Array.from(runs, (r) => r.utf16Start),
    runUtf16Ends: Uint32Array.from(runs, (r) => r.utf16End),
    runScripts,
    bytes,
    characters,
    words,
    wordByteStarts: Uint32Array.from(starts),
    wordByteEnds: Uint32Array.from(ends),
    wordScripts: Uint16Array.from(wordScripts),
  };
}

/** The buffers of a profile, for `postMessage` transfer lists. */
export function scriptProfileTransferables(profile: ScriptProfile): ArrayBuffer[] {
  return Object.values(profile)
    .filter((value) => ArrayBuffer.isView(value))
    .map((array) => (array as Uint32Array).buffer as ArrayBuffer);
}

/** The script (index) a token `[start, end)` counts in: most bytes, the earlier script on a tie. */
function tokenScript(profile: ScriptProfile, firstRun: number, start: number, end: number): number {
  const { runByteStarts, runByteEnds, runScripts } = profile;
  if (end <= start || runByteEnds[firstRun]! >= end) return runScripts[firstRun]!;
  const share = new Map<number, number>();
  for (let k = firstRun; k < runScripts.length && runByteStarts[k]! < end; k++) {
    const overlap = Math.min(end, runByteEnds[k]!) - Math.max(start, runByteStarts[k]!);
    if (overlap > 0) share.set(runScripts[k]!, (share.get(runScripts[k]!) ?? 0) + overlap);
  }
  let best = runScripts[firstRun]!;
  let most = -1;
  for (const [script, bytes] of share) if (bytes > most) [best, most] = [script, bytes];
  return best;
}

/**
 * Per-script statistics of one encoding of the profiled text. A token is counted in the script that holds
 * most of its bytes (the earlier script on a tie); a zero-width token in the script where it sits. A word's
 * fertility counts every token overlapping its bytes. Every count sums over scripts to the total.
 */
export function profileScriptStats(profile: ScriptProfile, encoding: Encoding): ScriptStats[] {
  const n = profile.scripts.length;
  if (profile.runScripts.length === 0) return [];
  const tokens = new Float64Array(n);
  const partial = new Float64Array(n);
  const fallback = new Float64Array(n);
  const runAt = makeRunCursor(profile.runByteEnds);
  for (let i = 0; i < encoding.ids.length; i++) {
    const start = encoding.starts[i]!;
    const script = tokenScript(profile, runAt(start), start, encoding.ends[i]!);
    tokens[script]!++;
    const flags = encoding.flags[i]!;
    if (flags & (TokenFlag.PartialStart | TokenFlag.PartialEnd)) partial[script]!++;
    if (flags & TokenFlag.ByteFallback) fallback[script]!++;
  }

  const wordTokens = new Float64Array(n);
  const splitWords = new Float64Array(n);
  let t = 0;
  for (let w = 0; w < profile.wordScripts.length; w++) {
    const start = profile.wordByteStarts[w]!;
    const end = profile.wordByteEnds[w]!;
    while (t < encoding.ids.length && encoding.ends[t]! <= start) t++;
    let overlapping = 0;
    for (let k = t; k < encoding.ids.length && encoding.starts[k]! < end; k++) {
      if (encoding.ends[k]! > start) overlapping++;
    }
    const script = profile.wordScripts[w]!;
    wordTokens[script]! += overlapping;
    if (overlapping >= 2) splitWords[script]!++;
  }

  return profile.scripts.map((script, s) => {
    const count = tokens[s]!;
    const words = profile.words[s]!;
    return {
      script,
      bytes: profile.bytes[s]!,
      characters: profile.characters[s]!,
      words,
      tokens: count,
      bytesPerToken: count === 0 ? 0 : profile.bytes[s]! / count,
      tokensPerWord: words === 0 ? 0 : wordTokens[s]! / words,
      splitWordShare: words === 0 ? 0 : splitWords[s]! / words,
      partialTokenShare: count === 0 ? 0 : partial[s]! / count,
      byteFallbackTokens: fallback[s]!,
    };
  });
}

/** Per-script statistics of an encoding of `text` (profiles the text; see {@link profileScriptStats}). */
export function scriptStats(text: string, encoding: Encoding): ScriptStats[] {
  return profileScriptStats(scriptProfile(text), encoding);
}
