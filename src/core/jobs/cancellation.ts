/** A job was cancelled (by its caller's AbortSignal or a worker's cancel request): not a failure to report. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/**
 * Whether an error means "cancelled": a {@link CancelledError}, one that crossed a worker boundary (comlink
 * keeps the name, not the class), or a DOM AbortError.
 */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === "CancelledError" || error.name === "AbortError");
}

/** Throws {@link CancelledError} when the signal has fired. */
export function throwIfCancelled(signal: { readonly aborted: boolean } | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
