import { countFlags, type FlagCounts } from "../compare/lane-view-data";
import type { Encoding } from "../tokenizers/types";

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

/** Per-lane statistics of an encoding against the text's own counts (flag counts may be precomputed). */
export function laneStats(
  encoding: Encoding,
  text: TextCounts,
  flags: FlagCounts = countFlags(encoding.flags),
): LaneStats {
  const tokens = encoding.ids.length;
  const covered = tokens === 0 ? text.bytes === 0 : encoding.ends[tokens - 1] === text.bytes;
  return {
    tokens,
    charsPerToken: tokens === 0 ? 0 : text.characters / tokens,
    bytesPerToken: tokens === 0 ? 0 : text.bytes / tokens,
    partialCharacterTokens: flags.partialCharacter,
    byteFallbackTokens: flags.byteFallback,
    specialTokens: flags.special,
    normalizedTokens: flags.normalized,
    roundTripExact: covered && flags.normalized === 0,
  };
}
