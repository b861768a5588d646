import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf16Cursor } from "./utf16-map";
import { utf8Encode } from "./utf8";

/** Brute force: the UTF-8 byte offset at which each UTF-16 code-point boundary sits. */
function boundaries(text: string): { unit: number; byte: number }[] {
  const result = [{ unit: 0, byte: 0 }];
  let unit = 0;
  for (const ch of text.replace(/\p{Cs}/gu, "\uFFFD")) {
    unit += ch.length;
    result.push({ unit, byte: utf8Encode(text.slice(0, unit)).length });
  }
  return result;
}

describe("Utf16Cursor", () => {
  it("maps every byte offset to the enclosing character's UTF-16 bounds (brute-force oracle)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (text) => {
        const total = utf8Encode(text).length;
        const bounds = boundaries(text);
        const floor = new Utf16Cursor(text);
        const ceil = new Utf16Cursor(text);
        for (let byte = 0; byte <= total; byte++) {
          const expectedFloor = [...bounds].reverse().find((b) => b.byte <= byte)!.unit;
          const expectedCeil = bounds.find((b) => b.byte >= byte)!.unit;
          expect(floor.floor(byte)).toBe(expectedFloor);
          expect(ceil.ceil(byte)).toBe(expectedCeil);
        }
      }),
    );
  });
});
