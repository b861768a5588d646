import { isContinuationByte } from "../text/utf8";
import { TokenFlag, type Encoding } from "./types";

/** What an adapter knows once it has ids, spans and token bytes; {@link finishEncoding} adds the rest. */
export interface SpannedTokens {
  tokenizerId: string;
  text: string;
  inputBytes: Uint8Array;
  ids: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Flags the adapter already knows (special, byte-fallback, normalized). */
  flags: Uint8Array;
  tokenBytes: Uint8Array;
  tokenByteOffsets: Uint32Array;
  notes: string[];
}

/** Adds partial-character flags and UTF-16 highlight ranges, and packages the result. */
export function finishEncoding(tokens: SpannedTokens): Encoding {
  const { inputBytes, starts, ends, flags } = tokens;
  const count = tokens.ids.length;
  const byteLength = inputBytes.length;
  const utf16Starts = new Uint32Array(count);
  const utf16Ends = new Uint32Array(count);
  const text = tokens.text;
  const length = text.length;
  // One forward walk over the text at character boundaries: (unit, byte) is the last boundary ≤ the target.
  let unit = 0;
  let byte = 0;
  let width = 0; // UTF-8 bytes of the character at `unit`
  let units = 0; // UTF-16 units of that character
  const seek = (target: number): void => {
    for (;;) {
      if (unit >= length) {
        width = 0;
        units = 0;
        return;
      }
      const code = text.charCodeAt(unit);
      units = 1;
      if (code < 0x80) width = 1;
      else if (code < 0x800) width = 2;
      else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00) {
        width = 4;
        units = 2;
      } else width = 3;
      if (byte + width > target) return;
      byte += width;
      unit += units;
    }
  };
  for (let i = 0; i < count; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    let flag = flags[i]!;
    if (start < byteLength && start < end && isContinuationByte(inputBytes[start]!))
      flag |= TokenFlag.PartialStart;
    if (end < byteLength && end > start && isContinuationByte(inputBytes[end]!)) flag |= TokenFlag.PartialEnd;
    flags[i] = flag;
    seek(start);
    utf16Starts[i] = unit;
    seek(end);
    utf16Ends[i] = byte < end ? unit + units : unit;
  }
  return {
    tokenizerId: tokens.tokenizerId,
    ids: tokens.ids,
    starts,
    ends,
    utf16Starts,
    utf16Ends,
    flags,
    tokenBytes: tokens.tokenBytes,
    tokenByteOffsets: tokens.tokenByteOffsets,
    inputByteLength: byteLength,
    notes: tokens.notes,
  };
}
