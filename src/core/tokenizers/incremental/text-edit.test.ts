import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textEdit } from "./text-edit";

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The definition, unit by unit: the reference for texts long enough to be compared a block at a time. */
function naiveTextEdit(before: string, after: string) {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  if (start > 0 && isHigh(after.charCodeAt(start - 1))) start--;
  let suffix = 0;
  while (suffix < shorter - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  if (suffix > 0 && isLow(after.charCodeAt(after.length - suffix))) suffix--;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

describe("textEdit", () => {
  it("is null for equal texts", () => {
    expect(textEdit("abc", "abc")).toBeNull();
  });

  it("describes an edit that rebuilds the new text, keeping the longest prefix and suffix", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.string({ unit: "binary", maxLength: 30 }),
        (before, after) => {
          const edit = textEdit(before, after);
          if (before === after) {
            expect(edit).toBeNull();
            return;
          }
          expect(edit).not.toBeNull();
          const { start, oldEnd, newEnd } = edit!;
          expect(start).toBeLessThanOrEqual(oldEnd);
          expect(start).toBeLessThanOrEqual(newEnd);
          expect(before.slice(0, start) + after.slice(start, newEnd) + before.slice(oldEnd)).toBe(after);
          expect(before.slice(0, start)).toBe(after.slice(0, start));
          // Maximal: one more unit of prefix would differ or split a pair.
          if (start < Math.min(oldEnd, newEnd) && before[start] === after[start])
            expect(isHigh(after.charCodeAt(start))).toBe(true);
          // Never between the halves of a pair, on either side.
          expect(start > 0 && isHigh(after.charCodeAt(start - 1)) && isLow(after.charCodeAt(start))).toBe(
            false,
          );
          expect(isHigh(after.charCodeAt(newEnd - 1)) && isLow(after.charCodeAt(newEnd))).toBe(false);
          expect(isHigh(before.charCodeAt(oldEnd - 1)) && isLow(before.charCodeAt(oldEnd))).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("equals the unit-by-unit definition on long texts (prefixes and suffixes of many blocks)", () => {
    const piece = fc.constantFrom("a", "b", " ", "😀", "\uD83D", "\uDE00", "é", "\n");
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 3000, size: "max" }).map((parts) => parts.join("")),
        // Anywhere, and often next to a multiple of a power of two from either end of the text (where a block-wise
        // comparison of the prefix or of the suffix turns over).
        fc.boolean(),
        fc.oneof(
          fc.nat(),
          fc
            .tuple(
              fc.integer({ min: 1, max: 12 }),
              fc.constantFrom(64, 128, 256, 512, 1024),
              fc.integer({ min: -2, max: 2 }),
            )
            .map(([k, size, delta]) => Math.max(0, k * size + delta)),
        ),
        fc.nat({ max: 40 }),
        fc.array(piece, { maxLength: 4 }).map((parts) => parts.join("")),
        (before, fromEnd, at, removed, inserted) => {
          const end = fromEnd ? Math.max(0, before.length - (at % (before.length + 1))) : -1;
          const start = fromEnd ? Math.max(0, end - removed) : at % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          expect(textEdit(before, after)).toEqual(naiveTextEdit(before, after));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds an insertion, a deletion and a replacement", () => {
    expect(textEdit("hello world", "hello, world")).toEqual({ start: 5, oldEnd: 5, newEnd: 6 });
    expect(textEdit("hello world", "hello")).toEqual({ start: 5, oldEnd: 11, newEnd: 5 });
    expect(textEdit("a😀b", "a😁b")).toEqual({ start: 1, oldEnd: 3, newEnd: 3 });
  });
});
