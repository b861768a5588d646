import { describe, expect, it } from "vitest";
import { bytesKey } from "../../bpe/model";
import { seededRandom } from "../../bpe/random";
import { decodeTokens, isCanonical } from "./lemma-tokenizer";
import { markovOracle } from "./markov-oracle";
import { exactNextByte } from "./next-byte";
import { bpeFixture, mpeFixture, pretokenizedBpeFixture, type OracleFixture } from "./test-fixtures";
import { TokenContextModel } from "./token-lm";

const FIXTURES: OracleFixture[] = [
  mpeFixture(1),
  mpeFixture(2),
  mpeFixture(3),
  bpeFixture(4),
  bpeFixture(5),
  bpeFixture(6),
  pretokenizedBpeFixture(7),
];

/** Distinct byte prefixes of the source's texts, a seeded sample of them. */
function samplePrompts(texts: { bytes: Uint8Array }[], count: number, seed: number): Uint8Array[] {
  const prefixes = new Map<string, Uint8Array>();
  for (const { bytes } of texts)
    for (let k = 0; k <= bytes.length; k++) prefixes.set(bytesKey(bytes, 0, k), bytes.subarray(0, k));
  const all = [...prefixes.values()];
  const random = seededRandom(seed);
  return Array.from({ length: Math.min(count, all.length) }, () => all[Math.floor(random() * all.length)]!);
}

describe.each(FIXTURES)("the exact method against the Markov-chain oracle: $name", (fixture) => {
  const { tokenizer } = fixture;
  const oracle = markovOracle(fixture.source, fixture.encode, tokenizer.vocabSize);
  const prompts = samplePrompts(oracle.texts, 120, 11);

  it.each(["local", "raw"] as const)(
    "gives P(b | x) = P(xb) / P(x) for sampled prompts (%s)",
    async (mode) => {
      const model = new TokenContextModel(oracle.tokenModel, tokenizer, mode);
      for (const prompt of prompts) {
        const exact = await exactNextByte(model, prompt);
        const truth = oracle.nextByte(prompt);
        for (let b = 0; b < 257; b++) expect(Math.exp(exact.logProbs[b]!)).toBeCloseTo(truth[b]!, 10);
      }
    },
  );

  it("sums covers to P(x) (BTR), each cover to its token-prefix probability, and conserves mass", async () => {
    const model = new TokenContextModel(oracle.tokenModel, tokenizer);
    for (const prompt of prompts) {
      const exact = await exactNextByte(model, prompt, { absolute: true });
      const { covers } = exact;
      expect(Math.exp(exact.logPrefix + covers.logBase)).toBeCloseTo(oracle.prefixProb(prompt), 12);
      expect(exact.logMass).toBeCloseTo(exact.logPrefix, 9);
      expect([...covers.boundary.ids]).toEqual([...tokenizer.encode(prompt)]);
      for (const cover of [covers.boundary, ...covers.straddling]) {
        expect(isCanonical(tokenizer, cover.ids)).toBe(true);
        expect(Math.exp(cover.logProb + covers.logBase)).toBeCloseTo(oracle.tokenPrefixProb(cover.ids), 12);
      }
    }
  });

  it("marks a token sequence valid exactly when its probability is positive", () => {
    const ids = Array.from({ length: tokenizer.vocabSize }, (_, id) => id).filter((id) =>
      oracle.texts.some(({ bytes }) => tokenizer.encode(bytes).includes(id)),
    );
    const sequences: number[][] = [[]];
    for (let length = 1; length <= 3; length++)
      for (const head of sequences.filter((s) => s.length === length - 1))
        for (const id of ids) sequences.push([...head, id]);
    let checked = 0;
    for (const sequence of sequences) {
      const bytes = decodeTokens(tokenizer, sequence);
      const positive = oracle.tokenPrefixProb(sequence) > 0;
      if (positive) expect(isCanonical(tokenizer, sequence)).toBe(true);
      // A canonical sequence whose bytes are themselves a possible text has that text's probability at least.
      if (oracle.textProb(bytes) > 0) {
        expect(positive).toBe(isCanonical(tokenizer, sequence));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
