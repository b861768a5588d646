import { describe, expect, it } from "vitest";
import { tokenExplainer, type ExplainedTree } from "./explain-token";
import { BpeTextEncoder } from "./text-encoder";
import { trainBpe } from "./train-bpe";

function leaves(tree: ExplainedTree): number[] {
  return tree.left && tree.right ? [...leaves(tree.left), ...leaves(tree.right)] : tree.bytes;
}

describe("tokenExplainer", () => {
  const corpus = ["the cat sat on the mat", "then the other cat", "thermal theory of the thing"].join("\n");
  const { model } = trainBpe([corpus.repeat(20)], { vocabSize: 300 });
  const explain = tokenExplainer(model);
  const text = "the thermal cat then sat";
  // The merge-list encoding (another encoder of the same model) says which token covers which bytes.
  const encoded = new BpeTextEncoder(model).encodeWithSpans(text);

  it("explains every token of an encoding: its tree spells it, its chunk's two cuts both spell the chunk", () => {
    encoded.ids.forEach((id, t) => {
      const e = explain(text, encoded.starts[t]!, id);
      expect(leaves(e.tree)).toEqual(Array.from(model.tokens[id]!));
      expect(e.withMerges.flatMap((p) => p.bytes)).toEqual(e.chunk);
      expect(e.leastTokens.flatMap((p) => p.bytes)).toEqual(e.chunk);
      expect(e.extraTokens).toBe(e.withMerges.length - e.leastTokens.length);
      expect(e.extraTokens).toBeGreaterThanOrEqual(0);
      expect(e.differs).toBe(
        e.withMerges.some((p, i) => p.id !== e.leastTokens[i]?.id) || e.extraTokens !== 0,
      );
      // The token itself is one of the merge-list pieces of its chunk.
      expect(e.withMerges).toContainEqual({ id, bytes: Array.from(model.tokens[id]!) });
    });
  });

  it("without an id, explains the merge-list token covering the byte (every byte of every token)", () => {
    encoded.ids.forEach((id, t) => {
      const start = encoded.starts[t]!;
      for (let b = start; b < start + model.tokens[id]!.length; b++)
        expect(explain(text, b).tree.id).toBe(id);
    });
    expect(() => explain(text, 1000)).toThrow(/past the end/);
  });
});
