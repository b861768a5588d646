import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput, InputDecodingError } from "./decode-input";
import { firstInvalidUtf8Offset } from "./utf8";

/** Brute force: the longest prefix the platform's strict decoder accepts, found byte by byte. */
function bruteFirstInvalid(bytes: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const valid = (end: number) => {
    try {
      strict.decode(bytes.subarray(0, end));
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length)) return -1;
  // The first invalid byte is where no valid prefix ending at or after it can be extended to cover it.
  let lastGood = 0;
  for (let end = 1; end <= bytes.length; end++) if (valid(end)) lastGood = end;
  return lastGood;
}

describe("firstInvalidUtf8Offset", () => {
  it("agrees with the platform's strict decoder on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        expect(firstInvalidUtf8Offset(bytes)).toBe(bruteFirstInvalid(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts every well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(firstInvalidUtf8Offset(new TextEncoder().encode(text))).toBe(-1);
      }),
    );
  });
});

describe("decodeInput", () => {
  it("keeps a UTF-8 BOM as text", () => {
    expect(decodeInput(Uint8Array.of(0xef, 0xbb, 0xbf, 0x68, 0x69)).text).toBe("\uFEFFhi");
  });

  it("refuses invalid UTF-8 with the first bad offset, and replaces it with --lossy", () => {
    const bytes = Uint8Array.of(0x61, 0x62, 0xc3, 0x28, 0x63);
    expect(() => decodeInput(bytes)).toThrow(InputDecodingError);
    expect(() => decodeInput(bytes)).toThrow(/offset 2 \(0xc3\)/);
    const lossy = decodeInput(bytes, true);
    expect(lossy.text).toBe("ab\uFFFD(c");
    expect(lossy.notes[0]).toMatch(/offset 2/);
  });

  it("decodes UTF-16 with a byte order mark, with a note", () => {
    const le = decodeInput(Uint8Array.of(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00));
    expect(le.text).toBe("hi");
    expect(le.notes[0]).toMatch(/UTF-16LE/);
    expect(decodeInput(Uint8Array.of(0xfe, 0xff, 0x00, 0x68)).text).toBe("h");
  });
});
