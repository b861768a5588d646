import { isContinuationByte } from "../text/utf8";
import { Utf16Cursor } from "../text/utf16-map";
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
  const startCursor = new Utf16Cursor(tokens.text);
  const endCursor = new Utf16Cursor(tokens.text);
  for (let i = 0; i < count; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    let flag = flags[i]!;
    if (start < byteLength && start < end && isContinuationByte(inputBytes[start]!)) flag |= TokenFlag.PartialStart;
    if (end < byteLength && end > start && isContinuationByte(inputBytes[end]!)) flag |= TokenFlag.PartialEnd;
    flags[i] = flag;
    utf16Starts[i] = startCursor.floor(start);
    utf16Ends[i] = endCursor.ceil(end);
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
