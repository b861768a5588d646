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

/** The edit between two texts (common prefix, then common suffix of what is left); null when they are equal. */
export function textEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never end the prefix between the halves of a pair: the pair is one character.
  if (start > 0 && isHighSurrogate(after.charCodeAt(start - 1))) start--;
  let suffix = 0;
  const room = shorter - start;
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
