import { wholeTokenizerJson } from "../../src/core/tokenizers/native/compiled-tokenizer";
import { tokenExplainer, type TokenExplanation } from "../../src/core/bpe/explain-token";
import { describeInferenceMethod } from "../../src/core/bpe/merge-free";
import type { BpeModel } from "../../src/core/bpe/model";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { TrainedBpeTokenizer } from "../../src/core/bpe/trained-bpe-tokenizer";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import { builtinBpeModel, type MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { catalogEntry } from "../../src/core/tokenizers/catalog";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import type { Tokenizer } from "../../src/core/tokenizers/types";
import { AsyncMemo } from "../../src/core/collections/async-memo";

/**
 * The tokenizer worker's BPE extras: lanes that run a vocabulary with another inference method
 * (`<base>.<method>`, merge-list-free or with a damaged merge list) and merge-tree explanations of tokens.
 * Byte-level BPE lanes (tokenizer.json merge lists, built-in or dropped, and tiktoken encodings with merges
 * derived from their ranks) run on the BPE trainer's encoder, which also explains tokens; every other
 * tokenizer.json BPE (SentencePiece-style: normalizers, characters as symbols, byte fallback) runs on the
 * tokenizer.json engine with the method.
 */
export function createBpeLanes(sources: MergeListSources) {
  const models = new AsyncMemo<string, BpeModel>();
  const files = new Map<string, Uint8Array>();
  const explainers = new AsyncMemo<string, ReturnType<typeof tokenExplainer>>();

  /** A lane's merge list: a dropped tokenizer.json, a built-in tokenizer.json, or derived from tiktoken ranks. */
  function bpeModel(id: string): Promise<BpeModel> {
    return models.get(id, async () => {
      const file = files.get(id);
      return file
        ? fromTokenizerJson(JSON.parse(new TextDecoder().decode(file)) as unknown)
        : builtinBpeModel(id, sources);
    });
  }

  /** The parsed tokenizer.json of a dropped file or a built-in tokenizer.json lane; null for anything else. */
  async function tokenizerJsonOf(id: string): Promise<unknown> {
    const file = files.get(id);
    if (file) return JSON.parse(new TextDecoder().decode(file)) as unknown;
    const entry = catalogEntry(id);
    if (entry?.family !== "huggingface") return null;
    return wholeTokenizerJson(await sources.assets.tokenizerJson(entry.source));
  }

  return {
    /** Keeps a dropped tokenizer.json so its merge list can serve variants and explanations. */
    rememberJson(id: string, bytes: Uint8Array): void {
      files.set(id, bytes);
    },

    /** The tokenizer of a variant lane id; rejects with a reason when the base has no readable merge list. */
    async variantTokenizer(id: string): Promise<Tokenizer> {
      const variant = parseVariantId(id);
      if (!variant) throw new Error(`“${id}” is not a BPE variant id.`);
      const base = catalogEntry(variant.base);
      const name = `${base?.name ?? variant.base} · ${describeInferenceMethod(variant.method)}`;
      const byteLevel = await bpeModel(variant.base).catch((error: Error) => error);
      if (byteLevel instanceof Error) {
        const json = await tokenizerJsonOf(variant.base);
        if (json === null)
          throw new Error(
            `No BPE merge list for “${variant.base}” (${byteLevel.message}), so it cannot run with ${describeInferenceMethod(variant.method)}.`,
          );
        return new NativeTokenizer({
          info: { id, name, family: "custom", models: [], source: base?.source ?? variant.base },
          json,
          method: variant.method,
        });
      }
      const model = byteLevel;
      return new TrainedBpeTokenizer({
        info: { id, name, source: base?.source },
        model,
        method: variant.method,
        algorithm: "byte-level BPE",
      });
    },

    /** A token's merge tree and its chunk cut by the merge list and by least tokens; null without a merge list. */
    async explainToken(
      laneId: string,
      tokenId: number,
      text: string,
      byteStart: number,
    ): Promise<TokenExplanation | null> {
      const base = parseVariantId(laneId)?.base ?? laneId;
      // A lane without a readable merge list has nothing to explain (tried again next time: a failure is not kept).
      const explain = await explainers
        .get(base, async () => tokenExplainer(await bpeModel(base)))
        .catch(() => null);
      return explain ? explain(text, byteStart, tokenId) : null;
    },
  };
}
