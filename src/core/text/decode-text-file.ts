import { utf8DecodeStrict } from "./utf8";

/** The largest text file the input box accepts. */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

/** A decoded text file, or why it could not be used. */
export type TextFileResult =
  | { ok: true; text: string }
  /** `notText`: the file is readable but not text (binary or not UTF-8), so binary mode can open it. */
  | { ok: false; reason: string; notText?: boolean };

/**
 * Decodes a dropped or opened file as UTF-8 text (a BOM is dropped; UTF-16 with a BOM is accepted).
 * Binary files, invalid UTF-8 and oversized files are refused with a reason, never shown as mojibake.
 */
export function decodeTextFile(name: string, bytes: Uint8Array): TextFileResult {
  if (bytes.length > MAX_TEXT_FILE_BYTES) {
    return {
      ok: false,
      reason: `${name} is ${(bytes.length / 1048576).toFixed(1)} MB; files up to ${MAX_TEXT_FILE_BYTES / 1048576} MB can be opened.`,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.subarray(0, 8192).includes(0))
    return {
      ok: false,
      reason: `${name} looks like a binary file (it contains NUL bytes), not text.`,
      notText: true,
    };
  const text = utf8DecodeStrict(body);
  if (text === null)
    return { ok: false, reason: `${name} is not UTF-8 text; save it as UTF-8 and try again.`, notText: true };
  return { ok: true, text };
}
