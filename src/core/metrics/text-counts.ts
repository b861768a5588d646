import { graphemes, wordSegments } from "../text/graphemes";
import { utf8Encode } from "../text/utf8";
import { toWellFormed } from "../text/well-formed";
import type { TextCounts } from "./lane-stats";

/** Bytes, code points, grapheme clusters, words (`Intl.Segmenter`, word-like segments) and lines of a text. */
export function textCounts(text: string): TextCounts {
  const wellFormed = toWellFormed(text);
  let codePoints = 0;
  for (let i = 0; i < wellFormed.length; i++) {
    const unit = wellFormed.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) codePoints++;
  }
  let characters = 0;
  for (const segment of graphemes(wellFormed)) if (segment.segment.length > 0) characters++;
  let words = 0;
  for (const segment of wordSegments(wellFormed)) if (segment.isWordLike) words++;
  let lines = text.length === 0 ? 0 : 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return { bytes: utf8Encode(wellFormed).length, codePoints, characters, words, lines };
}
