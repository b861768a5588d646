import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { encodingViolation } from "../../../scripts/lib/encoding-invariants";
import { HARD_STRINGS } from "../../../scripts/lib/hard-strings";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { CATALOG } from "./catalog";
import { TokenFlag } from "./types";

describe.each(CATALOG.map((entry) => entry.id))("%s", (id) => {
  it("has exact, covering byte spans and the library's ids on the hard strings", async () => {
    const tokenizer = await loadTokenizer(id);
    for (const parseSpecials of [false, true]) {
      for (const text of HARD_STRINGS) {
        const encoding = tokenizer.encode(text, { parseSpecials });
        expect(encodingViolation(text, encoding), JSON.stringify(text)).toBeNull();
        if (tokenizer.libraryEncode)
          expect(Array.from(encoding.ids)).toEqual(tokenizer.libraryEncode(text, { parseSpecials }));
        if (tokenizer.countTokens)
          expect(tokenizer.countTokens(text, { parseSpecials })).toBe(encoding.ids.length);
      }
    }
  });

  it("keeps the invariants on random Unicode, and counts what it encodes", async () => {
    const tokenizer = await loadTokenizer(id);
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const encoding = tokenizer.encode(text);
        expect(encodingViolation(text, encoding)).toBeNull();
        if (tokenizer.libraryEncode) expect(Array.from(encoding.ids)).toEqual(tokenizer.libraryEncode(text));
        if (tokenizer.countTokens) expect(tokenizer.countTokens(text)).toBe(encoding.ids.length);
      }),
      { numRuns: 60 },
    );
  });

  it("treats special-token text as plain text unless asked, and then flags the special", async () => {
    const tokenizer = await loadTokenizer(id);
    const special = tokenizer.info.specialTokens[0];
    if (special === undefined) return;
    const text = `a${special}b`;
    const plain = tokenizer.encode(text);
    expect(Array.from(plain.flags).some((flag) => flag & TokenFlag.Special)).toBe(false);
    const parsed = tokenizer.encode(text, { parseSpecials: true });
    expect(Array.from(parsed.flags).filter((flag) => flag & TokenFlag.Special)).toHaveLength(1);
    expect(parsed.ids.length).toBeLessThan(plain.ids.length);
  });

  it("reports lone surrogates instead of failing", async () => {
    const tokenizer = await loadTokenizer(id);
    const encoding = tokenizer.encode("a\uD800b");
    expect(encoding.notes.join(" ")).toMatch(/lone surrogate/);
    expect(encodingViolation("a\uD800b", encoding)).toBeNull();
  });
});

describe("the catalog", () => {
  it("has unique, link-safe lane ids", () => {
    const ids = CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9_.-]+$/);
  });

  it("covers the tokenizers the product promises", () => {
    const ids = CATALOG.map((entry) => entry.id);
    for (const id of [
      "r50k_base",
      "p50k_base",
      "cl100k_base",
      "o200k_base",
      "llama-3",
      "llama-2",
      "qwen-3",
      "gemma-3",
      "deepseek-v3",
      "gpt-oss",
      "claude-legacy",
      "bytes",
      "code-points",
      "graphemes",
      "words",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("loads vocabularies whose sizes match the published ones", async () => {
    const sizes: Record<string, number> = {
      r50k_base: 50257,
      p50k_base: 50281,
      cl100k_base: 100277,
      o200k_base: 200019,
    };
    for (const [id, size] of Object.entries(sizes))
      expect((await loadTokenizer(id)).info.vocabSize).toBe(size);
  });
});
