/**
 * Runs a generator that yields at pause points, in main-thread tasks of about `budgetMs` each, so that
 * input and rendering keep flowing. Resolves with the generator's result; `signal` stops it early.
 */
export function runSliced<T>(steps: Generator<void, T>, signal: AbortSignal, budgetMs = 8): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (signal.aborted) return reject(new DOMException("cancelled", "AbortError"));
      const deadline = performance.now() + budgetMs;
      try {
        for (;;) {
          const next = steps.next();
          if (next.done) return resolve(next.value);
          if (performance.now() >= deadline) break;
        }
      } catch (error) {
        return reject(error as Error);
      }
      setTimeout(slice, 0);
    };
    slice();
  });
}
