import { describe, expect, it } from "vitest";
import { get_encoding } from "tiktoken";
import { readBrown } from "../../../../scripts/lib/brown-text";
import { HARD_STRINGS } from "../../../../scripts/lib/hard-strings";
import { TIKTOKEN_PATTERNS } from "../../tokenizers/tiktoken/patterns";
import { BpeTextEncoder } from "../text-encoder";
import { modelFromRanks } from "./rank-merges";

describe("merges derived from a tiktoken rank table", () => {
  it("encode exactly as OpenAI's tiktoken does (cl100k, every rank)", async () => {
    const ranks = (await import("gpt-tokenizer/bpeRanks/cl100k_base")).default;
    const { model, unbuilt } = modelFromRanks(ranks, TIKTOKEN_PATTERNS.cl100k);
    expect(unbuilt).toEqual([]);
    expect(model.merges.length).toBe(ranks.length - 256);
    const encoder = new BpeTextEncoder(model);
    const reference = get_encoding("cl100k_base");
    try {
      for (const text of [readBrown(60_000), ...HARD_STRINGS])
        expect(encoder.encode(text)).toEqual(Array.from(reference.encode_ordinary(text)));
    } finally {
      reference.free();
    }
  });

  it("stops after the merges asked for, in rank order", async () => {
    const ranks = (await import("gpt-tokenizer/bpeRanks/cl100k_base")).default;
    const { model } = modelFromRanks(ranks, TIKTOKEN_PATTERNS.cl100k, 50);
    expect(model.merges).toHaveLength(50);
    // Merge t builds token 256 + t: the concatenation of its two parts is that rank's bytes.
    model.merges.forEach(([left, right], t) =>
      expect([...model.tokens[left]!, ...model.tokens[right]!]).toEqual([...model.tokens[256 + t]!]),
    );
  });
});
