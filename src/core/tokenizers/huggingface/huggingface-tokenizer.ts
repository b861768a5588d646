import { SequenceNormalizer, Tokenizer as HfTokenizer } from "@huggingface/tokenizers";
import { utf8Decode, utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { finishEncoding } from "../finish-encoding";
import { inputNotes } from "../input-notes";
import { TokenFlag, type EncodeOptions, type Encoding, type Tokenizer, type TokenizerInfo } from "../types";
import { alignOnStream, toInputOffsets } from "./align";
import { byteLevelDecode } from "./byte-level";
import { identityView, normalizedView, type NormalizedView } from "./normalized-view";
import {
  assertTokenizerJson,
  components,
  describe,
  type ComponentJson,
  type TokenizerJson,
} from "./tokenizer-json";

/** What it takes to build a tokenizer from a `tokenizer.json`. */
export interface HuggingFaceSpec {
  info: Pick<TokenizerInfo, "id" | "name" | "family" | "models" | "source">;
  json: unknown;
  config?: Record<string, unknown>;
}

const BYTE_FALLBACK = /^<0x([0-9A-Fa-f]{2})>$/;
const METASPACE = "\u2581";

/** Normalizer steps that act on the whole text, not per character; alignment tolerates their effect. */
const WHOLE_TEXT_STEPS = new Set(["Prepend", "Strip"]);

function perCharacterNormalizer(node: ComponentJson | null): ((text: string) => string) | null {
  if (!node) return null;
  const steps = (node.type === "Sequence" ? (node.normalizers as ComponentJson[]) : [node]).filter(
    (step) => !WHOLE_TEXT_STEPS.has(step.type),
  );
  if (steps.length === 0) return null;
  const normalizer = new SequenceNormalizer({ type: "Sequence", normalizers: steps } as never);
  return (text) => normalizer.normalize(text);
}

/**
 * A tokenizer.json tokenizer (BPE, Unigram, WordPiece), run by `@huggingface/tokenizers`, with byte spans
 * recovered by placing each token's bytes on the normalized text and mapping back (see `align.ts`).
 * Encodes without the BOS/EOS template, so lanes compare the text's own tokens.
 */
export class HuggingFaceTokenizer implements Tokenizer {
  readonly info: TokenizerInfo;
  private readonly json: TokenizerJson;
  private readonly config: Record<string, unknown>;
  private readonly plain: HfTokenizer;
  private parsing: HfTokenizer | undefined;
  private readonly byteLevel: boolean;
  private readonly metaspace: boolean;
  private readonly byteFallback: boolean;
  private readonly wordPiecePrefix: string | null;
  private readonly unkToken: string | null;
  private readonly normalize: ((text: string) => string) | null;
  private readonly added = new Map<number, { content: string; special: boolean }>();
  private readonly bytesCache = new Map<number, Uint8Array | null>();

  constructor(spec: HuggingFaceSpec) {
    assertTokenizerJson(spec.json);
    this.json = spec.json;
    this.config = spec.config ?? {};
    for (const token of this.json.added_tokens)
      this.added.set(token.id, { content: token.content, special: token.special });
    const plainJson = {
      ...this.json,
      added_tokens: this.json.added_tokens.filter((token) => !token.special),
    };
    this.plain = new HfTokenizer(plainJson, this.config);
    const all = [
      ...components(this.json.normalizer),
      ...components(this.json.pre_tokenizer),
      ...components(this.json.decoder),
    ];
    this.byteLevel = all.some((c) => c.type === "ByteLevel");
    this.metaspace =
      !this.byteLevel && (all.some((c) => c.type === "Metaspace") || JSON.stringify(all).includes(METASPACE));
    this.byteFallback = this.json.model.byte_fallback === true;
    const modelType = this.json.model.type ?? "BPE";
    this.wordPiecePrefix =
      modelType === "WordPiece" ? (this.json.model.continuing_subword_prefix ?? "##") : null;
    this.unkToken = this.json.model.unk_token ?? unigramUnkToken(this.json.model);
    const normalizeChars = perCharacterNormalizer(this.json.normalizer);
    const surface = this.metaspace ? (text: string) => text.replaceAll(METASPACE, " ") : null;
    this.normalize =
      normalizeChars && surface ? (text) => surface(normalizeChars(text)) : (normalizeChars ?? surface);
    let vocabSize = this.plain.get_vocab(true).size;
    for (const id of this.added.keys()) vocabSize = Math.max(vocabSize, id + 1);
    this.info = {
      ...spec.info,
      vocabSize,
      algorithm: `${modelType}${this.byteLevel ? " (byte-level)" : ""}${this.byteFallback ? " with byte fallback" : ""}`,
      pretokenization: describe(this.json.pre_tokenizer),
      normalization: describe(this.json.normalizer),
      specialTokens: this.json.added_tokens.filter((t) => t.special).map((t) => t.content),
    };
  }

  private engine(options?: EncodeOptions): HfTokenizer {
    if (!options?.parseSpecials) return this.plain;
    this.parsing ??= new HfTokenizer({ ...this.json }, this.config);
    return this.parsing;
  }

  libraryEncode(text: string, options?: EncodeOptions): number[] {
    return this.engine(options).encode(toWellFormed(text), { add_special_tokens: false }).ids;
  }

  clearCache(): void {
    for (const engine of [this.plain, this.parsing])
      (engine?.model as { clear_cache?: () => void } | null)?.clear_cache?.();
  }

  /** The bytes a token stands for, or null when they are unknown (`<unk>`). */
  private bytesOf(id: number, token: string): Uint8Array | null {
    const cached = this.bytesCache.get(id);
    if (cached !== undefined) return cached;
    let bytes: Uint8Array | null;
    const added = this.added.get(id);
    const fallback = this.byteFallback ? BYTE_FALLBACK.exec(token) : null;
    if (token === this.unkToken) bytes = null;
    else if (added?.special) bytes = utf8Encode(added.content);
    else if (added)
      bytes = utf8Encode(this.metaspace ? added.content.replaceAll(METASPACE, " ") : added.content);
    else if (fallback) bytes = Uint8Array.of(parseInt(fallback[1]!, 16));
    else if (this.byteLevel) bytes = byteLevelDecode(token) ?? utf8Encode(token);
    else {
      let surface = token;
      if (
        this.wordPiecePrefix &&
        surface.startsWith(this.wordPiecePrefix) &&
        surface !== this.wordPiecePrefix
      ) {
        surface = surface.slice(this.wordPiecePrefix.length);
      }
      if (this.metaspace) surface = surface.replaceAll(METASPACE, " ");
      bytes = utf8Encode(surface);
    }
    this.bytesCache.set(id, bytes);
    return bytes;
  }

  private view(text: string, inputBytes: Uint8Array): NormalizedView {
    if (!this.normalize || this.normalize(text) === text) return identityView(inputBytes);
    return normalizedView(text, this.normalize);
  }

  encode(text: string, options?: EncodeOptions): Encoding {
    const wellFormed = toWellFormed(text);
    const inputBytes = utf8Encode(wellFormed);
    const result = this.engine(options).encode(wellFormed, { add_special_tokens: false });
    const count = result.ids.length;
    const ids = Uint32Array.from(result.ids);
    const flags = new Uint8Array(count);
    const chunks: (Uint8Array | null)[] = new Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      const token = result.tokens[i] ?? "";
      const bytes = this.bytesOf(id, token);
      chunks[i] = bytes;
      total += bytes ? bytes.length : utf8Encode(token).length;
      if (this.added.get(id)?.special) flags[i] = TokenFlag.Special;
      if (this.byteFallback && BYTE_FALLBACK.test(token)) flags[i]! |= TokenFlag.ByteFallback;
    }
    const view = this.view(wellFormed, inputBytes);
    const ends = toInputOffsets(view, alignOnStream(view.bytes, chunks));
    const starts = new Uint32Array(count);
    const tokenBytes = new Uint8Array(total);
    const tokenByteOffsets = new Uint32Array(count + 1);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      const start = i === 0 ? 0 : ends[i - 1]!;
      starts[i] = start;
      const own = chunks[i] ?? utf8Encode(result.tokens[i] ?? "");
      tokenByteOffsets[i] = offset;
      tokenBytes.set(own, offset);
      offset += own.length;
      if (!sameBytes(own, inputBytes, start, ends[i]!)) flags[i]! |= TokenFlag.Normalized;
    }
    tokenByteOffsets[count] = offset;
    const notes = inputNotes(text);
    if (count === 0 && inputBytes.length > 0) notes.push("The tokenizer produced no tokens for this text.");
    return finishEncoding({
      tokenizerId: this.info.id,
      text,
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

  tokenText(id: number): string {
    const token = this.plain.id_to_token(id) ?? this.added.get(id)?.content ?? "";
    const bytes = this.bytesOf(id, token);
    return bytes ? utf8Decode(bytes) : token;
  }
}

/** A Unigram model names its unknown token by index (`unk_id`) into its `[piece, score]` vocabulary. */
function unigramUnkToken(model: TokenizerJson["model"]): string | null {
  const unkId = (model as { unk_id?: unknown }).unk_id;
  if (typeof unkId !== "number" || !Array.isArray(model.vocab)) return null;
  const entry = (model.vocab as unknown[])[unkId];
  return Array.isArray(entry) && typeof entry[0] === "string" ? entry[0] : null;
}

function sameBytes(own: Uint8Array, input: Uint8Array, start: number, end: number): boolean {
  if (own.length !== end - start) return false;
  for (let k = 0; k < own.length; k++) if (own[k] !== input[start + k]) return false;
  return true;
}
