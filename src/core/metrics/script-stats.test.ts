import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { scriptStats } from "./script-stats";
import { textCounts } from "./text-counts";

describe("scriptStats", () => {
  it("sums over scripts to the totals (tokens, bytes, characters, words)", async () => {
    const tokenizers = await Promise.all(["o200k_base", "llama-2", "bytes"].map(loadTokenizer));
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const counts = textCounts(text);
        for (const tokenizer of tokenizers) {
          const encoding = tokenizer.encode(text);
          const stats = scriptStats(text, encoding);
          const sum = (key: "tokens" | "bytes" | "characters" | "words") =>
            stats.reduce((total, s) => total + s[key], 0);
          expect(sum("tokens")).toBe(encoding.ids.length);
          expect(sum("bytes")).toBe(counts.bytes);
          expect(sum("characters")).toBe(counts.characters);
          expect(sum("words")).toBe(counts.words);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("gives the bytes tokenizer one token per byte in every script", async () => {
    const text = "Hello नमस्ते 日本語";
    const stats = scriptStats(text, (await loadTokenizer("bytes")).encode(text));
    for (const s of stats) expect(s.bytesPerToken).toBe(1);
    expect(stats.map((s) => s.script).sort()).toEqual(["Devanagari", "Han", "Latin"]);
  });

  it("measures fertility and split words", async () => {
    const text = "the cat";
    const [latin] = scriptStats(text, (await loadTokenizer("bytes")).encode(text));
    expect(latin).toMatchObject({ words: 2, tokensPerWord: 3, splitWordShare: 1 }); // "the" and "cat": 3 bytes each
  });
});
