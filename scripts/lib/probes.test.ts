import { decode, encode } from "gpt-tokenizer/encoding/cl100k_base";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/core/tokenizers/catalog";
import { countingProbe } from "../../src/core/probes/counting";
import { DEFAULT_NUMBERS, numbersInContext, numbersProbe } from "../../src/core/probes/numbers";
import { probeCommand } from "../cli/probe-command";
import { loadTokenizer } from "./load-tokenizer";
import { nodeAssetSource } from "./node-asset-source";
import { rustTokenizer } from "./rust-tokenizers";

// The probes' chunks come from our engines' spans; the references cut the same numbers with other
// implementations: gpt-tokenizer for cl100k, Hugging Face's Rust library for tokenizer.json files.

const bytesOf = (text: string) => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the numbers probe against independent tokenizers", () => {
  it("cl100k_base: every default number is cut as gpt-tokenizer cuts it", async () => {
    const probe = numbersProbe(await loadTokenizer("cl100k_base"));
    for (const { text, chunks } of probe.numbers)
      expect(chunks).toEqual(encode(text).map((id) => decode([id])));
    expect(probe.grouping).toBe("left-to-right triples");
  });

  it.each(["llama-3", "qwen-3", "gemma-3"])("%s: chunks equal the Rust library's spans", async (id) => {
    const [ours, { json }] = await Promise.all([
      loadTokenizer(id),
      nodeAssetSource.tokenizerJson(CATALOG.find((entry) => entry.id === id)!.source),
    ]);
    const rust = rustTokenizer(json);
    const probe = numbersProbe(ours);
    for (const { text, chunks } of probe.numbers) {
      const { spans } = await rust(text);
      const expected = spans.filter(([s, e]) => e > s).map(([s, e]) => textOf(bytesOf(text).subarray(s, e)));
      expect(chunks, text).toEqual(expected);
    }
  });

  it("the share of aligned numbers and the grouping follow from the chunks", async () => {
    const probe = numbersProbe(await loadTokenizer("qwen-3"), ["1", "12", "123456"]);
    expect(probe.numbers.map((n) => n.chunks)).toEqual([["1"], ["1", "2"], ["1", "2", "3", "4", "5", "6"]]);
    expect(probe.alignedShare).toBeCloseTo(1 / 3, 10);
    expect(probe.grouping).toBe("single digits");
  });

  it("cuts the numbers of a text in context, each chunk inside the number", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    const text = "Pay 1234567 by 2024-03-15.";
    const found = numbersInContext(tokenizer, text);
    expect(found.map((n) => n.text)).toEqual(["1234567", "2024-03-15"]);
    for (const n of found) expect(n.chunks.join("")).toBe(n.text);
    // In context the space before the number joins no digit in cl100k: the same chunks as alone.
    expect(found[0]!.chunks).toEqual(encode("1234567").map((id) => decode([id])));
  });

  it("the CLI prints the same chunks", async () => {
    const out = JSON.parse(
      await probeCommand(["numbers", "--tokenizer", "cl100k_base", "--numbers", "1234567,3.14"]),
    );
    expect(out.numbers).toEqual([
      { text: "1234567", chunks: encode("1234567").map((id) => decode([id])), aligned: false },
      { text: "3.14", chunks: encode("3.14").map((id) => decode([id])), aligned: true },
    ]);
    expect(out.aligned_share).toBe(0.5);
    expect(DEFAULT_NUMBERS.length).toBeGreaterThan(15);
  });
});

describe("the counting probe", () => {
  it("lists each spelling's tokens (as gpt-tokenizer cuts them) and the letters they hold", async () => {
    const probe = countingProbe(await loadTokenizer("cl100k_base"), "strawberry", "r");
    expect(probe.letterCount).toBe(3);
    for (const spelling of probe.spellings) {
      const reference = encode(spelling.text).map((id) => decode([id]));
      expect(spelling.tokens.map((t) => t.text)).toEqual(reference);
      expect(spelling.tokens.reduce((sum, t) => sum + t.letters, 0)).toBe(3);
      expect(spelling.tokensWithLetter).toBe(reference.filter((t) => t.includes("r")).length);
    }
    const out = JSON.parse(
      await probeCommand(["count", "--tokenizer", "cl100k_base", "--letter", "r", "strawberry"]),
    );
    expect(out.spellings[0].tokens).toEqual(encode("strawberry").map((id) => decode([id])));
  });
});
