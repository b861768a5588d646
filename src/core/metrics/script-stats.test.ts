import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { profileScriptStats, scriptProfile, scriptStats } from "./script-stats";
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

describe("scriptProfile", () => {
  it("resolves mixed text: Latin, Devanagari, emoji, digits and combining marks", () => {
    // "Café" with a combining acute, digits between Devanagari words, an emoji after Latin.
    const text = "Cafe\u0301 नमस्ते 123 दुनिया 👍🏽 ok";
    const profile = scriptProfile(text);
    const runs = Array.from(profile.runScripts, (s, i) => [
      profile.scripts[s],
      text.slice(profile.runUtf16Starts[i], profile.runUtf16Ends[i]),
    ]);
    // Common characters (spaces, digits, emoji) and the Inherited combining mark take a neighbour's script.
    expect(runs.map(([script]) => script)).toEqual(["Latin", "Devanagari", "Latin"]);
    expect(runs.map(([, slice]) => slice).join("")).toBe(text);
    expect(runs[0]![1]).toMatch(/^Cafe\u0301/);
    expect(runs[1]![1]).toContain("123");
    const utf8 = new TextEncoder();
    const bytes = Object.fromEntries(profile.scripts.map((s, i) => [s, profile.bytes[i]]));
    expect(bytes.Latin! + bytes.Devanagari!).toBe(utf8.encode(text).length);
  });

  it("attributes each token to the script holding most of its bytes (per-byte brute force)", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const encoding = tokenizer.encode(text);
        const profile = scriptProfile(text);
        const perByte: string[] = [];
        for (let i = 0; i < profile.runScripts.length; i++)
          for (let b = profile.runByteStarts[i]!; b < profile.runByteEnds[i]!; b++)
            perByte.push(profile.scripts[profile.runScripts[i]!]!);
        const expected = new Map<string, number>();
        for (let t = 0; t < encoding.ids.length; t++) {
          const counts = new Map<string, number>();
          for (let b = encoding.starts[t]!; b < encoding.ends[t]!; b++)
            counts.set(perByte[b]!, (counts.get(perByte[b]!) ?? 0) + 1);
          let best = perByte[encoding.starts[t]!] ?? perByte[perByte.length - 1]!;
          let most = 0;
          for (const [script, c] of counts) if (c > most) [best, most] = [script, c];
          expected.set(best, (expected.get(best) ?? 0) + 1);
        }
        const actual = new Map(
          profileScriptStats(profile, encoding)
            .filter((s) => s.tokens > 0)
            .map((s) => [s.script, s.tokens]),
        );
        expect(actual).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });
});
