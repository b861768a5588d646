import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode } from "../text/utf8";
import { chunkEncoderFor, type InferenceMethod } from "./merge-free";
import { byteTokens, bytesKey, type BpeModel } from "./model";

/** A tiny vocabulary over bytes plus the worked example's merges (ALGORITHMS §4): bc, bcd, ab. */
function tinyModel(extra: string[] = []): BpeModel {
  const tokens = byteTokens();
  const id = (s: string) => tokens.findIndex((t) => bytesKey(t) === s);
  const merges: [number, number][] = [];
  const add = (left: string, right: string) => {
    if (id(left) < 0 || id(right) < 0) throw new Error(`${left} or ${right} is not a token yet`);
    if (id(left + right) < 0) tokens.push(utf8Encode(left + right));
    merges.push([id(left), id(right)]);
  };
  add("b", "c");
  add("bc", "d");
  add("a", "b");
  for (const token of extra) add(token.slice(0, -1), token.slice(-1));
  return { tokens, merges, pattern: String.raw`\s+|\S+` };
}

function encode(model: BpeModel, method: InferenceMethod, text: string): string[] {
  const ids: number[] = [];
  chunkEncoderFor(model, method).encodeChunk(utf8Encode(text), ids);
  return ids.map((id) => bytesKey(model.tokens[id]!));
}

/** Every segmentation of `text` into vocabulary tokens, by brute force. */
function allSegmentations(text: string, vocab: Set<string>): string[][] {
  if (text === "") return [[]];
  const out: string[][] = [];
  for (let end = 1; end <= text.length; end++) {
    const head = text.slice(0, end);
    if (vocab.has(head))
      for (const rest of allSegmentations(text.slice(end), vocab)) out.push([head, ...rest]);
  }
  return out;
}

const METHODS: InferenceMethod[] = [
  { kind: "merges" },
  { kind: "greedy" },
  { kind: "permuted-merges", seed: 3 },
  { kind: "deleted-merges", seed: 5, share: 0.5 },
];

describe("merge-list-free inference", () => {
  it("reproduces the worked example: BPE [a, bcd], greedy [ab, c, d], least tokens [a, bcd]", () => {
    const model = tinyModel();
    expect(encode(model, { kind: "merges" }, "abcd")).toEqual(["a", "bcd"]);
    expect(encode(model, { kind: "greedy" }, "abcd")).toEqual(["ab", "c", "d"]);
    expect(encode(model, { kind: "least-tokens" }, "abcd")).toEqual(["a", "bcd"]);
  });

  const model = tinyModel(["cd", "abc", "da", "dab", "dabc", "aa", "aaa", "ca", "cab"]);
  const vocab = new Set(model.tokens.map((t) => bytesKey(t)));
  const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 12 });

  it("finds the brute-force minimum, with the longest last token among ties, and never more than another method", () => {
    fc.assert(
      fc.property(text, (input) => {
        const least = encode(model, { kind: "least-tokens" }, input);
        const segmentations = allSegmentations(input, vocab);
        const minimum = Math.min(...segmentations.map((s) => s.length));
        expect(least.length).toBe(minimum);
        // The documented tie-break, applied to the brute-force list: compare from the end, longer token first.
        const preferred = segmentations
          .filter((s) => s.length === minimum)
          .sort((x, y) => {
            for (let k = 1; k <= minimum; k++) {
              const diff = y[minimum - k]!.length - x[minimum - k]!.length;
              if (diff !== 0) return diff;
            }
            return 0;
          })[0];
        expect(least).toEqual(preferred);
        for (const method of METHODS)
          expect(least.length).toBeLessThanOrEqual(encode(model, method, input).length);
      }),
      { numRuns: 3000 },
    );
  });

  it("decodes back to the input with vocabulary tokens only, whatever the method", () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const method of [...METHODS, { kind: "least-tokens" } as const]) {
          const tokens = encode(model, method, input);
          expect(tokens.join("")).toBe(input);
          for (const token of tokens) expect(vocab.has(token)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("greedy takes the longest vocabulary prefix at every step", () => {
    fc.assert(
      fc.property(text, (input) => {
        let rest = input;
        for (const token of encode(model, { kind: "greedy" }, input)) {
          const longest = [...vocab].filter((v) => rest.startsWith(v)).sort((x, y) => y.length - x.length)[0];
          expect(token).toBe(longest);
          rest = rest.slice(token.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("deleting every merge leaves bytes; deleting none is the merge list", () => {
    expect(encode(model, { kind: "deleted-merges", seed: 1, share: 1 }, "abcd")).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(encode(model, { kind: "deleted-merges", seed: 1, share: 0 }, "dabcd")).toEqual(
      encode(model, { kind: "merges" }, "dabcd"),
    );
  });
});
