/**
 * Replaces lone surrogates by U+FFFD, keeping every UTF-16 offset where it was (one unit for one unit).
 * UTF-8 cannot carry a lone surrogate; this is what encoding would do anyway, made explicit.
 */
export function toWellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, "\uFFFD");
}
