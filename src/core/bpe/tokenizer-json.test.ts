import { describe, expect, it } from "vitest";
import { TIKTOKEN_PATTERNS } from "../tokenizers/tiktoken/patterns";
import { byteLevelAlphabet, fromByteLevel, toByteLevel } from "./byte-chars";
import { fromTokenizerJson, toTokenizerJson } from "./tokenizer-json";
import { trainBpe } from "./train-bpe";

describe("tokenizer.json export and import", () => {
  const { model } = trainBpe(["the cat sat on the mat; the hat. ".repeat(20) + "été 🙂 中文 "], {
    vocabSize: 300,
  });

  it("spells bytes with GPT-2's alphabet, the inverse of the project's byte-level decoder", () => {
    const alphabet = byteLevelAlphabet();
    expect(new Set(alphabet).size).toBe(256);
    expect(alphabet[0x20]).toBe("Ġ");
    expect(alphabet[0x0a]).toBe("Ċ");
    for (let byte = 0; byte < 256; byte++)
      expect([...fromByteLevel(toByteLevel(Uint8Array.of(byte)))!]).toEqual([byte]);
  });

  it("round-trips a model through the JSON text", () => {
    const json = JSON.parse(JSON.stringify(toTokenizerJson(model))) as unknown;
    const back = fromTokenizerJson(json);
    expect(back.tokens).toEqual(model.tokens);
    expect(back.merges).toEqual(model.merges);
    expect(back.pattern).toBe(model.pattern);
    expect(back.ignoreMerges).toBe(false);
  });

  it("writes GPT-4o's pipeline shape: Split(regex) + ByteLevel without regex, ByteLevel decoder", () => {
    const json = toTokenizerJson(model);
    const pre = json.pre_tokenizer;
    if (pre.type !== "Sequence") throw new Error("expected a Sequence pre-tokenizer");
    expect(pre.pretokenizers.map((p) => p.type)).toEqual(["Split", "ByteLevel"]);
    expect(pre.pretokenizers[1]).toMatchObject({ use_regex: false, add_prefix_space: false });
    expect(json.decoder).toMatchObject({ type: "ByteLevel" });
    expect(Object.keys(json.model.vocab)).toHaveLength(model.tokens.length);
    expect(json.model.merges[0]).toMatch(/^\S+ \S+$/);
  });

  it("reads GPT-2's shape (ByteLevel with its own regex) and refuses what it cannot encode", () => {
    const gpt2 = {
      model: { type: "BPE", vocab: { a: 0, b: 1, ab: 2 }, merges: ["a b"] },
      normalizer: null,
      pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, use_regex: true },
    };
    const model = fromTokenizerJson(gpt2);
    expect(model.pattern).toBe(TIKTOKEN_PATTERNS.r50k);
    expect(model.merges).toEqual([[0, 1]]);
    expect(() => fromTokenizerJson({ ...gpt2, normalizer: { type: "NFC" } })).toThrow(/normalizer/);
    expect(() => fromTokenizerJson({ ...gpt2, pre_tokenizer: { type: "Metaspace" } })).toThrow(/ByteLevel/);
    expect(() => fromTokenizerJson({ ...gpt2, model: { ...gpt2.model, merges: ["a c"] } })).toThrow(
      /unknown/,
    );
  });
});
