import { describe, expect, it } from "vitest";
import { readBrown } from "../../scripts/lib/brown-text";
import { nodeLpSolver } from "../../scripts/lib/mixture-highs";
import { readMixturePools } from "../../scripts/lib/mixture-samples";
import { nodeMergeListSources } from "../../scripts/lib/mixture-sources";
import { LeastTokensEncoder } from "../../src/core/bpe/merge-free";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { BpeTextEncoder } from "../../src/core/bpe/text-encoder";
import { VocabularyTrie } from "../../src/core/bpe/vocabulary-trie";
import { createBpeApi, type TrainProgress } from "./api";

const api = () => createBpeApi({ lpSolver: nodeLpSolver, mergeSources: nodeMergeListSources });

// The worker's API is plain functions: called here on the main thread, as the worker would run them.
describe("BPE worker API", () => {
  const corpus = readBrown(150_000);

  it("trains with progress, and its export encodes like the model", async () => {
    const bpe = api();
    const progress: TrainProgress[] = [];
    const summary = await bpe.train({ texts: [corpus], vocabSize: 1000 }, 1, (p) => progress.push(p));
    expect(summary.vocabSize).toBe(1000);
    expect(progress.at(-1)?.vocabSize).toBe(1000);
    const model = fromTokenizerJson(JSON.parse(await bpe.exportTokenizerJson(summary.modelId)));
    const tokens = new BpeTextEncoder(model).encode(corpus).length;
    expect(summary.bytesPerToken).toBeCloseTo(new TextEncoder().encode(corpus).length / tokens, 9);
  });

  it("stops a cancelled training at the next slice", async () => {
    const bpe = api();
    const run = bpe.train({ texts: [readBrown(1_500_000)], vocabSize: 20_000 }, 7);
    setTimeout(() => bpe.cancel(7), 30);
    await expect(run).rejects.toThrow("cancelled");
  });

  it("counts tokens per inference method, least tokens never above the others", async () => {
    const bpe = api();
    const { modelId } = await bpe.train({ texts: [corpus], vocabSize: 800 }, 2);
    const text = readBrown(170_000).slice(150_000);
    const methods = [
      { kind: "merges" },
      { kind: "greedy" },
      { kind: "least-tokens" },
      { kind: "permuted-merges", seed: 1 },
    ] as const;
    const results = await bpe.encodeMethods({ kind: "trained", id: modelId }, text, [...methods]);
    const counts = results.map((r) => r.tokenCount);
    expect(Math.min(...counts)).toBe(counts[2]);
    for (const r of results) expect(r.view.encoding.ids.length).toBe(r.tokenCount);
    // Independent check of the least-tokens count: the DP over the exported vocabulary, chunk by chunk.
    const model = fromTokenizerJson(JSON.parse(await bpe.exportTokenizerJson(modelId)));
    const dp = new BpeTextEncoder(model, new LeastTokensEncoder(new VocabularyTrie(model.tokens)));
    expect(counts[2]).toBe(dp.encode(text).length);
  });

  it("sweeps SuperBPE transition points next to plain BPE", async () => {
    const points = await api().superBpeSweep({ texts: [corpus], vocabSize: 900, transitions: [500, 700] }, 3);
    expect(points.map((p) => [p.transition, p.plain])).toEqual([
      [500, false],
      [700, false],
      [900, true],
    ]);
    // Superwords compress better than plain BPE of the same size on this English text.
    expect(points[0]!.bytesPerToken).toBeGreaterThan(points[2]!.bytesPerToken);
    expect(points[0]!.superwordCount).toBeGreaterThan(0);
  });

  it("explains a token by its merge tree and compares least tokens on its chunk", async () => {
    const bpe = api();
    const { modelId } = await bpe.train({ texts: [corpus], vocabSize: 700 }, 4);
    const text = "The government of the United States";
    const explanation = await bpe.explainToken({ kind: "trained", id: modelId }, text, 4);
    const decode = (bytes: number[]) => new TextDecoder().decode(Uint8Array.from(bytes));
    expect(decode(explanation.chunk)).toBe(" government");
    expect(decode(explanation.withMerges.flatMap((p) => p.bytes))).toBe(" government");
    expect(explanation.leastTokens.length).toBeLessThanOrEqual(explanation.withMerges.length);
    const leaves = (node: typeof explanation.tree): number[] =>
      node.left && node.right ? [...leaves(node.left), ...leaves(node.right)] : node.bytes;
    expect(leaves(explanation.tree)).toEqual(explanation.tree.bytes);
    expect(explanation.withMerges.some((p) => p.id === explanation.tree.id)).toBe(true);
  });

  it("recovers a controlled mixture and estimates one for a built-in merge list", async () => {
    const bpe = api();
    const pools = readMixturePools(60_000).slice(0, 3);
    const result = await bpe.controlledExperiment(
      {
        categories: pools.map((p) => ({ name: p.name, text: `${p.train}\n${p.sample}` })),
        proportions: [0.5, 0.3, 0.2],
        vocabSize: 700,
      },
      5,
    );
    expect(result.meanAbsoluteError).toBeLessThan(0.03);
    expect(result.estimate.names).toEqual(pools.map((p) => p.name));
    const real = await bpe.inferMixture(
      { kind: "builtin", id: "r50k_base" },
      pools.map((p) => ({ name: p.name, texts: [p.sample] })),
      { merges: 300, timeLimitMs: 5000 },
      6,
    );
    expect(real.proportions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(real.stepSlack).toHaveLength(300);
  });
});
