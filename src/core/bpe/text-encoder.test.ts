import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode } from "../text/utf8";
import { toWellFormed } from "../text/well-formed";
import { BpeTextEncoder } from "./text-encoder";
import { trainBpe } from "./train-bpe";

describe("BpeTextEncoder", () => {
  const { model } = trainBpe(["Hello, world! héllo wörld 你好 世界 🙂🙂 1234 5678\n\n  x".repeat(30)], {
    vocabSize: 320,
  });
  const encoder = new BpeTextEncoder(model);
  const text = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(..."Hello, wörld 你好🙂 12\n"), maxLength: 60 }),
  );

  it("decodes every encoding back to the input's UTF-8 (lone surrogates as U+FFFD)", () => {
    fc.assert(
      fc.property(text, (input) => {
        expect([...encoder.decode(encoder.encode(input))]).toEqual([...utf8Encode(toWellFormed(input))]);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives contiguous byte spans that hold each token's own bytes", () => {
    fc.assert(
      fc.property(text, (input) => {
        const bytes = utf8Encode(input);
        const { ids, starts, ends } = encoder.encodeWithSpans(input);
        let position = 0;
        ids.forEach((id, i) => {
          expect(starts[i]).toBe(position);
          expect([...bytes.subarray(starts[i], ends[i])]).toEqual([...model.tokens[id]!]);
          position = ends[i]!;
        });
        expect(position).toBe(bytes.length);
      }),
      { numRuns: 500 },
    );
  });
});
