import { describe, expect, it } from "vitest";
import { seededRandom } from "../../bpe/random";
import { trainBpe } from "../../bpe/train-bpe";
import { utf8Encode } from "../../text/utf8";
import { bpeLemmaTokenizer } from "./bpe-lemma-tokenizer";
import {
  advanceExactSampler,
  drawFromLogProbs,
  sampleExactBytes,
  startExactSampler,
  type ExactSamplerState,
} from "./byte-sampler";
import { contextKey } from "./token-lm";
import { hashedTokenLm } from "./hashed-token-lm";
import { markovOracle } from "./markov-oracle";
import { bpeFixture, mpeFixture, pretokenizedBpeFixture, workedExampleModel } from "./test-fixtures";
import { TokenContextModel, type NextTokenNormalization } from "./token-lm";

/** Covers as id key → posterior log-probability (P(cover) / P(x)), which does not depend on the anchor. */
function posterior(state: ExactSamplerState): Map<string, number> {
  const { covers, logPrefix } = state;
  return new Map(
    [covers.boundary, ...covers.straddling]
      .filter((c) => c.logProb > -Infinity)
      .map((c) => [contextKey(c.ids), c.logProb - logPrefix]),
  );
}

function expectSameState(incremental: ExactSamplerState, scratch: ExactSamplerState): void {
  expect([...incremental.covers.bytes]).toEqual([...scratch.covers.bytes]);
  expect([...incremental.covers.boundary.ids]).toEqual([...scratch.covers.boundary.ids]);
  const a = posterior(incremental);
  const b = posterior(scratch);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [key, value] of a) expect(value).toBeCloseTo(b.get(key)!, 9);
  for (let i = 0; i < 257; i++)
    expect(Math.exp(incremental.logProbs[i]!)).toBeCloseTo(Math.exp(scratch.logProbs[i]!), 10);
}

async function checkAgainstScratch(
  model: TokenContextModel,
  prompt: Uint8Array,
  seed: number,
  steps: number,
) {
  const random = seededRandom(seed);
  let state = await startExactSampler(model, prompt);
  for (let step = 0; step < steps; step++) {
    const byte = drawFromLogProbs(state.logProbs, random);
    if (byte === 256) break;
    state = await advanceExactSampler(model, state, byte);
    expectSameState(state, await startExactSampler(model, state.covers.bytes));
  }
}

describe("incremental exact sampling", () => {
  it("steps from BA by A to the single cover [B, AA] (ALGORITHMS §1.6)", async () => {
    const words = ["A", "B", "AA"];
    const { model } = workedExampleModel(words);
    const state = await advanceExactSampler(model, await startExactSampler(model, utf8Encode("BA")), 65);
    expect(state.covers.straddling).toEqual([]);
    expect([...state.covers.boundary.ids].map((id) => words[id])).toEqual(["B", "AA"]);
  });

  it.each([
    ["MPE", mpeFixture(21)],
    ["BPE", bpeFixture(22)],
    ["pre-tokenized BPE", pretokenizedBpeFixture(23)],
  ])("equals a from-scratch recomputation after every byte (%s, oracle LM)", async (_, fixture) => {
    const oracle = markovOracle(fixture.source, fixture.encode, fixture.tokenizer.vocabSize);
    const model = new TokenContextModel(oracle.tokenModel, fixture.tokenizer);
    for (let seed = 0; seed < 12; seed++) await checkAgainstScratch(model, new Uint8Array(0), seed, 10);
  });

  const { model: bpe } = trainBpe(
    ["the theme of the thesis: then, there, these; héllo wörld, 你好世界 🙂🙂 1234\n\n  x".repeat(5)],
    { vocabSize: 320 },
  );
  it.each<NextTokenNormalization>(["local", "raw"])(
    "equals a from-scratch recomputation after every byte (trained BPE, hashed LM, %s)",
    async (mode) => {
      const tokenizer = bpeLemmaTokenizer(bpe);
      const model = new TokenContextModel(hashedTokenLm(tokenizer.vocabSize, { spread: 3 }), tokenizer, mode);
      for (const [seed, prompt] of ["the th", "héllo w", "你", "x  ", "1234"].entries())
        await checkAgainstScratch(model, utf8Encode(prompt).subarray(0, -1), seed, 12);
    },
  );

  it("samples reproducibly from a seed", async () => {
    const tokenizer = bpeLemmaTokenizer(bpe);
    const model = new TokenContextModel(hashedTokenLm(tokenizer.vocabSize), tokenizer);
    const first = await sampleExactBytes(model, utf8Encode("the "), { maxBytes: 20, seed: 5 });
    const again = await sampleExactBytes(model, utf8Encode("the "), { maxBytes: 20, seed: 5 });
    expect([...again.bytes]).toEqual([...first.bytes]);
    expect(first.bytes.length).toBeGreaterThan(4);
  });
});
