import { describe, expect, it } from "vitest";
import type { PatchingOptions, PatchingRule } from "./entropy-patching";
import {
  entropyPatches,
  findThresholdForMeanPatchSize,
  patchLengthsFromStarts,
  patchStarts,
  topKPatchStarts,
} from "./entropy-patching";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function randomEntropies(seed: number, n: number): Float64Array {
  let state = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    // Bursty like real text: mostly low, now and then high.
    const u = state / 2 ** 32;
    out[i] = u < 0.2 ? 2 + 3 * u : u * u * 1.5;
  }
  return out;
}

//               0    1    2    3    4    5    6    7    8    9
const entropies = [3, 0.5, 0.4, 2.0, 0.3, 0.2, 0.1, 1.5, 1.6, 0.2];

describe("entropy patching rules", () => {
  it("global: every position above θ_g starts a patch, the first always", () => {
    expect(entropyPatches(entropies, { rule: "global", globalThreshold: 1 })).toEqual([3, 4, 1, 2]);
    expect(entropyPatches(entropies, { rule: "global", globalThreshold: 10 })).toEqual([10]);
  });

  it("approximate monotonic: a rise above θ_r starts a patch, a high level does not", () => {
    expect(entropyPatches(entropies, { rule: "monotonic", relativeThreshold: 0.5 })).toEqual([3, 4, 3]);
    const plateau = [1, 2, 2, 2, 2];
    expect(entropyPatches(plateau, { rule: "global", globalThreshold: 1.5 })).toEqual([1, 1, 1, 1, 1]);
    expect(entropyPatches(plateau, { rule: "monotonic", relativeThreshold: 0.5 })).toEqual([1, 4]);
  });

  it("combined: both conditions must hold", () => {
    const options: PatchingOptions = { rule: "combined", globalThreshold: 1.55, relativeThreshold: 0.5 };
    expect(entropyPatches(entropies, options)).toEqual([3, 7]);
  });

  it("the maximum patch length splits long patches left to right", () => {
    const flat = new Array<number>(10).fill(0);
    expect(entropyPatches(flat, { rule: "global", globalThreshold: 1, maxPatchLength: 3 })).toEqual([
      3, 3, 3, 1,
    ]);
    expect(entropyPatches(entropies, { rule: "global", globalThreshold: 1, maxPatchLength: 2 })).toEqual([
      2, 1, 2, 2, 1, 2,
    ]);
  });

  it("forced starts and edge cases", () => {
    expect(entropyPatches([0, 0, 0], { rule: "global", globalThreshold: 1, forcedStarts: 2 })).toEqual([
      1, 2,
    ]);
    expect(entropyPatches([], { rule: "global" })).toEqual([]);
    expect(entropyPatches([0.1], { rule: "monotonic" })).toEqual([1]);
    expect(patchLengthsFromStarts([0, 0, 1])).toEqual([2, 1]);
  });

  it.each<PatchingRule>(["global", "monotonic", "combined"])(
    "%s: lengths sum to the length, and the patches of every prefix are a prefix",
    (rule) => {
      const h = randomEntropies(42, 300);
      const options: PatchingOptions = {
        rule,
        globalThreshold: 1.3354,
        relativeThreshold: 0.3,
        maxPatchLength: 12,
      };
      const full = patchStarts(h, options);
      expect(sum(patchLengthsFromStarts(full))).toBe(h.length);
      expect(Math.max(...patchLengthsFromStarts(full))).toBeLessThanOrEqual(12);
      for (let n = 0; n <= h.length; n += 7)
        expect([...patchStarts(h.subarray(0, n), options)]).toEqual([...full.subarray(0, n)]);
    },
  );
});

describe("threshold search for a target mean patch size", () => {
  it.each<[PatchingRule, number]>([
    ["global", 2],
    ["global", 4.4],
    ["global", 8],
    ["monotonic", 3],
    ["monotonic", 6],
    ["combined", 3],
  ])("%s, target %f bytes: no other threshold comes closer", (rule, target) => {
    const h = randomEntropies(7, 2000);
    const found = findThresholdForMeanPatchSize(h, target, { rule, relativeThreshold: 0.1 });
    expect(sum(found.patches)).toBe(h.length);
    const opts = (t: number): PatchingOptions =>
      rule === "monotonic"
        ? { rule, relativeThreshold: t }
        : { rule, globalThreshold: t, relativeThreshold: 0.1 };
    expect(h.length / entropyPatches(h, opts(found.threshold)).length).toBeCloseTo(found.meanPatchSize, 12);
    // Brute force over every candidate value: the search is optimal within one threshold step.
    const stats = rule === "monotonic" ? [...h].slice(1).map((x, i) => x - h[i]!) : [...h];
    let best = Infinity;
    let prev = 0;
    for (const t of [...new Set(stats)].sort((a, b) => a - b)) {
      const mean = h.length / entropyPatches(h, opts(t)).length;
      expect(mean).toBeGreaterThanOrEqual(prev);
      prev = mean;
      best = Math.min(best, Math.abs(mean - target));
    }
    expect(Math.abs(found.meanPatchSize - target)).toBeLessThanOrEqual(best + 1e-12);
  });

  it("a target above what the data allows gives the largest patches", () => {
    const found = findThresholdForMeanPatchSize(entropies, 100, { rule: "global" });
    expect(found.patches).toEqual([10]);
  });
});

describe("fixed-count mode", () => {
  it("starts the highest-entropy positions, as many patches as the target mean size asks", () => {
    expect(patchLengthsFromStarts(topKPatchStarts(entropies, 10 / 3))).toEqual([3, 5, 2]);
    expect(patchLengthsFromStarts(topKPatchStarts(entropies, 100))).toEqual([10]);
    expect(patchLengthsFromStarts(topKPatchStarts(entropies, 1))).toEqual(new Array(10).fill(1));
    expect(topKPatchStarts([], 4)).toHaveLength(0);
  });
});
