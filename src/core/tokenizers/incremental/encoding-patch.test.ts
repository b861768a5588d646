import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../../scripts/lib/load-tokenizer";
import {
  applyEdit,
  edits,
  english,
  expectSameEncoding,
  texts,
  type Edit,
} from "../../../../scripts/lib/text-edits";
import type { Tokenizer } from "../types";
import { applyEncodingPatch, diffEncodings, patchFromSplice, tokenRange } from "./encoding-patch";
import { reencodeAfterEdit } from "./splice-encoding";

// A regex BPE, a byte-level BPE with its own pre-tokenizer, a SentencePiece model with byte fallback, and bytes.
describe.each(["o200k_base", "llama-3", "gemma-3", "bytes"])(
  "a lane's encoding patched after an edit (%s)",
  (id) => {
    let tokenizer: Tokenizer;

    it("rebuilds the new encoding exactly from the old one, for random texts and edits", async () => {
      tokenizer = await loadTokenizer(id);
      fc.assert(
        fc.property(texts, edits, fc.boolean(), (before, edit: Edit, parseSpecials) => {
          const options = { parseSpecials };
          const base = tokenizer.encode(before, options);
          const next = tokenizer.encode(applyEdit(before, edit), options);
          const patch = diffEncodings(base, next);
          expectSameEncoding(applyEncodingPatch(base, patch), next, JSON.stringify({ before, edit }));
          // What is sent is what changed: head and tail together with the middle are every new token.
          expect(patch.head + patch.middle.ids.length + (base.ids.length - patch.tailFrom)).toBe(
            next.ids.length,
          );
        }),
        { numRuns: id === "gemma-3" ? 60 : 150 },
      );
    });

    it("is read off a splice without a diff, and rebuilds the spliced encoding exactly", async () => {
      tokenizer = await loadTokenizer(id);
      let spliced = 0;
      fc.assert(
        fc.property(texts, edits, fc.constantFrom(1, 64), (before, edit: Edit, margin) => {
          const encode = (text: string) => tokenizer.encode(text);
          const base = encode(before);
          const result = reencodeAfterEdit(
            { text: before, encoding: base },
            applyEdit(before, edit),
            encode,
            {
              margin,
            },
          );
          if (!result.reused) return;
          spliced++;
          expect(result.reused.from).toBe(base);
          const patch = patchFromSplice(result.encoding, result.reused);
          expectSameEncoding(
            applyEncodingPatch(base, patch),
            result.encoding,
            JSON.stringify({ before, edit }),
          );
        }),
        { numRuns: id === "gemma-3" ? 60 : 150 },
      );
      expect(spliced).toBeGreaterThan(20);
    });

    it("sends a few tokens for a keystroke in prose, wherever it is typed", async () => {
      tokenizer = await loadTokenizer(id);
      const text = english.slice(0, 6000);
      const base = tokenizer.encode(text);
      for (const at of [0, 1234, 3000, 5999, 6000]) {
        const next = tokenizer.encode(`${text.slice(0, at)}x${text.slice(at)}`);
        const patch = diffEncodings(base, next);
        expectSameEncoding(applyEncodingPatch(base, patch), next, `x at ${at}`);
        expect(patch.middle.ids.length, `x at ${at}`).toBeLessThanOrEqual(4);
      }
    });
  },
);

describe("encoding patches at the edges", () => {
  it("patches between empty, equal and unrelated encodings", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    const pairs = [
      ["", ""],
      ["", "hello"],
      ["hello", ""],
      ["same text", "same text"],
      ["one text", "something else entirely"],
      ["aaaa", "aaaaaaaa"],
      ["é", "e\u0301"],
    ];
    for (const [before, after] of pairs) {
      const base = tokenizer.encode(before!);
      const next = tokenizer.encode(after!);
      const patch = diffEncodings(base, next);
      expectSameEncoding(applyEncodingPatch(base, patch), next, `${before} → ${after}`);
      if (before === after) expect(patch.middle.ids.length).toBe(0);
    }
  });

  it("refuses a patch made for a longer encoding", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    const patch = diffEncodings(tokenizer.encode("a b c d e f"), tokenizer.encode("a b c d e f g"));
    expect(() => applyEncodingPatch(tokenizer.encode("a"), patch)).toThrow(/does not fit/);
  });

  it("cuts a range of tokens out as an encoding of its own", async () => {
    const encoding = (await loadTokenizer("o200k_base")).encode("naïve café 😀 text");
    const range = tokenRange(encoding, 2, 5);
    expect(Array.from(range.ids)).toEqual(Array.from(encoding.ids.subarray(2, 5)));
    expect(range.tokenByteOffsets[0]).toBe(0);
    expect(Array.from(range.tokenBytes)).toEqual(
      Array.from(encoding.tokenBytes.subarray(encoding.tokenByteOffsets[2], encoding.tokenByteOffsets[5])),
    );
  });
});
