import { create } from "zustand";

/** Declarations counted so far per tokenizer, while the atlas computes. */
interface AtlasProgressState {
  progress: Record<string, { done: number; total: number }>;
}

const useAtlasProgressStore = create<AtlasProgressState>()(() => ({ progress: {} }));

/** Records progress of one tokenizer's column. */
export function reportAtlasProgress(tokenizer: string, done: number, total: number): void {
  useAtlasProgressStore.setState((s) => ({ progress: { ...s.progress, [tokenizer]: { done, total } } }));
}

/** Progress per tokenizer. */
export function useAtlasProgress(): Record<string, { done: number; total: number }> {
  return useAtlasProgressStore((s) => s.progress);
}
