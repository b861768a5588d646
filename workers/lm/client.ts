import { proxy, wrap, type Remote } from "comlink";
import type { BiasPoint } from "../../src/core/lm/byte-token/bias-scan";
import type { LmApi, LmBackend, LmInfo, SurprisalData } from "./api";
import type { SampleStep, TokenLmInfo, TokenNextBytes } from "./token-api";

/** The byte LM worker died (out of memory, a runtime crash) while a call was pending. */
export class LmWorkerCrashedError extends Error {
  constructor(message: string) {
    super(`The language-model worker stopped: ${message}`);
    this.name = "LmWorkerCrashedError";
  }
}

let nextRequestId = 1;

/** Main-thread access to the byte LM worker; a crashed worker is replaced on the next call. */
class LmClient {
  private worker: Worker | undefined;
  private remote: Remote<LmApi> | undefined;
  private death: Promise<never> | undefined;

  private connect(): { remote: Remote<LmApi>; death: Promise<never> } {
    if (!this.worker || !this.remote || !this.death) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "byte-lm" });
      this.worker = worker;
      this.remote = wrap<LmApi>(worker);
      this.death = new Promise<never>((_, reject) =>
        worker.addEventListener("error", (event) => {
          this.worker = this.remote = this.death = undefined;
          worker.terminate();
          reject(new LmWorkerCrashedError(event.message || "unknown error"));
        }),
      );
      this.death.catch(() => undefined);
    }
    return { remote: this.remote, death: this.death };
  }

  private call<T>(action: (remote: Remote<LmApi>) => Promise<T>): Promise<T> {
    const { remote, death } = this.connect();
    return Promise.race([action(remote), death]);
  }

  load(
    preference: LmBackend | "auto",
    onProgress?: (loaded: number, total: number | null) => void,
  ): Promise<LmInfo> {
    return this.call((r) => r.load(preference, onProgress ? proxy(onProgress) : undefined));
  }

  async surprisal(
    bytes: Uint8Array,
    signal: AbortSignal | undefined,
    onProgress: (done: number, total: number) => void,
  ): Promise<SurprisalData> {
    const requestId = nextRequestId++;
    const onAbort = () => void this.remote?.cancel(requestId);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.call((r) => r.surprisal(bytes, requestId, proxy(onProgress)));
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  nextByte(bytes: Uint8Array): Promise<{ probs: Float64Array; entropyBits: number }> {
    return this.call((r) => r.nextByte(bytes));
  }

  loadTokenLm(onProgress?: (loaded: number, total: number | null) => void): Promise<TokenLmInfo> {
    return this.call((r) => r.loadTokenLm(onProgress ? proxy(onProgress) : undefined));
  }

  tokenNextBytes(bytes: Uint8Array): Promise<TokenNextBytes> {
    return this.call((r) => r.tokenNextBytes(bytes));
  }

  biasScan(
    bytes: Uint8Array,
    limit: number,
    signal: AbortSignal,
    onProgress: (done: number, total: number) => void,
  ): Promise<BiasPoint[]> {
    return this.cancellable(signal, (requestId, r) => r.biasScan(bytes, limit, requestId, proxy(onProgress)));
  }

  sampleExact(
    prompt: Uint8Array,
    count: number,
    seed: number,
    signal: AbortSignal,
    onStep: (step: SampleStep) => void,
  ): Promise<Uint8Array> {
    return this.cancellable(signal, (requestId, r) =>
      r.sampleExact(prompt, count, seed, requestId, proxy(onStep)),
    );
  }

  /** Runs a call that the signal can stop (the worker checks between steps). */
  private async cancellable<T>(
    signal: AbortSignal,
    action: (requestId: number, remote: Remote<LmApi>) => Promise<T>,
  ): Promise<T> {
    const requestId = nextRequestId++;
    const onAbort = () => void this.remote?.cancel(requestId);
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.call((r) => action(requestId, r));
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }
}

let client: LmClient | undefined;

/** The byte LM worker, started on first use. */
export function lmClient(): LmClient {
  client ??= new LmClient();
  return client;
}
