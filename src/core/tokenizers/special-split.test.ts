import { describe, expect, it } from "vitest";
import { specialTokenRegex, splitOnSpecials } from "./special-split";

describe("splitOnSpecials", () => {
  it("cuts at specials, longest first, and keeps everything else", () => {
    expect(splitOnSpecials("a<|x|>b<|xy|><|x|>", ["<|x|>", "<|xy|>"])).toEqual([
      { text: "a", special: false },
      { text: "<|x|>", special: true },
      { text: "b", special: false },
      { text: "<|xy|>", special: true },
      { text: "<|x|>", special: true },
    ]);
  });

  it("escapes regex characters and passes text through without specials", () => {
    expect(splitOnSpecials("a.b", ["."]).map((p) => p.text)).toEqual(["a", ".", "b"]);
    expect(splitOnSpecials("abc", [])).toEqual([{ text: "abc", special: false }]);
  });

  it("reuses one regex per list of specials, and a reused one starts from the beginning", () => {
    const first = specialTokenRegex(["<a>", "<ab>"]);
    expect(specialTokenRegex(["<a>", "<ab>"])).toBe(first);
    // A caller that used it statefully (against the rule) leaves nothing behind for the next one.
    first!.exec("<a> <a>");
    expect(first!.lastIndex).toBeGreaterThan(0);
    expect(splitOnSpecials("x<ab>y<a>", ["<a>", "<ab>"]).map((p) => p.text)).toEqual([
      "x",
      "<ab>",
      "y",
      "<a>",
    ]);
    // Lists whose joined strings would be equal are different lists.
    expect(specialTokenRegex(["<a>\u0000<ab>"])).not.toBe(first);
    expect(splitOnSpecials("<a>", ["<a>\u0000<ab>"])).toEqual([{ text: "<a>", special: false }]);
  });
});
