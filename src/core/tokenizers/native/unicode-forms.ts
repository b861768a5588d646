import { utf8ByteLength } from "../../text/utf8";
import { inRanges } from "../tiktoken/pinned-unicode";
import { AlignedBuilder, type AlignedText } from "./aligned-text";
import { NORMALIZATION_DRIFT_RANGES } from "./normalization-drift";

/** A Unicode normalization form. */
export type UnicodeForm = "NFC" | "NFD" | "NFKC" | "NFKD";

const starterCache = new Map<number, boolean>();

/**
 * Whether a code point decomposes to something that starts with a starter (canonical combining class 0).
 * Tested through the engine's own normalization: U+0345 has the highest combining class (240), so any other
 * non-starter placed after it is reordered in front of it by canonical ordering.
 */
function startsWithStarter(codePoint: number): boolean {
  let verdict = starterCache.get(codePoint);
  if (verdict === undefined) {
    const first = String.fromCodePoint(codePoint).normalize("NFD").codePointAt(0)!;
    const probe = `a\u0345${String.fromCodePoint(first)}`;
    verdict = first !== 0x345 && probe.normalize("NFD") === probe;
    starterCache.set(codePoint, verdict);
  }
  return verdict;
}

/** Whether the Rust library's (older) normalization tables leave this code point alone where the engine does not. */
function drifted(codePoint: number): boolean {
  return codePoint >= 0x7fd && inRanges(NORMALIZATION_DRIFT_RANGES, codePoint);
}

/** Chunks of at most about this many units are normalized whole when normalization leaves them unchanged. */
const CHUNK = 256;

/**
 * Unicode normalization with alignment, as the Rust tokenizers library does it: the text is cut into segments
 * that normalize independently (a new segment starts at a starter that does not compose with what precedes
 * it), each segment is normalized on its own; unchanged segments keep byte-exact alignment, and a changed
 * segment with as many code points as before is aligned code point by code point (reordered marks). Code
 * points the Rust library's older tables do not normalize ({@link NORMALIZATION_DRIFT_RANGES}) stay as they
 * are. Text that is already normalized comes back as is.
 */
export function normalizeAligned(source: AlignedText, form: UnicodeForm): AlignedText {
  const text = source.text;
  if (text.normalize(form) === text) return source;
  const builder = new AlignedBuilder(source, text.length * 3);
  let unit = 0;
  let byte = 0;
  while (unit < text.length) {
    // Take a chunk ending before an ASCII character (ASCII never composes with what precedes it).
    let end = Math.min(text.length, unit + CHUNK);
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    const chunk = text.slice(unit, end);
    const chunkBytes = utf8ByteLength(chunk);
    if (chunk.normalize(form) === chunk && !hasDrift(chunk)) builder.keep(unit, end, byte, chunkBytes);
    else normalizeSegments(chunk, unit, byte, form, builder);
    unit = end;
    byte += chunkBytes;
  }
  return builder.finish();
}

function normalizeSegments(
  chunk: string,
  unitBase: number,
  byteBase: number,
  form: UnicodeForm,
  builder: AlignedBuilder,
): void {
  let segStart = 0; // units into chunk
  let segByte = 0; // bytes into chunk
  let byte = 0;
  const flush = (endUnit: number, endByte: number): void => {
    if (endUnit <= segStart) return;
    const segment = chunk.slice(segStart, endUnit);
    const image = drifted(segment.codePointAt(0)!) ? segment : segment.normalize(form);
    if (image === segment)
      builder.keep(unitBase + segStart, unitBase + endUnit, byteBase + segByte, endByte - segByte);
    else alignChanged(segment, image, unitBase + segStart, byteBase + segByte, builder);
    segStart = endUnit;
    segByte = endByte;
  };
  for (let i = 0; i < chunk.length;) {
    const code = chunk.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    if (i > segStart && (drifted(code) || drifted(chunk.codePointAt(segStart)!))) flush(i, byte);
    else if (i > segStart && startsWithStarter(code)) {
      const segment = chunk.slice(segStart, i);
      const char = chunk.slice(i, i + units);
      if ((segment + char).normalize(form) === segment.normalize(form) + char.normalize(form)) flush(i, byte);
    }
    i += units;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  flush(chunk.length, byte);
}

function hasDrift(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (drifted(code)) return true;
  }
  return false;
}

/**
 * A changed segment: code point by code point when the counts agree (the Rust library's alignments do the
 * same for reordered marks), else the whole image in place of the whole segment.
 */
function alignChanged(
  segment: string,
  image: string,
  unit: number,
  byte: number,
  builder: AlignedBuilder,
): void {
  const before = [...segment];
  const after = [...image];
  if (before.length !== after.length) {
    builder.replace(image, byte, byte + utf8ByteLength(segment));
    return;
  }
  for (let k = 0; k < before.length; k++) {
    const original = before[k]!;
    const bytes = utf8ByteLength(original);
    if (after[k] === original) builder.keep(unit, unit + original.length, byte, bytes);
    else builder.replace(after[k]!, byte, byte + bytes);
    unit += original.length;
    byte += bytes;
  }
}
