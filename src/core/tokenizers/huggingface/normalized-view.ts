import { graphemes, safeChunks } from "../../text/graphemes";
import { bytesEqual, utf8Encode } from "../../text/utf8";

/**
 * The text as the tokenizer's model sees it (after normalization), cut into units that map back to the
 * input. Unit k covers normalized bytes `[nStarts[k], nStarts[k+1])` and input bytes
 * `[iStarts[k], iStarts[k+1])`; where `identity[k]` is 1 the two are the same bytes.
 */
export interface NormalizedView {
  bytes: Uint8Array;
  nStarts: number[];
  iStarts: number[];
  identity: boolean[];
}

/** The view of a tokenizer that does not normalize: one identity unit. */
export function identityView(inputBytes: Uint8Array): NormalizedView {
  return {
    bytes: inputBytes,
    nStarts: [0, inputBytes.length],
    iStarts: [0, inputBytes.length],
    identity: [true],
  };
}

/**
 * Normalizes the text one grapheme cluster at a time, so that every normalized byte can be traced back
 * to the grapheme it came from. Unicode normalization, case mapping and character replacement act within
 * a grapheme, which is what makes this exact for the normalizers tokenizer.json files use.
 */
export function normalizedView(text: string, normalizeUnit: (unit: string) => string): NormalizedView {
  const chunks: Uint8Array[] = [];
  const nStarts: number[] = [0];
  const iStarts: number[] = [0];
  const identity: boolean[] = [];
  let nLength = 0;
  let iLength = 0;
  let runOpen = false;
  const add = (input: Uint8Array, normalized: Uint8Array, same: boolean) => {
    chunks.push(normalized);
    nLength += normalized.length;
    iLength += input.length;
    if (same && runOpen) {
      nStarts[nStarts.length - 1] = nLength;
      iStarts[iStarts.length - 1] = iLength;
      return;
    }
    nStarts.push(nLength);
    iStarts.push(iLength);
    identity.push(same);
    runOpen = same;
  };
  // Most of a text is unchanged by normalization: whole pieces are checked first, and only pieces that
  // change are normalized grapheme by grapheme.
  for (const [start, end] of safeChunks(text, 256)) {
    const piece = text.slice(start, end);
    if (normalizeUnit(piece) === piece) {
      const bytes = utf8Encode(piece);
      add(bytes, bytes, true);
      continue;
    }
    for (const { segment } of graphemes(piece)) {
      const input = utf8Encode(segment);
      const normalized = utf8Encode(normalizeUnit(segment));
      add(input, normalized, bytesEqual(input, normalized));
    }
  }
  const bytes = new Uint8Array(nLength);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, nStarts, iStarts, identity };
}
