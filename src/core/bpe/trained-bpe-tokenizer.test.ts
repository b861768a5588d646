import { describe, expect, it } from "vitest";
import { utf8Decode, utf8Encode } from "../text/utf8";
import { TokenFlag, tokenBytesAt, type Encoding } from "../tokenizers/types";
import type { InferenceMethod } from "./merge-free";
import { trainBpe } from "./train-bpe";
import { TrainedBpeTokenizer } from "./trained-bpe-tokenizer";

const HARD = [
  "",
  "👨‍👩‍👧 🇫🇷 e\u0301 中文 ไทย عربى नमस्ते",
  "a\r\nb\tc  \u00a0\ufeff\u0085 d",
  "lone \uD800 surrogate \uDFFF",
  "<|endoftext|> looks special",
  "The quick brown fox's jumps: 1234567!!",
];

/** The Encoding contract of types.ts, checked directly. */
function check(text: string, encoding: Encoding): void {
  const bytes = utf8Encode(text);
  expect(encoding.inputByteLength).toBe(bytes.length);
  let position = 0;
  for (let i = 0; i < encoding.ids.length; i++) {
    expect(encoding.starts[i]).toBe(position);
    expect(encoding.ends[i]).toBeGreaterThan(position);
    expect([...tokenBytesAt(encoding, i)]).toEqual([...bytes.subarray(position, encoding.ends[i])]);
    expect(encoding.utf16Starts[i]).toBeLessThanOrEqual(encoding.utf16Ends[i]!);
    position = encoding.ends[i]!;
  }
  expect(position).toBe(bytes.length);
}

describe("TrainedBpeTokenizer", () => {
  const { model } = trainBpe(
    [HARD.join("\n").repeat(3) + " the cat sat on the mat with the hat ".repeat(20)],
    { vocabSize: 400 },
  );
  const methods: InferenceMethod[] = [
    { kind: "merges" },
    { kind: "greedy" },
    { kind: "least-tokens" },
    { kind: "permuted-merges", seed: 1 },
    { kind: "deleted-merges", seed: 1, share: 0.3 },
  ];

  it.each(methods)("covers the input with exact spans ($kind)", (method) => {
    const tokenizer = new TrainedBpeTokenizer({ info: { id: "trained", name: "Trained" }, model, method });
    for (const text of HARD) check(text, tokenizer.encode(text));
  });

  it("describes itself as a lane", () => {
    const tokenizer = new TrainedBpeTokenizer({
      info: { id: "t", name: "T" },
      model,
      method: { kind: "least-tokens" },
    });
    expect(model.tokens.length).toBeGreaterThan(300);
    expect(tokenizer.info.vocabSize).toBe(model.tokens.length);
    expect(tokenizer.info.family).toBe("custom");
    expect(tokenizer.info.algorithm).toMatch(/least tokens/);
    const last = model.tokens.length - 1;
    expect(tokenizer.tokenText(last)).toBe(utf8Decode(model.tokens[last]!));
  });

  it("parses special tokens only when asked", () => {
    const withSpecial = { ...model, specialTokens: [{ id: model.tokens.length, content: "<|endoftext|>" }] };
    const tokenizer = new TrainedBpeTokenizer({ info: { id: "t", name: "T" }, model: withSpecial });
    const text = "a<|endoftext|>b";
    const parsed = tokenizer.encode(text, { parseSpecials: true });
    check(text, parsed);
    expect([...parsed.ids]).toContain(model.tokens.length);
    expect(parsed.flags[[...parsed.ids].indexOf(model.tokens.length)]! & TokenFlag.Special).toBeTruthy();
    expect([...tokenizer.encode(text).ids]).not.toContain(model.tokens.length);
  });
});
