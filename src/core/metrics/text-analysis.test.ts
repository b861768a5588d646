import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { analyzeText } from "./text-analysis";
import { textCounts } from "./text-counts";

describe("analyzeText", () => {
  it("counts like textCounts (an independent pass over the text)", () => {
    fc.assert(
      fc.property(fc.oneof(hardUnicode(), fc.string({ unit: "binary" })), (text) => {
        expect(analyzeText(text).counts).toEqual(textCounts(text));
      }),
      { numRuns: 200 },
    );
  });

  it("handles the empty text", () => {
    expect(analyzeText("").counts).toEqual(textCounts(""));
    expect(analyzeText("").profile.scripts).toEqual([]);
  });
});
