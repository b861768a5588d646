// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { CancelledError } from "../core/jobs/cancellation";
import { defineJob, useJobMutation } from "./job-mutation";

/** A job driven by hand: each run waits for the test to report progress, finish or fail it. */
function manualJob() {
  const runs: {
    input: number;
    signal: AbortSignal;
    progress(p: string): void;
    finish(v: string): void;
    fail(e: Error): void;
  }[] = [];
  const job = defineJob<number, string, string>(["test", "manual"], (input, signal, onProgress) => {
    return new Promise<string>((resolve, reject) => {
      signal.addEventListener("abort", () => reject(new CancelledError()));
      runs.push({ input, signal, progress: onProgress, finish: resolve, fail: reject });
    });
  });
  return { job, runs };
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe("useJobMutation", () => {
  it("goes idle → running (with progress) → done, keeping the result", async () => {
    const { job, runs } = manualJob();
    const done: string[] = [];
    const { result } = renderHook(() => useJobMutation(job, { onDone: (v) => done.push(v) }), { wrapper });
    expect(result.current.status).toBe("idle");
    act(() => result.current.start(7));
    await waitFor(() => expect(result.current.status).toBe("running"));
    expect(runs[0]!.input).toBe(7);
    act(() => runs[0]!.progress("half"));
    await waitFor(() => expect(result.current.progress).toBe("half"));
    await act(async () => runs[0]!.finish("seven"));
    await waitFor(() => expect(result.current.status).toBe("done"));
    expect(result.current.result).toBe("seven");
    expect(result.current.progress).toBeNull();
    expect(done).toEqual(["seven"]);
  });

  it("tells a cancellation apart from an error", async () => {
    const { job, runs } = manualJob();
    const { result } = renderHook(() => useJobMutation(job), { wrapper });
    act(() => result.current.start(1));
    await waitFor(() => expect(runs).toHaveLength(1));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.status).toBe("cancelled"));
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(result.current.error).toBeNull();
    act(() => result.current.start(2));
    await waitFor(() => expect(runs).toHaveLength(2));
    await act(async () => runs[1]!.fail(new Error("worker said no")));
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error).toBe("worker said no");
  });

  it("starting again cancels the previous run, whose late progress and result are ignored", async () => {
    const { job, runs } = manualJob();
    const seen: string[] = [];
    const { result } = renderHook(() => useJobMutation(job, { onProgress: (p) => seen.push(p) }), {
      wrapper,
    });
    act(() => result.current.start(1));
    await waitFor(() => expect(runs).toHaveLength(1));
    act(() => result.current.start(2));
    await waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[0]!.signal.aborted).toBe(true);
    act(() => runs[0]!.progress("stale"));
    act(() => runs[1]!.progress("fresh"));
    await act(async () => runs[1]!.finish("two"));
    await waitFor(() => expect(result.current.status).toBe("done"));
    expect(seen).toEqual(["fresh"]);
    expect(result.current.result).toBe("two");
  });

  it("cancels the running job on unmount", async () => {
    const { job, runs } = manualJob();
    const { result, unmount } = renderHook(() => useJobMutation(job), { wrapper });
    act(() => result.current.start(1));
    await waitFor(() => expect(runs).toHaveLength(1));
    unmount();
    expect(runs[0]!.signal.aborted).toBe(true);
  });
});
