import { utf8DecodeStrict } from "../../core/text/utf8";

/**
 * How a token's bytes read on screen, as plain text (React escapes it): whole characters as themselves with
 * spaces, tabs and newlines made visible, bytes that are not whole characters in hex (`<e4>`).
 */
export function tokenText(bytes: Uint8Array): string {
  const text = utf8DecodeStrict(bytes);
  if (text !== null) return text.replace(/ /g, "␠").replace(/\t/g, "⇥").replace(/\n/g, "⏎");
  return Array.from(bytes, (b) =>
    b >= 0x21 && b < 0x7f ? String.fromCharCode(b) : `<${b.toString(16).padStart(2, "0")}>`,
  ).join("");
}
