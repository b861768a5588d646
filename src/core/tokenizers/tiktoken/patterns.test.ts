import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hardUnicode } from "../../../../scripts/lib/arbitraries";
import {
  TIKTOKEN_PATTERNS,
  tiktokenSplitRegex,
  tiktokenSplitter,
  withAsciiClasses,
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

describe("withAsciiClasses", () => {
  /** ASCII text, dense in what the patterns care about: case, digits, apostrophes, every kind of space. */
  const asciiText = fc.string({
    unit: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom("a", "Z", "s", "T", "'", "1", "0", " ", "\n", "\r", "\t", ".", "/"),
      },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)) },
    ),
    maxLength: 60,
  });

  it.each(Object.keys(TIKTOKEN_PATTERNS) as TiktokenPatternName[])(
    "splits ASCII text exactly as the pinned Unicode pattern (%s)",
    (name) => {
      const ascii = new RegExp(withAsciiClasses(TIKTOKEN_PATTERNS[name]), "g");
      const pinned = tiktokenSplitRegex(name);
      const pieces = (text: string, regex: RegExp) => Array.from(text.matchAll(regex), (m) => m[0]);
      fc.assert(
        fc.property(asciiText, (text) => {
          expect(pieces(text, ascii)).toEqual(pieces(text, pinned));
        }),
        { numRuns: 2000 },
      );
      // And the splitter uses it for ASCII text only.
      expect(tiktokenSplitter(name)("plain ASCII 123").unicode).toBe(false);
      expect(tiktokenSplitter(name)("caf\u00e9").unicode).toBe(true);
    },
  );

  it("cuts classes down to their ASCII members", () => {
    expect(withAsciiClasses(String.raw`\p{Lu}+\s[^\s\p{N}]\p{Lo}`)).toBe(
      String.raw`[\x41-\x5a]+[\t-\r ][^\t-\r \x30-\x39][]`,
    );
  });
});
