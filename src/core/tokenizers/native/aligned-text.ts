import { utf8ByteLength } from "../../text/utf8";

/** Visits a periodic run: from output byte `outStart` on, `outPeriod` bytes for every `inPeriod` input bytes. */
type RunVisitor = (outStart: number, inStart: number, outPeriod: number, inPeriod: number) => void;

/**
 * Where each UTF-8 byte boundary of a transformed text lies in the input, as a list of periodic segments: a
 * segment maps `outPeriod` output bytes onto `inPeriod` input bytes, period after period, the first boundary
 * of a period onto the period's input start and the others onto its end. A copied run is one 1:1 segment, a
 * replacement of m input bytes by n bytes one n:m period, and a million spaces each replaced by `▁` one 3:1
 * segment: 16 bytes a segment, where a table of every byte's offset took 4 bytes a byte (60 MB for 5 MB of
 * spaces). A segment runs until the next one starts; a view ({@link from}) shares the segments of the text it
 * was cut from.
 */
export class Alignment {
  /** The segment found last: queries mostly walk forward, so the next one is found without a search. */
  private hint = 0;

  constructor(
    /** Four numbers a segment: output start (increasing, the first 0), input start, output and input period. */
    private readonly segments: Uint32Array,
    private readonly count: number,
    /** Boundary 0 of this view is boundary `offset` of the segments. */
    private readonly offset = 0,
  ) {}

  /** The input offset of byte boundary `byte`. */
  at(byte: number): number {
    const o = byte + this.offset;
    const s = 4 * this.find(o);
    const seg = this.segments;
    const outPeriod = seg[s + 2]!;
    const d = o - seg[s]!;
    const q = Math.floor(d / outPeriod);
    return seg[s + 1]! + (d === q * outPeriod ? q : q + 1) * seg[s + 3]!;
  }

  /** This alignment from byte boundary `byte` on (a view; nothing is copied). */
  from(byte: number): Alignment {
    return new Alignment(this.segments, this.count, this.offset + byte);
  }

  /**
   * The runs that map bytes `[start, end)` of this view, each starting at a period's first byte (`outStart`
   * relative to `start`); a run that starts inside a period begins with that period's rest, whose bytes all
   * lie at the period's end (a run with input period 0).
   */
  runs(start: number, end: number, visit: RunVisitor): void {
    const seg = this.segments;
    const stop = end + this.offset;
    let o = start + this.offset;
    for (let s = this.find(o); o < stop; s++) {
      const segEnd = s + 1 < this.count ? Math.min(stop, seg[4 * (s + 1)]!) : stop;
      const outPeriod = seg[4 * s + 2]!;
      const inPeriod = seg[4 * s + 3]!;
      const d = o - seg[4 * s]!;
      const q = Math.floor(d / outPeriod);
      let inAt = seg[4 * s + 1]! + q * inPeriod;
      if (d > q * outPeriod) {
        // The rest of a period entered in the middle: its bytes lie at the period's end.
        inAt += inPeriod;
        const rest = Math.min(segEnd - o, (q + 1) * outPeriod - d);
        visit(o - this.offset - start, inAt, rest, 0);
        o += rest;
      }
      if (o < segEnd) visit(o - this.offset - start, inAt, outPeriod, inPeriod);
      o = segEnd;
    }
  }

  private find(o: number): number {
    const seg = this.segments;
    const count = this.count;
    const s = this.hint;
    if (seg[4 * s]! <= o && (s + 1 >= count || seg[4 * (s + 1)]! > o)) return s;
    if (s + 1 < count && seg[4 * (s + 1)]! <= o && (s + 2 >= count || seg[4 * (s + 2)]! > o))
      return (this.hint = s + 1);
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (seg[4 * mid]! <= o) low = mid;
      else high = mid - 1;
    }
    return (this.hint = low);
  }
}

/**
 * Text on its way through a tokenizer pipeline, with the input byte offset of each of its UTF-8 byte
 * boundaries — the role of the Rust library's `NormalizedString` alignments, exact for every byte (not only
 * every character), so that a byte-level token that cuts a character still gets an exact span.
 *
 * `origin === null` means the text is an unchanged slice of the input whose first byte is input byte
 * `base` (the common case, and the cheap one). Otherwise `origin.at(k)` is the input offset of the boundary
 * before byte k of `text` (k up to the byte length), non-decreasing.
 */
export interface AlignedText {
  readonly text: string;
  readonly base: number;
  readonly origin: Alignment | null;
}

/** The input offset of byte boundary `byte` of `aligned.text`. */
export function originOf(aligned: AlignedText, byte: number): number {
  return aligned.origin ? aligned.origin.at(byte) : aligned.base + byte;
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
    ? { text, base: 0, origin: aligned.origin.from(startByte) }
    : { text, base: aligned.base + startByte, origin: null };
  return { slice, bytes };
}

/** Parts of the text joined into one string once this many have been written (a part per replaced space). */
const PARTS_PER_CHUNK = 4096;

/**
 * Builds a transformed text segment by segment. A segment copied unchanged keeps byte-exact alignment; a
 * changed one maps its first boundary to the start of what it replaced and every later boundary to the end
 * (so the first token inside it covers the replaced input, later ones are empty; inserted text is empty).
 * Where two segments meet, the boundary is the later one's first.
 */
export class AlignedBuilder {
  private chunks: string[] = [];
  private parts: string[] = [];
  private segments = new Uint32Array(64);
  private count = 0;
  private length = 0; // bytes written
  /** The input offset of the boundary after the last byte written. */
  private endOrigin = 0;
  private changed = false;

  constructor(private readonly source: AlignedText) {}

  private write(text: string): void {
    this.parts.push(text);
    if (this.parts.length >= PARTS_PER_CHUNK) {
      this.chunks.push(this.parts.join(""));
      this.parts = [];
    }
  }

  /** Appends a run of output bytes from `outStart` on (periodic, see {@link Alignment}), merging it into the last one where it continues it. */
  private run(outStart: number, inStart: number, outPeriod: number, inPeriod: number): void {
    const seg = this.segments;
    if (this.count > 0) {
      const last = 4 * (this.count - 1);
      if (seg[last] === outStart)
        this.count--; // the last run wrote no byte: the boundary is this one's
      else if (seg[last + 2] === outPeriod && seg[last + 3] === inPeriod) {
        const periods = (outStart - seg[last]!) / outPeriod;
        if (Number.isInteger(periods) && seg[last + 1]! + periods * inPeriod === inStart) return;
      }
    }
    if (4 * this.count + 4 > seg.length) {
      const grown = new Uint32Array(Math.ceil(seg.length * 1.5) + 4);
      grown.set(seg);
      this.segments = grown;
    }
    const at = 4 * this.count++;
    this.segments[at] = outStart;
    this.segments[at + 1] = inStart;
    this.segments[at + 2] = outPeriod;
    this.segments[at + 3] = inPeriod;
  }

  /** Copies source bytes `[startByte, startByte + bytes)` (= source units `[startUnit, endUnit)`) unchanged. */
  keep(startUnit: number, endUnit: number, startByte: number, bytes: number): void {
    if (endUnit <= startUnit) return;
    this.write(this.source.text.slice(startUnit, endUnit));
    const { origin, base } = this.source;
    const at = this.length;
    if (origin)
      origin.runs(startByte, startByte + bytes, (outStart, inStart, outPeriod, inPeriod) =>
        this.run(at + outStart, inStart, outPeriod, inPeriod),
      );
    else this.run(at, base + startByte, 1, 1);
    this.length += bytes;
    this.endOrigin = originOf(this.source, startByte + bytes);
  }

  /** Writes `text` in place of source bytes `[startByte, endByte)` (equal for an insertion). */
  replace(text: string, startByte: number, endByte: number): void {
    this.changed = true;
    const bytes = utf8ByteLength(text);
    const start = originOf(this.source, startByte);
    const end = originOf(this.source, endByte);
    if (bytes > 0) {
      this.write(text);
      this.run(this.length, start, bytes, end - start);
    }
    this.length += bytes;
    this.endOrigin = end;
  }

  /** The result; the source itself when nothing changed. */
  finish(): AlignedText {
    if (!this.changed) return this.source;
    this.run(this.length, this.endOrigin, 1, 1); // the boundary after the last byte
    this.chunks.push(this.parts.join(""));
    const segments =
      this.segments.length > 4 * this.count + 64 ? this.segments.slice(0, 4 * this.count) : this.segments;
    return { text: this.chunks.join(""), base: 0, origin: new Alignment(segments, this.count) };
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
      builder ??= new AlignedBuilder(source);
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
    builder ??= new AlignedBuilder(source);
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
  const builder = new AlignedBuilder(source);
  builder.replace(prefix, 0, 0);
  builder.keep(0, source.text.length, 0, bytes);
  return builder.finish();
}
