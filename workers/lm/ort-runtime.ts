import wasmOnlyBinary from "onnxruntime-web/ort-wasm-simd-threaded.wasm?url";
import jsepBinary from "onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url";
import type * as OrtModule from "onnxruntime-web";
import type { ByteLmCard } from "../../src/core/lm/model-card";
import { fetchBytes, fetchFreshBytes } from "../shared/cached-fetch";
import { fetchTokenLmCard, fetchTokenLmOnnx, fetchTokenLmTokenizer } from "../shared/token-lm-files";
import { identityModelBytes } from "./ort-warm-up";
import type { LmBackend, LmRuntime } from "./api";
import type { TokenLmRuntime } from "./token-api";

/** The model files live in `public/models/` (same origin; nothing is fetched from anywhere else). */
const MODEL_DIR = `${import.meta.env.BASE_URL}models/`;

/** WebAssembly threads need SharedArrayBuffer, i.e. a cross-origin isolated page (COOP/COEP headers). */
const THREADS = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

type Ort = typeof OrtModule;

/**
 * The onnxruntime-web build for a backend, loaded on first use: the plain WebAssembly build for `wasm`
 * (the WebGPU build's JSEP binary fails on the plain WebAssembly path in a worker), the WebGPU build only
 * when WebGPU is asked for. Each binary is a bundled asset of our own origin.
 */
const builds = new Map<LmBackend, Promise<Ort>>();
function ortFor(backend: LmBackend): Promise<Ort> {
  let build = builds.get(backend);
  if (!build) {
    build = (backend === "webgpu" ? import("onnxruntime-web/webgpu") : import("onnxruntime-web/wasm")).then(
      (ort) => {
        const binary = backend === "webgpu" ? jsepBinary : wasmOnlyBinary;
        ort.env.wasm.wasmPaths = { wasm: new URL(binary, self.location.href).href };
        ort.env.wasm.numThreads = THREADS;
        return ort as Ort;
      },
    );
    builds.set(backend, build);
  }
  return build;
}

/** onnxruntime-web in a worker: WebAssembly (SIMD, threads when isolated), WebGPU when there is an adapter. */
export const ortRuntime: LmRuntime & TokenLmRuntime = {
  async loadModel(onProgress) {
    const cardUrl = new URL(`${MODEL_DIR}byte-lm.card.json`, self.location.href).href;
    const card = JSON.parse(new TextDecoder().decode(await fetchFreshBytes(cardUrl))) as ByteLmCard;
    // The card's digest versions the URL, so a cached copy of an older model is never used.
    const url = new URL(
      `${MODEL_DIR}${card.onnx.file}?sha256=${card.onnx.sha256.slice(0, 16)}`,
      self.location.href,
    );
    return { card, bytes: await fetchBytes(url.href, onProgress) };
  },
  async availableBackends() {
    const backends: LmBackend[] = ["wasm"];
    const gpu = (navigator as GpuNavigator).gpu;
    const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
    if (adapter) backends.push("webgpu");
    return backends;
  },
  async createSession(bytes, backend) {
    const ort = await ortFor(backend);
    const session = await ort.InferenceSession.create(bytes, { executionProviders: [backend] });
    return { session, tensor: (ids, dims) => new ort.Tensor("int64", ids, dims) };
  },
  wasmThreads: () => THREADS,
  async warmUp(backend) {
    const ort = await ortFor(backend);
    const session = await ort.InferenceSession.create(identityModelBytes(), {
      executionProviders: [backend],
    });
    await session.release();
  },
  async loadTokenModel(onProgress) {
    const card = await fetchTokenLmCard();
    const [tokenizerJson, bytes] = await Promise.all([
      fetchTokenLmTokenizer(card),
      fetchTokenLmOnnx(card, onProgress),
    ]);
    return { card, tokenizerJson, bytes };
  },
  async createTokenSession(bytes) {
    // The token LM is small and its queries are many short batches: WebAssembly serves them best.
    const ort = await ortFor("wasm");
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ["wasm"] });
    return { session, tensor: (ids, dims) => new ort.Tensor("int64", ids, dims) };
  },
};
