import { describe, expect, it } from "vitest";
import { tokenExplainer, type ExplainedTree } from "./explain-token";
import { BpeTextEncoder } from "./text-encoder";
import { trainBpe } from "./train-bpe";

function leaves(tree: ExplainedTree): number[] {
  return tree.left && tree.right ? [...leaves(tree.left), ...leaves(tree.right)] : tree.bytes;
}

describe("tokenExplainer", () => {
  it("explains every token of an encoding: its tree spells it, its chunk's two cuts both spell the chunk", () => {
    const corpus = ["the cat sat on the mat", "then the other cat", "thermal theory of the thing"].join("\n");
    const { model } = trainBpe([corpus.repeat(20)], { vocabSize: 300 });
    const explain = tokenExplainer(model);
    const text = "the thermal cat then sat";
    const encoded = new BpeTextEncoder(model).encodeWithSpans(text);
    encoded.ids.forEach((id, t) => {
      const e = explain(id, text, encoded.starts[t]!);
      expect(leaves(e.tree)).toEqual(Array.from(model.tokens[id]!));
      expect(e.withMerges.flat()).toEqual(e.chunk);
      expect(e.leastTokens.flat()).toEqual(e.chunk);
      expect(e.leastTokens.length).toBeLessThanOrEqual(e.withMerges.length);
      // The token itself is one of the merge-list pieces of its chunk.
      expect(e.withMerges).toContainEqual(Array.from(model.tokens[id]!));
    });
  });
});
