let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

/** Segment chunks are about this long: V8's segment iterator slows down badly on long strings. */
const CHUNK = 2048;

/**
 * Where a chunk may end near `target`: after a line feed (a boundary for graphemes and words alike), else
 * before a space that follows a non-space (no cluster continues across it), else at `hardLimit`.
 */
function chunkEnd(text: string, start: number, size = CHUNK): number {
  const target = start + size;
  if (target >= text.length) return text.length;
  const newline = text.indexOf("\n", target);
  if (newline >= 0 && newline < target + size) return newline + 1;
  for (let i = target; i < Math.min(text.length, target + size); i++) {
    if (text.charCodeAt(i) === 0x20 && text.charCodeAt(i - 1) !== 0x20 && !joinsNext(text, i)) return i;
  }
  return Math.min(text.length, target + 4 * size);
}

/**
 * The text cut into `[start, end)` pieces of about `size` UTF-16 units, each ending after a line feed or
 * before a space: no grapheme cluster, word or normalization (NFC/NFKC composition) spans two pieces.
 */
export function* safeChunks(text: string, size = CHUNK): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    const end = chunkEnd(text, start, size);
    yield [start, end];
    start = end;
  }
}

/**
 * Whether the character before `at` holds on to `text[at]` (a Prepend character does, whatever follows), asked of
 * the segmenter for those two characters alone: a list of Prepend characters would miss those outside the BMP
 * (U+110BD …) and those a later Unicode adds. Called once per chunk.
 */
function joinsNext(text: string, at: number): boolean {
  const from = at >= 2 && (text.charCodeAt(at - 1) & 0xfc00) === 0xdc00 ? at - 2 : at - 1;
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const segments = graphemeSegmenter.segment(text.slice(from, at + 1))[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}

/** Segments of a long text, computed chunk by chunk; `index` is relative to the whole text. */
function* segmentInChunks(segmenter: Intl.Segmenter, text: string): Generator<Intl.SegmentData> {
  for (const [start, end] of safeChunks(text)) {
    const chunk = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const data of segmenter.segment(chunk)) {
      yield start === 0 ? data : { ...data, index: data.index + start, input: text };
    }
  }
}

/**
 * Extended grapheme clusters of the text (what a reader sees as one character), via `Intl.Segmenter`.
 * Long texts are segmented in chunks cut where no cluster can continue (V8's iterator is quadratic-ish
 * on long strings: 128 K characters took 38 s in one piece).
 */
export function graphemes(text: string): Iterable<Intl.SegmentData> {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return segmentInChunks(graphemeSegmenter, text);
}

/**
 * Word segments of the text via `Intl.Segmenter`, which segments CJK and Thai words by dictionary.
 * Every segment is returned (words, spaces, punctuation), so together they cover the text.
 */
export function wordSegments(text: string): Iterable<Intl.SegmentData> {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  return segmentInChunks(wordSegmenter, text);
}

/**
 * UTF-16 offsets (relative to the whole text) where grapheme clusters begin within `[start, end)` (taken as a
 * text of its own), plus `end`: {@link forEachGraphemeEnd}'s walk over the slice (the lanes call this on every
 * block they draw).
 */
export function graphemeBoundaries(text: string, start: number, end: number): Set<number> {
  if (end <= start) return new Set([end]);
  const boundaries = new Set<number>([start]);
  forEachGraphemeEnd(text.slice(start, end), (clusterEnd) => boundaries.add(start + clusterEnd));
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

/**
 * BMP ranges of characters that are neither Control (apart from ASCII's, see below), Extend, ZWJ, SpacingMark,
 * Prepend nor a Hangul jamo, nor any other character that a grapheme-break rule looks at on one side of a
 * pair (UAX #29): letters, digits, punctuation and symbols of the common scripts (Latin, Greek, Cyrillic,
 * Armenian, Hebrew and Arabic letters, Georgian, CJK, kana, Hangul syllables, full-width forms). Between two
 * such characters a cluster always ends (GB999). Checked code point by code point against Intl.Segmenter in
 * the tests. Unassigned gaps stay out: a later Unicode may make them marks.
 */
export const GRAPHEME_SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ac], // U+00AD SOFT HYPHEN is Control
  [0x00ae, 0x02ff],
  [0x0370, 0x0377],
  [0x037a, 0x037f],
  [0x0384, 0x038a],
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x0482], // U+0483.. are combining
  [0x048a, 0x052f],
  [0x0531, 0x0556],
  [0x0559, 0x058a],
  [0x05d0, 0x05ea],
  [0x0621, 0x064a], // U+064B.. are marks
  [0x0660, 0x066f],
  [0x0671, 0x06d3],
  [0x10a0, 0x10c5],
  [0x10d0, 0x10ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027], // U+2028.. are Control
  [0x2030, 0x205e],
  [0x3000, 0x3029], // U+302A..302F are Extend
  [0x3030, 0x303f],
  [0x3041, 0x3096], // U+3099, U+309A are Extend
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3], // LV and LVT syllables: two of them never join (GB6–GB8 need a jamo)
  [0xff01, 0xff9d], // U+FF9E, U+FF9F are Extend
];

/** 1 for a UTF-16 unit that is an ASCII character or one of {@link GRAPHEME_SIMPLE_RANGES}. */
let simpleUnits: Uint8Array | undefined;

function simpleUnitTable(): Uint8Array {
  if (simpleUnits) return simpleUnits;
  simpleUnits = new Uint8Array(0x10000);
  simpleUnits.fill(1, 0, 0x80);
  for (const [from, to] of GRAPHEME_SIMPLE_RANGES) simpleUnits.fill(1, from, to + 1);
  return simpleUnits;
}

/**
 * Calls `onEnd` with the end offset of every grapheme cluster of the text, in order: the clusters of
 * {@link graphemes}, several times faster. Between two "simple" characters (ASCII or {@link GRAPHEME_SIMPLE_RANGES})
 * there is always a cluster boundary — ASCII controls included, CR LF being the one pair that stays together —
 * so only the stretches around other characters (marks, jamo, emoji, controls, other scripts) go through
 * `Intl.Segmenter`, each starting where a cluster surely starts.
 */
export function forEachGraphemeEnd(text: string, onEnd: (end: number) => void): void {
  const simple = simpleUnitTable();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (simple[code] === 1 && (next < 0 || simple[next] === 1)) {
      i += code === 13 && next === 10 ? 2 : 1;
      onEnd(i);
      continue;
    }
    let end = i + 1;
    while (end < n && !(simple[text.charCodeAt(end - 1)] === 1 && simple[text.charCodeAt(end)] === 1)) end++;
    if (end < n && text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10) end++;
    for (const { index, segment } of graphemes(text.slice(i, end))) onEnd(i + index + segment.length);
    i = end;
  }
}

/** The number of grapheme clusters, as {@link graphemes} counts them (see {@link forEachGraphemeEnd}). */
export function countGraphemes(text: string): number {
  let count = 0;
  forEachGraphemeEnd(text, () => count++);
  return count;
}

/** The number of word segments, as {@link wordSegments} gives them, without building them. */
export function countWordSegments(text: string): number {
  let count = 0;
  const segments = wordSegments(text)[Symbol.iterator]();
  while (!segments.next().done) count++;
  return count;
}
