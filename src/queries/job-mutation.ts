import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { isCancelled } from "../core/jobs/cancellation";

/** A long worker job: how it runs from its input, with an AbortSignal and a progress callback. */
export interface JobDefinition<I, T, P> {
  /** The mutation key (exported with the definition, so tests and views can find running jobs). */
  key: readonly unknown[];
  run(input: I, signal: AbortSignal, onProgress: (progress: P) => void): Promise<T>;
}

/** Declares a {@link JobDefinition}. */
export function defineJob<I, T, P = never>(
  key: readonly unknown[],
  run: JobDefinition<I, T, P>["run"],
): JobDefinition<I, T, P> {
  return { key, run };
}

/** Where a job stands. */
export type JobStatus = "idle" | "running" | "done" | "error" | "cancelled";

/** A job as a view sees it: state, the latest progress, the last result, start and cancel. */
export interface Job<I, T, P> {
  status: JobStatus;
  progress: P | null;
  /** The last successful result (kept while a new run is going, until it succeeds). */
  result: T | null;
  error: string | null;
  start(input: I): void;
  cancel(): void;
}

/** Called for the run that is current only (a superseded or cancelled run reports nothing). */
export interface JobListeners<T, P> {
  onProgress?(progress: P): void;
  onDone?(result: T): void;
}

/**
 * Runs a {@link JobDefinition} as a TanStack mutation: one run at a time (starting again cancels the previous
 * run), Cancel aborts it, unmounting cancels too; a cancellation is its own state, not an error.
 */
export function useJobMutation<I, T, P>(
  definition: JobDefinition<I, T, P>,
  listeners: JobListeners<T, P> = {},
): Job<I, T, P> {
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(listeners);
  latest.current = listeners;
  const [progress, setProgress] = useState<P | null>(null);
  const [result, setResult] = useState<T | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const mutation = useMutation({
    mutationKey: definition.key,
    mutationFn: async (input: I) => {
      const own = new AbortController();
      controller.current = own;
      setProgress(null);
      const current = () => controller.current === own;
      const value = await definition.run(input, own.signal, (p) => {
        if (!current()) return;
        setProgress(p);
        latest.current.onProgress?.(p);
      });
      if (current()) {
        setResult(value);
        latest.current.onDone?.(value);
      }
      return value;
    },
  });

  const { mutate } = mutation;
  const start = useCallback(
    (input: I) => {
      controller.current?.abort();
      mutate(input);
    },
    [mutate],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const cancelled = mutation.isError && isCancelled(mutation.error);
  return {
    status: mutation.isPending
      ? "running"
      : mutation.isSuccess
        ? "done"
        : cancelled
          ? "cancelled"
          : mutation.isError
            ? "error"
            : "idle",
    progress: mutation.isPending ? progress : null,
    result,
    error: mutation.isError && !cancelled ? mutation.error.message : null,
    start,
    cancel,
  };
}
