import { firstInvalidUtf8Offset } from "./utf8";

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
