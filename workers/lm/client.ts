import type { BiasPoint } from "../../src/core/lm/byte-token/bias-scan";
import { callback, WorkerConnection } from "../shared/worker-connection";
import type { LmApi, LmBackend, LmInfo, SurprisalData } from "./api";
import type { SampleStep, TokenLmInfo, TokenNextBytes } from "./token-api";

type LoadProgress = (loaded: number, total: number | null) => void;

/**
 * Main-thread access to the language-model worker (byte LM and token LM) over one {@link WorkerConnection}; a
 * crashed worker is replaced, and the models load again on the next call.
 */
class LmClient {
  private readonly connection = new WorkerConnection<LmApi>(
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "byte-lm" }),
    "language-model",
  );

  load(preference: LmBackend | "auto", onProgress?: LoadProgress): Promise<LmInfo> {
    return this.connection.call((r) => r.load(preference, callback(onProgress)));
  }

  surprisal(
    bytes: Uint8Array,
    signal: AbortSignal | undefined,
    onProgress: (done: number, total: number) => void,
  ): Promise<SurprisalData> {
    return this.connection.cancellable(signal, (r, id) => r.surprisal(bytes, id, callback(onProgress)));
  }

  nextByte(bytes: Uint8Array): Promise<{ probs: Float64Array; entropyBits: number }> {
    return this.connection.call((r) => r.nextByte(bytes));
  }

  loadTokenLm(onProgress?: LoadProgress): Promise<TokenLmInfo> {
    return this.connection.call((r) => r.loadTokenLm(callback(onProgress)));
  }

  tokenNextBytes(bytes: Uint8Array): Promise<TokenNextBytes> {
    return this.connection.call((r) => r.tokenNextBytes(bytes));
  }

  biasScan(
    bytes: Uint8Array,
    limit: number,
    signal: AbortSignal,
    onProgress: (done: number, total: number) => void,
  ): Promise<BiasPoint[]> {
    return this.connection.cancellable(signal, (r, id) => r.biasScan(bytes, limit, id, callback(onProgress)));
  }

  sampleExact(
    prompt: Uint8Array,
    count: number,
    seed: number,
    signal: AbortSignal,
    onStep: (step: SampleStep) => void,
  ): Promise<Uint8Array> {
    return this.connection.cancellable(signal, (r, id) =>
      r.sampleExact(prompt, count, seed, id, callback(onStep)),
    );
  }
}

let client: LmClient | undefined;

/** The language-model worker, started on first use. */
export function lmClient(): LmClient {
  client ??= new LmClient();
  return client;
}
