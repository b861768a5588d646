import { beforeAll, describe, expect, it } from "vitest";
import { nodeLpSolver } from "../../../../scripts/lib/mixture-highs";
import { readMixturePools } from "../../../../scripts/lib/mixture-samples";
import type { BpeModel } from "../model";
import { trainBpe } from "../train-bpe";
import { categoryPairCounts, mixCorpus, type CategoryPool, type MixedCorpus } from "./categories";
import { inferMixture, type MixtureEstimate } from "./infer-mixture";
import type { LpSolver } from "./lp";
import type { CategoryPairCounts } from "./pair-replay";

const meanAbsoluteError = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, x, i) => sum + Math.abs(x - b[i]!), 0) / a.length;

// Controlled experiment (ALGORITHMS §5.3): train BPE on a mixture with known byte proportions, then estimate
// the proportions from the merge list alone, on samples disjoint from the training text.
describe("data-mixture inference", () => {
  let pools: CategoryPool[];
  let mix: MixedCorpus;
  let model: BpeModel;
  let samples: CategoryPairCounts[];
  let solver: LpSolver;
  let straight: Promise<MixtureEstimate>;

  beforeAll(async () => {
    pools = readMixturePools(150_000);
    mix = mixCorpus(pools, [0.4, 0.25, 0.2, 0.15], 150_000);
    model = trainBpe(mix.texts, { vocabSize: 256 + 1000 }).model;
    samples = pools.map((pool) => categoryPairCounts(model, [pool.sample]));
    solver = await nodeLpSolver();
    straight = inferMixture(samples, solver);
  });

  it("recovers known proportions of four categories from held-out samples", async () => {
    const estimate = await straight;
    expect(estimate.converged).toBe(true);
    expect(estimate.proportions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(meanAbsoluteError(estimate.proportions, mix.proportions)).toBeLessThan(0.02);
  });

  it("recovers them exactly, with zero slack, when the samples are the training text", async () => {
    const exact = mix.texts.map((text) => categoryPairCounts(model, [text]));
    const estimate = await inferMixture(exact, solver);
    expect(estimate.totalSlack).toBeLessThan(1e-6);
    expect(meanAbsoluteError(estimate.proportions, mix.proportions)).toBeLessThan(1e-6);
  });

  it("gives a single category weight 1", async () => {
    const estimate = await inferMixture([samples[2]!], solver);
    expect(estimate.proportions).toEqual([1]);
    expect(estimate.pairWeights).toEqual([1]);
  });

  it("permutes the estimate when the categories are permuted", async () => {
    const order = [2, 0, 3, 1];
    const permuted = await inferMixture(
      order.map((i) => samples[i]!),
      solver,
    );
    const { proportions } = await straight;
    order.forEach((from, to) => expect(permuted.proportions[to]).toBeCloseTo(proportions[from]!, 4));
  });

  it("rejects categories replayed on different merge lists", async () => {
    const short = categoryPairCounts(model, [pools[0]!.sample], 10);
    await expect(inferMixture([samples[0]!, short], solver)).rejects.toThrow(/same merge list/);
  });
});
