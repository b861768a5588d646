/**
 * Tiny hand-written tokenizer.json files (WordPiece with BERT normalization, Unigram with Metaspace) for
 * tests of the "any tokenizer.json becomes a lane" path.
 */

/** A tokenizer.json added token that is special, matched as is (no single-word, strip or normalization). */
export function specialToken(id: number, content: string) {
  return { id, content, special: true, single_word: false, lstrip: false, rstrip: false, normalized: false };
}

/** WordPiece: lower-casing, Chinese-character spacing, [UNK] and [CLS]. */
export const WORDPIECE_JSON = {
  version: "1.0",
  added_tokens: [specialToken(0, "[UNK]"), specialToken(1, "[CLS]")],
  normalizer: {
    type: "BertNormalizer",
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: "BertPreTokenizer" },
  post_processor: null,
  decoder: { type: "WordPiece", prefix: "##", cleanup: true },
  model: {
    type: "WordPiece",
    unk_token: "[UNK]",
    continuing_subword_prefix: "##",
    max_input_chars_per_word: 100,
    vocab: {
      "[UNK]": 0,
      "[CLS]": 1,
      hello: 2,
      world: 3,
      "##s": 4,
      un: 5,
      "##believ": 6,
      "##able": 7,
      ",": 8,
      "!": 9,
      中: 10,
      "##e": 11,
      e: 12,
    },
  },
};

/** Unigram with Metaspace and <unk>. */
export const UNIGRAM_JSON = {
  version: "1.0",
  added_tokens: [specialToken(0, "<unk>")],
  normalizer: null,
  pre_tokenizer: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
  post_processor: null,
  decoder: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
  model: {
    type: "Unigram",
    unk_id: 0,
    byte_fallback: false,
    vocab: [
      ["<unk>", 0],
      ["▁", -2],
      ["▁hello", -3],
      ["▁world", -3],
      ["h", -5],
      ["e", -5],
      ["l", -5],
      ["o", -5],
      ["w", -5],
      ["r", -5],
      ["d", -5],
      ["▁he", -4],
      ["llo", -4],
    ],
  },
};
