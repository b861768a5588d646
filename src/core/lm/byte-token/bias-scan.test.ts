import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode } from "../../text/utf8";
import { characterBoundaries, scanBias } from "./bias-scan";
import { workedExampleModel } from "./test-fixtures";

describe("the bias scan", () => {
  it("finds worked example 1's bias: after BA, exact gives A 0.6 and naive 0; after B they agree", async () => {
    const { model } = workedExampleModel(["A", "B", "AA"]);
    const progress: number[] = [];
    const points = await scanBias(model, utf8Encode("BAA"), [1, 2], {
      onProgress: (done) => progress.push(done),
    });
    expect(points[0]!.tv).toBeCloseTo(0, 12);
    expect(points[1]!.exactNext).toBeCloseTo(0.6, 12);
    expect(points[1]!.naiveNext).toBe(0);
    expect(points[1]!.tv).toBeGreaterThanOrEqual(0.6 - 1e-12);
    expect(progress).toEqual([1, 2]);
    let pauses = 0;
    const stopAtSecond = () => (++pauses === 2 ? Promise.reject(new Error("cancelled")) : Promise.resolve());
    await expect(scanBias(model, utf8Encode("BAA"), [1, 2, 3], { pause: stopAtSecond })).rejects.toThrow(
      /cancelled/,
    );
    expect(pauses).toBe(2);
  });

  it("visits exactly the prefix lengths that end on a character boundary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (text) => {
        const bytes = utf8Encode(text);
        const expected: number[] = [];
        let n = 0;
        for (const ch of text) {
          n += utf8Encode(ch).length;
          expected.push(n);
        }
        expect(characterBoundaries(bytes)).toEqual(expected);
      }),
    );
  });
});
