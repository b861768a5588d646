let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

/** Extended grapheme clusters of the text (what a reader sees as one character), via `Intl.Segmenter`. */
export function graphemes(text: string): Iterable<Intl.SegmentData> {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return graphemeSegmenter.segment(text);
}

/**
 * Word segments of the text via `Intl.Segmenter`, which segments CJK and Thai words by dictionary.
 * Every segment is returned (words, spaces, punctuation), so together they cover the text.
 */
export function wordSegments(text: string): Iterable<Intl.SegmentData> {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  return wordSegmenter.segment(text);
}

/** UTF-16 offsets (relative to the whole text) where grapheme clusters begin within `[start, end)`, plus `end`. */
export function graphemeBoundaries(text: string, start: number, end: number): Set<number> {
  const boundaries = new Set<number>([end]);
  for (const { index } of graphemes(text.slice(start, end))) boundaries.add(start + index);
  return boundaries;
}

/**
 * Whether a UTF-16 offset lies between two grapheme clusters, judged from a window of `radius` units on
 * each side (longer clusters — rare emoji sequences — may be misjudged at the window's edge).
 */
export function isGraphemeBoundary(text: string, offset: number, radius = 32): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const from = Math.max(0, offset - radius);
  for (const { index } of graphemes(text.slice(from, Math.min(text.length, offset + radius)))) {
    if (from + index === offset) return true;
    if (from + index > offset) return false;
  }
  return false;
}
