import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entropyBits, klDivergenceBits, topOutcomes, totalVariation } from "./divergence";

const logs = (...ps: number[]) => ps.map(Math.log);

describe("divergences between next-byte distributions", () => {
  it("match hand-computed values", () => {
    const p = logs(0.5, 0.5, 0);
    const q = logs(0.25, 0.25, 0.5);
    expect(totalVariation(p, q)).toBeCloseTo(0.5, 12);
    // KL(p‖q) = 2 · 0.5 · log2(0.5 / 0.25) = 1 bit; KL(q‖p) is infinite (q has mass where p has none).
    expect(klDivergenceBits(p, q)).toBeCloseTo(1, 12);
    expect(klDivergenceBits(q, p)).toBe(Infinity);
    expect(entropyBits(p)).toBeCloseTo(1, 12);
    expect(entropyBits(q)).toBeCloseTo(1.5, 12);
    expect(topOutcomes(q, 2)).toEqual([
      { index: 2, logProb: Math.log(0.5) },
      { index: 0, logProb: Math.log(0.25) },
    ]);
  });

  it("are zero on equal distributions, symmetric (TV) and bounded by Pinsker", () => {
    const dist = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 })
      .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-6)
      .map((w) => {
        const total = w.reduce((a, b) => a + b, 0);
        return w.map((x) => Math.log(x / total));
      });
    fc.assert(
      fc.property(dist, dist, (p, q) => {
        expect(totalVariation(p, p)).toBeCloseTo(0, 12);
        expect(klDivergenceBits(p, p)).toBeCloseTo(0, 9);
        expect(totalVariation(p, q)).toBeCloseTo(totalVariation(q, p), 12);
        const tv = totalVariation(p, q);
        // Pinsker: TV ≤ sqrt(KL_nats / 2).
        expect(tv).toBeLessThanOrEqual(Math.sqrt((klDivergenceBits(p, q) * Math.LN2) / 2) + 1e-9);
      }),
    );
  });
});
