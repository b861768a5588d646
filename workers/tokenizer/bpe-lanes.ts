import { tokenExplainer, type TokenExplanation } from "../../src/core/bpe/explain-token";
import { describeInferenceMethod } from "../../src/core/bpe/merge-free";
import type { BpeModel } from "../../src/core/bpe/model";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { TrainedBpeTokenizer } from "../../src/core/bpe/trained-bpe-tokenizer";
import { parseVariantId } from "../../src/core/bpe/variant-id";
import { catalogEntry, type AssetSource } from "../../src/core/tokenizers/catalog";
import type { Tokenizer } from "../../src/core/tokenizers/types";

/**
 * The tokenizer worker's BPE extras: lanes that run a vocabulary with another inference method
 * (`<base>.<method>`, merge-list-free or with a damaged merge list) and merge-tree explanations of tokens.
 * Works for every lane whose tokenizer.json holds a byte-level BPE merge list (built-in or dropped file).
 */
export function createBpeLanes(assets: AssetSource) {
  const models = new Map<string, Promise<BpeModel | null>>();
  const files = new Map<string, Uint8Array>();
  const explainers = new Map<string, Promise<ReturnType<typeof tokenExplainer> | null>>();

  function bpeModel(id: string): Promise<BpeModel | null> {
    let model = models.get(id);
    if (!model) {
      const entry = catalogEntry(id);
      const file = files.get(id);
      model = (async () => {
        if (file) return fromTokenizerJson(JSON.parse(new TextDecoder().decode(file)) as unknown);
        if (entry?.family !== "huggingface") return null;
        return fromTokenizerJson((await assets.tokenizerJson(entry.source)).json);
      })().catch(() => null);
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
      const model = await bpeModel(variant.base);
      const base = catalogEntry(variant.base);
      if (!model)
        throw new Error(
          `“${variant.base}” has no byte-level BPE merge list that Tokenprism can read, so it cannot run with ${describeInferenceMethod(variant.method)}.`,
        );
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
        explainer = bpeModel(base).then((model) => (model ? tokenExplainer(model) : null));
        explainers.set(base, explainer);
      }
      const explain = await explainer;
      return explain ? explain(tokenId, text, byteStart) : null;
    },
  };
}
