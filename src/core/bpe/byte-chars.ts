let byteToChar: string[] | undefined;

/**
 * GPT-2's `bytes_to_unicode` table: byte → the printable character byte-level BPE files spell it with
 * (printable Latin-1 bytes stand for themselves; the rest map to U+0100 upward, so space is `Ġ`).
 */
export function byteLevelAlphabet(): readonly string[] {
  if (byteToChar) return byteToChar;
  const table: string[] = new Array<string>(256);
  const printable = (b: number) =>
    (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let extra = 0;
  for (let b = 0; b < 256; b++) table[b] = String.fromCodePoint(printable(b) ? b : 256 + extra++);
  byteToChar = table;
  return table;
}

/** Spells bytes the byte-level way (`" hi"` → `"Ġhi"`), as tokenizer.json vocabularies and merges do. */
export function toByteLevel(bytes: Uint8Array): string {
  const table = byteLevelAlphabet();
  let out = "";
  for (const byte of bytes) out += table[byte]!;
  return out;
}

let charToByte: Map<string, number> | undefined;

/** The inverse of {@link toByteLevel}; null when a character is outside the byte-level alphabet. */
export function fromByteLevel(token: string): Uint8Array | null {
  charToByte ??= new Map(byteLevelAlphabet().map((char, byte) => [char, byte]));
  const bytes = new Uint8Array(token.length);
  let length = 0;
  for (const char of token) {
    const byte = charToByte.get(char);
    if (byte === undefined) return null;
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}
