import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import * as ort from "onnxruntime-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logSumExp } from "../../src/core/lm/byte-token/log-space";
import { BYTE_EOS, exactNextByte, naiveNextByte } from "../../src/core/lm/byte-token/next-byte";
import { encodedLogProb, telescopedLogProb } from "../../src/core/lm/byte-token/telescoping";
import { TokenContextModel } from "../../src/core/lm/byte-token/token-lm";
import type { ScriptGroup } from "../../src/core/lm/script-group";
import { utf8Encode } from "../../src/core/text/utf8";
import { buildLmCorpus, type LmCorpus } from "../build-lm-corpus";
import { PROTOCOL_BYTES, TOKEN_MANIFEST_PATH, TOKEN_VOCAB_SIZE } from "../build-token-corpus";
import { lmNextByteCommand } from "../cli/lm-next-byte";
import { loadTokenizer } from "./load-tokenizer";
import {
  loadTokenLmNode,
  TOKEN_LM_FIXTURE_PATH,
  TOKEN_LM_TOKENIZER_PATH,
  type NodeTokenLm,
} from "./token-lm-node";

interface Fixture {
  bos: number;
  checkedIds: number[];
  cases: { ids: number[]; positions: number[]; logits: number[][]; logSumExp: number[] }[];
}

/** Every output row of `[BOS, ...ids]` from the raw session. */
async function allLogits(
  lm: NodeTokenLm,
  ids: readonly number[],
): Promise<{ data: Float32Array; width: number }> {
  const input = BigInt64Array.from([lm.card.bos, ...ids], (id) => BigInt(id));
  const feeds: Record<string, ort.Tensor> = {
    [lm.card.onnx.input]: new ort.Tensor("int64", input, [1, input.length]),
  };
  if (lm.card.onnx.positions) {
    const every = BigInt64Array.from(input, (_, i) => BigInt(i));
    feeds[lm.card.onnx.positions] = new ort.Tensor("int64", every, [1, every.length]);
  }
  const output = await lm.session.run(feeds);
  const data = output[lm.card.onnx.output]!.data as Float32Array;
  return { data, width: data.length / input.length };
}

describe("the committed token LM in Node (onnxruntime-web, WebAssembly)", () => {
  let lm: NodeTokenLm;
  let corpus: LmCorpus;

  beforeAll(async () => {
    lm = await loadTokenLmNode();
    corpus = buildLmCorpus();
  });
  afterAll(() => lm?.release());

  it("ships the tokenizer it was trained with, of 4,096 tokens", () => {
    const sha = createHash("sha256").update(readFileSync(TOKEN_LM_TOKENIZER_PATH)).digest("hex");
    const manifest = JSON.parse(readFileSync(TOKEN_MANIFEST_PATH, "utf8")) as {
      tokenizer: { sha256: string };
    };
    expect(sha).toBe(lm.card.tokenizer.sha256);
    expect(sha).toBe(manifest.tokenizer.sha256);
    expect(lm.bpe.tokens).toHaveLength(TOKEN_VOCAB_SIZE);
    expect(lm.card.eos).toBe(TOKEN_VOCAB_SIZE);
  });

  it("is a comparison lane whose ids (through @huggingface/tokenizers) are the LM's canonical encoding", async () => {
    const lane = await loadTokenizer("tokenprism-bpe-4k");
    for (const doc of corpus.split.valid.slice(0, 40)) {
      expect(Array.from(lane.encode(doc.text).ids), doc.id).toEqual(
        Array.from(lm.tokenizer.encode(utf8Encode(doc.text))),
      );
    }
  });

  it("reproduces the training fixture's logits", async () => {
    const fixture = JSON.parse(readFileSync(TOKEN_LM_FIXTURE_PATH, "utf8")) as Fixture;
    expect(fixture.bos).toBe(lm.card.bos);
    let worst = 0;
    for (const c of fixture.cases) {
      const { data, width } = await allLogits(lm, c.ids);
      expect(width).toBe(TOKEN_VOCAB_SIZE + 1);
      c.positions.forEach((position, k) => {
        const row = data.subarray(position * width, (position + 1) * width);
        fixture.checkedIds.forEach(
          (id, j) => (worst = Math.max(worst, Math.abs(row[id]! - c.logits[k]![j]!))),
        );
        worst = Math.max(worst, Math.abs(logSumExp(Float64Array.from(row)) - c.logSumExp[k]!));
      });
    }
    expect(worst).toBeLessThan(2e-3);
  });

  it("scores the validation protocol in bits per byte as its card says", async () => {
    const groups = corpus.manifest.validDocuments.map((d) => d.group);
    const sums = new Map<ScriptGroup | "all", [number, number]>();
    for (const [d, doc] of corpus.split.valid.entries()) {
      const bytes = utf8Encode(doc.text).subarray(0, PROTOCOL_BYTES);
      const ids = Array.from(lm.tokenizer.encode(bytes));
      // As train.py scores it: windows of contextLength tokens, each from BOS.
      let bits = 0;
      for (let start = 0; start < ids.length; start += lm.card.contextLength) {
        const window = ids.slice(start, start + lm.card.contextLength);
        const { data, width } = await allLogits(lm, window.slice(0, -1));
        window.forEach((id, j) => {
          const row = Float64Array.from(data.subarray(j * width, (j + 1) * width));
          bits += (logSumExp(row) - row[id]!) / Math.LN2;
        });
      }
      for (const key of ["all", groups[d]!] as const) {
        const [s, n] = sums.get(key) ?? [0, 0];
        sums.set(key, [s + bits, n + bytes.length]);
      }
    }
    const [sum, n] = sums.get("all")!;
    console.info(
      `token-lm ${(sum / n).toFixed(4)} bits/byte on the protocol (${n} bytes); byte-lm ${lm.card.byteLmBitsPerByte}`,
    );
    expect(n).toBe(lm.card.evaluation.bytes);
    expect(Math.abs(sum / n - lm.card.evaluation.bitsPerByte)).toBeLessThan(0.01);
    for (const [group, figure] of Object.entries(lm.card.evaluation.byGroup)) {
      const [s, c] = sums.get(group as ScriptGroup)!;
      expect(c).toBe(figure.bytes);
      expect(Math.abs(s / c - figure.bitsPerByte)).toBeLessThan(0.01);
    }
  });

  it("telescopes: the product of exact next-byte probabilities and P(end) is P(canonical encoding)", async () => {
    const model = new TokenContextModel(lm.lm, lm.tokenizer, "local");
    for (const text of ["The cat sat.", " rights and", "Все люди", "naïve 🙂"]) {
      const bytes = utf8Encode(text);
      const telescoped = await telescopedLogProb(model, bytes);
      const encoded = await encodedLogProb(model, bytes);
      expect(Number.isFinite(encoded), text).toBe(true);
      expect(Math.abs(telescoped - encoded), text).toBeLessThan(1e-6 * Math.max(1, Math.abs(encoded)));
    }
  });

  it("exact next-byte distributions conserve mass and differ from the naive one inside a token", async () => {
    const model = new TokenContextModel(lm.lm, lm.tokenizer, "local");
    const prompt = utf8Encode("All human beings are born free and equal in dig");
    const exact = await exactNextByte(model, prompt);
    const naive = await naiveNextByte(model, prompt);
    // Mass conservation: the unnormalized next-byte mass equals the prompt's probability (Σ P(cover)).
    expect(Math.abs(exact.logMass - exact.logPrefix)).toBeLessThan(1e-9);
    expect(exact.covers.straddling.length).toBeGreaterThan(0);
    // Naive ends the prompt on a token boundary and so favours bytes that start a new token;
    // the exact distribution has a cover that continues the current word.
    const tv =
      0.5 * exact.logProbs.reduce((s, v, i) => s + Math.abs(Math.exp(v) - Math.exp(naive.logProbs[i]!)), 0);
    expect(tv).toBeGreaterThan(0.05);
    expect(exact.logProbs[BYTE_EOS]).toBeLessThan(Math.log(0.5));
  });

  it("`lm next-byte --model token` prints a distribution summing to 1 and the number of covers", async () => {
    for (const method of ["exact", "naive", "healing"]) {
      const out = JSON.parse(
        await lmNextByteCommand([
          "next-byte",
          "--model",
          "token",
          "--method",
          method,
          "--prompt",
          "Hello wor",
        ]),
      ) as { dist: Record<string, number>; covers: number };
      const total = Object.values(out.dist).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - 1), method).toBeLessThan(1e-6);
      expect(out.covers).toBeGreaterThanOrEqual(1);
    }
  });
});
