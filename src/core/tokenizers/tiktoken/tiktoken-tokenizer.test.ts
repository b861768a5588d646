import fc from "fast-check";
import { get_encoding, type Tiktoken, type TiktokenEncoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { hardUnicode } from "../../../../scripts/lib/arbitraries";
import { HARD_STRINGS } from "../../../../scripts/lib/hard-strings";
import { loadTokenizer } from "../../../../scripts/lib/load-tokenizer";
import { withPinnedClasses } from "./patterns";
import { readDeclarations } from "../../../../scripts/lib/udhr-text";

// The reference is OpenAI's own tiktoken (Rust, compiled to WASM), independent of our code path.
const ENCODINGS: TiktokenEncoding[] = ["o200k_base", "cl100k_base", "p50k_base", "r50k_base"];
const references = new Map<string, Tiktoken>();
function reference(name: TiktokenEncoding): Tiktoken {
  let encoding = references.get(name);
  if (!encoding) {
    encoding = get_encoding(name);
    references.set(name, encoding);
  }
  return encoding;
}
afterAll(() => references.forEach((encoding) => encoding.free()));

/** Code points where the engine's \\p{L}, \\p{N} or \\p{M} disagrees with the pinned classes (engine-dependent). */
function codePointsTheEngineSeesDifferently(): number[] {
  const categories = ["L", "N", "M", "Lu", "Ll"];
  const engine = categories.map((c) => new RegExp(`^\\p{${c}}$`, "u"));
  const pinned = categories.map((c) => new RegExp(`^${withPinnedClasses(`\\p{${c}}`)}$`, "u"));
  const out: number[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (engine.some((regex, i) => regex.test(ch) !== pinned[i]!.test(ch))) out.push(cp);
  }
  return out;
}

describe.each(ENCODINGS)("%s gives tiktoken's ids", (name) => {
  it("on the hard strings, specials as plain text and parsed", async () => {
    const tokenizer = await loadTokenizer(name);
    for (const text of HARD_STRINGS) {
      expect(Array.from(tokenizer.encode(text).ids), JSON.stringify(text)).toEqual(
        Array.from(reference(name).encode(text, [], [])),
      );
      expect(Array.from(tokenizer.encode(text, { parseSpecials: true }).ids)).toEqual(
        Array.from(reference(name).encode(text, "all")),
      );
    }
  });

  it("on every token of the vocabulary written out alone, the longest ones first", async () => {
    // A piece that is a token is looked up by its bytes before any merging (as tiktoken does), and pieces over
    // 96 bytes take another path than short ones: the longest tokens go through both.
    const tokenizer = await loadTokenizer(name);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const tokens = reference(name)
      .token_byte_values()
      .map((value) => Uint8Array.from(value))
      .sort((a, b) => b.length - a.length);
    const texts: string[] = [];
    for (const bytes of tokens) {
      try {
        texts.push(decoder.decode(bytes));
      } catch {
        // not UTF-8 on its own: no text is this token alone
      }
    }
    expect(new TextEncoder().encode(texts[0]).length).toBeGreaterThan(96);
    for (const text of texts.slice(0, 2000)) {
      expect(Array.from(tokenizer.encode(text).ids), JSON.stringify(text)).toEqual(
        Array.from(reference(name).encode(text, [], [])),
      );
    }
  });

  it("on random Unicode", async () => {
    const tokenizer = await loadTokenizer(name);
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        expect(Array.from(tokenizer.encode(text).ids)).toEqual(
          Array.from(reference(name).encode(text, [], [])),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("on every code point whose letter, number or mark status differs between this engine and tiktoken's Unicode", async () => {
    const tokenizer = await loadTokenizer(name);
    const texts = codePointsTheEngineSeesDifferently().flatMap((cp) => {
      const ch = String.fromCodePoint(cp);
      return [`${ch}'s`, ` ${ch}x`, `a${ch}`, `1${ch}2`, `A${ch}b`];
    });
    for (const text of texts) {
      expect(Array.from(tokenizer.encode(text).ids), JSON.stringify(text)).toEqual(
        Array.from(reference(name).encode(text, [], [])),
      );
    }
  });

  it("on the first hundred UDHR declarations", async () => {
    const tokenizer = await loadTokenizer(name);
    for (const declaration of readDeclarations().slice(0, 100)) {
      expect(Array.from(tokenizer.encode(declaration.text).ids), declaration.code).toEqual(
        Array.from(reference(name).encode(declaration.text, [], [])),
      );
    }
  });
});

describe("the byte-pair merge", () => {
  it("gives the same ids with and without the merge cache, and for pieces long enough to merge by rank tournament, cached or not", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    const long =
      "supercalifragilisticexpialidocious".repeat(20) +
      "𝔘𝔫𝔦".repeat(50) +
      "x".repeat(300) +
      " " +
      "ab".repeat(1500) +
      " ".repeat(2000) +
      "7";
    const warm = Array.from(tokenizer.encode(long).ids);
    tokenizer.clearCache?.();
    expect(Array.from(tokenizer.encode(long).ids)).toEqual(warm);
    expect(warm).toEqual(Array.from(reference("cl100k_base").encode(long, [], [])));
  });

  it("encodes U+FEFF as the BOM token (gpt-tokenizer 4.0.0 does not)", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    expect(Array.from(tokenizer.encode("\uFEFF").ids)).toEqual(
      Array.from(reference("o200k_base").encode("\uFEFF", [], [])),
    );
  });
});
