import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pinnedCodePoints, renderUnicodeClassesModule } from "./unicode-classes-source";

describe("the pinned Unicode classes", () => {
  it("are what `npm run -s gen:unicode` writes from the pinned package", () => {
    const committed = readFileSync(
      new URL("../../src/core/tokenizers/tiktoken/unicode-classes.ts", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(renderUnicodeClassesModule());
  });

  it("make L the union of its five subcategories", () => {
    const union = new Set(["Lu", "Ll", "Lt", "Lm", "Lo"].flatMap((c) => pinnedCodePoints(c as "Lu")));
    expect([...union].sort((a, b) => a - b)).toEqual(pinnedCodePoints("L"));
  });
});
