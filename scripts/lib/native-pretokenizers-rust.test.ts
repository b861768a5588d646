import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteLevelAlphabet } from "../../src/core/bpe/byte-chars";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import { buildPreTokenizer } from "../../src/core/tokenizers/native/pre-tokenizers";
import { expectLikeRust } from "./expect-like-rust";
import { rustTokenizer } from "./rust-tokenizers";

// Sequences of pre-tokenizers that only cut (Splits, then ByteLevel without its regex), which our engine runs
// one inside the other without building pieces, against Hugging Face's Rust tokenizers. The model merges every
// pair of the text's characters, so a token crosses any place the pre-tokenizers failed to cut and a cut
// placed wrongly splits a token: the ids show the pieces, and the spans where Rust's are byte-exact.

const ALPHABET = ["a", "b", "1", "2", " ", "\n", "é"];

function split(regex: string, behavior = "Isolated", invert = false): unknown {
  return { type: "Split", pattern: { Regex: regex }, behavior, invert };
}

const SEQUENCES: Record<string, unknown[]> = {
  "DeepSeek V3's three Splits": [
    split(String.raw`\p{N}{1,3}`),
    split("[一-龥぀-ゟ゠-ヿ]+"),
    split(String.raw`[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+|\s*[\r\n]+|\s+(?!\S)|\s+`),
  ],
  "a look-ahead that sees the piece's end": [split(String.raw`\p{N}+`), split(String.raw`\s+(?!\S)|\s+|\S+`)],
  "an anchored Split after a cut": [split(String.raw`\n`), split(String.raw`^\s*\S`)],
  "kept matches only, then Isolated": [split(String.raw`[ab]+|\d+`, "Removed", true), split(String.raw`\d`)],
};

function tokenizerJson(steps: unknown[]): unknown {
  const alphabet = byteLevelAlphabet();
  const vocab: Record<string, number> = {};
  alphabet.forEach((char, byte) => (vocab[char] = byte));
  const symbols = ALPHABET.flatMap((char) => [...new TextEncoder().encode(char)].map((b) => alphabet[b]!));
  const merges: string[] = [];
  for (const left of new Set(symbols))
    for (const right of new Set(symbols)) {
      const merged = left + right;
      if (merged in vocab) continue;
      vocab[merged] = Object.keys(vocab).length;
      merges.push(`${left} ${right}`);
    }
  return {
    version: "1.0",
    added_tokens: [],
    normalizer: null,
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        ...steps,
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: null,
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
}

const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((chars) => chars.join(""));

describe.each(Object.keys(SEQUENCES))("a Sequence of cutting pre-tokenizers (%s) against Rust", (name) => {
  it("gives the same ids and spans", async () => {
    const json = tokenizerJson(SEQUENCES[name]!);
    const ours = new NativeTokenizer({
      info: { id: name, name, family: "custom", models: [], source: "test" },
      json,
    });
    // The nested cut is what runs (a Sequence of cutting steps has one).
    expect(buildPreTokenizer((json as { pre_tokenizer: unknown }).pre_tokenizer)?.forEachPiece).toBeDefined();
    const rust = rustTokenizer(json);
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        expectLikeRust(input, ours.encode(input), await rust(input));
      }),
      { numRuns: 200 },
    );
  });
});
