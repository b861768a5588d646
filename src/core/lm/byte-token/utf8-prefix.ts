/**
 * How many bytes at the end of `bytes` form an incomplete but so-far well-formed UTF-8 character (0–3), or −1
 * when `bytes` cannot begin any well-formed UTF-8 text (an invalid byte, a stray continuation byte, an
 * overlong form, a surrogate or a code point above U+10FFFF). A text may be cut anywhere, so a prompt may
 * legitimately end inside a character; it may not hold a broken one before its end.
 */
export function utf8IncompleteTail(bytes: Uint8Array): number {
  let need = 0;
  let lead = 0;
  let seen = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (need === 0) {
      if (byte < 0x80) continue;
      if (byte >= 0xc2 && byte <= 0xdf) need = 1;
      else if (byte >= 0xe0 && byte <= 0xef) need = 2;
      else if (byte >= 0xf0 && byte <= 0xf4) need = 3;
      else return -1;
      lead = byte;
      seen = 0;
      continue;
    }
    if (!continues(lead, seen, byte)) return -1;
    seen++;
    need--;
  }
  return need === 0 ? 0 : seen + 1;
}

/** Whether `byte` may be continuation byte number `seen` (0-based) after `lead` (RFC 3629's table). */
function continues(lead: number, seen: number, byte: number): boolean {
  if (seen === 0) {
    if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
    if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
    if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
    if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  }
  return byte >= 0x80 && byte <= 0xbf;
}
