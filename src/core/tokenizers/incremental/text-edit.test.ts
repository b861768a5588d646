import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textEdit } from "./text-edit";

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

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

  it("finds an insertion, a deletion and a replacement", () => {
    expect(textEdit("hello world", "hello, world")).toEqual({ start: 5, oldEnd: 5, newEnd: 6 });
    expect(textEdit("hello world", "hello")).toEqual({ start: 5, oldEnd: 11, newEnd: 5 });
    expect(textEdit("a😀b", "a😁b")).toEqual({ start: 1, oldEnd: 3, newEnd: 3 });
  });
});
