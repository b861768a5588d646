/**
 * Maps increasing UTF-8 byte offsets of a string to UTF-16 offsets in one forward pass.
 *
 * A byte offset inside a multi-byte character maps to the start of that character (for a start) or past
 * its end (for an end), so a highlight always covers whole characters. Lone surrogates count as the
 * three bytes of U+FFFD, which is what the UTF-8 encoder produced for them.
 */
export class Utf16Cursor {
  private unit = 0;
  private byte = 0;

  constructor(private readonly text: string) {}

  /** The UTF-16 offset of the character that contains (or starts at) `target`; targets must not decrease. */
  floor(target: number): number {
    this.advanceWhile(target, false);
    return this.unit;
  }

  /** The UTF-16 offset just after the character that contains `target - 1`; targets must not decrease. */
  ceil(target: number): number {
    this.advanceWhile(target, true);
    return this.unit;
  }

  private advanceWhile(target: number, inclusive: boolean): void {
    const text = this.text;
    const length = text.length;
    let unit = this.unit;
    let byte = this.byte;
    while (unit < length) {
      const code = text.charCodeAt(unit);
      let bytes = 3;
      let units = 1;
      if (code < 0x80) bytes = 1;
      else if (code < 0x800) bytes = 2;
      else if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(unit + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          bytes = 4;
          units = 2;
        }
      }
      const move = inclusive ? byte < target : byte + bytes <= target;
      if (!move) break;
      byte += bytes;
      unit += units;
    }
    this.unit = unit;
    this.byte = byte;
  }
}
