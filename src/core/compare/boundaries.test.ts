import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { diffBoundaries, diffBoundariesStepwise } from "./boundaries";

describe("diffBoundaries", () => {
  it("counts shared and unshared boundaries like a set computation (oracle)", async () => {
    const tokenizers = await Promise.all(["o200k_base", "r50k_base", "bytes", "words"].map(loadTokenizer));
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const encodings = tokenizers.map((t) => t.encode(text));
        const length = encodings[0]!.inputByteLength;
        const sets = encodings.map(
          (e) => new Set(Array.from(e.ends).filter((end) => end > 0 && end < length)),
        );
        const union = new Set(sets.flatMap((s) => [...s]));
        const intersection = [...union].filter((offset) => sets.every((s) => s.has(offset)));
        const diff = diffBoundaries(encodings);
        expect(diff.shared).toBe(intersection.length);
        expect(diff.unshared).toBe(union.size - intersection.length);
        encodings.forEach((e, lane) =>
          e.ends.forEach((end, i) => {
            const inside = end > 0 && end < length;
            expect(diff.unsharedEnds[lane]![i]).toBe(inside && !intersection.includes(end) ? 1 : 0);
          }),
        );
      }),
      { numRuns: 80 },
    );
  });

  it("finds nothing unshared when every lane is the same tokenizer", async () => {
    const t = await loadTokenizer("cl100k_base");
    const diff = diffBoundaries([t.encode("same text here"), t.encode("same text here")]);
    expect(diff.unshared).toBe(0);
    expect(diff.shared).toBe(2);
  });
});

describe("diffBoundariesStepwise", () => {
  it("gives the same result in small steps as in one go", async () => {
    const tokenizers = await Promise.all(["o200k_base", "bytes"].map(loadTokenizer));
    const text = "stepwise comparison of boundaries, über alles 日本語 ".repeat(20);
    const encodings = tokenizers.map((t) => t.encode(text));
    const steps = diffBoundariesStepwise(encodings, 7);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    expect(pauses).toBeGreaterThan(10);
    expect(next.value).toEqual(diffBoundaries(encodings));
  });
});
