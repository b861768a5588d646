import { readFile } from "node:fs/promises";
import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { laneViewData } from "../../src/core/compare/lane-view-data";
import { patchStarts } from "../../src/core/lm/entropy-patching";
import { patchEncoding } from "../../src/core/lm/patch-encoding";
import { utf8Encode } from "../../src/core/text/utf8";
import { BYTE_LM_PATH, loadByteLmNode, readByteLmCard } from "../../scripts/lib/byte-lm-node";
import { computeSurprisal } from "../../src/core/lm/surprisal";
import type { LogitsSession } from "../../src/core/lm/session-byte-model";
import { createLmApi, type LmRuntime } from "./api";
import type { TokenLmRuntime } from "./token-api";

/** The worker's runtime in Node: the committed model through onnxruntime-web's WebAssembly backend. */
const runtime: LmRuntime & TokenLmRuntime = {
  loadModel: async () => ({
    card: await readByteLmCard(),
    bytes: new Uint8Array(await readFile(BYTE_LM_PATH)),
  }),
  availableBackends: async () => ["wasm"],
  createSession: async (bytes) => {
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ["wasm"] });
    return {
      session: session as unknown as LogitsSession,
      tensor: (ids, dims) => new ort.Tensor("int64", ids, dims),
    };
  },
  wasmThreads: () => 1,
  loadTokenModel: () => Promise.reject(new Error("no token LM in this test")),
  createTokenSession: () => Promise.reject(new Error("no token LM in this test")),
};

const TEXT = "The patch lane: entropy patching as in BLT. Ça marche aussi en français, 😀.";

describe("the LM worker API (Node, the committed byte LM)", () => {
  it("cuts the patch lane in the worker exactly as patching the scored entropies does", async () => {
    const api = createLmApi(runtime);
    const settings = { rule: "global" as const, globalThreshold: 1.3354, relativeThreshold: 0.2 };
    let reports = 0;
    const view = await api.patchLane(TEXT, settings, 1, () => reports++);
    const model = await loadByteLmNode();
    const { entropyNats } = await computeSurprisal(model, utf8Encode(TEXT), { batchSize: 8 });
    await model.release();
    const expected = laneViewData(TEXT, patchEncoding(TEXT, patchStarts(entropyNats, settings)), []);
    expect(Array.from(view.encoding.starts)).toEqual(Array.from(expected.encoding.starts));
    expect(Array.from(view.encoding.ends)).toEqual(Array.from(expected.encoding.ends));
    expect(view.encoding.ids.length).toBeGreaterThan(1);
    expect(reports).toBeGreaterThan(0);
    // Another threshold reuses the kept entropies (no scoring, so no progress report) and cuts differently.
    reports = 0;
    const finer = await api.patchLane(TEXT, { ...settings, globalThreshold: 0.5 }, 2, () => reports++);
    expect(reports).toBe(0);
    expect(finer.encoding.ids.length).toBeGreaterThanOrEqual(view.encoding.ids.length);
  });

  it("stops scoring when the request is cancelled", async () => {
    const api = createLmApi(runtime);
    await api.load("wasm");
    const long = TEXT.repeat(40);
    const pending = api.surprisal(utf8Encode(long), 7, () => api.cancel(7));
    await expect(pending).rejects.toMatchObject({ name: "CancelledError" });
  });
});

describe("choosing the backend", () => {
  it("runs on WebAssembly when WebGPU never answers, and says why WebGPU is not used", async () => {
    const hanging: LmRuntime & TokenLmRuntime = {
      ...runtime,
      availableBackends: async () => ["wasm", "webgpu"],
      createSession: (bytes, backend) =>
        backend === "webgpu" ? new Promise(() => {}) : runtime.createSession(bytes, backend),
    };
    const api = createLmApi(hanging, { backendDeadlineMs: 300 });
    const info = await api.load("auto");
    expect(info.backend).toBe("wasm");
    expect(info.skipped).toEqual([{ backend: "webgpu", reason: "did not answer within 0.3 s" }]);
    // Asked for WebGPU alone, it fails with that reason instead of loading for ever.
    await expect(createLmApi(hanging, { backendDeadlineMs: 300 }).load("webgpu")).rejects.toThrow(
      "The model could not be started (webgpu: did not answer within 0.3 s).",
    );
  });

  it("starts the WebAssembly runtime while the model downloads, and still loads when that warm-up fails", async () => {
    const events: string[] = [];
    let finishDownload!: () => void;
    const downloading = new Promise<void>((resolve) => (finishDownload = resolve));
    const slow: LmRuntime & TokenLmRuntime = {
      ...runtime,
      loadModel: async () => {
        events.push("download started");
        await downloading;
        return runtime.loadModel();
      },
      warmUp: (backend) => {
        events.push(`warm-up ${backend}`);
        return Promise.reject(new Error("no runtime today"));
      },
    };
    const loading = createLmApi(slow).load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual(["warm-up wasm", "download started"]);
    finishDownload();
    const info = await loading;
    expect(info.backend).toBe("wasm");
    expect(info.skipped).toEqual([]);
  });
});
