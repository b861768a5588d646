import { describe, expect, it } from "vitest";
import { logSumExp } from "./byte-token/log-space";
import type { LogitsSession } from "./session-byte-model";
import { tokenModelFromSession } from "./session-token-model";

/** A fake session whose logit for id v at a position is (v · 0.1 + last input id · 0.01), width 5. */
function fakeSession(calls: number[][]): LogitsSession {
  return {
    async run(feeds) {
      const { ids, dims } = feeds.ids as { ids: BigInt64Array; dims: [number, number] };
      calls.push([...dims]);
      const [batch, seq] = dims;
      const out = new Float32Array(batch * seq * 5);
      for (let b = 0; b < batch; b++)
        for (let t = 0; t < seq; t++)
          for (let v = 0; v < 5; v++) out[(b * seq + t) * 5 + v] = v * 0.1 + Number(ids[b * seq + t]) * 0.01;
      return { logits: { data: out } };
    },
  };
}

describe("tokenModelFromSession", () => {
  it("batches equal lengths, keeps the last contextLength − 1 tokens, and puts EOS at vocabSize", async () => {
    const calls: number[][] = [];
    const lm = tokenModelFromSession(fakeSession(calls), (ids, dims) => ({ ids, dims }), {
      name: "fake",
      vocabSize: 4,
      bos: 4,
      eos: 4,
      contextLength: 4,
      input: "ids",
      output: "logits",
    });
    const rows = await lm.logProbs([
      Uint32Array.of(1, 2),
      Uint32Array.of(3, 0),
      Uint32Array.of(),
      Uint32Array.of(1, 2, 3, 1, 2),
    ]);
    // [1,2] and [3,0] share a batch; [] alone; the 5-token prefix is cut to its last 3 tokens.
    expect(calls).toEqual([
      [2, 3],
      [1, 1],
      [1, 4],
    ]);
    rows.forEach((row) => {
      expect(row).toHaveLength(5);
      expect(logSumExp(row)).toBeCloseTo(0, 12);
    });
    // Logits differ by 0.1 per id whatever the context: log-softmax differences are 0.1.
    expect(rows[0]![4]! - rows[0]![0]!).toBeCloseTo(0.4, 6);
    // Row of the empty prefix reads the BOS position (input id 4).
    const expected = Array.from({ length: 5 }, (_, v) => v * 0.1 + 0.04);
    const z = logSumExp(Float64Array.from(expected));
    expected.forEach((e, v) => expect(rows[2]![v]!).toBeCloseTo(e - z, 6));
  });
});
