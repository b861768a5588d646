/**
 * The one contiguous edit that turns `before` into `after`: `before[start, oldEnd)` became `after[start, newEnd)`
 * (UTF-16 indices). The unchanged prefix and suffix are as long as possible without splitting a surrogate pair.
 */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Units compared at once while looking for the first difference: comparing two slices is a native comparison, a
 * megabyte-long common prefix then costs ~0.3 ms instead of ~3 ms of single-unit compares (per lane, per keystroke).
 */
const BLOCK = 512;

/** The length of the common prefix of `a` and `b`, at most `limit`. */
function commonPrefix(a: string, b: string, limit: number): number {
  let length = 0;
  while (length + BLOCK <= limit && a.slice(length, length + BLOCK) === b.slice(length, length + BLOCK))
    length += BLOCK;
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** The length of the common suffix of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  while (
    length + BLOCK <= limit &&
    a.slice(a.length - length - BLOCK, a.length - length) ===
      b.slice(b.length - length - BLOCK, b.length - length)
  )
    length += BLOCK;
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length))
    length++;
  return length;
}

/** The edit between two texts (common prefix, then common suffix of what is left); null when they are equal. */
export function textEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = commonPrefix(before, after, shorter);
  // Never end the prefix between the halves of a pair: the pair is one character.
  if (start > 0 && isHighSurrogate(after.charCodeAt(start - 1))) start--;
  let suffix = commonSuffix(before, after, shorter - start);
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
