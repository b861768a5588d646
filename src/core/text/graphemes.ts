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
