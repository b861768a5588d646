import { describe, expect, it } from "vitest";
import { invisibleMark, visibleWhitespace } from "./whitespace-glyphs";

/** Every code point, as a string (lone surrogates skipped). */
function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

describe("visibleWhitespace", () => {
  it("keeps the classic glyphs", () => {
    expect(visibleWhitespace("a b\tc\r\nd\u00a0e\u3000f")).toBe("a·b→c␍↵\nd⍽e□f");
  });

  it("names the invisible characters people meet", () => {
    expect(visibleWhitespace("a\u200bb\ufeffc\u00add\u2028e\u200df")).toBe(
      "a‹ZWSP›b‹BOM›c‹SHY›d‹LSEP›e‹ZWJ›f",
    );
    expect(visibleWhitespace("x\u2009y\u0085z\u0000")).toBe("x‹U+2009›y‹NEL›z‹U+0000›");
  });

  it("leaves no character that is a control, format character or separator unmarked", () => {
    const hidden = /^[\p{Cc}\p{Cf}\p{Z}]$/u;
    for (const ch of everyCharacter()) {
      if (!hidden.test(ch)) continue;
      const shown = visibleWhitespace(ch);
      // Only a line feed keeps its own (visible-glyph-led) break.
      expect([...shown].filter((c) => hidden.test(c) && c !== "\n")).toEqual([]);
      expect(shown).toBe(invisibleMark(ch));
    }
  });

  it("does not touch visible text", () => {
    const text = "Grüße, 世界! 🙂 कि";
    expect(visibleWhitespace(text)).toBe(text.replace(/ /g, "·"));
  });
});
