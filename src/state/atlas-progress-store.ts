import { create } from "zustand";

/** Declarations counted so far per tokenizer, while the atlas computes. */
interface AtlasProgressState {
  progress: Record<string, { done: number; total: number }>;
}

const useAtlasProgressStore = create<AtlasProgressState>()(() => ({ progress: {} }));

/** Progress not yet shown, flushed at most every {@link FLUSH_MS}: each update re-renders the status line. */
let pending: Record<string, { done: number; total: number }> = {};
let flushTimer: ReturnType<typeof setTimeout> | undefined;
const FLUSH_MS = 250;

function flush(): void {
  flushTimer = undefined;
  const updates = pending;
  pending = {};
  useAtlasProgressStore.setState((s) => ({ progress: { ...s.progress, ...updates } }));
}

/** Records progress of one tokenizer's column (shown within a quarter of a second; a finished column at once). */
export function reportAtlasProgress(tokenizer: string, done: number, total: number): void {
  pending[tokenizer] = { done, total };
  if (done >= total) {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flush();
  } else flushTimer ??= setTimeout(flush, FLUSH_MS);
}

/** Progress per tokenizer. */
export function useAtlasProgress(): Record<string, { done: number; total: number }> {
  return useAtlasProgressStore((s) => s.progress);
}
