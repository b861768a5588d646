import { describe, expect, it } from "vitest";
import { logSumExp } from "./byte-token/log-space";
import { paddedBatches } from "./session-batches";
import type { LogitsSession } from "./session-byte-model";
import { tokenModelFromSession, type TokenModelSpec } from "./session-token-model";

type Feed = { ids: BigInt64Array; dims: [number, number] };

/**
 * A fake causal session of width 5: the logit of id v at position t is v · 0.1 + (sum of the input ids at
 * positions ≤ t) · 0.01, so padding after t changes nothing before it. With a `positions` feed it returns
 * only the asked rows.
 */
function fakeSession(calls: number[][]): LogitsSession {
  return {
    async run(feeds) {
      const { ids, dims } = feeds.ids as Feed;
      const positions = feeds.positions as Feed | undefined;
      calls.push([...dims]);
      const [batch, seq] = dims;
      const k = positions ? positions.dims[1] : seq;
      const out = new Float32Array(batch * k * 5);
      for (let b = 0; b < batch; b++)
        for (let j = 0; j < k; j++) {
          const t = positions ? Number(positions.ids[b * k + j]) : j;
          let sum = 0;
          for (let u = 0; u <= t; u++) sum += Number(ids[b * seq + u]);
          for (let v = 0; v < 5; v++) out[(b * k + j) * 5 + v] = v * 0.1 + sum * 0.01;
        }
      return { logits: { data: out } };
    },
  };
}

const SPEC: TokenModelSpec = {
  name: "fake",
  vocabSize: 4,
  bos: 4,
  eos: 4,
  contextLength: 4,
  input: "ids",
  output: "logits",
};
const PREFIXES = [Uint32Array.of(1, 2), Uint32Array.of(3), Uint32Array.of(), Uint32Array.of(1, 2, 3, 1, 2)];

/** The row of one prefix computed alone, by hand from the fake's definition. */
function expectedRow(prefix: Uint32Array): number[] {
  const context = prefix.subarray(Math.max(0, prefix.length - 3));
  const sum = 4 + context.reduce((a, b) => a + b, 0);
  const logits = Array.from({ length: 5 }, (_, v) => v * 0.1 + sum * 0.01);
  const z = logSumExp(Float64Array.from(logits));
  return logits.map((l) => l - z);
}

describe("tokenModelFromSession", () => {
  it.each([
    ["every position", SPEC],
    ["a positions input", { ...SPEC, positions: "positions" }],
  ])("gives each prefix its own row in padded batches (%s)", async (_, spec) => {
    const calls: number[][] = [];
    const lm = tokenModelFromSession(fakeSession(calls), (ids, dims) => ({ ids, dims }), spec);
    const rows = await lm.logProbs(PREFIXES);
    // The 5-token prefix is cut to its last 3 tokens; lengths 3 and 2 share a padded run (8 slots for 7
    // tokens); adding length 1 would pad 12 slots for 9, over the 25 % bound, so 1 and 0 run alone.
    expect(calls).toEqual([
      [2, 4],
      [1, 2],
      [1, 1],
    ]);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(5);
      expectedRow(PREFIXES[i]!).forEach((e, v) => expect(row[v]!).toBeCloseTo(e, 5));
    });
  });
});

describe("paddedBatches", () => {
  it("puts every context in exactly one batch no wider than its padded length, within the waste bound", () => {
    const contexts = [5, 60, 58, 61, 1, 30, 29, 0].map((n) => new Uint8Array(n));
    const batches = paddedBatches(contexts, 0.25);
    expect(batches.flatMap(([, members]) => members).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const [width, members] of batches) {
      const real = members.reduce((sum, i) => sum + contexts[i]!.length + 1, 0);
      expect(Math.max(...members.map((i) => contexts[i]!.length))).toBe(width);
      if (members.length > 1) expect(members.length * (width + 1)).toBeLessThanOrEqual(1.25 * real);
    }
  });
});
