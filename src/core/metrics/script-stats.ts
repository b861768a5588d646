import { graphemes, wordSegments } from "../text/graphemes";
import { scriptRuns, type ScriptRun } from "../text/scripts";
import { utf8Encode } from "../text/utf8";
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

/** The run index holding a byte offset, moving forward only. */
function makeRunCursor(runs: readonly ScriptRun[]) {
  let k = 0;
  return (byte: number): number => {
    while (k < runs.length - 1 && runs[k]!.byteEnd <= byte) k++;
    return k;
  };
}

/**
 * Per-script statistics of an encoding. A token is counted in the script that holds most of its bytes
 * (the earlier script on a tie); a zero-width token in the script where it sits. Characters and words
 * count in the script of their first code point. Every count therefore sums over scripts to the total.
 */
export function scriptStats(
  text: string,
  encoding: Encoding,
  runs: readonly ScriptRun[] = scriptRuns(text),
): ScriptStats[] {
  const wellFormed = toWellFormed(text);
  const byScript = new Map<
    string,
    {
      bytes: number;
      characters: number;
      words: number;
      tokens: number;
      wordTokens: number;
      splitWords: number;
      partial: number;
      fallback: number;
    }
  >();
  const entry = (script: string) => {
    let e = byScript.get(script);
    if (!e) {
      e = {
        bytes: 0,
        characters: 0,
        words: 0,
        tokens: 0,
        wordTokens: 0,
        splitWords: 0,
        partial: 0,
        fallback: 0,
      };
      byScript.set(script, e);
    }
    return e;
  };
  if (runs.length === 0) return [];
  for (const run of runs) entry(run.script).bytes += run.byteEnd - run.byteStart;

  // Tokens: majority of bytes.
  let r = 0;
  for (let i = 0; i < encoding.ids.length; i++) {
    const start = encoding.starts[i]!;
    const end = encoding.ends[i]!;
    while (r < runs.length - 1 && runs[r]!.byteEnd <= start) r++;
    let best = runs[r]!.script;
    if (end > start) {
      const share = new Map<string, number>();
      for (let k = r; k < runs.length && runs[k]!.byteStart < end; k++) {
        const overlap = Math.min(end, runs[k]!.byteEnd) - Math.max(start, runs[k]!.byteStart);
        if (overlap > 0) share.set(runs[k]!.script, (share.get(runs[k]!.script) ?? 0) + overlap);
      }
      let most = -1;
      for (const [script, bytes] of share) if (bytes > most) [best, most] = [script, bytes];
    }
    const e = entry(best);
    e.tokens++;
    const flags = encoding.flags[i]!;
    if (flags & (TokenFlag.PartialStart | TokenFlag.PartialEnd)) e.partial++;
    if (flags & TokenFlag.ByteFallback) e.fallback++;
  }

  // Characters: the script of their first code point.
  const charRun = makeRunCursor(runs);
  let byte = 0;
  for (const { segment } of graphemes(wellFormed)) {
    entry(runs[charRun(byte)]!.script).characters++;
    byte += utf8Encode(segment).length;
  }

  // Words: fertility = tokens overlapping the word's bytes.
  const wordRun = makeRunCursor(runs);
  let t = 0;
  byte = 0;
  for (const { segment, isWordLike } of wordSegments(wellFormed)) {
    const length = utf8Encode(segment).length;
    if (isWordLike) {
      const e = entry(runs[wordRun(byte)]!.script);
      e.words++;
      while (t < encoding.ids.length && encoding.ends[t]! <= byte) t++;
      let k = t;
      let overlapping = 0;
      while (k < encoding.ids.length && encoding.starts[k]! < byte + length) {
        if (encoding.ends[k]! > byte) overlapping++;
        k++;
      }
      e.wordTokens += overlapping;
      if (overlapping >= 2) e.splitWords++;
    }
    byte += length;
  }

  return [...byScript].map(([script, e]) => ({
    script,
    bytes: e.bytes,
    characters: e.characters,
    words: e.words,
    tokens: e.tokens,
    bytesPerToken: e.tokens === 0 ? 0 : e.bytes / e.tokens,
    tokensPerWord: e.words === 0 ? 0 : e.wordTokens / e.words,
    splitWordShare: e.words === 0 ? 0 : e.splitWords / e.words,
    partialTokenShare: e.tokens === 0 ? 0 : e.partial / e.tokens,
    byteFallbackTokens: e.fallback,
  }));
}
