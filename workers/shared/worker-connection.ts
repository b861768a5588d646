import { proxy, wrap, type Remote } from "comlink";
import { CancelledError, isCancelled, throwIfCancelled } from "../../src/core/jobs/cancellation";

/** What every worker API offers: dropping a running request by the id its caller gave it. */
export interface CancellableApi {
  cancel(requestId: number): void | Promise<void>;
}

/** A worker died (uncaught error, out of memory) while a call was pending, and the retry died too. */
export class WorkerCrashedError extends Error {
  constructor(workerLabel: string, message: string) {
    super(`The ${workerLabel} worker stopped: ${message}`);
    this.name = "WorkerCrashedError";
  }
}

interface Live<Api> {
  remote: Remote<Api>;
  /** Rejects with {@link WorkerCrashedError} when the worker dies. */
  death: Promise<never>;
  /** Settles once {@link WorkerConnection.onRestart} has restored a restarted worker's state. */
  ready: Promise<void>;
  terminate(): void;
}

let nextRequestId = 1;

/** A request id no other call of this page uses (the worker's `cancel` takes it). */
export function newRequestId(): number {
  return nextRequestId++;
}

/**
 * One worker behind comlink, the single way the main thread calls a worker: started on first use; replaced
 * when it dies, with a call that met the death retried once on the new worker (after {@link onRestart});
 * calls cancellable through an AbortSignal (the worker's `cancel(requestId)`, and a {@link CancelledError}
 * for the caller); progress callbacks proxied.
 */
export class WorkerConnection<Api extends CancellableApi> {
  private live: Live<Api> | undefined;
  private started = 0;
  /** Restores what a restarted worker lost (files the user dropped), on the new worker's remote. */
  onRestart: (remote: Remote<Api>) => Promise<void> = async () => {};

  constructor(
    private readonly create: () => Worker,
    /** How messages name the worker ("tokenizer", "language-model"). */
    private readonly label: string,
  ) {}

  private connect(): Live<Api> {
    if (this.live) return this.live;
    const worker = this.create();
    const remote = wrap<Api>(worker);
    const restarted = this.started++ > 0;
    const live: Live<Api> = {
      remote,
      death: new Promise<never>((_, reject) =>
        worker.addEventListener("error", (event) => {
          if (this.live === live) this.live = undefined;
          worker.terminate();
          reject(new WorkerCrashedError(this.label, event.message || "unknown error"));
        }),
      ),
      ready: restarted ? this.onRestart(remote) : Promise.resolve(),
      terminate: () => worker.terminate(),
    };
    live.death.catch(() => undefined);
    live.ready.catch(() => undefined);
    this.live = live;
    return live;
  }

  /** Calls the worker; a death during the call restarts it and retries once. */
  async call<T>(action: (remote: Remote<Api>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const live = this.connect();
      try {
        await Promise.race([live.ready, live.death]);
        return await Promise.race([action(live.remote), live.death]);
      } catch (error) {
        if (!(error instanceof WorkerCrashedError) || attempt > 0) throw error;
      }
    }
  }

  /**
   * A call the signal can stop: the abort sends `cancel(requestId)` (the worker drops the request at its next
   * checkpoint) and the call rejects with a {@link CancelledError}, whatever the worker threw.
   */
  async cancellable<T>(
    signal: AbortSignal | undefined,
    action: (remote: Remote<Api>, requestId: number) => Promise<T>,
  ): Promise<T> {
    throwIfCancelled(signal);
    const requestId = newRequestId();
    const onAbort = () => this.cancelRequest(requestId);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.call((remote) => action(remote, requestId));
    } catch (error) {
      if (signal?.aborted || isCancelled(error)) throw new CancelledError();
      throw error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Asks the worker to drop a request (at its next checkpoint, or when it starts); errors are ignored. */
  cancelRequest(requestId: number): void {
    void this.call((r) => Promise.resolve(r.cancel(requestId))).catch(() => undefined);
  }

  /** Stops the worker (the next call starts a fresh one, restored by {@link onRestart}). */
  terminate(): void {
    this.live?.terminate();
    this.live = undefined;
  }
}

/** A callback the worker can call back (a comlink proxy); undefined stays undefined. */
export function callback<F extends (...args: never[]) => unknown>(fn: F): F;
export function callback<F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined;
export function callback<F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined {
  return fn && (proxy(fn) as unknown as F);
}
