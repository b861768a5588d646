import { describe, expect, it } from "vitest";
import { alignsWithPlaceValue, digitGrouping, numbersInText } from "./numbers";
import { countLetter, spellings } from "./counting";

describe("place-value alignment", () => {
  it("accepts cuts at groups of three from the right only", () => {
    expect(alignsWithPlaceValue("1234567", ["1", "234", "567"])).toBe(true);
    expect(alignsWithPlaceValue("1234567", ["123", "456", "7"])).toBe(false);
    expect(alignsWithPlaceValue("123", ["123"])).toBe(true);
    expect(alignsWithPlaceValue("12", ["1", "2"])).toBe(false);
    expect(alignsWithPlaceValue("7", ["7"])).toBe(true);
    expect(alignsWithPlaceValue("123456", ["123", "456"])).toBe(true);
    // Only the leading digit run counts: the decimals of 3.14159 may be cut anywhere.
    expect(alignsWithPlaceValue("3.14159", ["3", ".", "141", "59"])).toBe(true);
    expect(alignsWithPlaceValue("-1234.5", ["-", "12", "34", ".", "5"])).toBe(false);
    expect(alignsWithPlaceValue("-1234.5", ["-", "1", "234", ".5"])).toBe(true);
  });

  it("names the grouping of a long integer from its chunk lengths", () => {
    expect(digitGrouping([1, 1, 1, 1, 1, 1, 1])).toBe("single digits");
    expect(digitGrouping([3, 3, 1])).toBe("left-to-right triples");
    expect(digitGrouping([1, 3, 3])).toBe("right-to-left triples");
    expect(digitGrouping([3, 3, 3])).toBe("left-to-right triples");
    expect(digitGrouping([2, 4, 1])).toBe("learned chunks");
  });

  it("finds numbers in text with their positions (signs, decimals, separators, dates)", () => {
    const text = "On 2024-03-15 at 12:34 it cost -1,234.50 (x2), not 7.";
    expect(numbersInText(text)).toEqual([
      { text: "2024-03-15", index: 3 },
      { text: "12:34", index: 17 },
      { text: "-1,234.50", index: 31 },
      { text: "2", index: 43 },
      { text: "7", index: 51 },
    ]);
    expect(numbersInText("1 2 3 4", 2)).toHaveLength(2);
  });
});

describe("letter counting", () => {
  it("counts a letter by code point, ignoring case", () => {
    expect(countLetter("strawberry", "r")).toBe(3);
    expect(countLetter("Rr r", "R")).toBe(3);
    expect(countLetter("café", "e")).toBe(0);
  });

  it("spells a word with a separator between every letter (by code point)", () => {
    expect(spellings("ab😀").map((s) => s.text)).toEqual(["ab😀", "a b 😀", "a,b,😀", "a-b-😀"]);
  });
});
