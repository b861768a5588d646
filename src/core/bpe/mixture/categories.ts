import type { BpeModel } from "../model";
import { countChunks } from "../pretokenize";
import { seededPermutation } from "../random";
import { replayMerges, type CategoryPairCounts } from "./pair-replay";
import { utf8ByteLength } from "../../text/utf8";

/** A category's text, split into a part to train on and a disjoint part to estimate from. */
export interface CategoryPool {
  name: string;
  train: string;
  sample: string;
}

/** The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that ends on a code point boundary. */
export function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const point = text.codePointAt(i)!;
    const width = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    if (bytes + width > maxBytes) break;
    bytes += width;
    i += point > 0xffff ? 2 : 1;
  }
  return text.slice(0, i);
}

/**
 * Splits a text into two disjoint halves of the same make-up: its lines in a seeded random order, even
 * ones to `train` and odd ones to `sample`. Any prefix of either half is then a random sample of the
 * lines, so a small training share of a varied category (many languages) is still representative, and
 * a controlled experiment never estimates from the text it trained on.
 */
export function splitPool(name: string, text: string, seed = 1): CategoryPool {
  const lines = text.split("\n");
  const order = seededPermutation(lines.length, seed);
  const train: string[] = [];
  const sample: string[] = [];
  order.forEach((line, i) => (i % 2 === 0 ? train : sample).push(lines[line]!));
  return { name, train: train.join("\n"), sample: sample.join("\n") };
}

/** A training corpus with known byte proportions, and the proportions it really has. */
export interface MixedCorpus {
  /** One text per category (chunks never cross texts). */
  texts: string[];
  /** Bytes taken from each category. */
  bytes: number[];
  /** `bytes` normalized: the ground truth an estimate is scored against. */
  proportions: number[];
}

/**
 * Takes `proportions[i] · totalBytes` bytes from the start of each pool's training half.
 * @throws Error when a pool is too small for its share
 */
export function mixCorpus(
  pools: readonly CategoryPool[],
  proportions: readonly number[],
  totalBytes: number,
): MixedCorpus {
  const sum = proportions.reduce((a, b) => a + b, 0);
  const texts = pools.map((pool, i) => {
    const budget = Math.floor(((proportions[i] ?? 0) / sum) * totalBytes);
    const text = utf8Prefix(pool.train, budget);
    if (budget - utf8ByteLength(text) > 4)
      throw new Error(`Category "${pool.name}" has fewer than ${budget} bytes to train on.`);
    return text;
  });
  const bytes = texts.map((text) => utf8ByteLength(text));
  const total = bytes.reduce((a, b) => a + b, 0);
  return { texts, bytes, proportions: bytes.map((b) => b / total) };
}

/**
 * A category sample's pair statistics under a model: pre-tokenize the texts with the model's regex and
 * replay its first `maxMerges` merges ({@link replayMerges}).
 */
export function categoryPairCounts(
  model: Pick<BpeModel, "tokens" | "merges" | "pattern">,
  texts: Iterable<string>,
  maxMerges?: number,
): CategoryPairCounts {
  return replayMerges(model, countChunks(texts, model.pattern), maxMerges);
}
