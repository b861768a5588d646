import { tokenExplainer, type TokenExplanation } from "../../src/core/bpe/explain-token";
import { describeInferenceMethod } from "../../src/core/bpe/merge-free";
import type { BpeModel } from "../../src/core/bpe/model";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { TrainedBpeTokenizer } from "../../src/core/bpe/trained-bpe-tokenizer";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import { builtinBpeModel, type MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import { catalogEntry } from "../../src/core/tokenizers/catalog";
import type { Tokenizer } from "../../src/core/tokenizers/types";

/**
 * The tokenizer worker's BPE extras: lanes that run a vocabulary with another inference method
 * (`<base>.<method>`, merge-list-free or with a damaged merge list) and merge-tree explanations of tokens.
 * Works for every byte-level BPE lane: tokenizer.json merge lists (built-in or dropped) and tiktoken
 * encodings (merges derived from their ranks).
 */
export function createBpeLanes(sources: MergeListSources) {
  const models = new Map<string, Promise<BpeModel>>();
  const files = new Map<string, Uint8Array>();
  const explainers = new Map<string, Promise<ReturnType<typeof tokenExplainer> | null>>();

  /** A lane's merge list: a dropped tokenizer.json, a built-in tokenizer.json, or derived from tiktoken ranks. */
  function bpeModel(id: string): Promise<BpeModel> {
    let model = models.get(id);
    if (!model) {
      const file = files.get(id);
      model = file
        ? Promise.resolve().then(() =>
            fromTokenizerJson(JSON.parse(new TextDecoder().decode(file)) as unknown),
          )
        : builtinBpeModel(id, sources);
      model.catch(() => undefined);
      models.set(id, model);
    }
    return model;
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
      const model = await bpeModel(variant.base).catch((error: Error) => {
        throw new Error(
          `No byte-level BPE merge list for “${variant.base}” (${error.message}), so it cannot run with ${describeInferenceMethod(variant.method)}.`,
        );
      });
      const base = catalogEntry(variant.base);
      return new TrainedBpeTokenizer({
        info: {
          id,
          name: `${base?.name ?? variant.base} · ${describeInferenceMethod(variant.method)}`,
          source: base?.source,
        },
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
      let explainer = explainers.get(base);
      if (!explainer) {
        explainer = bpeModel(base).then(tokenExplainer, () => null);
        explainers.set(base, explainer);
      }
      const explain = await explainer;
      return explain ? explain(tokenId, text, byteStart) : null;
    },
  };
}
