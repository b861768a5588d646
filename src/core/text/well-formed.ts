interface WellFormedString {
  isWellFormed?(): boolean;
  toWellFormed?(): string;
}

/** True when the string has no lone surrogates (native `isWellFormed` where the runtime has it). */
export function isWellFormed(text: string): boolean {
  const native = (text as unknown as WellFormedString).isWellFormed;
  return native ? native.call(text) : !/\p{Cs}/u.test(text);
}

/**
 * Replaces lone surrogates by U+FFFD, keeping every UTF-16 offset where it was (one unit for one unit).
 * UTF-8 cannot carry a lone surrogate; this is what encoding would do anyway, made explicit.
 */
export function toWellFormed(text: string): string {
  if (isWellFormed(text)) return text;
  const native = (text as unknown as WellFormedString).toWellFormed;
  return native ? native.call(text) : text.replace(/\p{Cs}/gu, "\uFFFD");
}
