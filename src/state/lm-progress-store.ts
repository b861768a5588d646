import { create } from "zustand";

/** Progress of the byte LM's work: the model download and the surprisal of the current text. */
interface LmProgressState {
  download: { loaded: number; total: number | null } | null;
  scoring: { done: number; total: number } | null;
}

const useLmProgressStore = create<LmProgressState>()(() => ({ download: null, scoring: null }));

export function reportModelDownload(loaded: number, total: number | null): void {
  useLmProgressStore.setState({ download: { loaded, total } });
}

export function reportScoring(done: number, total: number): void {
  useLmProgressStore.setState({ scoring: { done, total } });
}

export const useModelDownload = () => useLmProgressStore((s) => s.download);
export const useScoringProgress = () => useLmProgressStore((s) => s.scoring);
