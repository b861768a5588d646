import { describe, expect, it } from "vitest";
import { heldOutFigures, insideWordMask } from "./english-eval";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("held-out English figures", () => {
  it("marks a word's bytes after its first two letters", () => {
    expect(Array.from(insideWordMask(bytes("The cat, a words.")))).toEqual(
      // T h e _ c a t , _ a _ w o r d s .
      [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0],
    );
    expect(Array.from(insideWordMask(bytes("é ab")))).toEqual([0, 0, 0, 0, 0]);
  });

  it("pools bits over documents and over the bytes inside words", () => {
    const docs = [bytes("abcd"), bytes("xy")];
    const figures = heldOutFigures(docs, [
      [4, 3, 2, 1],
      [5, 5],
    ]);
    expect(figures).toEqual({ bytes: 6, bitsPerByte: 20 / 6, insideWord: { bytes: 2, bitsPerByte: 1.5 } });
    expect(() => heldOutFigures(docs, [[1], [1, 1]])).toThrow(RangeError);
  });
});
