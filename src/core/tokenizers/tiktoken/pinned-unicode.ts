import { UNICODE_RANGES } from "./unicode-classes";

function escape(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** Flat inclusive ranges → the inside of a RegExp character class (u flag). */
export function classBodyOf(ranges: readonly number[]): string {
  let out = "";
  for (let i = 0; i < ranges.length; i += 2) {
    const start = ranges[i]!;
    const end = ranges[i + 1]!;
    out += start === end ? escape(start) : `${escape(start)}-${escape(end)}`;
  }
  return out;
}

/**
 * The ASCII part of a pinned General_Category class, as the inside of a character class for a RegExp without the
 * u flag (`\xHH` escapes); empty when the category has no ASCII member; undefined when none is pinned.
 */
export function asciiClassBody(category: string): string | undefined {
  const ranges = UNICODE_RANGES[category];
  if (ranges === undefined) return undefined;
  const hex = (codePoint: number) => `\\x${codePoint.toString(16).padStart(2, "0")}`;
  let out = "";
  for (let i = 0; i < ranges.length && ranges[i]! <= 0x7f; i += 2) {
    const start = ranges[i]!;
    const end = Math.min(0x7f, ranges[i + 1]!);
    out += start === end ? hex(start) : `${hex(start)}-${hex(end)}`;
  }
  return out;
}

/** The inside of a character class for a pinned General_Category value, or undefined when none is pinned. */
export function pinnedClassBody(category: string): string | undefined {
  const ranges = UNICODE_RANGES[category];
  return ranges === undefined ? undefined : classBodyOf(ranges);
}

/** Whether a code point lies in flat inclusive ranges (binary search). */
export function inRanges(ranges: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[2 * mid]!) high = mid - 1;
    else if (codePoint > ranges[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

const UNKNOWN = 0;
const AGREES = 1;
const DIFFERS = 2;
/** Per code point: whether this engine's `\p{…}` agrees with the pinned classes, filled in as code points are seen. */
let verdicts: Uint8Array | undefined;
let engineClasses: { ranges: readonly number[]; engine: RegExp }[] | undefined;

function verdictFor(codePoint: number): number {
  engineClasses ??= Object.entries(UNICODE_RANGES).map(([category, ranges]) => ({
    ranges,
    engine: new RegExp(`^\\p{${category}}$`, "u"),
  }));
  const char = String.fromCodePoint(codePoint);
  for (const { ranges, engine } of engineClasses) {
    if (engine.test(char) !== inRanges(ranges, codePoint)) return DIFFERS;
  }
  return AGREES;
}

/**
 * Whether this JavaScript engine's own `\p{…}` classes agree with the pinned ones on every code point of
 * the text, so that a pattern splits it identically either way. Each distinct code point is checked once
 * per process; afterwards the test is one table lookup per code point.
 */
export function engineAgreesOn(text: string): boolean {
  verdicts ??= new Uint8Array(0x110000);
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    let verdict = verdicts[codePoint]!;
    if (verdict === UNKNOWN) verdicts[codePoint] = verdict = verdictFor(codePoint);
    if (verdict === DIFFERS) return false;
  }
  return true;
}
