import { describe, expect, it } from "vitest";
import { tiktokenSplitRegex } from "../tokenizers/tiktoken/patterns";
import {
  compilePattern,
  countChunks,
  DEFAULT_BPE_PATTERN,
  foldInlineCaseInsensitive,
  splitIsolated,
} from "./pretokenize";

const SAMPLES = [
  "Hello world's THE'LL 'ſ 'K 1234567 \u00a0 \ufeff\u0085x\r\n\r\n  \t end!!!\n",
  "中文 ไทย عربى 👨‍👩‍👧 e\u0301 <|endoftext|>",
];

describe("pre-tokenization", () => {
  it("splits as the project's tiktoken-exact cl100k regex does, losing nothing", () => {
    const ours = compilePattern(DEFAULT_BPE_PATTERN);
    for (const text of SAMPLES) {
      const chunks = splitIsolated(text, ours);
      expect(chunks).toEqual([...text.matchAll(tiktokenSplitRegex("cl100k"))].map((m) => m[0]));
      expect(chunks.join("")).toBe(text);
    }
  });

  it("keeps the text between matches as chunks (Hugging Face's Isolated behaviour)", () => {
    expect(splitIsolated("ab12cd3", compilePattern(String.raw`\p{N}+`))).toEqual(["ab", "12", "cd", "3"]);
    expect(splitIsolated("", compilePattern("a"))).toEqual([]);
  });

  it("folds (?i:…) as Rust does, so Llama 3's contraction group matches like tiktoken's", () => {
    const llama = String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`;
    const regex = compilePattern(llama);
    for (const text of SAMPLES)
      expect(splitIsolated(text, regex)).toEqual(
        [...text.matchAll(tiktokenSplitRegex("cl100k"))].map((m) => m[0]),
      );
    expect(foldInlineCaseInsensitive("(?i:ok)x")).toBe("(?:[oO][kK\u212A])x");
  });

  it("counts distinct chunks, with lone surrogates as U+FFFD", () => {
    const counts = countChunks(["the cat the", " the\uD800"]);
    expect(counts.get(" the")).toBe(2);
    expect(counts.get("\uFFFD")).toBe(1);
  });
});
