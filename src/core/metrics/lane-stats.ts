import { TokenFlag, type Encoding } from "../tokenizers/types";

/** Counts of the text itself, shared by every lane. */
export interface TextCounts {
  bytes: number;
  codePoints: number;
  /** Extended grapheme clusters: what a reader calls characters. */
  characters: number;
  words: number;
  lines: number;
}

/** The numbers shown for one lane. */
export interface LaneStats {
  tokens: number;
  /** Characters (grapheme clusters) per token. */
  charsPerToken: number;
  bytesPerToken: number;
  /** Tokens that start or end inside a multi-byte character. */
  partialCharacterTokens: number;
  byteFallbackTokens: number;
  specialTokens: number;
  /** Tokens whose own bytes differ from the input they cover. */
  normalizedTokens: number;
  /** Decoding the tokens gives back exactly the input bytes. */
  roundTripExact: boolean;
}

/** Per-lane statistics of an encoding against the text's own counts. */
export function laneStats(encoding: Encoding, text: TextCounts): LaneStats {
  let partial = 0;
  let fallback = 0;
  let special = 0;
  let normalized = 0;
  for (const flag of encoding.flags) {
    if (flag & (TokenFlag.PartialStart | TokenFlag.PartialEnd)) partial++;
    if (flag & TokenFlag.ByteFallback) fallback++;
    if (flag & TokenFlag.Special) special++;
    if (flag & TokenFlag.Normalized) normalized++;
  }
  const tokens = encoding.ids.length;
  const covered = tokens === 0 ? text.bytes === 0 : encoding.ends[tokens - 1] === text.bytes;
  return {
    tokens,
    charsPerToken: tokens === 0 ? 0 : text.characters / tokens,
    bytesPerToken: tokens === 0 ? 0 : text.bytes / tokens,
    partialCharacterTokens: partial,
    byteFallbackTokens: fallback,
    specialTokens: special,
    normalizedTokens: normalized,
    roundTripExact: covered && normalized === 0,
  };
}
