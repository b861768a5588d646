import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { HARD_STRINGS } from "../../../scripts/lib/hard-strings";
import { blockOfToken, tokenAtByte, tokenBlocks } from "./blocks";

describe("tokenBlocks", () => {
  it("cuts after line ends and caps block size, never inside a shared character", async () => {
    const bytes = await loadTokenizer("bytes");
    const text = "ab\ncd\n" + "é".repeat(10);
    const encoding = bytes.encode(text);
    const blocks = Array.from(tokenBlocks(text, encoding, 5));
    expect(blocks[0]).toBe(0);
    expect(blocks).toContain(3); // after "ab\n"
    expect(blocks).toContain(6); // after "cd\n"
    expect(blocks.at(-1)).toBe(encoding.ids.length);
    for (const start of blocks.filter((s) => s > 6)) expect((start - 6) % 2).toBe(0); // é is 2 bytes: cut only between characters
  });

  it("covers every token exactly once", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    for (const text of HARD_STRINGS) {
      const encoding = tokenizer.encode(text);
      const blocks = tokenBlocks(text, encoding, 3);
      for (let k = 1; k < blocks.length; k++) expect(blocks[k]!).toBeGreaterThan(blocks[k - 1]!);
      for (let i = 0; i < encoding.ids.length; i++) {
        const b = blockOfToken(blocks, i);
        expect(blocks[b]! <= i && i < blocks[b + 1]!).toBe(true);
      }
    }
  });
});

describe("tokenAtByte", () => {
  it("finds the token covering a byte", async () => {
    const encoding = (await loadTokenizer("o200k_base")).encode("hello world, again");
    for (let byte = 0; byte < encoding.inputByteLength; byte++) {
      const i = tokenAtByte(encoding, byte);
      expect(encoding.starts[i]! <= byte && byte < encoding.ends[i]!).toBe(true);
    }
  });
});
