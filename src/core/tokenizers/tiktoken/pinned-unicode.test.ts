import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../../scripts/lib/arbitraries";
import { engineAgreesOn, inRanges, pinnedClassBody } from "./pinned-unicode";
import { UNICODE_RANGES } from "./unicode-classes";

const CATEGORIES = Object.keys(UNICODE_RANGES);
const engineRegex = CATEGORIES.map((c) => new RegExp(`^\\p{${c}}$`, "u"));
const pinnedRegex = CATEGORIES.map((c) => new RegExp(`^[${pinnedClassBody(c)!}]$`, "u"));

/** Brute force: the engine and the pinned class RegExps agree on every code point of the text. */
function agreesByRegex(text: string): boolean {
  return [...text].every((ch) =>
    engineRegex.every((regex, i) => regex.test(ch) === pinnedRegex[i]!.test(ch)),
  );
}

const scalar = fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff);

describe("pinned Unicode classes", () => {
  it("inRanges agrees with the class RegExp built from the same ranges", () => {
    fc.assert(
      fc.property(scalar, (cp) => {
        CATEGORIES.forEach((c, i) => {
          expect(inRanges(UNICODE_RANGES[c]!, cp)).toBe(pinnedRegex[i]!.test(String.fromCodePoint(cp)));
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("engineAgreesOn matches a brute-force comparison of the engine's and the pinned classes", () => {
    fc.assert(
      fc.property(fc.array(scalar, { maxLength: 6 }), hardUnicode(), (codePoints, text) => {
        const mixed = String.fromCodePoint(...codePoints) + text;
        expect(engineAgreesOn(mixed)).toBe(agreesByRegex(mixed));
      }),
      { numRuns: 1000 },
    );
    expect(engineAgreesOn("plain ASCII, 123")).toBe(true);
  });
});
