import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { TokenFlag } from "../tokenizers/types";
import { countFlags, findSpecialLookalikes, laneViewData } from "./lane-view-data";

describe("laneViewData", () => {
  it("counts flags like a per-token filter does", async () => {
    const tokenizer = await loadTokenizer("llama-2");
    const text = "𝔘𝔫𝔦 héllo <s> ▁";
    const encoding = tokenizer.encode(text, { parseSpecials: true });
    const flags = Array.from(encoding.flags);
    expect(countFlags(encoding.flags)).toEqual({
      partialCharacter: flags.filter((f) => f & (TokenFlag.PartialStart | TokenFlag.PartialEnd)).length,
      byteFallback: flags.filter((f) => f & TokenFlag.ByteFallback).length,
      special: flags.filter((f) => f & TokenFlag.Special).length,
      normalized: flags.filter((f) => f & TokenFlag.Normalized).length,
    });
    const view = laneViewData(text, encoding, tokenizer.info.specialTokens);
    expect(view.blocks.at(-1)).toBe(encoding.ids.length);
    expect(view.specialLookalikes).toEqual(["<s>"]);
  });

  it("finds special-token look-alikes, longest first, without regex surprises", () => {
    expect(findSpecialLookalikes("a <|endoftext|> b <|end|>", ["<|end|>", "<|endoftext|>", "x"])).toEqual([
      "<|endoftext|>",
      "<|end|>",
    ]);
    expect(findSpecialLookalikes("a.b", ["(", "a.b"])).toEqual(["a.b"]);
    expect(findSpecialLookalikes("", ["<s>"])).toEqual([]);
  });
});
