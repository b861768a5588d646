import * as ort from "onnxruntime-web/webgpu";
import wasmUrl from "onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url";
import type { ByteLmCard } from "../../src/core/lm/model-card";
import { fetchBytes } from "../shared/cached-fetch";
import type { LmBackend, LmRuntime } from "./api";

/** The model files live in `public/models/` (same origin; nothing is fetched from anywhere else). */
const MODEL_DIR = `${import.meta.env.BASE_URL}models/`;

// The WebAssembly binary is bundled as an asset of our own origin.
ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
// Threads need SharedArrayBuffer, i.e. a cross-origin isolated page (COOP/COEP, set by vite dev and preview).
ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

/** onnxruntime-web in a worker: WebAssembly (SIMD, threads when isolated), WebGPU when there is an adapter. */
export const ortRuntime: LmRuntime = {
  async loadModel(onProgress) {
    const card = JSON.parse(
      new TextDecoder().decode(await fetchBytes(new URL(`${MODEL_DIR}byte-lm.card.json`, self.location.href).href)),
    ) as ByteLmCard;
    // The card's digest versions the URL, so a cached copy of an older model is never used.
    const url = new URL(`${MODEL_DIR}${card.onnx.file}?sha256=${card.onnx.sha256.slice(0, 16)}`, self.location.href);
    return { card, bytes: await fetchBytes(url.href, onProgress) };
  },
  async availableBackends() {
    const backends: LmBackend[] = ["wasm"];
    const gpu = (navigator as GpuNavigator).gpu;
    const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
    if (adapter) backends.push("webgpu");
    return backends;
  },
  createSession(bytes, backend) {
    return ort.InferenceSession.create(bytes, { executionProviders: [backend] });
  },
  tensor: (ids, dims) => new ort.Tensor("int64", ids, dims),
  wasmThreads: () => ort.env.wasm.numThreads ?? 1,
};
