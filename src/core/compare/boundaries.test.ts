import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { applyEdit, edits, texts } from "../../../scripts/lib/text-edits";
import { reencodeAfterEdit } from "../tokenizers/incremental/splice-encoding";
import { diffBoundaries, diffBoundariesStepwise, updateBoundaryDiff, type BoundaryDiff } from "./boundaries";

describe("diffBoundaries", () => {
  it("counts shared and unshared boundaries like a set computation (oracle)", async () => {
    const tokenizers = await Promise.all(["o200k_base", "r50k_base", "bytes", "words"].map(loadTokenizer));
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const encodings = tokenizers.map((t) => t.encode(text));
        const length = encodings[0]!.inputByteLength;
        const sets = encodings.map(
          (e) => new Set(Array.from(e.ends).filter((end) => end > 0 && end < length)),
        );
        const union = new Set(sets.flatMap((s) => [...s]));
        const intersection = [...union].filter((offset) => sets.every((s) => s.has(offset)));
        const diff = diffBoundaries(encodings);
        expect(diff.shared).toBe(intersection.length);
        expect(diff.unshared).toBe(union.size - intersection.length);
        encodings.forEach((e, lane) =>
          e.ends.forEach((end, i) => {
            const inside = end > 0 && end < length;
            expect(diff.unsharedEnds[lane]![i]).toBe(inside && !intersection.includes(end) ? 1 : 0);
          }),
        );
      }),
      { numRuns: 80 },
    );
  });

  it("finds nothing unshared when every lane is the same tokenizer", async () => {
    const t = await loadTokenizer("cl100k_base");
    const diff = diffBoundaries([t.encode("same text here"), t.encode("same text here")]);
    expect(diff.unshared).toBe(0);
    expect(diff.shared).toBe(2);
  });
});

describe("diffBoundariesStepwise", () => {
  it("gives the same result in small steps as in one go", async () => {
    const tokenizers = await Promise.all(["o200k_base", "bytes"].map(loadTokenizer));
    const text = "stepwise comparison of boundaries, über alles 日本語 ".repeat(20);
    const encodings = tokenizers.map((t) => t.encode(text));
    const steps = diffBoundariesStepwise(encodings, 7);
    let pauses = 0;
    let next = steps.next();
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    expect(pauses).toBeGreaterThan(10);
    expect(next.value).toEqual(diffBoundaries(encodings));
  });

  it("updates a diff after an edit exactly as a whole diff of the new encodings (random texts, edit chains)", async () => {
    const tokenizers = await Promise.all(["o200k_base", "llama-3", "bytes", "words"].map(loadTokenizer));
    const plain = (diff: BoundaryDiff) => ({
      shared: diff.shared,
      unshared: diff.unshared,
      counts: Array.from(diff.counts),
      marks: diff.unsharedEnds.map((marks) => Array.from(marks)),
    });
    let updated = 0;
    let steps = 0;
    fc.assert(
      fc.property(texts, fc.array(edits, { minLength: 1, maxLength: 4 }), (start, chain) => {
        let text = start;
        let encodings = tokenizers.map((t) => t.encode(text));
        let diff = diffBoundaries(encodings);
        for (const edit of chain) {
          const next = applyEdit(text, edit);
          const results = tokenizers.map((t, lane) =>
            reencodeAfterEdit({ text, encoding: encodings[lane]! }, next, (part) => t.encode(part)),
          );
          const nextEncodings = results.map((result) => result.encoding);
          const expected = diffBoundaries(nextEncodings);
          const update = updateBoundaryDiff(
            { diff, encodings },
            nextEncodings,
            results.map((result) => result.reused),
          );
          steps++;
          if (results.every((result) => result.reused)) {
            expect(update, JSON.stringify({ text, next })).not.toBeNull();
            expect(plain(update!), JSON.stringify({ text, next })).toEqual(plain(expected));
            updated++;
          } else expect(update).toBeNull();
          text = next;
          encodings = nextEncodings;
          diff = update ?? expected;
        }
      }),
      { numRuns: 120 },
    );
    // Most edits keep something of every lane: the update path is what the property exercises.
    expect(updated / steps).toBeGreaterThan(0.5);
  });

  it("refuses to update from a diff of other encodings", async () => {
    const t = await loadTokenizer("bytes");
    const a = [t.encode("abc"), t.encode("abc")];
    const b = [t.encode("abcd"), t.encode("abcd")];
    const edit = { from: t.encode("abc"), head: 3, tailFrom: 3, tailBytes: 1 };
    expect(updateBoundaryDiff({ diff: diffBoundaries(a), encodings: a }, b, [edit, edit])).toBeNull();
  });
});
