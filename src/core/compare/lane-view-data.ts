import { tokenBlocks } from "../tokenizers/blocks";
import type { EncodingEdit } from "./boundaries";
import { specialTokenRegex } from "../tokenizers/special-split";
import { TokenFlag, type Encoding } from "../tokenizers/types";

/** How many tokens carry each flag. */
export interface FlagCounts {
  partialCharacter: number;
  byteFallback: number;
  special: number;
  normalized: number;
}

/**
 * Everything a lane needs to draw itself that costs O(tokens): computed next to the tokenizer (in the
 * worker), so that the main thread only renders the visible window.
 */
export interface LaneViewData {
  encoding: Encoding;
  /**
   * Block starts (see {@link tokenBlocks}): a block is a line of the text, so that the lane wraps like the
   * text; only a line longer than {@link MAX_BLOCK_TOKENS} tokens is cut into several blocks.
   */
  blocks: Uint32Array;
  flagCounts: FlagCounts;
  /** Special-token strings that occur in the text (at most four). */
  specialLookalikes: string[];
  /**
   * Set on the page when the encoding was patched from the lane's previous one: what it kept of it (the boundary
   * diff is then updated around the edit instead of computed again over every lane). It holds that previous
   * encoding for as long as this view is kept; only lanes of up to 50,000 tokens are patched.
   */
  edit?: EncodingEdit;
}

/** Counts the flags of every token. */
export function countFlags(flags: Uint8Array): FlagCounts {
  const counts: FlagCounts = { partialCharacter: 0, byteFallback: 0, special: 0, normalized: 0 };
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    if (flag === 0) continue;
    if (flag & (TokenFlag.PartialStart | TokenFlag.PartialEnd)) counts.partialCharacter++;
    if (flag & TokenFlag.ByteFallback) counts.byteFallback++;
    if (flag & TokenFlag.Special) counts.special++;
    if (flag & TokenFlag.Normalized) counts.normalized++;
  }
  return counts;
}

/** Special-token strings that occur in the text (one pass over the text, at most `limit` reported). */
export function findSpecialLookalikes(text: string, specialTokens: readonly string[], limit = 4): string[] {
  const regex = specialTokenRegex(specialTokens.filter((special) => special.length > 1));
  if (!regex || text.length === 0) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(regex)) {
    found.add(match[0]);
    if (found.size >= limit) break;
  }
  return [...found];
}

/** The longest block: windowed rendering draws whole blocks, so one must stay cheap to draw in every mode. */
export const MAX_BLOCK_TOKENS = 4096;

/** Prepares an encoding for display. */
export function laneViewData(
  text: string,
  encoding: Encoding,
  specialTokens: readonly string[],
): LaneViewData {
  return {
    encoding,
    blocks: tokenBlocks(text, encoding, MAX_BLOCK_TOKENS),
    flagCounts: countFlags(encoding.flags),
    specialLookalikes: findSpecialLookalikes(text, specialTokens),
  };
}
