import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode } from "../text/utf8";
import { MergeEncoder } from "./merge-encoder";
import { bytesKey, type BpeModel } from "./model";
import { seededPermutation } from "./random";
import { trainBpe } from "./train-bpe";

/** Hugging Face BPE word by word, as in its Python docs: merge the lowest-ranked adjacent pair, leftmost first. */
function naiveEncode(model: BpeModel, bytes: Uint8Array, order?: ArrayLike<number>): number[] {
  const idOf = new Map(model.tokens.map((t, id) => [bytesKey(t), id]));
  const rank = new Map<string, number>();
  const ranks = order ?? model.merges.map((_, i) => i);
  for (let r = 0; r < ranks.length; r++) {
    const [a, b] = model.merges[ranks[r]!]!;
    const key = `${bytesKey(model.tokens[a]!)}|${bytesKey(model.tokens[b]!)}`;
    if (!rank.has(key)) rank.set(key, r);
  }
  let parts = [...bytes].map((b) => String.fromCharCode(b));
  for (;;) {
    let best = -1;
    let at = -1;
    for (let i = 0; i + 1 < parts.length; i++) {
      const r = rank.get(`${parts[i]}|${parts[i + 1]}`);
      if (r !== undefined && (best < 0 || r < best)) [best, at] = [r, i];
    }
    if (at < 0) break;
    parts = [...parts.slice(0, at), parts[at]! + parts[at + 1]!, ...parts.slice(at + 2)];
  }
  return parts.map((p) => idOf.get(p)!);
}

const TRAINING = [
  "the cat sat on the mat; the dog ate the hat. aaaa bbbb abab baba ",
  "ééé 🙂🙂 中文中文 the the the then there their 1234 5678\n\n",
].map((s) => s.repeat(4));

describe("MergeEncoder", () => {
  const { model } = trainBpe(TRAINING, { vocabSize: 340 });
  const input = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."the atdogé🙂中文ab\n "), maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.string({ unit: fc.constantFrom("a", "b", "th", "e "), maxLength: 300 }),
  );

  it("agrees with the textbook rank-order merge on any chunk", () => {
    const encoder = new MergeEncoder(model);
    fc.assert(
      fc.property(input, (text) => {
        const bytes = utf8Encode(text);
        const ids: number[] = [];
        encoder.encodeChunk(bytes, ids);
        expect(ids).toEqual(naiveEncode(model, bytes));
      }),
      { numRuns: 500 },
    );
  });

  it("follows a permuted rank order exactly as the textbook merge does", () => {
    const order = seededPermutation(model.merges.length, 7);
    const encoder = new MergeEncoder(model, order);
    fc.assert(
      fc.property(input, (text) => {
        const bytes = utf8Encode(text);
        const ids: number[] = [];
        encoder.encodeChunk(bytes, ids);
        expect(ids).toEqual(naiveEncode(model, bytes, order));
      }),
      { numRuns: 300 },
    );
  });

  it("emits a whole chunk that is a token when ignoreMerges is set", () => {
    const tokens = [..."abc"].map((c) => utf8Encode(c));
    tokens.push(utf8Encode("abc"));
    const plain = new MergeEncoder({ tokens, merges: [] });
    const ignoring = new MergeEncoder({ tokens, merges: [], ignoreMerges: true });
    const a: number[] = [];
    const b: number[] = [];
    plain.encodeChunk(utf8Encode("abc"), a);
    ignoring.encodeChunk(utf8Encode("abc"), b);
    expect(a).toEqual([0, 1, 2]);
    expect(b).toEqual([3]);
  });
});
