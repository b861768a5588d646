import { CancelledError } from "../../src/core/jobs/cancellation";
import type { JobHooks } from "../../src/core/jobs/job-hooks";

export { CancelledError };

/** Not in Node (a worker or page in a browser). */
const IN_BROWSER = !(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
/** Resolves the yields in order, one message each (see `yieldByMessage`). */
let yieldChannel: MessageChannel | null = null;
const yielded: (() => void)[] = [];

/**
 * Resolves after the messages and tasks already queued have run: a message to ourselves, in order. Not
 * `setTimeout(0)`: that timer waited 1–4 ms in a worker, and a keystroke's four lane requests per worker waited
 * for four of them (~5 ms of a worker's ~8 ms, measured in Chromium).
 */
export function yieldByMessage(): Promise<void> {
  if (!yieldChannel) {
    yieldChannel = new MessageChannel();
    yieldChannel.port1.onmessage = () => yielded.shift()?.();
    // Node (the tests) would otherwise stay alive for the open port; browsers have no unref.
    (yieldChannel.port1 as { unref?: () => void }).unref?.();
  }
  return new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel!.port2.postMessage(null);
  });
}

/**
 * Lets messages that arrived meanwhile (cancellations) run: awaiting model or library calls alone only yields to
 * microtasks. {@link yieldByMessage} in browsers; a timer in Node (where the tests run these APIs without a
 * worker), which handles a port's messages in one go, new ones included, so that a loop of message yields would
 * never let a timer run there.
 */
export function yieldToEventLoop(): Promise<void> {
  return IN_BROWSER ? yieldByMessage() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Cancellation by request id: the main thread calls {@link Cancellations.cancel}; long work polls. */
export class Cancellations {
  private readonly cancelled = new Set<number>();

  cancel(requestId: number): void {
    this.cancelled.add(requestId);
    if (this.cancelled.size > 10_000) this.cancelled.clear();
  }

  /** Yields to the event loop, then throws {@link CancelledError} if the request was cancelled meanwhile. */
  async checkpoint(requestId: number | undefined): Promise<void> {
    await yieldToEventLoop();
    if (requestId !== undefined && this.cancelled.delete(requestId)) throw new CancelledError();
  }

  /** Whether the request was cancelled (consumes the cancellation), without yielding first. */
  take(requestId: number): boolean {
    return this.cancelled.delete(requestId);
  }

  /** Hooks for a core job run under `requestId`: its checkpoints yield and throw once it is cancelled. */
  hooks<P>(requestId: number | undefined, onProgress?: (progress: P) => void): JobHooks<P> {
    return { checkpoint: () => this.checkpoint(requestId), onProgress };
  }

  /** A signal for core code that polls `aborted` (reading true consumes the cancellation). */
  signal(requestId: number): { readonly aborted: boolean } {
    const cancelled = this.cancelled;
    return {
      get aborted() {
        return cancelled.delete(requestId);
      },
    };
  }
}
