/** Thrown for a request the main thread cancelled (before it started or between two slices). */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/** Lets messages that arrived meanwhile (cancellations) run before work goes on. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Cancellation by request id: the main thread calls {@link Cancellations.cancel}; long work polls {@link checkpoint}. */
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
}

/** How long one slice of synchronous work may run before the worker yields (ms). */
const SLICE_MS = 50;

/**
 * Runs `step` (a small amount of synchronous work; returns true once finished) in slices of about
 * {@link SLICE_MS}, calling `report` and yielding (where a cancel can land) between slices.
 */
export async function runSliced(
  step: () => boolean,
  checkpoint: () => Promise<void>,
  report?: () => void,
): Promise<void> {
  let finished = false;
  while (!finished) {
    const start = Date.now();
    while (!finished && Date.now() - start < SLICE_MS) finished = step();
    report?.();
    await checkpoint();
  }
}
