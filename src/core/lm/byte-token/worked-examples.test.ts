import { describe, expect, it } from "vitest";
import { utf8Encode } from "../../text/utf8";
import { exactNextByte, healedNextByte, naiveNextByte } from "./next-byte";
import { workedExampleModel } from "./test-fixtures";

const A = "A".charCodeAt(0);

function setup(vocabulary: string[]) {
  const { model, oracle } = workedExampleModel(vocabulary);
  const spell = (ids: ArrayLike<number>): string => Array.from(ids, (id) => vocabulary[id]).join("|");
  return { model, oracle, spell };
}

describe("worked example 1: MPE over {A, B, AA}, prompt BA", () => {
  const { model, spell } = setup(["A", "B", "AA"]);
  const prompt = utf8Encode("BA");

  it("exact P(A | BA) = α = 0.6 from covers [B,A] (0.06) and [B,AA] (0.09)", async () => {
    const exact = await exactNextByte(model, prompt, { absolute: true });
    expect(Math.exp(exact.logProbs[A]!)).toBeCloseTo(0.6, 12);
    const covers = [exact.covers.boundary, ...exact.covers.straddling].map((c) => [
      spell(c.ids),
      Math.exp(c.logProb + exact.covers.logBase),
    ]);
    expect(covers).toHaveLength(2);
    expect(covers).toContainEqual(["B|A", expect.closeTo(0.06, 12)]);
    expect(covers).toContainEqual(["B|AA", expect.closeTo(0.09, 12)]);
    expect(Math.exp(exact.logPrefix + exact.covers.logBase)).toBeCloseTo(0.15, 12);
  });

  it("naive prompting gives 0, one-token healing 0.6", async () => {
    expect(Math.exp((await naiveNextByte(model, prompt)).logProbs[A]!)).toBe(0);
    expect(Math.exp((await healedNextByte(model, prompt)).logProbs[A]!)).toBeCloseTo(0.6, 12);
  });
});

describe("worked example 2: MPE over {A, B, BA, ABA}, prompt AB", () => {
  const { model, spell } = setup(["A", "B", "BA", "ABA"]);
  const prompt = utf8Encode("AB");

  it("exact P(A | AB) = β = 0.3 from covers [A,B] (0.14) and [ABA] (0.06); [A,BA] is invalid", async () => {
    const exact = await exactNextByte(model, prompt, { absolute: true });
    expect(Math.exp(exact.logProbs[A]!)).toBeCloseTo(0.3, 12);
    const covers = [exact.covers.boundary, ...exact.covers.straddling].map((c) => [
      spell(c.ids),
      Math.exp(c.logProb + exact.covers.logBase),
    ]);
    expect(covers).toHaveLength(2);
    expect(covers).toContainEqual(["A|B", expect.closeTo(0.14, 12)]);
    expect(covers).toContainEqual(["ABA", expect.closeTo(0.06, 12)]);
  });

  it("naive prompting and one-token healing both give 0", async () => {
    expect(Math.exp((await naiveNextByte(model, prompt)).logProbs[A]!)).toBe(0);
    expect(Math.exp((await healedNextByte(model, prompt)).logProbs[A]!)).toBe(0);
  });
});
