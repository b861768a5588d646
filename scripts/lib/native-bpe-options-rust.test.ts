import fc from "fast-check";
import { describe, it } from "vitest";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import { expectLikeRust } from "./expect-like-rust";
import { rustTokenizer } from "./rust-tokenizers";

// The BPE model's options against Hugging Face's Rust tokenizers on small character-level vocabularies:
// byte fallback, unknown tokens fused or not (or dropped), continuing-subword prefix, end-of-word suffix.
// Words run from one character to a few hundred, so both the rescanning merge (short words) and the
// merge of long words (more than 48 symbols, by rank tournament over typed symbol lists) are checked.

interface Options {
  byteFallback?: boolean;
  unk?: boolean;
  fuseUnk?: boolean;
  prefix?: string;
  suffix?: string;
}

/** Merges over plain strings, in rank order; every variant (prefix on the right side, suffix at the end) follows. */
const BASE_MERGES: [string, string][] = [
  ["a", "b"],
  ["a", "a"],
  ["b", "c"],
  ["aa", "aa"],
  ["ab", "c"],
  ["c", "c"],
  ["aaaa", "b"],
  ["cc", "cc"],
  ["b", "a"],
  ["ba", "ba"],
];

function bpeJson(options: Options): unknown {
  const prefix = options.prefix ?? "";
  const suffix = options.suffix ?? "";
  const vocab: Record<string, number> = {};
  const add = (token: string): void => {
    if (!(token in vocab)) vocab[token] = Object.keys(vocab).length;
  };
  if (options.unk) add("<unk>");
  if (options.byteFallback)
    for (let byte = 0; byte < 256; byte++) add(`<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`);
  const variants = (token: string): string[] => [
    token,
    prefix + token,
    token + suffix,
    prefix + token + suffix,
  ];
  for (const char of ["a", "b", "c"]) variants(char).forEach(add);
  const merges: string[] = [];
  for (const [x, y] of BASE_MERGES) {
    variants(x + y).forEach(add);
    for (const left of new Set([x, prefix + x]))
      for (const right of new Set([prefix + y, prefix + y + suffix])) merges.push(`${left} ${right}`);
  }
  return {
    version: "1.0",
    added_tokens: [],
    normalizer: null,
    pre_tokenizer: { type: "WhitespaceSplit" },
    post_processor: null,
    decoder: null,
    model: {
      type: "BPE",
      dropout: null,
      unk_token: options.unk ? "<unk>" : null,
      continuing_subword_prefix: options.prefix ?? null,
      end_of_word_suffix: options.suffix ?? null,
      fuse_unk: options.fuseUnk ?? false,
      byte_fallback: options.byteFallback ?? false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
}

const CONFIGURATIONS: Record<string, Options> = {
  "byte fallback": { byteFallback: true },
  "unknown tokens, fused": { unk: true, fuseUnk: true },
  "unknown tokens, one per character": { unk: true },
  "unknown characters dropped": {},
  "continuing-subword prefix": { unk: true, prefix: "##" },
  "end-of-word suffix": { unk: true, fuseUnk: true, suffix: "</w>" },
  "prefix, suffix and byte fallback": { byteFallback: true, prefix: "##", suffix: "</w>" },
};

/**
 * With a prefix or suffix and byte fallback, Rust gives each fallback byte of `##😀` one byte of the input,
 * the prefix's two as well, so every later offset of that word is shifted by two (and the last ones fall off
 * the end): its spans mean nothing there. Ours give the character's 4 bytes to its first 4 fallback tokens.
 * The ids are compared in every case.
 */
function rustSpansShifted(options: Options, json: unknown, ids: number[]): boolean {
  if (!options.byteFallback || (options.prefix === undefined && options.suffix === undefined)) return false;
  const vocab = (json as { model: { vocab: Record<string, number> } }).model.vocab;
  const fallback = new Set(
    Object.entries(vocab).flatMap(([token, id]) => (token.startsWith("<0x") ? [id] : [])),
  );
  return ids.some((id) => fallback.has(id));
}

/** A word of `min`–`max` characters drawn from `chars`. */
const word = (chars: string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((list) => list.join(""));

/** Words of known and unknown characters (a 2-byte, a 3-byte and a 4-byte one), short and long. */
const text = fc
  .array(
    fc.oneof(
      word(["a", "b", "c", "é", "€", "😀"], 1, 12),
      word(["a", "b", "c"], 60, 300),
      word(["a", "😀"], 40, 120),
      fc.constantFrom("a".repeat(257), "ab".repeat(90) + "€", "é".repeat(70)),
    ),
    { maxLength: 6 },
  )
  .map((words) => words.join(" "));

describe.each(Object.keys(CONFIGURATIONS))("BPE with %s against Hugging Face's Rust tokenizers", (name) => {
  it("gives the same ids, and the same spans wherever Rust's are byte-exact", async () => {
    const options = CONFIGURATIONS[name]!;
    const json = bpeJson(options);
    const ours = new NativeTokenizer({
      info: { id: name, name, family: "custom", models: [], source: "test" },
      json,
    });
    const rust = rustTokenizer(json);
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const reference = await rust(input);
        expectLikeRust(input, ours.encode(input), reference, {
          spans: !rustSpansShifted(options, json, reference.ids),
        });
      }),
      { numRuns: 150 },
    );
  });
});
