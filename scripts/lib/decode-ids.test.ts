import fc from "fast-check";
import o200kRanks from "gpt-tokenizer/bpeRanks/o200k_base";
import cl100kRanks from "gpt-tokenizer/bpeRanks/cl100k_base";
import { describe, expect, it } from "vitest";
import { toWellFormed } from "../../src/core/text/well-formed";
import { CATALOG } from "../../src/core/tokenizers/catalog";
import { hardUnicode } from "./arbitraries";
import { HARD_STRINGS } from "./hard-strings";
import { loadTokenizer } from "./load-tokenizer";
import { nodeAssetSource } from "./node-asset-source";
import { rustDecoder } from "./rust-tokenizers";
import { readDeclarations } from "./udhr-text";

// Ids back to text, against the libraries' own decoders: Hugging Face's Rust tokenizers for tokenizer.json
// files (their decoder pipelines); for the tiktoken encodings, tiktoken's definition (the ranks' bytes joined,
// invalid UTF-8 replaced), computed here with Node's own UTF-8 decoder, and the round trip of real encodings. Both on ids of real encodings and on
// arbitrary ids (byte tokens split from their neighbours, specials, ids at the ends of the vocabulary).

const HUGGING_FACE = CATALOG.filter((entry) => entry.family === "huggingface").map((entry) => entry.id);

let cachedTexts: string[] | undefined;
function texts(): string[] {
  return (cachedTexts ??= [
    ...HARD_STRINGS,
    ...readDeclarations()
      .slice(0, 24)
      .map((d) => d.text.slice(0, 400)),
  ]);
}

describe.each(HUGGING_FACE)("%s: decode equals the Rust library's", (id) => {
  it("on the ids of real encodings and on arbitrary ids", async () => {
    const entry = CATALOG.find((e) => e.id === id)!;
    const [ours, { json }] = await Promise.all([
      loadTokenizer(id),
      nodeAssetSource.tokenizerJson(entry.source),
    ]);
    const rust = rustDecoder(json);
    for (const text of texts()) {
      const ids = Array.from(ours.encode(text, { parseSpecials: true }).ids);
      expect(ours.decode!(ids).text, JSON.stringify(text)).toBe(await rust(ids));
    }
    const vocab = ours.info.vocabSize!;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: vocab - 1 }), { maxLength: 24 }), async (ids) => {
        const decoded = ours.decode!(ids);
        if (decoded.unknownIds.length > 0) return; // Rust skips ids it does not know; we name them instead.
        expect(decoded.text).toBe(await rust(ids));
      }),
      { numRuns: 150 },
    );
  });
});

/** tiktoken's decode, independently: each rank's bytes from gpt-tokenizer's table, joined, read by Node's Buffer. */
function reference(ranks: (string | number[])[], specials: Record<number, string>) {
  return (ids: number[]) =>
    Buffer.concat(
      ids.map((id) => {
        const value = specials[id] ?? ranks[id]!;
        return typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
      }),
    ).toString("utf8");
}

describe("tiktoken encodings decode as tiktoken defines it", () => {
  it.each([
    ["o200k_base", reference(o200kRanks, { 199999: "<|endoftext|>" })],
    ["cl100k_base", reference(cl100kRanks, { 100257: "<|endoftext|>" })],
  ] as const)("%s", async (id, decodeReference) => {
    const ours = await loadTokenizer(id);
    await fc.assert(
      fc.property(
        hardUnicode(),
        fc.array(fc.integer({ min: 0, max: 99_000 }), { maxLength: 12 }),
        (text, extra) => {
          const encoded = Array.from(ours.encode(text).ids);
          expect(ours.decode!(encoded).text).toBe(toWellFormed(text));
          const ids = [...encoded, ...extra];
          expect(ours.decode!(ids).text).toBe(decodeReference(ids));
        },
      ),
      { numRuns: 150 },
    );
    expect(ours.decode!([1 << 30]).unknownIds).toEqual([1 << 30]);
  });
});

describe("baselines", () => {
  it("bytes and code points decode to the text they encoded", async () => {
    for (const id of ["bytes", "code-points"]) {
      const ours = await loadTokenizer(id);
      fc.assert(
        fc.property(fc.string({ unit: "grapheme" }), (text) => {
          expect(ours.decode!(Array.from(ours.encode(text).ids)).text).toBe(text);
        }),
      );
    }
  });
});
