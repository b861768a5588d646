import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { learnDynamicMerges } from "./dynamic-merges";

/** Pair counts by brute force: every adjacent pair in the same chunk with neither token fixed. */
function bruteForceCounts(ids: number[], chunks: number[], fixed: boolean[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < ids.length; i++) {
    if (chunks[i] !== chunks[i + 1] || fixed[i] || fixed[i + 1]) continue;
    const key = `${ids[i]},${ids[i + 1]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const sequences = fc
  .array(fc.record({ id: fc.integer({ min: 0, max: 5 }), newChunk: fc.boolean(), fixed: fc.boolean() }), {
    maxLength: 120,
  })
  .map((tokens) => {
    let chunk = 0;
    return {
      ids: tokens.map((t) => t.id),
      chunks: tokens.map((t, i) => (i > 0 && t.newChunk && t.id % 2 === 0 ? ++chunk : chunk)),
      fixed: tokens.map((t) => t.fixed && t.id === 5),
    };
  });

describe("learnDynamicMerges", () => {
  it("merges the most frequent pair at every step (checked against a brute-force count on its own sequence)", () => {
    fc.assert(
      fc.property(sequences, fc.integer({ min: 0, max: 12 }), ({ ids, chunks, fixed }, k) => {
        const result = learnDynamicMerges({ ids, chunks, fixed: (i) => fixed[i]! }, k, 100);
        let seq = { ids: [...ids], chunks: [...chunks], fixed: [...fixed] };
        for (const merge of result.merges) {
          const counts = bruteForceCounts(seq.ids, seq.chunks, seq.fixed);
          const best = Math.max(...counts.values());
          expect(merge.count).toBe(best);
          expect(counts.get(`${merge.left},${merge.right}`)).toBe(best);
          // Apply it independently, left to right, no overlaps.
          const next = { ids: [] as number[], chunks: [] as number[], fixed: [] as boolean[] };
          for (let i = 0; i < seq.ids.length; i++) {
            const join =
              i + 1 < seq.ids.length &&
              seq.ids[i] === merge.left &&
              seq.ids[i + 1] === merge.right &&
              seq.chunks[i] === seq.chunks[i + 1] &&
              !seq.fixed[i] &&
              !seq.fixed[i + 1];
            next.ids.push(join ? merge.id : seq.ids[i]!);
            next.chunks.push(seq.chunks[i]!);
            next.fixed.push(seq.fixed[i]!);
            if (join) i++;
          }
          seq = next;
        }
        expect(result.ids).toEqual(seq.ids);
        // Stopped early only when no pair repeats.
        if (result.merges.length < k)
          expect(Math.max(0, ...bruteForceCounts(seq.ids, seq.chunks, seq.fixed).values())).toBeLessThan(2);
        // The result's tokens tile the input.
        expect(result.from[0] ?? 0).toBe(0);
        result.to.forEach((end, t) => expect(result.from[t + 1] ?? ids.length).toBe(end));
      }),
      { numRuns: 300 },
    );
  });

  it("learns nothing with k = 0", () => {
    const result = learnDynamicMerges({ ids: [1, 2, 1, 2], chunks: [0, 0, 0, 0], fixed: () => false }, 0, 10);
    expect(result).toEqual({ merges: [], ids: [1, 2, 1, 2], from: [0, 1, 2, 3], to: [1, 2, 3, 4] });
  });
});
