import { callback, WorkerConnection } from "../shared/worker-connection";
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
  SweepProgress,
  SweepRequest,
  TokenExplanation,
  TrainedSummary,
  TrainProgress,
  TrainRequest,
} from "./api";

/** Main-thread access to the BPE lab's worker: its API over one {@link WorkerConnection}. */
class BpeClient {
  private readonly connection = new WorkerConnection<BpeApi>(
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "bpe" }),
    "tokenizer lab",
  );

  train(
    request: TrainRequest,
    signal?: AbortSignal,
    onProgress?: (p: TrainProgress) => void,
  ): Promise<TrainedSummary> {
    return this.connection.cancellable(signal, (r, id) => r.train(request, id, callback(onProgress)));
  }

  superBpeSweep(
    request: SweepRequest,
    signal?: AbortSignal,
    onProgress?: (p: SweepProgress) => void,
  ): Promise<SweepPoint[]> {
    return this.connection.cancellable(signal, (r, id) => r.superBpeSweep(request, id, callback(onProgress)));
  }

  encodeMethods(ref: ModelRef, text: string, methods: InferenceMethod[]): Promise<MethodEncoding[]> {
    return this.connection.call((r) => r.encodeMethods(ref, text, methods));
  }

  explainToken(ref: ModelRef, text: string, byteStart: number): Promise<TokenExplanation> {
    return this.connection.call((r) => r.explainToken(ref, text, byteStart));
  }

  inferMixture(
    ref: ModelRef,
    categories: MixtureCategory[],
    options: MixtureRequestOptions,
    signal?: AbortSignal,
    onProgress?: (p: MixtureProgress) => void,
  ): Promise<MixtureResult> {
    return this.connection.cancellable(signal, (r, id) =>
      r.inferMixture(ref, categories, options, id, callback(onProgress)),
    );
  }

  controlledExperiment(
    request: ExperimentRequest,
    signal?: AbortSignal,
    onProgress?: (p: MixtureProgress) => void,
  ): Promise<ExperimentResult> {
    return this.connection.cancellable(signal, (r, id) =>
      r.controlledExperiment(request, id, callback(onProgress)),
    );
  }

  exportTokenizerJson(modelId: string): Promise<string> {
    return this.connection.call((r) => r.exportTokenizerJson(modelId));
  }

  forget(modelId: string): Promise<void> {
    return this.connection.call((r) => r.forget(modelId));
  }
}

let client: BpeClient | undefined;

/** The BPE worker, started on first use. */
export function bpeClient(): BpeClient {
  client ??= new BpeClient();
  return client;
}
