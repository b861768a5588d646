import { concatBytes } from "../../text/concat-bytes";
import { utf8Decode, utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { losslessEncoding } from "../finish-encoding";
import { splitOnSpecials } from "../special-split";
import {
  type DecodedIds,
  type EncodeOptions,
  type Encoding,
  type Tokenizer,
  type TokenizerInfo,
} from "../types";
import { Uint32List } from "../../collections/uint32-list";
import { BytePairEncoder, type RankTable } from "./byte-pair-encoder";
import { forEachMatch, tiktokenSplitter, TIKTOKEN_PATTERNS, type TiktokenPatternName } from "./patterns";

/** What it takes to build a tiktoken-style byte-level BPE tokenizer. */
export interface TiktokenSpec {
  info: Omit<
    TokenizerInfo,
    "vocabSize" | "specialTokens" | "pretokenization" | "normalization" | "algorithm"
  >;
  /** rank → token bytes (a string when the bytes are valid UTF-8), as gpt-tokenizer and `.tiktoken` files give them. */
  ranks: RankTable;
  specialTokens: Record<string, number>;
  pattern: TiktokenPatternName;
}

/**
 * A tiktoken-compatible tokenizer: {@link tiktokenSplitter} pre-tokenization (tiktoken's Rust regexes,
 * made exact in JavaScript) and {@link BytePairEncoder} merges over gpt-tokenizer's rank tables. Byte-level
 * BPE is lossless, so spans are prefix sums of the tokens' byte lengths.
 */
export class TiktokenTokenizer implements Tokenizer {
  readonly info: TokenizerInfo;
  private readonly encoder: BytePairEncoder;
  private readonly splitRegexFor: (text: string) => RegExp;
  private readonly byteLengths: Uint32Array;
  private readonly ranks: RankTable;
  private readonly specialIds: Map<string, number>;
  private readonly specialById = new Map<number, string>();
  private readonly isSpecial: Uint8Array;
  private readonly spec: TiktokenSpec;

  constructor(spec: TiktokenSpec) {
    this.spec = spec;
    this.ranks = spec.ranks;
    this.specialIds = new Map(Object.entries(spec.specialTokens));
    let maxId = spec.ranks.length - 1;
    for (const [text, id] of this.specialIds) {
      this.specialById.set(id, text);
      maxId = Math.max(maxId, id);
    }
    this.encoder = new BytePairEncoder(spec.ranks);
    this.byteLengths = new Uint32Array(maxId + 1);
    for (let rank = 0; rank < spec.ranks.length; rank++)
      this.byteLengths[rank] = this.encoder.byteLength(rank);
    this.isSpecial = new Uint8Array(maxId + 1);
    for (const [text, id] of this.specialIds) {
      this.byteLengths[id] = utf8Encode(text).length;
      this.isSpecial[id] = 1;
    }
    this.splitRegexFor = tiktokenSplitter(spec.pattern);
    this.info = {
      ...spec.info,
      vocabSize: maxId + 1,
      algorithm: "byte-level BPE (tiktoken)",
      pretokenization: `regex (${spec.pattern}): ${TIKTOKEN_PATTERNS[spec.pattern]}`,
      normalization: "none",
      specialTokens: [...this.specialIds.keys()],
    };
  }

  libraryEncode(text: string, options?: EncodeOptions): number[] {
    return Array.from(this.ids(text, options).view());
  }

  /** The ids of `text`, in a typed list (about a token per 4 characters of English to start with). */
  private ids(text: string, options: EncodeOptions | undefined): Uint32List {
    const ids = new Uint32List((text.length >> 2) + 16);
    this.encodeInto(text, options, ids);
    return ids;
  }

  /** Appends the ids of `text` to `ids` (always a `Uint32List`: one shape at the hot call sites). */
  private encodeInto(text: string, options: EncodeOptions | undefined, ids: Uint32List): void {
    const specials = options?.parseSpecials ? [...this.specialIds.keys()] : [];
    const wellFormed = toWellFormed(text);
    const splitRegex = this.splitRegexFor(wellFormed);
    for (const piece of splitOnSpecials(wellFormed, specials)) {
      if (piece.special) ids.push(this.specialIds.get(piece.text)!);
      else
        forEachMatch(piece.text, splitRegex, (start, end) =>
          this.encoder.encodeRange(piece.text, start, end, ids),
        );
    }
  }

  countTokens(text: string, options?: EncodeOptions): number {
    return this.ids(text, options).length;
  }

  encode(text: string, options?: EncodeOptions): Encoding {
    const lengths = this.byteLengths;
    return losslessEncoding(
      this.info.id,
      text,
      this.ids(text, options).trimmed(),
      (id) => lengths[id]!,
      (id) => this.isSpecial[id] === 1,
    );
  }

  /** Forgets cached piece encodings, so that a benchmark can measure a cold cache. */
  clearCache(): void {
    this.encoder.clearCache();
  }

  /** The same vocabulary with more special tokens (a chat format's `<|im_start|>` …). */
  withSpecialTokens(extra: Record<string, number>): TiktokenTokenizer {
    return new TiktokenTokenizer({ ...this.spec, specialTokens: { ...this.spec.specialTokens, ...extra } });
  }

  /** The ids' bytes, concatenated and read as UTF-8 (as tiktoken's `decode`); ids with no rank are left out. */
  decode(ids: readonly number[]): DecodedIds {
    const unknownIds: number[] = [];
    const chunks: Uint8Array[] = [];
    for (const id of ids) {
      if (this.ranks[id] === undefined && !this.specialById.has(id)) unknownIds.push(id);
      else chunks.push(this.bytesOf(id));
    }
    return { text: utf8Decode(concatBytes(chunks)), unknownIds };
  }

  /** The bytes of one id. */
  bytesOf(id: number): Uint8Array {
    const special = this.specialById.get(id);
    if (special !== undefined) return utf8Encode(special);
    const value = this.ranks[id];
    if (value === undefined) return new Uint8Array(0);
    return typeof value === "string" ? utf8Encode(value) : Uint8Array.from(value);
  }

  tokenText(id: number): string {
    return utf8Decode(this.bytesOf(id));
  }
}
