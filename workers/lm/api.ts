import { transfer } from "comlink";
import type { ByteLmCard } from "../../src/core/lm/model-card";
import { byteModelFromSession, type LogitsSession } from "../../src/core/lm/session-byte-model";
import { computeSurprisal, nextByteDistribution, type ByteLanguageModel } from "../../src/core/lm/surprisal";
import { Cancellations, CancelledError, yieldToEventLoop } from "../shared/cancellation";
import { createTokenLmApi, type TokenLmRuntime } from "./token-api";
import { AsyncMemo, AsyncOnce } from "../../src/core/collections/async-memo";
import { laneViewData, type LaneViewData } from "../../src/core/compare/lane-view-data";
import { patchStarts, type PatchingOptions } from "../../src/core/lm/entropy-patching";
import { patchEncoding } from "../../src/core/lm/patch-encoding";
import { utf8Encode } from "../../src/core/text/utf8";
import { encodingTransferables } from "../../src/core/tokenizers/types";

/** An execution backend of onnxruntime-web. */
export type LmBackend = "wasm" | "webgpu";

/** What runs the model: onnxruntime-web in the worker, something else in tests. */
export interface LmRuntime {
  /** The model card and the ONNX file's bytes. */
  loadModel(onProgress?: (loaded: number, total: number | null) => void): Promise<{
    card: ByteLmCard;
    bytes: Uint8Array;
  }>;
  /** The backends this browser can run (WebGPU only with an adapter). */
  availableBackends(): Promise<LmBackend[]>;
  /** A session on one backend, with that runtime's int64 tensor constructor. */
  createSession(
    bytes: Uint8Array,
    backend: LmBackend,
  ): Promise<{ session: LogitsSession; tensor(ids: BigInt64Array, dims: [number, number]): unknown }>;
  /** WebAssembly threads in use (1 unless the page is cross-origin isolated). */
  wasmThreads(): number;
  /**
   * Gets a backend's runtime ready (downloaded, compiled, initialised) without a model, so that this runs while
   * the model downloads; `createSession` then only builds the session. Optional: without it, `createSession`
   * does both.
   */
  warmUp?(backend: LmBackend): Promise<void>;
}

/** The loaded model, as the UI shows it. */
export interface LmInfo {
  card: ByteLmCard;
  backend: LmBackend;
  /** Milliseconds per timed batch for every backend tried (the fastest is used). */
  timings: Partial<Record<LmBackend, number>>;
  wasmThreads: number;
  loadMs: number;
  /** Backends that were tried and not used, with the reason (an error, or no answer in time). */
  skipped: { backend: LmBackend; reason: string }[];
}

/**
 * How long a backend other than WebAssembly may take to start and time a batch. A WebGPU adapter that never
 * answers (seen with Chromium's software adapter: session creation hangs) must not leave the view loading for
 * ever: past this, the model runs on WebAssembly, or fails with a message when WebGPU was asked for.
 */
export const BACKEND_DEADLINE_MS = 15_000;

/** `work`, or a rejection after `ms` (the work itself cannot be stopped; its result is dropped). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  if (!Number.isFinite(ms)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Per-byte surprisal of a text. */
export interface SurprisalData {
  bits: Float32Array;
  entropyNats: Float32Array;
  bitsPerByte: number;
}

/** Milliseconds of the middle of three runs of a 4 × 255-byte batch (after a warm-up run). */
async function timeBackend(model: ByteLanguageModel): Promise<number> {
  const contexts = Array.from({ length: 4 }, (_, k) =>
    Uint8Array.from({ length: model.contextLength - 1 }, (_, i) => 97 + ((i * 7 + k) % 26)),
  );
  await model.logits(contexts.slice(0, 1));
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await model.logits(contexts);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/**
 * The LM worker's API: the byte LM (loaded once, backend chosen by measurement; score text, next byte) and
 * the token LM with the byte–token lemma ({@link createTokenLmApi}).
 */
export function createLmApi(
  runtime: LmRuntime & TokenLmRuntime,
  { backendDeadlineMs = BACKEND_DEADLINE_MS }: { backendDeadlineMs?: number } = {},
) {
  const loading = new AsyncOnce<{ info: LmInfo; model: ByteLanguageModel }>();
  const cancellations = new Cancellations();

  async function load(
    preference: LmBackend | "auto",
    onProgress?: (loaded: number, total: number | null) => void,
  ): Promise<{ info: LmInfo; model: ByteLanguageModel }> {
    const start = performance.now();
    // WebAssembly is always a candidate (and the fallback): its runtime starts while the model downloads.
    const warming = runtime.warmUp?.("wasm").catch(() => undefined);
    const { card, bytes } = await runtime.loadModel(onProgress);
    await warming;
    const spec = { ...card, input: card.onnx.input, output: card.onnx.output };
    const available = await runtime.availableBackends();
    const candidates = preference === "auto" ? available : available.filter((b) => b === preference);
    if (candidates.length === 0)
      throw new Error(`The ${preference} backend is not available in this browser.`);
    const timings: Partial<Record<LmBackend, number>> = {};
    let best: { backend: LmBackend; model: ByteLanguageModel; ms: number } | undefined;
    const skipped: LmInfo["skipped"] = [];
    for (const backend of candidates) {
      try {
        const started = async () => {
          const { session, tensor } = await runtime.createSession(bytes, backend);
          const model = byteModelFromSession(session, tensor, spec);
          return { model, ms: candidates.length > 1 ? await timeBackend(model) : NaN };
        };
        const deadline = backend === "wasm" ? Infinity : backendDeadlineMs;
        const { model, ms } = await withDeadline(started(), deadline);
        timings[backend] = ms;
        if (!best || ms < best.ms) best = { backend, model, ms };
      } catch (error) {
        skipped.push({ backend, reason: (error as Error).message });
      }
    }
    if (!best)
      throw new Error(
        `The model could not be started (${skipped.map((s) => `${s.backend}: ${s.reason}`).join("; ")}).`,
      );
    return {
      info: {
        card,
        backend: best.backend,
        timings,
        wasmThreads: runtime.wasmThreads(),
        loadMs: performance.now() - start,
        skipped,
      },
      model: best.model,
    };
  }

  const loaded = () => loading.get(() => load("auto"));

  /** Scores bytes with the loaded model, letting a cancel land between batches. */
  async function score(
    bytes: Uint8Array,
    requestId: number,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SurprisalData> {
    const { model } = await loaded();
    // Let queued messages (a cancel) run between batches.
    const yielding: ByteLanguageModel = {
      ...model,
      logits: async (contexts) => {
        await yieldToEventLoop();
        return model.logits(contexts);
      },
    };
    const signal = cancellations.signal(requestId);
    try {
      const result = await computeSurprisal(yielding, bytes, { onProgress, signal, batchSize: 8 });
      return { bits: result.bits, entropyNats: result.entropyNats, bitsPerByte: result.bitsPerByte };
    } catch (error) {
      if ((error as Error).name === "AbortError") throw new CancelledError();
      throw error;
    }
  }

  /** The entropies of the last texts the patch lane scored (kept: the data is small next to a rescoring). */
  const scoredText = new AsyncMemo<string, SurprisalData>(4);

  return {
    ...createTokenLmApi(runtime, cancellations),

    /** Loads the model (once; later calls reuse it) and says which backend runs it. */
    async load(
      preference: LmBackend | "auto" = "auto",
      onProgress?: (loaded: number, total: number | null) => void,
    ): Promise<LmInfo> {
      const run = () => load(preference, onProgress);
      return (await (preference === "auto" ? loading.get(run) : loading.reload(run))).info;
    },

    /** Per-byte bits and entropies of `bytes`, in context windows; cancellable by `requestId`. */
    async surprisal(
      bytes: Uint8Array,
      requestId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<SurprisalData> {
      const data = await score(bytes, requestId, onProgress);
      return transfer(data, [data.bits.buffer, data.entropyNats.buffer] as ArrayBuffer[]);
    },

    /**
     * The text cut into entropy patches, as lane data for the Compare view: entropies from the byte LM (the
     * last texts' are kept, so moving a threshold does not score again), patches and lane data here, off the
     * main thread. Cancellable by `requestId`.
     */
    async patchLane(
      text: string,
      patching: PatchingOptions,
      requestId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<LaneViewData> {
      const bytes = utf8Encode(text);
      const { entropyNats } = await scoredText.get(text, () => score(bytes, requestId, onProgress));
      const view = laneViewData(text, patchEncoding(text, patchStarts(entropyNats, patching)), []);
      const buffers = [...encodingTransferables(view.encoding), view.blocks.buffer];
      return transfer(view, buffers as ArrayBuffer[]);
    },

    /** The distribution of the byte after `bytes` (probabilities of 0–255) and its entropy in bits. */
    async nextByte(bytes: Uint8Array): Promise<{ probs: Float64Array; entropyBits: number }> {
      const { model } = await loaded();
      const { probs, entropyBits } = await nextByteDistribution(model, bytes);
      return transfer({ probs, entropyBits }, [probs.buffer as ArrayBuffer]);
    },

    /** Stops a running surprisal computation, bias scan or sampling at its next step. */
    cancel(requestId: number): void {
      cancellations.cancel(requestId);
    },
  };
}

/** The API type the client wraps. */
export type LmApi = ReturnType<typeof createLmApi>;
