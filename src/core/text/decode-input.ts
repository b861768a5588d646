/** The byte offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and > U+10FFFF are invalid), or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Input bytes decoded for tokenization, with what the user should know about the decoding. */
export interface DecodedInput {
  text: string;
  notes: string[];
}

/** Why input bytes could not be decoded as text. */
export class InputDecodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputDecodingError";
  }
}

/**
 * Decodes a file's bytes for tokenization without changing them: UTF-8 as is (a leading BOM is text, as
 * the tokenizers see it); UTF-16 with a BOM decoded, with a note; invalid UTF-8 refused with the offset of the
 * first bad byte, unless `lossy`, which replaces each invalid sequence with U+FFFD and says how many.
 * @throws InputDecodingError
 */
export function decodeInput(bytes: Uint8Array, lossy = false): DecodedInput {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2));
    return {
      text,
      notes: [
        `decoded as ${encoding.toUpperCase()} (byte order mark); the BOM is not part of the text and spans are UTF-8 byte offsets of the decoded text`,
      ],
    };
  }
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad < 0) return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), notes: [] };
  if (!lossy)
    throw new InputDecodingError(
      `the input is not valid UTF-8: the first invalid byte is at offset ${bad} (0x${bytes[bad]!.toString(16).padStart(2, "0")}); pass --lossy to replace invalid bytes with U+FFFD`,
    );
  return {
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    notes: [
      `--lossy: invalid UTF-8 replaced with U+FFFD (the first invalid byte is at offset ${bad}); spans are offsets into the re-encoded text, not into the file`,
    ],
  };
}
