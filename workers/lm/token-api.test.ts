import { describe, expect, it } from "vitest";
import { toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { trainBpe } from "../../src/core/bpe/train-bpe";
import { bpeLemmaTokenizer } from "../../src/core/lm/byte-token/bpe-lemma-tokenizer";
import { hashedTokenLm } from "../../src/core/lm/byte-token/hashed-token-lm";
import { exactNextByte } from "../../src/core/lm/byte-token/next-byte";
import { TokenContextModel } from "../../src/core/lm/byte-token/token-lm";
import type { TokenLmCard } from "../../src/core/lm/model-card";
import type { LogitsSession } from "../../src/core/lm/session-byte-model";
import { utf8Encode } from "../../src/core/text/utf8";
import { Cancellations } from "../shared/cancellation";
import { createTokenLmApi, type TokenLmRuntime } from "./token-api";

const { model: bpe } = trainBpe(["the cat sat on the mat; the theme of the thesis. ".repeat(8)], {
  vocabSize: 300,
});
const VOCAB = bpe.tokens.length;
const reference = hashedTokenLm(VOCAB);

type Feed = { ids: BigInt64Array; dims: [number, number] };

/**
 * An ONNX-shaped session over the hashed pseudo-LM: row t of a batch gets the reference's log-probabilities
 * after the ids before it (BOS dropped), EOS at column VOCAB. Counts overlapping runs.
 */
function hashedSession(stats: { running: number; overlaps: number }): LogitsSession {
  return {
    async run(feeds) {
      stats.overlaps += stats.running;
      stats.running++;
      await new Promise((resolve) => setTimeout(resolve, 1));
      const { ids, dims } = feeds.ids as Feed;
      const positions = feeds.positions as Feed;
      const [batch, seq] = dims;
      const out = new Float32Array(batch * (VOCAB + 1));
      for (let b = 0; b < batch; b++) {
        const t = Number(positions.ids[b]);
        const prefix = Uint32Array.from(ids.subarray(b * seq + 1, b * seq + 1 + t), Number);
        const [row] = await reference.logProbs([prefix]);
        out.set(row!, b * (VOCAB + 1));
      }
      stats.running--;
      return { logits: { data: out } };
    },
  };
}

function runtime(stats: { running: number; overlaps: number }): TokenLmRuntime {
  const card = {
    name: "hashed",
    bos: VOCAB,
    eos: VOCAB,
    contextLength: 512,
    onnx: { input: "ids", positions: "positions", output: "logits" },
  } as TokenLmCard;
  return {
    loadTokenModel: async () => ({ card, bytes: new Uint8Array(0), tokenizerJson: toTokenizerJson(bpe) }),
    createTokenSession: async () => ({
      session: hashedSession(stats),
      tensor: (ids, dims) => ({ ids, dims }),
    }),
  };
}

describe("the token LM worker API", () => {
  it("answers caret queries during a bias scan, never overlapping session runs, with the exact values", async () => {
    const stats = { running: 0, overlaps: 0 };
    const api = createTokenLmApi(runtime(stats), new Cancellations());
    await api.loadTokenLm();
    const text = utf8Encode("the theme of the cat sat on the mat");
    const scan = api.biasScan(text, 40, 1);
    const prompts = ["the th", "the theme o", "the c"].map(utf8Encode);
    const answers = await Promise.all(prompts.map((p) => api.tokenNextBytes(p)));
    const points = await scan;
    expect(points).toHaveLength(text.length);
    expect(stats.overlaps).toBe(0);
    const direct = new TokenContextModel(reference, bpeLemmaTokenizer(bpe), "local");
    for (const [i, prompt] of prompts.entries()) {
      const expected = await exactNextByte(direct, prompt);
      answers[i]!.exact.forEach((v, byte) => expect(v).toBeCloseTo(expected.logProbs[byte]!, 5));
    }
  });

  it("stops a bias scan and a sampling run when cancelled", async () => {
    const cancellations = new Cancellations();
    const api = createTokenLmApi(runtime({ running: 0, overlaps: 0 }), cancellations);
    const scan = api.biasScan(utf8Encode("the theme of the cat sat on the mat"), 40, 7, () =>
      cancellations.cancel(7),
    );
    await expect(scan).rejects.toThrow(/cancelled/);
    const steps: number[] = [];
    const sample = api.sampleExact(utf8Encode("the "), 30, 1, 8, (step) => {
      steps.push(step.byte);
      if (steps.length === 3) cancellations.cancel(8);
    });
    await expect(sample).rejects.toThrow(/cancelled/);
    expect(steps).toHaveLength(3);
  });
});
