import { describe, expect, it } from "vitest";
import type { ByteLanguageModel } from "./surprisal";
import {
  computeSurprisal,
  entropyBits,
  entropyNats,
  logSoftmax,
  nextByteDistribution,
  scoreWindows,
  softmax,
  surprisalWindows,
  topBytes,
} from "./surprisal";

const BOS = 256;

/** A bigram test double: the logits of a row depend only on the previous symbol (BOS at a window start). */
function bigramLogits(prev: number): Float32Array {
  const row = new Float32Array(256);
  for (let v = 0; v < 256; v++) row[v] = ((prev * 31 + v * 17) % 13) / 3;
  return row;
}

function bigramModel(contextLength: number, calls: Uint8Array[][] = []): ByteLanguageModel {
  return {
    name: "bigram",
    contextLength,
    async logits(contexts) {
      calls.push([...contexts]);
      return contexts.map((context) => {
        expect(context.length).toBeLessThanOrEqual(contextLength - 1);
        const out = new Float32Array((context.length + 1) * 256);
        for (let i = 0; i <= context.length; i++)
          out.set(bigramLogits(i === 0 ? BOS : context[i - 1]!), i * 256);
        return out;
      });
    },
  };
}

function expectedBits(bytes: Uint8Array, bosAt: (i: number) => boolean): number[] {
  return [...bytes].map((b, i) => {
    const lp = logSoftmax(bigramLogits(bosAt(i) ? BOS : bytes[i - 1]!));
    return -lp[b]! / Math.LN2;
  });
}

const text = new TextEncoder().encode(
  "Всеобщая декларация прав человека — 人人生而自由 🇺🇳 naïve\r\n".repeat(3),
);

describe("softmax and entropy", () => {
  it("softmax sums to 1 and entropies agree in nats and bits", () => {
    const p = softmax([1, 2, 3, -1000]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[3]).toBeCloseTo(0, 12);
    expect(entropyNats([0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
    expect(entropyBits(new Array(256).fill(1 / 256))).toBeCloseTo(8, 12);
  });

  it("log-softmax is stable for large logits", () => {
    const lp = logSoftmax([1e4, 1e4]);
    expect(lp[0]).toBeCloseTo(-Math.LN2, 12);
  });
});

describe("surprisal windows", () => {
  it.each([
    [0, 8, 8],
    [5, 8, 8],
    [20, 8, 8],
    [20, 8, 3],
    [21, 4, 1],
  ])("length %i, context %i, stride %i: chunks cover the input once and fit the context", (n, c, s) => {
    const windows = surprisalWindows(n, c, s);
    let next = 0;
    for (const w of windows) {
      expect(w.start).toBe(next);
      expect(w.end - w.windowStart).toBeLessThanOrEqual(c);
      expect(w.windowStart).toBeLessThanOrEqual(w.start);
      next = w.end;
    }
    expect(next).toBe(n);
  });
});

describe("computeSurprisal", () => {
  it("non-overlapping windows restart from BOS at every window start", async () => {
    const result = await computeSurprisal(bigramModel(16), text, { batchSize: 3 });
    const expected = expectedBits(text, (i) => i % 16 === 0);
    expect(result.bits.length).toBe(text.length);
    result.bits.forEach((b, i) => expect(b).toBeCloseTo(expected[i]!, 4));
    expect(result.bitsPerByte).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 5);
  });

  it("with a stride below the context every later byte keeps its previous byte as context", async () => {
    const result = await computeSurprisal(bigramModel(16), text, { stride: 5, keepDistributions: true });
    const expected = expectedBits(text, (i) => i === 0);
    result.bits.forEach((b, i) => expect(b).toBeCloseTo(expected[i]!, 4));
    const probs = result.distributions!.subarray(7 * 256, 8 * 256);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.entropyNats[7]).toBeCloseTo(entropyNats(probs), 4);
  });

  it("reports progress up to the full length and can be cancelled", async () => {
    const progress: number[] = [];
    await computeSurprisal(bigramModel(8), text, { batchSize: 2, onProgress: (done) => progress.push(done) });
    expect(progress[progress.length - 1]).toBe(text.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const signal = { aborted: false };
    const run = computeSurprisal(bigramModel(8), text, {
      batchSize: 1,
      signal,
      onProgress: () => (signal.aborted = true),
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });

  it("empty input gives empty results", async () => {
    const result = await computeSurprisal(bigramModel(8), new Uint8Array());
    expect(result.bits.length).toBe(0);
    expect(result.bitsPerByte).toBe(0);
  });
});

describe("nextByteDistribution", () => {
  it("reads the row after the last byte, within the context length", async () => {
    const calls: Uint8Array[][] = [];
    const next = await nextByteDistribution(bigramModel(8, calls), text);
    expect(calls[0]![0]!.length).toBe(7);
    const expected = softmax(bigramLogits(text[text.length - 1]!));
    next.probs.forEach((p, v) => expect(p).toBeCloseTo(expected[v]!, 6));
    expect(next.entropyBits).toBeCloseTo(next.entropyNats / Math.LN2, 12);
    const top = topBytes(next.probs, 3);
    expect(top).toHaveLength(3);
    expect(top[0]!.prob).toBeGreaterThanOrEqual(top[1]!.prob);
  });

  it("from empty text it is the BOS distribution", async () => {
    const next = await nextByteDistribution(bigramModel(8), new Uint8Array());
    expect(next.probs[0]).toBeCloseTo(softmax(bigramLogits(BOS))[0]!, 6);
  });
});

describe("scoreWindows", () => {
  it("scores every window from BOS, whatever the batch", async () => {
    const windows = [text.subarray(0, 16), text.subarray(3, 9), new Uint8Array(), text.subarray(20, 36)];
    const scored = await scoreWindows(bigramModel(16), windows, 2);
    windows.forEach((w, i) => {
      const expected = expectedBits(w, (t) => t === 0);
      expect(scored[i]!.length).toBe(w.length);
      scored[i]!.forEach((b, t) => expect(b).toBeCloseTo(expected[t]!, 4));
    });
  });
});
