import { utf8ByteLength } from "../../text/utf8";

/**
 * Text on its way through a tokenizer pipeline, with the input byte offset of each of its UTF-8 byte
 * boundaries — the role of the Rust library's `NormalizedString` alignments, kept per byte so that a
 * byte-level token that cuts a character still gets an exact span.
 *
 * `origin === null` means the text is an unchanged slice of the input whose first byte is input byte
 * `base` (the common case, and the cheap one). Otherwise `origin[k]` is the input offset of the boundary
 * before byte k of `text` (length = byte length + 1), non-decreasing.
 */
export interface AlignedText {
  readonly text: string;
  readonly base: number;
  readonly origin: Uint32Array | null;
}

/** The input offset of byte boundary `byte` of `aligned.text`. */
export function originOf(aligned: AlignedText, byte: number): number {
  return aligned.origin ? aligned.origin[byte]! : aligned.base + byte;
}

/** An unchanged slice of the input. */
export function inputSlice(text: string, base: number): AlignedText {
  return { text, base, origin: null };
}

/**
 * The part `[startUnit, endUnit)` (UTF-16 units) of an aligned text, given the byte offset of `startUnit`
 * (callers walk left to right and know it); returns the slice and its byte length.
 */
export function sliceAligned(
  aligned: AlignedText,
  startUnit: number,
  endUnit: number,
  startByte: number,
): { slice: AlignedText; bytes: number } {
  const text = aligned.text.slice(startUnit, endUnit);
  const bytes = utf8ByteLength(aligned.text, startUnit, endUnit);
  const slice = aligned.origin
    ? { text, base: 0, origin: aligned.origin.subarray(startByte, startByte + bytes + 1) }
    : { text, base: aligned.base + startByte, origin: null };
  return { slice, bytes };
}

/**
 * Builds a transformed text segment by segment. A segment copied unchanged keeps byte-exact alignment; a
 * changed one maps its first boundary to the start of what it replaced and every later boundary to the end
 * (so the first token inside it covers the replaced input, later ones are empty; inserted text is empty).
 */
export class AlignedBuilder {
  private readonly parts: string[] = [];
  private origin: Uint32Array;
  private length = 0; // bytes written
  private changed = false;

  constructor(
    private readonly source: AlignedText,
    expectedBytes: number,
  ) {
    this.origin = new Uint32Array(expectedBytes + 1);
  }

  private ensure(extra: number): void {
    if (this.length + extra + 1 <= this.origin.length) return;
    const grown = new Uint32Array(Math.max(this.origin.length * 2, this.length + extra + 1));
    grown.set(this.origin.subarray(0, this.length + 1));
    this.origin = grown;
  }

  /** Copies source bytes `[startByte, startByte + bytes)` (= source units `[startUnit, endUnit)`) unchanged. */
  keep(startUnit: number, endUnit: number, startByte: number, bytes: number): void {
    if (endUnit <= startUnit) return;
    this.parts.push(this.source.text.slice(startUnit, endUnit));
    this.ensure(bytes);
    for (let k = 0; k <= bytes; k++) this.origin[this.length + k] = originOf(this.source, startByte + k);
    this.length += bytes;
  }

  /** Writes `text` in place of source bytes `[startByte, endByte)` (equal for an insertion). */
  replace(text: string, startByte: number, endByte: number): void {
    this.changed = true;
    const bytes = utf8ByteLength(text);
    this.parts.push(text);
    this.ensure(bytes);
    const start = originOf(this.source, startByte);
    const end = originOf(this.source, endByte);
    this.origin[this.length] = start;
    for (let k = 1; k <= bytes; k++) this.origin[this.length + k] = end;
    if (bytes === 0) this.origin[this.length] = end;
    this.length += bytes;
  }

  /** The result; the source itself when nothing changed. */
  finish(): AlignedText {
    if (!this.changed) return this.source;
    return { text: this.parts.join(""), base: 0, origin: this.origin.subarray(0, this.length + 1) };
  }
}

/**
 * Applies a per-code-point mapping (lowercasing, accent stripping, …): code points whose image is
 * themselves are copied unchanged, the others replaced. Returns the source when nothing changes.
 */
export function mapCodePoints(source: AlignedText, map: (char: string) => string): AlignedText {
  const text = source.text;
  let builder: AlignedBuilder | null = null;
  let keptFromUnit = 0;
  let keptFromByte = 0;
  let byte = 0;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    const char = units === 2 ? text.slice(i, i + 2) : text[i]!;
    const image = map(char);
    if (image !== char) {
      builder ??= new AlignedBuilder(source, text.length * 3);
      builder.keep(keptFromUnit, i, keptFromByte, byte - keptFromByte);
      builder.replace(image, byte, byte + bytes);
      keptFromUnit = i + units;
      keptFromByte = byte + bytes;
    }
    i += units;
    byte += bytes;
  }
  if (!builder) return source;
  builder.keep(keptFromUnit, text.length, keptFromByte, byte - keptFromByte);
  return builder.finish();
}

/**
 * Replaces each of the given UTF-16 ranges (sorted, non-overlapping) by `content`, keeping the rest
 * byte-exact. Returns the source when there are none.
 */
export function replaceRanges(
  source: AlignedText,
  ranges: Iterable<[number, number]>,
  content: string,
): AlignedText {
  const text = source.text;
  let builder: AlignedBuilder | null = null;
  let unit = 0;
  let byte = 0;
  for (const [start, end] of ranges) {
    builder ??= new AlignedBuilder(source, text.length * 3);
    const gap = utf8ByteLength(text, unit, start);
    builder.keep(unit, start, byte, gap);
    byte += gap;
    const matched = utf8ByteLength(text, start, end);
    builder.replace(content, byte, byte + matched);
    byte += matched;
    unit = end;
  }
  if (!builder) return source;
  builder.keep(unit, text.length, byte, utf8ByteLength(text, unit));
  return builder.finish();
}

/** `prefix` inserted before the text (aligned to its start). */
export function prependAligned(source: AlignedText, prefix: string): AlignedText {
  const bytes = utf8ByteLength(source.text);
  const builder = new AlignedBuilder(source, bytes + prefix.length * 4);
  builder.replace(prefix, 0, 0);
  builder.keep(0, source.text.length, 0, bytes);
  return builder.finish();
}
