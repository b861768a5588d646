import type { TokenLanguageModel } from "./token-lm";

/** Options of {@link hashedTokenLm}. */
export interface HashedTokenLmOptions {
  /** Seed mixed into every logit (default 1). */
  seed?: number;
  /** How many trailing ids the distribution depends on (default 2: a hashed trigram model). */
  order?: number;
  /** Logits are uniform in [0, spread) before the softmax (default 8: fairly peaked rows). */
  spread?: number;
}

/**
 * A cheap deterministic stand-in for a trained token LM (benchmarks, tests, the CLI before the real model
 * exists): each row is a softmax of pseudo-random logits hashed from the last `order` ids. It puts mass on
 * non-canonical continuations, as real LMs do.
 */
export function hashedTokenLm(vocabSize: number, options: HashedTokenLmOptions = {}): TokenLanguageModel {
  const seed = options.seed ?? 1;
  const order = options.order ?? 2;
  const spread = options.spread ?? 8;
  return {
    name: "hashed-token-lm",
    vocabSize,
    async logProbs(prefixes) {
      return prefixes.map((prefix) => {
        let state = mix(seed, prefix.length === 0 ? 0x51ed27 : 0);
        for (let j = Math.max(0, prefix.length - order); j < prefix.length; j++)
          state = mix(state, prefix[j]! + 1);
        const row = new Float32Array(vocabSize + 1);
        let max = -Infinity;
        for (let id = 0; id <= vocabSize; id++) {
          const logit = (mix(state, id + 0x9e37) / 4294967296) * spread;
          row[id] = logit;
          max = Math.max(max, logit);
        }
        let sum = 0;
        for (let id = 0; id <= vocabSize; id++) sum += Math.exp(row[id]! - max);
        const logZ = max + Math.log(sum);
        for (let id = 0; id <= vocabSize; id++) row[id] = row[id]! - logZ;
        return row;
      });
    },
  };
}

/** A 32-bit integer hash step (murmur3-style finalizer of state ⊕ value). */
function mix(state: number, value: number): number {
  let h = Math.imul(state ^ value, 0x85ebca6b) ^ (value >>> 13);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
