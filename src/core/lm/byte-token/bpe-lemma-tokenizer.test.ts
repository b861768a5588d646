import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HARD_STRINGS } from "../../../../scripts/lib/hard-strings";
import { BpeTextEncoder } from "../../bpe/text-encoder";
import { trainBpe } from "../../bpe/train-bpe";
import { utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { bpeLemmaTokenizer } from "./bpe-lemma-tokenizer";
import { decodeTokens, idsEqual, isCanonical, tokenIndexAt } from "./lemma-tokenizer";

const CORPUS = [
  ...HARD_STRINGS,
  "the theme of the thesis: then, there, these; 1234 5678",
  "héllo wörld 你好世界 🙂🙂",
];
const { model } = trainBpe(
  CORPUS.map((s) => s.repeat(4)),
  { vocabSize: 700 },
);
const tokenizer = bpeLemmaTokenizer(model);
const slow = bpeLemmaTokenizer(model, { fastMasks: false });
const text = fc.oneof(
  fc.constantFrom(...HARD_STRINGS, "  2", "a  \n\n b", "x \t\n  y", "don't  1234\r\n"),
  fc.string({ unit: "grapheme", maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(..."the hé你🙂 12\n\t'.,"), maxLength: 30 }),
);

/** Every byte prefix of a text, including those that end inside a character. */
function prefixes(bytes: Uint8Array): Uint8Array[] {
  return Array.from({ length: bytes.length + 1 }, (_, k) => bytes.subarray(0, k));
}

describe("bpeLemmaTokenizer", () => {
  it("encodes well-formed text exactly as BpeTextEncoder does", () => {
    const reference = new BpeTextEncoder(model);
    fc.assert(
      fc.property(text, (input) => {
        const wellFormed = toWellFormed(input);
        expect([...tokenizer.encode(utf8Encode(wellFormed))]).toEqual(reference.encode(wellFormed));
      }),
      { numRuns: 400 },
    );
  });

  it("round-trips every byte prefix and finds its encodings canonical", () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const prefix of prefixes(utf8Encode(input))) {
          const ids = tokenizer.encode(prefix);
          expect([...decodeTokens(tokenizer, ids)]).toEqual([...prefix]);
          expect(isCanonical(tokenizer, ids)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rejects bytes that no UTF-8 text starts with", () => {
    expect(tokenizer.admitsPrefix(Uint8Array.of(0x61, 0xe4, 0xbd))).toBe(true);
    expect(tokenizer.admitsPrefix(Uint8Array.of(0x61, 0xbd))).toBe(false);
    expect(tokenizer.admitsPrefix(Uint8Array.of(0xed, 0xa0))).toBe(false);
    expect(() => tokenizer.encode(Uint8Array.of(0xff))).toThrow(RangeError);
  });

  it("keeps the tokens before a prefix's stable boundary in the encoding of every continuation", () => {
    fc.assert(
      fc.property(text, text, (head, rest) => {
        const whole = utf8Encode(toWellFormed(head + rest));
        const ids = tokenizer.encode(whole);
        for (const prefix of prefixes(whole)) {
          const b = tokenizer.stableBoundary(prefix);
          const fixed = tokenizer.encode(prefix.subarray(0, b));
          expect(tokenIndexAt(tokenizer, ids, b)).toBe(fixed.length);
          expect(idsEqual(ids.subarray(0, fixed.length), fixed)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("builds the same validity masks by chunk and pair checks as by re-encoding everything", () => {
    fc.assert(
      fc.property(text, fc.nat(), (input, at) => {
        const bytes = utf8Encode(toWellFormed(input));
        const context = bytes.subarray(0, at % (bytes.length + 1));
        const ids = tokenizer.encode(context);
        const b = tokenizer.stableBoundary(context);
        const k = tokenIndexAt(tokenizer, ids, b);
        const fast = tokenizer.nextTokenMask!(context.subarray(b), ids.subarray(k));
        for (let id = 0; id < tokenizer.vocabSize; id++) {
          const truth = isCanonical(slow, [...ids, id]);
          if ((fast[id] === 1) !== truth) expect({ context: [...context], id, fast: fast[id] }).toBe(truth);
        }
      }),
      { numRuns: 150 },
    );
  });
});
