import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hardUnicode } from "../../../../scripts/lib/arbitraries";
import {
  TIKTOKEN_PATTERNS,
  tiktokenSplitRegex,
  tiktokenSplitter,
  withPinnedClasses,
  withUnicodeWhiteSpace,
  type TiktokenPatternName,
} from "./patterns";

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

describe("withPinnedClasses", () => {
  it("replaces \\p{…} by explicit classes inside and outside brackets, and \\s as before", () => {
    const pinned = withPinnedClasses(String.raw`[^\s\p{L}]\p{N}`);
    expect(pinned).not.toContain("\\p{");
    const regex = new RegExp(`^${pinned}$`, "u");
    expect(regex.test("!7")).toBe(true);
    expect(regex.test("a7")).toBe(false);
    expect(regex.test(" 7")).toBe(false);
    expect(regex.test("!x")).toBe(false);
  });

  it("refuses a property it has no pinned class for", () => {
    expect(() => withPinnedClasses(String.raw`\p{Script=Latin}`)).toThrow(/no pinned class/);
  });
});

describe("tiktokenSplitRegex", () => {
  it("splits contractions case-insensitively for cl100k, including the long s", () => {
    const pieces = (text: string) => Array.from(text.matchAll(tiktokenSplitRegex("cl100k")), (m) => m[0]);
    expect(pieces("I'M it'ſ")).toEqual(["I", "'M", " it", "'ſ"]);
    expect(pieces("x\uFEFF y")).toEqual(["x", "\uFEFF", " y"]);
  });
});

describe("tiktokenSplitter", () => {
  it.each(Object.keys(TIKTOKEN_PATTERNS) as TiktokenPatternName[])(
    "splits %s exactly as the pinned RegExp, whichever RegExp it picks",
    (name) => {
      const pick = tiktokenSplitter(name);
      const pinned = tiktokenSplitRegex(name);
      const newlyAssigned = fc.constantFrom("\u{323B0}", "\u0295", "\u{10D50}", "\u{2EBF0}", "\u{1E5D0}");
      fc.assert(
        fc.property(hardUnicode(), fc.option(newlyAssigned), (text, extra) => {
          const input = extra === null ? text : text + extra + "'s";
          const pieces = (regex: RegExp) => Array.from(input.matchAll(regex), (m) => m[0]);
          expect(pieces(pick(input))).toEqual(pieces(pinned));
        }),
        { numRuns: 300 },
      );
    },
  );
});
