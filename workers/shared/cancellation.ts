import { CancelledError } from "../../src/core/jobs/cancellation";
import type { JobHooks } from "../../src/core/jobs/job-hooks";

export { CancelledError };

/** Lets messages that arrived meanwhile (cancellations) run: awaiting model or library calls alone only yields to microtasks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
