import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOG, TOKEN_LM_TOKENIZER_SOURCE } from "../../src/core/tokenizers/catalog";
import {
  compileTokenizer,
  readCompiledTokenizer,
  wholeTokenizerJson,
} from "../../src/core/tokenizers/native/compiled-tokenizer";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import type { Encoding } from "../../src/core/tokenizers/types";
import { hardUnicode } from "./arbitraries";
import { HARD_STRINGS } from "./hard-strings";
import { nodeAssetSource } from "./node-asset-source";
import { readDeclarations } from "./udhr-text";

// The app loads its bundled tokenizer.json files compiled at build time (scripts/vite/compiled-tokenizers.ts);
// the CLI, the tests against the Rust library and dropped files read the JSON. The two must be one tokenizer.

const BUNDLED = CATALOG.filter(
  (entry) => entry.family === "huggingface" && entry.source !== TOKEN_LM_TOKENIZER_SOURCE,
);

function plain(encoding: Encoding): unknown {
  const { ids, starts, ends, flags, tokenBytes, tokenByteOffsets } = encoding;
  return [ids, starts, ends, flags, tokenBytes, tokenByteOffsets].map((array) => Array.from(array));
}

describe.each(BUNDLED.map((entry) => [entry.id, entry.source]))("%s compiled", (id, source) => {
  it("encodes exactly as the tokenizer.json does (ids, spans, flags, token bytes), and gives the file back", async () => {
    const { json } = await nodeAssetSource.tokenizerJson(source);
    const compiled = readCompiledTokenizer(compileTokenizer(json));
    const info = { id, name: id, family: "huggingface" as const, models: [], source };
    const fromJson = new NativeTokenizer({ info, json });
    const fromCompiled = new NativeTokenizer({ info, ...compiled });
    expect(fromCompiled.info).toEqual(fromJson.info);
    const check = (text: string, parseSpecials = false): void => {
      expect(plain(fromCompiled.encode(text, { parseSpecials })), JSON.stringify(text)).toEqual(
        plain(fromJson.encode(text, { parseSpecials })),
      );
    };
    readDeclarations().forEach((declaration) => check(declaration.text.slice(0, 400)));
    for (const text of HARD_STRINGS) [false, true].forEach((parseSpecials) => check(text, parseSpecials));
    fc.assert(
      fc.property(hardUnicode(), (text) => check(text)),
      { numRuns: 150 },
    );
    // A long word and a long SentencePiece line exercise the heap merge and the cuts before ▁.
    check("x".repeat(3000) + " " + "▁ab".repeat(500) + "\n".repeat(70));

    const whole = wholeTokenizerJson(compiled) as { model: { vocab: unknown; merges: unknown[] } };
    const original = json as { model: { vocab: unknown; merges: unknown[] } };
    expect(whole.model.vocab).toEqual(original.model.vocab);
    const asPair = (merge: unknown): unknown => (typeof merge === "string" ? merge.split(" ") : merge);
    expect(whole.model.merges.length).toBe(original.model.merges.length);
    original.model.merges.forEach((merge, rank) => {
      if (JSON.stringify(asPair(merge)) !== JSON.stringify(whole.model.merges[rank]))
        expect(whole.model.merges[rank], `merge ${rank}`).toEqual(asPair(merge));
    });
  });
});

describe("compiled tokenizer assets", () => {
  const json = {
    model: { type: "BPE", vocab: { a: 0, b: 1, ab: 2 }, merges: ["a b"], ignore_merges: true },
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, use_regex: false },
  };

  it("says an asset is damaged instead of reading garbage", () => {
    const bytes = compileTokenizer(json);
    expect(() => readCompiledTokenizer(bytes.subarray(0, bytes.length - 1))).toThrow(/damaged.*wrong length/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => readCompiledTokenizer(wrongMagic)).toThrow(/damaged.*magic/);
    // The same bytes at an unaligned offset of a larger buffer read the same.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(readCompiledTokenizer(shifted.subarray(1)).bpeTables.vocab).toEqual(
      readCompiledTokenizer(bytes).bpeTables.vocab,
    );
  });

  it("refuses what it cannot carry, with the file's own errors first", () => {
    expect(() => compileTokenizer({ ...json, model: { ...json.model, merges: ["a c"] } })).toThrow(
      'model.merges[0] names "c", which is not in the vocabulary.',
    );
    expect(() => compileTokenizer({ model: { type: "WordLevel", vocab: { a: 0 } } })).toThrow(/Only BPE/);
    expect(() =>
      compileTokenizer({ ...json, model: { ...json.model, vocab: { a: 0, b: 1, ab: 2, "\uD800": 3 } } }),
    ).toThrow(/lone surrogate/);
    expect(() =>
      compileTokenizer({ ...json, model: { ...json.model, vocab: { a: 0, b: 1, ab: 2, c: 2 } } }),
    ).toThrow(/ids are all different/);
  });
});
