import fc from "fast-check";
import { describe, it } from "vitest";
import { byteTokens } from "../../src/core/bpe/model";
import { NO_PRETOKENIZATION } from "../../src/core/bpe/pretokenize";
import { toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { NativeTokenizer } from "../../src/core/tokenizers/native/native-tokenizer";
import { hardUnicode, normalizationHeavyUnicode } from "./arbitraries";
import { expectLikeRust } from "./expect-like-rust";
import { rustTokenizer } from "./rust-tokenizers";

// The normalizers' alignments against Hugging Face's Rust tokenizers: a byte-level BPE with no merges makes
// every byte of the normalized text a token, so the ids spell the normalized text and each token's span is
// the input span its byte is aligned to. Compared wherever Rust's spans are byte-exact (contiguous).

const NORMALIZERS: Record<string, unknown> = {
  NFC: { type: "NFC" },
  NFD: { type: "NFD" },
  NFKC: { type: "NFKC" },
  NFKD: { type: "NFKD" },
  "NFKD + StripAccents": { type: "Sequence", normalizers: [{ type: "NFKD" }, { type: "StripAccents" }] },
  StripAccents: { type: "StripAccents" },
  "NFKC + Lowercase": { type: "Sequence", normalizers: [{ type: "NFKC" }, { type: "Lowercase" }] },
  BertNormalizer: {
    type: "BertNormalizer",
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: true,
    lowercase: true,
  },
};

/** A byte-level BPE of the 256 bytes and no merges (our tokenizer.json writer's), with the given normalizer. */
function bytesTokenizerJson(normalizer: unknown): unknown {
  const json = toTokenizerJson({ tokens: byteTokens(), merges: [], pattern: NO_PRETOKENIZATION });
  return { ...json, normalizer };
}

/** Cases found by random testing: a ligature before a non-starter, marks absorbed into a composite, U+FF9E. */
const FOUND = [
  "\uFB01\u0C55",
  "\u00E9\u0328",
  "o\u0344\u0387",
  "\uFF76\uFF9E",
  "\uFB03\uFF9E\u0328",
  "\u09DF\u09C7",
];

describe.each(Object.keys(NORMALIZERS))(
  "the %s normalizer against Hugging Face's Rust tokenizers",
  (name) => {
    const json = bytesTokenizerJson(NORMALIZERS[name]);
    const ours = new NativeTokenizer({
      info: { id: "bytes", name, family: "custom", models: [], source: "test" },
      json,
    });
    const rust = rustTokenizer(json);
    const compare = async (text: string) => {
      expectLikeRust(text, ours.encode(text), await rust(text));
    };

    it("normalizes and aligns the cases random testing found", async () => {
      for (const text of FOUND) await compare(text);
    });

    it("normalizes and aligns random text (half of it rich in compositions, compatibility characters and marks)", async () => {
      await fc.assert(fc.asyncProperty(fc.oneof(normalizationHeavyUnicode(), hardUnicode()), compare), {
        numRuns: 400,
      });
    });
  },
);
