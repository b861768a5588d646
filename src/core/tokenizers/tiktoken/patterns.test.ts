import { describe, expect, it } from "vitest";
import { tiktokenSplitRegex, withUnicodeWhiteSpace } from "./patterns";

// Unicode White_Space (PropList.txt), the meaning of \s in Rust's regex crate that tiktoken uses.
const WHITE_SPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

describe("withUnicodeWhiteSpace", () => {
  it("makes \\s match exactly Unicode White_Space across the BMP", () => {
    const s = new RegExp(`^${withUnicodeWhiteSpace(String.raw`\s`)}$`, "u");
    const notS = new RegExp(`^${withUnicodeWhiteSpace(String.raw`\S`)}$`, "u");
    const inClass = new RegExp(`^${withUnicodeWhiteSpace(String.raw`[^\s\p{L}]`)}$`, "u");
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = WHITE_SPACE.includes(cp);
      expect(s.test(ch), cp.toString(16)).toBe(expected);
      expect(notS.test(ch)).toBe(!expected);
      if (!/\p{L}/u.test(ch)) expect(inClass.test(ch)).toBe(!expected);
    }
  });

  it("leaves other escapes alone", () => {
    expect(withUnicodeWhiteSpace(String.raw`\p{L}\r\n\\s`)).toBe(String.raw`\p{L}\r\n\\s`);
  });
});

describe("tiktokenSplitRegex", () => {
  it("splits contractions case-insensitively for cl100k, including the long s", () => {
    const pieces = (text: string) => Array.from(text.matchAll(tiktokenSplitRegex("cl100k")), (m) => m[0]);
    expect(pieces("I'M it'ſ")).toEqual(["I", "'M", " it", "'ſ"]);
    expect(pieces("x\uFEFF y")).toEqual(["x", "\uFEFF", " y"]);
  });
});
