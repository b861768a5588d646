import { describe, expect, it } from "vitest";
import { ngramBitsPerByte, ngramDistribution, ngramWindowBits, trainByteNgram } from "./byte-ngram";

const bytes = (text: string) => new TextEncoder().encode(text);

function randomBytes(seed: number, length: number, alphabet: number): Uint8Array {
  let state = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state % alphabet;
  }
  return out;
}

describe("byte n-gram (interpolated Kneser–Ney)", () => {
  const docs = [
    bytes("the cat sat on the mat. the cat ate the rat."),
    bytes("Все люди рождаются свободными и равными."),
    bytes("人人生而自由，在尊严和权利上一律平等。"),
    randomBytes(7, 2000, 40),
  ];

  it.each([1, 3, 5])("order %i: the distribution over 256 bytes sums to 1 for random contexts", (order) => {
    const model = trainByteNgram(docs, order);
    for (let seed = 1; seed <= 40; seed++) {
      const context = randomBytes(seed, seed % 9, seed % 2 ? 256 : 40);
      const probs = ngramDistribution(model, context);
      const sum = probs.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 10);
      expect(Math.min(...probs)).toBeGreaterThan(0);
    }
  });

  it("a seen continuation is more likely than an unseen one, and higher orders use more context", () => {
    const model = trainByteNgram(docs, 5);
    const afterThe = ngramDistribution(model, bytes("the c"));
    expect(afterThe["a".charCodeAt(0)]!).toBeGreaterThan(0.5);
    expect(afterThe["q".charCodeAt(0)]!).toBeLessThan(0.01);
    const low = trainByteNgram(docs, 1);
    const text = [bytes("the cat sat on the mat.")];
    expect(ngramBitsPerByte(model, text)).toBeLessThan(ngramBitsPerByte(low, text));
  });

  it("the window bits equal −log2 of the distribution after each prefix", () => {
    const model = trainByteNgram(docs, 4);
    const window = bytes("the rat");
    const bits = ngramWindowBits(model, window);
    for (let t = 0; t < window.length; t++) {
      const p = ngramDistribution(model, window.subarray(0, t))[window[t]!]!;
      expect(bits[t]).toBeCloseTo(-Math.log2(p), 10);
    }
  });

  it("an untrained model is uniform: 8 bits per byte", () => {
    expect(ngramBitsPerByte(trainByteNgram([], 3), [bytes("abc")])).toBeCloseTo(8, 10);
  });
});
