import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ngramBitsPerByte, trainByteNgram } from "../../src/core/lm/byte-ngram";
import { EVAL_PROTOCOL, evaluationWindows } from "../../src/core/lm/eval-protocol";
import type { ScriptGroup } from "../../src/core/lm/script-group";
import { scoreWindows } from "../../src/core/lm/surprisal";
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

    // Both baselines are trained on the same train split and scored on the same windows, here.
    const trainDocs = corpus.split.train.map((d) => encoder.encode(d.text));
    const [ngram4, ngram5] = [4, 5].map((order) =>
      ngramBitsPerByte(
        trainByteNgram(trainDocs, order),
        windows.map((w) => w.bytes),
      ),
    ) as [number, number];
    console.info(
      `byte-lm ${modelBpb.toFixed(4)} bits/byte (${n} bytes, ${modelSeconds.toFixed(1)} s on wasm), ` +
        `KN 4-gram ${ngram4.toFixed(4)}, KN 5-gram ${ngram5.toFixed(4)}; by group: ` +
        [...sums]
          .filter(([key]) => key !== "all")
          .map(([key, [s, c]]) => `${key} ${(s / c).toFixed(3)}`)
          .join(", "),
    );

    expect(n).toBe(card.evaluation.bytes);
    expect(modelBpb).toBeLessThan(ngram5);
    expect(ngram5).toBeLessThan(ngram4);
    expect(Math.abs(modelBpb - card.evaluation.bitsPerByte)).toBeLessThan(0.01);
    for (const [group, figure] of Object.entries(card.evaluation.byGroup)) {
      const [s, c] = sums.get(group as ScriptGroup)!;
      expect(c).toBe(figure.bytes);
      expect(Math.abs(s / c - figure.bitsPerByte)).toBeLessThan(0.01);
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
