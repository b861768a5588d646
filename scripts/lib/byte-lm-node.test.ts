import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ngramWindowBits, trainByteNgram } from "../../src/core/lm/byte-ngram";
import { heldOutFigures } from "../../src/core/lm/english-eval";
import { EVAL_PROTOCOL, evaluationWindows } from "../../src/core/lm/eval-protocol";
import type { ScriptGroup } from "../../src/core/lm/script-group";
import { computeSurprisal, scoreWindows } from "../../src/core/lm/surprisal";
import type { LmCorpus, LmCorpusManifest } from "../build-lm-corpus";
import { buildLmCorpus, LM_MANIFEST_PATH } from "../build-lm-corpus";
import { lmCommand } from "../cli/lm-command";
import type { ByteLmCard, NodeByteLanguageModel } from "./byte-lm-node";
import { BYTE_LM_FIXTURE_PATH, loadByteLmNode, readByteLmCard } from "./byte-lm-node";

interface Fixture {
  bos: number;
  cases: { bytes: number[]; positions: number[]; logits: number[][] }[];
}

const encoder = new TextEncoder();

describe("the committed byte LM in Node (onnxruntime-web, WebAssembly)", () => {
  let model: NodeByteLanguageModel;
  let card: ByteLmCard;
  let corpus: LmCorpus;

  beforeAll(async () => {
    card = await readByteLmCard();
    model = await loadByteLmNode(undefined, card);
    // CI has no training/data: rebuild the split in memory (the same function `npm run lm:corpus` runs).
    corpus = buildLmCorpus();
  });
  afterAll(() => model?.release());

  it("reproduces the training fixture's logits", async () => {
    const fixture = JSON.parse(readFileSync(BYTE_LM_FIXTURE_PATH, "utf8")) as Fixture;
    expect(fixture.bos).toBe(card.bos);
    const outputs = await model.logits(fixture.cases.map((c) => Uint8Array.from(c.bytes)));
    let worst = 0;
    fixture.cases.forEach((c, i) => {
      const logits = outputs[i]!;
      expect(logits.length).toBe((c.bytes.length + 1) * 256);
      c.positions.forEach((position, k) =>
        c.logits[k]!.forEach((expected, v) => {
          worst = Math.max(worst, Math.abs(logits[position * 256 + v]! - expected));
        }),
      );
    });
    expect(worst).toBeLessThan(1e-3);
  });

  it("rebuilds the corpus split exactly as the committed manifest records it", () => {
    const committed = JSON.parse(readFileSync(LM_MANIFEST_PATH, "utf8")) as LmCorpusManifest;
    expect(corpus.manifest).toEqual(committed);
  });

  it("beats a Kneser–Ney 5-gram on the validation protocol and matches the model card", async () => {
    expect(card.evaluation.protocol).toEqual(EVAL_PROTOCOL);
    expect(EVAL_PROTOCOL.windowBytes).toBe(card.contextLength);
    const validDocs = corpus.split.valid.map((d) => encoder.encode(d.text));
    const windows = evaluationWindows(validDocs);

    const started = performance.now();
    const bits = await scoreWindows(
      model,
      windows.map((w) => w.bytes),
    );
    const modelSeconds = (performance.now() - started) / 1000;
    const groups = corpus.manifest.validDocuments.map((d) => d.group);
    const sums = new Map<ScriptGroup | "all", [number, number]>();
    windows.forEach((w, i) => {
      const s = bits[i]!.reduce((a, b) => a + b, 0);
      for (const key of ["all", groups[w.document]!] as const) {
        const [sum, n] = sums.get(key) ?? [0, 0];
        sums.set(key, [sum + s, n + bits[i]!.length]);
      }
    });
    const [sum, n] = sums.get("all")!;
    const modelBpb = sum / n;

    // Both baselines are trained on the same train split and scored on the same windows, here, by group too.
    const trainDocs = corpus.split.train.map((d) => encoder.encode(d.text));
    const ngram = (order: number) => {
      const model = trainByteNgram(trainDocs, order);
      const byGroup = new Map<ScriptGroup | "all", [number, number]>();
      windows.forEach((w) => {
        const wbits = ngramWindowBits(model, w.bytes);
        const s = wbits.reduce((a, b) => a + b, 0);
        for (const key of ["all", groups[w.document]!] as const) {
          const [sum, n] = byGroup.get(key) ?? [0, 0];
          byGroup.set(key, [sum + s, n + wbits.length]);
        }
      });
      return new Map([...byGroup].map(([key, [s, c]]) => [key, s / c]));
    };
    const [ngram4, ngram5] = [ngram(4), ngram(5)];
    const figure = (map: Map<string, number>, key: string) => map.get(key)!.toFixed(4);
    console.info(
      `byte-lm ${modelBpb.toFixed(4)} bits/byte (${n} bytes, ${modelSeconds.toFixed(1)} s on wasm), ` +
        `KN 4-gram ${figure(ngram4, "all")}, KN 5-gram ${figure(ngram5, "all")}; by group (model / KN 5-gram): ` +
        [...sums]
          .filter(([key]) => key !== "all")
          .map(([key, [s, c]]) => `${key} ${(s / c).toFixed(3)} / ${figure(ngram5, key)}`)
          .join(", "),
    );

    expect(n).toBe(card.evaluation.bytes);
    expect(modelBpb).toBeLessThan(ngram5.get("all")!);
    expect(ngram5.get("all")!).toBeLessThan(ngram4.get("all")!);
    expect(Math.abs(modelBpb - card.evaluation.bitsPerByte)).toBeLessThan(0.01);
    for (const [group, figure] of Object.entries(card.evaluation.byGroup)) {
      const [s, c] = sums.get(group as ScriptGroup)!;
      expect(c).toBe(figure.bytes);
      expect(Math.abs(s / c - figure.bitsPerByte)).toBeLessThan(0.01);
    }
  });

  it("scores held-out English documents (whole, in sliding windows) as its card says, document by document", async () => {
    const brown = corpus.split.valid.filter((d) => d.source === "brown");
    const perDocument = card.english.perDocument;
    expect(brown.map((d) => d.id)).toEqual(perDocument.map((d) => d.id));
    // The card's totals are the sums of its documents.
    const bytes = perDocument.reduce((a, d) => a + d.bytes, 0);
    expect(bytes).toBe(card.english.bytes);
    expect(perDocument.reduce((a, d) => a + d.bits, 0) / bytes).toBeCloseTo(card.english.bitsPerByte, 3);
    // Every 12th document scored here (all of them take minutes on two cores): bits per document within 0.01 bit/byte.
    const { context, stride } = card.english.windows;
    expect(context).toBe(card.contextLength);
    for (let i = 0; i < brown.length; i += 12) {
      const doc = encoder.encode(brown[i]!.text);
      const { bits } = await computeSurprisal(model, doc, { stride, batchSize: 32 });
      const figures = heldOutFigures([doc], [bits]);
      const expected = perDocument[i]!;
      expect(figures.bytes).toBe(expected.bytes);
      expect(Math.abs(figures.bitsPerByte - expected.bits / expected.bytes)).toBeLessThan(0.01);
      expect(figures.insideWord.bytes).toBe(expected.insideWordBytes);
      expect(
        Math.abs(figures.insideWord.bitsPerByte - expected.insideWordBits / expected.insideWordBytes),
      ).toBeLessThan(0.01);
    }
  });

  it("`lm surprisal <file>` prints the model, bits per byte and one figure per byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lm-cli-"));
    try {
      const text = "Все люди рождаются свободными. All human beings are born free. 人人生而自由。\n".repeat(
        5,
      );
      const file = join(dir, "input.txt");
      writeFileSync(file, text);
      const out = JSON.parse(await lmCommand(["surprisal", file])) as {
        model: string;
        bits_per_byte: number;
        bits: number[];
      };
      expect(out.model).toBe(card.name);
      expect(out.bits).toHaveLength(encoder.encode(text).length);
      const mean = out.bits.reduce((a, b) => a + b, 0) / out.bits.length;
      expect(out.bits_per_byte).toBeCloseTo(mean, 3);
      expect(out.bits.every((b) => Number.isFinite(b) && b >= 0)).toBe(true);
      await expect(lmCommand(["perplexity", file])).rejects.toThrow(/usage/);
      const empty = join(dir, "empty.txt");
      writeFileSync(empty, "");
      expect(JSON.parse(await lmCommand(["surprisal", empty]))).toEqual({
        model: card.name,
        bits_per_byte: null,
        bits: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
