import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Encode } from "../text/utf8";
import { MergeEncoder } from "./merge-encoder";
import { countChunks } from "./pretokenize";
import { trainBpe, trainBpeOnChunks } from "./train-bpe";
import { BpeTrainer } from "./trainer";
import { byteWords } from "./train-bpe";

/**
 * Textbook BPE, recounting every pair from scratch at each step: the slow, obviously right reference. Same
 * documented rule as the trainer: highest count, ties to the smallest (left id, right id); a pair is merged
 * once; a merge that recreates existing bytes reuses that id.
 */
function naiveTrain(chunks: Map<string, number>, vocabSize: number, minFrequency = 2) {
  const tokens: number[][] = Array.from({ length: 256 }, (_, b) => [b]);
  const byKey = new Map(tokens.map((t, id) => [t.join(","), id]));
  const words = [...chunks].map(([chunk, count]) => ({ symbols: [...utf8Encode(chunk)], count }));
  const merges: [number, number][] = [];
  const done = new Set<string>();
  while (tokens.length < vocabSize) {
    const counts = new Map<string, number>();
    for (const { symbols, count } of words)
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = `${symbols[i]},${symbols[i + 1]}`;
        counts.set(key, (counts.get(key) ?? 0) + count);
      }
    let best: [number, number] | null = null;
    let bestCount = 0;
    for (const [key, count] of counts) {
      if (done.has(key)) continue;
      const [a, b] = key.split(",").map(Number) as [number, number];
      if (
        count > bestCount ||
        (count === bestCount && best && (a < best[0] || (a === best[0] && b < best[1])))
      ) {
        best = [a, b];
        bestCount = count;
      }
    }
    if (!best || bestCount < minFrequency) break;
    done.add(best.join(","));
    const bytes = [...tokens[best[0]]!, ...tokens[best[1]]!];
    let id = byKey.get(bytes.join(","));
    if (id === undefined) {
      id = tokens.length;
      tokens.push(bytes);
      byKey.set(bytes.join(","), id);
    }
    merges.push(best);
    for (const word of words) {
      const out: number[] = [];
      for (let i = 0; i < word.symbols.length; i++) {
        if (i + 1 < word.symbols.length && word.symbols[i] === best[0] && word.symbols[i + 1] === best[1]) {
          out.push(id);
          i++;
        } else out.push(word.symbols[i]!);
      }
      word.symbols = out;
    }
  }
  return { tokens, merges, words };
}

const SMALL_TEXT = fc
  .array(fc.constantFrom("a", "b", "ab", "aab", " ", " ab", "\n", "é", "🙂", "ba", "1", "12", "aaa", "b."), {
    maxLength: 60,
  })
  .map((parts) => parts.join(""));

describe("BpeTrainer", () => {
  it("learns the same merges as textbook BPE on random corpora", () => {
    fc.assert(
      fc.property(
        fc.array(SMALL_TEXT, { maxLength: 6 }),
        fc.integer({ min: 256, max: 300 }),
        (texts, size) => {
          const chunks = countChunks(texts);
          const expected = naiveTrain(chunks, size);
          const { model } = trainBpeOnChunks(chunks, { vocabSize: size });
          expect(model.merges).toEqual(expected.merges);
          expect(model.tokens.map((t) => [...t])).toEqual(expected.tokens);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("learns the same merges as textbook BPE on English prose", () => {
    const text = PROSE.repeat(3);
    const chunks = countChunks([text]);
    const expected = naiveTrain(chunks, 420);
    const { model } = trainBpe([text], { vocabSize: 420 });
    expect(model.merges).toEqual(expected.merges);
    expect(model.tokens.length).toBe(420);
  });

  it("segments every training chunk as the merge list later encodes it", () => {
    const chunks = countChunks([PROSE]);
    const expected = naiveTrain(chunks, 400);
    const encoder = new MergeEncoder({
      tokens: expected.tokens.map((t) => Uint8Array.from(t)),
      merges: expected.merges,
    });
    [...chunks.keys()].forEach((chunk, w) => {
      const ids: number[] = [];
      encoder.encodeChunk(utf8Encode(chunk), ids);
      expect(ids).toEqual(expected.words[w]!.symbols);
    });
  });

  it("gives the same result in slices as in one run, and stops when asked", () => {
    const words = byteWords(countChunks([PROSE]));
    const whole = new BpeTrainer(words, { vocabSize: 380 });
    whole.run();
    const sliced = new BpeTrainer(words, { vocabSize: 380 });
    while (!sliced.done) sliced.step(7);
    expect(sliced.result()).toEqual(whole.result());

    const reports: number[] = [];
    let polls = 0;
    const stopped = new BpeTrainer(words, {
      vocabSize: 380,
      progressEvery: 10,
      onProgress: (p) => reports.push(p.merges),
      shouldStop: () => ++polls > 3,
    });
    expect(stopped.run()).toBe(false);
    expect(reports).toEqual([10, 20, 30]);
    expect(stopped.result().merges).toEqual(whole.result().merges.slice(0, 30));
  });

  it("stops early when no pair reaches the minimum frequency", () => {
    const { model, completed } = trainBpe(["abc abd"], { vocabSize: 1000 });
    expect(completed).toBe(true);
    expect(
      model.merges.map(([a, b]) => String.fromCharCode(...model.tokens[a]!, ...model.tokens[b]!)),
    ).toEqual(["ab"]);
  });
});

const PROSE = `The Fulton County Grand Jury said Friday an investigation of Atlanta's recent primary election produced
"no evidence" that any irregularities took place. The jury further said in term-end presentments that the City
Executive Committee, which had over-all charge of the election, "deserves the praise and thanks of the City of
Atlanta" for the manner in which the election was conducted. Everyone has the right to life, liberty and security
of person. No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all
their forms. Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne. 人人生而自由，在尊严和权利上一律平等。
1984: 12,345 items at 3.14 each — 2024-01-01.\r\n\tIndented   spaces   and\n\nnewlines.`;
