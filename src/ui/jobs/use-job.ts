import { useCallback, useEffect, useRef, useState } from "react";

/** Where a long action stands. */
export type JobStatus = "idle" | "running" | "done" | "error" | "cancelled";

/** A long worker action with progress, cancel and error states. */
export interface Job<T, P> {
  status: JobStatus;
  progress: P | null;
  result: T | null;
  error: string | null;
  start(run: (signal: AbortSignal, onProgress: (progress: P) => void) => Promise<T>): void;
  cancel(): void;
}

/** Runs one action at a time; starting again cancels the previous run; unmounting cancels too. */
export function useJob<T, P = number>(): Job<T, P> {
  const [state, setState] = useState<Omit<Job<T, P>, "start" | "cancel">>({
    status: "idle",
    progress: null,
    result: null,
    error: null,
  });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((run: (signal: AbortSignal, onProgress: (progress: P) => void) => Promise<T>) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState((s) => ({ ...s, status: "running", progress: null, error: null }));
    const current = () => controller.current === own;
    run(own.signal, (progress) => current() && setState((s) => ({ ...s, progress }))).then(
      (result) => current() && setState({ status: "done", progress: null, result, error: null }),
      (error: unknown) => {
        if (!current()) return;
        const cancelled = own.signal.aborted || (error instanceof Error && error.message === "cancelled");
        setState((s) => ({
          ...s,
          status: cancelled ? "cancelled" : "error",
          error: cancelled ? null : error instanceof Error ? error.message : String(error),
        }));
      },
    );
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...state, start, cancel };
}
