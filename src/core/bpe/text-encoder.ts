import { utf8Encode } from "../text/utf8";
import { toWellFormed } from "../text/well-formed";
import { MergeEncoder, type ChunkEncoder } from "./merge-encoder";
import { decodeIds, type BpeModel } from "./model";
import { compilePattern, splitIsolated } from "./pretokenize";

const CACHE_LIMIT = 50_000;
/** Longer chunks (a whole text without pre-tokenization) are not memoized. */
const CACHED_CHUNK_LIMIT = 1024;

/** Ids with the byte range of the input each one covers. */
export interface SpannedIds {
  ids: Uint32Array;
  /** `[starts[i], ends[i])` are UTF-8 byte offsets into the (well-formed) input; contiguous and covering. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/**
 * Encodes text with a {@link BpeModel}: pre-tokenize with the model's regex ("Isolated": matches and gaps
 * are chunks), then hand each chunk's UTF-8 bytes to a {@link ChunkEncoder} — the merge list by default,
 * or a merge-list-free segmenter. Chunk results are memoized by chunk text.
 */
export class BpeTextEncoder {
  private readonly regex: RegExp;
  private readonly lengths: Uint32Array;
  private cache = new Map<string, number[]>();

  constructor(
    private readonly model: BpeModel,
    private readonly chunks: ChunkEncoder = new MergeEncoder(model),
  ) {
    this.regex = compilePattern(model.pattern);
    this.lengths = Uint32Array.from(model.tokens, (bytes) => bytes.length);
  }

  /** Forgets memoized chunk encodings (benchmarks measure a cold cache this way). */
  clearCache(): void {
    this.cache = new Map();
  }

  /** The ids of `text` (lone surrogates are encoded as U+FFFD). */
  encode(text: string): number[] {
    const out: number[] = [];
    for (const chunk of splitIsolated(toWellFormed(text), this.regex)) {
      let ids = this.cache.get(chunk);
      if (!ids) {
        ids = [];
        this.chunks.encodeChunk(utf8Encode(chunk), ids);
        if (chunk.length <= CACHED_CHUNK_LIMIT) {
          if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
          this.cache.set(chunk, ids);
        }
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }

  /** The ids of `text` with their byte spans (prefix sums of the tokens' byte lengths: byte-level BPE is lossless). */
  encodeWithSpans(text: string): SpannedIds {
    const ids = Uint32Array.from(this.encode(text));
    const starts = new Uint32Array(ids.length);
    const ends = new Uint32Array(ids.length);
    let position = 0;
    for (let i = 0; i < ids.length; i++) {
      starts[i] = position;
      position += this.lengths[ids[i]!]!;
      ends[i] = position;
    }
    return { ids, starts, ends };
  }

  /** The bytes of a sequence of ids. */
  decode(ids: ArrayLike<number>): Uint8Array {
    return decodeIds(this.model, ids);
  }
}
