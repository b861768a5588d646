import { describe, expect, it } from "vitest";
import { TokenizerFileError } from "../../src/core/tokenizers/native/json-fields";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import { rustRejects, rustTokenizer } from "./rust-tokenizers";
import { specialToken } from "./tiny-tokenizers";

/** A small valid byte-level BPE tokenizer.json. */
function base(): Record<string, unknown> {
  const vocab: Record<string, number> = { a: 0, b: 1, ab: 2, c: 3 };
  return {
    version: "1.0",
    added_tokens: [specialToken(4, "<x>")],
    normalizer: null,
    pre_tokenizer: { type: "Whitespace" },
    post_processor: null,
    decoder: null,
    model: { type: "BPE", vocab, merges: ["a b"], unk_token: "c" },
  };
}

const load = (json: unknown) =>
  new NativeTokenizer({ info: { id: "t", name: "t", family: "custom", models: [], source: "t" }, json });

function edit(change: (json: Record<string, unknown>) => void): Record<string, unknown> {
  const json = base();
  change(json);
  return json;
}

const model = (json: Record<string, unknown>) => json.model as Record<string, unknown>;

const REJECTED: [string, Record<string, unknown>, RegExp][] = [
  ["a vocab that is an array", edit((j) => (model(j).vocab = [["a", 0]])), /model\.vocab must be an object/],
  [
    "a vocab id that is a string",
    edit((j) => (model(j).vocab = { a: "0", b: 1, ab: 2, c: 3 })),
    /model\.vocab\["a"\]/,
  ],
  [
    "a merge naming an unknown token",
    edit((j) => (model(j).merges = ["a z"])),
    /model\.merges\[0\] names "z"/,
  ],
  ["merges that are not a list", edit((j) => (model(j).merges = 7)), /model\.merges must be an array/],
  [
    "an added token whose id is a string",
    edit((j) => ((j.added_tokens as object[])[0] = { id: "4", content: "<x>", special: true })),
    /added_tokens\[0\]\.id/,
  ],
  [
    "an added token whose content is a number",
    edit((j) => ((j.added_tokens as object[])[0] = { id: 4, content: 4, special: true })),
    /added_tokens\[0\]\.content/,
  ],
  ["an unknown model type", edit((j) => (model(j).type = "Mystery")), /model\.type must be/],
  ["an unknown normalizer", edit((j) => (j.normalizer = { type: "Mystery" })), /normalizer "Mystery"/],
  [
    "an unknown pre-tokenizer",
    edit((j) => (j.pre_tokenizer = { type: "Mystery" })),
    /pre-tokenizer "Mystery"/,
  ],
  [
    "a Split without a behavior",
    edit((j) => (j.pre_tokenizer = { type: "Split", pattern: { String: " " }, invert: false })),
    /pre_tokenizer\.behavior/,
  ],
  [
    "a Split with an unknown behavior",
    edit(
      (j) =>
        (j.pre_tokenizer = { type: "Split", pattern: { String: " " }, behavior: "Sideways", invert: false }),
    ),
    /behavior must be one of/,
  ],
];

describe("loading a tokenizer.json strictly", () => {
  it("loads the valid base file as the Rust library does", async () => {
    expect(rustRejects(JSON.stringify(base()))).toBeNull();
    const ours = load(base());
    const rust = rustTokenizer(base(), true);
    for (const text of ["ab c", "abc ba", "a <x> b"])
      expect(Array.from(ours.encode(text, { parseSpecials: true }).ids)).toEqual((await rust(text)).ids);
  });

  it.each(REJECTED)("rejects %s, as the Rust library does, naming the field", (_name, json, message) => {
    expect(rustRejects(JSON.stringify(json))).not.toBeNull();
    expect(() => load(json)).toThrow(TokenizerFileError);
    expect(() => load(json)).toThrow(message);
  });

  it("rejects an empty WordPiece vocabulary (the Rust library fails on the first word) instead of inventing id 0", () => {
    const json = { ...base(), model: { type: "WordPiece", vocab: {}, unk_token: "[UNK]" } };
    expect(() => load(json)).toThrow(/\[UNK\]" is not in the vocabulary \(the vocabulary is empty\)/);
  });
});
