let unicodeToByte: Map<number, number> | undefined;

/**
 * The inverse of GPT-2's `bytes_to_unicode`: byte-level BPE vocabularies spell each byte as a printable
 * code point (space is `Ġ` U+0120, newline `Ċ` U+010A …).
 */
function table(): Map<number, number> {
  if (unicodeToByte) return unicodeToByte;
  const map = new Map<number, number>();
  const printable = (b: number) =>
    (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (printable(b)) map.set(b, b);
    else map.set(256 + extra++, b);
  }
  unicodeToByte = map;
  return map;
}

/** Decodes a byte-level token string to its bytes; null when a character is not a byte-level character. */
export function byteLevelDecode(token: string): Uint8Array | null {
  const map = table();
  const bytes = new Uint8Array(token.length);
  let length = 0;
  for (const ch of token) {
    const byte = map.get(ch.codePointAt(0)!);
    if (byte === undefined) return null;
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}
