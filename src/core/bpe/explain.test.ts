import { describe, expect, it } from "vitest";
import { mergeRanks, mergeTree, type MergeTree } from "./explain";
import { trainBpe } from "./train-bpe";

function leaves(tree: MergeTree): number[] {
  return tree.left && tree.right ? [...leaves(tree.left), ...leaves(tree.right)] : [tree.id];
}

describe("merge trees", () => {
  const { model } = trainBpe(["the theme of these theses: then, there, thereafter. ".repeat(10)], {
    vocabSize: 300,
  });
  const ranks = mergeRanks(model);

  it("build every token from its bytes, each merge after the merges below it", () => {
    model.tokens.forEach((bytes, id) => {
      const tree = mergeTree(model, ranks, id);
      expect(leaves(tree).flatMap((leaf) => [...model.tokens[leaf]!])).toEqual([...bytes]);
      for (const leaf of leaves(tree)) expect(model.tokens[leaf]).toHaveLength(1);
      const check = (node: MergeTree): void => {
        for (const child of [node.left, node.right]) {
          if (!child) continue;
          expect(child.rank).toBeLessThan(node.rank);
          check(child);
        }
      };
      check(tree);
    });
  });

  it("give bytes no rank and the i-th new token rank i in a trained vocabulary", () => {
    expect(ranks[0x74]).toBe(-1);
    expect(ranks[256]).toBe(0);
    expect(ranks[model.tokens.length - 1]).toBe(model.merges.length - 1);
  });
});
