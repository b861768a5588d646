import type { BpeModel } from "../../bpe/model";
import { seededRandom } from "../../bpe/random";
import { trainBpe } from "../../bpe/train-bpe";
import { utf8Decode, utf8Encode } from "../../text/utf8";
import { bpeLemmaTokenizer } from "./bpe-lemma-tokenizer";
import { functionLemmaTokenizer, type LemmaTokenizer } from "./lemma-tokenizer";
import { markovOracle, type MarkovOracle, type MarkovTextSource } from "./markov-oracle";
import { TokenContextModel } from "./token-lm";
import { maximalPrefixEncoder } from "./maximal-prefix-encoding";

/** A small tokenizer with its encode function, for brute-force checks of the lemma. */
export interface OracleFixture {
  name: string;
  source: MarkovTextSource;
  tokenizer: LemmaTokenizer;
  encode: (bytes: Uint8Array) => ArrayLike<number>;
}

/** ALGORITHMS §1.6's chain: P(first) = ½ each, P(A→A) = α = 0.6, P(B→A) = β = 0.3, no end before 8 symbols. */
export const WORKED_EXAMPLE_CHAIN: MarkovTextSource = {
  symbols: [utf8Encode("A"), utf8Encode("B")],
  initial: [0.5, 0.5],
  transition: [
    [0.6, 0.4],
    [0.3, 0.7],
  ],
  maxSymbols: 8,
};

/** The worked examples' set-up: maximal-prefix encoding over `vocabulary` and the chain's exact token LM. */
export function workedExampleModel(vocabulary: string[]): { model: TokenContextModel; oracle: MarkovOracle } {
  const tokens = vocabulary.map(utf8Encode);
  const encode = maximalPrefixEncoder(tokens);
  const oracle = markovOracle(WORKED_EXAMPLE_CHAIN, encode, tokens.length);
  return {
    model: new TokenContextModel(oracle.tokenModel, functionLemmaTokenizer({ tokens, encode })),
    oracle,
  };
}

/** A random chain over `symbols`: positive transitions, each state ending with probability 0.1–0.3. */
export function randomSource(
  random: () => number,
  symbols: string[],
  maxSymbols: number,
  forbid: [number, number][] = [],
): MarkovTextSource {
  const row = (from: number): number[] => {
    const weights = symbols.map((_, to) =>
      forbid.some(([a, b]) => a === from && b === to) ? 0 : 0.2 + random(),
    );
    const stay = 0.7 + 0.2 * random();
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => (w / total) * stay);
  };
  return {
    symbols: symbols.map(utf8Encode),
    initial: row(-1).map((p) => p / 0.95),
    transition: symbols.map((_, from) => row(from)),
    maxSymbols,
  };
}

function randomString(random: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
}

/** MPE over {A, B, C} plus a few random multi-byte tokens. */
export function mpeFixture(seed: number): OracleFixture {
  const random = seededRandom(seed);
  const words = new Set(["A", "B", "C"]);
  while (words.size < 8) words.add(randomString(random, "ABC", 2, 3));
  const tokens = [...words].map(utf8Encode);
  const encode = maximalPrefixEncoder(tokens);
  return {
    name: `MPE ${[...words].join(" ")}`,
    source: randomSource(random, ["A", "B", "C"], 7),
    tokenizer: functionLemmaTokenizer({ tokens, encode }),
    encode,
  };
}

/** BPE without pre-tokenization over {A, B, C}: random merges of existing tokens, in random rank order. */
export function bpeFixture(seed: number): OracleFixture {
  const random = seededRandom(seed);
  const tokens = ["A", "B", "C"].map(utf8Encode);
  const seen = new Set(["A", "B", "C"]);
  const merges: [number, number][] = [];
  while (merges.length < 6) {
    const left = Math.floor(random() * tokens.length);
    const right = Math.floor(random() * tokens.length);
    const text = utf8Decode(tokens[left]!) + utf8Decode(tokens[right]!);
    if (seen.has(text) || text.length > 4) continue;
    seen.add(text);
    merges.push([left, right]);
    tokens.push(utf8Encode(text));
  }
  const model: BpeModel = { tokens, merges, pattern: "[^]+" };
  const tokenizer = bpeLemmaTokenizer(model);
  return {
    name: `BPE ${[...seen].join(" ")}`,
    source: randomSource(random, ["A", "B", "C"], 7),
    tokenizer,
    encode: (bytes) => tokenizer.encode(bytes),
  };
}

/**
 * Byte-level BPE with GPT-4's pre-tokenization, trained on text from a chain over {a, b, space, é} that
 * never repeats a space (a double space splits differently once a word follows: outside the lemma's
 * validity test, see ALGORITHMS' verification notes).
 */
export function pretokenizedBpeFixture(seed: number): OracleFixture {
  const random = seededRandom(seed);
  const symbols = ["a", "b", " ", "é"];
  const source = randomSource(random, symbols, 6, [[2, 2]]);
  const sample: string[] = [];
  for (let i = 0; i < 400; i++) sample.push(randomString(random, "abé ", 1, 6).replace(/ +/g, " "));
  const { model } = trainBpe(sample, { vocabSize: 256 + 14 });
  const tokenizer = bpeLemmaTokenizer(model);
  return { name: "pre-tokenized BPE", source, tokenizer, encode: (bytes) => tokenizer.encode(bytes) };
}
