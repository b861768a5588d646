import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "../../text/utf8";
import { AlignedBuilder, inputSlice, originOf, sliceAligned, type AlignedText } from "./aligned-text";

/** An edit of the source: keep or replace the next `count` code points (replace with `text`, "" deletes). */
type Edit = { kind: "keep"; count: number } | { kind: "replace"; count: number; text: string };

/**
 * The reference: every byte boundary's input offset in a plain array, written the way the builder's rules
 * say (a kept byte keeps its source offset; a replacement's first boundary is the replaced start, the others
 * its end; where two pieces meet, the later one's first boundary wins).
 */
function referenceOffsets(source: string, sourceOffsets: number[], edits: readonly Edit[]): number[] {
  const chars = [...source];
  const out: number[] = [sourceOffsets[0]!];
  let length = 0;
  let char = 0;
  let byte = 0;
  for (const edit of edits) {
    const taken = chars.slice(char, char + edit.count);
    const bytes = utf8ByteLength(taken.join(""));
    if (edit.kind === "keep") {
      for (let k = 0; k <= bytes; k++) out[length + k] = sourceOffsets[byte + k]!;
      length += bytes;
    } else {
      const written = utf8ByteLength(edit.text);
      const start = sourceOffsets[byte]!;
      const end = sourceOffsets[byte + bytes]!;
      out[length] = written === 0 ? end : start;
      for (let k = 1; k <= written; k++) out[length + k] = end;
      length += written;
    }
    char += taken.length;
    byte += bytes;
  }
  return out.slice(0, length + 1);
}

/** The text the edits spell. */
function editedText(source: string, edits: readonly Edit[]): string {
  const chars = [...source];
  let char = 0;
  let out = "";
  for (const edit of edits) {
    out += edit.kind === "keep" ? chars.slice(char, char + edit.count).join("") : edit.text;
    char += edit.count;
  }
  return out;
}

/** The builder's result of the same edits. */
function build(source: AlignedText, edits: readonly Edit[]): AlignedText {
  const chars = [...source.text];
  const builder = new AlignedBuilder(source);
  let char = 0;
  let unit = 0;
  let byte = 0;
  for (const edit of edits) {
    const taken = chars.slice(char, char + edit.count).join("");
    const bytes = utf8ByteLength(taken);
    if (edit.kind === "keep") builder.keep(unit, unit + taken.length, byte, bytes);
    else builder.replace(edit.text, byte, byte + bytes);
    char += edit.count;
    unit += taken.length;
    byte += bytes;
  }
  return builder.finish();
}

const char = fc.constantFrom("a", " ", "é", "▁", "€", "漢", "😀", "\u0301");
const text = fc.array(char, { maxLength: 40 }).map((chars) => chars.join(""));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("keep" as const), count: fc.integer({ min: 0, max: 6 }) }),
  fc.record({
    kind: fc.constant("replace" as const),
    count: fc.integer({ min: 0, max: 3 }),
    text: fc.oneof(
      fc.constant(""),
      fc.constant("▁"),
      text.map((t) => t.slice(0, 6)),
    ),
  }),
);
/** Edits that together cover the whole source (the builder's callers always do). */
function covering(edits: Edit[], source: string): Edit[] {
  const total = [...source].length;
  const out: Edit[] = [];
  let used = 0;
  for (const e of edits) {
    const count = Math.min(e.count, total - used);
    out.push({ ...e, count });
    used += count;
  }
  if (used < total) out.push({ kind: "keep", count: total - used });
  return out;
}

function offsetsOf(aligned: AlignedText): number[] {
  const bytes = utf8ByteLength(aligned.text);
  return Array.from({ length: bytes + 1 }, (_, k) => originOf(aligned, k));
}

describe("AlignedBuilder and its periodic alignment", () => {
  it("gives every byte boundary the offset the per-byte rules give, through two steps and in slices", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(edit, { maxLength: 20 }),
        fc.array(edit, { maxLength: 20 }),
        fc.nat({ max: 5 }),
        fc.nat(),
        fc.nat(),
        (input, firstEdits, secondEdits, base, cutA, cutB) => {
          const first = covering(firstEdits, input);
          const inputOffsets = Array.from({ length: utf8ByteLength(input) + 1 }, (_, k) => base + k);
          const once = build(inputSlice(input, base), first);
          const onceOffsets = referenceOffsets(input, inputOffsets, first);
          expect(offsetsOf(once)).toEqual(onceOffsets);
          // A second step over the first one's result (normalizers run in sequence).
          const second = covering(secondEdits, once.text);
          const twice = build(once, second);
          const twiceOffsets = referenceOffsets(once.text, onceOffsets, second);
          expect(twice.text).toBe(editedText(once.text, second));
          expect(offsetsOf(twice)).toEqual(twiceOffsets);
          // A slice at code point boundaries reads the same offsets as the whole.
          const units = [...twice.text].map((c) => c.length);
          const at = (cut: number) => units.slice(0, cut % (units.length + 1)).reduce((a, b) => a + b, 0);
          const [startUnit, endUnit] = [at(cutA), at(cutB)].sort((a, b) => a - b);
          const startByte = utf8ByteLength(twice.text, 0, startUnit);
          const { slice, bytes } = sliceAligned(twice, startUnit!, endUnit!, startByte);
          expect(offsetsOf(slice)).toEqual(twiceOffsets.slice(startByte, startByte + bytes + 1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps a million replaced spaces in one segment", () => {
    const spaces = " ".repeat(1_000_000);
    const edits: Edit[] = Array.from({ length: 1_000_000 }, () => ({ kind: "replace", count: 1, text: "▁" }));
    const result = build(inputSlice(spaces, 0), edits);
    expect(result.text).toBe("▁".repeat(1_000_000));
    expect(originOf(result, 3 * 700_000)).toBe(700_000);
    expect(originOf(result, 3 * 700_000 + 1)).toBe(700_001);
    expect(originOf(result, 3_000_000)).toBe(1_000_000);
    expect((result.origin as unknown as { count: number }).count).toBeLessThanOrEqual(2);
  });
});
