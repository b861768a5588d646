import fc from "fast-check";
import { describe, it } from "vitest";
import { CATALOG } from "../../src/core/tokenizers/catalog";
import { hardUnicode } from "./arbitraries";
import { expectLikeRust } from "./expect-like-rust";
import { HARD_STRINGS } from "./hard-strings";
import { loadTokenizer } from "./load-tokenizer";
import { nodeAssetSource } from "./node-asset-source";
import { rustTokenizer } from "./rust-tokenizers";
import { readDeclarations } from "./udhr-text";

// Our tokenizer.json engine (src/core/tokenizers/native) against Hugging Face's Rust `tokenizers` (npm
// binding), the same file on both sides, no template tokens added, special tokens read as text.

const HUGGING_FACE = CATALOG.filter((entry) => entry.family === "huggingface").map((entry) => entry.id);

/** The disagreements the issue reported (Unicode 17 letters, engine normalization, U+0085 / U+FEFF), kept as cases. */
const REPORTED = [
  "\u{1E6C8}.k",
  " \u{10940}",
  "\u{16D67}\u{16D68}",
  "\u{16D68}\u{16D67}",
  "  \u0085",
  "  \uFEFF",
  "\u09DF\u09C7",
  "   x",
  "\u32FF \u{1FBF0} \uA7F2 \u{1E030}",
  "\uFB01\u0C55",
];

describe.each(HUGGING_FACE)("%s: our engine against Hugging Face's Rust tokenizers", (id) => {
  const load = async () => {
    const [ours, { json }] = await Promise.all([
      loadTokenizer(id),
      nodeAssetSource.tokenizerJson(CATALOG.find((entry) => entry.id === id)!.source),
    ]);
    return { ours, rust: rustTokenizer(json) };
  };

  it("gives the same ids, and the same spans wherever Rust's are byte-exact, on every UDHR declaration's first 1 KB, the hard strings and the reported cases", async () => {
    const { ours, rust } = await load();
    const texts = [...readDeclarations().map((d) => d.text.slice(0, 1024)), ...HARD_STRINGS, ...REPORTED];
    for (const text of texts) expectLikeRust(text, ours.encode(text), await rust(text));
  });

  it("gives the same ids on random multi-script text", async () => {
    const { ours, rust } = await load();
    await fc.assert(
      fc.asyncProperty(hardUnicode(), async (text) =>
        expectLikeRust(text, ours.encode(text), await rust(text)),
      ),
      { numRuns: 200 },
    );
  });

  it("gives the same ids on long words (one pre-tokenized piece of hundreds to thousands of symbols, merged by rank tournament)", async () => {
    const { ours, rust } = await load();
    // Few distinct characters, so that merges compete along the whole word; runs of one character too.
    const alphabets = [
      ["a", "b", "e", "r", "t"],
      [" "],
      ["1", "2", "0"],
      ["a", "n", "\u0915", "\u094D", "\u0937"],
      ["\u6F22", "\u5B57", "x"],
    ];
    const longWord = fc
      .tuple(fc.constantFrom(...alphabets), fc.integer({ min: 100, max: 3000 }), fc.integer())
      .map(([chars, length, seed]) => {
        let state = seed >>> 0;
        let out = "";
        for (let i = 0; i < length; i++) {
          state = (Math.imul(state, 1103515245) + 12345) >>> 0;
          out += chars[(state >>> 16) % chars.length];
        }
        return out;
      });
    await fc.assert(
      fc.asyncProperty(longWord, async (text) => expectLikeRust(text, ours.encode(text), await rust(text))),
      { numRuns: 30 },
    );
  });
});
