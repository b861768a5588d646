import { utf8DecodeStrict } from "../text/utf8";
import { TokenFlag } from "./types";

const CONTROL_NAMES: Record<number, string> = {
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x00: "\\0",
  0x5c: "\\\\",
};

function escapeCodePoint(cp: number): string {
  const named = CONTROL_NAMES[cp];
  if (named) return named;
  // Controls, format characters, separators and unpaired surrogates would be invisible or change the layout.
  if (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    /[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(String.fromCodePoint(cp))
  ) {
    return `\\u{${cp.toString(16).toUpperCase()}}`;
  }
  return String.fromCodePoint(cp);
}

/**
 * A token's bytes as readable, escaped text: printable characters as themselves, controls and invisible
 * characters as `\n`, `\u{200D}`…, and bytes that are not a whole UTF-8 character as `\xE3`.
 */
export function escapeTokenBytes(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const width = lead < 0x80 ? 1 : lead >= 0xf0 && lead < 0xf5 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    const char =
      width > 0 && i + width <= bytes.length ? utf8DecodeStrict(bytes.subarray(i, i + width)) : null;
    if (char === null || width === 0) {
      out += `\\x${lead.toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
      continue;
    }
    out += escapeCodePoint(char.codePointAt(0)!);
    i += width;
  }
  return out;
}

/** The names of the flags that are set. */
export function flagNames(flags: number): string[] {
  const names: string[] = [];
  if (flags & TokenFlag.Special) names.push("special");
  if (flags & TokenFlag.PartialStart) names.push("starts mid-character");
  if (flags & TokenFlag.PartialEnd) names.push("ends mid-character");
  if (flags & TokenFlag.ByteFallback) names.push("byte-fallback");
  if (flags & TokenFlag.Normalized) names.push("normalized");
  return names;
}
