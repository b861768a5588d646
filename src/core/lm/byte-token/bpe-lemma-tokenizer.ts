import { MergeEncoder, type ChunkEncoder } from "../../bpe/merge-encoder";
import { bytesKey, type BpeModel } from "../../bpe/model";
import { compilePattern } from "../../bpe/pretokenize";
import { utf8DecodeStrict } from "../../text/utf8";
import { BpeNextTokenMasks, chunkEndsOfString } from "./bpe-next-token-mask";
import { idsEqual, type LemmaTokenizer } from "./lemma-tokenizer";
import { utf8IncompleteTail } from "./utf8-prefix";

const CACHE_LIMIT = 100_000;
const WHITE_SPACE = /^\p{White_Space}+$/u;

/** Options of {@link bpeLemmaTokenizer}. */
export interface BpeLemmaOptions {
  /** Splits one chunk into ids (default: the model's merge list). */
  chunkEncoder?: ChunkEncoder;
  /** Use the pair-based validity masks (default true; only for the merge-list encoder without `ignoreMerges`). */
  fastMasks?: boolean;
  /**
   * Extra pre-tokenization chunks to step back when choosing the stable boundary (default 0). The default
   * rule suits GPT-style patterns; raise it for a pattern whose chunk borders move further when text is added.
   */
  extraChunks?: number;
}

/**
 * The lemma's view of a byte-level {@link BpeModel}: encodes raw bytes (not strings), so prefixes may end
 * inside a UTF-8 character. Pre-tokenization runs on the well-formed part; an incomplete final character
 * joins the last chunk, as its completed form would for letters and punctuation runs. Bytes that are not a
 * UTF-8 prefix are not admitted (and `encode` rejects them).
 *
 * Stable boundary: the start of the last chunk, stepping back over trailing chunks of white space (white
 * space may merge with a newline that follows, `\s+(?!\S)` splits when a word follows), plus `extraChunks`,
 * and further back until the bytes before it chunk alone as they do in the whole.
 */
export function bpeLemmaTokenizer(model: BpeModel, options: BpeLemmaOptions = {}): LemmaTokenizer {
  const regex = compilePattern(model.pattern);
  const chunks = options.chunkEncoder ?? new MergeEncoder(model);
  const extra = options.extraChunks ?? 0;
  let cache = new Map<string, number[]>();

  const encodeChunk = (bytes: Uint8Array, start: number, end: number, out: number[]): void => {
    const key = bytesKey(bytes, start, end);
    let ids = cache.get(key);
    if (!ids) {
      ids = [];
      chunks.encodeChunk(bytes.subarray(start, end), ids);
      if (cache.size >= CACHE_LIMIT) cache = new Map();
      cache.set(key, ids);
    }
    for (const id of ids) out.push(id);
  };

  const encode = (bytes: Uint8Array): Uint32Array => {
    const out: number[] = [];
    let start = 0;
    for (const end of chunkEnds(bytes, regex)) {
      encodeChunk(bytes, start, end, out);
      start = end;
    }
    return Uint32Array.from(out);
  };
  const admitsPrefix = (bytes: Uint8Array): boolean => utf8IncompleteTail(bytes) >= 0;
  const tokenizer: LemmaTokenizer = {
    vocabSize: model.tokens.length,
    tokenBytes: (id) => model.tokens[id] ?? EMPTY,
    encode,
    stableBoundary(bytes) {
      const ends = chunkEnds(bytes, regex);
      let index = ends.length - 1;
      while (index > 0 && isWhiteSpace(bytes, ends[index - 1]!, ends[index]!)) index--;
      // The bytes before the boundary must also chunk alone as they do here ("  2" cuts " ", " ", "2"; "  " alone is one chunk).
      for (index = Math.max(0, index - extra); index > 0; index--) {
        const alone = chunkEnds(bytes.subarray(0, ends[index - 1]), regex);
        if (alone.length === index && alone.every((end, i) => end === ends[i])) return ends[index - 1]!;
      }
      return 0;
    },
    admitsPrefix,
    admitsEnd: (bytes) => utf8IncompleteTail(bytes) === 0,
  };
  const fast = (options.fastMasks ?? true) && !options.chunkEncoder && !model.ignoreMerges;
  if (!fast) return tokenizer;
  const masks = new BpeNextTokenMasks({
    tokens: model.tokens,
    regex,
    encodeChunk(bytes) {
      const out: number[] = [];
      encodeChunk(bytes, 0, bytes.length, out);
      return out;
    },
    slowCheck(tailBytes, tailIds, id) {
      const token = model.tokens[id] ?? EMPTY;
      const bytes = new Uint8Array(tailBytes.length + token.length);
      bytes.set(tailBytes, 0);
      bytes.set(token, tailBytes.length);
      if (token.length === 0 || !admitsPrefix(bytes)) return false;
      const ids = encode(bytes);
      return (
        ids.length === tailIds.length + 1 &&
        ids[tailIds.length] === id &&
        idsEqual(ids.subarray(0, -1), tailIds)
      );
    },
  });
  return { ...tokenizer, nextTokenMask: (tailBytes, tailIds) => masks.mask(tailBytes, tailIds) };
}

const EMPTY = new Uint8Array(0);

/** Pre-tokenization chunks of a UTF-8 prefix as byte end offsets (an incomplete final character joins the last). */
function chunkEnds(bytes: Uint8Array, regex: RegExp): number[] {
  const tail = utf8IncompleteTail(bytes);
  if (tail < 0) throw new RangeError("The bytes are not a prefix of well-formed UTF-8.");
  const ends = chunkEndsOfString(utf8DecodeStrict(bytes.subarray(0, bytes.length - tail)) ?? "", regex);
  if (tail > 0) {
    if (ends.length === 0) ends.push(bytes.length);
    else ends[ends.length - 1] = bytes.length;
  }
  return ends;
}

/** Whether bytes[start, end) are all Unicode White_Space (what the patterns' `\s` means); false mid-character. */
function isWhiteSpace(bytes: Uint8Array, start: number, end: number): boolean {
  return WHITE_SPACE.test(utf8DecodeStrict(bytes.subarray(start, end)) ?? "");
}
