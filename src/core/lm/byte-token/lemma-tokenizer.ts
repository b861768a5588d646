/**
 * The tokenizer side of the Byte-Token Representation Lemma (ALGORITHMS §1): token bytes, a canonical
 * byte encoder, and the validity test `encode(decode(t)) == t`.
 */

/**
 * What the lemma needs from a tokenizer. Ids run 0 … vocabSize − 1; an id with no bytes is never produced.
 * A token sequence is *valid* (canonical) when `admitsPrefix(decode(t))` and `encode(decode(t)) == t`.
 */
export interface LemmaTokenizer {
  /** Number of ids (the token LM's rows hold this many entries plus end-of-sequence). */
  readonly vocabSize: number;
  /** The bytes of one token (empty for an id the vocabulary skips). */
  tokenBytes(id: number): Uint8Array;
  /** The canonical encoding of a byte string (which may end inside a UTF-8 character). */
  encode(bytes: Uint8Array): Uint32Array;
  /**
   * A byte offset b ≤ bytes.length such that for every continuation z, `encode(bytes ++ z)` has a token
   * boundary at b and equals `encode(bytes[0, b)) ++ encode((bytes ++ z)[b, …))`. 0 is always correct; a
   * larger b lets the lemma re-encode only the bytes after it. b must fall on a character boundary.
   */
  stableBoundary(bytes: Uint8Array): number;
  /**
   * Whether some text can continue from these bytes (for UTF-8 tokenizers: well-formed up to a possibly
   * incomplete final character). Called only on byte strings that start at a stable boundary.
   */
  admitsPrefix(bytes: Uint8Array): boolean;
  /**
   * Whether a text may end after these bytes (UTF-8 tokenizers: not inside a character), so that
   * end-of-sequence is a valid continuation. Called on bytes that start at a stable boundary; absent: always.
   */
  admitsEnd?(bytes: Uint8Array): boolean;
  /**
   * Optional fast path: 1 for every id such that `tailIds ++ [id]` is canonical, where `tailBytes` starts at
   * a stable boundary and `tailIds = encode(tailBytes)`. Must agree with re-encoding `tailBytes ++ bytes(id)`.
   */
  nextTokenMask?(tailBytes: Uint8Array, tailIds: Uint32Array): Uint8Array;
}

/** The parts of a tokenizer {@link functionLemmaTokenizer} builds on. */
export interface TokenizerFunctions {
  /** id → bytes. */
  tokens: readonly Uint8Array[];
  /** Canonical encoding of any byte string the source can produce, and of its prefixes. */
  encode(bytes: Uint8Array): ArrayLike<number>;
  /** See {@link LemmaTokenizer.stableBoundary}; default 0 (re-encode everything: always correct). */
  stableBoundary?(bytes: Uint8Array): number;
  /** See {@link LemmaTokenizer.admitsPrefix}; default: every byte string. */
  admitsPrefix?(bytes: Uint8Array): boolean;
  /** See {@link LemmaTokenizer.admitsEnd}; default: everywhere. */
  admitsEnd?(bytes: Uint8Array): boolean;
}

/** A {@link LemmaTokenizer} over any `encode(bytes) → ids` function and token table (MPE, WordPiece, tests). */
export function functionLemmaTokenizer(source: TokenizerFunctions): LemmaTokenizer {
  const tokens = source.tokens;
  return {
    vocabSize: tokens.length,
    tokenBytes: (id) => tokens[id] ?? EMPTY,
    encode: (bytes) => Uint32Array.from(source.encode(bytes)),
    stableBoundary: (bytes) => source.stableBoundary?.(bytes) ?? 0,
    admitsPrefix: (bytes) => source.admitsPrefix?.(bytes) ?? true,
    admitsEnd: (bytes) => source.admitsEnd?.(bytes) ?? true,
  };
}

const EMPTY = new Uint8Array(0);

/** The concatenated bytes of token ids. */
export function decodeTokens(tokenizer: LemmaTokenizer, ids: ArrayLike<number>): Uint8Array {
  let total = 0;
  for (let i = 0; i < ids.length; i++) total += tokenizer.tokenBytes(ids[i]!).length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (let i = 0; i < ids.length; i++) {
    const bytes = tokenizer.tokenBytes(ids[i]!);
    out.set(bytes, offset);
    offset += bytes.length;
  }
  return out;
}

/** Element-wise equality of two id sequences. */
export function idsEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The validity test of the official code: `ids` is canonical when it is what the tokenizer itself outputs
 * for its own bytes. (The lemma assumes canonical sequences are exactly those of positive probability.)
 */
export function isCanonical(tokenizer: LemmaTokenizer, ids: ArrayLike<number>): boolean {
  for (let i = 0; i < ids.length; i++) if (tokenizer.tokenBytes(ids[i]!).length === 0) return false;
  const bytes = decodeTokens(tokenizer, ids);
  return tokenizer.admitsPrefix(bytes) && idsEqual(tokenizer.encode(bytes), ids);
}

/**
 * The token index at which `ids` (decoding to bytes that start at offset `fromByte`, token `fromToken`)
 * reaches byte offset `target`, or −1 when no token boundary falls there.
 */
export function tokenIndexAt(
  tokenizer: LemmaTokenizer,
  ids: ArrayLike<number>,
  target: number,
  fromToken = 0,
  fromByte = 0,
): number {
  let position = fromByte;
  for (let k = fromToken; k <= ids.length; k++) {
    if (position === target) return k;
    if (position > target || k === ids.length) return -1;
    position += tokenizer.tokenBytes(ids[k]!).length;
  }
  return -1;
}
