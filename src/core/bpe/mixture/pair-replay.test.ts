import { describe, expect, it } from "vitest";
import { utf8Encode } from "../../text/utf8";
import { mergeResults, type BpeModel } from "../model";
import { countChunks } from "../pretokenize";
import { seededRandom } from "../random";
import { trainBpe } from "../train-bpe";
import { scanConstraints } from "./constraint-scan";
import { pairKey, replayMerges, type CategoryPairCounts } from "./pair-replay";

/** Random words over a small alphabet, with repeats, so that pairs compete and overlap (`aaa`). */
function corpus(seed: number, words: number, alphabet = "aabcdé "): string {
  const random = seededRandom(seed);
  const letters = [...alphabet];
  let text = "";
  for (let i = 0; i < words; i++) {
    const length = 1 + Math.floor(random() * 6);
    for (let j = 0; j < length; j++) text += letters[Math.floor(random() * letters.length)]!;
    text += random() < 0.1 ? "\n" : " ";
  }
  return text;
}

/** The slow, obviously right reference: pair counts recounted from scratch before every merge. */
function naiveCounts(model: BpeModel, text: string, steps: number): Map<number, number>[] {
  const results = mergeResults(model);
  const words = [...countChunks([text], model.pattern)].map(([chunk, count]) => ({
    symbols: [...utf8Encode(chunk)],
    count,
  }));
  const history: Map<number, number>[] = [];
  for (let t = 0; t <= steps; t++) {
    const counts = new Map<number, number>();
    for (const { symbols, count } of words)
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = pairKey(symbols[i]!, symbols[i + 1]!);
        counts.set(key, (counts.get(key) ?? 0) + count);
      }
    history.push(counts);
    if (t === steps) break;
    const [left, right] = model.merges[t]!;
    for (const word of words) {
      const out: number[] = [];
      for (let i = 0; i < word.symbols.length; i++) {
        if (word.symbols[i] === left && word.symbols[i + 1] === right) {
          out.push(results[t]!);
          i++;
        } else out.push(word.symbols[i]!);
      }
      word.symbols = out;
    }
  }
  return history;
}

/** The counts the replay implies before step t: initial counts plus the deltas of steps 0 … t−1. */
function replayedCounts(counts: CategoryPairCounts, t: number): Map<number, number> {
  const live = new Map<number, number>();
  counts.initialKeys.forEach((key, k) => live.set(key, counts.initialCounts[k]!));
  for (let k = 0; k < counts.deltaStarts[t]!; k++) {
    const key = counts.deltaKeys[k]!;
    const next = (live.get(key) ?? 0) + counts.deltaValues[k]!;
    if (next === 0) live.delete(key);
    else live.set(key, next);
  }
  return live;
}

describe("merge replay", () => {
  const training = corpus(1, 4000);
  const model = trainBpe([training], { vocabSize: 256 + 60 }).model;

  it("reproduces from-scratch pair counts before every merge, on text the model never saw", () => {
    const other = corpus(2, 3000, "abcdéé  ");
    const replay = replayMerges(model, countChunks([other], model.pattern));
    const naive = naiveCounts(model, other, model.merges.length);
    for (let t = 0; t <= model.merges.length; t++) {
      expect(replayedCounts(replay, t)).toEqual(naive[t]);
      if (t < model.merges.length)
        expect(replay.chosen[t]).toBe(naive[t]!.get(pairKey(...model.merges[t]!)) ?? 0);
    }
    expect(replay.bytes).toBe(utf8Encode(other).length);
    expect(replay.pairs).toBe([...naive[0]!.values()].reduce((a, b) => a + b, 0));
  });

  it("finds, on the training text itself, that every merge was the most frequent pair left", () => {
    const replay = replayMerges(model, countChunks([training], model.pattern));
    const naive = naiveCounts(model, training, model.merges.length);
    const merged = new Set<number>();
    model.merges.forEach((merge, t) => {
      const key = pairKey(...merge);
      for (const [pair, count] of naive[t]!)
        if (!merged.has(pair)) expect(count).toBeLessThanOrEqual(replay.chosen[t]!);
      merged.add(key);
    });
    const violated = scanConstraints([replay], { weights: [1], scales: [1], perStep: 10, mode: "violated" });
    expect(violated).toEqual([]);
  });

  it("lists, on other text, exactly the competitors that beat the chosen merge", () => {
    const other = corpus(3, 3000, "bcdd  é");
    const replay = replayMerges(model, countChunks([other], model.pattern));
    const naive = naiveCounts(model, other, model.merges.length);
    const expected: string[] = [];
    const merged = new Set<number>();
    model.merges.forEach((merge, t) => {
      const key = pairKey(...merge);
      const chosen = naive[t]!.get(key) ?? 0;
      for (const [pair, count] of naive[t]!)
        if (pair !== key && !merged.has(pair) && count > chosen) expected.push(`${t}:${pair}`);
      merged.add(key);
    });
    expect(expected.length).toBeGreaterThan(10);
    const found = scanConstraints([replay], { weights: [1], scales: [1], perStep: 1e9, mode: "violated" });
    expect(found.map((c) => `${c.step}:${c.pair}`).sort()).toEqual(expected.sort());
    for (const c of found) {
      const counts = naive[c.step]!;
      expect(c.coefficients[0]).toBe(
        (counts.get(pairKey(...model.merges[c.step]!)) ?? 0) - counts.get(c.pair)!,
      );
    }
  });
});
