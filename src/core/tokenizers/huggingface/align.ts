import type { NormalizedView } from "./normalized-view";

/** How far ahead a token that does not match where it should is looked for. */
const SEARCH_WINDOW = 1024;

function isSpaceByte(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

function matchesAt(haystack: Uint8Array, at: number, needle: Uint8Array, from = 0): boolean {
  const length = needle.length - from;
  if (at + length > haystack.length) return false;
  for (let k = 0; k < length; k++) if (haystack[at + k] !== needle[from + k]) return false;
  return true;
}

function searchAhead(haystack: Uint8Array, from: number, needle: Uint8Array, skip: number): number {
  if (needle.length - skip <= 0) return -1;
  const limit = Math.min(haystack.length, from + SEARCH_WINDOW);
  for (let at = from; at < limit; at++) if (matchesAt(haystack, at, needle, skip)) return at;
  return -1;
}

/**
 * Places each token's bytes on the normalized byte stream and returns where each one ends there.
 *
 * Tokens mostly match the stream byte for byte. The tolerated differences are the ones tokenizers make:
 * an inserted leading space (SentencePiece's `▁` prefix), deleted whitespace (WordPiece, Strip), and
 * tokens whose bytes are unknown (`null`, e.g. `<unk>`), which take what lies before the next token that
 * matches. Whatever is left at the end goes to the last token, so the spans always cover the input.
 */
export function alignOnStream(stream: Uint8Array, tokens: readonly (Uint8Array | null)[]): Uint32Array {
  const ends = new Uint32Array(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === null || token === undefined) {
      p = endOfUnknown(stream, p, tokens, i);
    } else {
      p = placeToken(stream, p, token);
    }
    ends[i] = p;
  }
  if (tokens.length > 0) ends[tokens.length - 1] = stream.length;
  return ends;
}

function placeToken(stream: Uint8Array, start: number, token: Uint8Array): number {
  let p = start;
  for (;;) {
    if (matchesAt(stream, p, token)) return p + token.length;
    if (token[0] === 0x20 && matchesAt(stream, p, token, 1)) return p + token.length - 1;
    if (isSpaceByte(stream[p]) && token[0] !== stream[p]) {
      p++;
      continue;
    }
    break;
  }
  const skip = token[0] === 0x20 ? 1 : 0;
  const found = searchAhead(stream, p, token, skip);
  if (found >= 0) return found + token.length - skip;
  return Math.min(stream.length, p + Math.max(1, token.length - skip));
}

function endOfUnknown(
  stream: Uint8Array,
  start: number,
  tokens: readonly (Uint8Array | null)[],
  index: number,
): number {
  const next = tokens[index + 1];
  if (next) {
    const skip = next[0] === 0x20 ? 1 : 0;
    const found = searchAhead(stream, start + 1, next, skip);
    if (found >= 0) return found;
  }
  // One UTF-8 character: an unknown token stands for at least one.
  let p = start + 1;
  while (p < stream.length && (stream[p]! & 0xc0) === 0x80) p++;
  return Math.min(p, stream.length);
}

/**
 * Maps non-decreasing positions in the normalized stream back to input byte offsets. Inside a unit whose
 * bytes were not changed the mapping is exact; inside a changed unit a boundary moves to the unit's end
 * (the unit cannot be split between tokens), so spans stay contiguous and cover the input.
 */
export function toInputOffsets(view: NormalizedView, normalizedEnds: Uint32Array): Uint32Array {
  const result = new Uint32Array(normalizedEnds.length);
  const units = view.identity.length;
  let k = 0;
  for (let i = 0; i < normalizedEnds.length; i++) {
    const n = normalizedEnds[i]!;
    while (k < units - 1 && view.nStarts[k + 1]! <= n) k++;
    const nStart = view.nStarts[k]!;
    const iStart = view.iStarts[k]!;
    if (n <= nStart) result[i] = iStart;
    else if (view.identity[k]) result[i] = iStart + (n - nStart);
    else result[i] = view.iStarts[k + 1]!;
  }
  return result;
}
