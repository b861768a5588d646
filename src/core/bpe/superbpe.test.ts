import { describe, expect, it } from "vitest";
import { utf8Decode, utf8Encode } from "../text/utf8";
import { splitIsolated, compilePattern, SUPERBPE_STAGE2_PATTERN } from "./pretokenize";
import { seededRandom } from "./random";
import { uninterruptedHooks } from "../jobs/job-hooks";
import { trainBpeJob } from "./lab/train-job";
import { superBpeAccepts } from "./superbpe";
import { BpeTextEncoder } from "./text-encoder";
import { trainBpe } from "./train-bpe";

/** Pseudo-English with very frequent multi-word phrases and "Label: value" lines. */
function corpus(sentences: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const subjects = ["the cat", "a dog", "the people of the world", "my friend", "the government"];
  const verbs = ["sat on", "looked at", "thought about", "is one of the", "went to"];
  const objects = ["the mat", "the end of the day", "a house", "the rest of the world", "new ideas"];
  const lines: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const sentence = `${pick(subjects)} ${pick(verbs)} ${pick(objects)}`;
    lines.push(
      random() < 0.2 ? `Note: ${sentence}.` : `${sentence[0]!.toUpperCase()}${sentence.slice(1)}, and so on.`,
    );
    if (random() < 0.1) lines.push(`In ${1900 + Math.floor(random() * 120)}: ${pick(objects)}!!`);
  }
  return [lines.join("\n")];
}

const words = (token: Uint8Array) => utf8Decode(token).split(" ").filter(Boolean).length;

describe("SuperBPE", () => {
  const texts = corpus(3000, 1);
  // Plain BPE runs out of pairs seen twice at about 364 tokens on this corpus; superwords go further.
  const plain = trainBpe(texts, { vocabSize: 360 }).model;

  it("chunks text with the stage-2 regex as the paper shows", () => {
    expect(splitIsolated("by the way,   it's   fine", compilePattern(SUPERBPE_STAGE2_PATTERN))).toEqual([
      "by the way,",
      "  ",
      " it's",
      "  ",
      " fine",
    ]);
  });

  it("reproduces plain BPE's merges when the transition point is the final size", async () => {
    expect(plain.tokens.length).toBe(360);
    const model = await trainBpeJob({ texts, vocabSize: 360, transition: 360 }, uninterruptedHooks());
    expect(model.merges).toEqual(plain.merges);
  });

  it("keeps the first t merges of plain BPE, then learns superwords under the colon and 4-word rules", async () => {
    const stages: number[] = [];
    const model = await trainBpeJob(
      { texts, vocabSize: 480, transition: 320 },
      uninterruptedHooks((p) => stages.push(p.stage)),
    );
    expect(stages).toContain(1);
    expect(stages).toContain(2);
    const stage1 = trainBpe(texts, { vocabSize: 320 }).model;
    expect(stage1.tokens.length).toBe(320);
    expect(model.merges.slice(0, stage1.merges.length)).toEqual(stage1.merges);
    expect(model.tokens.length).toBe(480);
    const superwords = model.tokens.filter((t) => /\S \S/.test(utf8Decode(t)));
    expect(superwords.length).toBeGreaterThan(20);
    for (const token of model.tokens) {
      expect(utf8Decode(token)).not.toContain(": ");
      expect(words(token)).toBeLessThanOrEqual(4);
    }
    expect(model.tokens.some((t) => words(t) === 4)).toBe(true);
  });

  it("encodes with the stage-2 pre-tokenizer, round-trips, and needs fewer tokens than plain BPE of the same size", async () => {
    const model = await trainBpeJob({ texts, vocabSize: 360, transition: 320 }, uninterruptedHooks());
    const validation = corpus(300, 2)[0]! + "\nOdd: ｕｎｉｃｏｄｅ 🙂 \u0301 \r\n\t end";
    const superIds = new BpeTextEncoder(model).encode(validation);
    const plainIds = new BpeTextEncoder(plain).encode(validation);
    expect(utf8Decode(new BpeTextEncoder(model).decode(superIds))).toBe(validation);
    expect(superIds.length).toBeLessThan(plainIds.length);
  });

  it("rejects exactly the tokens with a colon before a space or more than four words", () => {
    const cases: [string, boolean][] = [
      [" of the", true],
      ["Note:", true],
      [": the", false],
      ["a: b", false],
      ["one two three four", true],
      [" one two three four five", false],
      ["  spaced   words  ", true],
    ];
    for (const [text, accepted] of cases) expect(superBpeAccepts(utf8Encode(text)), text).toBe(accepted);
  });
});
