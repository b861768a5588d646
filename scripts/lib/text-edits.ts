// Test material for edits of encoded texts: random multi-script texts, random edits, and an exact comparison of
// two encodings.
import fc from "fast-check";
import { expect } from "vitest";
import type { Encoding } from "../../src/core/tokenizers/types";
import { hardUnicode } from "./arbitraries";
import { readDeclarations } from "./udhr-text";

/** Every field of the two encodings, token by token (token bytes compared as arrays). */
export function expectSameEncoding(actual: Encoding, expected: Encoding, context: string): void {
  expect(Array.from(actual.ids), context).toEqual(Array.from(expected.ids));
  expect(Array.from(actual.starts), context).toEqual(Array.from(expected.starts));
  expect(Array.from(actual.ends), context).toEqual(Array.from(expected.ends));
  expect(Array.from(actual.utf16Starts), context).toEqual(Array.from(expected.utf16Starts));
  expect(Array.from(actual.utf16Ends), context).toEqual(Array.from(expected.utf16Ends));
  expect(Array.from(actual.flags), context).toEqual(Array.from(expected.flags));
  expect(actual.inputByteLength, context).toBe(expected.inputByteLength);
  expect(actual.notes, context).toEqual(expected.notes);
  const bytes = (encoding: Encoding) =>
    Array.from(encoding.ids, (_, i) =>
      Array.from(
        encoding.tokenBytes.subarray(encoding.tokenByteOffsets[i], encoding.tokenByteOffsets[i + 1]),
      ),
    );
  expect(bytes(actual), context).toEqual(bytes(expected));
}

const declarations = readDeclarations();
export const english = declarations.find((declaration) => declaration.code === "eng")!.text;
/** Lines of many scripts: the material random texts are made of. */
const lines = declarations
  .filter((_, index) => index % 7 === 0)
  .flatMap((d) => d.text.split("\n").slice(0, 6));

/** A random multi-script text of UDHR lines, hard Unicode and special-token strings. */
export const texts = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...lines) },
      { weight: 2, arbitrary: hardUnicode() },
      {
        weight: 1,
        arbitrary: fc.constantFrom("\n", "\n\n", " ", "  ", "\t", "<|endoftext|>", "<s>", "</s>"),
      },
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((parts) => parts.join(""));

/** What an edit inserts: a typed character, a word, hard Unicode, or a pasted line. */
const insertions = fc.oneof(
  fc.constantFrom("", "", "a", "e", " ", "\n", ".", "1", "é", "́", "😀", "\uD83D", "ा", "<|endoftext|>", "<|"),
  fc.string({ unit: "grapheme", maxLength: 3 }),
  hardUnicode(),
  fc.constantFrom(...lines),
);

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}
export const edits = fc.record({
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: insertions,
});

export function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(edit.at * text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}
