import { describe, expect, it } from "vitest";
import { trainBpe } from "../../bpe/train-bpe";
import { utf8DecodeStrict, utf8Encode } from "../../text/utf8";
import { bpeLemmaTokenizer } from "./bpe-lemma-tokenizer";
import { hashedTokenLm } from "./hashed-token-lm";
import { decodeTokens, idsEqual, type LemmaTokenizer } from "./lemma-tokenizer";
import { logSumExp } from "./log-space";
import { BYTE_EOS, exactNextByte } from "./next-byte";
import { encodedLogProb, telescopedLogProb } from "./telescoping";
import { TokenContextModel, type TokenLanguageModel } from "./token-lm";

const { model: bpe } = trainBpe(
  [
    "the cat sat on the mat; the theme of the thesis is there. ",
    "héllo wörld, ça va? 你好世界，你好 🙂🙂 1234 5678\n\n  x\ty ",
  ].map((s) => s.repeat(6)),
  { vocabSize: 340 },
);
const tokenizer = bpeLemmaTokenizer(bpe);
const TEXTS = ["the cat", "thesis.", "héllo wörld", "你好 🙂", "  x\n\ny", "ça 12345"];

/**
 * Brute-force canonicality: re-encode the whole decoded text (no stable-boundary shortcut); end-of-sequence
 * (id = vocabSize) is allowed unless the text so far ends inside a UTF-8 character.
 */
function canonicalNext(t: LemmaTokenizer, context: number[], id: number): boolean {
  if (id === t.vocabSize) return utf8DecodeStrict(decodeTokens(t, context)) !== null;
  const ids = [...context, id];
  const bytes = decodeTokens(t, ids);
  return t.tokenBytes(id).length > 0 && t.admitsPrefix(bytes) && idsEqual(t.encode(bytes), ids);
}

/** log P(ids, EOS) with every row masked to canonical continuations and renormalized, by brute force. */
async function canonicalSequenceLogProb(lm: TokenLanguageModel, ids: Uint32Array): Promise<number> {
  let total = 0;
  for (let j = 0; j <= ids.length; j++) {
    const context = [...ids.subarray(0, j)];
    const [row] = await lm.logProbs([ids.subarray(0, j)]);
    const kept = Array.from(row!, (v, id) => (canonicalNext(tokenizer, context, id) ? v : -Infinity));
    total += (j < ids.length ? kept[ids[j]!]! : kept[lm.vocabSize]!) - logSumExp(kept);
  }
  return total;
}

/** A token LM that itself puts no mass on non-canonical continuations (a leak-free `inner`). */
function leakFree(inner: TokenLanguageModel): TokenLanguageModel {
  return {
    name: "leak-free",
    vocabSize: inner.vocabSize,
    async logProbs(prefixes) {
      const rows = await inner.logProbs(prefixes);
      return rows.map((row, i) => {
        const context = [...prefixes[i]!];
        const kept = Float64Array.from(row, (v, id) =>
          canonicalNext(tokenizer, context, id) ? v : -Infinity,
        );
        const total = logSumExp(kept);
        return kept.map((v) => v - total);
      });
    },
  };
}

async function telescope(model: TokenContextModel, bytes: Uint8Array): Promise<number> {
  let total = 0;
  for (let i = 0; i < bytes.length; i++)
    total += (await exactNextByte(model, bytes.subarray(0, i))).logProbs[bytes[i]!]!;
  return total + (await exactNextByte(model, bytes)).logProbs[BYTE_EOS]!;
}

describe("telescoping: Π P(x_{i+1} | x_1^i) · P(end | x) = P(encode(x), EOS)", () => {
  it("holds for a leaky toy LM under local normalization (the canonicalized LM's probability)", async () => {
    const lm = hashedTokenLm(tokenizer.vocabSize, { spread: 4 });
    const model = new TokenContextModel(lm, tokenizer, "local");
    for (const text of TEXTS) {
      const bytes = utf8Encode(text);
      expect(await telescope(model, bytes)).toBeCloseTo(
        await canonicalSequenceLogProb(lm, tokenizer.encode(bytes)),
        8,
      );
    }
  });

  it("holds with raw probabilities for an LM that never leaks", async () => {
    const lm = leakFree(hashedTokenLm(tokenizer.vocabSize, { spread: 4, seed: 9 }));
    const model = new TokenContextModel(lm, tokenizer, "raw");
    for (const text of TEXTS.slice(0, 3)) {
      const bytes = utf8Encode(text);
      const ids = tokenizer.encode(bytes);
      const rows = await lm.logProbs(Array.from({ length: ids.length + 1 }, (_, j) => ids.subarray(0, j)));
      const reference = rows.reduce((sum, row, j) => sum + row[j < ids.length ? ids[j]! : lm.vocabSize]!, 0);
      expect(await telescope(model, bytes)).toBeCloseTo(reference, 8);
    }
  });
});

describe("telescopedLogProb / encodedLogProb (the check to re-run on the real token LM)", () => {
  it("agree with each other and with the from-scratch product", async () => {
    const model = new TokenContextModel(hashedTokenLm(tokenizer.vocabSize, { spread: 4 }), tokenizer);
    for (const text of TEXTS) {
      const bytes = utf8Encode(text);
      const direct = await encodedLogProb(model, bytes);
      expect(await telescopedLogProb(model, bytes)).toBeCloseTo(direct, 8);
      expect(await telescope(model, bytes)).toBeCloseTo(direct, 8);
    }
  });
});
