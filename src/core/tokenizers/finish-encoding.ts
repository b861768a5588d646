import { isContinuationByte, utf8Encode } from "../text/utf8";
import { inputNotes } from "./input-notes";
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
  const text = tokens.text;
  const length = text.length;
  // ASCII text (as many UTF-8 bytes as UTF-16 units): byte spans are UTF-16 spans (the same arrays), and no
  // token cuts a character.
  if (byteLength === length) return packageEncoding(tokens, starts, ends);
  const utf16Starts = new Uint32Array(count);
  const utf16Ends = new Uint32Array(count);
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
  return packageEncoding(tokens, utf16Starts, utf16Ends);
}

function packageEncoding(tokens: SpannedTokens, utf16Starts: Uint32Array, utf16Ends: Uint32Array): Encoding {
  return {
    tokenizerId: tokens.tokenizerId,
    ids: tokens.ids,
    starts: tokens.starts,
    ends: tokens.ends,
    utf16Starts,
    utf16Ends,
    flags: tokens.flags,
    tokenBytes: tokens.tokenBytes,
    tokenByteOffsets: tokens.tokenByteOffsets,
    inputByteLength: tokens.inputBytes.length,
    notes: tokens.notes,
  };
}

/**
 * The encoding of a lossless (byte-level) tokenizer from its ids alone: the spans are prefix sums of the
 * tokens' byte lengths, and the tokens' bytes concatenated are the input's bytes.
 * @throws Error when the tokens' bytes do not add up to the input's.
 */
export function losslessEncoding(
  tokenizerId: string,
  text: string,
  ids: Uint32Array,
  byteLength: (id: number) => number,
  isSpecial: (id: number) => boolean,
): Encoding {
  const inputBytes = utf8Encode(text);
  const count = ids.length;
  const flags = new Uint8Array(count);
  // The tokens tile the input: token i's bytes are offsets[i] to offsets[i + 1], which are also its span. So
  // starts, ends and the token-byte offsets are views of one array (encodings are never modified after they
  // are made; `encodingTransferables` lists a shared buffer once).
  const offsets = new Uint32Array(count + 1);
  let position = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    offsets[i] = position;
    position += byteLength(id);
    if (isSpecial(id)) flags[i] = TokenFlag.Special;
  }
  offsets[count] = position;
  const starts = offsets.subarray(0, count);
  const ends = offsets.subarray(1);
  if (position !== inputBytes.length)
    throw new Error(
      `${tokenizerId}: token bytes (${position}) do not add up to the input (${inputBytes.length})`,
    );
  return finishEncoding({
    tokenizerId,
    text,
    inputBytes,
    ids,
    starts,
    ends,
    flags,
    tokenBytes: inputBytes,
    tokenByteOffsets: offsets,
    notes: inputNotes(text),
  });
}
