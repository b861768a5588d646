import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { laneStats } from "./lane-stats";
import { textCounts } from "./text-counts";

describe("textCounts", () => {
  it("counts bytes, code points, graphemes, words and lines", () => {
    expect(textCounts("👨‍👩‍👧 héllo wörld\n日本語")).toEqual({
      bytes: new TextEncoder().encode("👨‍👩‍👧 héllo wörld\n日本語").length,
      codePoints: [..."👨‍👩‍👧 héllo wörld\n日本語"].length,
      characters: 1 + 1 + 5 + 1 + 5 + 1 + 3,
      words: 3, // héllo, wörld and 日本語 (one dictionary word); the emoji is not word-like
      lines: 2,
    });
  });
});

describe("laneStats", () => {
  it("counts partial-character tokens and keeps round trips exact for byte-level BPE", async () => {
    const text = "日本語 ok";
    const encoding = (await loadTokenizer("bytes")).encode(text);
    const stats = laneStats(encoding, textCounts(text));
    expect(stats.tokens).toBe(12);
    expect(stats.partialCharacterTokens).toBe(9);
    expect(stats.bytesPerToken).toBe(1);
    expect(stats.roundTripExact).toBe(true);
  });

  it("reports a normalizing tokenizer's round trip as inexact", async () => {
    const text = "ﬁne";
    const stats = laneStats((await loadTokenizer("claude-legacy")).encode(text), textCounts(text));
    expect(stats.normalizedTokens).toBeGreaterThan(0);
    expect(stats.roundTripExact).toBe(false);
  });
});
