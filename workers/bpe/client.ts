import { proxy, wrap, type Remote } from "comlink";
import type {
  BpeApi,
  ExperimentRequest,
  ExperimentResult,
  InferenceMethod,
  MethodEncoding,
  MixtureCategory,
  MixtureProgress,
  MixtureRequestOptions,
  MixtureResult,
  ModelRef,
  SweepPoint,
  SweepRequest,
  TokenExplanation,
  TrainedSummary,
  TrainProgress,
  TrainRequest,
} from "./api";

let nextRequestId = 1;

/** Main-thread access to the BPE worker; long calls take an AbortSignal that cancels them in the worker. */
class BpeClient {
  private readonly remote: Remote<BpeApi>;

  constructor() {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "bpe" });
    this.remote = wrap<BpeApi>(worker);
  }

  /** Runs a cancellable call: an abort sends `cancel(requestId)`, and the call rejects with CancelledError. */
  private async cancellable<T>(signal: AbortSignal | undefined, call: (requestId: number) => Promise<T>) {
    const requestId = nextRequestId++;
    const onAbort = () => void this.remote.cancel(requestId);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await call(requestId);
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  train(
    request: TrainRequest,
    signal?: AbortSignal,
    onProgress?: (p: TrainProgress) => void,
  ): Promise<TrainedSummary> {
    return this.cancellable(signal, (id) => this.remote.train(request, id, onProgress && proxy(onProgress)));
  }

  superBpeSweep(
    request: SweepRequest,
    signal?: AbortSignal,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SweepPoint[]> {
    return this.cancellable(signal, (id) =>
      this.remote.superBpeSweep(request, id, onProgress && proxy(onProgress)),
    );
  }

  encodeMethods(ref: ModelRef, text: string, methods: InferenceMethod[]): Promise<MethodEncoding[]> {
    return this.remote.encodeMethods(ref, text, methods);
  }

  explainToken(ref: ModelRef, text: string, byteStart: number): Promise<TokenExplanation> {
    return this.remote.explainToken(ref, text, byteStart);
  }

  inferMixture(
    ref: ModelRef,
    categories: MixtureCategory[],
    options: MixtureRequestOptions,
    signal?: AbortSignal,
    onProgress?: (p: MixtureProgress) => void,
  ): Promise<MixtureResult> {
    return this.cancellable(signal, (id) =>
      this.remote.inferMixture(ref, categories, options, id, onProgress && proxy(onProgress)),
    );
  }

  controlledExperiment(
    request: ExperimentRequest,
    signal?: AbortSignal,
    onProgress?: (p: MixtureProgress) => void,
  ): Promise<ExperimentResult> {
    return this.cancellable(signal, (id) =>
      this.remote.controlledExperiment(request, id, onProgress && proxy(onProgress)),
    );
  }

  exportTokenizerJson(modelId: string): Promise<string> {
    return this.remote.exportTokenizerJson(modelId);
  }

  forget(modelId: string): Promise<void> {
    return this.remote.forget(modelId);
  }
}

let client: BpeClient | undefined;

/** The BPE worker, started on first use. */
export function bpeClient(): BpeClient {
  client ??= new BpeClient();
  return client;
}
