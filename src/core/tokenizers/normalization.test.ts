import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { TokenFlag, tokenBytesAt } from "./types";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("normalizing tokenizers keep exact spans and say what changed", () => {
  it("Llama 2's ▁ prefix: the first token covers the word, flagged Normalized", async () => {
    const encoding = (await loadTokenizer("llama-2")).encode("Hello world");
    expect(decode(tokenBytesAt(encoding, 0))).toBe(" Hello");
    expect([encoding.starts[0], encoding.ends[0]]).toEqual([0, 5]);
    expect(encoding.flags[0]! & TokenFlag.Normalized).toBeTruthy();
    expect(encoding.flags[1]! & TokenFlag.Normalized).toBeFalsy();
  });

  it("Llama 2's byte fallback: each byte of a rare character is one flagged token", async () => {
    const encoding = (await loadTokenizer("llama-2")).encode("𝔘");
    const fallback = Array.from(encoding.flags).filter((flag) => flag & TokenFlag.ByteFallback);
    expect(fallback).toHaveLength(4);
    expect(Array.from(encoding.ends).slice(-4)).toEqual([1, 2, 3, 4]);
  });

  it("Claude's NFKC: the ligature ﬁ is covered whole by the tokens that spell fi", async () => {
    const encoding = (await loadTokenizer("claude-legacy")).encode("ﬁsh");
    const covering = Array.from(encoding.ids.keys()).filter((i) => encoding.starts[i]! < 3);
    expect(covering.some((i) => encoding.flags[i]! & TokenFlag.Normalized)).toBe(true);
    expect(encoding.ends[encoding.ids.length - 1]).toBe(5); // ﬁ is 3 bytes, then "sh"
  });

  it("Qwen 3's NFC: a decomposed é maps back onto both code points", async () => {
    const encoding = (await loadTokenizer("qwen-3")).encode("cafe\u0301!");
    const last = encoding.ids.length - 1;
    expect([encoding.starts[last], encoding.ends[last]]).toEqual([6, 7]);
    expect(Array.from(encoding.flags).some((flag) => flag & TokenFlag.Normalized)).toBe(true);
  });
});
