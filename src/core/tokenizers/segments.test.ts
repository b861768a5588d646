import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { HARD_STRINGS } from "../../../scripts/lib/hard-strings";
import { tokenSegments } from "./segments";

describe("tokenSegments", () => {
  it("draws a character split across byte tokens once, shared by those tokens", async () => {
    const encoding = (await loadTokenizer("bytes")).encode("aé");
    expect(tokenSegments(encoding)).toEqual([
      { utf16Start: 0, utf16End: 1, firstToken: 0, lastToken: 0 },
      { utf16Start: 1, utf16End: 2, firstToken: 1, lastToken: 2 },
    ]);
  });

  it.each(["o200k_base", "llama-2", "gemma-3", "bytes"])("tiles the text exactly with %s", async (id) => {
    const tokenizer = await loadTokenizer(id);
    for (const text of HARD_STRINGS) {
      const segments = tokenSegments(tokenizer.encode(text));
      const joined = segments.map((s) => text.slice(s.utf16Start, s.utf16End)).join("");
      expect(joined, JSON.stringify(text)).toBe(text);
      for (let k = 1; k < segments.length; k++)
        expect(segments[k]!.firstToken).toBe(segments[k - 1]!.lastToken + 1);
    }
  });
});

describe("tokenSegments with grapheme boundaries", () => {
  it("never separates a grapheme cluster (Devanagari signs, ZWJ emoji, flags)", async () => {
    const { graphemeBoundaries } = await import("../text/graphemes");
    for (const id of ["cl100k_base", "bytes", "llama-2"]) {
      const tokenizer = await loadTokenizer(id);
      for (const text of ["सभी मनुष्यों को गौरव", "👨‍👩‍👧‍👦 🇯🇵🇫🇷 e\u0301", ...HARD_STRINGS]) {
        const encoding = tokenizer.encode(text);
        const boundaries = graphemeBoundaries(text, 0, text.length);
        const segments = tokenSegments(encoding, 0, encoding.ids.length, boundaries);
        expect(segments.map((s) => text.slice(s.utf16Start, s.utf16End)).join("")).toBe(text);
        for (const segment of segments)
          expect(boundaries.has(segment.utf16End), `${id} ${JSON.stringify(text)}`).toBe(true);
      }
    }
  });
});
