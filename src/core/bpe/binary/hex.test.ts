import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiBytes, firstTokenEndingAfter, hexBytes, hexOffset } from "./hex";

describe("hex helpers", () => {
  it("writes bytes as hex and ASCII", () => {
    const bytes = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00, 0x7f);
    expect(hexBytes(bytes)).toBe("89 50 4E 47 00 7F");
    expect(hexBytes(bytes, 1, 3)).toBe("50 4E");
    expect(asciiBytes(bytes)).toBe("·PNG··");
    expect(hexOffset(255)).toBe("0x00FF");
    expect(hexOffset(0x12345)).toBe("0x12345");
  });

  it("finds the first token ending after an offset (a linear scan agrees)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 50 }),
        fc.nat(260),
        (lengths, offset) => {
          const ends: number[] = [];
          let at = 0;
          for (const length of lengths) ends.push((at += length));
          const linear = ends.findIndex((end) => end > offset);
          expect(firstTokenEndingAfter(ends, offset)).toBe(linear < 0 ? ends.length : linear);
        },
      ),
    );
  });
});
