/**
 * What a long core job takes from whoever runs it (a worker, the CLI, a test): a checkpoint it awaits between
 * slices of work (the runner yields there and throws a CancelledError when the job was cancelled) and a
 * progress callback.
 */
export interface JobHooks<P> {
  checkpoint: () => Promise<void>;
  onProgress?: (progress: P) => void;
}

/** Hooks for a caller that never cancels (the CLI, tests): the checkpoint yields nothing. */
export function uninterruptedHooks<P>(onProgress?: (progress: P) => void): JobHooks<P> {
  return { checkpoint: () => Promise.resolve(), onProgress };
}
