import { describe, expect, it } from "vitest";
import { splitOnSpecials } from "./special-split";

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
});
