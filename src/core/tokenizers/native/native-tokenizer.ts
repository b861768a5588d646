import { bytesEqual, utf8ByteLength, utf8Decode, utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { Uint32List } from "../../collections/uint32-list";
import { finishEncoding } from "../finish-encoding";
import { fromByteLevel } from "../../bpe/byte-chars";
import type { InferenceMethod } from "../../bpe/merge-free";
import { inputNotes } from "../input-notes";
import {
  TokenFlag,
  type DecodedIds,
  type EncodeOptions,
  type Encoding,
  type Tokenizer,
  type TokenizerInfo,
} from "../types";
import { AddedTokenMatcher, readAddedTokens, type AddedToken } from "./added-tokens";
import { inputSlice, originOf, sliceAligned, type AlignedText } from "./aligned-text";
import { BpeModel } from "./bpe-model";
import type { BpeTables } from "./bpe-tables";
import { buildDecoder, type Decoder } from "./decoders";
import { components, describe, type ComponentJson } from "./describe";
import { asNode, isRecord, TokenizerFileError } from "./json-fields";
import type { TokenizerModel, TokenSink } from "./model";
import { buildNormalizer, type Normalizer } from "./normalizers";
import { buildPreTokenizer, type PreTokenizer } from "./pre-tokenizers";
import { UnigramModel } from "./unigram-model";
import { WordLevelModel, WordPieceModel } from "./word-models";

/** What it takes to build a tokenizer from a `tokenizer.json`. */
export interface NativeTokenizerSpec {
  info: Pick<TokenizerInfo, "id" | "name" | "family" | "models" | "source">;
  json: unknown;
  /** For a BPE model: run it with another inference method (variant lanes); the merge list by default. */
  method?: InferenceMethod;
  /** A BPE model's vocabulary and merges already read (a compiled asset, `compiled-tokenizer.ts`). */
  bpeTables?: BpeTables;
}

const BYTE_FALLBACK = /^<0x([0-9A-F]{2})>$/;
const METASPACE = "\u2581";

function buildModel(
  value: unknown,
  method: InferenceMethod | undefined,
  bpeTables?: BpeTables,
): TokenizerModel {
  const node = asNode(value, "model");
  const type = node.value.type ?? (node.value.merges !== undefined ? "BPE" : undefined);
  if (bpeTables && type !== "BPE")
    throw new TokenizerFileError(`BPE tables were given for a ${String(type)} model.`);
  if (method && method.kind !== "merges" && type !== "BPE")
    throw new TokenizerFileError(
      `This is a ${String(type)} model, not BPE, so it has no merge list to vary.`,
    );
  switch (type) {
    case "BPE":
      return new BpeModel(node, method, bpeTables);
    case "WordPiece":
      return new WordPieceModel(node);
    case "WordLevel":
      return new WordLevelModel(node);
    case "Unigram":
      return new UnigramModel(node);
    default:
      throw new TokenizerFileError(
        `model.type must be BPE, Unigram, WordPiece or WordLevel (it is ${JSON.stringify(type)}).`,
      );
  }
}

/**
 * A tokenizer.json tokenizer run end to end by this project's own engine — added tokens, normalizer,
 * pre-tokenizer, model — with every token's input byte span carried through each step (see
 * `aligned-text.ts`) instead of recovered afterwards. Encodes without the post-processor's template, so
 * lanes compare the text's own tokens; special tokens are text unless `parseSpecials` is on.
 */
export class NativeTokenizer implements Tokenizer {
  readonly info: TokenizerInfo;
  readonly model: TokenizerModel;
  private readonly normalizer: Normalizer | null;
  private readonly preTokenizer: PreTokenizer | null;
  private readonly addedById = new Map<number, AddedToken>();
  private readonly plainMatchers: { raw: AddedTokenMatcher; normalized: AddedTokenMatcher };
  private readonly allMatchers: { raw: AddedTokenMatcher; normalized: AddedTokenMatcher };
  private readonly metaspace: boolean;
  /** Each id's own bytes once asked for (null: unknown), by id: an array lookup per token, not a map's. */
  private readonly bytesCache: (Uint8Array | null | undefined)[] = [];
  private readonly decoderJson: unknown;
  private decoder: Decoder | null | undefined;

  constructor(spec: NativeTokenizerSpec) {
    const json = spec.json;
    if (!isRecord(json))
      throw new TokenizerFileError("This is not a tokenizer.json: the file is not a JSON object.");
    if (!isRecord(json.model))
      throw new TokenizerFileError('This is not a tokenizer.json: it has no "model" object.');
    this.model = buildModel(json.model, spec.method, spec.bpeTables);
    this.decoderJson = json.decoder;
    this.normalizer = buildNormalizer(json.normalizer);
    this.preTokenizer = buildPreTokenizer(json.pre_tokenizer);
    const added = readAddedTokens(json.added_tokens);
    for (const token of added) this.addedById.set(token.id, token);
    this.plainMatchers = this.matchers(added.filter((token) => !token.special));
    this.allMatchers = this.matchers(added);
    const all: ComponentJson[] = [json.normalizer, json.pre_tokenizer, json.decoder].flatMap((node) =>
      isRecord(node) ? components(node as ComponentJson) : [],
    );
    this.metaspace =
      !this.preTokenizer?.byteLevel &&
      (all.some((c) => c.type === "Metaspace") || JSON.stringify(all).includes(METASPACE));
    let vocabSize = this.model.vocabSize;
    for (const id of this.addedById.keys()) vocabSize = Math.max(vocabSize, id + 1);
    const modelType = this.model.type;
    this.info = {
      ...spec.info,
      vocabSize,
      algorithm: `${modelType}${this.preTokenizer?.byteLevel ? " (byte-level)" : ""}${this.model.byteFallback ? " with byte fallback" : ""}`,
      pretokenization: describe(json.pre_tokenizer as ComponentJson | null),
      normalization: describe(json.normalizer as ComponentJson | null),
      specialTokens: added.filter((t) => t.special).map((t) => t.content),
    };
  }

  private matchers(tokens: readonly AddedToken[]): { raw: AddedTokenMatcher; normalized: AddedTokenMatcher } {
    const raw = tokens.filter((t) => !t.normalized).map((token) => ({ pattern: token.content, token }));
    const normalized = tokens
      .filter((t) => t.normalized)
      .map((token) => ({
        pattern: this.normalizer ? this.normalizer(inputSlice(token.content, 0)).text : token.content,
        token,
      }));
    return { raw: new AddedTokenMatcher(raw), normalized: new AddedTokenMatcher(normalized) };
  }

  clearCache(): void {
    this.model.clearCache();
  }

  encode(text: string, options?: EncodeOptions): Encoding {
    const wellFormed = toWellFormed(text);
    const { ids, ends } = this.run(wellFormed, options);
    return this.package(text, wellFormed, utf8Encode(wellFormed), ids.trimmed(), ends);
  }

  countTokens(text: string, options?: EncodeOptions): number {
    return this.run(toWellFormed(text), options).ids.length;
  }

  /**
   * The pipeline: ids, and the input byte offset where each token ends. The models write each token's byte
   * length into the sink; once a piece is done its lengths are turned into end offsets in place, so one
   * list serves both (a 5 MB text of digits is 5 million tokens).
   */
  private run(wellFormed: string, options?: EncodeOptions): { ids: Uint32List; ends: Uint32List } {
    const sink: TokenSink = { ids: new Uint32List(), lengths: new Uint32List() };
    const ends = sink.lengths;
    const matchers = options?.parseSpecials ? this.allMatchers : this.plainMatchers;
    const whole = inputSlice(wellFormed, 0);
    const emitAdded = (token: AddedToken, end: number): void => {
      sink.ids.push(token.id);
      ends.push(end);
    };
    let byte = 0;
    for (const split of matchers.raw.split(wellFormed)) {
      const { slice, bytes } = sliceAligned(whole, split.start, split.end, byte);
      byte += bytes;
      if (split.token) emitAdded(split.token, originOf(slice, bytes));
      else this.encodeNormalizedSplit(slice, matchers.normalized, sink, emitAdded);
    }
    return { ids: sink.ids, ends };
  }

  /** Normalizes one plain split, finds normalized added tokens in it, and runs the rest through the pipeline. */
  private encodeNormalizedSplit(
    split: AlignedText,
    matcher: AddedTokenMatcher,
    sink: TokenSink,
    emitAdded: (token: AddedToken, end: number) => void,
  ): void {
    const normalized = this.normalizer ? this.normalizer(split) : split;
    const parts = matcher.empty
      ? [{ start: 0, end: normalized.text.length, token: null }]
      : matcher.split(normalized.text);
    let byte = 0;
    for (const part of parts) {
      const { slice, bytes } = sliceAligned(normalized, part.start, part.end, byte);
      byte += bytes;
      if (part.token) emitAdded(part.token, originOf(slice, bytes));
      else if (slice.text.length > 0) this.encodePieces(slice, sink);
    }
  }

  /** Runs the pieces of a text through the model; each token's length in `sink.lengths` becomes its end offset. */
  private encodePieces(text: AlignedText, sink: TokenSink): void {
    const byteLevel = this.preTokenizer?.byteLevel ?? false;
    const forEachPiece = this.preTokenizer?.forEachPiece;
    if (forEachPiece && text.origin === null) {
      // Unchanged input and a pre-tokenizer that only cuts: no piece objects, pieces looked up by range.
      const chars = text.text;
      const model = this.model;
      let unit = 0;
      let byte = text.base;
      forEachPiece(chars, (start, end) => {
        if (start > unit) byte += utf8ByteLength(chars, unit, start);
        const before = sink.ids.length;
        if (model.tokenizeRange) model.tokenizeRange(chars, start, end, byteLevel, sink);
        else model.tokenize(chars.slice(start, end), byteLevel, sink);
        let offset = byte;
        const lengths = sink.lengths.items;
        for (let i = before; i < sink.ids.length; i++) lengths[i] = offset += lengths[i]!;
        byte += utf8ByteLength(chars, start, end);
        unit = end;
      });
      return;
    }
    const pieces = this.preTokenizer ? this.preTokenizer.split([text]) : [text];
    for (const piece of pieces) {
      const before = sink.ids.length;
      this.model.tokenize(piece.text, byteLevel, sink);
      let offset = 0;
      const lengths = sink.lengths.items;
      for (let i = before; i < sink.ids.length; i++) {
        offset += lengths[i]!;
        lengths[i] = originOf(piece, offset);
      }
    }
  }

  private package(
    text: string,
    wellFormed: string,
    inputBytes: Uint8Array,
    ids: Uint32Array,
    endList: Uint32List,
  ): Encoding {
    const count = ids.length;
    const starts = new Uint32Array(count);
    // The end offsets are made monotone in the list's own buffer (each is read before it is written).
    const ends = endList.trimmed();
    const flags = new Uint8Array(count);
    const ownBytes = (id: number): Uint8Array => this.bytesOf(id) ?? utf8Encode(this.rawToken(id));
    let total = 0;
    let previous = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      const end = i === count - 1 ? inputBytes.length : Math.max(previous, ends[i]!);
      starts[i] = previous;
      ends[i] = end;
      previous = end;
      const bytes = ownBytes(id);
      total += bytes.length;
      const added = this.addedById.get(id);
      let flag = added?.special ? TokenFlag.Special : 0;
      if (this.model.byteFallback && !added && BYTE_FALLBACK.test(this.model.idToToken(id) ?? ""))
        flag |= TokenFlag.ByteFallback;
      if (!bytesEqual(bytes, inputBytes.subarray(starts[i]!, end))) flag |= TokenFlag.Normalized;
      flags[i] = flag;
    }
    const tokenBytes = new Uint8Array(total);
    const tokenByteOffsets = new Uint32Array(count + 1);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      // A second pass instead of keeping every token's bytes: a 5 MB word is millions of tokens.
      const bytes = ownBytes(ids[i]!);
      tokenByteOffsets[i] = offset;
      tokenBytes.set(bytes, offset);
      offset += bytes.length;
    }
    tokenByteOffsets[count] = offset;
    const notes = inputNotes(text);
    if (count === 0 && inputBytes.length > 0) notes.push("The tokenizer produced no tokens for this text.");
    return finishEncoding({
      tokenizerId: this.info.id,
      text: wellFormed,
      inputBytes,
      ids,
      starts,
      ends,
      flags,
      tokenBytes,
      tokenByteOffsets,
      notes,
    });
  }

  private rawToken(id: number): string {
    return this.addedById.get(id)?.content ?? this.model.idToToken(id) ?? "";
  }

  /** The bytes a token stands for, or null when they are unknown (the unknown token). */
  bytesOf(id: number): Uint8Array | null {
    const cached = this.bytesCache[id];
    if (cached !== undefined) return cached;
    let bytes: Uint8Array | null;
    const added = this.addedById.get(id);
    const token = this.rawToken(id);
    const fallback = this.model.byteFallback && !added ? BYTE_FALLBACK.exec(token) : null;
    if (added)
      bytes = utf8Encode(
        this.metaspace && !added.special ? added.content.replaceAll(METASPACE, " ") : added.content,
      );
    else if (id === this.model.unkId) bytes = null;
    else if (fallback) bytes = Uint8Array.of(parseInt(fallback[1]!, 16));
    else if (this.preTokenizer?.byteLevel) bytes = fromByteLevel(token) ?? utf8Encode(token);
    else {
      let surface = token;
      const prefix = this.model.continuingSubwordPrefix;
      if (prefix && surface.startsWith(prefix) && surface !== prefix) surface = surface.slice(prefix.length);
      const suffix = this.model.endOfWordSuffix;
      if (suffix && surface.endsWith(suffix) && surface !== suffix)
        surface = surface.slice(0, -suffix.length);
      if (this.metaspace) surface = surface.replaceAll(METASPACE, " ");
      bytes = utf8Encode(surface);
    }
    this.bytesCache[id] = bytes;
    return bytes;
  }

  /**
   * Ids back to text as the Rust library's `decode` (special tokens kept): each id's token string, then the
   * file's decoder (built on first use: a file whose decoder this engine does not run still encodes).
   */
  decode(ids: readonly number[]): DecodedIds {
    const unknownIds: number[] = [];
    const tokens: string[] = [];
    for (const id of ids) {
      const token = this.addedById.get(id)?.content ?? this.model.idToToken(id);
      if (token === undefined) unknownIds.push(id);
      else tokens.push(token);
    }
    if (this.decoder === undefined) this.decoder = buildDecoder(this.decoderJson);
    return { text: this.decoder ? this.decoder(tokens).join("") : tokens.join(" "), unknownIds };
  }

  tokenText(id: number): string {
    const bytes = this.bytesOf(id);
    return bytes ? utf8Decode(bytes) : this.rawToken(id);
  }
}
