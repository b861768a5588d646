import { finishEncoding } from "../tokenizers/finish-encoding";
import type { Encoding, TokenizerInfo } from "../tokenizers/types";
import { utf8Encode } from "../text/utf8";

/** The lane id of the byte LM's entropy patches in the comparison view. */
export const PATCH_LANE_ID = "byte-lm-patches";

/** How the patch lane describes itself in the lane header and card. */
export function patchLaneInfo(modelName: string, rule: string): TokenizerInfo {
  return {
    id: PATCH_LANE_ID,
    name: `Byte-LM patches (${rule})`,
    family: "baseline",
    models: [],
    vocabSize: null,
    algorithm: `entropy patching (BLT) with ${modelName}`,
    pretokenization: "none",
    normalization: "none",
    source: "public/models",
    specialTokens: [],
  };
}

/**
 * Entropy patches as an encoding, so the comparison view can draw them like tokens: patch k covers the
 * bytes from its start flag to the next one, its id is its length in bytes (so equal-length patches share a
 * colour). `starts[i]` = 1 where byte i starts a patch; byte 0 always starts one.
 */
export function patchEncoding(text: string, starts: ArrayLike<number>): Encoding {
  const inputBytes = utf8Encode(text);
  const n = inputBytes.length;
  if (starts.length !== n) throw new RangeError(`${starts.length} start flags for ${n} bytes`);
  const begin: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || starts[i]) begin.push(i);
  const count = begin.length;
  const ids = new Uint32Array(count);
  const spanStarts = Uint32Array.from(begin);
  const spanEnds = new Uint32Array(count);
  const offsets = new Uint32Array(count + 1);
  for (let k = 0; k < count; k++) {
    spanEnds[k] = k + 1 < count ? begin[k + 1]! : n;
    ids[k] = spanEnds[k]! - spanStarts[k]!;
    offsets[k] = spanStarts[k]!;
  }
  offsets[count] = n;
  return finishEncoding({
    tokenizerId: PATCH_LANE_ID,
    text,
    inputBytes,
    ids,
    starts: spanStarts,
    ends: spanEnds,
    flags: new Uint8Array(count),
    tokenBytes: inputBytes,
    tokenByteOffsets: offsets,
    notes: [],
  });
}
