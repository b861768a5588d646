import { bytesKey } from "../../bpe/model";
import type { TokenLanguageModel } from "./token-lm";

/**
 * A text source for brute-force checks (ALGORITHMS §1.10): a Markov chain over symbols (byte strings such
 * as "A" or "é", prefix-free), ending after each symbol with the probability its transition row leaves
 * over, and surely after `maxSymbols` symbols, so every text can be enumerated.
 */
export interface MarkovTextSource {
  /** The symbols' bytes. */
  symbols: Uint8Array[];
  /** P(first symbol); what the row leaves over is the probability of the empty text. */
  initial: number[];
  /** transition[a][b] = P(next symbol b | symbol a); 1 − Σ_b is P(end | a). */
  transition: number[][];
  /** Texts end after this many symbols at the latest. */
  maxSymbols: number;
}

/** Exact probabilities of a {@link MarkovTextSource}, in bytes and in tokens of one tokenizer. */
export interface MarkovOracle {
  /** Every text of positive probability. */
  texts: { bytes: Uint8Array; prob: number }[];
  /** P(a text starts with these bytes). */
  prefixProb(bytes: Uint8Array): number;
  /** P(the text is exactly these bytes). */
  textProb(bytes: Uint8Array): number;
  /** P(a text's encoding starts with these ids). */
  tokenPrefixProb(ids: ArrayLike<number>): number;
  /** P(a text's encoding is exactly these ids). */
  tokenTextProb(ids: ArrayLike<number>): number;
  /** P(next byte | prefix) for bytes 0–255 and end-of-text (index 256); NaN where P(prefix) = 0. */
  nextByte(bytes: Uint8Array): Float64Array;
  /** The perfect token LM of this source (a uniform row after a prefix of probability 0). */
  tokenModel: TokenLanguageModel;
}

/** Enumerates every text of the source and tabulates byte- and token-level probabilities. */
export function markovOracle(
  source: MarkovTextSource,
  encode: (bytes: Uint8Array) => ArrayLike<number>,
  vocabSize: number,
): MarkovOracle {
  const texts: { bytes: Uint8Array; prob: number }[] = [];
  const visit = (bytes: Uint8Array, last: number, count: number, prob: number): void => {
    const row = last < 0 ? source.initial : source.transition[last]!;
    const stay = count >= source.maxSymbols ? 0 : sum(row);
    const end = prob * (1 - stay);
    if (end > 0) texts.push({ bytes, prob: end });
    if (stay === 0) return;
    row.forEach((p, symbol) => {
      if (p > 0) visit(concatBytes(bytes, source.symbols[symbol]!), symbol, count + 1, prob * p);
    });
  };
  visit(new Uint8Array(0), -1, 0, 1);

  const prefixMass = new Map<string, number>();
  const textMass = new Map<string, number>();
  const tokenPrefix = new Map<string, number>();
  const tokenText = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, p: number): void => {
    map.set(key, (map.get(key) ?? 0) + p);
  };
  for (const { bytes, prob } of texts) {
    for (let k = 0; k <= bytes.length; k++) add(prefixMass, bytesKey(bytes, 0, k), prob);
    add(textMass, bytesKey(bytes), prob);
    const ids = Array.from(encode(bytes));
    for (let j = 0; j <= ids.length; j++) add(tokenPrefix, ids.slice(0, j).join(","), prob);
    add(tokenText, ids.join(","), prob);
  }
  const tokenKey = (ids: ArrayLike<number>): string => Array.prototype.join.call(ids, ",");
  const tokenPrefixProb = (ids: ArrayLike<number>): number => tokenPrefix.get(tokenKey(ids)) ?? 0;

  return {
    texts,
    prefixProb: (bytes) => prefixMass.get(bytesKey(bytes)) ?? 0,
    textProb: (bytes) => textMass.get(bytesKey(bytes)) ?? 0,
    tokenPrefixProb,
    tokenTextProb: (ids) => tokenText.get(tokenKey(ids)) ?? 0,
    nextByte(bytes) {
      const total = prefixMass.get(bytesKey(bytes)) ?? 0;
      const out = new Float64Array(257);
      const extended = new Uint8Array(bytes.length + 1);
      extended.set(bytes, 0);
      for (let byte = 0; byte < 256; byte++) {
        extended[bytes.length] = byte;
        out[byte] = (prefixMass.get(bytesKey(extended)) ?? 0) / total;
      }
      out[256] = (textMass.get(bytesKey(bytes)) ?? 0) / total;
      return out;
    },
    tokenModel: {
      name: "markov-oracle",
      vocabSize,
      async logProbs(prefixes) {
        return prefixes.map((prefix) => {
          const key = tokenKey(prefix);
          const total = tokenPrefix.get(key) ?? 0;
          if (total === 0) return new Float64Array(vocabSize + 1).fill(-Math.log(vocabSize + 1));
          const row = new Float64Array(vocabSize + 1);
          const head = key === "" ? "" : `${key},`;
          for (let id = 0; id < vocabSize; id++)
            row[id] = Math.log((tokenPrefix.get(head + id) ?? 0) / total);
          row[vocabSize] = Math.log((tokenText.get(key) ?? 0) / total);
          return row;
        });
      },
    },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
