import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DynamicTokenizer } from "../../src/core/tokenizers/dynamic/dynamic-tokenizer";
import { hardUnicode } from "./arbitraries";
import { encodingViolation } from "./encoding-invariants";
import { loadTokenizer } from "./load-tokenizer";

const REPEATED =
  "Tokenprism tokenizes Tokenprism. The Zygmunt–Wojciechowski theorem, the Zygmunt–Wojciechowski lemma and " +
  "Zygmunt–Wojciechowski again: Zygmunt–Wojciechowski!";

describe.each(["o200k_base", "llama-2", "gemma-3"])("%s.dynamic-k", (id) => {
  it("equals the base with k = 0, keeps spans contiguous, and turns a repeated name into fewer tokens", async () => {
    const base = await loadTokenizer(id);
    const none = new DynamicTokenizer(base, 0);
    const some = await loadTokenizer(`${id}.dynamic-16`);
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const plain = base.encode(text);
        const zero = none.encode(text);
        expect(Array.from(zero.ids)).toEqual(Array.from(plain.ids));
        expect(Array.from(zero.starts)).toEqual(Array.from(plain.starts));
        expect(encodingViolation(text, some.encode(text)), JSON.stringify(text)).toBeNull();
      }),
      { numRuns: 60 },
    );
    const before = base.encode(REPEATED).ids.length;
    const after = some.encode(REPEATED);
    expect(after.ids.length).toBeLessThan(before);
    expect(after.notes.join(" ")).toMatch(/Learned \d+ merges on this text/);
    // A learned token's text is the text it covers.
    const name = Array.from(after.ids).find((tokenId) => some.tokenText(tokenId).includes("Wojciech"));
    expect(name).toBeGreaterThanOrEqual(base.info.vocabSize!);
  });
});
