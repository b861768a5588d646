import { utf8Decode, utf8Encode } from "../text/utf8";
import { toWellFormed } from "../text/well-formed";
import { losslessEncoding } from "../tokenizers/finish-encoding";
import { splitOnSpecials } from "../tokenizers/special-split";
import type { EncodeOptions, Encoding, Tokenizer, TokenizerInfo } from "../tokenizers/types";
import { chunkEncoderFor, describeInferenceMethod, type InferenceMethod } from "./merge-free";
import type { BpeModel } from "./model";
import { NO_PRETOKENIZATION } from "./pretokenize";
import { BpeTextEncoder } from "./text-encoder";

/** What it takes to turn a {@link BpeModel} into a lane. */
export interface TrainedBpeSpec {
  info: Pick<TokenizerInfo, "id" | "name"> & Partial<Pick<TokenizerInfo, "models" | "source">>;
  model: BpeModel;
  /** How chunks are segmented (default: the merge list). */
  method?: InferenceMethod;
  /** What to call the algorithm in the lane card (default "byte-level BPE (trained)"). */
  algorithm?: string;
}

/**
 * A {@link BpeModel} as a {@link Tokenizer} lane: pre-tokenization with the model's regex, then the merge
 * list or a merge-list-free {@link InferenceMethod}. Byte-level, hence lossless: spans are prefix sums of
 * the tokens' byte lengths and every token's bytes are the input's.
 */
export class TrainedBpeTokenizer implements Tokenizer {
  readonly info: TokenizerInfo;
  /** The model behind the lane (merge ranks and token bytes for the explain view). */
  readonly model: BpeModel;
  private readonly encoder: BpeTextEncoder;
  private readonly specialIds: Map<string, number>;
  private readonly specialBytes = new Map<number, Uint8Array>();

  constructor(spec: TrainedBpeSpec) {
    this.model = spec.model;
    const method = spec.method ?? { kind: "merges" };
    this.encoder = new BpeTextEncoder(spec.model, chunkEncoderFor(spec.model, method));
    this.specialIds = new Map((spec.model.specialTokens ?? []).map((s) => [s.content, s.id]));
    for (const [content, id] of this.specialIds) this.specialBytes.set(id, utf8Encode(content));
    let vocabSize = spec.model.tokens.length;
    for (const id of this.specialIds.values()) vocabSize = Math.max(vocabSize, id + 1);
    this.info = {
      models: [],
      source: "trained in Tokenprism",
      ...spec.info,
      family: "custom",
      vocabSize,
      algorithm: `${spec.algorithm ?? "byte-level BPE (trained)"}, ${describeInferenceMethod(method)}`,
      pretokenization:
        spec.model.pattern === NO_PRETOKENIZATION
          ? "none (the whole input is one chunk)"
          : `regex: ${spec.model.pattern}`,
      normalization: "none",
      specialTokens: [...this.specialIds.keys()],
    };
  }

  /** Ids only (what {@link encode} computes before spans). */
  encodeIds(text: string, options?: EncodeOptions): number[] {
    const specials = options?.parseSpecials ? [...this.specialIds.keys()] : [];
    if (specials.length === 0) return this.encoder.encode(text);
    const ids: number[] = [];
    for (const piece of splitOnSpecials(toWellFormed(text), specials)) {
      if (piece.special) ids.push(this.specialIds.get(piece.text)!);
      else for (const id of this.encoder.encode(piece.text)) ids.push(id);
    }
    return ids;
  }

  encode(text: string, options?: EncodeOptions): Encoding {
    return losslessEncoding(
      this.info.id,
      text,
      Uint32Array.from(this.encodeIds(text, options)),
      (id) => this.bytesOf(id).length,
      (id) => this.specialBytes.has(id),
    );
  }

  clearCache(): void {
    this.encoder.clearCache();
  }

  /** The bytes of one id (a special token's content as UTF-8; empty for an unknown id). */
  bytesOf(id: number): Uint8Array {
    return this.specialBytes.get(id) ?? this.model.tokens[id] ?? new Uint8Array(0);
  }

  tokenText(id: number): string {
    return utf8Decode(this.bytesOf(id));
  }
}
